import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { expectAccessibleAtEverySize } from './axe';
import { SoftKeyboard } from './pages/soft-keyboard';
import { PasswordChangePage } from './pages/password-change-page';

test.use({ clientCertificates: certificateOf('user01') });

test('ここまでの画面は、どの文字サイズでもaxe-coreの違反がない', async ({ page, loginPage, frame }) => {
  // 21 full-page axe scans (7 screens × 3 sizes) take 25–35 s on this machine.
  test.setTimeout(120_000);
  await loginPage.goto();
  await expectAccessibleAtEverySize(page, 'ログイン');

  await loginPage.submit.click();
  await expect(loginPage.errorSummary).toBeVisible();
  const kb = new SoftKeyboard(page, 'ログインパスワード');
  await kb.open();
  await expectAccessibleAtEverySize(page, 'ログイン（エラー・ソフトウェアキーボード）');

  await loginPage.password.fill('Demo1234');
  await loginPage.submit.click();
  await frame.expectScreen('トップページ', 'BTOP001');
  await expectAccessibleAtEverySize(page, 'トップページ');

  await frame.menuLink('管理').click();
  await frame.expectScreen('業務選択', 'BSSK001');
  await expectAccessibleAtEverySize(page, '業務選択');

  await page.getByRole('main').getByRole('link', { name: /^利用者管理/ }).click();
  await frame.expectScreen('作業内容選択', 'BRSK001');
  await expectAccessibleAtEverySize(page, '作業内容選択');

  await page.getByRole('main').getByRole('link', { name: /^パスワード変更/ }).click();
  await frame.expectScreen('パスワード変更', 'BRSK002');
  const form = new PasswordChangePage(page);
  await form.changeLogin.check();
  await form.submit.click();
  await expect(page.getByRole('alert').filter({ hasText: '入力内容に誤りがあります' })).toBeVisible();
  await expectAccessibleAtEverySize(page, 'パスワード変更（エラー）');

  await page.goto('/no/such/screen');
  await expect(page.getByRole('heading', { level: 1, name: 'ページが見つかりません' })).toBeVisible();
  await expectAccessibleAtEverySize(page, 'ページが見つかりません');
});
