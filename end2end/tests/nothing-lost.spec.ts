import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { CompanyPages } from './pages/company-pages';
import { MenuPage } from './pages/menu-pages';
import { IDLE, TimedOutPage, expectNothingStored } from './pages/session-pages';
import { UserWizard } from './pages/user-pages';
import type { AppFrame } from './pages/app-frame';
import type { Page } from '@playwright/test';

// A session that ends in the middle of a flow (the idle limit, or the backend's 401) keeps
// what was typed, in memory only, for the same user's next login in the same tab; never
// a password, never in web storage. Nothing here is executed: the demo data stays as is.
test.use({ clientCertificates: certificateOf('master01') });

const TYPED = {
  loginId: 'keepme26',
  password: 'Keep2026x',
  confirmPassword: 'Kakunin26x',
  name: '保持　確認',
  email: 'keep.me@example.co.jp',
};
const LIMIT = '7654321';
const EVERY_TYPED = [...Object.values(TYPED), LIMIT, '7,654,321'];
const HONTEN = /^本店営業部\(001\) 普通 1234567/;

/** 利用者登録 up to step 3 with everything typed. */
async function wizardToAccounts(page: Page, frame: AppFrame) {
  const wizard = new UserWizard(page);
  await frame.menuLink('管理').click();
  await page.getByRole('main').getByRole('link', { name: /^利用者管理/ }).click();
  await page.getByRole('main').getByRole('link', { name: /^利用者情報の管理/ }).click();
  await frame.expectScreen('利用者一覧', 'BRSK005');
  await page.getByRole('button', { name: '新規登録', exact: true }).click();
  await frame.expectScreen('利用者登録[基本情報]', 'BRSK006');
  await wizard.fillBasics(TYPED);
  await wizard.next.click();
  await frame.expectScreen('利用者登録[権限]', 'BRSK007');
  await wizard.right('照会', '残高照会').check();
  await wizard.next.click();
  await frame.expectScreen('利用者登録[口座]', 'BRSK008');
  await wizard.account(HONTEN).check();
  await wizard.limit('振込振替').fill(LIMIT);
  for (const business of ['総合振込', '給与振込', '賞与振込']) {
    await wizard.limit(business).fill('100000');
  }
  return wizard;
}

/**
 * After the new login on the step the session ended on (口座): everything but the
 * passwords is there; 「次へ」 to 内容確認 first asks for the passwords on 基本情報.
 */
async function expectWizardRestoredAtAccounts(page: Page, frame: AppFrame, wizard: UserWizard) {
  await frame.expectScreen('利用者登録[口座]', 'BRSK008');
  await expect(page.getByText('入力途中の内容を復元しました')).toBeVisible();
  await expect(page.getByText(/パスワードを再度入力してください/)).toBeVisible();
  await expect(wizard.account(HONTEN)).toBeChecked();
  await expect(wizard.limit('振込振替')).toHaveValue('7,654,321');
  await expect(wizard.limit('賞与振込')).toHaveValue(/^100,?000$/);
  await wizard.next.click();
  await frame.expectScreen('利用者登録[基本情報]', 'BRSK006');
  await expect(wizard.errorSummary).toBeFocused();
  await expect(wizard.errorSummary).toContainText('ログインパスワード');
  await expect(wizard.errorSummary).toContainText('確認用パスワード');
  await expect(wizard.field('利用者名')).toHaveValue(TYPED.name);
  await reenterPasswordsAndWalkOn(page, frame, wizard);
  await wizard.next.click();
  await frame.expectScreen('利用者登録確認', 'BRSK009');
}

