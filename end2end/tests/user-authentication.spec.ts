import { test, expect } from './fixtures';
import { certificateOf } from './env';
import { expectAccessibleAtEverySize } from './axe';
import { MenuPage } from './pages/menu-pages';
import { StatusConfirmPage, StatusDonePage, StatusListPage, TASKS, type StatusTask } from './pages/status-pages';

/** One run of a task on one user: the state before and after, the note of the result. */
interface Journey {
  task: StatusTask;
  button: string;
  user: string;
  heading: string;
  before: string;
  after: string;
  note: RegExp;
  /** Why the user can no longer be selected afterwards. */
  reason: string;
}

// Users no other journey relies on for these states (seed: user02 OTP 利用中 / TX 利用停止中
// / 追加認証 利用停止中; user03 追加認証 利用中; user06 all 利用停止中; user07 OTP 利用中 /
// 追加認証 利用停止中).
const JOURNEYS: Journey[] = [
  { task: TASKS.otpUnlock, button: '利用停止解除', user: 'user06', heading: 'ワンタイムパスワード状態', before: '利用停止中', after: '利用中', note: /^利用停止を解除した利用者は、再びワンタイムパスワードを利用できるようになります。/, reason: '利用停止中ではありません。' },
  { task: TASKS.otpRevoke, button: 'トークン失効', user: 'user07', heading: 'ワンタイムパスワード状態', before: '利用中', after: '未登録', note: /トークンの利用開始登録は、次回ログイン時に実施可能です。/, reason: 'トークンが登録されていません。' },
  { task: TASKS.transactionUnlock, button: '利用停止解除', user: 'user02', heading: 'トランザクション認証状態', before: '利用停止中', after: '利用中', note: /^利用停止を解除した利用者は、再びトランザクション認証を利用できるようになります。/, reason: '利用停止中ではありません。' },
  { task: TASKS.transactionRevoke, button: 'トークン失効', user: 'user02', heading: 'トランザクション認証状態', before: '利用中', after: '未登録', note: /トークンの利用開始登録は、次回ログイン時に実施可能です。/, reason: 'トークンが登録されていません。' },
  { task: TASKS.riskUnlock, button: '利用停止解除', user: 'user07', heading: '追加認証状態', before: '利用停止中', after: '利用中', note: /^利用停止を解除した利用者は、再び追加認証（リスクベース認証）を利用できるようになります。/, reason: '利用停止中ではありません。' },
  { task: TASKS.riskReset, button: '回答リセット', user: 'user03', heading: '追加認証状態', before: '利用中', after: '未登録', note: /次回ログイン時に追加認証（リスクベース認証）の質問と回答を再登録します。/, reason: '回答が登録されていません。' },
];

