import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_CONFIRM_PASSWORD } from '../env';
import { requiredField } from './user-pages';

/** A task of 作業内容選択 run by the status screens: its title, URL segment and screen IDs. */
export interface StatusTask {
  title: string;
  slug: string;
  /** List, confirmation, result. */
  ids: [string, string, string];
}

export const TASKS = {
  service: { title: '利用者停止・解除', slug: 'service', ids: ['BRSK016', 'BRSK017', 'BRSK024'] },
  otpUnlock: { title: 'ワンタイムパスワードの利用停止解除', slug: 'otp-unlock', ids: ['BRSK031', 'BRSK032', 'BRSK033'] },
  otpRevoke: { title: 'ワンタイムパスワードのトークン失効', slug: 'otp-revoke', ids: ['BRSK034', 'BRSK035', 'BRSK036'] },
  transactionUnlock: { title: 'トランザクション認証の利用停止解除', slug: 'transaction-unlock', ids: ['BRSK041', 'BRSK042', 'BRSK043'] },
  transactionRevoke: { title: 'トランザクション認証のトークン失効', slug: 'transaction-revoke', ids: ['BRSK044', 'BRSK045', 'BRSK046'] },
  riskUnlock: { title: '追加認証（リスクベース認証）の利用停止解除', slug: 'risk-unlock', ids: ['BRSK051', 'BRSK052', 'BRSK053'] },
  riskReset: { title: '追加認証（リスクベース認証）の回答リセット', slug: 'risk-reset', ids: ['BRSK054', 'BRSK055', 'BRSK056'] },
} satisfies Record<string, StatusTask>;

function rowOf(page: Page, table: Locator, loginId: string) {
  return table.getByRole('row').filter({ has: page.getByRole('cell', { name: loginId, exact: true }) });
}

/** The list of a task ([BRSK016] 利用者停止・解除, [BRSK031] …). */
export class StatusListPage {
  readonly table: Locator;
  readonly errorSummary: Locator;
  readonly selectAll: Locator;
  readonly selectNone: Locator;
  readonly back: Locator;

  constructor(readonly page: Page, readonly task: StatusTask) {
    this.table = page.getByRole('table', { name: `${task.title} 利用者一覧` });
    this.errorSummary = page.getByRole('alert').filter({ hasText: '入力内容に誤りがあります' });
    this.selectAll = page.getByRole('button', { name: '全選択', exact: true });
    this.selectNone = page.getByRole('button', { name: '全解除', exact: true });
    this.back = page.getByRole('link', { name: '戻る', exact: true });
  }

  async goto() {
    await this.page.goto(`/admin/users/status/${this.task.slug}`);
    await expect(this.table).toBeVisible();
  }

  checkbox(loginId: string) {
    return this.table.getByRole('checkbox', { name: new RegExp(`^${loginId} `) });
  }

  row(loginId: string) {
    return rowOf(this.page, this.table, loginId);
  }

  /** An action button (「停止」「解除」「利用停止解除」「トークン失効」「回答リセット」). */
  action(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }
}

/** The confirmation of a task ([BRSK017] …). */
export class StatusConfirmPage {
  readonly table: Locator;
  readonly execute: Locator;
  readonly back: Locator;
  readonly errorSummary: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: /の対象利用者$/ });
    this.execute = page.getByRole('button', { name: /^(実行|処理中…)$/ });
    this.back = page.getByRole('link', { name: '戻る', exact: true });
    this.errorSummary = page.getByRole('alert').filter({ hasText: '入力内容に誤りがあります' });
  }

  get operatorPassword() {
    return requiredField(this.page, '確認用パスワード');
  }

  row(loginId: string) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: loginId, exact: true }) });
  }

  async executeWith(password = DEMO_CONFIRM_PASSWORD) {
    await this.operatorPassword.fill(password);
    await this.execute.click();
  }
}

/** The result of a task ([BRSK024] …). */
export class StatusDonePage {
  readonly table: Locator;
  readonly tasksLink: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: /の結果$/ });
    this.tasksLink = page.getByRole('link', { name: '作業内容選択へ', exact: true });
  }

  row(loginId: string) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: loginId, exact: true }) });
  }
}