/** The passwords typed again on 基本情報, then 「次へ」 through 権限 and 口座 as kept. */
async function reenterPasswordsAndWalkOn(page: Page, frame: AppFrame, wizard: UserWizard) {
  const loginPassword = wizard.group('ログインパスワード').getByLabel(/^ログインパスワード\s*必須$/);
  const confirmPassword = wizard.group('確認用パスワード').getByLabel(/^確認用パスワード\s*必須$/);
  await loginPassword.fill(TYPED.password);
  await wizard.field('ログインパスワード（確認のため再入力）').fill(TYPED.password);
  await confirmPassword.fill(TYPED.confirmPassword);
  await wizard.field('確認用パスワード（確認のため再入力）').fill(TYPED.confirmPassword);
  await wizard.next.click();
  await frame.expectScreen('利用者登録[権限]', 'BRSK007');
  await expect(page.getByText('入力途中の内容を復元しました')).toHaveCount(0);
  await expect(wizard.right('照会', '残高照会')).toBeChecked();
  await wizard.next.click();
  await frame.expectScreen('利用者登録[口座]', 'BRSK008');
  await expect(wizard.account(HONTEN)).toBeChecked();
  await expect(wizard.limit('振込振替')).toHaveValue('7,654,321');
}

/**
 * After the new login, when the session ended on 内容確認 (which needs the passwords):
 * 基本情報 with everything but the passwords, which are required again.
 */
async function expectWizardRestored(page: Page, frame: AppFrame, wizard: UserWizard) {
  await frame.expectScreen('利用者登録[基本情報]', 'BRSK006');
  await expect(page.getByText('入力途中の内容を復元しました')).toBeVisible();
  await expect(page.getByText(/パスワードを再度入力してください/)).toBeVisible();
  await expect(wizard.field('ログインID')).toHaveValue(TYPED.loginId);
  await expect(wizard.field('ログインID（確認のため再入力）')).toHaveValue(TYPED.loginId);
  await expect(wizard.field('利用者名')).toHaveValue(TYPED.name);
  await expect(wizard.field('メールアドレス')).toHaveValue(TYPED.email);
  const loginPassword = wizard.group('ログインパスワード').getByLabel(/^ログインパスワード\s*必須$/);
  const confirmPassword = wizard.group('確認用パスワード').getByLabel(/^確認用パスワード\s*必須$/);
  await expect(loginPassword).toHaveValue('');
  await expect(wizard.field('ログインパスワード（確認のため再入力）')).toHaveValue('');
  await expect(confirmPassword).toHaveValue('');
  await expect(wizard.field('確認用パスワード（確認のため再入力）')).toHaveValue('');
  // Required again.
  await wizard.next.click();
  await expect(wizard.errorSummary).toContainText('ログインパスワード');
  await loginPassword.fill(TYPED.password);
  await wizard.field('ログインパスワード（確認のため再入力）').fill(TYPED.password);
  await confirmPassword.fill(TYPED.confirmPassword);
  await wizard.field('確認用パスワード（確認のため再入力）').fill(TYPED.confirmPassword);
  await wizard.next.click();
  await frame.expectScreen('利用者登録[権限]', 'BRSK007');
  await expect(page.getByText('入力途中の内容を復元しました')).toHaveCount(0);
  await expect(wizard.right('照会', '残高照会')).toBeChecked();
  await wizard.next.click();
  await frame.expectScreen('利用者登録[口座]', 'BRSK008');
  await expect(wizard.account(HONTEN)).toBeChecked();
  await expect(wizard.limit('振込振替')).toHaveValue('7,654,321');
  await expect(wizard.limit('賞与振込')).toHaveValue(/^100,?000$/);
}

