import { test, expect } from './fixtures';
import { MenuPage } from './pages/menu-pages';

test('一般ユーザは企業管理の画面をメニューからもURLからも開けず、APIも拒否される', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withId('user08');
  await frame.expectScreen('トップページ', 'BTOP001');
  await frame.menuLink('管理').click();
  await frame.expectScreen('業務選択', 'BSSK001');
  await expect(new MenuPage(page).entry('企業管理')).toHaveCount(0);

  for (const url of [
    '/admin/company',
    '/admin/company/info',
    '/admin/company/info/edit',
    '/admin/company/info/edit/confirm',
    '/admin/company/fees/payee-transfer',
    '/admin/company/fees/payee-bulk/edit',
    '/admin/company/fees/payer-bulk/edit',
  ]) {
    await page.goto(url);
    await frame.expectScreen('ご利用いただけません', 'BERR002');
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
  }
  for (const path of ['/api/company', '/api/company/fees/payee-transfer']) {
    const answer = await page.request.get(path);
    expect(answer.status(), path).toBe(403);
  }
});
