import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { tabTo } from './keyboard';

test.use({ clientCertificates: certificateOf('user01') });

test('キーボードだけでログインし、メニューをたどれる', async ({ page, loginPage, frame }) => {
  await loginPage.goto();
  await tabTo(page, loginPage.password);
  await page.keyboard.type('Demo1234');
  await page.keyboard.press('Enter');
  await frame.expectScreen('トップページ', 'BTOP001');

  // The skip link comes first and jumps to the content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '本文へスキップ' });
  await expect(skip).toBeFocused();

  await tabTo(page, frame.menuLink('管理'));
  await page.keyboard.press('Enter');
  await frame.expectScreen('業務選択', 'BSSK001');

  const userManagement = page.getByRole('main').getByRole('link', { name: /^利用者管理/ });
  await tabTo(page, userManagement);
  await page.keyboard.press('Enter');
  await frame.expectScreen('作業内容選択', 'BRSK001');

  const passwordChange = page.getByRole('main').getByRole('link', { name: /^パスワード変更/ });
  await tabTo(page, passwordChange);
  await page.keyboard.press('Enter');
  await frame.expectScreen('パスワード変更', 'BRSK002');

  await tabTo(page, frame.menuLink('ホーム'), 40);
  await page.keyboard.press('Enter');
  await frame.expectScreen('トップページ', 'BTOP001');

  await tabTo(page, frame.textSize('大'));
  await page.keyboard.press('Enter');
  await expect(frame.textSize('大')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(frame.textSize('中')).toHaveAttribute('aria-pressed', 'true');

  await tabTo(page, frame.logout);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'ログアウト' })).toBeVisible();
});
