import { test as plain } from '@playwright/test';
import { test, expect, watchPages } from './fixtures';

/**
 * The helper of fixtures.ts (`watchPages`, which the `test` of fixtures.ts runs on every
 * test's page): it catches uncaught errors, unhandled promise rejections and panics in the
 * test's page and in tabs opened in its context, and stays quiet for the console lines of
 * requests a test makes fail. The provoking cases use Playwright's plain `test` and check
 * what the helper collected; the quiet case runs under the helper itself.
 */
plain('テストの補助：画面の捕捉されないPromiseの拒否と例外、タブの例外とRustのパニックを記録する', async ({ page }) => {
  const watch = await watchPages(page);
  await page.goto('/login');
  await page.evaluate(() => {
    setTimeout(() => void Promise.reject(new Error('拒否の確認')), 0);
    setTimeout(() => {
      throw new Error('例外の確認');
    }, 0);
  });
  const tab = await page.context().newPage();
  await tab.goto('/login');
  await tab.evaluate(() => {
    setTimeout(() => {
      throw new Error('タブの例外の確認');
    }, 0);
    console.error('panicked at src/example.rs:1:1:\nパニックの確認');
  });
  await expect.poll(() => watch.problems.length).toBeGreaterThanOrEqual(4);
  const report = watch.report();
  expect(report).toContain('[page] unhandled rejection: Error: 拒否の確認');
  expect(report).toContain('[page] uncaught: Error: 例外の確認');
  expect(report).toContain('[tab 1] uncaught: Error: タブの例外の確認');
  expect(report).toContain('[tab 1] console: panicked at src/example.rs:1:1:');
  watch.stop();
});

test('テストの補助：注入した4xx・5xxや切断の「Failed to load resource」では失敗しない', async ({ page }) => {
  await page.route('**/api/auth/context', (route) => route.fulfill({ status: 503, body: 'x' }));
  await page.goto('/login');
  await expect(page.getByRole('alert')).toContainText('ただいまサービスを停止しています。');
  await page.unrouteAll();
  await page.route('**/api/auth/context', (route) => route.abort('connectionreset'));
  await page.getByRole('button', { name: '再試行', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('サーバーと通信できませんでした。');
});
