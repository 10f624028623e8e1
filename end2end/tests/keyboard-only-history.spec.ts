import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { chooseRadio, setDateByKeyboard, tabTo } from './keyboard';
import { HistoryPage } from './pages/history-page';

test.use({ clientCertificates: certificateOf('master01') });

/**
 * Keyboard only: 操作履歴照会 searched over the whole retention (the date set with the arrow
 * keys on the date field's segments, 結果 chosen with the arrow keys), then paged with the
 * page links and 「次へ」, and sorted by 操作日時.
 */
test('キーボードだけで操作履歴を検索し、ページを移動し、並べ替えられる', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  const history = new HistoryPage(page);
  await history.goto();
  await frame.expectScreen('操作履歴照会', 'BSRR001');
  const earliest = (await history.from.getAttribute('min')) ?? '';
  expect(earliest).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  await setDateByKeyboard(page, history.from, earliest);
  await chooseRadio(page, history.result('すべて'), history.result('正常'));
  await tabTo(page, history.search);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]from=${earliest}&.*result=ok`));
  await expect(history.count).toContainText(/件中 1〜50件を表示/);
  await expect(history.rows()).toHaveCount(50);
  await expect(history.column('結果').filter({ hasNotText: '正常' })).toHaveCount(0);

  await tabTo(page, history.pageLink(2), 80);
  await page.keyboard.press('Enter');
  await expect(history.count).toContainText(/件中 51〜100件を表示/);
  await expect(page.getByRole('heading', { level: 2, name: '操作履歴一覧' })).toBeFocused();

  await tabTo(page, history.next, 80);
  await page.keyboard.press('Enter');
  await expect(history.count).toContainText(/件中 101〜150件を表示/);

  await tabTo(page, history.sort, 80);
  await page.keyboard.press('Enter');
  await expect(history.dateHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(history.count).toContainText(/件中 1〜50件を表示/);
  await expect(history.sort).toBeFocused();
});
