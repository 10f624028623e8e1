import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../env';

/** [BLGI001] ログイン */
export class LoginPage {
  readonly heading: Locator;
  readonly loginId: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly alert: Locator;
  readonly errorSummary: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'ログイン' });
    this.loginId = page.getByLabel('ログインID');
    this.password = page.getByLabel(/^ログインパスワード/);
    this.submit = page.getByRole('button', { name: 'ログイン', exact: true });
    this.alert = page.getByRole('alert');
    this.errorSummary = page.getByRole('alert').filter({ hasText: '入力内容に誤りがあります' });
  }

  async goto(path = '/login') {
    await this.page.goto(path);
    await expect(this.heading).toBeVisible();
  }

  /** Log in with the password only (certificate users). */
  async withCertificate(password = DEMO_PASSWORD) {
    await expect(this.loginId).toHaveCount(0);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Log in with login ID and password. */
  async withId(loginId: string, password = DEMO_PASSWORD) {
    await this.loginId.fill(loginId);
    await this.password.fill(password);
    await this.submit.click();
  }
}
