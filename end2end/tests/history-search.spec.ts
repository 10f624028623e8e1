import { test, expect } from './fixtures';
import { certificateOf, DEMO_PASSWORD } from './env';
import { expectAccessibleAtEverySize } from './axe';
import { MenuPage } from './pages/menu-pages';
import { PasswordChangePage } from './pages/password-change-page';
import { HISTORY_COLUMNS, HistoryPage, dayBefore, japaneseDate } from './pages/history-page';

test.use({ clientCertificates: certificateOf('master01') });

/**
 * 操作履歴照会 by the master user (全操作履歴照会): their own change is the newest row of
 * today; a 6-month search of every user is cut at 3,000 rows, paged 50 a page and sorted by
 * 操作日時 through real links (the back button works); a period before the retention is
 * refused on its field. The change is the master user's ログインパスワード, changed and
 * changed back (the other journeys log in with the demo password).
 */
test('自分の操作が操作履歴の先頭に表示され、6か月分の全利用者の検索をページ移動・並べ替えできる', async ({ page, loginPage, frame }) => {
  test.setTimeout(90_000);
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');

  // A change through the product: the own ログインパスワード, there and back.
  const menu = new MenuPage(page);
  const passwords = new PasswordChangePage(page);
  for (const [current, next] of [
    [DEMO_PASSWORD, 'Minato2026'],
    ['Minato2026', DEMO_PASSWORD],
  ]) {
    await frame.menuLink('管理').click();
    await frame.expectScreen('業務選択', 'BSSK001');
    await menu.entry('利用者管理').click();
    await menu.entry('パスワード変更').click();
    await frame.expectScreen('パスワード変更', 'BRSK002');
    await passwords.changeLogin.check();
    await passwords.changeLoginPassword(current, next);
    await frame.expectScreen('パスワード変更結果', 'BRSK003');
  }

  // 管理 › 業務選択 › 操作履歴照会: today's operations of every user, newest first.
  await frame.menuLink('管理').click();
  await menu.entry('操作履歴照会').click();
  await frame.expectScreen('操作履歴照会', 'BSRR001');
  await expect(frame.menuLink('管理')).toHaveAttribute('aria-current', 'page');
  const history = new HistoryPage(page);
  const today = (await history.from.getAttribute('max')) ?? '';
  const earliest = (await history.from.getAttribute('min')) ?? '';
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(history.from).toHaveValue(today);
  await expect(history.to).toHaveValue(today);
  await expect(history.to).toHaveAttribute('min', earliest);
  await expect(history.period).toContainText(
    `操作履歴は過去6か月分（${japaneseDate(earliest)}〜${japaneseDate(today)}）を照会できます。`,
  );
  await expect(history.user.getByRole('option', { selected: true })).toHaveText('すべての利用者');
  await expect(history.user.getByRole('option', { name: 'user01 佐藤　次郎' })).toHaveCount(1);
  await expect(history.business.getByRole('option', { selected: true })).toHaveText('すべて');
  await expect(history.result('すべて')).toBeChecked();
  // 操作日時 is the sort button (its name also says what it does).
  await expect(history.table.getByRole('columnheader')).toHaveText([/^操作日時/, ...HISTORY_COLUMNS.slice(1)]);
  await expect(history.dateHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(history.count).toBeVisible();
  await expect(history.truncation).toHaveCount(0);

  // The change is the top row (and the one before it the first change).
  for (const row of [0, 1]) {
    await expect(history.cell(row, '操作日時')).toHaveText(new RegExp(`^${japaneseDate(today)} \\d{2}時\\d{2}分\\d{2}秒$`));
    await expect(history.cell(row, 'ログインID')).toHaveText('master01');
    await expect(history.cell(row, '利用者名')).toHaveText('港　太郎');
    await expect(history.cell(row, '業務')).toHaveText('利用者管理');
    await expect(history.cell(row, '操作内容')).toHaveText('パスワード変更（ログインパスワード）');
    await expect(history.cell(row, '結果')).toHaveText('正常');
  }
  // Every user's operations of today are there, not only the operator's.
  await expect(history.column('ログインID').filter({ hasNotText: 'master01' }).first()).toBeVisible();
  await expectAccessibleAtEverySize(page, '操作履歴照会');

  // Six months of every user: more than 3,000 rows, so the newest 3,000 in 60 pages.
  await history.from.fill(earliest);
  await history.search.click();
  await expect(page).toHaveURL(new RegExp(`/admin/history\\?from=${earliest}&to=${today}&user=%2A&result=all&order=desc&page=1$`));
  await expect(history.truncation).toBeVisible();
  await history.expectShowing(3000, 1, 50);
  await expect(history.pageLink(1)).toHaveAttribute('aria-current', 'page');
  await expect(history.previous).toHaveCount(0);
  await expect(history.pager.getByText('…')).toHaveCount(1);
  const newest = await history.cell(0, '操作日時').textContent();

  await history.pageLink(2).click();
  await history.expectShowing(3000, 51, 100);
  await expect(page).toHaveURL(/&page=2$/);
  await expect(history.pageLink(2)).toHaveAttribute('aria-current', 'page');
  await expect(history.pageLink(1)).not.toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: '操作履歴一覧' })).toBeFocused();

  await history.pageLink(60).click();
  await history.expectShowing(3000, 2951, 3000);
  await expect(history.next).toHaveCount(0);
  await expect(history.previous).toBeVisible();
  const oldestKept = await history.cell(49, '操作日時').textContent();
  expect(oldestKept! < newest!).toBe(true);

  // The back button returns to page 2, then 前へ to page 1.
  await page.goBack();
  await history.expectShowing(3000, 51, 100);
  await history.previous.click();
  await history.expectShowing(3000, 1, 50);
  await expect(history.cell(0, '操作日時')).toHaveText(newest!);

  // 操作日時 ascending: the oldest of the 3,000 first; descending again: the newest.
  await history.sort.click();
  await expect(history.dateHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/&order=asc&page=1$/);
  await expect(history.cell(0, '操作日時')).toHaveText(oldestKept!);
  await expect(history.sort).toBeFocused();
  await history.expectShowing(3000, 1, 50);
  await history.sort.click();
  await expect(history.dateHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/&order=desc&page=1$/);
  await expect(history.cell(0, '操作日時')).toHaveText(newest!);

  // A 開始日 before the retention is refused on its field; nothing typed is lost.
  const tooEarly = dayBefore(earliest);
  const url = page.url();
  await history.from.fill(tooEarly);
  await history.business.selectOption({ label: 'ログイン' });
  await history.search.click();
  const message = `操作履歴を照会できる期間は${japaneseDate(earliest)}から${japaneseDate(today)}までです（過去6か月）。`;
  await expect(history.errorSummary).toBeFocused();
  await expect(history.errorSummary.getByRole('link', { name: message })).toBeVisible();
  await history.expectFieldError(history.from, message);
  await expect(history.from).toHaveAttribute('aria-invalid', 'true');
  await expect(history.from).toHaveValue(tooEarly);
  await expect(history.business.getByRole('option', { selected: true })).toHaveText('ログイン');
  expect(page.url()).toBe(url);
  await history.errorSummary.getByRole('link', { name: message }).click();
  await expect(history.from).toBeFocused();
  await expectAccessibleAtEverySize(page, '操作履歴照会（入力エラー）');

  // The same period typed into the URL shows the same refusal on the form, not a blank page.
  await history.goto(`?from=${tooEarly}&to=${today}`);
  await expect(history.errorSummary).toBeFocused();
  await history.expectFieldError(history.from, message);
  await expect(history.table).toHaveCount(0);
  await expect(page.getByText('検索条件に誤りがあるため、操作履歴を表示できません。')).toBeVisible();
});
