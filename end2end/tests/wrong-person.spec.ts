import { test, expect } from './fixtures';
import { IDLE, TimedOutPage, openInApp, recordDomText, seenDomText } from './pages/session-pages';
import { UserListPage, UserWizard } from './pages/user-pages';
import type { AppFrame } from './pages/app-frame';
import type { Page } from '@playwright/test';

// ID・パスワード方式 users (no certificate), so that two users can log in in one tab:
// admin02 (山田　一郎, 管理者ユーザ) and user08 (小林　誠, 一般ユーザ).
const TYPED = { loginId: 'wrong026', password: 'Wrong2026', confirmPassword: 'Kakunin27', name: '別人　確認', email: 'wrong.person@example.co.jp' };
/** What the 利用者一覧 shows (other users' names and IDs) and what admin02 typed. */
const ACCOUNT_DATA = ['港　太郎', '佐藤　次郎', '鈴木　三郎', 'master01', 'user03', TYPED.loginId, TYPED.name, TYPED.email];

/** admin02: 利用者一覧, then 利用者登録 step 2 with step 1 typed. */
async function midWizard(page: Page, frame: AppFrame) {
  await frame.menuLink('管理').click();
  await page.getByRole('main').getByRole('link', { name: /^利用者管理/ }).click();
  await page.getByRole('main').getByRole('link', { name: /^利用者情報の管理/ }).click();
  await frame.expectScreen('利用者一覧', 'BRSK005');
  await expect(new UserListPage(page).row('master01')).toBeVisible();
  await page.getByRole('button', { name: '新規登録', exact: true }).click();
  const wizard = new UserWizard(page);
  await wizard.fillBasics(TYPED);
  await wizard.next.click();
  await frame.expectScreen('利用者登録[権限]', 'BRSK007');
}

async function expectNone(page: Page, texts: string[]) {
  for (const text of texts) {
    await expect(page.getByText(text)).toHaveCount(0);
  }
}

test('ログアウト後にブラウザの戻るボタンを押しても、利用者の情報は一瞬も表示されない', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withId('admin02');
  await frame.expectScreen('トップページ', 'BTOP001');
  await midWizard(page, frame);

  await frame.logout.click();
  await expect(page.getByRole('heading', { level: 1, name: 'ログアウト' })).toBeVisible();
  await recordDomText(page);

  // Back through 基本情報, 利用者一覧 and 作業内容選択 (「ログアウトしました」 took the place
  // of 権限): each time the login screen, nothing else.
  for (const path of ['/admin/users/new/basic', '/admin/users/list', '/admin/users']) {
    await page.goBack();
    await expect(loginPage.heading).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/login\\?next=${path.replace(/\//g, '\\/')}$`));
    await expectNone(page, [...ACCOUNT_DATA, '山田　一郎']);
  }
  const seen = await seenDomText(page);
  for (const text of [...ACCOUNT_DATA, '山田　一郎']) {
    expect(seen, `${text} was rendered`).not.toContain(text);
  }

  // Logging in again does not bring back the entry either (「ログアウト」 drops it).
  await loginPage.withId('admin02');
  await frame.expectScreen('作業内容選択', 'BRSK001');
  await openInApp(page, '/admin/users/new/rights');
  await expect(page.getByText('入力内容は保持されていません')).toBeVisible();
  await expectNone(page, [TYPED.loginId, TYPED.name]);
});

test('途中でタイムアウトした後に別の利用者がログインすると、ホームが開き、前の利用者の入力は残らない', async ({ page, loginPage, frame }) => {
  await page.clock.install();
  await loginPage.goto();
  await loginPage.withId('admin02');
  await frame.expectScreen('トップページ', 'BTOP001');
  await midWizard(page, frame);

  await page.clock.fastForward(IDLE.toExpiry);
  const timedOut = new TimedOutPage(page);
  await timedOut.expectShown();
  await expect(timedOut.toLogin).toHaveAttribute('href', '/login?next=/admin/users/new/rights');
  await timedOut.toLogin.click();

  // Another user in the same tab: ホーム, whatever `next` said; nothing of admin02.
  await loginPage.withId('user08');
  await frame.expectScreen('トップページ', 'BTOP001');
  await expect(frame.userName('小林　誠')).toBeVisible();
  await expectNone(page, [...ACCOUNT_DATA, '山田　一郎', '入力途中の内容を復元しました']);
  await openInApp(page, '/admin/users/new/rights');
  await expect(page.getByRole('heading', { level: 1, name: 'ご利用いただけません' })).toBeVisible();
  await expectNone(page, [TYPED.loginId, TYPED.name]);

  // The entry is gone for good: admin02 logging in again in this tab finds nothing kept.
  await frame.logout.click();
  await expect(page.getByRole('heading', { level: 1, name: 'ログアウト' })).toBeVisible();
  await page.getByRole('link', { name: 'ログイン画面へ' }).click();
  await loginPage.withId('admin02');
  await frame.expectScreen('トップページ', 'BTOP001');
  await openInApp(page, '/admin/users/new/rights');
  await expect(page.getByText('入力内容は保持されていません')).toBeVisible();
  await openInApp(page, '/admin/users/new/basic');
  await expect(page.getByText('入力内容は保持されていません')).toBeVisible();
  await expectNone(page, [TYPED.loginId, TYPED.name, TYPED.email]);
});
