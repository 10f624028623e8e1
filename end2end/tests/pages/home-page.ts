import { expect, type Locator, type Page } from '@playwright/test';

/** 「お知らせ（未読2件）」 → 2. */
export function unreadCountOf(heading: string) {
  const m = /^お知らせ（未読(\d+)件）$/.exec(heading.trim());
  if (!m) throw new Error(`not the heading of お知らせ: ${heading}`);
  return Number(m[1]);
}

/**
 * ホーム (トップページ) [BTOP001]: ログイン情報, 「ログイン履歴」, 「お知らせ」 and 「最近の操作」,
 * each found by its heading as a user finds them.
 */
export class HomePage {
  /** 今回ログイン日時 of the ログイン情報 panel. */
  readonly thisLogin: Locator;
  readonly logins: Locator;
  readonly loginTable: Locator;
  readonly notices: Locator;
  readonly noticesHeading: Locator;
  readonly noticesStatus: Locator;
  readonly recent: Locator;

  constructor(readonly page: Page) {
    this.thisLogin = page.getByRole('region', { name: 'ログイン情報' }).locator('dt:text-is("今回ログイン日時") + dd');
    this.logins = page.getByRole('region', { name: 'ログイン履歴', exact: true });
    this.loginTable = this.logins.getByRole('table');
    this.notices = page.getByRole('region', { name: /^お知らせ/ });
    this.noticesHeading = this.notices.getByRole('heading', { level: 2 });
    this.noticesStatus = this.notices.getByRole('status');
    this.recent = page.getByRole('region', { name: '最近の操作', exact: true });
  }

  /** The body rows of ログイン履歴. */
  loginRows() {
    return this.loginTable.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** 未読件数 as the heading says it. */
  async unreadCount() {
    return unreadCountOf((await this.noticesHeading.textContent()) ?? '');
  }

  /** The list item of a notice, by its title. */
  notice(title: string) {
    return this.notices
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('button', { name: title, exact: true }) });
  }

  /** The disclosure button of a notice (its title). */
  noticeButton(title: string) {
    return this.notices.getByRole('button', { name: title, exact: true });
  }

  /** The 「未読」 badge of a notice. */
  unreadBadge(title: string) {
    return this.notice(title).getByText('未読', { exact: true });
  }

  /** The 「重要」 badge of a notice. */
  importantBadge(title: string) {
    return this.notice(title).getByText('重要', { exact: true });
  }

  /** The titles of the notices still marked 未読, in order. */
  async unreadTitles() {
    const items = this.notices.getByRole('listitem').filter({ has: this.page.getByText('未読', { exact: true }) });
    const titles: string[] = [];
    for (const item of await items.all()) {
      titles.push(((await item.getByRole('heading', { level: 3 }).textContent()) ?? '').replace('▶', '').trim());
    }
    return titles;
  }

  /** The opened body of a notice (its button's aria-controls). */
  async noticeBody(title: string) {
    const id = await this.noticeButton(title).getAttribute('aria-controls');
    return this.page.locator(`[id="${id}"]`);
  }

  /** The link of an operation in 最近の操作. */
  recentLink(label: string) {
    return this.recent.getByRole('link', { name: label, exact: true });
  }

  /** The items of 最近の操作, newest first. */
  recentItems() {
    return this.recent.getByRole('listitem');
  }

  async expectLoaded() {
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('トップページ');
    await expect(this.loginTable).toBeVisible();
    await expect(this.noticesHeading).toHaveText(/^お知らせ（未読\d+件）$/);
  }
}
