import { test, expect } from './fixtures';
import { certificateOf } from './env';

test.use({ clientCertificates: certificateOf('user01') });

test('文字サイズ「大」は再読み込みと再ログインの後も保たれる', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await expect(frame.textSize('中')).toHaveAttribute('aria-pressed', 'true');
  const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(await rootSize()).toBe('16px');

  await frame.textSize('大').click();
  await expect(frame.textSize('大')).toHaveAttribute('aria-pressed', 'true');
  await expect(frame.textSize('中')).toHaveAttribute('aria-pressed', 'false');
  expect(await rootSize()).toBe('20px');

  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  await expect(frame.textSize('大')).toHaveAttribute('aria-pressed', 'true');

  await page.reload();
  await frame.expectScreen('トップページ', 'BTOP001');
  await expect(frame.textSize('大')).toHaveAttribute('aria-pressed', 'true');
  expect(await rootSize()).toBe('20px');

  await frame.logout.click();
  await expect(page.getByRole('heading', { level: 1, name: 'ログアウト' })).toBeVisible();
  await page.getByRole('link', { name: 'ログイン画面へ' }).click();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  await expect(frame.textSize('大')).toHaveAttribute('aria-pressed', 'true');

  await frame.textSize('小').click();
  expect(await rootSize()).toBe('14px');
  await frame.textSize('中').click();
  expect(await rootSize()).toBe('16px');
});
