import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { MenuPage } from './pages/menu-pages';
import { FeePages } from './pages/fee-pages';
import { expectPrintout, flat, printAndCapture } from './pdf';

test.describe('マスターユーザ（電子証明書）', () => {
  test.use({ clientCertificates: certificateOf('master01') });

  test('基準手数料を読み込み、1つの範囲の手数料を変えて確認・実行する（範囲のすき間と文字は拒否）', async ({ page, loginPage, frame }, testInfo) => {
    await loginPage.goto();
    await loginPage.withCertificate();
    await frame.expectScreen('トップページ', 'BTOP001');
    await page.goto('/admin/company');
    await frame.expectScreen('作業内容選択', 'BKGK004');
    await new MenuPage(page).entry('当方負担手数料\\[総合振込\\]の変更').click();
    await frame.expectScreen('当方負担手数料[総合振込]変更', 'BKGK031');

    const fees = new FeePages(page);
    await expect(fees.fee(3, '他行宛')).toHaveValue('440');
    await expect(fees.minimum).toHaveCount(0);

    // A gap between two bands and a fee with a letter: named on their fields, input kept.
    await fees.bound('振込金額範囲', 2, '下限').fill('10001');
    await fees.fee(1, '他行宛').fill('２２０円');
    await fees.change.click();
    await expect(fees.errorSummary).toBeFocused();
    await expect(fees.errorSummary).toContainText(
      '振込金額範囲（2行目）の下限は10,000円にしてください（1行目の範囲との間にすき間があります）。',
    );
    await expect(fees.errorSummary).toContainText('手数料（1行目・他行宛）は半角数字で入力してください。');
    await expect(fees.fee(1, '他行宛')).toHaveValue('２２０円');

    // The bank's standard fills the table; then one band is changed.
    await fees.loadStandard.click();
    await expect(fees.bound('振込金額範囲', 2, '下限')).toHaveValue('10,000');
    await expect(fees.fee(2, '本支店宛')).toHaveValue('165');
    await fees.fee(3, '他行宛').fill('600');
    await fees.change.click();

    await frame.expectScreen('当方負担手数料[総合振込]変更確認', 'BKGK032');
    await expect(fees.changedValues()).toHaveCount(2);
    await expect(fees.bandRow('10,000円')).toContainText('変更前：110円');
    await expect(fees.bandRow('30,000円')).toContainText('600円');
    await expect(fees.bandRow('30,000円')).toContainText('変更前：440円');
    await expect(fees.bandRow('1円')).not.toContainText('変更前');
    await fees.executeWith();

    await frame.expectScreen('当方負担手数料[総合振込]変更結果', 'BKGK033');
    await expect(fees.changedValues()).toHaveCount(2);
    await expect(fees.bandRow('30,000円')).toContainText('600円');

    // 印刷: the fee table with the two changed fees marked.
    const pdf = await printAndCapture(page, testInfo, '当方負担手数料[総合振込]変更結果');
    expectPrintout(pdf, { title: '当方負担手数料[総合振込]変更結果', screenId: 'BKGK033', operator: '港　太郎（master01）' });
    const printed = flat(pdf.text);
    expect(printed).toContain('600円［変更］');
    expect(printed).toContain('変更前：440円');
    expect(printed).toContain('変更前：110円');
    expect(printed).toContain('30,000円');
    expect(printed.match(/変更前：/g)).toHaveLength(2);
  });

  test('「使用する(常に最新の基準手数料を使用する)」で表は読み取り専用になり、基準手数料に従う', async ({ page, loginPage, frame }) => {
    await loginPage.goto();
    await loginPage.withCertificate();
    await frame.expectScreen('トップページ', 'BTOP001');
    await page.goto('/admin/company/fees/payee-bulk/edit');
    await frame.expectScreen('先方負担手数料[総合振込]変更', 'BKGK021');
    const fees = new FeePages(page);
    await expect(page.getByRole('radio', { name: '据置型' })).toBeChecked();
    await expect(fees.fee(1, '他行宛')).toBeEditable();
    await fees.useStandard.check();
    await expect(fees.fee(1, '他行宛')).toHaveCount(0);
    await expect(fees.loadStandard).toBeDisabled();
    await expect(page.getByRole('table', { name: /^基準手数料/ })).toContainText('275');
    await fees.change.click();

    await frame.expectScreen('先方負担手数料[総合振込]変更確認', 'BKGK022');
    await expect(fees.settingRow('基準手数料')).toContainText('変更前：使用しない');
    await fees.executeWith();
    await frame.expectScreen('先方負担手数料[総合振込]変更結果', 'BKGK023');
    await page.getByRole('link', { name: '先方負担手数料[総合振込]照会へ' }).click();
    await frame.expectScreen('先方負担手数料[総合振込]照会', 'BKGK024');
    await expect(fees.settingRow('基準手数料')).toContainText('使用する');
    await expect(fees.bandRow('1円')).toContainText('275円');
  });
});
