import { expect, request as apiRequest, type APIRequestContext, type Page, type Request, type Route } from '@playwright/test';
import { BASE_URL, DEMO_CONFIRM_PASSWORD, DEMO_PASSWORD } from '../env';

/**
 * Faults injected with Playwright's route interception in front of the real stand-in
 * backend (see README.md in this folder for which call gets which fault).
 */
export type FaultKind = '401' | '403' | '404' | '409' | '422' | '429' | '500' | '503' | 'timeout' | 'reset';

export const ALL_KINDS: FaultKind[] = ['401', '403', '404', '409', '422', '429', '500', '503', 'timeout', 'reset'];

/** One field error of a 422 body (contract/src/api.rs `FieldError`). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** How the answer looks: the contract's JSON ErrorBody, or a proxy's page without one. */
export type BodyStyle = 'json' | 'plain';

/** Retry-After of the injected 429 and 503 answers (seconds). */
export const RETRY_AFTER = { '429': 30, '503': 120 } as const;

/** The defined messages (src/api/error.rs `status_message` and `ApiError::message`). */
export const STATUS_TEXT = {
  '401': 'ログインしていないか、セッションが終了しました。再度ログインしてください。',
  '403': 'この操作を行う権限がありません。',
  '404': '指定された情報は見つかりませんでした。',
  '409': '他の操作と重なったため、処理できませんでした。最新の情報をご確認のうえ、やり直してください。',
  '422': '入力内容に誤りがあります。各項目のメッセージをご確認ください。',
  '429': 'アクセスが集中しています。しばらくしてから再度お試しください。',
  '500': 'システムエラーが発生しました。しばらくしてから再度お試しください。',
  '503': 'ただいまサービスを停止しています。しばらくしてから再度お試しください。',
  timeout: 'サーバーからの応答がありませんでした。しばらくしてから再度お試しください。入力内容は保持されています。',
  reset: 'サーバーと通信できませんでした。通信環境をご確認のうえ、再度お試しください。入力内容は保持されています。',
} as const;

const CODES: Record<string, string> = {
  '401': 'unauthenticated',
  '403': 'forbidden',
  '404': 'not_found',
  '409': 'conflict',
  '422': 'validation_failed',
  '429': 'rate_limited',
  '500': 'internal',
  '503': 'unavailable',
};

let references = 0;

/** A fault to inject. */
export interface Fault {
  kind: FaultKind;
  /** The answer's body (default json). */
  body?: BodyStyle;
  /** Field errors of a 422. */
  fieldErrors?: FieldError[];
}

/** What the screen must say for the fault (the message of ApiError::message). */
export function expectedMessage(kind: FaultKind, reference?: string): string {
  let m: string = STATUS_TEXT[kind];
  if (kind === '429' || kind === '503') {
    const secs = RETRY_AFTER[kind];
    const wait = secs < 60 ? `${secs}秒` : `${Math.ceil(secs / 60)}分`;
    m = m.replace('しばらくしてから再度お試しください。', `${wait}ほど待ってから、再度お試しください。`);
  }
  return reference ? `${m}（お問い合わせ番号：${reference}）` : m;
}

/** Whether the SPA offers 「再試行」 for a failed mutation (ApiError::is_retryable). */
export function isRetryable(kind: FaultKind) {
  return ['429', '500', '503', 'timeout', 'reset'].includes(kind);
}

/** An active injection: the requests it caught, and how to take it away. */
export interface Injection {
  fault: Fault;
  /** The reference ID the answers carried (500 only). */
  reference?: string;
  /** The requests answered with the fault. */
  caught: Request[];
  /** The message the screen must show. */
  message: string;
  /** Stop injecting (requests held for a timeout stay held; the SPA has given up on them). */
  remove(): Promise<void>;
}

/** Where to inject: the API path (exact, or a RegExp on path and query) and the method. */
export interface Target {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string | RegExp;
}

function matches(t: Target, url: URL) {
  const rest = url.pathname + url.search;
  return typeof t.path === 'string' ? url.pathname === t.path : t.path.test(rest);
}

/**
 * Answer every request to `target` with `fault` until removed. A timeout holds the request
 * unanswered: the test passes the SPA's 30 s limit with `page.clock` (installed before the
 * app loaded).
 */
