import { test, expect } from './fixtures';
import { DEMO_CONFIRM_PASSWORD } from './env';
import { ApiSession } from './faults/inject';
import { tabTo, typeOver } from './keyboard';
import { CompanyPages } from './pages/company-pages';
import { FeePages } from './pages/fee-pages';

const FEES = '/api/company/fees/payer-bulk';

/** A yen amount as shown (「30,000,000」) → the number. */
function yen(shown: string) {
  return Number(shown.replaceAll(',', ''));
}

/**
 * Keyboard only: 企業情報変更 (one 企業一日当たりの限度額) and 手数料の変更 (one fee of
 * 当方負担手数料[総合振込]), each input → 確認 → 結果. Both are put back through the API
 * afterwards, whatever earlier journeys left.
 */
test('キーボードだけで企業情報と手数料を変更できる', async ({ page, loginPage, frame }) => {
  test.setTimeout(90_000);
  const before = await ApiSession.login('admin02');
  const company: { company: unknown } = await before.get('/api/company');
  const fees: { settings: unknown } = await before.get(FEES);
  await before.close();
  try {
    await loginPage.goto();
    await loginPage.withId('admin02');
    await frame.expectScreen('トップページ', 'BTOP001');

    // 企業情報変更: 賞与振込's daily limit raised by 1,000,000円.
    const form = new CompanyPages(page);
    await form.gotoEdit();
    await frame.expectScreen('企業情報変更', 'BKGK001');
    const bonus = form.dailyLimit('賞与振込');
    const raised = `${yen(await bonus.inputValue()) + 1_000_000}`;
    await typeOver(page, bonus, raised);
    await tabTo(page, form.change);
    await page.keyboard.press('Enter');
    await frame.expectScreen('企業情報変更確認', 'BKGK002');
    await expect(form.summaryRow('限度額（企業一日当たり）', '賞与振込')).toContainText(`${Number(raised).toLocaleString('ja-JP')}円`);
    await tabTo(page, form.operatorPassword);
    await page.keyboard.type(DEMO_CONFIRM_PASSWORD);
    await page.keyboard.press('Enter');
    await frame.expectScreen('企業情報変更結果', 'BKGK003');
    await expect(form.changedValues()).toHaveCount(1);

    // 手数料の変更: the 他行宛 fee of the first band plus 10円.
    const fee = new FeePages(page);
    await page.goto('/admin/company/fees/payer-bulk/edit');
    await frame.expectScreen('当方負担手数料[総合振込]変更', 'BKGK031');
    const first = fee.fee(1, '他行宛');
    const next = `${yen(await first.inputValue()) + 10}`;
    await typeOver(page, first, next);
    await tabTo(page, fee.change, 80);
    await page.keyboard.press('Enter');
    await frame.expectScreen('当方負担手数料[総合振込]変更確認', 'BKGK032');
    await expect(fee.changedValues()).toHaveCount(1);
    await tabTo(page, fee.operatorPassword);
    await page.keyboard.type(DEMO_CONFIRM_PASSWORD);
    await page.keyboard.press('Enter');
    await frame.expectScreen('当方負担手数料[総合振込]変更結果', 'BKGK033');
    await expect(fee.bandRow('1円')).toContainText(`${next}円`);
  } finally {
    const after = await ApiSession.login('admin02');
    await after.restoreCompany(company);
    const now: { settings: unknown; revision: number } = await after.get(FEES);
    if (JSON.stringify(now.settings) !== JSON.stringify(fees.settings)) {
      const r = await after.send('PUT', FEES, {
        settings: fees.settings,
        revision: now.revision,
        confirmation: { confirm_password: DEMO_CONFIRM_PASSWORD },
      });
      expect(r.status(), `restore the fees: ${await r.text()}`).toBe(200);
    }
    await after.close();
  }
});
