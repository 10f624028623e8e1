import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { expectAccessibleAtEverySize } from './axe';
import { AppFrame } from './pages/app-frame';
import { LoginPage } from './pages/login-page';
import { MenuPage } from './pages/menu-pages';
import { HistoryPage } from './pages/history-page';
import { FAILURE, PrintControl } from './pages/print-control';
import { expectPrintout, flat, printAndCapture } from './pdf';

test.use({ clientCertificates: certificateOf('master01') });

const FONT = '**/fonts/**';
const WORKER_WASM = '**/kanri-pdf-worker_bg.wasm';
const SEARCH_ALL = (url: URL) => url.pathname === '/api/history/all';
const OPERATOR = '港　太郎（master01）';

/** Log in and show today's operations of user01 (a one-page printout, nothing changed). */
async function searchTodayOfUser01(page: Page, loginPage: LoginPage, frame: AppFrame) {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  await frame.menuLink('管理').click();
  await new MenuPage(page).entry('操作履歴照会').click();
  await frame.expectScreen('操作履歴照会', 'BSRR001');
  const history = new HistoryPage(page);
  await history.user.selectOption({ label: 'user01 佐藤　次郎' });
  await history.search.click();
  await expect(page).toHaveURL(/[?&]user=user01(&|$)/);
  await expect(history.count).toBeVisible();
  await expect(history.column('ログインID').first()).toHaveText('user01');
  return history;
}

/**
 * 「印刷」 fails and says why, closes the tab it opened and leaves the screen as it was; the
 * next 「印刷」 works once the cause has gone.
 */
test.describe('印刷に失敗したとき', () => {
  test('フォントを読み込めない・履歴を取得できないときは理由を示してタブを閉じ、原因がなくなれば印刷できる', async ({
    page,
    loginPage,
    frame,
  }, testInfo) => {
    test.setTimeout(90_000);
    const history = await searchTodayOfUser01(page, loginPage, frame);
    const url = page.url();
    const count = (await history.count.textContent()) ?? '';
    const rows = await history.rows().count();
    expect(await history.total(), 'one page of rows').toBe(rows);
    const print = new PrintControl(page);

    // The font cannot be fetched.
    await page.route(FONT, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }));
    const tab = await print.clickAndCatchTab();
    await expect(print.failure).toBeVisible();
    await expect(print.failure).toContainText(FAILURE.font);
    await expect.poll(() => tab.isClosed(), { message: 'the tab is closed' }).toBe(true);
    await expect(print.button).toBeEnabled();
    await expect(print.progress).toBeHidden();
    await expect(print.done).toBeHidden();
    await expect(print.openLink).toBeHidden();
    // The screen is as it was.
    expect(page.url()).toBe(url);
    await expect(history.count).toHaveText(count);
    await expect(history.rows()).toHaveCount(rows);
    await expect(history.user.getByRole('option', { selected: true })).toHaveText('user01 佐藤　次郎');
    await expectAccessibleAtEverySize(page, '操作履歴照会（印刷の失敗）');

    // The font is back: the next 「印刷」 works and the notice goes.
    await page.unroute(FONT);
    const pdf = await printAndCapture(page, testInfo, '操作履歴照会-user01');
    await expect(print.failure).toBeHidden();
    expectPrintout(pdf, { title: '操作履歴照会', screenId: 'BSRR001', operator: OPERATOR, orientation: 'landscape' });
    expect(pdf.pages).toBe(1);
    const printed = flat(pdf.text);
    expect(printed).toContain(flat('佐藤　次郎（user01）'));
    expect(printed).toContain(`全${rows}件`);
    expect(pdf.text.match(/^\s*\d+\s+\d{4}年\d{2}月\d{2}日\s*\d{2}時\d{2}分\d{2}秒\s+user01\s/gm)).toHaveLength(rows);
    await expectAccessibleAtEverySize(page, '操作履歴照会（印刷の完了）');

    // The whole search cannot be fetched: the API's own message.
    await page.route(SEARCH_ALL, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }));
    const tab2 = await print.clickAndCatchTab();
    await expect(print.failure).toContainText('システムエラーが発生しました。しばらくしてから再度お試しください。');
    await expect.poll(() => tab2.isClosed(), { message: 'the tab is closed' }).toBe(true);
    await expect(print.done).toBeHidden();
    await expect(history.rows()).toHaveCount(rows);
    await page.unroute(SEARCH_ALL);
    await printAndCapture(page, testInfo, '操作履歴照会-user01-再印刷');
    await expect(print.failure).toBeHidden();
  });

  test('PDFを作成するプログラムを読み込めないときは理由を示し、次の「印刷」は新しく読み込んで印刷できる', async ({ browser }, testInfo) => {
    test.setTimeout(90_000);
    // A context of its own (no worker started yet in this tab), with the fixture's checks
    // (no uncaught error, panic or CSP refusal) done here.
    const context = await browser.newContext({ clientCertificates: certificateOf('master01') });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && /panicked|RuntimeError|unreachable|Content Security Policy|Refused to/.test(m.text())) {
          problems.push(`console: ${m.text()}`);
        }
      });
      const history = await searchTodayOfUser01(page, new LoginPage(page), new AppFrame(page));
      const rows = await history.rows().count();
      const print = new PrintControl(page);

      await page.route(WORKER_WASM, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }));
      const tab = await print.clickAndCatchTab();
      // The worker's entry script rethrows the failed load, so the page hears of it at once
      // (not only after the client's 20 s wait for 「Ready」).
      await expect(print.failure).toBeVisible();
      await expect(print.failure).toContainText(FAILURE.worker);
      await expect.poll(() => tab.isClosed(), { message: 'the tab is closed' }).toBe(true);
      await expect(print.button).toBeEnabled();
      await expect(print.done).toBeHidden();
      await expect(history.rows()).toHaveCount(rows);
      await expectAccessibleAtEverySize(page, '操作履歴照会（PDF作成の失敗）');

      // The next 「印刷」 starts a new worker, which loads.
      await page.unroute(WORKER_WASM);
      const pdf = await printAndCapture(page, testInfo, '操作履歴照会-新しいworker');
      await expect(print.failure).toBeHidden();
      expectPrintout(pdf, { title: '操作履歴照会', screenId: 'BSRR001', operator: OPERATOR, orientation: 'landscape' });
      expect(flat(pdf.text)).toContain(flat('佐藤　次郎'));
      // The worker's failed load reaches the page as the worker's error event, which the
      // client handles: nothing is left uncaught.
      expect(problems, 'no uncaught error, no panic, no CSP refusal').toEqual([]);
    } finally {
      await context.close();
    }
  });
});
