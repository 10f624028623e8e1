import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const SIZES = ['小', '中', '大'] as const;

/** Zero axe-core violations (WCAG 2.x A and AA) on this screen at every 文字サイズ. */
export async function expectAccessibleAtEverySize(page: Page, screen: string) {
  for (const size of SIZES) {
    await page.getByRole('group', { name: '文字サイズ' }).getByRole('button', { name: size, exact: true }).click();
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(found, `${screen} at 文字サイズ ${size}`).toEqual([]);
  }
}
