import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_CONFIRM_PASSWORD } from '../env';
import { requiredField } from './user-pages';

/**
 * 企業管理: 企業情報変更 [BKGK001] → 確認 [BKGK002] → 結果 [BKGK003], and the 照会.
 * Fields are found as a user finds them: by section (group) and label.
 */
export class CompanyPages {
  readonly change: Locator;
  readonly execute: Locator;
  readonly errorSummary: Locator;

  constructor(readonly page: Page) {
    this.change = page.getByRole('button', { name: '変更', exact: true });
    this.execute = page.getByRole('button', { name: /^(実行|処理中…)$/ });
    this.errorSummary = page.getByRole('alert').filter({ hasText: '入力内容に誤りがあります' });
  }

  async gotoEdit() {
    await this.page.goto('/admin/company/info/edit');
    await expect(this.field('企業名')).toBeVisible();
  }

  field(label: string, scope: Page | Locator = this.page) {
    return requiredField(scope, label);
  }

  /** 承認機能の利用有無 of one business. */
  approval(business: string, mode: string) {
    return this.page.getByRole('group', { name: business, exact: true }).getByRole('radio', { name: mode, exact: true });
  }

  /** 口座一日当たりの限度額 of one account (its group is named by the account). */
  accountLimit(account: RegExp, kind: '振込振替(合計)' | '振込振替(都度指定)' | '振込振替(事前登録)') {
    return this.field(kind, this.page.getByRole('group', { name: account }));
  }

  /** 企業一日当たりの限度額 of one business. */
  dailyLimit(business: string) {
    return this.field(business, this.page.getByRole('group', { name: '企業一日当たりの限度額' }));
  }

  async expectFieldError(field: Locator, message: string) {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }

  get operatorPassword() {
    return requiredField(this.page, '確認用パスワード');
  }

  async executeWith(password = DEMO_CONFIRM_PASSWORD) {
    await this.operatorPassword.fill(password);
    await this.execute.click();
  }

  /** A row of a summary section (確認 / 結果 / 照会), by its row header. */
  summaryRow(section: string, label: string | RegExp) {
    return this.page
      .getByRole('region', { name: section })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: label, exact: typeof label === 'string' }) });
  }

  /** Every value marked as changed on the screen (the word 「変更」 with its old value). */
  changedValues() {
    return this.page.getByRole('main').getByText(/^変更前：/);
  }
}
