import { CSP_REPORTS, cspReportLines, describeCspReport } from './csp-reports';

/**
 * After the whole run: fail it if the stand-in backend received any Content Security Policy
 * violation report (the rule: zero violations during the end-to-end suite). Each test already
 * fails on the reports that arrived during it (`fixtures.ts`); this catches one that arrived
 * after the last test that could notice it.
 */
export default function globalTeardown() {
  const lines = cspReportLines();
  if (lines.length > 0) {
    throw new Error(
      [
        `the stand-in backend received ${lines.length} Content Security Policy violation report(s) during the run (${CSP_REPORTS}):`,
        ...lines.map(describeCspReport),
      ].join('\n'),
    );
  }
}
