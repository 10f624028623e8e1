import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { PasswordChangePage } from './pages/password-change-page';
import { expectAccessibleAtEverySize } from './axe';

test.use({ clientCertificates: certificateOf('user01') });

test('再読み込みしてもログインしたまま', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.menuLink('管理').click();
  await frame.expectScreen('業務選択', 'BSSK001');
  await page.reload();
  await frame.expectScreen('業務選択', 'BSSK001');
  await expect(frame.userName('佐藤　次郎')).toBeVisible();
});

test('ログイン前に開いた画面へ、ログイン後に戻る', async ({ page, loginPage, frame }) => {
  await page.goto('/admin/users');
  await expect(loginPage.heading).toBeVisible();
  await expect(page).toHaveURL(/\/login\?next=\/admin\/users$/);
  await loginPage.withCertificate();
  await frame.expectScreen('作業内容選択', 'BRSK001');
});

test('セッションが切れた後の操作はログイン画面へ案内され、入力は送られない', async ({ page, context, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  await page.goto('/admin/users/password');
  await frame.expectScreen('パスワード変更', 'BRSK002');
  await context.clearCookies();
  const form = new PasswordChangePage(page);
  await form.changeLogin.check();
  await form.changeLoginPassword('Demo1234', 'Newpass123');
  // The backend ended the session first: the same screen as the idle limit's.
  await expect(page.getByRole('heading', { level: 1, name: 'セッションタイムアウト' })).toBeVisible();
  await page.getByRole('link', { name: 'ログイン画面へ' }).click();
  await expect(loginPage.heading).toBeVisible();
  await expect(page.getByText('再度ログインしてください').first()).toBeVisible();
});

test('存在しない画面ではページが見つからない旨を表示し、ヘルプは画面ごとに開ける', async ({ page, context }) => {
  await page.goto('/no/such/screen');
  await expect(page.getByRole('heading', { level: 1, name: 'ページが見つかりません' })).toBeVisible();
  await expect(page.getByText('画面ID BERR001', { exact: true })).toBeVisible();
  const [help] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: /ヘルプ/ }).click()]);
  await expect(help.getByRole('heading', { name: 'ページが見つかりません（BERR001）' })).toBeVisible();
});

test('ログイン中に存在しない管理画面を開くと、メニューを残したままページが見つからない旨を表示する', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  await page.goto('/admin/no-such-screen');
  await frame.expectScreen('ページが見つかりません', 'BERR001');
  // Inside the frame: the user's name, the menus and 「ログアウト」 stay.
  await expect(frame.userName('佐藤　次郎')).toBeVisible();
  await expect(frame.logout).toBeVisible();
  await expect(frame.menu).toBeVisible();
  await expectAccessibleAtEverySize(page, 'ページが見つかりません（ログイン中）');
  await page.getByRole('link', { name: 'ホームへ', exact: true }).click();
  await frame.expectScreen('トップページ', 'BTOP001');
});

