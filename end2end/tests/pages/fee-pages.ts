import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_CONFIRM_PASSWORD } from '../env';
import { requiredField } from './user-pages';

/** 手数料の変更 (input → 確認 → 結果) and 照会 of one of the three fee tables. */
export class FeePages {
  readonly change: Locator;
  readonly execute: Locator;
  readonly errorSummary: Locator;
  readonly useStandard: Locator;
  readonly loadStandard: Locator;
  readonly addBand: Locator;

  constructor(readonly page: Page) {
    this.change = page.getByRole('button', { name: '変更', exact: true });
    this.execute = page.getByRole('button', { name: /^(実行|処理中…)$/ });
    this.errorSummary = page.getByRole('alert').filter({ hasText: '入力内容に誤りがあります' });
    this.useStandard = page.getByRole('checkbox', { name: '使用する(常に最新の基準手数料を使用する)' });
    this.loadStandard = page.getByRole('button', { name: '手数料を読み込む' });
    this.addBand = page.getByRole('button', { name: '範囲を追加' });
  }

  /** A cell input of the band table, by its label (e.g. 「手数料（3行目・他行宛）」). */
  input(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  fee(row: number, pattern: '当店宛' | '本支店宛' | '他行宛') {
    return this.input(`手数料（${row}行目・${pattern}）`);
  }

  bound(range: '支払金額範囲' | '振込金額範囲', row: number, end: '下限' | '上限') {
    return this.input(`${range}（${row}行目）の${end}`);
  }

  /** 適用最低支払金額 (先方負担 only). */
  get minimum() {
    return requiredField(this.page, '適用最低支払金額');
  }

  get operatorPassword() {
    return requiredField(this.page, '確認用パスワード');
  }

  async executeWith(password = DEMO_CONFIRM_PASSWORD) {
    await this.operatorPassword.fill(password);
    await this.execute.click();
  }

  /** A row of the summary's fee table, by its amount range. */
  bandRow(range: string) {
    return this.page
      .getByRole('region', { name: '振込パターンごとの手数料' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${range}`) }) });
  }

  settingRow(label: string) {
    return this.page
      .getByRole('region', { name: '手数料の設定' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
  }

  changedValues() {
    return this.page.getByRole('main').getByText(/^変更前：/);
  }
}
