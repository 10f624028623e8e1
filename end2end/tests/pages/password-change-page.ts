import { type Locator, type Page } from '@playwright/test';

/** [BRSK002] パスワード変更 */
export class PasswordChangePage {
  readonly changeLogin: Locator;
  readonly changeConfirm: Locator;
  readonly current: Locator;
  readonly newPassword: Locator;
  readonly newAgain: Locator;
  readonly submit: Locator;
  readonly currentConfirm: Locator;
  readonly newConfirm: Locator;
  readonly newConfirmAgain: Locator;
  readonly errorSummary: Locator;

  constructor(readonly page: Page) {
    const login = page.getByRole('group', { name: 'ログインパスワード' });
    this.changeLogin = login.getByRole('checkbox', { name: '変更する' });
    this.changeConfirm = page.getByRole('group', { name: '確認用パスワード' }).getByRole('checkbox', { name: '変更する' });
    this.current = page.getByLabel(/^現在のログインパスワード/);
    this.newPassword = page.getByLabel(/^新しいログインパスワード\s*必須$/);
    this.newAgain = page.getByLabel(/^新しいログインパスワード（確認のため再入力）/);
    this.submit = page.getByRole('button', { name: '変更', exact: true });
    this.currentConfirm = page.getByLabel(/^現在の確認用パスワード/);
    this.newConfirm = page.getByLabel(/^新しい確認用パスワード\s*必須$/);
    this.newConfirmAgain = page.getByLabel(/^新しい確認用パスワード（確認のため再入力）/);
    this.errorSummary = page.getByRole('alert').filter({ hasText: '入力内容に誤りがあります' });
  }

  /** Fill the 確認用パスワード part (its 「変更する」 must be checked). */
  async fillConfirmPassword(current: string, next: string, again = next) {
    await this.currentConfirm.fill(current);
    await this.newConfirm.fill(next);
    await this.newConfirmAgain.fill(again);
  }

  async changeLoginPassword(current: string, next: string, again = next) {
    await this.current.fill(current);
    await this.newPassword.fill(next);
    await this.newAgain.fill(again);
    await this.submit.click();
  }
}
