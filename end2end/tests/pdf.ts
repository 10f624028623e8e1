import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { PrintControl } from './pages/print-control';

/** `pdfinfo`'s page size of an A4 page, upright and on its side (points). */
export const A4_PORTRAIT = '595.28 x 841.89';
export const A4_LANDSCAPE = '841.89 x 595.28';
/** Chromium's built-in PDF viewer (its frame shows in a tab that displays a PDF). */
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

/** A font as `pdffonts` lists it. */
export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** What poppler's tools read from a PDF file. */
export interface PdfFacts {
  file: string;
  pages: number;
  /** The size of every page, `595.28 x 841.89` (pdfinfo, points). */
  pageSizes: string[];
  /** The document title (pdfinfo `Title:`). */
  title: string;
  /** `pdftotext -layout` of the whole file. */
  text: string;
  /** The same, one entry per page. */
  pageTexts: string[];
  fonts: PdfFont[];
}

/** A PDF made by 「印刷」, with the tab it was shown in. */
export interface CapturedPdf extends PdfFacts {
  /** The tab 「印刷」 opened (now showing the PDF). */
  popup: Page;
  /** The PDF's `blob:` URL (the link 「印刷用PDFファイルを開く」). */
  url: string;
  /** n of 「印刷用PDFファイル（nページ）を作成しました。」. */
  donePages: number;
}

function run(tool: string, args: string[]) {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Text without any white space (pdftotext's spacing of Japanese text varies). */
export function flat(text: string) {
  return text.replace(/\s+/g, '');
}

/** Read a PDF file with pdfinfo, pdftotext and pdffonts. */
export function inspectPdf(file: string): PdfFacts {
  expect(readFileSync(file).subarray(0, 5).toString('latin1'), `${file} is a PDF file`).toBe('%PDF-');
  const info = run('pdfinfo', ['-enc', 'UTF-8', file]);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(info)?.[1].trim() ?? '';
  const pages = Number(field('Pages'));
  const perPage = run('pdfinfo', ['-f', '1', '-l', String(pages), file]);
  const pageSizes = [...perPage.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+) pts/gm)].map((m) => m[1]);
  const text = run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
  // pdftotext ends every page with a form feed.
  const pageTexts = text.split('\f').slice(0, pages);
  const fonts = run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name, type (may contain spaces), encoding, emb, sub, uni, object number, generation.
      const t = line.trim().split(/\s+/);
      const [emb, sub, uni] = t.slice(-5, -2);
      return { name: t[0], type: t.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
    });
  return { file, pages, pageSizes, title: field('Title'), text, pageTexts, fonts };
}

/**
 * Click 「印刷」 on the current screen as a user does, and capture the PDF it makes: the new
 * tab opens at once and, once the status says 「印刷用PDFファイル（nページ）を作成しました。」,
 * shows the PDF (its `blob:` URL, in Chromium's PDF viewer). The bytes are saved the way a
 * user saves a link's target, Alt+click on 「印刷用PDFファイルを開く」 (a `fetch` of the
 * `blob:` URL inside the page is refused by the app's CSP, `connect-src 'self'`). The file
 * (`<name>.pdf`) and its page 1 (`<name>-page1.png`, 60 dpi) are attached to the test.
 */
export async function printAndCapture(page: Page, testInfo: TestInfo, name: string): Promise<CapturedPdf> {
  const print = new PrintControl(page);
  await print.expectReady();
  const popup = await print.clickAndCatchTab();
  const tabDownloads: string[] = [];
  popup.on('download', (d) => tabDownloads.push(d.url()));
  const donePages = await print.donePages();
  await expect(print.button).toBeEnabled();
  await expect(print.progress).toBeHidden();
  await expect(print.tabNotOpened).toBeHidden();
  await expect(print.openLink).toHaveAttribute('target', '_blank');
  const url = (await print.openLink.getAttribute('href')) ?? '';
  expect(url).toMatch(/^blob:https:\/\/127\.0\.0\.1:8443\/[0-9a-f-]{36}$/);

  // The tab shows the PDF in the browser's viewer (not a download).
  await expect(popup).toHaveURL(url);
  await expect
    .poll(() => popup.frames().some((f) => f.url().startsWith(PDF_VIEWER)), { message: 'the tab shows the PDF viewer' })
    .toBe(true);
  expect(tabDownloads, 'the tab did not download the PDF').toEqual([]);

  const download = page.waitForEvent('download');
  await print.openLink.click({ modifiers: ['Alt'] });
  const file = testInfo.outputPath(`${name}.pdf`);
  await (await download).saveAs(file);
  await testInfo.attach(`${name}.pdf`, { path: file, contentType: 'application/pdf' });
  const facts = inspectPdf(file);

  const png = testInfo.outputPath(`${name}-page1`);
  run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, png]);
  await testInfo.attach(`${name}-page1.png`, { path: `${png}.png`, contentType: 'image/png' });

  return { ...facts, popup, url, donePages };
}

/** What every printout carries. */
export interface PrintoutHeading {
  /** The screen title, e.g. 「利用者登録結果」. */
  title: string;
  screenId: string;
  /** 操作者 as printed: 「港　太郎（master01）」. */
  operator: string;
  orientation?: 'portrait' | 'landscape';
}

/**
 * The PDF is A4 (every page), as many pages as the status said, titled as the screen; every
 * page is headed by the bank, the title with the screen ID, 操作者 and 印刷日時, and ends with
 * 「n / N」; the text is in an embedded subset font with a Unicode map (selectable, searchable).
 */
export function expectPrintout(pdf: CapturedPdf, h: PrintoutHeading) {
  const size = h.orientation === 'landscape' ? A4_LANDSCAPE : A4_PORTRAIT;
  expect(pdf.pages).toBeGreaterThan(0);
  expect(pdf.pages, 'the page count the status gave').toBe(pdf.donePages);
  expect(pdf.pageSizes).toEqual(Array(pdf.pages).fill(size));
  expect(pdf.title).toBe(h.title);
  expect(pdf.pageTexts).toHaveLength(pdf.pages);
  pdf.pageTexts.forEach((text, i) => {
    const where = `page ${i + 1} of ${pdf.pages}`;
    const f = flat(text);
    expect(f, where).toContain('みなと銀行');
    expect(f, where).toContain(h.title);
    expect(f, where).toContain(h.screenId);
    expect(f, where).toContain(`操作者：${flat(h.operator)}`);
    expect(f, where).toMatch(/印刷日時：\d{4}年\d{2}月\d{2}日\d{2}時\d{2}分\d{2}秒/);
    // The footer is the page's last line (pdftotext may drop the narrow spaces around 「/」).
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    expect(flat(lines.at(-1) ?? ''), `${where}: the footer 「${i + 1} / ${pdf.pages}」`).toBe(`${i + 1}/${pdf.pages}`);
  });
  expect(pdf.fonts.length, 'fonts').toBeGreaterThan(0);
  for (const font of pdf.fonts) {
    expect(font, 'an embedded subset font with a Unicode map').toMatchObject({ embedded: true, subset: true, unicode: true });
    expect(font.name).toMatch(/^[A-Z]{6}\+BIZUDP/);
  }
}
