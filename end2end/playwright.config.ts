import { defineConfig } from '@playwright/test';
import { BASE_URL, DATA_DIR, LARGE_DATA_DIR, LARGE_URL, STUB_SERVER } from './tests/env';

/**
 * User journeys against the release build (../dist) served by the stand-in backend in
 * HTTPS mode with client-certificate verification, in Debian's Chromium.
 * The demo data is reset before the run; each journey uses its own demo users.
 */
export default defineConfig({
  testDir: './tests',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // Fails the run on any CSP violation report the backend received (tests/csp-reports.ts).
  globalTeardown: './tests/global-teardown.ts',
  use: {
    baseURL: BASE_URL,
    ignoreHTTPSErrors: true,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Deliver the Reporting API's reports (the CSP's report-to) within ~100 ms instead
        // of batching them for up to a minute, so a CSP violation report reaches the backend
        // during the test that caused it (tests/csp-reports.ts).
        '--short-reporting-delay',
      ],
    },
  },
  webServer: [
    {
      command: `${STUB_SERVER} --data ${DATA_DIR} reset && ${STUB_SERVER} --data ${DATA_DIR} serve --https 127.0.0.1:8443 --dist ../dist`,
      url: `${BASE_URL}/api/auth/context`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The large company (tests/env.ts LARGE_URL): 利用者一覧 of more than one page.
      command: `${STUB_SERVER} --data ${LARGE_DATA_DIR} reset --bench-users 60 && ${STUB_SERVER} --data ${LARGE_DATA_DIR} serve --https 127.0.0.1:8444 --dist ../dist`,
      url: `${LARGE_URL}/api/auth/context`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
