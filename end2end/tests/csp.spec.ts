import { test as ungated } from '@playwright/test';
import { cspReportWatch, parseCspReport, type CspReport } from './csp-reports';
import { expect, test, watchPages } from './fixtures';
import { LoginPage } from './pages/login-page';

/**
 * The Content Security Policy in the browser (README, "Security headers the bank's backend
 * must send"): the SPA starts under it (its loader is a file, /wasm/start.js, so no inline
 * script is allowed at all; the wasm and its lazily
 * loaded parts by 'wasm-unsafe-eval'), and the two gates that
 * fail the run on a violation really do — the page's console (`fixtures.ts`) and the reports
 * the browser sends to the stand-in backend (`csp-reports.ts`, `global-teardown.ts`).
 */

/** An image from an origin the policy does not allow. */
const FOREIGN_IMAGE = 'https://csp-gate.invalid/blocked.png';
/** Set by the injected inline script if it ever ran. */
const INLINE_MARK = 'cspGateInlineScriptRan';

test('the SPA starts under the policy and its headers, with no inline script allowed', async ({
  page,
  loginPage,
}) => {
  const answer = await page.goto('/login');
  const headers = answer?.headers() ?? {};
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'unsafe-eval'");
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", 'report-to csp-endpoint']) {
    expect(csp).toContain(directive);
  }
  expect(headers['reporting-endpoints']).toBe('csp-endpoint="/api/csp-report"');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cache-control']).toBe('no-store');
  // The wasm app rendered the login screen: the loader and the main module ran.
  await expect(loginPage.heading).toBeVisible();
  // The fixture then checks: no CSP message on the console, no report at the backend.
});

ungated('a violation is caught by both gates: the console and the report the backend receives', async ({ page }) => {
  const watch = await watchPages(page);
  const reports = cspReportWatch();
  await new LoginPage(page).goto();

  // page.evaluate itself is not subject to the policy, but what it adds to the page is.
  await page.evaluate(
    ([image, mark]) => {
      const img = document.createElement('img');
      img.src = image;
      img.alt = '';
      document.body.append(img);
      const script = document.createElement('script');
      script.textContent = `window.${mark} = true;`;
      document.body.append(script);
    },
    [FOREIGN_IMAGE, INLINE_MARK],
  );
  expect(await page.evaluate((mark) => (window as unknown as Record<string, unknown>)[mark] ?? 'blocked', INLINE_MARK)).toBe(
    'blocked',
  );

  const ours = (r: CspReport) =>
    (r.directive === 'img-src' && r.blocked === FOREIGN_IMAGE) || (r.directive === 'script-src-elem' && r.blocked === 'inline');
  // The browser reports both to the backend (report-to, or report-uri in browsers without it).
  await expect
    .poll(() =>
      reports
        .arrived()
        .map(parseCspReport)
        .filter(ours)
        .map((r) => r.directive)
        .sort(),
    )
    .toEqual(['img-src', 'script-src-elem']);
  // What fixtures.ts would have failed this test with: the console gate ...
  expect(watch.problems).toHaveLength(2);
  for (const problem of watch.problems) expect(problem).toContain('Content Security Policy');
  // ... and the report gate.
  expect(reports.arrived()).toHaveLength(2);
  expect(reports.report()).toContain(`img-src blocked ${FOREIGN_IMAGE}`);
  expect(reports.report()).toContain('script-src-elem blocked inline');

  // These two were on purpose: remove them, so the run's gate (global-teardown.ts) stays
  // clean; any other report stays and fails the run.
  watch.stop();
  reports.discard(ours);
  expect(reports.arrived()).toEqual([]);
});
