import { expect, type Locator, type Page } from '@playwright/test';

/** The frame of every screen after login: header, global menu, title bar. */
export class AppFrame {
  readonly title: Locator;
  readonly logout: Locator;
  readonly menu: Locator;
  readonly clock: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole('heading', { level: 1 });
    this.logout = page.getByRole('button', { name: 'ログアウト' });
    this.menu = page.getByRole('navigation', { name: 'グローバルメニュー' });
    this.clock = page.locator('header').getByText(/^\d{4}年\d{2}月\d{2}日 \d{2}時\d{2}分\d{2}秒$/);
  }

  menuLink(name: 'ホーム' | '管理') {
    return this.menu.getByRole('link', { name, exact: true });
  }

  textSize(label: '小' | '中' | '大') {
    return this.page.getByRole('group', { name: '文字サイズ' }).getByRole('button', { name: label, exact: true });
  }

  userName(name: string) {
    return this.page.locator('header').getByText(`${name} 様`, { exact: true });
  }

  /** The title bar shows this title and screen ID. */
  async expectScreen(title: string, screenId: string) {
    await expect(this.title).toHaveText(title);
    await expect(this.page.getByText(`画面ID ${screenId}`, { exact: true })).toBeVisible();
  }
}
