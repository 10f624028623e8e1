import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const SIZES = ['小', '中', '大'] as const;

/** The rules checked: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Zero axe-core violations (WCAG 2.2 A and AA) on the page as it is now. */
export async function expectNoAxeViolations(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, what).toEqual([]);
}

/** Zero axe-core violations (WCAG 2.2 A and AA) on this screen at every 文字サイズ. */
export async function expectAccessibleAtEverySize(page: Page, screen: string) {
  for (const size of SIZES) {
    await page.getByRole('group', { name: '文字サイズ' }).getByRole('button', { name: size, exact: true }).click();
    await expectNoAxeViolations(page, `${screen} at 文字サイズ ${size}`);
  }
}
