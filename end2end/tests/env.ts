import path from 'node:path';

/** Where the stand-in backend listens during the end-to-end run. */
export const BASE_URL = 'https://127.0.0.1:8443';
/** The backend binary (built by scripts/test.sh). */
export const STUB_SERVER = process.env.STUB_SERVER ?? path.resolve(__dirname, '../../target/debug/stub-server');
/** Demo data of this run: SQLite file and the generated certificates. */
export const DATA_DIR = path.resolve(__dirname, '../.stub-data');

/**
 * A second backend for lists of more than one page: the demo company plus 60 users of the
 * benchmark's kind (`reset --bench-users 60`; their administrator is `benchadm1`, who logs
 * in with ID and password). Its own data; nothing else runs against it.
 */
export const LARGE_URL = 'https://127.0.0.1:8444';
export const LARGE_DATA_DIR = path.resolve(__dirname, '../.stub-data-large');

/** Password of every demo user (README.md). */
export const DEMO_PASSWORD = 'Demo1234';
export const DEMO_CONFIRM_PASSWORD = 'Conf1234';

/** The client certificate of a demo user, for `test.use({ clientCertificates })`. */
export function certificateOf(loginId: string) {
  const dir = path.join(DATA_DIR, 'certs', 'users');
  return [{ origin: BASE_URL, certPath: path.join(dir, `${loginId}.pem`), keyPath: path.join(dir, `${loginId}.key`) }];
}

/** A certificate from an issuer the bank does not know. */
export function unknownCertificate() {
  const dir = path.join(DATA_DIR, 'certs', 'unknown');
  return [{ origin: BASE_URL, certPath: path.join(dir, 'client.pem'), keyPath: path.join(dir, 'client.key') }];
}
