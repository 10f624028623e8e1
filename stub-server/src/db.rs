//! The SQLite database: schema, connection, and the small time helper everything uses.

use rusqlite::Connection;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

/// The current Unix time in seconds.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// The migrations, in order. `PRAGMA user_version` records how many have been applied;
/// opening a database applies the rest, each in its own transaction. Never edit a
/// migration that has shipped: append a new one.
pub const MIGRATIONS: &[&str] = &[
    V1_FOUNDATION,
    V2_USER_ADMIN,
    V3_CERTIFICATE_PENDING,
    V4_COMPANY_ADMIN,
    V5_USER_STATUSES,
    V6_HOME,
    V7_CERTIFICATE_INDEX,
];

const V1_FOUNDATION: &str = r#"
CREATE TABLE IF NOT EXISTS company (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    name_kana TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS accounts (
    id INTEGER PRIMARY KEY,
    branch_name TEXT NOT NULL,
    branch_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    memo TEXT NOT NULL DEFAULT ''
);

CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    login_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('master', 'admin', 'general')),
    auth_method TEXT NOT NULL CHECK (auth_method IN ('certificate', 'password')),
    password_hash TEXT NOT NULL,
    confirm_password_hash TEXT NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked INTEGER NOT NULL DEFAULT 0,
    service_stopped INTEGER NOT NULL DEFAULT 0,
    view_all_history INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS certificates (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    serial TEXT NOT NULL,
    fingerprint TEXT NOT NULL UNIQUE,
    not_before INTEGER NOT NULL,
    not_after INTEGER NOT NULL,
    revoked_at INTEGER
);

