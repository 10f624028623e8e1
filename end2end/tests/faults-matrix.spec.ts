import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { DEMO_CONFIRM_PASSWORD } from './env';
import { ALL_KINDS, ApiSession, type Fault, type FaultKind, inject, isRetryable, keyOf, passTimeLimit, recordRequests, type Target } from './faults/inject';
import { CompanyPages } from './pages/company-pages';
import { expectSessionEnded, FaultNotice } from './pages/fault-notices';
import { LoginPage } from './pages/login-page';
import { AppFrame } from './pages/app-frame';
import { UserListPage } from './pages/user-pages';

/**
 * Every kind of fault on one reading screen (利用者一覧, GET /api/users) and one change
 * (企業情報変更, PUT /api/company), injected in front of the real stand-in backend: the
 * defined Japanese message (with the reference ID), 「再読み込み」/「再試行」 where safe, the
 * input still there, and success once the fault is gone.
 */

const USERS: Target = { method: 'GET', path: '/api/users' };
const COMPANY_PUT: Target = { method: 'PUT', path: '/api/company' };

const KANA_FIELD = 'company.name';
const NAME_ERROR = '企業名に使用できない文字が含まれています。';

/** A proxy's page for some kinds, the contract's ErrorBody for the others. */
function faultOf(kind: FaultKind, forChange: boolean): Fault {
  if (kind === '422') {
    return forChange
      ? { kind, fieldErrors: [{ field: KANA_FIELD, code: 'invalid_chars', message: NAME_ERROR }] }
      : { kind, fieldErrors: [{ field: 'sort', code: 'invalid', message: '並び順の指定が正しくありません。' }] };
  }
  const plain: FaultKind[] = forChange ? ['429'] : ['403', '404', '503'];
  return { kind, body: plain.includes(kind) ? 'plain' : 'json' };
}

async function logIn(page: Page, loginPage: LoginPage, frame: AppFrame) {
  await loginPage.goto();
  await loginPage.withId('admin02');
  await frame.expectScreen('トップページ', 'BTOP001');
}

test.describe('利用者一覧（GET /api/users）の障害', () => {
  for (const kind of ALL_KINDS) {
    test(`${kind}: 定められたメッセージと「再読み込み」、並び順の選択はそのまま、障害がなくなれば表示できる`, async ({
      page,
      loginPage,
      frame,
    }) => {
      if (kind === 'timeout') await page.clock.install();
      await logIn(page, loginPage, frame);
      const list = new UserListPage(page);
      await list.goto();
      const sortKey = page.getByLabel('並び順');
      const descending = page.getByRole('radio', { name: '降順' });
      await sortKey.selectOption({ label: '利用者名' });
      await descending.check();

      const fault = await inject(page, USERS, faultOf(kind, false));
      await list.button('再表示').click();
      await passTimeLimit(page, fault);
      await expect.poll(() => fault.caught.length).toBeGreaterThan(0);

      if (kind === '401') {
        // The session has ended in the app: the login screen says why; logging in again
        // returns to the list in the chosen order.
        await expectSessionEnded(page);
        await fault.remove();
        await loginPage.withId('admin02');
        await frame.expectScreen('利用者一覧', 'BRSK005');
        await expect(page).toHaveURL(/sort=name&order=desc/);
        await expect(list.table).toBeVisible();
        await expect(sortKey).toHaveValue('name');
        return;
      }

      const notice = FaultNotice.load(page, '利用者一覧');
      await notice.expectMessage(fault.message);
      if (kind === '422') await expect(notice.alert).toContainText('並び順の指定が正しくありません。');
      await expect(notice.reload).toBeVisible();
      await expect(list.table).toHaveCount(0);
      // What the operator chose is still there (and in the URL).
      await expect(page).toHaveURL(/sort=name&order=desc/);
      await expect(sortKey).toHaveValue('name');
      await expect(descending).toBeChecked();

      await fault.remove();
      await notice.reload.click();
      await expect(list.table).toBeVisible();
      await expect(notice.alert).toHaveCount(0);
      // 利用者名 descending: 渡辺 (わたなべ) comes before 伊藤 (いとう).
      const names = await list.table.getByRole('row').allInnerTexts();
      expect(names.findIndex((r) => r.includes('user06'))).toBeLessThan(names.findIndex((r) => r.includes('user05')));
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    });
  }
});

