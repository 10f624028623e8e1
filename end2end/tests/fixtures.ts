import { test as base, expect } from '@playwright/test';
import { AppFrame } from './pages/app-frame';
import { LoginPage } from './pages/login-page';

/**
 * The test with page objects, failing any test whose page threw, panicked, or broke
 * the Content Security Policy.
 */
export const test = base.extend<{ loginPage: LoginPage; frame: AppFrame }>({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    page.on('console', (m) => {
      const text = m.text();
      if (m.type() === 'error' && /panicked|RuntimeError|unreachable|Content Security Policy|Refused to/.test(text)) {
        problems.push(`console: ${text}`);
      }
    });
    await use(page);
    expect(problems, 'the page logged errors').toEqual([]);
  },
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  frame: async ({ page }, use) => use(new AppFrame(page)),
});

export { expect };
