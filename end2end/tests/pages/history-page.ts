import { expect, type Locator, type Page } from '@playwright/test';

/** The columns of 操作履歴一覧, in order. */
export const HISTORY_COLUMNS = ['操作日時', 'ログインID', '利用者名', '業務', '操作内容', '結果'] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];

/** `2026-11-21` → `2026年11月21日`. */
export function japaneseDate(iso: string) {
  const [y, m, d] = iso.split('-');
  return `${y}年${m}月${d}日`;
}

/** The day before `iso` (`2026-05-21` → `2026-05-20`). */
export function dayBefore(iso: string) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** 「全3,000件中 51〜100件を表示」 */
export function rangeText(total: number, first: number, last: number) {
  const n = (x: number) => x.toLocaleString('en-US');
  return `全${n(total)}件中 ${n(first)}〜${n(last)}件を表示`;
}

/**
 * 操作履歴照会 [BSRR001]: the search 「操作履歴情報の検索」 and 「操作履歴一覧」.
 * Found as a user finds them: the form by its group and labels, the list by its table,
 * its count line and the page navigation.
 */
export class HistoryPage {
  readonly form: Locator;
  readonly period: Locator;
  readonly from: Locator;
  readonly to: Locator;
  /** 利用者 as a choice (holders of 全操作履歴照会 only). */
  readonly user: Locator;
  /** 利用者 as text (everyone else: their own name, no choice). */
  readonly ownUser: Locator;
  readonly business: Locator;
  readonly search: Locator;
  readonly errorSummary: Locator;
  readonly table: Locator;
  readonly count: Locator;
  readonly truncation: Locator;
  readonly empty: Locator;
  readonly pager: Locator;
  readonly dateHeader: Locator;
  readonly sort: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('group', { name: '操作履歴情報の検索' });
    this.period = this.form.getByRole('group', { name: '期間', exact: true });
    this.from = this.period.getByLabel('開始日');
    this.to = this.period.getByLabel('終了日');
    this.user = this.form.getByRole('combobox', { name: '利用者' });
    this.ownUser = this.form.getByRole('group', { name: '利用者', exact: true });
    this.business = this.form.getByRole('combobox', { name: '業務' });
    this.search = this.form.getByRole('button', { name: '検索', exact: true });
    this.errorSummary = page.getByRole('alert').filter({ hasText: '入力内容に誤りがあります' });
    this.table = page.getByRole('table', { name: '操作履歴一覧' });
    this.count = page.getByText(/^全[\d,]+件中 [\d,]+〜[\d,]+件を表示/);
    this.truncation = page.getByText(/^検索条件に該当する操作履歴が3,000件を超えたため、新しいものから3,000件を表示しています。/);
    this.empty = page.getByText('該当する操作履歴はありません。');
    this.pager = page.getByRole('navigation', { name: 'ページ' });
    this.dateHeader = this.table.getByRole('columnheader', { name: /^操作日時/ });
    this.sort = this.dateHeader.getByRole('button', { name: /^操作日時/ });
  }

  async goto(query = '') {
    await this.page.goto(`/admin/history${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: '操作履歴照会' })).toBeVisible();
  }

  /** 結果 */
  result(label: 'すべて' | '正常' | '異常') {
    return this.form.getByRole('group', { name: '結果' }).getByRole('radio', { name: label, exact: true });
  }

  /** The rows of the table (without its header). */
  rows() {
    return this.table.locator('tbody').getByRole('row');
  }

  /** The cells of one column, top to bottom. */
  column(name: HistoryColumn) {
    return this.rows().locator(`td:nth-child(${HISTORY_COLUMNS.indexOf(name) + 1})`);
  }

  /** One cell of a row (0 = top). */
  cell(row: number, name: HistoryColumn) {
    return this.rows().nth(row).getByRole('cell').nth(HISTORY_COLUMNS.indexOf(name));
  }

  pageLink(n: number) {
    return this.pager.getByRole('link', { name: `${n}ページ`, exact: true });
  }

  get previous() {
    return this.pager.getByRole('link', { name: '前へ', exact: true });
  }

  get next() {
    return this.pager.getByRole('link', { name: '次へ', exact: true });
  }

  /** The rows shown are `first`–`last` of `total`. */
  async expectShowing(total: number, first: number, last: number) {
    await expect(this.count).toContainText(rangeText(total, first, last));
    await expect(this.rows()).toHaveCount(last - first + 1);
  }

  /** The total of the search shown (from 「全n件中 …」). */
  async total() {
    const text = (await this.count.textContent()) ?? '';
    return Number(/^全([\d,]+)件中/.exec(text)?.[1].replaceAll(',', '') ?? NaN);
  }

  async expectFieldError(field: Locator, message: string) {
    await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }
}
