import { test, expect } from './fixtures';
import { MenuPage } from './pages/menu-pages';

test('一般ユーザは利用者管理の画面をURLからも開けず、APIも拒否される', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withId('user08');
  await frame.expectScreen('トップページ', 'BTOP001');
  await page.goto('/admin/users');
  await frame.expectScreen('作業内容選択', 'BRSK001');
  await expect(new MenuPage(page).entry('利用者情報の管理')).toHaveCount(0);

  for (const url of ['/admin/users/list', '/admin/users/new/basic', '/admin/users/u/user01', '/admin/users/u/user01/delete']) {
    await page.goto(url);
    await frame.expectScreen('ご利用いただけません', 'BERR002');
    await expect(page.getByRole('table')).toHaveCount(0);
  }
  const answer = await page.request.get('/api/users');
  expect(answer.status()).toBe(403);
});
