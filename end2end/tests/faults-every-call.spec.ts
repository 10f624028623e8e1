import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { DEMO_CONFIRM_PASSWORD, DEMO_PASSWORD } from './env';
import { expectedMessage, type Fault, inject, type Injection, passTimeLimit, type Target } from './faults/inject';
import { CompanyPages } from './pages/company-pages';
import { FaultNotice } from './pages/fault-notices';
import { FeePages } from './pages/fee-pages';
import { HistoryPage } from './pages/history-page';
import { LoginPage } from './pages/login-page';
import { AppFrame } from './pages/app-frame';
import { PasswordChangePage } from './pages/password-change-page';
import { FAILURE, PrintControl } from './pages/print-control';
import { StatusConfirmPage, StatusListPage, TASKS } from './pages/status-pages';
import { UserListPage, UserWizard } from './pages/user-pages';

/**
 * Every API call of the SPA with at least one injected fault (the kinds rotate; see
 * faults/README.md for the inventory), grouped by screen: the defined message in an alert,
 * 「再読み込み」 or 「再試行」 where safe, the input still there. Reads are read again once the
 * fault is gone; changes are left unsent (the matrix and the idempotency journeys send them).
 */

const get = (path: string | RegExp): Target => ({ method: 'GET', path });

async function logIn(page: Page, loginPage: LoginPage, frame: AppFrame) {
  await loginPage.goto();
  await loginPage.withId('admin02');
  await frame.expectScreen('トップページ', 'BTOP001');
}

/** Inject, do what calls, pass the time limit of a timeout, and check the load notice. */
async function failLoad(page: Page, target: Target, fault: Fault, what: string, act: () => Promise<unknown>) {
  const injection = await inject(page, target, fault);
  await act();
  await passTimeLimit(page, injection);
  const notice = FaultNotice.load(page, what);
  await notice.expectMessage(injection.message);
  await expect(notice.reload).toBeVisible();
  return { injection, notice };
}

/** Take the fault away and 「再読み込み」. */
async function reload(injection: Injection, notice: FaultNotice) {
  await injection.remove();
  await notice.reload.click();
  await expect(notice.alert).toHaveCount(0);
}

test('ログイン画面、ホーム、起動時の確認（GET /api/auth/context, POST /api/session, GET /api/home, GET /api/session）', async ({ page, loginPage, frame }) => {
  // The login screen's facts: 「再試行」.
  const context = await inject(page, get('/api/auth/context'), { kind: '500' });
  await page.goto('/login');
  const notice = new FaultNotice(page, 'ログイン画面を表示できませんでした');
  await notice.expectMessage(context.message);
  await context.remove();
  await notice.alert.getByRole('button', { name: '再試行', exact: true }).click();
  await expect(loginPage.password).toBeVisible();

  // The login itself: the message, what was typed stays; 「ログイン」 again logs in.
  const login = await inject(page, { method: 'POST', path: '/api/session' }, { kind: '503', body: 'plain' });
  await loginPage.withId('admin02');
  await expect(page.getByRole('alert').filter({ hasText: login.message })).toBeVisible();
  await expect(loginPage.loginId).toHaveValue('admin02');
  await expect(loginPage.password).toHaveValue(DEMO_PASSWORD);
  await login.remove();
  await loginPage.submit.click();
  await frame.expectScreen('トップページ', 'BTOP001');

  // ホーム's own data (GET /api/home): 「再読み込み」; the rest of the page stays.
  const home = await inject(page, get('/api/home'), { kind: '503' });
  await page.reload();
  const homeNotice = FaultNotice.load(page, 'ログイン履歴・お知らせ・最近の操作');
  await homeNotice.expectMessage(home.message);
  await reload(home, homeNotice);
  await expect(page.getByRole('region', { name: 'ログイン履歴', exact: true })).toBeVisible();

  // The session check at start-up (a reload): 「サーバーに接続できません」 and 「再読み込み」.
  const session = await inject(page, get('/api/session'), { kind: 'reset' });
  await page.reload();
  const unreachable = new FaultNotice(page, 'サーバーに接続できません');
  await unreachable.expectMessage(session.message);
  await session.remove();
  await unreachable.reload.click();
  await frame.expectScreen('トップページ', 'BTOP001');
});

