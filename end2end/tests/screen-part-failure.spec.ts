import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { FaultNotice } from './pages/fault-notices';
import { expectAccessibleAtEverySize } from './axe';

// The first download shows the login screen without the router; every other screen needs
// the router's WebAssembly part (src/routes.rs `routed_app`). When it cannot be fetched,
// the app says so and offers 「再試行」, keeping the session; it never shows a blank page
// or panics.
const ROUTER_PART = '**/wasm/split_routed_app.wasm';

test.use({ clientCertificates: certificateOf('master01') });

test('ログイン後の画面の部品を読み込めないと「再試行」が表示され、再試行でトップページが表示される', async ({ page, loginPage, frame }) => {
  await page.route(ROUTER_PART, (route) => route.abort('connectionreset'));
  await loginPage.goto();
  // The login screen itself needs no part.
  await expect(loginPage.password).toBeVisible();
  await loginPage.withCertificate();

  const notice = new FaultNotice(page, '画面を表示できませんでした');
  await notice.expectMessage('サーバーと通信できませんでした。通信環境をご確認のうえ、「再試行」ボタンを押してください。');
  await expect(page).toHaveURL(/\/home$/);

  await page.unroute(ROUTER_PART);
  await notice.retry.click();
  await frame.expectScreen('トップページ', 'BTOP001');
  await expect(notice.alert).toHaveCount(0);
});

test('直接開いた画面の部品を読み込めないと「再試行」が表示され、再試行でその画面のためのログイン画面が表示される', async ({ page, loginPage, frame }) => {
  await page.route(ROUTER_PART, (route) => route.abort('connectionreset'));
  await page.goto('/admin');
  const notice = new FaultNotice(page, '画面を表示できませんでした');
  await expect(notice.retry).toBeVisible();
  await expectAccessibleAtEverySize(page, '画面を表示できませんでした (router part not fetched)');

  await page.unroute(ROUTER_PART);
  await notice.retry.click();
  await expect(loginPage.heading).toBeVisible();
  await expect(page).toHaveURL(/\/login\?next=\/admin$/);
  await loginPage.withCertificate();
  await frame.expectScreen('業務選択', 'BSSK001');
});
