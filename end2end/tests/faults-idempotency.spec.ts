import { test, expect } from './fixtures';
import { keyOf, recordRequests, type Target } from './faults/inject';
import { FaultNotice } from './pages/fault-notices';
import { HistoryPage } from './pages/history-page';
import { UserListPage, UserWizard } from './pages/user-pages';

/**
 * A registration that reached the backend but whose answer was lost: 「再試行」 sends it
 * again with the same Idempotency-Key, the stand-in backend answers from storage, and the
 * user exists once. The user is deleted again through the UI at the end.
 */

const REGISTER: Target = { method: 'POST', path: '/api/users' };
const NEW_USER = {
  loginId: 'idem2026',
  password: 'Start2026',
  confirmPassword: 'Kakunin26',
  name: '再試　一郎',
  email: 'idem2026@example.co.jp',
};

test('答えが失われた登録を「再試行」しても、利用者は1人だけ登録される（同じIdempotency-Key）', async ({
  page,
  loginPage,
  frame,
}) => {
  await loginPage.goto();
  await loginPage.withId('admin02');
  await frame.expectScreen('トップページ', 'BTOP001');
  const list = new UserListPage(page);
  const wizard = new UserWizard(page);
  await list.goto();
  await expect(list.row(NEW_USER.loginId)).toHaveCount(0);
  await list.button('新規登録').click();
  await wizard.fillBasics(NEW_USER);
  await wizard.next.click();
  await wizard.right('照会', '残高照会').check();
  await wizard.next.click();
  await wizard.account(/^本店営業部\(001\) 普通 1234567/).check();
  for (const business of ['振込振替', '総合振込', '給与振込', '賞与振込']) {
    await wizard.limit(business).fill('100000');
  }
  await wizard.next.click();
  await frame.expectScreen('利用者登録確認', 'BRSK009');

  // The first request reaches the backend, which registers the user; its answer is lost.
  const sent = recordRequests(page, REGISTER);
  let lost = 0;
  await page.route(
    (url) => url.pathname === REGISTER.path,
    async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      const answer = await route.fetch();
      expect(answer.status(), 'the backend registered the user').toBe(201);
      lost++;
      await route.abort('connectionreset');
    },
    { times: 1 },
  );
  await wizard.executeWith();
  await expect.poll(() => lost).toBe(1);
  const notice = new FaultNotice(page, '処理できませんでした');
  await notice.expectMessage(
    'サーバーと通信できませんでした。通信環境をご確認のうえ、再度お試しください。入力内容は保持されています。',
  );
  await expect(wizard.summaryRow('利用者基本情報', 'ログインID')).toContainText(NEW_USER.loginId);

  // 「再試行」: the same request with the same key, answered from the backend's storage.
  const replayed = page.waitForResponse((r) => r.url().endsWith(REGISTER.path) && r.request().method() === 'POST');
  await notice.retry.click();
  const answer = await replayed;
  expect(answer.status(), 'the first answer, replayed').toBe(201);
  expect(answer.headers()['idempotent-replayed'], 'the backend answered from storage').toBe('true');
  await frame.expectScreen('利用者登録結果', 'BRSK010');
  await expect(page.getByText('以下の内容で利用者登録が完了しました。')).toHaveCount(1);
  expect(sent, 'two sends: the lost one and the retry').toHaveLength(2);
  expect(keyOf(sent[0])).toBeTruthy();
  expect(keyOf(sent[1]), 'the retry carries the same Idempotency-Key').toBe(keyOf(sent[0]));
  expect(sent[1].postData(), 'the retry sends the same request').toBe(sent[0].postData());

  // The user exists once, and the backend ran the registration once.
  await list.goto();
  await expect(list.row(NEW_USER.loginId)).toHaveCount(1);
  const history = new HistoryPage(page);
  await history.goto();
  await expect(history.table).toBeVisible();
  const registered = history.rows().filter({ hasText: '利用者登録' }).filter({ hasText: NEW_USER.loginId });
  await expect(registered).toHaveCount(1);
  await expect(registered).toContainText('正常');

  // Restore the demo data: delete the user through the UI.
  await list.goto();
  await list.open('削除', NEW_USER.loginId);
  await frame.expectScreen('利用者削除確認', 'BRSK022');
  await wizard.executeWith();
  await frame.expectScreen('利用者削除結果', 'BRSK023');
  await list.goto();
  await expect(list.row(NEW_USER.loginId)).toHaveCount(0);
});