test('利用者管理の読み込み（GET /api/users, /api/users/form-context, /api/users/{id}, /api/users/statuses）', async ({
  page,
  loginPage,
  frame,
}) => {
  test.setTimeout(90_000);
  await page.clock.install();
  await logIn(page, loginPage, frame);
  const list = new UserListPage(page);
  const wizard = new UserWizard(page);

  // 証明書失効 利用者一覧: GET /api/users.
  {
    const { injection, notice } = await failLoad(page, get('/api/users'), { kind: '429' }, '利用者一覧', () =>
      page.goto('/admin/users/certificates'),
    );
    await reload(injection, notice);
    await expect(page.getByRole('table', { name: /利用者一覧/ })).toBeVisible();
  }

  // 証明書失効確認: GET /api/users with /api/users/form-context (404), and the way back.
  {
    const { injection, notice } = await failLoad(page, get('/api/users/form-context'), { kind: '404' }, '利用者情報', () =>
      page.goto('/admin/users/certificates/user01'),
    );
    await expect(page.getByRole('link', { name: '証明書失効 利用者一覧へ' })).toBeVisible();
    await reload(injection, notice);
    await expect(page.getByRole('heading', { name: '証明書失効の対象利用者' })).toBeVisible();
  }

  // 利用者照会: GET /api/users/{id} not found, then the form context timing out.
  {
    const missing = await inject(page, get('/api/users/user01'), { kind: '404' });
    await page.goto('/admin/users/u/user01');
    await expect(page.getByRole('alert').filter({ hasText: '指定された利用者は見つかりませんでした' })).toBeVisible();
    await expect(page.getByRole('link', { name: '利用者一覧へ' })).toBeVisible();
    await missing.remove();
    const { injection, notice } = await failLoad(page, get('/api/users/form-context'), { kind: 'timeout' }, '利用者情報', () =>
      page.reload(),
    );
    await reload(injection, notice);
    await frame.expectScreen('利用者照会', 'BRSK011');
    await expect(wizard.summaryRow('利用者基本情報', 'ログインID')).toContainText('user01');
  }

  // 利用者変更 (start): GET /api/users/{id}; 利用者登録 (start): GET /api/users/form-context.
  await list.goto();
  {
    const { injection, notice } = await failLoad(page, get('/api/users/user08'), { kind: '500', body: 'plain' }, '画面', () =>
      list.open('変更', 'user08'),
    );
    await reload(injection, notice);
    await frame.expectScreen('利用者変更[基本情報]', 'BRSK012');
    await expect(wizard.field('ログインID')).toHaveValue('user08');
  }
  await list.goto();
  {
    const { injection, notice } = await failLoad(page, get('/api/users/form-context'), { kind: '503' }, '画面', () =>
      list.button('新規登録').click(),
    );
    await reload(injection, notice);
    await frame.expectScreen('利用者登録[基本情報]', 'BRSK006');
  }

  // 利用者削除確認: GET /api/users/{id} (connection reset).
  {
    const { injection, notice } = await failLoad(page, get('/api/users/user08'), { kind: 'reset' }, '利用者情報', () =>
      page.goto('/admin/users/u/user08/delete'),
    );
    await reload(injection, notice);
    await frame.expectScreen('利用者削除確認', 'BRSK022');
  }

  // 利用者停止・解除: GET /api/users/statuses, then its confirmation's form context (403).
  const statusList = new StatusListPage(page, TASKS.service);
  {
    const { injection, notice } = await failLoad(page, get('/api/users/statuses'), { kind: '500' }, '利用者一覧', () =>
      page.goto('/admin/users/status/service'),
    );
    await expect(page.getByRole('link', { name: '戻る', exact: true })).toBeVisible();
    await reload(injection, notice);
    await expect(statusList.table).toBeVisible();
  }
  {
    await statusList.checkbox('user06').check();
    const { injection, notice } = await failLoad(page, get('/api/users/form-context'), { kind: '403' }, '確認画面', () =>
      statusList.action('解除').click(),
    );
    await expect(new StatusConfirmPage(page).row('user06')).toBeVisible();
    await reload(injection, notice);
    await expect(new StatusConfirmPage(page).operatorPassword).toBeVisible();
  }
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('利用者管理の変更（PUT・DELETE /api/users/{id}, 証明書失効, 停止・解除, パスワード変更）は送り直せるときだけ「再試行」、入力はそのまま', async ({
  page,
  loginPage,
  frame,
}) => {
  test.setTimeout(90_000);
  await logIn(page, loginPage, frame);
  const list = new UserListPage(page);
  const wizard = new UserWizard(page);

  // 利用者変更確認: PUT /api/users/{id}, 500 with a reference ID.
  await list.goto();
  await list.open('変更', 'user08');
  await frame.expectScreen('利用者変更[基本情報]', 'BRSK012');
  await wizard.field('利用者名').fill('小林　誠二');
  await wizard.nextStep();
  await wizard.nextStep();
  await wizard.next.click();
  await frame.expectScreen('利用者変更確認', 'BRSK015');
  {
    const fault = await inject(page, { method: 'PUT', path: '/api/users/user08' }, { kind: '500' });
    await wizard.executeWith();
    const notice = new FaultNotice(page, '処理できませんでした');
    await notice.expectMessage(fault.message);
    expect(fault.message).toContain(`（お問い合わせ番号：${fault.reference}）`);
    await expect(notice.retry).toBeVisible();
    await expect(wizard.operatorPassword).toHaveValue(DEMO_CONFIRM_PASSWORD);
    await expect(wizard.summaryRow('利用者基本情報', '利用者名')).toContainText('小林　誠二');
    await fault.remove();
  }

  // 利用者削除確認: DELETE /api/users/{id}, 503 with Retry-After.
  await page.goto('/admin/users/u/user08/delete');
  await frame.expectScreen('利用者削除確認', 'BRSK022');
  {
    const fault = await inject(page, { method: 'DELETE', path: '/api/users/user08' }, { kind: '503' });
    await wizard.executeWith();
    const notice = new FaultNotice(page, '利用者を削除できませんでした');
    await notice.expectMessage(fault.message);
    await expect(notice.retry).toBeVisible();
    await expect(wizard.operatorPassword).toHaveValue(DEMO_CONFIRM_PASSWORD);
    await fault.remove();
  }

  // 証明書失効確認: POST …/certificate/revoke, 409 (a final answer: no 「再試行」).
  await page.goto('/admin/users/certificates/user01');
  await expect(page.getByRole('heading', { name: '証明書失効の対象利用者' })).toBeVisible();
  {
    const fault = await inject(page, { method: 'POST', path: '/api/users/user01/certificate/revoke' }, { kind: '409' });
    await wizard.executeWith();
    const notice = new FaultNotice(page, '電子証明書を失効できませんでした');
    await notice.expectMessage(fault.message);
    await expect(notice.retry).toHaveCount(0);
    await expect(page.getByRole('heading', { name: '証明書失効の対象利用者' })).toBeVisible();
    await fault.remove();
  }

  // 利用者停止・解除確認: POST /api/users/statuses/{action}, the connection cut.
  const statusList = new StatusListPage(page, TASKS.service);
  await statusList.goto();
  await statusList.checkbox('user06').check();
  await statusList.action('解除').click();
  const confirm = new StatusConfirmPage(page);
  await expect(confirm.operatorPassword).toBeVisible();
  {
    const fault = await inject(page, { method: 'POST', path: /^\/api\/users\/statuses\/[a-z_-]+$/ }, { kind: 'reset' });
    await confirm.executeWith();
    const notice = new FaultNotice(page, /を実行できませんでした/);
    await notice.expectMessage(fault.message);
    await expect(notice.retry).toBeVisible();
    await expect(confirm.operatorPassword).toHaveValue(DEMO_CONFIRM_PASSWORD);
    await expect(confirm.row('user06')).toBeVisible();
    await fault.remove();
  }

  // パスワード変更: PUT /api/me/password, 429 without a body.
  await page.goto('/admin/users/password');
  const password = new PasswordChangePage(page);
  await password.changeConfirm.check();
  await password.fillConfirmPassword(DEMO_CONFIRM_PASSWORD, 'Kakunin99');
  {
    const fault = await inject(page, { method: 'PUT', path: '/api/me/password' }, { kind: '429', body: 'plain' });
    await password.submit.click();
    const notice = new FaultNotice(page, 'パスワードを変更できませんでした');
    await notice.expectMessage(expectedMessage('429'));
    await expect(notice.retry).toBeVisible();
    await expect(password.currentConfirm).toHaveValue(DEMO_CONFIRM_PASSWORD);
    await expect(password.newConfirm).toHaveValue('Kakunin99');
    await expect(password.newConfirmAgain).toHaveValue('Kakunin99');
    await fault.remove();
  }
});

test('企業管理（GET /api/company, GET・PUT /api/company/fees/{table}、競合後の再読み込み）', async ({ page, loginPage, frame }) => {
  test.setTimeout(90_000);
  await page.clock.install();
  await logIn(page, loginPage, frame);
  const company = new CompanyPages(page);
  const fees = new FeePages(page);

  // 企業情報照会 and 企業情報変更: GET /api/company.
  {
    const { injection, notice } = await failLoad(page, get('/api/company'), { kind: '503', body: 'plain' }, '企業情報', () =>
      page.goto('/admin/company/info'),
    );
    await expect(page.getByRole('link', { name: '作業内容選択へ' })).toBeVisible();
    await reload(injection, notice);
    await frame.expectScreen('企業情報照会', 'BKGK005');
  }
  {
    const { injection, notice } = await failLoad(page, get('/api/company'), { kind: 'reset' }, '企業情報', () =>
      page.goto('/admin/company/info/edit'),
    );
    await reload(injection, notice);
    await expect(company.field('企業名')).toBeVisible();
  }

  // 企業情報変更確認: a conflict (409) makes the SPA read the company again; that read fails.
  const kounan = company.accountLimit(/^港南支店\(125\) 普通 0253226/, '振込振替(都度指定)');
  await kounan.fill('1234000');
  await company.change.click();
  await frame.expectScreen('企業情報変更確認', 'BKGK002');
  {
    const conflict = await inject(page, { method: 'PUT', path: '/api/company' }, { kind: '409' });
    const reread = await inject(page, get('/api/company'), { kind: '500' });
    await company.executeWith();
    const notice = new FaultNotice(page, '処理できませんでした');
    await notice.expectMessage(reread.message);
    await expect(notice.retry).toHaveCount(0);
    await expect(notice.alert.getByRole('link', { name: '最新の企業情報を表示する' })).toBeVisible();
    await conflict.remove();
    await reread.remove();
  }

  // 手数料照会 (404) and 手数料の変更 (a timeout): GET /api/company/fees/{table}.
  const table = '/api/company/fees/payer-bulk';
  {
    const { injection, notice } = await failLoad(page, get(table), { kind: '404' }, '手数料情報', () =>
      page.goto('/admin/company/fees/payer-bulk'),
    );
    await reload(injection, notice);
    await expect(page.getByRole('link', { name: '変更', exact: true })).toBeVisible();
  }
  {
    const { injection, notice } = await failLoad(page, get(table), { kind: 'timeout' }, '手数料情報', () =>
      page.getByRole('link', { name: '変更', exact: true }).click(),
    );
    await reload(injection, notice);
    await expect(fees.fee(3, '他行宛')).toBeVisible();
  }

  // 手数料の変更確認: PUT /api/company/fees/{table}, the connection cut: 「再試行」, input kept.
  const before = await fees.fee(3, '他行宛').inputValue();
  const after = before === '700' ? '710' : '700';
  await fees.fee(3, '他行宛').fill(after);
  await fees.change.click();
  await expect(fees.bandRow('30,000円')).toContainText(`${after}円`);
  {
    const fault = await inject(page, { method: 'PUT', path: table }, { kind: 'reset' });
    await fees.executeWith();
    const notice = new FaultNotice(page, '手数料情報を変更できませんでした');
    await notice.expectMessage(fault.message);
    await expect(notice.retry).toBeVisible();
    await expect(fees.operatorPassword).toHaveValue(DEMO_CONFIRM_PASSWORD);
    await expect(fees.bandRow('30,000円')).toContainText(`${after}円`);
    await fault.remove();
  }
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('操作履歴照会（GET /api/history/context, /api/history, 印刷の /api/history/all）', async ({ page, loginPage, frame }) => {
  await logIn(page, loginPage, frame);
  const history = new HistoryPage(page);

  // What the search offers: 「再読み込み」 and the way back to 業務選択.
  {
    const { injection, notice } = await failLoad(page, get('/api/history/context'), { kind: '500' }, '操作履歴照会', () =>
      history.goto(),
    );
    await expect(page.getByRole('link', { name: '業務選択へ' })).toBeVisible();
    await reload(injection, notice);
    await expect(history.search).toBeVisible();
  }
  await expect(history.table).toBeVisible();

  // The search refused by the backend (422): its field error on the field, the form kept.
  const from = await history.from.inputValue();
  const search = get('/api/history');
  {
    const message = '開始日は保存期間内の日付を入力してください。';
    const refused = await inject(page, search, {
      kind: '422',
      fieldErrors: [{ field: 'from', code: 'out_of_range', message }],
    });
    await history.result('異常').check();
    await history.search.click();
    await expect(history.from).toHaveAccessibleDescription(new RegExp(message));
    await expect(history.from).toHaveValue(from);
    await expect(history.result('異常')).toBeChecked();
    await refused.remove();
  }

  // The search failing (503): 「再読み込み」 shows it; the form is as typed.
  {
    const { injection, notice } = await failLoad(page, search, { kind: '503' }, '操作履歴', () => history.search.click());
    await expect(history.result('異常')).toBeChecked();
    await reload(injection, notice);
    await expect(history.table.or(history.empty)).toBeVisible();
  }

  // 「印刷」 fetches the whole search: its failure says why (with the reference ID).
  await history.result('すべて').check();
  await history.search.click();
  await expect(history.table).toBeVisible();
  const print = new PrintControl(page);
  const all = await inject(page, get('/api/history/all'), { kind: '500' });
  const tab = await print.clickAndCatchTab();
  await expect(print.failure).toContainText(FAILURE.heading);
  await expect(print.failure).toContainText(all.message);
  await expect.poll(() => tab.isClosed(), { message: 'the tab is closed' }).toBe(true);
  await expect(print.button).toBeEnabled();
  await all.remove();
});
