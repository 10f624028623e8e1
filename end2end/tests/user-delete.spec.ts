import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { registerThroughWizard, UserListPage, UserWizard } from './pages/user-pages';
import { expectPrintout, flat, printAndCapture } from './pdf';

test.describe('電子証明書の管理者', () => {
  test.use({ clientCertificates: certificateOf('master01') });

  test('利用者を削除すると一覧から消え、マスターユーザは削除できない', async ({ page, loginPage, frame }, testInfo) => {
    await loginPage.goto();
    await loginPage.withCertificate();
    await frame.expectScreen('トップページ', 'BTOP001');
    await registerThroughWizard(page, {
      loginId: 'sakujo01',
      password: 'Start2026',
      confirmPassword: 'Kakunin26',
      name: '削除　予定',
      email: 'sakujo@example.co.jp',
    });

    const list = new UserListPage(page);
    const wizard = new UserWizard(page);
    await list.goto();
    // Buttons that need a selection say so.
    await list.button('削除').click();
    await expect(list.alert).toContainText('削除する利用者を選択してください。');
    await list.open('削除', 'master01');
    await expect(list.alert).toContainText('マスターユーザは削除できません。');
    await expect(page).toHaveURL(/\/admin\/users\/list/);

    await list.open('削除', 'sakujo01');
    await frame.expectScreen('利用者削除確認', 'BRSK022');
    await expect(wizard.summaryRow('利用者基本情報', '利用者名')).toContainText('削除　予定');
    await wizard.executeWith('Wrong9999');
    await expect(wizard.operatorPassword).toHaveAccessibleDescription(/確認用パスワードが正しくありません。/);
    await wizard.executeWith();
    await frame.expectScreen('利用者削除結果', 'BRSK023');
    await expect(page.getByText('以下の利用者を削除しました。')).toBeVisible();
    // 印刷: the deleted user's data as it was.
    const pdf = await printAndCapture(page, testInfo, '利用者削除結果');
    expectPrintout(pdf, { title: '利用者削除結果', screenId: 'BRSK023', operator: '港　太郎（master01）' });
    const printed = flat(pdf.text);
    expect(printed).toContain('以下の利用者を削除しました。');
    expect(printed).toContain('削除日時');
    expect(printed).toContain('sakujo01');
    expect(printed).toContain(flat('削除　予定'));
    expect(printed).toContain('100,000円');
    for (const secret of ['Start2026', 'Kakunin26', 'Conf1234']) {
      expect(printed, 'no password is printed').not.toContain(secret);
    }
    await page.getByRole('link', { name: '利用者一覧へ' }).click();
    await frame.expectScreen('利用者一覧', 'BRSK005');
    await expect(list.table.getByRole('cell', { name: 'sakujo01', exact: true })).toHaveCount(0);
  });
});

test('ID・パスワードの管理者は自分自身を削除できず、マスターユーザを変更できない', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withId('admin02');
  await frame.expectScreen('トップページ', 'BTOP001');
  const list = new UserListPage(page);
  await list.goto();
  await list.open('削除', 'admin02');
  await expect(list.alert).toContainText('ご自身の利用者情報は削除できません。');
  // Only the master user changes the master user.
  await list.open('変更', 'master01');
  await expect(list.alert).toContainText('マスターユーザの利用者情報は、マスターユーザのみ変更できます。');
  await expect(page).toHaveURL(/\/admin\/users\/list/);
  await page.goto('/admin/users/u/admin02/delete');
  await frame.expectScreen('利用者削除確認', 'BRSK022');
  await expect(page.getByText('ご自身の利用者情報は削除できません。')).toBeVisible();
  await expect(page.getByRole('button', { name: '実行' })).toHaveCount(0);
});