test('利用者登録の途中で操作がなくタイムアウトしても、同じ利用者で再度ログインすると入力内容が戻る（パスワードを除く）', async ({
  page,
  loginPage,
  frame,
}) => {
  await page.clock.install();
  await loginPage.goto();
  await loginPage.withCertificate();
  const wizard = await wizardToAccounts(page, frame);

  await page.clock.fastForward(IDLE.toExpiry);
  const timedOut = new TimedOutPage(page);
  await timedOut.expectShown();
  await expect(page.getByText('同じ利用者で再度ログインすると復元されます', { exact: false })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expectNothingStored(page, EVERY_TYPED);

  await timedOut.toLogin.click();
  await expect(loginPage.heading).toBeVisible();
  await loginPage.withCertificate();
  await expectWizardRestoredAtAccounts(page, frame, wizard);
  await expectNothingStored(page, EVERY_TYPED);
});

test('利用者登録の確認画面でバックエンドのセッションが失われても（401）、再度ログインすると入力内容が戻る', async ({ page, context, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  const wizard = await wizardToAccounts(page, frame);
  await wizard.next.click();
  await frame.expectScreen('利用者登録確認', 'BRSK009');

  await context.clearCookies();
  await wizard.executeWith();
  const timedOut = new TimedOutPage(page);
  await timedOut.expectShown('ended');
  await expectNothingStored(page, EVERY_TYPED);

  await timedOut.toLogin.click();
  await loginPage.withCertificate();
  await expectWizardRestored(page, frame, wizard);
  await wizard.next.click();
  await frame.expectScreen('利用者登録確認', 'BRSK009');
  await expect(wizard.summaryRow('利用者基本情報', 'ログインID')).toContainText(TYPED.loginId);
  await expect(wizard.operatorPassword).toHaveValue('');
  await expectNothingStored(page, [...EVERY_TYPED, 'Conf1234']);
});

async function openCompanyEdit(page: Page, frame: AppFrame) {
  const menu = new MenuPage(page);
  await frame.menuLink('管理').click();
  await menu.entry('企業管理').click();
  await menu.entry('企業情報の変更').click();
  await frame.expectScreen('企業情報変更', 'BKGK001');
  return new CompanyPages(page);
}

test('企業情報変更の入力中にタイムアウトしても、再度ログインすると入力中の値が戻る', async ({ page, loginPage, frame }) => {
  await page.clock.install();
  await loginPage.goto();
  await loginPage.withCertificate();
  const company = await openCompanyEdit(page, frame);
  await company.field('企業名').fill('みなと保持確認株式会社');
  await company.dailyLimit('総合振込').fill('60000000');
  await company.approval('振込振替', 'ダブル承認(順序なし)').check();

  await page.clock.fastForward(IDLE.toExpiry);
  const timedOut = new TimedOutPage(page);
  await timedOut.expectShown();
  await expectNothingStored(page, ['みなと保持確認株式会社', '60000000']);

  await timedOut.toLogin.click();
  await loginPage.withCertificate();
  await frame.expectScreen('企業情報変更', 'BKGK001');
  await expect(page.getByText('入力途中の内容を復元しました')).toBeVisible();
  await expect(company.field('企業名')).toHaveValue('みなと保持確認株式会社');
  await expect(company.dailyLimit('総合振込')).toHaveValue(/^60,?000,?000$/);
  await expect(company.approval('振込振替', 'ダブル承認(順序なし)')).toBeChecked();
  await expectNothingStored(page, ['みなと保持確認株式会社', '60000000', '60,000,000']);
});

test('企業情報変更の確認画面でセッションが失われても（401）、再度ログインすると確認画面に戻る', async ({ page, context, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  const company = await openCompanyEdit(page, frame);
  // 36,000,000: no other journey leaves 給与振込 there (company-change leaves 35,000,000).
  await company.dailyLimit('給与振込').fill('36000000');
  await company.change.click();
  await frame.expectScreen('企業情報変更確認', 'BKGK002');

  await context.clearCookies();
  await company.executeWith();
  const timedOut = new TimedOutPage(page);
  await timedOut.expectShown('ended');

  await timedOut.toLogin.click();
  await loginPage.withCertificate();
  await frame.expectScreen('企業情報変更確認', 'BKGK002');
  await expect(company.summaryRow('限度額（企業一日当たり）', '給与振込')).toContainText('36,000,000円');
  await expect(company.operatorPassword).toHaveValue('');
  await expectNothingStored(page, ['36000000', '36,000,000', 'Conf1234']);
});
