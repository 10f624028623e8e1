import { test, expect } from './fixtures';
import { DEMO_PASSWORD } from './env';
import { expectAccessibleAtEverySize } from './axe';
import { HomePage } from './pages/home-page';
import { MenuPage } from './pages/menu-pages';
import { PasswordChangePage } from './pages/password-change-page';

const DATETIME = /^\d{4}年\d{2}月\d{2}日 \d{2}時\d{2}分\d{2}秒$/;

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * ホーム (トップページ) of admin02 (ID・パスワード方式, 管理者ユーザ): ログイン履歴 (the last 3
 * logins, this one first), お知らせ (opening an unread one marks it read: the count drops and
 * stays dropped after a reload; a failed mark keeps it unread and says why), and 最近の操作
 * (the own パスワード変更, changed and changed back, leads to its screen; 利用者登録 opens
 * the wizard as 「新規登録」 does). Read states cannot be undone, so the counts are read
 * relative to what the page shows first: the journey does not depend on the order of specs.
 */
test('ホームでログイン履歴・お知らせ・最近の操作を確認し、お知らせを既読にして最近の操作から画面を開ける', async ({
  page,
  loginPage,
  frame,
}) => {
  test.setTimeout(90_000);
  await loginPage.goto();
  await loginPage.withId('admin02');
  await frame.expectScreen('トップページ', 'BTOP001');
  const home = new HomePage(page);
  await home.expectLoaded();

  // ログイン履歴: three logins, newest first, this one (the ログイン情報's 今回ログイン日時) marked 今回.
  const thisLogin = ((await home.thisLogin.textContent()) ?? '').trim();
  expect(thisLogin).toMatch(DATETIME);
  const today = thisLogin.slice(0, thisLogin.indexOf(' '));
  await expect(home.loginTable.getByRole('columnheader')).toHaveText(['ログイン日時', 'ログイン方式']);
  const rows = home.loginRows();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0).getByRole('cell')).toHaveText([new RegExp(`^${escape(thisLogin)}\\s*今回$`), 'ID・パスワード方式']);
  const times: string[] = [];
  for (const i of [1, 2]) {
    const cells = rows.nth(i).getByRole('cell');
    await expect(cells).toHaveText([DATETIME, 'ID・パスワード方式']);
    times.push(((await cells.nth(0).textContent()) ?? '').trim());
  }
  expect([thisLogin, ...times]).toEqual([thisLogin, ...times].sort().reverse());
  await expect(home.logins).toContainText('身に覚えのないログインがある場合は、お取引店までご連絡ください。');

  // お知らせ: the heading counts the unread ones; the maintenance notice is 重要.
  const before = await home.unreadCount();
  const unread = await home.unreadTitles();
  expect(unread).toHaveLength(before);
  expect(before).toBeGreaterThanOrEqual(2);
  await expect(home.importantBadge('システムメンテナンスのお知らせ')).toBeVisible();

  // Opening an unread notice shows its body and marks it read.
  const [first, second] = unread;
  const button = home.noticeButton(first);
  const body = await home.noticeBody(first);
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(body).toBeHidden();
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(body).toBeVisible();
  await expect(home.noticesHeading).toHaveText(`お知らせ（未読${before - 1}件）`);
  await expect(home.unreadBadge(first)).toHaveCount(0);
  await expect(home.noticesStatus).toHaveText(new RegExp(`^お知らせを既読にしました。未読のお知らせ(は${before - 1}件です|はありません)。$`));
  await expect(button).toBeFocused();
  await expectAccessibleAtEverySize(page, 'トップページ（お知らせを開いた状態）');

  // A mark that fails keeps the notice unread, says why beside it, and the list still works.
  await page.route('**/api/notices/*/read', (route) => route.abort());
  await home.noticeButton(second).click();
  await expect(home.notice(second).getByRole('alert')).toContainText(
    `「${second}」を既読にできませんでした。サーバーと通信できませんでした。`,
  );
  await expect(home.unreadBadge(second)).toBeVisible();
  await expect(home.noticesHeading).toHaveText(`お知らせ（未読${before - 1}件）`);
  await home.noticeButton(first).click();
  await expect(home.noticeButton(first)).toHaveAttribute('aria-expanded', 'false');
  await page.unroute('**/api/notices/*/read');
  await home.notice(second).getByRole('button', { name: '再度既読にする' }).click();
  await expect(home.unreadBadge(second)).toHaveCount(0);
  await expect(home.notice(second).getByRole('alert')).toHaveText('');
  await expect(home.noticesHeading).toHaveText(`お知らせ（未読${before - 2}件）`);

  // After a reload both are still read.
  await page.reload();
  await home.expectLoaded();
  await expect(home.noticesHeading).toHaveText(`お知らせ（未読${before - 2}件）`);
  await expect(home.unreadBadge(first)).toHaveCount(0);
  await expect(home.unreadBadge(second)).toHaveCount(0);
  await expect(home.noticeButton(first)).toHaveAttribute('aria-expanded', 'false');

  // When GET /api/home fails, the rest of the page stays and 「再読み込み」 loads it again.
  await page.route('**/api/home', (route) => route.abort());
  await page.reload();
  const failure = page.getByRole('alert').filter({ hasText: 'ログイン履歴・お知らせ・最近の操作を表示できませんでした' });
  await expect(failure).toContainText('サーバーと通信できませんでした。');
  await expect(page.getByRole('region', { name: 'ログイン情報' })).toBeVisible();
  await expect(home.logins).toHaveCount(0);
  await page.unroute('**/api/home');
  await failure.getByRole('button', { name: '再読み込み' }).click();
  await home.expectLoaded();
  await expect(failure).toHaveCount(0);
  await expect(home.noticesHeading).toHaveText(`お知らせ（未読${before - 2}件）`);

  // 最近の操作: the own ログインパスワード, changed through the menu…
  const passwords = new PasswordChangePage(page);
  const menu = new MenuPage(page);
  await frame.menuLink('管理').click();
  await menu.entry('利用者管理').click();
  await menu.entry('パスワード変更').click();
  await frame.expectScreen('パスワード変更', 'BRSK002');
  await passwords.changeLogin.check();
  await passwords.changeLoginPassword(DEMO_PASSWORD, 'Hajime2026');
  await frame.expectScreen('パスワード変更結果', 'BRSK003');

  // …is the newest of 最近の操作, and its link leads back to パスワード変更 to change it back.
  await frame.menuLink('ホーム').click();
  await home.expectLoaded();
  await expect(home.recentItems().first()).toHaveText(
    new RegExp(`^パスワード変更\\s*最終操作日時 ${escape(today)} \\d{2}時\\d{2}分\\d{2}秒$`),
  );
  await home.recentLink('パスワード変更').click();
  await frame.expectScreen('パスワード変更', 'BRSK002');
  await passwords.changeLogin.check();
  await passwords.changeLoginPassword('Hajime2026', DEMO_PASSWORD);
  await frame.expectScreen('パスワード変更結果', 'BRSK003');

  // 利用者登録 opens the wizard's first step as 「新規登録」 does (a fresh form, not the
  // notice that an entry was lost). admin02's own log holds no registration in every run,
  // so one is added to the backend's answer.
  await page.route('**/api/home', async (route) => {
    const response = await route.fetch();
    const view = await response.json();
    // One 利用者登録, whether or not admin02's log already has one (other journeys).
    view.recent = [
      { at: Math.floor(Date.now() / 1000), business: '利用者管理', operation: '利用者登録' },
      ...view.recent.filter((r: { operation: string }) => r.operation !== '利用者登録'),
    ].slice(0, 5);
    await route.fulfill({ response, json: view });
  });
  await frame.menuLink('ホーム').click();
  await home.expectLoaded();
  await home.recentLink('利用者登録').click();
  await frame.expectScreen('利用者登録[基本情報]', 'BRSK006');
  await expect(page.getByRole('textbox', { name: /^ログインID/ }).first()).toBeVisible();
  await expect(page.getByText('入力内容は保持されていません')).toHaveCount(0);
  await page.unroute('**/api/home');
});
