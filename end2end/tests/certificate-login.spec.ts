import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { MenuPage } from './pages/menu-pages';

test.describe('電子証明書でログインする（マスターユーザ）', () => {
  test.use({ clientCertificates: certificateOf('master01') });

  test('password only, then the frame, the clock and the menus of a master user', async ({ page, loginPage, frame }) => {
    await loginPage.goto();
    await expect(page.getByText('電子証明書でログインされる方は、ログインIDの入力は不要です。')).toBeVisible();
    await expect(page.getByText('画面ID BLGI001', { exact: true })).toBeVisible();
    await loginPage.withCertificate();

    await frame.expectScreen('トップページ', 'BTOP001');
    await expect(frame.userName('港　太郎')).toBeVisible();
    await expect(frame.clock).toBeVisible();
    const first = await frame.clock.textContent();
    await expect(frame.clock).not.toHaveText(first ?? '');
    await expect(frame.menuLink('ホーム')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText('前回ログイン日時', { exact: true })).toBeVisible();

    await frame.menuLink('管理').click();
    await frame.expectScreen('業務選択', 'BSSK001');
    await expect(frame.menuLink('管理')).toHaveAttribute('aria-current', 'page');
    await expect(frame.menuLink('ホーム')).not.toHaveAttribute('aria-current', 'page');
    const menu = new MenuPage(page);
    await menu.entry('利用者管理').click();
    await frame.expectScreen('作業内容選択', 'BRSK001');
    await expect(page.getByRole('heading', { name: '自身の情報の変更・照会' })).toBeVisible();
    await expect(menu.entry('パスワード変更')).toBeVisible();
    await expect(frame.menuLink('管理')).toHaveAttribute('aria-current', 'page');
  });

  test('a wrong password says how many attempts are left', async ({ loginPage }) => {
    await loginPage.goto();
    await loginPage.withCertificate('Wrong9999');
    await expect(loginPage.alert).toContainText('ログインIDまたはログインパスワードが正しくありません。');
    await expect(loginPage.alert).toContainText('あと4回誤るとログインIDがロックされます。');
    await expect(loginPage.alert).toContainText('お問い合わせ番号：R-');
    await expect(loginPage.password).toHaveValue('Wrong9999');
  });
});

test.describe('電子証明書方式の利用者が証明書なしでログインする', () => {
  test('is told to use the certificate', async ({ loginPage }) => {
    await loginPage.goto();
    await loginPage.withId('user01');
    await expect(loginPage.alert).toContainText('電子証明書を選択してログインしてください。');
  });
});
