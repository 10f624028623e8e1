import type { Route } from '@playwright/test';
import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { MenuPage } from './pages/menu-pages';
import { HistoryPage } from './pages/history-page';
import { PrintControl, STAGE, TAB_WAITING } from './pages/print-control';
import { expectPrintout, flat, printAndCapture } from './pdf';

test.use({ clientCertificates: certificateOf('master01') });

/** The whole search for 「印刷」 (`GET /api/history/all?…`) and the font. */
const SEARCH_ALL = (url: URL) => url.pathname === '/api/history/all';
const FONT = '**/fonts/**';

/** A request held until the test lets it go. */
function hold() {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const seen: string[] = [];
  return {
    seen,
    release,
    handler: async (route: Route) => {
      seen.push(route.request().url());
      await released;
      await route.continue();
    },
  };
}

/** The numbers of the table rows (column 「No.」) on a page of `pdftotext -layout`, top to bottom. */
function rowNumbers(pageText: string) {
  return [...pageText.matchAll(/^\s*(\d+)\s+\d{4}年\d{2}月\d{2}日\s*\d{2}時\d{2}分\d{2}秒/gm)].map((m) => Number(m[1]));
}

/**
 * 「印刷」 of the whole 6-month search of every user (cut at 3,000 rows): while the search is
 * fetched and the font loads (both held here, so each stage is seen), the status shows
 * 「作成状況」 with the stage, the button is disabled, the new tab waits with a message and
 * the screen stays usable; then the tab shows a landscape A4 PDF of all 3,000 rows, numbered
 * in order across its pages, each page with the table's heading row and 「n / N」.
 */
test('操作履歴照会の3,000件を印刷すると、作成中も画面を操作でき、全件を番号順に載せた横向きA4のPDFファイルが表示される', async ({
  page,
  loginPage,
  frame,
}, testInfo) => {
  test.setTimeout(120_000);
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  await frame.menuLink('管理').click();
  await new MenuPage(page).entry('操作履歴照会').click();
  await frame.expectScreen('操作履歴照会', 'BSRR001');
  const history = new HistoryPage(page);
  const earliest = (await history.from.getAttribute('min')) ?? '';
  await history.from.fill(earliest);
  await history.search.click();
  await expect(history.truncation).toBeVisible();
  await history.expectShowing(3000, 1, 50);
  const first = (await history.cell(0, '操作日時').textContent()) ?? '';
  const fiftieth = (await history.cell(49, '操作日時').textContent()) ?? '';

  const print = new PrintControl(page);
  await print.expectReady();
  const search = hold();
  const font = hold();
  await page.route(SEARCH_ALL, search.handler);
  await page.route(FONT, font.handler);

  // The whole search is fetched first.
  const tab = await print.clickAndCatchTab();
  await expect(print.working).toBeVisible();
  await expect(print.progress).toBeVisible();
  await expect(print.stage(STAGE.fetching)).toBeVisible();
  await expect(print.button).toBeDisabled();
  await expect(tab.getByText(TAB_WAITING)).toBeVisible();
  await expect(tab).toHaveTitle('印刷用PDFファイルを作成しています');
  expect(search.seen).toHaveLength(1);
  search.release();

  // Then the worker loads the font.
  await expect(print.stage(STAGE.font)).toBeVisible();
  await expect(print.progress).toBeVisible();
  await expect(print.button).toBeDisabled();
  expect(font.seen).toEqual([expect.stringMatching(/\/fonts\/BIZUDPGothic-Regular\.ttf$/)]);
  // Meanwhile the screen is usable: the search form takes input (not sent until 検索).
  await history.business.selectOption({ label: 'ログイン' });
  await expect(history.business.getByRole('option', { selected: true })).toHaveText('ログイン');
  await history.result('異常').check();
  await expect(history.result('異常')).toBeChecked();
  await history.business.selectOption({ label: 'すべて' });
  await history.result('すべて').check();
  await expect(print.button).toBeDisabled();
  await expect(tab.getByText(TAB_WAITING)).toBeVisible();
  font.release();

  // The tab shows the PDF; the status says how many pages.
  const pages = await print.donePages();
  await expect(print.button).toBeEnabled();
  await expect(print.progress).toBeHidden();
  const url = (await print.openLink.getAttribute('href')) ?? '';
  expect(url).toMatch(/^blob:/);
  await expect(tab).toHaveURL(url);
  await page.unroute(SEARCH_ALL);
  await page.unroute(FONT);
  await history.expectShowing(3000, 1, 50);

  // Printed again (the worker and its font are kept) to capture the file.
  const pdf = await printAndCapture(page, testInfo, '操作履歴照会-3000件');
  expect(pdf.donePages).toBe(pages);
  expectPrintout(pdf, { title: '操作履歴照会', screenId: 'BSRR001', operator: '港　太郎（master01）', orientation: 'landscape' });
  expect(pdf.pages).toBeGreaterThan(30);
  const printed = flat(pdf.text);
  expect(printed).toContain('検索条件');
  expect(printed).toContain('すべての利用者');
  expect(printed).toContain('全3,000件');
  expect(printed).toContain(flat('検索条件に該当する操作履歴が3,000件を超えたため、新しいものから3,000件を表示しています。'));

  // Every page starts its part of the table with the heading row; the rows 1–3,000 are
  // each printed once, in order, none lost at a page break.
  const numbers: number[] = [];
  pdf.pageTexts.forEach((text, i) => {
    expect(text, `page ${i + 1}: the heading row`).toMatch(/No\.\s+操作日時\s+ログインID\s+利用者名\s+業務\s+操作内容\s+結果/);
    const onPage = rowNumbers(text);
    expect(onPage.length, `page ${i + 1}: rows`).toBeGreaterThan(0);
    numbers.push(...onPage);
  });
  expect(numbers).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
  // In the search's order: row 1 and row 50 are the first page's first and last on screen.
  const line = (n: number) => flat(pdf.text.split('\n').find((l) => new RegExp(`^\\s*${n}\\s+\\d{4}年`).test(l)) ?? '');
  expect(line(1)).toContain(flat(first));
  expect(line(50)).toContain(flat(fiftieth));
});
