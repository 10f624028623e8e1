import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { AppFrame } from './pages/app-frame';
import { LoginPage } from './pages/login-page';
import { MenuPage } from './pages/menu-pages';
import { CompanyPages } from './pages/company-pages';
import { expectPrintout, flat, printAndCapture } from './pdf';

test('管理者が承認機能と限度額を変更し、変更した行だけが確認・結果で強調される', async ({ page, loginPage, frame }, testInfo) => {
  await loginPage.goto();
  await loginPage.withId('admin02');
  await frame.expectScreen('トップページ', 'BTOP001');
  const menu = new MenuPage(page);
  await frame.menuLink('管理').click();
  await menu.entry('企業管理').click();
  await frame.expectScreen('作業内容選択', 'BKGK004');
  await menu.entry('企業情報の変更').click();
  await frame.expectScreen('企業情報変更', 'BKGK001');

  const company = new CompanyPages(page);
  const honten = /^本店営業部\(001\) 普通 1234567/;
  const kounan = /^港南支店\(125\) 普通 0253226/;
  await expect(company.approval('振込振替', 'シングル承認')).toBeChecked();
  await expect(company.approval('総合振込', '承認なし')).toHaveCount(0);
  await expect(company.accountLimit(honten, '振込振替(合計)')).toHaveValue('10,000,000');

  // Bad input: 16 digits, letters; every message names the rule, nothing typed is lost.
  await company.accountLimit(honten, '振込振替(合計)').fill('1234567890123456');
  await company.dailyLimit('給与振込').fill('3千万');
  await company.change.click();
  await expect(company.errorSummary).toBeFocused();
  await expect(company.errorSummary).toContainText(
    '口座一日当たりの限度額（本店営業部(001) 普通 1234567・振込振替(合計)）は半角数字15桁以内で入力してください。',
  );
  await company.expectFieldError(company.dailyLimit('給与振込'), '企業一日当たりの限度額（給与振込）は半角数字で入力してください。');
  await expect(company.dailyLimit('給与振込')).toHaveValue('3千万');
  await expect(page).toHaveURL(/\/admin\/company\/info\/edit$/);

  // ダブル承認 with one approver only, and a company limit below a user's limit.
  await company.accountLimit(honten, '振込振替(合計)').fill('10000000');
  await company.dailyLimit('給与振込').fill('30000000');
  await company.approval('給与・賞与振込', 'ダブル承認(順序あり)').check();
  await company.dailyLimit('総合振込').fill('10000000');
  await company.change.click();
  await expect(company.errorSummary).toContainText('給与・賞与振込の承認権限を持つ利用者が2名以上必要です');
  await expect(company.errorSummary).toContainText('佐藤　次郎（user01）');
  await company.expectFieldError(company.dailyLimit('総合振込'), '先に利用者の限度額を変更してください。');
  await expect(company.dailyLimit('総合振込')).toHaveAccessibleDescription(/佐藤\s次郎（user01）/);

  // The intended change: 振込振替 ダブル承認, 総合振込 typed in full-width digits, one account limit.
  await company.approval('給与・賞与振込', 'シングル承認').check();
  await company.approval('振込振替', 'ダブル承認(順序なし)').check();
  await company.dailyLimit('総合振込').fill('６０，０００，０００');
  await company.dailyLimit('総合振込').blur();
  await expect(company.dailyLimit('総合振込')).toHaveValue('60,000,000');
  await company.accountLimit(kounan, '振込振替(都度指定)').fill('2500000');
  await company.change.click();

  await frame.expectScreen('企業情報変更確認', 'BKGK002');
  await expect(page.getByText('変更した内容は黄色で表示されています。').first()).toBeVisible();
  await expect(company.changedValues()).toHaveCount(3);
  await expect(company.summaryRow('承認機能', '振込振替')).toContainText('ダブル承認(順序なし)');
  await expect(company.summaryRow('承認機能', '振込振替')).toContainText('変更前：シングル承認');
  await expect(company.summaryRow('承認機能', '総合振込')).not.toContainText('変更');
  await expect(company.summaryRow('限度額（企業一日当たり）', '総合振込')).toContainText('変更前：50,000,000円');
  await expect(company.summaryRow('限度額（口座一日当たり）', kounan)).toContainText('変更前：1,000,000円');
  await expect(company.summaryRow('限度額（口座一日当たり）', honten)).not.toContainText('変更前');

  await company.executeWith('Wrong9999');
  await company.expectFieldError(company.operatorPassword, '確認用パスワードが正しくありません。');
  await company.executeWith();

  await frame.expectScreen('企業情報変更結果', 'BKGK003');
  await expect(page.getByText('以下の内容で企業情報を変更しました。')).toBeVisible();
  await expect(company.changedValues()).toHaveCount(3);
  await expect(company.summaryRow('限度額（企業一日当たり）', '総合振込')).toContainText('60,000,000円');

  // 印刷: the three changes marked 「［変更］」 with their old values, the rest unmarked.
  const pdf = await printAndCapture(page, testInfo, '企業情報変更結果');
  expectPrintout(pdf, { title: '企業情報変更結果', screenId: 'BKGK003', operator: '山田　一郎（admin02）' });
  const printed = flat(pdf.text);
  expect(printed).toContain('以下の内容で企業情報を変更しました。');
  expect(printed).toContain('ダブル承認(順序なし)［変更］');
  expect(printed).toContain('変更前：シングル承認');
  expect(printed).toContain('60,000,000円［変更］');
  expect(printed).toContain('変更前：50,000,000円');
  expect(printed).toContain('2,500,000円［変更］');
  expect(printed).toContain('変更前：1,000,000円');
  expect(printed.match(/［変更］/g)).toHaveLength(3);
  expect(printed.match(/変更前：/g)).toHaveLength(3);
  expect(printed).toContain('10,000,000円');

  // The 照会 shows the new values; changing nothing says so instead of confirming.
  await page.getByRole('link', { name: '企業情報の照会へ' }).click();
  await frame.expectScreen('企業情報照会', 'BKGK005');
  await expect(company.summaryRow('承認機能', '振込振替')).toContainText('ダブル承認(順序なし)');
  await page.getByRole('link', { name: '変更', exact: true }).click();
  await frame.expectScreen('企業情報変更', 'BKGK001');
  await company.change.click();
  await expect(page.getByText('変更された項目はありません。')).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/company\/info\/edit$/);
});

