import { execFileSync } from 'node:child_process';
import { expect, type Locator, type Page } from '@playwright/test';
import { DATA_DIR, STUB_SERVER } from '../env';

/** As the bank's 証明書発行アプリ would: issue the user's new client certificate. */
export function issueCertificate(loginId: string) {
  execFileSync(STUB_SERVER, ['--data', DATA_DIR, 'issue-certificate', loginId], { stdio: 'pipe' });
}

/** [BRSK018] 証明書失効 利用者一覧 */
export class CertificateListPage {
  readonly table: Locator;
  readonly revoke: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: '証明書失効 利用者一覧' });
    this.revoke = page.getByRole('button', { name: '失効', exact: true });
  }

  async goto() {
    await this.page.goto('/admin/users/certificates');
    await expect(this.table).toBeVisible();
  }

  radio(loginId: string) {
    return this.table.getByRole('radio', { name: new RegExp(`^${loginId} `) });
  }

  row(loginId: string) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: loginId, exact: true }) });
  }
}
