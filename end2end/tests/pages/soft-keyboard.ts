import { expect, type Locator, type Page } from '@playwright/test';

/** The ソフトウェアキーボード of one password field. */
export class SoftKeyboard {
  readonly toggle: Locator;
  readonly panel: Locator;
  readonly lower: Locator;
  readonly upper: Locator;
  readonly fixedOrder: Locator;
  readonly deleteOne: Locator;
  readonly clearAll: Locator;
  readonly close: Locator;
  readonly characterKeys: Locator;

  constructor(readonly page: Page, fieldLabel: string) {
    this.toggle = page.getByRole('button', { name: `ソフトウェアキーボード（${fieldLabel}）`, exact: true });
    this.panel = page.getByRole('group', { name: `ソフトウェアキーボード（${fieldLabel}）` });
    this.lower = this.panel.getByRole('button', { name: '英小文字' });
    this.upper = this.panel.getByRole('button', { name: '英大文字' });
    this.fixedOrder = this.panel.getByRole('checkbox', { name: 'キー配列を固定' });
    this.deleteOne = this.panel.getByRole('button', { name: '1文字削除' });
    this.clearAll = this.panel.getByRole('button', { name: '全消去' });
    this.close = this.panel.getByRole('button', { name: '閉じる' });
    this.characterKeys = this.panel.getByRole('button', { name: /^(数字|小文字|大文字)の/ });
  }

  async open() {
    await this.toggle.click();
    await expect(this.panel).toBeVisible();
  }

  /** The accessible name of the key typing `c`. */
  static keyName(c: string) {
    if (/[0-9]/.test(c)) return `数字の${c}`;
    if (/[a-z]/.test(c)) return `小文字の${c}`;
    return `大文字の${c}`;
  }

  /** Type `text` by clicking keys only. */
  async type(text: string) {
    for (const c of text) {
      if (/[A-Z]/.test(c)) await this.upper.click();
      if (/[a-z]/.test(c)) await this.lower.click();
      await this.panel.getByRole('button', { name: SoftKeyboard.keyName(c), exact: true }).click();
    }
  }

  /** The characters of the keys in display order. */
  async order() {
    return (await this.characterKeys.allTextContents()).join('');
  }
}
