import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { AppFrame } from './pages/app-frame';
import { LoginPage } from './pages/login-page';
import { UserListPage, UserWizard } from './pages/user-pages';
import { expectPrintout, flat, printAndCapture } from './pdf';

test.use({ clientCertificates: certificateOf('master01') });

const NEW_USER = {
  loginId: 'tanaka26',
  password: 'Start2026',
  confirmPassword: 'Kakunin26',
  name: '田中　花子',
  email: 'hanako.tanaka@example.co.jp',
};

test('管理者が5つの手順で利用者を登録して一覧で確認し、登録された利用者はID・パスワードでログインしてパスワード変更を求められる', async ({
  page,
  loginPage,
  frame,
  browser,
}, testInfo) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  await frame.menuLink('管理').click();
  await page.getByRole('main').getByRole('link', { name: /^利用者管理/ }).click();
  await page.getByRole('main').getByRole('link', { name: /^利用者情報の管理/ }).click();
  await frame.expectScreen('利用者一覧', 'BRSK005');

  const list = new UserListPage(page);
  const wizard = new UserWizard(page);
  await list.button('新規登録').click();

  // 1. 基本情報
  await frame.expectScreen('利用者登録[基本情報]', 'BRSK006');
  await expect(page.getByRole('list', { name: '手順' }).getByRole('listitem').first()).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('checkbox', { name: 'ログイン時に強制変更する' })).toBeChecked();
  await expect(page.getByRole('radio', { name: '付与しない' })).toBeChecked();
  await wizard.fillBasics(NEW_USER);
  await wizard.next.click();

  // 2. 権限: only contracted services (口座振替 is not), 全選択 / 全解除 overall and per group.
  await frame.expectScreen('利用者登録[権限]', 'BRSK007');
  await expect(wizard.group('口座振替')).toHaveCount(0);
  await expect(wizard.right('承認', '口座振替')).toHaveCount(0);
  await page.getByRole('button', { name: '全選択（振込振替）' }).click();
  await expect(wizard.right('振込振替', '依頼(事前登録口座)')).toBeChecked();
  await expect(wizard.right('振込振替', '振込先管理')).toBeChecked();
  await expect(wizard.right('総合振込', '依頼(画面入力)')).not.toBeChecked();
  await page.getByRole('button', { name: '全選択（すべての権限）' }).click();
  await expect(wizard.right('照会', '取引履歴照会')).toBeChecked();
  await page.getByRole('button', { name: '全解除（すべての権限）' }).click();
  await expect(wizard.right('振込振替', '振込先管理')).not.toBeChecked();
  await wizard.right('振込振替', '依頼(事前登録口座)').check();
  await wizard.right('照会', '残高照会').check();
  await wizard.next.click();

  // 3. 口座・限度額: the company's limit beside each field; full-width digits normalised.
  await frame.expectScreen('利用者登録[口座]', 'BRSK008');
  await expect(wizard.limit('振込振替')).toHaveAccessibleDescription(/企業の限度額：10,000,000円/);
  await wizard.account(/^本店営業部\(001\) 普通 1234567/).check();
  await wizard.limit('振込振替').fill('１００００００');
  await wizard.limit('総合振込').fill('5000000');
  await expect(wizard.limit('振込振替')).toHaveValue('1,000,000');
  await wizard.limit('給与振込').fill('3000000');
  await wizard.limit('賞与振込').fill('3000000');

  // The browser's back button goes one step back with everything kept.
  await page.goBack();
  await frame.expectScreen('利用者登録[権限]', 'BRSK007');
  await expect(wizard.right('振込振替', '依頼(事前登録口座)')).toBeChecked();
  await expect(wizard.right('振込振替', '振込先管理')).not.toBeChecked();
  await page.goBack();
  await frame.expectScreen('利用者登録[基本情報]', 'BRSK006');
  await expect(wizard.field('ログインID')).toHaveValue('tanaka26');
  await expect(wizard.field('利用者名')).toHaveValue('田中　花子');
  await expect(wizard.group('ログインパスワード').getByLabel(/^ログインパスワード\s*必須$/)).toHaveValue('Start2026');
  await wizard.nextStep();
  await wizard.next.click();
  await frame.expectScreen('利用者登録[口座]', 'BRSK008');
  await expect(wizard.limit('賞与振込')).toHaveValue(/^3,?000,?000$/);
  await expect(wizard.account(/^本店営業部\(001\) 普通 1234567/)).toBeChecked();
  await wizard.next.click();

  // 4. 確認: every value, passwords masked, a 「変更」 link per section that returns here.
  await frame.expectScreen('利用者登録確認', 'BRSK009');
  await expect(wizard.summaryRow('利用者基本情報', 'ログインID')).toContainText('tanaka26');
  await expect(wizard.summaryRow('利用者基本情報', 'ログインパスワード')).toContainText('********');
  await expect(page.getByText('Start2026')).toHaveCount(0);
  await expect(wizard.summaryRow('利用者一回当たり限度額', '利用者一回当たり限度額（振込振替）')).toContainText('1,000,000円');
  await expect(wizard.summaryRow('利用可能口座', '本店営業部(001)')).toContainText('1234567');
  await page.getByRole('link', { name: '利用者基本情報を変更する' }).click();
  await frame.expectScreen('利用者登録[基本情報]', 'BRSK006');
  await wizard.field('利用者名').fill('田中　花江');
  await wizard.next.click();
  await frame.expectScreen('利用者登録確認', 'BRSK009');
  await expect(wizard.summaryRow('利用者基本情報', '利用者名')).toContainText('田中　花江');

  await wizard.executeWith();

  // 5. 完了
  await frame.expectScreen('利用者登録結果', 'BRSK010');
  await expect(page.getByText('以下の内容で利用者登録が完了しました。')).toBeVisible();
  await expect(wizard.summaryRow('サービス利用権限', '照会')).toContainText('残高照会');
  await expect(page.getByRole('link', { name: 'ホームへ' })).toBeVisible();

  // 印刷: the result as a PDF, with the user's data as text and the passwords masked.
  const pdf = await printAndCapture(page, testInfo, '利用者登録結果');
  expectPrintout(pdf, { title: '利用者登録結果', screenId: 'BRSK010', operator: '港　太郎（master01）' });
  const printed = flat(pdf.text);
  expect(printed).toContain('以下の内容で利用者登録が完了しました。');
  expect(printed).toContain('tanaka26');
  expect(printed).toContain(flat('田中　花江'));
  expect(printed).toContain('hanako.tanaka@example.co.jp');
  expect(printed).toContain('1,000,000円');
  expect(printed).toContain('5,000,000円');
  expect(printed).toContain('残高照会');
  expect(printed).toContain('********');
  for (const secret of ['Start2026', 'Kakunin26', 'Conf1234']) {
    expect(printed, 'no password is printed').not.toContain(secret);
  }
  await expect(frame.title).toHaveText('利用者登録結果');

  // Back from the result does not open the confirmation again (the entry is gone).
  await page.goBack();
  await expect(page.getByText('入力内容は保持されていません')).toBeVisible();
  await expect(wizard.execute).toHaveCount(0);

  await list.goto();
  await expect(list.row('tanaka26')).toContainText('田中　花江');
  await expect(list.row('tanaka26')).toContainText('一般ユーザ');
  await expect(list.row('tanaka26')).toContainText('利用可能');

  // The new user logs in with ID and password (another browser, without the
  // administrator's certificate, which new contexts would otherwise inherit from `use`)
  // and must change the password first.
  const context = await browser.newContext({ clientCertificates: [] });
  try {
    const other = await context.newPage();
    const login = new LoginPage(other);
    await login.goto();
    await login.withId('tanaka26', 'Start2026');
    await new AppFrame(other).expectScreen('パスワード変更', 'BRSK002');
    await expect(other.getByText('初回ログイン時はログインパスワードの変更が必要です')).toBeVisible();
  } finally {
    await context.close();
  }
});
