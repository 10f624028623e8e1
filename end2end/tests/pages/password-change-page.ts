import { type Locator, type Page } from '@playwright/test';

/** [BRSK002] パスワード変更 */
export class PasswordChangePage {
  readonly changeLogin: Locator;
  readonly changeConfirm: Locator;
  readonly current: Locator;
  readonly newPassword: Locator;
  readonly newAgain: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    const login = page.getByRole('group', { name: 'ログインパスワード' });
    this.changeLogin = login.getByRole('checkbox', { name: '変更する' });
    this.changeConfirm = page.getByRole('group', { name: '確認用パスワード' }).getByRole('checkbox', { name: '変更する' });
    this.current = page.getByLabel(/^現在のログインパスワード/);
    this.newPassword = page.getByLabel(/^新しいログインパスワード\s*必須$/);
    this.newAgain = page.getByLabel(/^新しいログインパスワード（確認のため再入力）/);
    this.submit = page.getByRole('button', { name: '変更', exact: true });
  }

  async changeLoginPassword(current: string, next: string, again = next) {
    await this.current.fill(current);
    await this.newPassword.fill(next);
    await this.newAgain.fill(again);
    await this.submit.click();
  }
}