CREATE TABLE IF NOT EXISTS login_history (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    user_id INTEGER REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    cert_fingerprint TEXT,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS idempotency (
    key TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('running', 'done')),
    status INTEGER,
    content_type TEXT,
    body BLOB,
    set_cookie TEXT,
    created_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS operation_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    user_id INTEGER,
    login_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    business TEXT NOT NULL,
    operation TEXT NOT NULL,
    result TEXT NOT NULL CHECK (result IN ('正常', '異常')),
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS operation_log_at ON operation_log(at);
"#;

/// 利用者管理: the company's contracts and limits, each user's rights, accounts and limits,
/// the 確認用パスワード lock and soft deletion. Enums are stored as their serde
/// `snake_case` names. Existing `view_all_history` flags become the matching right, so the
/// flag and the right agree from the start.
const V2_USER_ADMIN: &str = r#"
ALTER TABLE company ADD COLUMN one_time_password INTEGER NOT NULL DEFAULT 0;

CREATE TABLE company_services (
    service TEXT PRIMARY KEY
);

CREATE TABLE company_limits (
    business TEXT PRIMARY KEY,
    amount INTEGER NOT NULL CHECK (amount >= 0)
);

CREATE TABLE user_rights (
    user_id INTEGER NOT NULL REFERENCES users(id),
    right_code TEXT NOT NULL,
    PRIMARY KEY (user_id, right_code)
);

CREATE TABLE user_accounts (
    user_id INTEGER NOT NULL REFERENCES users(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    PRIMARY KEY (user_id, account_id)
);

CREATE TABLE user_limits (
    user_id INTEGER NOT NULL REFERENCES users(id),
    business TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (user_id, business)
);

ALTER TABLE users ADD COLUMN confirm_failed_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN confirm_locked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN deleted_at INTEGER;

INSERT INTO user_rights (user_id, right_code)
    SELECT id, 'view_all_history' FROM users WHERE view_all_history = 1;
"#;

/// 電子証明書の取扱い 「失効し、再発行する」: the user waits for the issuing app to issue a
/// new certificate, and reads as 未発行 meanwhile (though the newest certificate is revoked).
const V3_CERTIFICATE_PENDING: &str = r#"
ALTER TABLE users ADD COLUMN certificate_pending INTEGER NOT NULL DEFAULT 0;
"#;

/// 企業管理: 承認機能の利用有無 per contracted service, 口座一日当たりの限度額 per account,
/// the company's revision and 最終更新日時, and the three fee tables with their bands.
/// Enums are stored as their serde `snake_case` names; amounts are integer yen (at most 15
/// digits, so they fit SQLite's 64-bit integers).
///
/// A database from before this migration gets: シングル承認 for every contracted service;
/// each account's three limits equal to the company's former 振込振替 limit (the
/// `company_limits` row `transfer`, 0 without one), which is then deleted: the users'
/// 振込振替 cap is now the highest 振込振替(合計) of the accounts, and `company_limits` holds
/// only the 企業一日当たりの限度額; every fee table on the bank's standard fees, with
/// 適用最低支払金額 1円 for the two 先方負担 tables and 据置型 for 先方負担手数料[総合振込].
const V4_COMPANY_ADMIN: &str = r#"
CREATE TABLE company_approvals (
    service TEXT PRIMARY KEY,
    mode TEXT NOT NULL
);

CREATE TABLE account_limits (
    account_id INTEGER PRIMARY KEY REFERENCES accounts(id),
    total INTEGER NOT NULL CHECK (total >= 0),
    ad_hoc INTEGER NOT NULL CHECK (ad_hoc >= 0),
    registered INTEGER NOT NULL CHECK (registered >= 0)
);

ALTER TABLE company ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE company ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;

CREATE TABLE fee_settings (
    fee_table TEXT PRIMARY KEY,
    use_standard INTEGER NOT NULL,
    minimum INTEGER CHECK (minimum IS NULL OR minimum >= 0),
    method TEXT,
    revision INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE fee_bands (
    fee_table TEXT NOT NULL,
    position INTEGER NOT NULL,
    from_amount INTEGER NOT NULL CHECK (from_amount >= 0),
    to_amount INTEGER CHECK (to_amount IS NULL OR to_amount >= 0),
    same_branch INTEGER NOT NULL CHECK (same_branch >= 0),
    other_branch INTEGER NOT NULL CHECK (other_branch >= 0),
    other_bank INTEGER NOT NULL CHECK (other_bank >= 0),
    PRIMARY KEY (fee_table, position)
);

INSERT INTO company_approvals (service, mode)
    SELECT service, 'single' FROM company_services;

INSERT INTO account_limits (account_id, total, ad_hoc, registered)
    SELECT a.id, t.amount, t.amount, t.amount
    FROM accounts a,
         (SELECT COALESCE((SELECT amount FROM company_limits WHERE business = 'transfer'), 0) AS amount) t;

DELETE FROM company_limits WHERE business = 'transfer';

INSERT INTO fee_settings (fee_table, use_standard, minimum, method) VALUES
    ('payee_transfer', 1, 1, NULL),
    ('payee_bulk', 1, 1, 'fixed'),
    ('payer_bulk', 1, NULL, NULL);
"#;

/// 利用者停止・解除 and the additional authentications: each user's state of
/// ワンタイムパスワード, トランザクション認証 and 追加認証（リスクベース認証）, stored as the
/// serde `snake_case` names of the contract's `AuthState`. Existing users start 未登録
/// (they register at their next login). The index serves 操作履歴照会 of one user.
const V5_USER_STATUSES: &str = r#"
ALTER TABLE users ADD COLUMN otp_state TEXT NOT NULL DEFAULT 'unregistered'
    CHECK (otp_state IN ('unregistered', 'active', 'suspended'));
ALTER TABLE users ADD COLUMN transaction_state TEXT NOT NULL DEFAULT 'unregistered'
    CHECK (transaction_state IN ('unregistered', 'active', 'suspended'));
ALTER TABLE users ADD COLUMN risk_state TEXT NOT NULL DEFAULT 'unregistered'
    CHECK (risk_state IN ('unregistered', 'active', 'suspended'));
CREATE INDEX operation_log_login_at ON operation_log(login_id, at);
"#;

/// ホーム: how each login was made (`login_history.method`, the serde `snake_case` name of
/// the contract's `AuthMethod`; earlier rows take their user's current `auth_method`, the
/// only method that user could log in with), the bank's お知らせ (`notices`; `important`:
/// 重要なお知らせ) and who has read which (`notice_reads`: one row per user and notice,
/// `read_at` the first time it was marked read). The index serves ログイン履歴.
const V6_HOME: &str = r#"
ALTER TABLE login_history ADD COLUMN method TEXT
    CHECK (method IS NULL OR method IN ('certificate', 'password'));
UPDATE login_history
    SET method = (SELECT u.auth_method FROM users u WHERE u.id = login_history.user_id);
CREATE INDEX login_history_user_at ON login_history(user_id, at);

CREATE TABLE notices (
    id INTEGER PRIMARY KEY,
    published_at INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    important INTEGER NOT NULL DEFAULT 0 CHECK (important IN (0, 1))
);

CREATE TABLE notice_reads (
    user_id INTEGER NOT NULL REFERENCES users(id),
    notice_id INTEGER NOT NULL REFERENCES notices(id),
    read_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, notice_id)
);
"#;

/// A user's newest certificate is looked up by user (利用者照会, 証明書の失効・発行, and the
/// lists' one query over every user): without this index each lookup scanned the table
/// (the list of 1,000 users took 25–80 ms).
const V7_CERTIFICATE_INDEX: &str = r#"
CREATE INDEX certificates_user ON certificates(user_id, id);
"#;

/// Apply the migrations not yet applied; returns the schema version.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<usize> {
    let applied: usize = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i + 1)?;
        tx.commit()?;
    }
    Ok(MIGRATIONS.len())
}

