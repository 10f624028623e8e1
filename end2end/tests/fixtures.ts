import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { cspReportWatch } from './csp-reports';
import { AppFrame } from './pages/app-frame';
import { LoginPage } from './pages/login-page';

/**
 * What fails a test when a page logs it: a Rust panic (console_error_panic_hook), a trap of
 * the wasm module, a broken Content Security Policy. Everything else on the console is
 * noise for this purpose, notably Chrome's 「Failed to load resource: the server responded
 * with a status of 4xx/5xx」 and 「net::ERR_…」 lines for answers a test provokes or injects.
 */
const FATAL_CONSOLE = /panicked|RuntimeError|unreachable|Content Security Policy|Refused to/;

/** Marks the console line the init script writes for an unhandled promise rejection. */
const UNHANDLED = '[unhandledrejection]';

/**
 * Reports unhandled promise rejections on the console (Chromium does not always raise
 * them as page errors). Runs before the app's scripts; the CSP does not apply to it.
 */
function reportUnhandledRejections(marker: string) {
  window.addEventListener('unhandledrejection', (e) => {
    const r: unknown = e.reason;
    const text = r instanceof Error ? `${r.name}: ${r.message}` : String(r);
    console.error(`${marker} ${text}`);
  });
}

/** One line of a page's console or error output, for the failure message. */
function line(where: string, kind: string, text: string) {
  return `[${where}] ${kind}: ${text}`;
}

/** What the pages of a browser context logged (see `watchPages`). */
export interface PageWatch {
  /** Panics, uncaught errors, unhandled rejections, CSP violations: each fails the test. */
  problems: string[];
  /** Other console errors and warnings (context for a failure; not failures). */
  log: string[];
  /** Stop watching new tabs. */
  stop(): void;
  /** The failure message listing what was logged. */
  report(): string;
}

/**
 * Watch `page` and every page later opened in its browser context (tabs such as 「印刷」)
 * for uncaught errors, unhandled promise rejections, panics and CSP violations.
 */
export async function watchPages(page: Page): Promise<PageWatch> {
  const problems: string[] = [];
  const log: string[] = [];
  let tabs = 0;
  const watch = (p: Page, where: string) => {
    p.on('pageerror', (e) => problems.push(line(where, 'uncaught', `${e.name}: ${e.message}`)));
    p.on('console', (m: ConsoleMessage) => {
      const text = m.text();
      const type = m.type();
      if (type === 'error' && text.startsWith(UNHANDLED)) {
        problems.push(line(where, 'unhandled rejection', text.slice(UNHANDLED.length).trim()));
      } else if (type === 'error' && FATAL_CONSOLE.test(text)) {
        problems.push(line(where, 'console', text));
      } else if (type === 'error' || type === 'warning') {
        log.push(line(where, type, text));
      }
    });
  };
  const context = page.context();
  await context.addInitScript(reportUnhandledRejections, UNHANDLED);
  watch(page, 'page');
  const onTab = (p: Page) => {
    if (p !== page) watch(p, `tab ${++tabs}`);
  };
  context.on('page', onTab);
  return {
    problems,
    log,
    stop: () => context.off('page', onTab),
    report: () =>
      [
        'a page of this test logged errors:',
        ...problems,
        ...(log.length > 0 ? ['other console errors and warnings (not failures by themselves):', ...log] : []),
      ].join('\n'),
  };
}

/**
 * The test with page objects, failing any test in which a page of its browser context (the
 * test's page, and tabs it opened, e.g. 「印刷」) threw an uncaught error, left a promise
 * rejection unhandled, panicked, or broke the Content Security Policy. The failure lists
 * what was logged: the problems, then the pages' other console errors and warnings. It also
 * fails when the stand-in backend received a CSP violation report during the test
 * (`csp-reports.ts`; the browser's report, also from places the console does not show).
 */
export const test = base.extend<{ loginPage: LoginPage; frame: AppFrame }>({
  page: async ({ page }, use) => {
    const watch = await watchPages(page);
    const reports = cspReportWatch();
    await use(page);
    watch.stop();
    expect(watch.problems, watch.report()).toEqual([]);
    expect(reports.arrived(), reports.report()).toEqual([]);
  },
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  frame: async ({ page }, use) => use(new AppFrame(page)),
});

export { expect };
