import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { expectAccessibleAtEverySize } from './axe';
import { AppFrame } from './pages/app-frame';
import { CertificateListPage, issueCertificate } from './pages/certificate-pages';
import { LoginPage } from './pages/login-page';
import { PasswordChangePage } from './pages/password-change-page';
import { UserListPage, UserWizard } from './pages/user-pages';
import { expectPrintout, flat, printAndCapture } from './pdf';

test.describe('管理者 (master01) が利用者 (user04) の電子証明書を扱う', () => {
  test.use({ clientCertificates: certificateOf('master01') });

  test('失効した証明書は次の操作で拒否され、再発行と新しい証明書の発行で再びログインできる', async ({ page, loginPage, frame, browser }, testInfo) => {
    test.setTimeout(90_000);
    // user04 starts 未発行: the bank's issuing app issues the certificate.
    issueCertificate('user04');
    const user = await browser.newContext({ clientCertificates: certificateOf('user04') });
    try {
      const userPage = await user.newPage();
      const userLogin = new LoginPage(userPage);
      const userFrame = new AppFrame(userPage);
      await userLogin.goto();
      await userLogin.withCertificate();
      await userFrame.expectScreen('トップページ', 'BTOP001');
      // The user is about to change their password when the administrator acts.
      await userFrame.menuLink('管理').click();
      await userPage.getByRole('main').getByRole('link', { name: /^利用者管理/ }).click();
      await userPage.getByRole('main').getByRole('link', { name: /^パスワード変更/ }).click();
      await userFrame.expectScreen('パスワード変更', 'BRSK002');

      await loginPage.goto();
      await loginPage.withCertificate();
      await frame.expectScreen('トップページ', 'BTOP001');
      await frame.menuLink('管理').click();
      await page.getByRole('main').getByRole('link', { name: /^利用者管理/ }).click();
      await page.getByRole('main').getByRole('link', { name: /^証明書失効/ }).click();
      await frame.expectScreen('証明書失効 利用者一覧', 'BRSK018');
      const list = new CertificateListPage(page);
      // Users without a certificate to revoke cannot be selected.
      await expect(list.radio('user03')).toBeDisabled();
      await expect(list.row('user03')).toContainText('失効済み');
      await expect(list.row('admin02')).toContainText('-');
      await list.revoke.click();
      await expect(page.getByRole('alert')).toContainText('失効する利用者を選択してください。');
      await list.radio('user04').check();
      await list.revoke.click();
      await frame.expectScreen('証明書失効確認', 'BRSK019');
      await expect(page.getByRole('main')).toContainText('user04');
      const wizard = new UserWizard(page);
      await wizard.executeWith();
      await frame.expectScreen('証明書失効結果', 'BRSK020');
      await expect(page.getByRole('main')).toContainText('失効済み');
      await expectAccessibleAtEverySize(page, '証明書失効結果');
      // 印刷: whose certificate was revoked, and when.
      const pdf = await printAndCapture(page, testInfo, '証明書失効結果');
      expectPrintout(pdf, { title: '証明書失効結果', screenId: 'BRSK020', operator: '港　太郎（master01）' });
      const printed = flat(pdf.text);
      expect(printed).toContain('以下の利用者の証明書を失効しました。');
      expect(printed).toContain('証明書の失効結果');
      expect(printed).toContain('user04');
      expect(printed).toContain(flat('田中　健太'));
      expect(printed).toContain('失効済み');
      expect(printed).toMatch(/\d{4}年\d{2}月\d{2}日\d{2}時\d{2}分\d{2}秒/);

      // The user's very next request (here: a password change) is refused, with the
      // reason and what to do.
      const form = new PasswordChangePage(userPage);
      await form.changeLogin.check();
      await form.changeLoginPassword('Demo1234', 'Kawari2026');
      await expect(userPage.getByRole('heading', { level: 1, name: '電子証明書を確認できません' })).toBeVisible();
      await expect(userPage.getByText('この電子証明書は失効しています')).toBeVisible();
      await expect(userPage.getByText(/電子証明書の再発行を依頼してください/)).toBeVisible();
      await expect(userFrame.logout).toHaveCount(0);
      // A new visit with the same certificate is refused at the login screen.
      await userLogin.goto();
      await expect(userPage.getByText('この電子証明書は失効しています')).toBeVisible();
    } finally {
      await user.close();
    }

    // 利用者変更: 電子証明書の取扱い → 失効し、再発行する → 未発行 until issued.
    issueCertificate('user04');
    const users = new UserListPage(page);
    const wizard = new UserWizard(page);
    await users.goto();
    await users.open('変更', 'user04');
    await frame.expectScreen('利用者変更[基本情報]', 'BRSK012');
    await page.getByRole('radio', { name: '現在の電子証明書を失効し、再発行する' }).check();
    await wizard.nextStep();
    await wizard.nextStep();
    await wizard.next.click();
    await frame.expectScreen('利用者変更確認', 'BRSK015');
    await expect(wizard.summaryRow('利用者基本情報', '電子証明書の取扱い')).toContainText('現在の電子証明書を失効し、再発行する');
    await wizard.executeWith();
    await frame.expectScreen('利用者変更結果', 'BRSK021');
    await expect(wizard.summaryRow('利用者基本情報', '証明書状態')).toContainText('未発行');
    await users.goto();
    await expect(users.row('user04')).toContainText('未発行');

    // The issuing app issues the new certificate: the user logs in again.
    issueCertificate('user04');
    const again = await browser.newContext({ clientCertificates: certificateOf('user04') });
    try {
      const p = await again.newPage();
      const login = new LoginPage(p);
      await login.goto();
      await login.withCertificate();
      await new AppFrame(p).expectScreen('トップページ', 'BTOP001');
    } finally {
      await again.close();
    }
    await users.goto();
    await expect(users.row('user04')).toContainText('発行済み');
  });

  test('証明書失効の一覧は並び順を変えられる', async ({ page, loginPage, frame }) => {
    await loginPage.goto();
    await loginPage.withCertificate();
    await frame.expectScreen('トップページ', 'BTOP001');
    const list = new CertificateListPage(page);
    await list.goto();
    await page.getByLabel('並び順').selectOption({ label: 'ログインID' });
    await page.getByRole('radio', { name: '降順' }).check();
    await page.getByRole('button', { name: '再表示', exact: true }).click();
    await expect(list.table.getByRole('row').nth(1)).toContainText('user08');
    await expect(list.table.getByRole('row').last()).toContainText('admin01');
    await expectAccessibleAtEverySize(page, '証明書失効 利用者一覧');
    // The master user cannot revoke their own certificate (the bank does it).
    await list.radio('master01').check();
    await list.revoke.click();
    await expect(page.getByRole('alert')).toContainText('マスターユーザご自身の電子証明書は失効できません。');
    await list.radio('user01').check();
    await list.revoke.click();
    await frame.expectScreen('証明書失効確認', 'BRSK019');
    await page.getByRole('button', { name: '実行', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: '入力内容に誤りがあります' })).toBeFocused();
    await expectAccessibleAtEverySize(page, '証明書失効確認（エラー）');
    for (const status of ['revoked', 'expired', 'unknown', 'valid']) {
      await page.goto(`/certificate/refused?status=${status}`);
      await expect(page.getByRole('heading', { level: 1, name: '電子証明書を確認できません' })).toBeVisible();
    }
    await expectAccessibleAtEverySize(page, '電子証明書を確認できません');
  });
});

