import { test, expect } from './fixtures';

test('空のまま送信すると、エラーの一覧にフォーカスが移り各項目へ移動できる', async ({ page, loginPage }) => {
  await loginPage.goto();
  await loginPage.submit.click();
  await expect(loginPage.errorSummary).toBeFocused();
  await expect(loginPage.errorSummary).toContainText('ログインIDを入力してください。');
  await expect(loginPage.errorSummary).toContainText('ログインパスワードを入力してください。');
  await expect(loginPage.loginId).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await loginPage.loginId.getAttribute('aria-describedby');
  expect(describedBy).toContain('login-id-error');
  await loginPage.errorSummary.getByRole('link', { name: 'ログインパスワードを入力してください。' }).click();
  await expect(loginPage.password).toBeFocused();
  await expect(page.locator('#login-id-error')).toHaveText(/ログインIDを入力してください。/);
});

test('パスワードを誤ると残り回数が表示され、正しいパスワードでログインできる', async ({ loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withId('user08', 'Wrong1234');
  await expect(loginPage.alert).toContainText('あと4回誤るとログインIDがロックされます。');
  await expect(loginPage.loginId).toHaveValue('user08');
  await loginPage.password.fill('Demo1234');
  await loginPage.submit.click();
  await frame.expectScreen('トップページ', 'BTOP001');
  await expect(frame.userName('小林　誠')).toBeVisible();
});

test('ロック中の利用者にはロックされている旨を表示する', async ({ loginPage }) => {
  await loginPage.goto();
  await loginPage.withId('user07');
  await expect(loginPage.alert).toContainText('ログインIDがロックされています');
  await expect(loginPage.alert).toContainText('管理者にロック解除を依頼してください。');
});

test('サービス停止中の利用者にはその旨を表示する', async ({ loginPage }) => {
  await loginPage.goto();
  await loginPage.withId('user06');
  await expect(loginPage.alert).toContainText('サービスが停止されています');
});

test('5回誤るとロックされる', async ({ loginPage }) => {
  await loginPage.goto();
  for (let left = 4; left >= 1; left--) {
    await loginPage.withId('user04', `Wrong000${left}`);
    await expect(loginPage.alert).toContainText(`あと${left}回誤るとログインIDがロックされます。`);
  }
  await loginPage.withId('user04', 'Wrong0000');
  await expect(loginPage.alert).toContainText('ログインIDがロックされています');
  await loginPage.password.fill('Demo1234');
  await loginPage.submit.click();
  await expect(loginPage.alert).toContainText('ログインIDがロックされています');
});