test.describe('マスターユーザ (master01) が追加認証を管理する', () => {
  test.use({ clientCertificates: certificateOf('master01') });

  test('6つの作業それぞれで利用者を選択・確認・実行すると、一覧の状態が変わり再び選択できなくなる', async ({ page, loginPage, frame }) => {
    test.setTimeout(120_000);
    await loginPage.goto();
    await loginPage.withCertificate();
    await frame.expectScreen('トップページ', 'BTOP001');
    const menu = new MenuPage(page);
    await frame.menuLink('管理').click();
    await menu.entry('利用者管理').click();
    await frame.expectScreen('作業内容選択', 'BRSK001');

    for (const j of JOURNEYS) {
      const [listId, confirmId, doneId] = j.task.ids;
      const last = j === JOURNEYS[JOURNEYS.length - 1];
      await menu.entry(j.task.title).click();
      await frame.expectScreen(j.task.title, listId);
      const list = new StatusListPage(page, j.task);
      await expect(list.table.getByRole('columnheader', { name: j.heading, exact: true })).toBeVisible();
      await expect(list.row(j.user)).toContainText(j.before);
      if (last) await expectAccessibleAtEverySize(page, `${j.task.title}（一覧）`);
      await list.checkbox(j.user).check();
      await list.action(j.button).click();

      await frame.expectScreen(`${j.task.title}確認`, confirmId);
      const confirm = new StatusConfirmPage(page);
      await expect(confirm.table.getByRole('columnheader', { name: `処理後の${j.heading}` })).toBeVisible();
      await expect(confirm.row(j.user).getByRole('cell')).toHaveText([/./, '一般ユーザ', j.before, j.after]);
      if (last) {
        await confirm.execute.click();
        await expect(confirm.errorSummary).toBeFocused();
        await expectAccessibleAtEverySize(page, `${j.task.title}確認（エラー）`);
      }
      await confirm.executeWith();

      await frame.expectScreen(`${j.task.title}結果`, doneId);
      const done = new StatusDonePage(page);
      await expect(page.getByRole('status').filter({ hasText: /が完了しました。$/ })).toBeVisible();
      await expect(done.row(j.user)).toContainText(j.after);
      await expect(page.getByText(j.note)).toBeVisible();
      if (last) await expectAccessibleAtEverySize(page, `${j.task.title}結果`);

      // The list shows the new state, and the user is no longer one to act on.
      await list.goto();
      await expect(list.row(j.user)).toContainText(j.after);
      await expect(list.checkbox(j.user)).toBeDisabled();
      await expect(list.row(j.user)).toContainText(j.reason);
      await list.back.click();
      await frame.expectScreen('作業内容選択', 'BRSK001');
    }
  });

  test('確認中に別の画面で同じ操作が済んでいると、状態の変更を伝えて一覧へ戻す', async ({ page, loginPage, frame }) => {
    await loginPage.goto();
    await loginPage.withCertificate();
    await frame.expectScreen('トップページ', 'BTOP001');
    const list = new StatusListPage(page, TASKS.otpRevoke);
    await list.goto();
    await list.checkbox('user02').check();
    await list.action('トークン失効').click();
    await frame.expectScreen('ワンタイムパスワードのトークン失効確認', 'BRSK035');

    // Meanwhile, in another tab of the same session, the same token is revoked.
    const other = await page.context().newPage();
    const otherList = new StatusListPage(other, TASKS.otpRevoke);
    await otherList.goto();
    await otherList.checkbox('user02').check();
    await otherList.action('トークン失効').click();
    await new StatusConfirmPage(other).executeWith();
    await expect(new StatusDonePage(other).row('user02')).toContainText('未登録');
    await other.close();

    const confirm = new StatusConfirmPage(page);
    await confirm.executeWith();
    const alert = page.getByRole('alert').filter({ hasText: '利用者の状態が変更されています' });
    await expect(alert).toContainText('user02：トークンが登録されていません。');
    await expect(alert).toContainText('処理は行われていません。');
    await expect(confirm.execute).toBeDisabled();
    // Focus is not dropped with the disabled button: it moves to the way on.
    await expect(alert.getByRole('link', { name: '利用者一覧を表示し直す' })).toBeFocused();
    await alert.getByRole('link', { name: '利用者一覧を表示し直す' }).click();
    await frame.expectScreen('ワンタイムパスワードのトークン失効', 'BRSK034');
    await expect(list.row('user02')).toContainText('未登録');
    await expect(list.checkbox('user02')).toBeDisabled();
    await expect(list.checkbox('user02')).not.toBeChecked();
  });

  test('利用者停止・解除の一覧と入力エラーは、どの文字サイズでもアクセシブル', async ({ page, loginPage, frame }) => {
    await loginPage.goto();
    await loginPage.withCertificate();
    await frame.expectScreen('トップページ', 'BTOP001');
    const list = new StatusListPage(page, TASKS.service);
    await list.goto();
    await frame.expectScreen('利用者停止・解除', 'BRSK016');
    // The master user may act on anyone but themself.
    await expect(list.checkbox('master01')).toBeDisabled();
    await expect(list.checkbox('admin01')).toBeEnabled();
    await expectAccessibleAtEverySize(page, '利用者停止・解除');
    await list.selectAll.click();
    await expect(list.checkbox('user06')).toBeChecked();
    await expect(list.checkbox('user08')).toBeChecked();
    await expect(list.checkbox('master01')).not.toBeChecked();
    await list.selectNone.click();
    await expect(list.checkbox('user06')).not.toBeChecked();
    await list.action('停止').click();
    await expect(list.errorSummary).toBeFocused();
    await expectAccessibleAtEverySize(page, '利用者停止・解除（エラー）');
    // The summary leads to the first box that can be checked.
    await list.errorSummary.getByRole('link', { name: '対象の利用者を選択してください。' }).click();
    await expect(list.checkbox('admin01')).toBeFocused();
    // An unknown task is not a page.
    await page.goto('/admin/users/status/unknown');
    await frame.expectScreen('ページが見つかりません', 'BERR001');
  });
});

test.describe('一般ユーザ (user01)', () => {
  test.use({ clientCertificates: certificateOf('user01') });

  test('利用者停止・解除と追加認証の管理は、メニューに表示されず、URLからも開けず、APIも拒否される', async ({ page, loginPage, frame }) => {
    await loginPage.goto();
    await loginPage.withCertificate();
    await frame.expectScreen('トップページ', 'BTOP001');
    await page.goto('/admin/users');
    await frame.expectScreen('作業内容選択', 'BRSK001');
    const menu = new MenuPage(page);
    await expect(menu.entry('パスワード変更')).toBeVisible();
    for (const task of Object.values(TASKS)) {
      await expect(menu.entry(task.title)).toHaveCount(0);
    }
    for (const task of [TASKS.service, TASKS.otpRevoke]) {
      for (const url of [`/admin/users/status/${task.slug}`, `/admin/users/status/${task.slug}/confirm`]) {
        await page.goto(url);
        await frame.expectScreen('ご利用いただけません', 'BERR002');
        await expect(page.getByRole('table')).toHaveCount(0);
      }
    }
    expect((await page.request.get('/api/users/statuses')).status()).toBe(403);
  });
});
