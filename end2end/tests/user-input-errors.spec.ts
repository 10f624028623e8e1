import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { UserListPage, UserWizard } from './pages/user-pages';

test.use({ clientCertificates: certificateOf('master01') });

test.beforeEach(async ({ loginPage, frame }) => {
  await loginPage.goto();
  await loginPage.withCertificate();
  await frame.expectScreen('トップページ', 'BTOP001');
});

test('基本情報の誤りは項目を離れた時点と「次へ」で規則を示し、入力した他の内容は失われない', async ({ page, frame }) => {
  const list = new UserListPage(page);
  const wizard = new UserWizard(page);
  await list.goto();
  await list.button('新規登録').click();
  await frame.expectScreen('利用者登録[基本情報]', 'BRSK006');

  // Nothing entered: the summary takes focus and links to each field.
  await wizard.next.click();
  await expect(wizard.errorSummary).toBeFocused();
  await expect(wizard.errorSummary).toContainText('ログインIDを入力してください。');
  await expect(wizard.errorSummary).toContainText('利用者名を入力してください。');
  await wizard.errorSummary.getByRole('link', { name: 'メールアドレスを入力してください。' }).click();
  await expect(wizard.field('メールアドレス')).toBeFocused();

  const id = wizard.field('ログインID');
  const again = wizard.field('ログインID（確認のため再入力）');
  const cases: Array<[string, string]> = [
    ['abc12', 'ログインIDは半角英数字6〜12文字で入力してください（現在5文字）。'],
    ['abcdef1234567', 'ログインIDは半角英数字6〜12文字で入力してください（現在13文字）。'],
    ['ａｂｃ１２３', 'ログインIDに全角文字が含まれています。半角英数字で入力してください。'],
    ['abcdefg', 'ログインIDは英字と数字をそれぞれ1文字以上含めてください。'],
    ['1234567', 'ログインIDは英字と数字をそれぞれ1文字以上含めてください。'],
  ];
  for (const [value, message] of cases) {
    await id.fill(value);
    await again.focus();
    await wizard.expectFieldError('ログインID', message);
  }
  // Leaving a field with Tab shows its error but leaves the focus where the user went.
  await id.fill('abc12');
  await id.press('Tab');
  await expect(wizard.field('ログインID')).toHaveAttribute('aria-invalid', 'true');
  await expect(again).toBeFocused();
  await id.fill('abc123');
  await again.fill('abc124');
  await wizard.field('利用者名').focus();
  await wizard.expectFieldError('ログインID（確認のため再入力）', 'ログインID（確認のため再入力）が一致しません。');
  await expect(id).not.toHaveAttribute('aria-invalid', 'true');
  await again.fill('abc123');

  const password = wizard.group('ログインパスワード').getByLabel(/^ログインパスワード\s*必須$/);
  await password.fill('abc123');
  await wizard.field('ログインパスワード（確認のため再入力）').focus();
  await expect(password).toHaveAccessibleDescription(/ログインパスワードにはログインIDと異なる文字列を指定してください。/);

  const name = wizard.field('利用者名');
  await name.fill('ﾀﾅｶ　ﾊﾅｺ');
  await wizard.field('メールアドレス').focus();
  await wizard.expectFieldError('利用者名', '利用者名は全角で入力してください（半角文字「ﾀ」は使用できません）。');
  await name.fill('あ'.repeat(31));
  await wizard.field('メールアドレス').focus();
  await wizard.expectFieldError('利用者名', '利用者名は全角30文字以内で入力してください（現在31文字）。');
  await name.fill('あ'.repeat(30));

  await wizard.field('メールアドレス').fill('tanaka@example');
  await wizard.field('メールアドレス（確認のため再入力）').focus();
  await wizard.expectFieldError('メールアドレス', 'メールアドレスの形式が正しくありません');

  await wizard.next.click();
  await expect(wizard.errorSummary).toBeFocused();
  // What was typed is still there.
  await expect(id).toHaveValue('abc123');
  await expect(name).toHaveValue('あ'.repeat(30));
  await expect(password).toHaveValue('abc123');
});