test.describe('企業情報変更（PUT /api/company）の障害', () => {
  let original: { company: unknown } | undefined;

  test.beforeAll(async () => {
    const s = await ApiSession.login('admin02');
    original = await s.get('/api/company');
    await s.close();
  });

  // Each case ends with a successful change: the company is put back afterwards.
  test.afterAll(async () => {
    if (!original) return;
    const s = await ApiSession.login('admin02');
    await s.restoreCompany(original);
    await s.close();
  });

  const kounan = /^港南支店\(125\) 普通 0253226/;

  ALL_KINDS.forEach((kind, i) => {
    test(`${kind}: 定められたメッセージ、安全なときだけ「再試行」（同じIdempotency-Key）、入力はそのまま、障害がなくなれば変更できる`, async ({
      page,
      loginPage,
      frame,
    }) => {
      if (kind === 'timeout') await page.clock.install();
      await logIn(page, loginPage, frame);
      const company = new CompanyPages(page);
      await company.gotoEdit();
      await frame.expectScreen('企業情報変更', 'BKGK001');
      const limit = company.accountLimit(kounan, '振込振替(都度指定)');
      const typed = `${1_100_000 + i * 10_000}`;
      const shown = Number(typed).toLocaleString('ja-JP');
      // On the form the value is as typed, or tidied with commas once the field was left.
      const onForm = new RegExp(`^${shown.replace(/,/g, ',?')}$`);
      await limit.fill(typed);
      await company.change.click();
      await frame.expectScreen('企業情報変更確認', 'BKGK002');
      const row = company.summaryRow('限度額（口座一日当たり）', kounan);
      await expect(row).toContainText(`${shown}円`);

      const sent = recordRequests(page, COMPANY_PUT);
      const fault = await inject(page, COMPANY_PUT, faultOf(kind, true));
      await company.executeWith();
      await passTimeLimit(page, fault);
      await expect.poll(() => fault.caught.length).toBe(1);
      const notice = new FaultNotice(page, '処理できませんでした');
      const done = async () => {
        await frame.expectScreen('企業情報変更結果', 'BKGK003');
        await expect(row).toContainText(`${shown}円`);
      };

      if (isRetryable(kind)) {
        await notice.expectMessage(fault.message);
        await expect(notice.retry).toBeVisible();
        // Nothing is lost: the summary and the typed 確認用パスワード are still there.
        await expect(row).toContainText(`${shown}円`);
        await expect(company.operatorPassword).toHaveValue(DEMO_CONFIRM_PASSWORD);
        await fault.remove();
        await notice.retry.click();
        await done();
        expect(sent.length, 'the change was sent twice: the first try and the retry').toBe(2);
        expect(keyOf(sent[1]), 'the retry carries the same Idempotency-Key').toBe(keyOf(sent[0]));
        expect(keyOf(sent[0])).toBeTruthy();
        await page.unrouteAll({ behavior: 'ignoreErrors' });
        return;
      }

      switch (kind) {
        case '401':
          // The session has ended: logging in again returns to the confirmation with the
          // change kept; the 確認用パスワード must be entered again.
          await expectSessionEnded(page);
          await fault.remove();
          await loginPage.withId('admin02');
          await frame.expectScreen('企業情報変更確認', 'BKGK002');
          await expect(row).toContainText(`${shown}円`);
          await expect(company.operatorPassword).toHaveValue('');
          await company.executeWith();
          await done();
          return;
        case '403':
        case '404':
          await notice.expectMessage(fault.message);
          await expect(notice.retry).toHaveCount(0);
          await expect(row).toContainText(`${shown}円`);
          await expect(page.getByRole('link', { name: '戻る', exact: true })).toBeVisible();
          await fault.remove();
          await company.executeWith();
          await done();
          expect(keyOf(sent[1]), 'a new 「実行」 after a final answer is a new request').not.toBe(keyOf(sent[0]));
          return;
        case '409':
          // The company changed meanwhile (as the SPA is told): the latest is loaded and the
          // form shows it with the typed change kept.
          await frame.expectScreen('企業情報変更', 'BKGK001');
          await expect(page.getByText('企業情報が他の操作により変更されていました')).toBeVisible();
          await expect(limit).toHaveValue(onForm);
          break;
        case '422':
          await frame.expectScreen('企業情報変更', 'BKGK001');
          await expect(company.errorSummary).toBeFocused();
          await expect(company.errorSummary).toContainText(NAME_ERROR);
          await company.expectFieldError(company.field('企業名'), NAME_ERROR);
          await expect(limit).toHaveValue(onForm);
          break;
      }
      await fault.remove();
      await company.change.click();
      await frame.expectScreen('企業情報変更確認', 'BKGK002');
      await company.executeWith();
      await done();
    });
  });
});
