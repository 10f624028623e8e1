import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { expectAccessibleAtEverySize } from './axe';
import { MenuPage } from './pages/menu-pages';
import { HistoryPage } from './pages/history-page';

test.use({ clientCertificates: certificateOf('user01') });

const REFUSAL = 'ほかの利用者の操作履歴を照会する権限（全操作履歴照会）がありません。';

/**
 * 操作履歴照会 by a general user without 全操作履歴照会: no 利用者 to choose, only their own
 * rows on every page of a multi-month search, and a URL asking for everyone's or another
 * user's history is refused on 利用者 without showing a single row of theirs.
 */
test('全操作履歴照会のない一般ユーザは自分の操作履歴だけを照会でき、URLでほかの利用者を指定しても表示されない', async ({ page, loginPage, frame }) => {
  test.setTimeout(90_000);
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  await frame.menuLink('管理').click();
  await frame.expectScreen('業務選択', 'BSSK001');
  await new MenuPage(page).entry('操作履歴照会').click();
  await frame.expectScreen('操作履歴照会', 'BSRR001');

  // No choice of 利用者: the own name, and why.
  const history = new HistoryPage(page);
  await expect(history.user).toHaveCount(0);
  await expect(history.ownUser).toContainText('user01 佐藤　次郎');
  await expect(history.ownUser).toHaveAccessibleDescription('ご自身の操作履歴のみ照会できます。');
  await expect(page.getByText('ご自身が行った操作の履歴を照会できます。', { exact: false })).toBeVisible();

  // Today: the own operations only (the login just now is the newest).
  await expect(history.count).toBeVisible();
  const todayTotal = await history.total();
  expect(todayTotal).toBeGreaterThan(1);
  await expect(history.column('ログインID')).toHaveText(Array(Math.min(todayTotal, 50)).fill('user01'));
  await expect(history.cell(0, '業務')).toHaveText('ログイン');
  await expectAccessibleAtEverySize(page, '操作履歴照会（一般ユーザ）');

  // Six months: several pages, every row on every page the user's own.
  const earliest = (await history.from.getAttribute('min')) ?? '';
  await history.from.fill(earliest);
  await history.search.click();
  await expect(page).toHaveURL(new RegExp(`from=${earliest}&.*user=user01&`));
  await expect(history.count).toContainText('件中 1〜50件を表示');
  const total = await history.total();
  const pages = Math.ceil(total / 50);
  expect(pages).toBeGreaterThan(2);
  await expect(history.truncation).toHaveCount(0);
  for (let p = 1; p <= pages; p++) {
    if (p > 1) await history.next.click();
    const first = (p - 1) * 50 + 1;
    const last = Math.min(p * 50, total);
    await history.expectShowing(total, first, last);
    await expect(history.pageLink(p)).toHaveAttribute('aria-current', 'page');
    await expect(history.column('ログインID')).toHaveText(Array(last - first + 1).fill('user01'));
  }
  await expect(history.next).toHaveCount(0);

  // Everyone's history by URL: refused on 利用者, no rows at all.
  for (const user of ['*', 'master01']) {
    await history.goto(`?user=${encodeURIComponent(user)}`);
    await expect(history.errorSummary).toBeFocused();
    await expect(history.errorSummary).toContainText(REFUSAL);
    await history.expectFieldError(history.ownUser, REFUSAL);
    await expect(history.table).toHaveCount(0);
    await expect(page.getByRole('cell', { name: 'master01' })).toHaveCount(0);
  }
  await expectAccessibleAtEverySize(page, '操作履歴照会（利用者の指定を拒否）');
  // The backend refuses the same searches on its own, not only the screen.
  for (const user of ['%2A', 'master01']) {
    const answer = await page.request.get(`/api/history?user=${user}`);
    expect(answer.status()).toBe(422);
    expect((await answer.json()).field_errors.map((e: { field: string }) => e.field)).toEqual(['user']);
  }

  // The summary leads to 利用者; 「検索」 searches the own history again.
  await history.errorSummary.getByRole('link', { name: REFUSAL }).click();
  await expect(history.ownUser.getByText('user01 佐藤　次郎')).toBeFocused();
  await history.search.click();
  await expect(page).toHaveURL(/user=user01&/);
  await expect(history.errorSummary).toHaveCount(0);
  await expect(history.column('ログインID').first()).toHaveText('user01');
  await expect(history.column('ログインID')).toHaveText(Array(await history.rows().count()).fill('user01'));
});
