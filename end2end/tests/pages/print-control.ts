import { expect, type Locator, type Page } from '@playwright/test';

/** What the pre-opened tab says while the PDF is being made. */
export const TAB_WAITING = '印刷用PDFファイルを作成しています。しばらくお待ちください。';
/** The stage texts beside 「作成状況」. */
export const STAGE = {
  fetching: '印刷する内容を取得しています。',
  font: 'フォントを読み込んでいます。',
} as const;
/** The failure notice's messages. */
export const FAILURE = {
  heading: '印刷用PDFファイルを作成できませんでした',
  font: 'PDFファイルに使う文字（フォント）を読み込めませんでした。通信状態をご確認のうえ、もう一度「印刷」を押してください。',
  worker: 'PDFファイルの作成中にエラーが発生しました。もう一度「印刷」を押してください。',
} as const;

const DONE = /^印刷用PDFファイル（(\d+)ページ）を作成しました。$/;

/**
 * 「印刷」 on a result screen or 操作履歴照会: the button, its hint, the status region
 * beside it (作成状況, the finished PDF's link) and the failure notice. Found as a user
 * finds them: by role, name and text.
 */
export class PrintControl {
  readonly button: Locator;
  /** 「印刷用PDFファイルを作成しています。」 while working. */
  readonly working: Locator;
  /** The `<progress>` labelled 「作成状況」. */
  readonly progress: Locator;
  /** 「印刷用PDFファイル（nページ）を作成しました。」 */
  readonly done: Locator;
  readonly openLink: Locator;
  readonly tabNotOpened: Locator;
  readonly failure: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('button', { name: '印刷', exact: true });
    this.working = page.getByRole('status').getByText('印刷用PDFファイルを作成しています。', { exact: true });
    this.progress = page.getByRole('progressbar', { name: '作成状況' });
    this.done = page.getByRole('status').getByText(DONE);
    this.openLink = page.getByRole('status').getByRole('link', { name: '印刷用PDFファイルを開く', exact: true });
    this.tabNotOpened = page.getByText('新しいタブを開けませんでした。「印刷用PDFファイルを開く」からご覧ください。');
    this.failure = page.getByRole('alert').filter({ hasText: FAILURE.heading });
  }

  /** The stage text shown beside 「作成状況」. */
  stage(text: string | RegExp) {
    return this.page.getByRole('status').getByText(text, { exact: typeof text === 'string' });
  }

  /** The button as it is before any printing: enabled, with its hint. */
  async expectReady() {
    await expect(this.button).toBeEnabled();
    await expect(this.button).toHaveAccessibleDescription('印刷用PDFファイルを新しいタブで表示します。');
  }

  /** Click 「印刷」 and return the tab it opens (already showing the waiting message or the PDF). */
  async clickAndCatchTab() {
    const popup = this.page.waitForEvent('popup');
    await this.button.click();
    return popup;
  }

  /** The page count of the finished PDF, from 「印刷用PDFファイル（nページ）を作成しました。」. */
  async donePages() {
    await expect(this.done).toBeVisible({ timeout: 60_000 });
    const text = (await this.done.textContent()) ?? '';
    return Number(DONE.exec(text)?.[1] ?? NaN);
  }
}
