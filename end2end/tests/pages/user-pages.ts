import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_CONFIRM_PASSWORD } from '../env';

/** A required text field by its visible label (the label ends with 「必須」). */
export function requiredField(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}\\s*必須$`));
}

/** [BRSK005] 利用者一覧 */
export class UserListPage {
  readonly table: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: '利用者一覧' });
    this.alert = page.getByRole('alert');
  }

  async goto() {
    await this.page.goto('/admin/users/list');
    await expect(this.table).toBeVisible();
  }

  row(loginId: string) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: loginId, exact: true }) });
  }

  radio(loginId: string) {
    return this.table.getByRole('radio', { name: new RegExp(`^${loginId} `) });
  }

  button(name: '新規登録' | '照会' | '変更' | '削除' | '再表示') {
    return this.page.getByRole('button', { name, exact: true });
  }

  async open(action: '照会' | '変更' | '削除', loginId: string) {
    await this.radio(loginId).check();
    await this.button(action).click();
  }
}

/** The data of step 1. */
export interface Basics {
  loginId: string;
  password: string;
  confirmPassword: string;
  name: string;
  email: string;
  admin?: boolean;
}

/** 利用者登録 / 利用者変更 [BRSK006–BRSK015]: the steps of the wizard. */
export class UserWizard {
  readonly next: Locator;
  readonly back: Locator;
  readonly execute: Locator;
  readonly errorSummary: Locator;

  constructor(readonly page: Page) {
    this.next = page.getByRole('button', { name: '次へ', exact: true });
    this.back = page.getByRole('link', { name: '戻る', exact: true });
    this.execute = page.getByRole('button', { name: /^(実行|処理中…)$/ });
    this.errorSummary = page.getByRole('alert').filter({ hasText: '入力内容に誤りがあります' });
  }

  field(label: string) {
    return requiredField(this.page, label);
  }

  /**
   * 「次へ」, then waits until the next step's screen is shown. A step's screen may still be
   * fetching its part of the app when the click returns (the previous step stays on screen
   * meanwhile), so a second 「次へ」 right away would press the previous step's button again.
   */
  async nextStep() {
    // The title bar follows the URL at once, before the step's own view is in place: wait
    // until this step's button itself is gone.
    const button = await this.next.elementHandle();
    await this.next.click();
    await button?.waitForElementState('hidden');
  }

  group(name: string) {
    return this.page.getByRole('group', { name, exact: true });
  }

  /** The error shown under a field (its accessible description). */
  async expectFieldError(label: string, message: string) {
    await expect(this.field(label)).toHaveAttribute('aria-invalid', 'true');
    await expect(this.field(label)).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }

  async fillBasics(b: Basics) {
    await this.field('ログインID').fill(b.loginId);
    await this.field('ログインID（確認のため再入力）').fill(b.loginId);
    await this.group('ログインパスワード').getByLabel(/^ログインパスワード\s*必須$/).fill(b.password);
    await this.field('ログインパスワード（確認のため再入力）').fill(b.password);
    await this.group('確認用パスワード').getByLabel(/^確認用パスワード\s*必須$/).fill(b.confirmPassword);
    await this.field('確認用パスワード（確認のため再入力）').fill(b.confirmPassword);
    await this.field('利用者名').fill(b.name);
    await this.field('メールアドレス').fill(b.email);
    await this.field('メールアドレス（確認のため再入力）').fill(b.email);
    await this.page.getByRole('radio', { name: b.admin ? '付与する' : '付与しない' }).check();
  }

  right(group: string, right: string) {
    return this.group(group).getByRole('checkbox', { name: right, exact: true });
  }

  account(label: RegExp) {
    return this.page.getByRole('group', { name: '利用可能口座' }).getByRole('checkbox', { name: label });
  }

  limit(business: string) {
    return this.field(`利用者一回当たり限度額（${business}）`);
  }

  /** The 確認 screen's operator password. */
  get operatorPassword() {
    return requiredField(this.page, '確認用パスワード');
  }

  async executeWith(password = DEMO_CONFIRM_PASSWORD) {
    await this.operatorPassword.fill(password);
    await this.execute.click();
  }

  /** A row of the summary tables (確認 / 結果 / 照会). */
  summaryRow(section: string, label: string) {
    return this.page
      .getByRole('region', { name: section })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
  }
}

/** Register a user through every step (the data of a later journey). */
export async function registerThroughWizard(page: Page, b: Basics) {
  const list = new UserListPage(page);
  const wizard = new UserWizard(page);
  await list.goto();
  await list.button('新規登録').click();
  await wizard.fillBasics(b);
  await wizard.next.click();
  await wizard.right('照会', '残高照会').check();
  await wizard.next.click();
  await wizard.account(/^本店営業部\(001\) 普通 1234567/).check();
  for (const business of ['振込振替', '総合振込', '給与振込', '賞与振込']) {
    await wizard.limit(business).fill('100000');
  }
  await wizard.next.click();
  await wizard.executeWith();
  await expect(page.getByText('以下の内容で利用者登録が完了しました。')).toBeVisible();
}
