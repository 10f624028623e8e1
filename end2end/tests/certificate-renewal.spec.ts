import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { expectAccessibleAtEverySize } from './axe';

test.describe('有効期限が近い電子証明書 (admin01)', () => {
  test.use({ clientCertificates: certificateOf('admin01') });

  test('ログイン後に証明書更新選択が表示され、「確認」で操作を続けられ、トップページの「更新」からも開ける', async ({ page, loginPage, frame }) => {
    await loginPage.goto();
    await loginPage.withCertificate();
    await frame.expectScreen('証明書更新選択', 'BLGI005');
    await expect(page.getByText(/お客様がご利用中の証明書は、有効期限が残り\d+日です。/)).toBeVisible();
    await expectAccessibleAtEverySize(page, '証明書更新選択');
    await expect(page.getByRole('link', { name: /^証明書発行アプリのダウンロード/ })).toHaveAttribute('href', /^https:\/\//);
    await expect(page.getByRole('link', { name: '証明書発行アプリの起動' })).toHaveAttribute('href', /^[a-z-]+:\/\//);
    await page.getByRole('link', { name: '確認 ›' }).click();
    await frame.expectScreen('トップページ', 'BTOP001');
    const certificate = page.getByRole('region', { name: '電子証明書' });
    await expect(certificate).toContainText('電子証明書有効期限');
    await expect(certificate).toContainText(/\d{4}年\d{2}月\d{2}日 \d{2}時\d{2}分\d{2}秒/);
    await expectAccessibleAtEverySize(page, 'トップページ（電子証明書）');
    await certificate.getByRole('link', { name: /更新/ }).click();
    await frame.expectScreen('証明書更新選択', 'BLGI005');
  });

  test('ログイン前に開こうとした画面へは、証明書更新選択の「確認」の後に進む', async ({ page, loginPage, frame }) => {
    await page.goto('/admin/users');
    await expect(loginPage.heading).toBeVisible();
    await loginPage.withCertificate();
    await frame.expectScreen('証明書更新選択', 'BLGI005');
    await page.getByRole('link', { name: '確認 ›' }).click();
    await frame.expectScreen('作業内容選択', 'BRSK001');
  });
});

test.describe('有効期限まで十分ある電子証明書 (master01)', () => {
  test.use({ clientCertificates: certificateOf('master01') });

  test('証明書更新選択は表示されずトップページへ進む', async ({ page, loginPage, frame }) => {
    await loginPage.goto();
    await loginPage.withCertificate();
    await frame.expectScreen('トップページ', 'BTOP001');
    await expect(page.getByRole('region', { name: '電子証明書' })).not.toContainText('残り');
  });
});