test.describe('管理者 (admin01) が自分の電子証明書を失効する', () => {
  test.use({ clientCertificates: certificateOf('admin01') });

  test('ログアウトされ、ブラウザを閉じるよう案内される', async ({ page, loginPage, frame }) => {
    await loginPage.goto();
    await loginPage.withCertificate();
    await frame.expectScreen('証明書更新選択', 'BLGI005');
    const list = new CertificateListPage(page);
    await list.goto();
    await list.radio('admin01').check();
    await list.revoke.click();
    await frame.expectScreen('証明書失効確認', 'BRSK019');
    await expect(page.getByText('ご自身の電子証明書を失効すると、ログアウトします。')).toBeVisible();
    await new UserWizard(page).executeWith();
    await frame.expectScreen('ログアウト', 'BLGI002');
    await expect(page.getByText('ご自身の電子証明書を失効しました')).toBeVisible();
    await expect(page.getByText(/ブラウザを閉じてください/).first()).toBeVisible();
    await expect(frame.logout).toHaveCount(0);
    await expectAccessibleAtEverySize(page, 'ログアウト（自身の証明書を失効）');
    // The revoked certificate no longer opens a session.
    await loginPage.goto();
    await expect(page.getByText('この電子証明書は失効しています')).toBeVisible();
  });
});
