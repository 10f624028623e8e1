import { expect, type Locator, type Page } from '@playwright/test';

/** 「まもなくセッションの有効期限が切れます」: the idle warning dialog. */
export class IdleDialog {
  readonly dialog: Locator;
  readonly extend: Locator;
  readonly logout: Locator;
  readonly countdown: Locator;
  /** The polite live region that repeats the countdown every 30 seconds. */
  readonly announcement: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('alertdialog', { name: 'まもなくセッションの有効期限が切れます' });
    this.extend = this.dialog.getByRole('button', { name: '延長する', exact: true });
    this.logout = this.dialog.getByRole('button', { name: 'ログアウト', exact: true });
    // The visible countdown (the dialog's description), not the live region repeating it.
    this.countdown = this.dialog
      .locator('p:not([aria-live])')
      .filter({ hasText: /^あと(\d+分)?\d+秒で自動的にログアウトします。$/ });
    this.announcement = this.dialog.locator('[aria-live="polite"]');
  }
}

/**
 * The backend's idle limit of the demo (10 minutes) as the SPA keeps it: it ends the
 * session 10 seconds early and warns 2 minutes before that.
 */
export const IDLE = {
  /** Just inside the warning period. */
  toWarning: '07:51',
  /** Past the SPA's end of the session. */
  toExpiry: '10:00',
};

/** [BLGI003] セッションタイムアウト */
export class TimedOutPage {
  readonly heading: Locator;
  readonly toLogin: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'セッションタイムアウト' });
    this.toLogin = page.getByRole('link', { name: 'ログイン画面へ' });
  }

  /**
   * `idle`: the idle limit (the SPA's clock, or the backend's `session_expired`);
   * `ended`: the backend refused the session for another cause (e.g. its cookie is gone),
   * and the screen gives the backend's message.
   */
  async expectShown(cause: 'idle' | 'ended' = 'idle') {
    await expect(this.heading).toBeVisible();
    const notice = cause === 'idle' ? 'セッションがタイムアウトしました' : 'セッションが終了しました';
    await expect(this.page.getByText(notice, { exact: true })).toBeVisible();

    await expect(this.page.getByText('画面ID BLGI003', { exact: true })).toBeVisible();
  }
}

/** Open `path` inside the running app (as a link would: no reload, memory kept). */
export async function openInApp(page: Page, path: string) {
  await page.evaluate((p) => {
    history.pushState(null, '', p);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, path);
}

/** Every key and value of local and session storage, as one text. */
export async function webStorage(page: Page) {
  return page.evaluate(() => {
    const dump = (s: Storage) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`);
    return { local: dump(localStorage), session: dump(sessionStorage) };
  });
}

/** Web storage holds only the 文字サイズ preference, and none of `typed`. */
export async function expectNothingStored(page: Page, typed: string[]) {
  const { local, session } = await webStorage(page);
  expect(session).toEqual([]);
  expect(local.every((entry) => entry.startsWith('kanri.text-size='))).toBe(true);
  const all = [...local, ...session].join('\n');
  for (const value of typed) {
    expect(all).not.toContain(value);
  }
}

/**
 * Record every text the page adds to its DOM from now on (to prove that a screen never
 * showed something, even for a moment).
 */
export async function recordDomText(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __seenText: string[] };
    w.__seenText = [];
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') w.__seenText.push(r.target.textContent ?? '');
        r.addedNodes.forEach((n) => w.__seenText.push(n.textContent ?? ''));
      }
    }).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  });
}

/** What [`recordDomText`] saw. */
export async function seenDomText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __seenText?: string[] }).__seenText?.join('\n') ?? '');
}