test('確認から「変更」で戻っても入力内容は保持され、再読み込みした確認画面はその旨を表示する', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withId('admin02');
  await frame.expectScreen('トップページ', 'BTOP001');
  const company = new CompanyPages(page);
  await company.gotoEdit();
  await company.field('企業名').fill('株式会社みなと精機ホールディングス');
  await company.change.click();
  await frame.expectScreen('企業情報変更確認', 'BKGK002');
  await page.getByRole('link', { name: '企業情報を変更する' }).click();
  await frame.expectScreen('企業情報変更', 'BKGK001');
  await expect(company.field('企業名')).toHaveValue('株式会社みなと精機ホールディングス');
  await company.change.click();
  await frame.expectScreen('企業情報変更確認', 'BKGK002');
  await page.reload();
  await expect(page.getByText('入力内容は保持されていません')).toBeVisible();
});

test('確認中に他の管理者が企業情報を変更すると、最新の内容に自分の変更を残して入力に戻る', async ({ page, browser, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withId('admin02');
  await frame.expectScreen('トップページ', 'BTOP001');
  const mine = new CompanyPages(page);
  await mine.gotoEdit();
  await mine.dailyLimit('賞与振込').fill('40000000');
  await mine.change.click();
  await frame.expectScreen('企業情報変更確認', 'BKGK002');

  // Meanwhile the master user changes 給与振込.
  const other = await browser.newContext({ clientCertificates: certificateOf('master01') });
  try {
    const otherPage = await other.newPage();
    await new LoginPage(otherPage).goto();
    await new LoginPage(otherPage).withCertificate();
    const otherFrame = new AppFrame(otherPage);
    await otherFrame.expectScreen('トップページ', 'BTOP001');
    const theirs = new CompanyPages(otherPage);
    await theirs.gotoEdit();
    await theirs.dailyLimit('給与振込').fill('35000000');
    await theirs.change.click();
    await otherFrame.expectScreen('企業情報変更確認', 'BKGK002');
    await theirs.executeWith();
    await otherFrame.expectScreen('企業情報変更結果', 'BKGK003');
  } finally {
    await other.close();
  }

  await mine.executeWith();
  await frame.expectScreen('企業情報変更', 'BKGK001');
  await expect(page.getByText('企業情報が他の操作により変更されていました')).toBeVisible();
  await expect(mine.dailyLimit('賞与振込')).toHaveValue('40000000');
  await expect(mine.dailyLimit('給与振込')).toHaveValue('35,000,000');
  await mine.change.click();
  await frame.expectScreen('企業情報変更確認', 'BKGK002');
  await expect(mine.changedValues()).toHaveCount(1);
  await expect(mine.summaryRow('限度額（企業一日当たり）', '賞与振込')).toContainText('変更前：30,000,000円');
  await mine.executeWith();
  await frame.expectScreen('企業情報変更結果', 'BKGK003');
  await expect(mine.summaryRow('限度額（企業一日当たり）', '給与振込')).toContainText('35,000,000円');
});
