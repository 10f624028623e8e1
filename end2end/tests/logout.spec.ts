import { test, expect } from './fixtures';
import { certificateOf } from './env';

test.use({ clientCertificates: certificateOf('master01') });

test('ログアウトすると案内が表示され、戻るボタンでも利用者の情報は表示されない', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  await frame.menuLink('管理').click();
  await frame.expectScreen('業務選択', 'BSSK001');

  await frame.logout.click();
  await expect(page.getByRole('heading', { level: 1, name: 'ログアウト' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('ログアウトしました');
  await expect(page.getByText('すべてのブラウザを閉じてください')).toBeVisible();
  await expect(page.getByText('港　太郎')).toHaveCount(0);

  await page.goBack();
  await expect(loginPage.heading).toBeVisible();
  await expect(page.getByText('港　太郎')).toHaveCount(0);
  await expect(page.getByText('株式会社みなと精機')).toHaveCount(0);

  // The backend session is gone too.
  const status = await page.evaluate(async () => (await fetch('/api/session')).status);
  expect(status).toBe(401);
});

test('ログアウトの通信に失敗すると、その旨と「再試行」が表示され、再試行でサーバーのセッションも終わる', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');

  // Both attempts of the click (the app retries a network failure once) are cut.
  let attempts = 0;
  await page.route('**/api/session', (route) => {
    if (route.request().method() !== 'DELETE') return route.fallback();
    attempts += 1;
    return route.abort('connectionreset');
  });
  await frame.logout.click();
  await expect(page.getByRole('heading', { level: 1, name: 'ログアウト' })).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('ログアウトを完了できませんでした');
  await expect(alert).toContainText('サーバーと通信できませんでした。');
  expect(attempts).toBe(2);
  await expect(page.getByText('港　太郎')).toHaveCount(0);
  // Not ended on the backend yet.
  expect(await page.evaluate(async () => (await fetch('/api/session')).status)).toBe(200);

  await page.unroute('**/api/session');
  await alert.getByRole('button', { name: '再試行' }).click();
  await expect(page.getByRole('status')).toContainText('ログアウトしました');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await page.evaluate(async () => (await fetch('/api/session')).status)).toBe(401);
});
