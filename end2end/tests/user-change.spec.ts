import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { UserListPage, UserWizard } from './pages/user-pages';
import { expectPrintout, flat, printAndCapture } from './pdf';

test.use({ clientCertificates: certificateOf('master01') });

test('利用者の権限と限度額を変更すると、確認と結果で変更箇所が示される', async ({ page, loginPage, frame }, testInfo) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  const list = new UserListPage(page);
  const wizard = new UserWizard(page);
  await list.goto();

  // 照会 first: a read-only view.
  await list.open('照会', 'user01');
  await frame.expectScreen('利用者照会', 'BRSK011');
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(wizard.summaryRow('利用者一回当たり限度額', '利用者一回当たり限度額（振込振替）')).toContainText('5,000,000円');

  await list.goto();
  await list.open('変更', 'user01');
  await frame.expectScreen('利用者変更[基本情報]', 'BRSK012');
  await expect(wizard.field('ログインID')).toHaveValue('user01');
  await expect(wizard.field('利用者名')).toHaveValue('佐藤　次郎');
  // Passwords change only when 「変更する」 is checked.
  await expect(wizard.group('ログインパスワード').getByRole('checkbox', { name: '変更する' })).not.toBeChecked();
  await expect(wizard.group('ログインパスワード').getByLabel(/^ログインパスワード\s*必須$/)).toHaveCount(0);
  await wizard.next.click();

  await frame.expectScreen('利用者変更[権限]', 'BRSK013');
  await expect(wizard.right('承認', '総合振込')).toBeChecked();
  await wizard.right('承認', '総合振込').uncheck();
  await wizard.right('振込振替', '依頼(事前登録口座)').check();
  await wizard.next.click();

  await frame.expectScreen('利用者変更[口座]', 'BRSK014');
  await expect(wizard.limit('振込振替')).toHaveValue('5,000,000');
  await wizard.limit('振込振替').fill('3000000');
  await wizard.next.click();

  await frame.expectScreen('利用者変更確認', 'BRSK015');
  const limit = wizard.summaryRow('利用者一回当たり限度額', '利用者一回当たり限度額（振込振替）');
  await expect(limit).toContainText('3,000,000円');
  await expect(limit).toContainText('変更');
  await expect(limit).toContainText('変更前：5,000,000円');
  await expect(page.getByRole('region', { name: 'サービス利用権限' }).getByRole('row', { name: /依頼\(事前登録口座\)/ })).toContainText('追加');
  await expect(page.getByRole('region', { name: 'サービス利用権限' }).getByRole('row', { name: /承認 総合振込/ })).toContainText('解除');
  await expect(wizard.summaryRow('利用者基本情報', '利用者名')).not.toContainText('変更前');
  await expect(wizard.summaryRow('利用者基本情報', 'ログインパスワード')).toContainText('変更しない');

  await wizard.executeWith();
  await frame.expectScreen('利用者変更結果', 'BRSK021');
  await expect(page.getByText('以下の内容で利用者情報を変更しました。')).toBeVisible();
  await expect(wizard.summaryRow('利用者一回当たり限度額', '利用者一回当たり限度額（振込振替）')).toContainText('変更前：5,000,000円');

  // 印刷: the changes are marked in words, as on the screen.
  const pdf = await printAndCapture(page, testInfo, '利用者変更結果');
  expectPrintout(pdf, { title: '利用者変更結果', screenId: 'BRSK021', operator: '港　太郎（master01）' });
  const printed = flat(pdf.text);
  expect(printed).toContain('以下の内容で利用者情報を変更しました。');
  expect(printed).toContain('user01');
  expect(printed).toContain(flat('佐藤　次郎'));
  expect(printed).toContain('3,000,000円［変更］');
  expect(printed).toContain('変更前：5,000,000円');
  expect(printed).toContain('［追加］');
  expect(printed).toContain('［解除］');
  expect(printed).toContain('変更しない');
  expect(printed).not.toContain('Conf1234');

  // Changing nothing is refused before it is sent.
  await list.goto();
  await list.open('変更', 'user01');
  await wizard.nextStep();
  await wizard.nextStep();
  await wizard.next.click();
  await frame.expectScreen('利用者変更確認', 'BRSK015');
  await expect(page.getByText('変更内容がありません')).toBeVisible();
  await expect(wizard.execute).toBeDisabled();
});
