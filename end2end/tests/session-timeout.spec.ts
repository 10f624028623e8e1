import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { expectAccessibleAtEverySize } from './axe';
import { IDLE, IdleDialog, TimedOutPage } from './pages/session-pages';
import { UserListPage } from './pages/user-pages';

// The browser's clock is Playwright's: jumping it forward stands for minutes without
// activity (the stand-in backend keeps real time, so only the SPA's idle limit runs out;
// the SPA then ends the backend session itself).
test.use({ clientCertificates: certificateOf('master01') });

test.beforeEach(async ({ page }) => {
  await page.clock.install();
});

test('2分前に警告ダイアログが開き、フォーカスを受け取り、残り時間を表示し、「延長する」で続けられる', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  await frame.menuLink('管理').focus();

  await page.clock.fastForward(IDLE.toWarning);
  const idle = new IdleDialog(page);
  await expect(idle.dialog).toBeVisible();
  await expect(idle.dialog).toHaveAttribute('aria-modal', 'true');
  await expect(idle.extend).toBeFocused();
  await expect(idle.dialog).toHaveAccessibleDescription(/^あと1分5\d秒で自動的にログアウトします。 操作を続ける場合は、「延長する」ボタンを押してください。$/);
  await expect(idle.countdown).toHaveText(/^あと1分5\d秒で/);

  // The countdown moves every second; screen readers hear it every 30 seconds only.
  const before = await idle.countdown.textContent();
  await page.clock.runFor(2000);
  await expect(idle.countdown).not.toHaveText(before ?? '');
  await expect(idle.announcement).toHaveText('');
  await page.clock.runFor(30_000);
  await expect(idle.announcement).toHaveText('あと1分30秒で自動的にログアウトします。');
  await page.clock.runFor(5000);
  await expect(idle.countdown).toHaveText(/^あと1分2\d秒で/);
  await expect(idle.announcement).toHaveText('あと1分30秒で自動的にログアウトします。');

  // Focus stays in the dialog; the page behind is inert.
  await page.keyboard.press('Tab');
  await expect(idle.logout).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(idle.extend).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(idle.logout).toBeFocused();
  await expect(page.locator('.app-shell')).toHaveAttribute('inert', '');

  // One action extends: the keep-alive call, the dialog closes, focus returns.
  const kept = page.waitForResponse((r) => r.url().endsWith('/api/session/keep-alive') && r.request().method() === 'POST');
  await idle.extend.click();
  expect((await kept).status()).toBe(200);
  await expect(idle.dialog).toHaveCount(0);
  await expect(frame.menuLink('管理')).toBeFocused();

  // Still logged in: the next screens load their data.
  await frame.menuLink('管理').click();
  await page.getByRole('main').getByRole('link', { name: /^利用者管理/ }).click();
  await page.getByRole('main').getByRole('link', { name: /^利用者情報の管理/ }).click();
  await frame.expectScreen('利用者一覧', 'BRSK005');
  await expect(new UserListPage(page).row('master01')).toBeVisible();

  // Escape also extends (dismissing the warning means "I am still here").
  await page.clock.fastForward(IDLE.toWarning);
  await expect(idle.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(idle.dialog).toHaveCount(0);
  await expect(frame.userName('港　太郎')).toBeVisible();
});

test('警告ダイアログは、どの文字サイズでもアクセシビリティの問題がない', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  const idle = new IdleDialog(page);
  // The dialog is modal (the 文字サイズ buttons behind it are inert): choose the size first.
  for (const size of ['小', '中', '大'] as const) {
    await frame.textSize(size).click();
    await page.clock.fastForward(IDLE.toWarning);
    await expect(idle.extend).toBeFocused();
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(found, `警告ダイアログ at 文字サイズ ${size}`).toEqual([]);
    await idle.extend.click();
    await expect(idle.dialog).toHaveCount(0);
  }
});

test('延長できなかったときはダイアログ内で知らせ、もう一度「延長する」を押せる', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  await page.clock.fastForward(IDLE.toWarning);
  const idle = new IdleDialog(page);
  await expect(idle.dialog).toBeVisible();

  await page.route('**/api/session/keep-alive', (route) => route.abort('connectionreset'));
  await idle.extend.click();
  await expect(idle.dialog.getByRole('alert')).toContainText('延長できませんでした');
  await expect(idle.dialog).toBeVisible();
  await expect(idle.extend).not.toHaveAttribute('aria-disabled', 'true');

  await page.unroute('**/api/session/keep-alive');
  await idle.extend.click();
  await expect(idle.dialog).toHaveCount(0);
});

test('有効期限が切れるとタイムアウト画面になり、戻るボタンでも情報は表示されず、再度ログインできる', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.menuLink('管理').click();
  await page.getByRole('main').getByRole('link', { name: /^利用者管理/ }).click();
  await page.getByRole('main').getByRole('link', { name: /^利用者情報の管理/ }).click();
  const list = new UserListPage(page);
  await expect(list.row('user01')).toBeVisible();

  await page.clock.fastForward(IDLE.toExpiry);
  const timedOut = new TimedOutPage(page);
  await timedOut.expectShown();
  await expect(page.getByText('港　太郎')).toHaveCount(0);
  await expect(page.getByText('佐藤　次郎')).toHaveCount(0);
  await expectAccessibleAtEverySize(page, 'セッションタイムアウト');
  // The SPA ended the backend session too.
  await expect
    .poll(async () => page.evaluate(async () => (await fetch('/api/session')).status))
    .toBe(401);

  // The back button: the login screen, nothing of the list.
  await page.goBack();
  await expect(loginPage.heading).toBeVisible();
  await expect(page.getByText('再度ログインしてください')).toBeVisible();
  await expect(page.getByText('佐藤　次郎')).toHaveCount(0);
  await expect(page.getByText('港　太郎')).toHaveCount(0);

  // Logging in again returns to the list.
  await loginPage.withCertificate();
  await frame.expectScreen('利用者一覧', 'BRSK005');
  await expect(list.row('user01')).toBeVisible();
});

test('バックエンドが先にセッションを終えていたとき（401）も、同じタイムアウト画面になる', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  await page.clock.fastForward(IDLE.toWarning);
  const idle = new IdleDialog(page);
  await expect(idle.dialog).toBeVisible();
  await page.route('**/api/session/keep-alive', (route) =>
    route.fulfill({ status: 401, contentType: 'application/json', body: '{"status":401,"code":"session_expired","message":"セッションの有効期限が切れました。"}' }),
  );
  await idle.extend.click();
  const timedOut = new TimedOutPage(page);
  await timedOut.expectShown();
  await expect(idle.dialog).toHaveCount(0);
  await timedOut.toLogin.click();
  await expect(loginPage.heading).toBeVisible();
});

test('警告ダイアログの「ログアウト」は通常のログアウトになる', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  await page.clock.fastForward(IDLE.toWarning);
  const idle = new IdleDialog(page);
  await idle.logout.click();
  await expect(page.getByRole('heading', { level: 1, name: 'ログアウト' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('ログアウトしました');
  await expect(idle.dialog).toHaveCount(0);
});
