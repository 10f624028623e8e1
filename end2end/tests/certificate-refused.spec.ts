import { test, expect } from './fixtures';
import { certificateOf, unknownCertificate } from './env';

const cases = [
  { who: '当行が発行していない証明書', certificates: unknownCertificate(), heading: 'この電子証明書は当行で確認できません', message: 'ご利用の電子証明書を確認できませんでした。' },
  { who: '有効期限切れの証明書 (user02)', certificates: certificateOf('user02'), heading: 'この電子証明書は有効期限が切れています', message: 'ご利用の電子証明書は有効期限が切れています。' },
  { who: '失効済みの証明書 (user03)', certificates: certificateOf('user03'), heading: 'この電子証明書は失効しています', message: 'ご利用の電子証明書は失効しています。' },
];

for (const c of cases) {
  test.describe(`${c.who}で接続する`, () => {
    test.use({ clientCertificates: c.certificates });

    test('gets a clear reason and the ID/password form', async ({ loginPage }) => {
      await loginPage.goto();
      const notice = loginPage.alert.filter({ hasText: c.heading });
      await expect(notice).toContainText(c.message);
      await expect(loginPage.loginId).toBeVisible();
      await expect(loginPage.password).toBeVisible();
    });
  });
}

test.describe('証明書なしのブラウザ', () => {
  test('sees the ID/password login and can log in with it', async ({ page, loginPage, frame }) => {
    await loginPage.goto();
    await expect(page.getByText('ログインIDとログインパスワードを入力の上、「ログイン」ボタンを押してください。')).toBeVisible();
    await loginPage.withId('admin02');
    await frame.expectScreen('トップページ', 'BTOP001');
    await expect(frame.userName('山田　一郎')).toBeVisible();
  });
});
