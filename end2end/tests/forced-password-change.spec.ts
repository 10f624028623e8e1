import { test, expect } from './fixtures';
import { PasswordChangePage } from './pages/password-change-page';

test('初回ログインではパスワード変更を済ませるまで他の画面へ進めない', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withId('user05');
  await frame.expectScreen('パスワード変更', 'BRSK002');
  await expect(page.getByText('初回ログイン時はログインパスワードの変更が必要です')).toBeVisible();
  await expect(frame.menu).toHaveCount(0);
  await expect(page.getByRole('list', { name: '手順' }).getByRole('listitem').first()).toHaveAttribute('aria-current', 'step');

  await page.goto('/admin');
  await frame.expectScreen('パスワード変更', 'BRSK002');

  const form = new PasswordChangePage(page);
  await expect(form.changeLogin).toBeChecked();
  await expect(form.changeLogin).toBeDisabled();

  // Live validation when leaving a field names the rule.
  await form.newPassword.fill('abc12');
  await form.newAgain.focus();
  await expect(page.getByText('新しいログインパスワードは半角英数字6〜12文字で入力してください（現在5文字）。').first()).toBeVisible();

  await form.changeLoginPassword('Demo1234', 'Sakura2026', 'Sakura2027');
  const summary = page.getByRole('alert').filter({ hasText: '入力内容に誤りがあります' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('新しいログインパスワード（確認のため再入力）が一致しません。');
  await expect(form.newPassword).toHaveValue('Sakura2026');

  await form.changeLoginPassword('Wrong1234', 'Sakura2026');
  await expect(summary).toContainText('現在のログインパスワードが正しくありません。');

  await form.changeLoginPassword('Demo1234', 'Sakura2026');
  await frame.expectScreen('パスワード変更結果', 'BRSK003');
  await expect(page.getByRole('status')).toContainText('パスワードを変更しました');
  await expect(frame.menu).toBeVisible();
  await frame.menuLink('管理').click();
  await frame.expectScreen('業務選択', 'BSSK001');

  await frame.logout.click();
  await page.getByRole('link', { name: 'ログイン画面へ' }).click();
  await loginPage.withId('user05', 'Sakura2026');
  await frame.expectScreen('トップページ', 'BTOP001');
});
