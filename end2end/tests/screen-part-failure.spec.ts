import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { FaultNotice } from './pages/fault-notices';
import { MenuPage } from './pages/menu-pages';
import { expectAccessibleAtEverySize } from './axe';

// The first download shows the login screen without the router; every other screen needs
// the router's WebAssembly part (src/shell/routes.rs `routed_app`) and its feature's part
// (`screen_part!`). When one cannot be fetched, the app says so and offers 「再試行」,
// keeping the session and the frame; it never shows a blank page or panics.
const ROUTER_PART = '**/wasm/split_routed_app.wasm';
// 利用者管理's part: not fetched ahead at login (ホーム's and the frame's are).
const USERS_PART = '**/wasm/split_users_part.wasm';

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

test('ログイン後の画面の部品を読み込めないと、枠の中に「再試行」が表示され、再試行でその画面が表示される', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');

  await frame.menuLink('管理').click();
  await frame.expectScreen('業務選択', 'BSSK001');
  let fetches = 0;
  await page.route(USERS_PART, (route) => {
    fetches += 1;
    return route.abort('connectionreset');
  });
  await new MenuPage(page).entry('利用者管理').click();
  const notice = new FaultNotice(page, '画面を表示できませんでした');
  await notice.expectMessage('サーバーと通信できませんでした。通信環境をご確認のうえ、「再試行」ボタンを押してください。');
  await expect(page).toHaveURL(/\/admin\/users$/);
  // Still logged in, in the frame.
  await expect(frame.userName('港　太郎')).toBeVisible();
  await expect(frame.menuLink('ホーム')).toBeVisible();
  await expectAccessibleAtEverySize(page, '画面を表示できませんでした (a screen\'s part not fetched, in the frame)');

  // Trying again while the network still fails fetches again and says so again.
  const before = fetches;
  await notice.retry.click();
  await expect.poll(() => fetches).toBe(before + 1);
  await expect(notice.retry).toBeVisible();

  await page.unroute(USERS_PART);
  await notice.retry.click();
  await frame.expectScreen('作業内容選択', 'BRSK001');
  await expect(notice.alert).toHaveCount(0);
});
