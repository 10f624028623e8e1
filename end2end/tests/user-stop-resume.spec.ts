import { test, expect } from './fixtures';
import { DEMO_PASSWORD } from './env';
import { AppFrame } from './pages/app-frame';
import { LoginPage } from './pages/login-page';
import { MenuPage } from './pages/menu-pages';
import { PasswordChangePage } from './pages/password-change-page';
import { StatusConfirmPage, StatusDonePage, StatusListPage, TASKS } from './pages/status-pages';

// admin02 is the ID・パスワード administrator (admin01's certificate is revoked by
// certificate-revocation.spec.ts). The journey ends with user06 stopped again, as seeded.
test('管理者が利用者を停止解除するとログインでき、再び停止するとログイン中の操作も拒否される', async ({ page, loginPage, frame, browser }) => {
  test.setTimeout(90_000);
  await loginPage.goto();
  await loginPage.withId('admin02');
  await frame.expectScreen('トップページ', 'BTOP001');
  const menu = new MenuPage(page);
  await frame.menuLink('管理').click();
  await menu.entry('利用者管理').click();
  await menu.entry('利用者停止・解除').click();
  await frame.expectScreen('利用者停止・解除', 'BRSK016');
  await expect(page.getByText(/^「停止」：停止した利用者はログインできなくなります。/)).toBeVisible();

  const list = new StatusListPage(page, TASKS.service);
  // The operator cannot stop themself; only the master user acts on the master user.
  await expect(list.checkbox('admin02')).toBeDisabled();
  await expect(list.row('admin02')).toContainText('ご自身のサービスは停止できません。');
  await expect(list.checkbox('master01')).toBeDisabled();
  await expect(list.row('master01')).toContainText('マスターユーザの利用者情報は、マスターユーザのみ変更できます。');
  await expect(list.row('user06')).toContainText('利用停止中');

  // Nothing selected.
  await list.action('解除').click();
  await expect(list.errorSummary).toBeFocused();
  await expect(list.errorSummary).toContainText('対象の利用者を選択してください。');

  // 「停止」 with a stopped user: the error names them, the selection stays.
  await list.checkbox('user06').check();
  await list.action('停止').click();
  await expect(list.errorSummary).toBeFocused();
  await expect(list.errorSummary).toContainText('user06 渡辺　大輔は「停止」の対象にできません（既に利用停止中です）。');
  await expect(list.checkbox('user06')).toBeChecked();

  await list.action('解除').click();
  await frame.expectScreen('利用者停止・解除確認', 'BRSK017');
  const confirm = new StatusConfirmPage(page);
  await expect(confirm.row('user06')).toContainText('利用停止中');
  await expect(confirm.row('user06')).toContainText('利用可能');
  await expect(page.getByText(/^停止を解除した利用者は、再びログインできるようになります。/)).toBeVisible();
  // 「戻る」 keeps the selection.
  await confirm.back.click();
  await frame.expectScreen('利用者停止・解除', 'BRSK016');
  await expect(list.checkbox('user06')).toBeChecked();
  await list.action('解除').click();
  await frame.expectScreen('利用者停止・解除確認', 'BRSK017');

  await confirm.executeWith('Wrong9999');
  await expect(confirm.errorSummary).toBeFocused();
  await expect(confirm.operatorPassword).toHaveAccessibleDescription(/確認用パスワードが正しくありません。（あと\d回誤るとロックされます）/);
  await expect(confirm.operatorPassword).toHaveValue('');
  await confirm.executeWith();
  await frame.expectScreen('利用者停止・解除結果', 'BRSK024');
  await expect(page.getByText('以下の利用者の利用者停止解除が完了しました。')).toBeVisible();
  const done = new StatusDonePage(page);
  await expect(done.row('user06')).toContainText('利用可能');
  await expect(page.getByRole('definition').filter({ hasText: /^\d{4}年\d{2}月\d{2}日 \d{2}時\d{2}分\d{2}秒$/ })).toBeVisible();
  // The list opened again from the menu starts with nothing selected.
  await page.getByRole('link', { name: '作業内容選択へ' }).click();
  await frame.expectScreen('作業内容選択', 'BRSK001');
  await page.getByRole('main').getByRole('link', { name: /^利用者停止・解除/ }).click();
  await frame.expectScreen('利用者停止・解除', 'BRSK016');
  await expect(list.row('user06')).toContainText('利用可能');
  await expect(list.checkbox('user06')).not.toBeChecked();
  // A reload of the confirmation has nothing to confirm: back to the list.
  await page.goto('/admin/users/status/service/confirm');
  await frame.expectScreen('利用者停止・解除', 'BRSK016');

  // user06 logs in again, and is about to change their password.
  const user = await browser.newContext();
  try {
    const userPage = await user.newPage();
    const userLogin = new LoginPage(userPage);
    const userFrame = new AppFrame(userPage);
    await userLogin.goto();
    await userLogin.withId('user06');
    await userFrame.expectScreen('トップページ', 'BTOP001');
    await userPage.goto('/admin/users/password');
    await userFrame.expectScreen('パスワード変更', 'BRSK002');

    // The administrator stops user06 again (the seeded state).
    await expect(list.row('user06')).toContainText('利用可能');
    await list.checkbox('user06').check();
    await list.action('停止').click();
    await frame.expectScreen('利用者停止・解除確認', 'BRSK017');
    await expect(confirm.row('user06')).toContainText('利用停止中');
    await confirm.executeWith();
    await frame.expectScreen('利用者停止・解除結果', 'BRSK024');
    await expect(page.getByText('以下の利用者の利用者停止が完了しました。')).toBeVisible();
    await expect(done.row('user06')).toContainText('利用停止中');

    // user06's open session is refused at the next step, and a new login says why.
    const form = new PasswordChangePage(userPage);
    await form.changeLogin.check();
    await form.changeLoginPassword(DEMO_PASSWORD, 'Kawari2026');
    await expect(userPage.getByText('セッションが終了しました', { exact: true })).toBeVisible();
    await expect(userPage.getByText(/ログインしていません。/)).toBeVisible();
    await userPage.getByRole('link', { name: 'ログイン画面へ' }).click();
    await expect(userLogin.heading).toBeVisible();
    await expect(userFrame.logout).toHaveCount(0);
    await userLogin.withId('user06');
    await expect(userLogin.alert).toContainText('サービスが停止されています');
  } finally {
    await user.close();
  }
  await list.goto();
  await expect(list.row('user06')).toContainText('利用停止中');
});
