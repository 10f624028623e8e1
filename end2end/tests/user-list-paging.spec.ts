import { test, expect } from './fixtures';
import { expectAccessibleAtEverySize } from './axe';
import { LARGE_URL } from './env';
import { UserListPage } from './pages/user-pages';

// The large company: the 11 demo users and 60 of the benchmark's, 71 in all.
test.use({ baseURL: LARGE_URL });

test('71人の利用者一覧を50件ずつページを移りながら見て、2ページ目の利用者を照会できる', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withId('benchadm1');
  await frame.expectScreen('トップページ', 'BTOP001');
  const list = new UserListPage(page);
  await list.goto();
  await frame.expectScreen('利用者一覧', 'BRSK005');

  await expect(page.getByText('71件の利用者が登録されています（並び順：ログインID・昇順）。')).toBeVisible();
  await expect(page.getByText('全71件中 1〜50件を表示', { exact: true })).toBeVisible();
  await expect(list.table.getByRole('row')).toHaveCount(51);
  const pages = page.getByRole('navigation', { name: 'ページ' });
  await expect(pages.getByRole('link', { name: '1ページ' })).toHaveAttribute('aria-current', 'page');
  await expect(pages.getByRole('link', { name: '前へ' })).toHaveCount(0);
  await expectAccessibleAtEverySize(page, '利用者一覧（50件ずつのページ）');

  // A user picked on page 1 is not carried to page 2.
  const lastOnPage1 = (await list.table.getByRole('row').nth(50).getByRole('cell').nth(1).textContent()) ?? '';
  await list.radio(lastOnPage1).check();
  await pages.getByRole('link', { name: '次へ', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users\/list\?sort=login_id&order=asc&page=2$/);
  await expect(page.getByText('全71件中 51〜71件を表示', { exact: true })).toBeVisible();
  await expect(list.table.getByRole('row')).toHaveCount(22);
  await expect(page.getByRole('region', { name: '利用者一覧' })).toBeFocused();
  await expect(pages.getByRole('link', { name: '2ページ' })).toHaveAttribute('aria-current', 'page');
  await expect(pages.getByRole('link', { name: '次へ' })).toHaveCount(0);
  await list.button('照会').click();
  await expect(list.alert).toContainText('照会する利用者を選択してください。');

  // The order is over all 71 users: page 2 holds the last of them by login ID.
  const onPage2 = await list.table.getByRole('row').locator('td:nth-child(2)').allTextContents();
  expect(onPage2).toEqual([...onPage2].sort());
  expect(onPage2.every((id) => id > lastOnPage1)).toBe(true);

  // 照会 of a user on page 2; the back button returns to page 2.
  const last = onPage2[onPage2.length - 1];
  await list.open('照会', last);
  await frame.expectScreen('利用者照会', 'BRSK011');
  await page.goBack();
  await expect(page.getByText('全71件中 51〜71件を表示', { exact: true })).toBeVisible();

  // Another order starts again at page 1.
  await page.getByLabel('並び順').selectOption({ label: '利用者名' });
  await page.getByRole('radio', { name: '降順' }).check();
  await list.button('再表示').click();
  await expect(page).toHaveURL(/sort=name&order=desc$/);
  await expect(page.getByText('全71件中 1〜50件を表示', { exact: true })).toBeVisible();
  await expect(page.getByText('71件の利用者が登録されています（並び順：利用者名・降順）。')).toBeVisible();
});
