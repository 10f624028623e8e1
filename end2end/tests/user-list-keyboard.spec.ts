import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { tabTo } from './keyboard';
import { UserListPage, UserWizard } from './pages/user-pages';

test.use({ clientCertificates: certificateOf('master01') });

test('利用者一覧を並べ替え、キーボードだけで利用者を登録できる', async ({ page, loginPage, frame }) => {
  // Tabbing through five screens of fields takes ~20 s here.
  test.setTimeout(60_000);
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
  const list = new UserListPage(page);
  const wizard = new UserWizard(page);
  await list.goto();

  // Sort: 利用者区分, 降順 → general users first, the master user last; kept in the URL.
  await page.getByLabel('並び順').selectOption({ label: '利用者区分' });
  await page.getByRole('radio', { name: '降順' }).check();
  await list.button('再表示').click();
  await expect(page).toHaveURL(/sort=role&order=desc/);
  const firstRow = list.table.getByRole('row').nth(1);
  const lastRow = list.table.getByRole('row').last();
  await expect(firstRow).toContainText('一般ユーザ');
  await expect(lastRow).toContainText('master01');
  await page.reload();
  await expect(list.table.getByRole('row').last()).toContainText('master01');
  await expect(page.getByLabel('並び順')).toHaveValue('role');

  // Keyboard only from here.
  await tabTo(page, list.button('新規登録'));
  await page.keyboard.press('Enter');
  await frame.expectScreen('利用者登録[基本情報]', 'BRSK006');
  const typeInto = async (target: import('@playwright/test').Locator, text: string) => {
    await tabTo(page, target);
    await page.keyboard.type(text);
  };
  await typeInto(wizard.field('ログインID'), 'kibo2026');
  await typeInto(wizard.field('ログインID（確認のため再入力）'), 'kibo2026');
  await typeInto(wizard.group('ログインパスワード').getByLabel(/^ログインパスワード\s*必須$/), 'Start2026');
  await typeInto(wizard.field('ログインパスワード（確認のため再入力）'), 'Start2026');
  await typeInto(wizard.group('確認用パスワード').getByLabel(/^確認用パスワード\s*必須$/), 'Kakunin26');
  await typeInto(wizard.field('確認用パスワード（確認のため再入力）'), 'Kakunin26');
  await tabTo(page, wizard.field('利用者名'));
  await page.keyboard.insertText('鍵盤　次郎');
  await typeInto(wizard.field('メールアドレス'), 'kenban@example.co.jp');
  await typeInto(wizard.field('メールアドレス（確認のため再入力）'), 'kenban@example.co.jp');
  await tabTo(page, page.getByRole('radio', { name: '付与しない' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '付与する' })).toBeChecked();
  await page.keyboard.press('Enter');

  await frame.expectScreen('利用者登録[権限]', 'BRSK007');
  await tabTo(page, page.getByRole('button', { name: '全選択（照会）' }));
  await page.keyboard.press('Enter');
  await expect(wizard.right('照会', '入出金明細照会')).toBeChecked();
  await tabTo(page, wizard.next);
  await page.keyboard.press('Enter');

  await frame.expectScreen('利用者登録[口座]', 'BRSK008');
  await tabTo(page, wizard.account(/^横浜駅前支店\(210\)/));
  await page.keyboard.press('Space');
  await expect(wizard.account(/^横浜駅前支店\(210\)/)).toBeChecked();
  for (const b of ['振込振替', '総合振込', '給与振込', '賞与振込']) await typeInto(wizard.limit(b), '50000');
  await page.keyboard.press('Enter');

  await frame.expectScreen('利用者登録確認', 'BRSK009');
  await expect(wizard.summaryRow('利用者基本情報', '管理者権限')).toContainText('付与する');
  await typeInto(wizard.operatorPassword, 'Conf1234');
  await page.keyboard.press('Enter');
  await frame.expectScreen('利用者登録結果', 'BRSK010');
  await tabTo(page, page.getByRole('link', { name: '利用者一覧へ' }));
  await page.keyboard.press('Enter');
  await frame.expectScreen('利用者一覧', 'BRSK005');
  await expect(list.row('kibo2026')).toContainText('管理者ユーザ');
});
