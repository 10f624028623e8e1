import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The notices of a failed API call (src/ui/failure.rs): 「{what}を表示できませんでした」
 * with 「再読み込み」 when a screen's data could not be read, and the notice of a failed
 * 「実行」 with 「再試行」 where resending is safe. Both are `role="alert"`.
 */
export class FaultNotice {
  readonly alert: Locator;
  readonly reload: Locator;
  readonly retry: Locator;

  /** `heading`: the notice's heading (e.g. 「利用者一覧を表示できませんでした」). */
  constructor(
    readonly page: Page,
    heading: string | RegExp,
  ) {
    this.alert = page.getByRole('alert').filter({ hasText: heading });
    this.reload = this.alert.getByRole('button', { name: '再読み込み', exact: true });
    this.retry = this.alert.getByRole('button', { name: /^(再試行|処理中…)$/ });
  }

  /** The notice is shown with exactly this message (a paragraph of its own). */
  async expectMessage(message: string) {
    await expect(this.alert).toBeVisible();
    await expect(this.alert.getByText(message, { exact: true })).toBeVisible();
  }

  /** The load failure of a screen's data: message and 「再読み込み」. */
  static load(page: Page, what: string) {
    return new FaultNotice(page, `${what}を表示できませんでした`);
  }
}

/**
 * What the app shows when a call answers 401 while logged in: the session has ended
 * ([BLGI003] 「セッションが終了しました」 with the backend's message, whose 「ログイン画面へ」 returns to the screen
 * after the login). Goes on to the login screen.
 */
export async function expectSessionEnded(page: Page) {
  await expect(page).toHaveURL(/\/timed-out\?next=/);
  await expect(page.getByRole('heading', { level: 1, name: 'セッションタイムアウト' })).toBeVisible();
  await expect(page.getByText('セッションが終了しました', { exact: true })).toBeVisible();
  await expect(page.getByText(/ログインしていないか、セッションが終了しました。/)).toBeVisible();
  await page.getByRole('link', { name: 'ログイン画面へ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ログイン' })).toBeVisible();
}
