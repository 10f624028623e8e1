import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { expectAccessibleAtEverySize } from './axe';
import { UserListPage, UserWizard } from './pages/user-pages';

test.describe('管理者', () => {
  test.use({ clientCertificates: certificateOf('master01') });

  test('利用者管理の画面は、エラー表示を含めどの文字サイズでもaxe-coreの違反がない', async ({ page, loginPage, frame }) => {
    // 33 full-page axe scans (11 states × 3 sizes).
    test.setTimeout(180_000);
    await loginPage.goto();
    await loginPage.withCertificate();
    await frame.expectScreen('トップページ', 'BTOP001');
    const list = new UserListPage(page);
    const wizard = new UserWizard(page);

    await list.goto();
    await list.button('照会').click();
    await expect(list.alert).toContainText('照会する利用者を選択してください。');
    await expectAccessibleAtEverySize(page, '利用者一覧（選択なし）');

    await list.open('照会', 'user01');
    await frame.expectScreen('利用者照会', 'BRSK011');
    await expectAccessibleAtEverySize(page, '利用者照会');

    await list.goto();
    await list.button('新規登録').click();
    await wizard.next.click();
    await expect(wizard.errorSummary).toBeFocused();
    await expectAccessibleAtEverySize(page, '利用者登録[基本情報]（エラー）');

    await wizard.fillBasics({ loginId: 'axe2026', password: 'Start2026', confirmPassword: 'Kakunin26', name: '点検　太郎', email: 'axe@example.co.jp' });
    await wizard.next.click();
    await frame.expectScreen('利用者登録[権限]', 'BRSK007');
    await expectAccessibleAtEverySize(page, '利用者登録[権限]');

    await wizard.next.click();
    await frame.expectScreen('利用者登録[口座]', 'BRSK008');
    await wizard.limit('振込振替').fill('abc');
    await wizard.next.click();
    await expect(wizard.errorSummary).toBeFocused();
    await expectAccessibleAtEverySize(page, '利用者登録[口座]（エラー）');

    await page.reload();
    await expect(page.getByText('入力内容は保持されていません')).toBeVisible();
    await expectAccessibleAtEverySize(page, '入力内容が保持されていない旨');

    await list.goto();
    await list.open('変更', 'user04');
    await wizard.next.click();
    await wizard.right('照会', '残高照会').click();
    await wizard.next.click();
    await wizard.limit('振込振替').fill('1000');
    await wizard.next.click();
    await frame.expectScreen('利用者変更確認', 'BRSK015');
    await wizard.executeWith('Wrong9999');
    await expect(wizard.errorSummary).toBeVisible();
    await expectAccessibleAtEverySize(page, '利用者変更確認（変更箇所・エラー）');

    await wizard.executeWith();
    await frame.expectScreen('利用者変更結果', 'BRSK021');
    await expectAccessibleAtEverySize(page, '利用者変更結果');

    await list.goto();
    await list.open('削除', 'user04');
    await frame.expectScreen('利用者削除確認', 'BRSK022');
    await wizard.execute.click();
    await expect(wizard.errorSummary).toBeVisible();
    await expectAccessibleAtEverySize(page, '利用者削除確認（エラー）');
  });
});

test('権限のない画面の案内にもaxe-coreの違反がない', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withId('user08');
  await frame.expectScreen('トップページ', 'BTOP001');
  await page.goto('/admin/users/list');
  await frame.expectScreen('ご利用いただけません', 'BERR002');
  await expectAccessibleAtEverySize(page, 'ご利用いただけません');
});