test('限度額と口座の誤り、使用済みのログインID、誤った確認用パスワードをそれぞれの項目に表示する', async ({ page, frame }) => {
  const list = new UserListPage(page);
  const wizard = new UserWizard(page);
  await list.goto();
  await list.button('新規登録').click();
  await wizard.fillBasics({
    loginId: 'user01',
    password: 'Start2026',
    confirmPassword: 'Kakunin26',
    name: '重複　確認',
    email: 'dup@example.co.jp',
  });
  await wizard.next.click();
  await frame.expectScreen('利用者登録[権限]', 'BRSK007');
  await wizard.next.click();

  await frame.expectScreen('利用者登録[口座]', 'BRSK008');
  await wizard.limit('振込振替').fill('10,000,001');
  await wizard.limit('総合振込').fill('百万');
  await wizard.limit('給与振込').fill('1000');
  await wizard.next.click();
  await expect(wizard.errorSummary).toBeFocused();
  await expect(wizard.errorSummary).toContainText('利用可能口座を1つ以上選択してください。');
  await wizard.expectFieldError('利用者一回当たり限度額（振込振替）', '利用者一回当たり限度額（振込振替）は企業の限度額（10,000,000円）以下で入力してください。');
  await wizard.expectFieldError('利用者一回当たり限度額（総合振込）', '利用者一回当たり限度額（総合振込）は半角数字で入力してください。');
  await wizard.expectFieldError('利用者一回当たり限度額（賞与振込）', '利用者一回当たり限度額（賞与振込）を入力してください。');
  await expect(wizard.limit('給与振込')).toHaveValue(/^1,?000$/);

  await wizard.account(/^港南支店\(125\)/).check();
  await wizard.limit('振込振替').fill('10000000');
  await wizard.limit('総合振込').fill('0');
  await wizard.limit('賞与振込').fill('0');
  await wizard.next.click();
  await frame.expectScreen('利用者登録確認', 'BRSK009');

  // Wrong 確認用パスワード: on its field, with the attempts left.
  await wizard.executeWith('Wrong9999');
  await expect(wizard.operatorPassword).toHaveAccessibleDescription(/確認用パスワードが正しくありません。（あと4回誤るとロックされます）/);
  await expect(wizard.operatorPassword).toHaveValue('');

  // The login ID is taken: back to step 1 with the message on the field, input kept.
  await wizard.executeWith();
  await frame.expectScreen('利用者登録[基本情報]', 'BRSK006');
  await wizard.expectFieldError('ログインID', 'このログインIDは既に登録されています。別のログインIDを入力してください。');
  await expect(wizard.field('利用者名')).toHaveValue('重複　確認');
  await wizard.field('ログインID').fill('choufuku1');
  await wizard.field('ログインID（確認のため再入力）').fill('choufuku1');
  await wizard.nextStep();
  await wizard.nextStep();
  await wizard.next.click();
  await frame.expectScreen('利用者登録確認', 'BRSK009');
  await wizard.executeWith();
  await frame.expectScreen('利用者登録結果', 'BRSK010');
});

test('手順は前の手順が正しく入力されるまで開けず、再読み込みすると入力内容が保持されていないことを伝える', async ({ page, frame }) => {
  const list = new UserListPage(page);
  const wizard = new UserWizard(page);
  await list.goto();
  await list.button('新規登録').click();
  await frame.expectScreen('利用者登録[基本情報]', 'BRSK006');
  await wizard.field('ログインID').fill('reload01');

  // An in-app jump to a later step lands on the first step still invalid.
  await page.evaluate(() => {
    history.pushState(null, '', '/admin/users/new/confirm');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await frame.expectScreen('利用者登録[基本情報]', 'BRSK006');
  await expect(wizard.field('ログインID')).toHaveValue('reload01');

  // Reloading loses the entry (passwords are never stored) and says so.
  await page.reload();
  await expect(page.getByText('入力内容は保持されていません')).toBeVisible();
  await expect(wizard.next).toHaveCount(0);
  await page.goto('/admin/users/new/accounts');
  await expect(page.getByText('入力内容は保持されていません')).toBeVisible();
  await page.getByRole('button', { name: '最初から入力する' }).click();
  await frame.expectScreen('利用者登録[基本情報]', 'BRSK006');
  await expect(wizard.field('ログインID')).toHaveValue('');
});

test('「実行」をダブルクリックしても利用者は1人だけ登録される', async ({ page, frame }) => {
  const list = new UserListPage(page);
  const wizard = new UserWizard(page);
  await list.goto();
  await list.button('新規登録').click();
  await wizard.fillBasics({ loginId: 'double01', password: 'Start2026', confirmPassword: 'Kakunin26', name: '二重　送信', email: 'double@example.co.jp' });
  await wizard.nextStep();
  await wizard.next.click();
  await wizard.account(/^本店営業部\(001\) 普通 1234567/).check();
  for (const b of ['振込振替', '総合振込', '給与振込', '賞与振込']) await wizard.limit(b).fill('1000');
  await wizard.next.click();
  await frame.expectScreen('利用者登録確認', 'BRSK009');
  await wizard.operatorPassword.fill('Conf1234');
  await wizard.execute.dblclick();
  await frame.expectScreen('利用者登録結果', 'BRSK010');
  await list.goto();
  await expect(list.table.getByRole('cell', { name: 'double01', exact: true })).toHaveCount(1);
});
