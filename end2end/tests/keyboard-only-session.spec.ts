import { test, expect } from './fixtures';
import { DEMO_CONFIRM_PASSWORD } from './env';
import { tabTo, typeOnSoftKeyboard } from './keyboard';
import { MenuPage } from './pages/menu-pages';
import { PasswordChangePage } from './pages/password-change-page';
import { IDLE, IdleDialog } from './pages/session-pages';
import { SoftKeyboard } from './pages/soft-keyboard';

/**
 * Keyboard only (Tab, Shift+Tab, Enter, Space, arrow keys): ID・パスワード方式のログイン with
 * the password typed on the ソフトウェアキーボード, 「延長する」 in the idle dialog, パスワード変更
 * (the 確認用パスワード of user08, changed back afterwards with the page object) and the
 * logout. The browser's clock is Playwright's (as in session-timeout.spec.ts).
 */
test('キーボードだけで、ソフトウェアキーボードを使ってログインし、延長・パスワード変更・ログアウトができる', async ({ page, loginPage, frame }) => {
  test.setTimeout(90_000);
  await page.clock.install();
  await loginPage.goto();

  // ログインID typed, the password on the software keyboard (arrow keys + Enter).
  await tabTo(page, loginPage.loginId);
  await page.keyboard.type('user08');
  const kb = new SoftKeyboard(page, 'ログインパスワード');
  await tabTo(page, kb.toggle);
  await page.keyboard.press('Enter');
  await expect(kb.panel).toBeVisible();
  await expect(kb.characterKeys.first()).toBeFocused();
  await typeOnSoftKeyboard(page, kb, 'Demo1234');
  await expect(loginPage.password).toHaveValue('Demo1234');
  await page.keyboard.press('Escape');
  await expect(kb.panel).toHaveCount(0);
  await expect(loginPage.password).toBeFocused();
  await page.keyboard.press('Enter');
  await frame.expectScreen('トップページ', 'BTOP001');
  await expect(frame.userName('小林　誠')).toBeVisible();

  // The idle warning: its 「延長する」 has focus; Enter extends the session.
  await tabTo(page, frame.menuLink('管理'));
  await page.clock.fastForward(IDLE.toWarning);
  const idle = new IdleDialog(page);
  await expect(idle.dialog).toBeVisible();
  await expect(idle.extend).toBeFocused();
  const kept = page.waitForResponse((r) => r.url().endsWith('/api/session/keep-alive') && r.request().method() === 'POST');
  await page.keyboard.press('Enter');
  expect((await kept).status()).toBe(200);
  await expect(idle.dialog).toHaveCount(0);
  await expect(frame.menuLink('管理')).toBeFocused();

  // 管理 › 利用者管理 › パスワード変更: the 確認用パスワード.
  await page.keyboard.press('Enter');
  await frame.expectScreen('業務選択', 'BSSK001');
  const menu = new MenuPage(page);
  await tabTo(page, menu.entry('利用者管理'));
  await page.keyboard.press('Enter');
  await frame.expectScreen('作業内容選択', 'BRSK001');
  await tabTo(page, menu.entry('パスワード変更'));
  await page.keyboard.press('Enter');
  await frame.expectScreen('パスワード変更', 'BRSK002');
  const form = new PasswordChangePage(page);
  await tabTo(page, form.changeConfirm);
  await page.keyboard.press('Space');
  await expect(form.changeConfirm).toBeChecked();
  await tabTo(page, form.currentConfirm);
  await page.keyboard.type(DEMO_CONFIRM_PASSWORD);
  await tabTo(page, form.newConfirm);
  await page.keyboard.type('Kagi2026');
  await tabTo(page, form.newConfirmAgain);
  await page.keyboard.type('Kagi2026');
  await tabTo(page, form.submit);
  await page.keyboard.press('Enter');
  await frame.expectScreen('パスワード変更結果', 'BRSK003');
  await expect(page.getByRole('status')).toContainText('パスワードを変更しました');

  // Back to the demo 確認用パスワード (not part of the keyboard journey).
  await page.goto('/admin/users/password');
  await frame.expectScreen('パスワード変更', 'BRSK002');
  await form.changeConfirm.check();
  await form.fillConfirmPassword('Kagi2026', DEMO_CONFIRM_PASSWORD);
  await form.submit.click();
  await frame.expectScreen('パスワード変更結果', 'BRSK003');

  // ログアウト, then back to the login screen.
  await tabTo(page, frame.logout);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'ログアウト' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('ログアウトしました');
  await tabTo(page, page.getByRole('link', { name: 'ログイン画面へ' }));
  await page.keyboard.press('Enter');
  await expect(loginPage.heading).toBeVisible();
});
