import { type Page } from '@playwright/test';

/** [BSSK001] 業務選択 and [BRSK001] 作業内容選択: lists of large links. */
export class MenuPage {
  constructor(readonly page: Page) {}

  entry(name: string) {
    return this.page.getByRole('main').getByRole('link', { name: new RegExp(`^${name}`) });
  }

  entries() {
    return this.page.getByRole('main').getByRole('listitem').getByRole('link');
  }
}