export async function inject(page: Page, target: Target, fault: Fault): Promise<Injection> {
  const caught: Request[] = [];
  const reference = fault.kind === '500' ? `E2E-${Date.now().toString(36)}-${++references}`.toUpperCase() : undefined;
  const handler = async (route: Route) => {
    const req = route.request();
    if (req.method() !== target.method) return route.fallback();
    caught.push(req);
    if (fault.kind === 'timeout') return; // never answered
    if (fault.kind === 'reset') return route.abort('connectionreset');
    const status = Number(fault.kind);
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (fault.kind === '429' || fault.kind === '503') headers['Retry-After'] = String(RETRY_AFTER[fault.kind]);
    if (reference) headers['X-Reference-Id'] = reference;
    if ((fault.body ?? 'json') === 'plain') {
      return route.fulfill({ status, headers, contentType: 'text/html', body: `<html><body>${status}</body></html>` });
    }
    return route.fulfill({
      status,
      headers,
      contentType: 'application/json',
      body: JSON.stringify({
        status,
        code: CODES[fault.kind],
        message: STATUS_TEXT[fault.kind as keyof typeof STATUS_TEXT],
        field_errors: fault.fieldErrors ?? [],
        reference_id: reference ?? null,
      }),
    });
  };
  const predicate = (url: URL) => matches(target, url);
  await page.route(predicate, handler);
  return {
    fault,
    reference,
    caught,
    message: expectedMessage(fault.kind, reference),
    remove: () => page.unroute(predicate, handler),
  };
}

/** For a timeout: wait until the SPA has sent the held request, then pass its 30 s limit. */
export async function passTimeLimit(page: Page, injection: Injection) {
  if (injection.fault.kind !== 'timeout') return;
  await expect.poll(() => injection.caught.length, { message: 'the request is held' }).toBeGreaterThan(0);
  await page.clock.fastForward('00:31');
}

/** The Idempotency-Key header of a request. */
export function keyOf(r: Request) {
  return r.headers()['idempotency-key'];
}

/** Record every request to `target` (e.g. to compare the Idempotency-Key of a retry). */
export function recordRequests(page: Page, target: Target): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === target.method && matches(target, new URL(r.url()))) seen.push(r);
  });
  return seen;
}

/**
 * A session of the stand-in backend outside the browser (to prepare or restore demo data
 * the way the SPA would: CSRF token and Idempotency-Key on every change).
 */
export class ApiSession {
  private constructor(
    readonly api: APIRequestContext,
    private csrf: string,
  ) {}

  static async login(loginId: string, password = DEMO_PASSWORD) {
    const api = await apiRequest.newContext({ baseURL: BASE_URL, ignoreHTTPSErrors: true });
    const ctx = await (await api.get('/api/auth/context')).json();
    const s = await api.post('/api/session', {
      headers: { 'X-CSRF-Token': ctx.csrf_token, 'Idempotency-Key': crypto.randomUUID() },
      data: { login_id: loginId, password },
    });
    expect(s.status(), `API login of ${loginId}`).toBe(200);
    return new ApiSession(api, (await s.json()).csrf_token);
  }

  async get<T>(path: string): Promise<T> {
    const r = await this.api.get(path);
    expect(r.status(), `GET ${path}`).toBe(200);
    return r.json();
  }

  async send(method: 'POST' | 'PUT' | 'DELETE', path: string, data: unknown) {
    return this.api.fetch(path, {
      method,
      headers: { 'X-CSRF-Token': this.csrf, 'Idempotency-Key': crypto.randomUUID() },
      data,
    });
  }

  /** Put the company back as it was (only when it changed). */
  async restoreCompany(original: { company: unknown }) {
    const now = await this.get<{ company: unknown; revision: number }>('/api/company');
    if (JSON.stringify(now.company) === JSON.stringify(original.company)) return;
    const r = await this.send('PUT', '/api/company', {
      company: original.company,
      revision: now.revision,
      confirmation: { confirm_password: DEMO_CONFIRM_PASSWORD },
    });
    expect(r.status(), `restore the company: ${await r.text()}`).toBe(200);
  }

  async close() {
    await this.api.dispose();
  }
}
