import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from './env';

/**
 * The Content Security Policy violation reports the stand-in backend received during this
 * run: `POST /api/csp-report` (the CSP's `report-uri`, and `report-to` through the
 * `Reporting-Endpoints` header) appends each one to this file as one JSON line
 * `{"content_type": …, "report": …}`. `stub-server reset` (run before every end-to-end run)
 * deletes it. Any line fails the run: the test during which it arrived (see `fixtures.ts`)
 * and, for a report that arrived after its test, `global-teardown.ts`.
 */
export const CSP_REPORTS = path.join(DATA_DIR, 'csp-reports.log');

/** The report lines received so far (none when the file does not exist). */
export function cspReportLines(): string[] {
  let text: string;
  try {
    text = fs.readFileSync(CSP_REPORTS, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return text.split('\n').filter((l) => l.trim() !== '');
}

/** The essentials of one report line, whichever of the two formats the browser used. */
export interface CspReport {
  /** `application/csp-report` (`report-uri`) or `application/reports+json` (`report-to`). */
  contentType: string;
  /** The directive that was broken, e.g. `img-src`, `script-src-elem`. */
  directive: string;
  /** What was blocked: a URL, or `inline`, `eval`. */
  blocked: string;
  /** The page (or worker) whose policy was broken. */
  document: string;
}

/** Read a report line in either format (`{"csp-report": {…}}` or the Reporting API's). */
export function parseCspReport(line: string): CspReport {
  const { content_type: contentType, report } = JSON.parse(line) as {
    content_type: string;
    report: Record<string, unknown>;
  };
  const legacy = report['csp-report'] as Record<string, string> | undefined;
  if (legacy) {
    return {
      contentType,
      directive: legacy['effective-directive'] ?? legacy['violated-directive'] ?? '',
      blocked: legacy['blocked-uri'] ?? '',
      document: legacy['document-uri'] ?? '',
    };
  }
  const body = (report.body ?? {}) as Record<string, string>;
  return {
    contentType,
    directive: body.effectiveDirective ?? '',
    blocked: body.blockedURL ?? '',
    document: body.documentURL ?? String(report.url ?? ''),
  };
}

/** One line of a failure message for a report line. */
export function describeCspReport(line: string): string {
  try {
    const r = parseCspReport(line);
    return `${r.directive} blocked ${r.blocked || '(nothing named)'} on ${r.document} (${r.contentType})`;
  } catch {
    return line;
  }
}

/** The reports that arrive from now on (see `cspReportWatch`). */
export interface CspReportWatch {
  /** The report lines received since the watch began. */
  arrived(): string[];
  /** The failure message listing them. */
  report(): string;
  /**
   * Remove from the backend's record the reports since the watch began that `expected`
   * accepts, so that a test that breaks the policy on purpose leaves the run's gate
   * clean. Any other report stays (and still fails the run).
   */
  discard(expected: (r: CspReport) => boolean): void;
}

/** Watch the backend's record of CSP reports from now on. */
export function cspReportWatch(): CspReportWatch {
  const before = cspReportLines().length;
  const arrived = () => cspReportLines().slice(before);
  return {
    arrived,
    report: () =>
      [
        'the backend received Content Security Policy violation reports during this test (a report can',
        'arrive just after the test that caused it: then it is listed with the next one):',
        ...arrived().map(describeCspReport),
      ].join('\n'),
    discard: (expected) => {
      const lines = cspReportLines();
      const kept = lines.slice(before).filter((l) => {
        try {
          return !expected(parseCspReport(l));
        } catch {
          return true;
        }
      });
      const rest = [...lines.slice(0, before), ...kept];
      fs.writeFileSync(CSP_REPORTS, rest.map((l) => `${l}\n`).join(''));
    },
  };
}
