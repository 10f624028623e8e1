import { test, expect } from './fixtures';
import { DEMO_CONFIRM_PASSWORD as DEMO_CONFIRM, DEMO_PASSWORD } from './env';
import { PasswordChangePage } from './pages/password-change-page';
import { SoftKeyboard } from './pages/soft-keyboard';


/**
 * 自身の情報の変更・照会 › パスワード変更: a user changes both their ログインパスワード and
 * their 確認用パスワード from the menu, the new 確認用パスワード typed on the software
 * keyboard, then logs in with the new password. The journey changes both back at the end
 * (user08's passwords are the demo ones for the other journeys).
 */
test('ログインパスワードと確認用パスワードを一度に変更し、新しいパスワードでログインできる', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withId('user08');
  await frame.expectScreen('トップページ', 'BTOP001');
  await frame.menuLink('管理').click();
  await page.getByRole('main').getByRole('link', { name: /^利用者管理/ }).click();
  await frame.expectScreen('作業内容選択', 'BRSK001');
  await page.getByRole('main').getByRole('link', { name: /^パスワード変更/ }).click();
  await frame.expectScreen('パスワード変更', 'BRSK002');

  const form = new PasswordChangePage(page);
  // Nothing chosen: one part at least is required.
  await expect(form.changeLogin).not.toBeChecked();
  await expect(form.current).toHaveCount(0);
  await form.changeLogin.check();
  await form.changeConfirm.check();

  // The new 確認用パスワード equal to the login ID, and a different second entry.
  await form.current.fill(DEMO_PASSWORD);
  await form.newPassword.fill('Hikari2026');
  await form.newAgain.fill('Hikari2026');
  await form.fillConfirmPassword(DEMO_CONFIRM, 'user08', 'user09');
  await form.submit.click();
  await expect(form.errorSummary).toBeFocused();
  await expect(form.errorSummary).toContainText('ログインID');
  await expect(form.errorSummary).toContainText('新しい確認用パスワード（確認のため再入力）が一致しません。');
  // Nothing typed is lost.
  await expect(form.newPassword).toHaveValue('Hikari2026');
  await expect(form.currentConfirm).toHaveValue(DEMO_CONFIRM);

  // A wrong current 確認用パスワード is refused by the backend on its field.
  await form.fillConfirmPassword('Wrong1234', 'Tsuki2026');
  await form.submit.click();
  await expect(form.errorSummary).toContainText('現在の確認用パスワードが正しくありません。');

  // The new 確認用パスワード by the software keyboard alone.
  await form.currentConfirm.fill(DEMO_CONFIRM);
  await form.newConfirm.fill('');
  const kb = new SoftKeyboard(page, '新しい確認用パスワード');
  await kb.open();
  await kb.type('Tsuki2026');
  await kb.close.click();
  await expect(form.newConfirm).toHaveValue('Tsuki2026');
  await form.newConfirmAgain.fill('Tsuki2026');
  await form.submit.click();

  await frame.expectScreen('パスワード変更結果', 'BRSK003');
  await expect(page.getByRole('status')).toContainText('パスワードを変更しました');
  await expect(page.getByRole('main')).toContainText('ログインパスワード、確認用パスワード');

  // The new login password works at once, the old one no longer.
  await frame.logout.click();
  await page.getByRole('link', { name: 'ログイン画面へ' }).click();
  await loginPage.withId('user08');
  await expect(loginPage.alert.first()).toBeVisible();
  await loginPage.withId('user08', 'Hikari2026');
  await frame.expectScreen('トップページ', 'BTOP001');

  // Back to the demo passwords: the new 確認用パスワード is now the current one.
  await page.goto('/admin/users/password');
  await frame.expectScreen('パスワード変更', 'BRSK002');
  await form.changeLogin.check();
  await form.changeConfirm.check();
  await form.current.fill('Hikari2026');
  await form.newPassword.fill(DEMO_PASSWORD);
  await form.newAgain.fill(DEMO_PASSWORD);
  await form.fillConfirmPassword('Tsuki2026', DEMO_CONFIRM);
  await form.submit.click();
  await frame.expectScreen('パスワード変更結果', 'BRSK003');
});
