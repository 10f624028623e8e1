import { test, expect } from './fixtures';
import { certificateOf, DEMO_CONFIRM_PASSWORD } from './env';
import { chooseRadio, tabTo, typeOver } from './keyboard';
import { CertificateListPage, issueCertificate } from './pages/certificate-pages';
import { PrintControl } from './pages/print-control';
import { StatusConfirmPage, StatusDonePage, StatusListPage, TASKS } from './pages/status-pages';
import { registerThroughWizard, UserListPage, UserWizard } from './pages/user-pages';

test.use({ clientCertificates: certificateOf('master01') });

/** On a 確認 screen: type the 確認用パスワード and press Enter (the form's 「実行」). */
async function confirmByKeyboard(page: import('@playwright/test').Page, password: import('@playwright/test').Locator) {
  await tabTo(page, password);
  await page.keyboard.type(DEMO_CONFIRM_PASSWORD);
  await page.keyboard.press('Enter');
}

/**
 * Keyboard only, each flow from its first screen: 利用者変更, 利用者停止・解除 (停止, then
 * 解除), 利用者削除 with 「印刷」 of its result, on a user registered for this journey (and
 * deleted by it, so the demo data is as before); 証明書失効 of user04, whose certificate is
 * then issued again (the state certificate-revocation.spec.ts leaves it in).
 */
test('キーボードだけで利用者の変更・停止・解除・削除・印刷と証明書失効ができる', async ({ page, loginPage, frame }) => {
  test.setTimeout(120_000);
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  const id = 'kbdonly1';
  await registerThroughWizard(page, { loginId: id, password: 'Start2026', confirmPassword: 'Kakunin26', name: '鍵盤　三郎', email: 'kbdonly@example.co.jp' });

  // 利用者変更: the e-mail address, one right, one limit.
  const list = new UserListPage(page);
  const wizard = new UserWizard(page);
  await list.goto();
  await chooseRadio(page, list.table.getByRole('radio', { disabled: false }).first(), list.radio(id));
  await tabTo(page, list.button('変更'));
  await page.keyboard.press('Enter');
  await frame.expectScreen('利用者変更[基本情報]', 'BRSK012');
  await typeOver(page, wizard.field('メールアドレス'), 'kbdonly2@example.co.jp');
  await typeOver(page, wizard.field('メールアドレス（確認のため再入力）'), 'kbdonly2@example.co.jp');
  await tabTo(page, wizard.next);
  await page.keyboard.press('Enter');
  await frame.expectScreen('利用者変更[権限]', 'BRSK013');
  await tabTo(page, wizard.right('照会', '入出金明細照会'), 120);
  await page.keyboard.press('Space');
  await expect(wizard.right('照会', '入出金明細照会')).toBeChecked();
  await tabTo(page, wizard.next);
  await page.keyboard.press('Enter');
  await frame.expectScreen('利用者変更[口座]', 'BRSK014');
  await typeOver(page, wizard.limit('振込振替'), '200000');
  await page.keyboard.press('Enter');
  await frame.expectScreen('利用者変更確認', 'BRSK015');
  await expect(wizard.summaryRow('利用者基本情報', 'メールアドレス')).toContainText('kbdonly2@example.co.jp');
  await confirmByKeyboard(page, wizard.operatorPassword);
  await frame.expectScreen('利用者変更結果', 'BRSK021');

  // 利用者停止・解除: 停止, then 解除.
  const status = new StatusListPage(page, TASKS.service);
  const statusConfirm = new StatusConfirmPage(page);
  const statusDone = new StatusDonePage(page);
  for (const [action, after] of [
    ['停止', '利用停止中'],
    ['解除', '利用可能'],
  ]) {
    await status.goto();
    await tabTo(page, status.checkbox(id), 80);
    await page.keyboard.press('Space');
    await expect(status.checkbox(id)).toBeChecked();
    await tabTo(page, status.action(action));
    await page.keyboard.press('Enter');
    await frame.expectScreen('利用者停止・解除確認', 'BRSK017');
    await confirmByKeyboard(page, statusConfirm.operatorPassword);
    await frame.expectScreen('利用者停止・解除結果', 'BRSK024');
    await expect(statusDone.row(id)).toContainText(after);
  }

  // 利用者削除, and 「印刷」 of its result with Enter.
  await list.goto();
  await chooseRadio(page, list.table.getByRole('radio', { disabled: false }).first(), list.radio(id));
  await tabTo(page, list.button('削除'));
  await page.keyboard.press('Enter');
  await frame.expectScreen('利用者削除確認', 'BRSK022');
  await confirmByKeyboard(page, wizard.operatorPassword);
  await frame.expectScreen('利用者削除結果', 'BRSK023');
  const print = new PrintControl(page);
  await tabTo(page, print.button);
  const tab = page.waitForEvent('popup');
  await page.keyboard.press('Enter');
  const popup = await tab;
  await expect(print.done).toBeVisible({ timeout: 60_000 });
  await popup.close();
  await tabTo(page, page.getByRole('link', { name: '利用者一覧へ' }));
  await page.keyboard.press('Enter');
  await frame.expectScreen('利用者一覧', 'BRSK005');
  await expect(list.table.getByRole('cell', { name: id, exact: true })).toHaveCount(0);

  // 証明書失効 of user04 (issued first when it has none yet, as in a run of this file alone).
  const certificates = new CertificateListPage(page);
  await certificates.goto();
  if (await certificates.row('user04').getByText('未発行').isVisible()) {
    issueCertificate('user04');
    await certificates.goto();
  }
  await expect(certificates.radio('user04')).toBeEnabled();
  await chooseRadio(page, certificates.table.getByRole('radio', { disabled: false }).first(), certificates.radio('user04'));
  await tabTo(page, certificates.revoke);
  await page.keyboard.press('Enter');
  await frame.expectScreen('証明書失効確認', 'BRSK019');
  await confirmByKeyboard(page, wizard.operatorPassword);
  await frame.expectScreen('証明書失効結果', 'BRSK020');
  await expect(page.getByRole('main')).toContainText('失効済み');
  issueCertificate('user04');
  await certificates.goto();
  await expect(certificates.row('user04')).toContainText('発行済み');
});