/// The shared connection. Handlers lock it briefly and never across an `.await`.
#[derive(Clone)]
pub struct Db(Arc<Mutex<Connection>>);

impl Db {
    /// Open (creating if needed) the database file and apply the schema.
    pub fn open(path: &Path) -> rusqlite::Result<Self> {
        let conn = Connection::open(path)?;
        Self::init(conn)
    }

    /// An in-memory database, for tests.
    pub fn in_memory() -> rusqlite::Result<Self> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> rusqlite::Result<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;")?;
        migrate(&mut conn)?;
        Ok(Self(Arc::new(Mutex::new(conn))))
    }

    /// Lock the connection. A poisoned lock (a panic elsewhere) still yields the
    /// connection: SQLite transactions keep the data consistent.
    pub fn lock(&self) -> MutexGuard<'_, Connection> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_apply_once_and_record_the_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.sqlite3");
        drop(Db::open(&path).unwrap());
        let mut conn = Connection::open(&path).unwrap();
        let v: usize = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, MIGRATIONS.len());
        // Opening again applies nothing and keeps the data.
        conn.execute(
            "INSERT INTO company (id, name, name_kana) VALUES (1, 'a', 'b')",
            [],
        )
        .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), MIGRATIONS.len());
        let n: i64 = conn
            .query_row("SELECT COUNT(*) FROM company", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn v2_turns_existing_history_flags_into_the_right() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(V1_FOUNDATION).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO users (login_id, name, email, role, auth_method, password_hash, \
             confirm_password_hash, view_all_history, created_at, updated_at) VALUES \
             ('viewer01', 'a', 'a@b.jp', 'general', 'password', '', '', 1, 0, 0), \
             ('plain001', 'b', 'b@b.jp', 'general', 'password', '', '', 0, 0, 0);",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let rights: Vec<(String, String)> = conn
            .prepare("SELECT u.login_id, r.right_code FROM user_rights r JOIN users u ON u.id = r.user_id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(rights, [("viewer01".into(), "view_all_history".into())]);
        let (attempts, locked, deleted): (i64, bool, Option<i64>) = conn
            .query_row(
                "SELECT confirm_failed_attempts, confirm_locked, deleted_at FROM users LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((attempts, locked, deleted), (0, false, None));
    }

    #[test]
    fn v3_adds_the_pending_flag_to_existing_users_unset() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(V1_FOUNDATION).unwrap();
        conn.execute_batch(V2_USER_ADMIN).unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute_batch(
            "INSERT INTO users (login_id, name, email, role, auth_method, password_hash, \
             confirm_password_hash, created_at, updated_at) VALUES \
             ('cert0001', 'a', 'a@b.jp', 'general', 'certificate', '', '', 0, 0);",
        )
        .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), MIGRATIONS.len());
        let pending: bool = conn
            .query_row("SELECT certificate_pending FROM users", [], |r| r.get(0))
            .unwrap();
        assert!(!pending);
    }

    #[test]
    fn v4_fills_approvals_account_limits_and_fees_from_the_old_data() {
        let mut conn = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..3] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
        conn.execute_batch(
            "INSERT INTO company (id, name, name_kana) VALUES (1, 'a', 'b'); \
             INSERT INTO company_services (service) VALUES ('transfer'), ('payroll'); \
             INSERT INTO company_limits (business, amount) VALUES ('transfer', 7000000), ('salary', 9000000); \
             INSERT INTO accounts (branch_name, branch_code, kind, number) VALUES \
               ('本店営業部', '001', '普通', '1234567'), ('港南支店', '125', '普通', '0253226');",
        )
        .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), MIGRATIONS.len());
        let approvals: Vec<(String, String)> = conn
            .prepare("SELECT service, mode FROM company_approvals ORDER BY service")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(
            approvals,
            [
                ("payroll".into(), "single".into()),
                ("transfer".into(), "single".into())
            ]
        );
        let limits: Vec<(i64, i64, i64, i64)> = conn
            .prepare("SELECT account_id, total, ad_hoc, registered FROM account_limits ORDER BY account_id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(
            limits,
            [
                (1, 7_000_000, 7_000_000, 7_000_000),
                (2, 7_000_000, 7_000_000, 7_000_000)
            ]
        );
        let daily: Vec<String> = conn
            .prepare("SELECT business FROM company_limits ORDER BY business")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(daily, ["salary"]);
        let (revision, updated_at): (i64, i64) = conn
            .query_row("SELECT revision, updated_at FROM company", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((revision, updated_at), (1, 0));
        let fees: Vec<(String, bool, Option<i64>, Option<String>)> = conn
            .prepare("SELECT fee_table, use_standard, minimum, method FROM fee_settings ORDER BY fee_table")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(
            fees,
            [
                ("payee_bulk".into(), true, Some(1), Some("fixed".into())),
                ("payee_transfer".into(), true, Some(1), None),
                ("payer_bulk".into(), true, None, None),
            ]
        );
    }

    #[test]
    fn v5_starts_existing_users_unregistered_and_refuses_unknown_states() {
        let mut conn = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..4] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 4).unwrap();
        conn.execute_batch(
            "INSERT INTO users (login_id, name, email, role, auth_method, password_hash, \
             confirm_password_hash, created_at, updated_at) VALUES \
             ('user0001', 'a', 'a@b.jp', 'general', 'password', '', '', 0, 0);",
        )
        .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), MIGRATIONS.len());
        let states: (String, String, String) = conn
            .query_row(
                "SELECT otp_state, transaction_state, risk_state FROM users",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(
            states,
            (
                "unregistered".into(),
                "unregistered".into(),
                "unregistered".into()
            )
        );
        for column in ["otp_state", "transaction_state", "risk_state"] {
            conn.execute(&format!("UPDATE users SET {column} = 'suspended'"), [])
                .unwrap();
            assert!(conn
                .execute(&format!("UPDATE users SET {column} = 'locked'"), [])
                .is_err());
        }
    }

    #[test]
    fn a_users_newest_certificate_is_found_by_index_not_by_scanning() {
        let db = Db::in_memory().unwrap();
        let c = db.lock();
        let plan: Vec<String> = c
            .prepare(&format!(
                "EXPLAIN QUERY PLAN {}",
                crate::users::LATEST_CERTIFICATE_SQL
            ))
            .unwrap()
            .query_map([1], |r| r.get::<_, String>(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(
            plan.iter()
                .any(|p| p.contains("USING INDEX certificates_user")),
            "{plan:?}"
        );
        assert!(!plan.iter().any(|p| p.contains("TEMP B-TREE")), "{plan:?}");
    }

    #[test]
    fn v6_gives_earlier_logins_their_users_method_and_starts_notices_unread() {
        let mut conn = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..5] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 5).unwrap();
        conn.execute_batch(
            "INSERT INTO users (id, login_id, name, email, role, auth_method, password_hash, \
             confirm_password_hash, created_at, updated_at) VALUES \
             (1, 'cert0001', 'a', 'a@b.jp', 'general', 'certificate', '', '', 0, 0), \
             (2, 'pass0001', 'b', 'b@b.jp', 'general', 'password', '', '', 0, 0); \
             INSERT INTO login_history (user_id, at) VALUES (1, 10), (2, 20), (1, 30);",
        )
        .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), MIGRATIONS.len());
        let methods: Vec<(i64, String)> = conn
            .prepare("SELECT at, method FROM login_history ORDER BY at")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(
            methods,
            [
                (10, "certificate".into()),
                (20, "password".into()),
                (30, "certificate".into())
            ]
        );
        assert!(conn
            .execute(
                "INSERT INTO login_history (user_id, at, method) VALUES (1, 40, 'otp')",
                []
            )
            .is_err());
        conn.execute(
            "INSERT INTO notices (id, published_at, title, body, important) VALUES (1, 5, 't', 'b', 1)",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO notice_reads (user_id, notice_id, read_at) VALUES (1, 1, 50)",
            [],
        )
        .unwrap();
        assert!(conn
            .execute(
                "INSERT INTO notice_reads (user_id, notice_id, read_at) VALUES (1, 1, 60)",
                []
            )
            .is_err());
    }
}
