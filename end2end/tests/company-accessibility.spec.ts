import { test, expect } from './fixtures';
import { expectAccessibleAtEverySize } from './axe';
import { CompanyPages } from './pages/company-pages';
import { FeePages } from './pages/fee-pages';

test('企業管理と手数料の画面は、エラー表示を含めどの文字サイズでもaxe-coreの違反がない', async ({ page, loginPage, frame }) => {
  // 13 states × 3 sizes of full-page axe scans.
  test.setTimeout(180_000);
  await loginPage.goto();
  await loginPage.withId('admin02');
  await frame.expectScreen('トップページ', 'BTOP001');

  await page.goto('/admin/company');
  await frame.expectScreen('作業内容選択', 'BKGK004');
  await expectAccessibleAtEverySize(page, '企業管理 作業内容選択');

  await page.goto('/admin/company/info');
  await frame.expectScreen('企業情報照会', 'BKGK005');
  await expect(page.getByRole('region', { name: '承認機能' })).toBeVisible();
  await expectAccessibleAtEverySize(page, '企業情報照会');

  const company = new CompanyPages(page);
  await company.gotoEdit();
  await company.field('企業名(カナ)').fill('かぶしき');
  await company.dailyLimit('総合振込').fill('1234567890123');
  await company.approval('給与・賞与振込', 'ダブル承認(順序なし)').check();
  await company.change.click();
  await expect(company.errorSummary).toBeFocused();
  await expectAccessibleAtEverySize(page, '企業情報変更（エラー）');

  await company.approval('給与・賞与振込', 'シングル承認').check();
  await company.dailyLimit('総合振込').fill('50000000');
  await company.field('企業名(カナ)').fill('カブシキガイシャミナトセイキ　ホンシャ');
  await company.change.click();
  await frame.expectScreen('企業情報変更確認', 'BKGK002');
  await company.execute.click();
  await expect(page.getByRole('alert').filter({ hasText: '入力内容に誤りがあります' })).toBeFocused();
  await expectAccessibleAtEverySize(page, '企業情報変更確認（エラー）');
  await company.executeWith();
  await frame.expectScreen('企業情報変更結果', 'BKGK003');
  await expectAccessibleAtEverySize(page, '企業情報変更結果');

  const fees = new FeePages(page);
  await page.goto('/admin/company/fees/payee-transfer');
  await frame.expectScreen('先方負担手数料[振込振替]照会', 'BKGK014');
  await expectAccessibleAtEverySize(page, '先方負担手数料[振込振替]照会');

  await page.goto('/admin/company/fees/payee-transfer/edit');
  await frame.expectScreen('先方負担手数料[振込振替]変更', 'BKGK011');
  await expect(fees.useStandard).toBeChecked();
  await expectAccessibleAtEverySize(page, '手数料変更（基準手数料を使用）');

  await fees.useStandard.uncheck();
  await fees.addBand.click();
  await fees.fee(2, '他行宛').fill('abc');
  await fees.minimum.fill('');
  await fees.change.click();
  await expect(fees.errorSummary).toBeFocused();
  await expectAccessibleAtEverySize(page, '手数料変更（エラー）');

  await page.getByRole('button', { name: /^この行を削除\s*（3行目）$/ }).click();
  await fees.fee(2, '他行宛').fill('550');
  await fees.minimum.fill('1000');
  await fees.change.click();
  await frame.expectScreen('先方負担手数料[振込振替]変更確認', 'BKGK012');
  await expectAccessibleAtEverySize(page, '手数料変更確認');
  await fees.executeWith();
  await frame.expectScreen('先方負担手数料[振込振替]変更結果', 'BKGK013');
  await expectAccessibleAtEverySize(page, '手数料変更結果');
});
