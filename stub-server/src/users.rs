//! Users as the backend stores them, and the queries the handlers share.

use kanri_contract::api::{AuthMethod, Permission, Role};
use kanri_contract::user_status::{AuthState, Authentication, UserStatus};
use kanri_contract::users::{
    Account, CertificateState, Limit, LimitBusiness, Right, Service, ServiceState, RIGHT_GROUPS,
};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A row of `users`.
#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub login_id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub auth_method: AuthMethod,
    pub password_hash: String,
    pub confirm_password_hash: String,
    pub must_change_password: bool,
    pub failed_attempts: u32,
    pub locked: bool,
    pub service_stopped: bool,
    pub view_all_history: bool,
    /// Wrong 確認用パスワード entries since the last right one.
    pub confirm_failed_attempts: u32,
    /// The 確認用パスワード is locked (too many wrong entries).
    pub confirm_locked: bool,
    /// 「失効し、再発行する」 was chosen: 未発行 until the issuing app issues a certificate.
    pub certificate_pending: bool,
    /// ワンタイムパスワード.
    pub otp_state: AuthState,
    /// トランザクション認証.
    pub transaction_state: AuthState,
    /// 追加認証（リスクベース認証）.
    pub risk_state: AuthState,
    pub created_at: i64,
    pub updated_at: i64,
}

/// Wrong passwords before the account is locked.
pub const MAX_FAILED_ATTEMPTS: u32 = 5;

/// Wrong 確認用パスワード entries before it is locked.
pub const MAX_CONFIRM_ATTEMPTS: u32 = 5;

/// An [`AuthState`] as stored (the column's CHECK allows only the three names).
pub fn auth_state_from_db(s: &str) -> AuthState {
    enum_from_db(s).unwrap_or(AuthState::Unregistered)
}

/// The column of an authentication's state.
pub fn auth_state_column(auth: Authentication) -> &'static str {
    match auth {
        Authentication::OneTimePassword => "otp_state",
        Authentication::Transaction => "transaction_state",
        Authentication::RiskBased => "risk_state",
    }
}

pub fn role_from_db(s: &str) -> Role {
    match s {
        "master" => Role::Master,
        "admin" => Role::Admin,
        _ => Role::General,
    }
}

pub fn role_to_db(r: Role) -> &'static str {
    match r {
        Role::Master => "master",
        Role::Admin => "admin",
        Role::General => "general",
    }
}

const COLUMNS: &str =
    "id, login_id, name, role, auth_method, password_hash, confirm_password_hash, \
     must_change_password, failed_attempts, locked, service_stopped, view_all_history, \
     email, confirm_failed_attempts, confirm_locked, created_at, updated_at, certificate_pending, \
     otp_state, transaction_state, risk_state";

fn from_row(r: &Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: r.get(0)?,
        login_id: r.get(1)?,
        name: r.get(2)?,
        role: role_from_db(&r.get::<_, String>(3)?),
        auth_method: if r.get::<_, String>(4)? == "certificate" {
            AuthMethod::Certificate
        } else {
            AuthMethod::Password
        },
        password_hash: r.get(5)?,
        confirm_password_hash: r.get(6)?,
        must_change_password: r.get(7)?,
        failed_attempts: r.get(8)?,
        locked: r.get(9)?,
        service_stopped: r.get(10)?,
        view_all_history: r.get(11)?,
        email: r.get(12)?,
        confirm_failed_attempts: r.get(13)?,
        confirm_locked: r.get(14)?,
        created_at: r.get(15)?,
        updated_at: r.get(16)?,
        certificate_pending: r.get(17)?,
        otp_state: auth_state_from_db(&r.get::<_, String>(18)?),
        transaction_state: auth_state_from_db(&r.get::<_, String>(19)?),
        risk_state: auth_state_from_db(&r.get::<_, String>(20)?),
    })
}

/// A user that has not been deleted (deleted users are invisible everywhere).
pub fn by_id(c: &Connection, id: i64) -> rusqlite::Result<Option<User>> {
    c.query_row(
        &format!("SELECT {COLUMNS} FROM users WHERE id = ?1 AND deleted_at IS NULL"),
        [id],
        from_row,
    )
    .optional()
}

/// A user that has not been deleted, by login ID.
pub fn by_login_id(c: &Connection, login_id: &str) -> rusqlite::Result<Option<User>> {
    c.query_row(
        &format!("SELECT {COLUMNS} FROM users WHERE login_id = ?1 AND deleted_at IS NULL"),
        [login_id],
        from_row,
    )
    .optional()
}

/// A certificate row found by fingerprint.
#[derive(Debug, Clone)]
pub struct CertificateRow {
    pub user_id: i64,
    pub not_after: i64,
    pub revoked_at: Option<i64>,
}

pub fn certificate_by_fingerprint(
    c: &Connection,
    fp: &str,
) -> rusqlite::Result<Option<CertificateRow>> {
    c.query_row(
        "SELECT user_id, not_after, revoked_at FROM certificates WHERE fingerprint = ?1",
        [fp],
        |r| {
            Ok(CertificateRow {
                user_id: r.get(0)?,
                not_after: r.get(1)?,
                revoked_at: r.get(2)?,
            })
        },
    )
    .optional()
}

/// The query of [`latest_certificate`] (its plan is checked in `db.rs`'s tests: by the
/// index on `(user_id, id)`, not by scanning).
pub const LATEST_CERTIFICATE_SQL: &str = "SELECT fingerprint, not_after, revoked_at FROM certificates WHERE user_id = ?1 ORDER BY id DESC LIMIT 1";

/// The newest certificate of a user (any state).
pub fn latest_certificate(
    c: &Connection,
    user_id: i64,
) -> rusqlite::Result<Option<(String, i64, Option<i64>)>> {
    // Cached: lists read it once per user.
    c.prepare_cached(LATEST_CERTIFICATE_SQL)?
        .query_row([user_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()
}

/// The newest certificate of every user who has one, `(not_after, revoked_at)` by user id:
/// what lists read at once instead of asking for each user ([`User::certificate_state_of`]).
pub fn latest_certificates(
    c: &Connection,
) -> rusqlite::Result<std::collections::HashMap<i64, (i64, Option<i64>)>> {
    c.prepare_cached(
        "SELECT user_id, not_after, revoked_at FROM certificates \
         WHERE id IN (SELECT MAX(id) FROM certificates GROUP BY user_id)",
    )?
    .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
    .collect()
}

impl User {
    /// The 管理 rights this user holds.
    pub fn permissions(&self) -> Vec<Permission> {
        let mut p = Vec::new();
        if matches!(self.role, Role::Master | Role::Admin) {
            p.push(Permission::ManageCompany);
            p.push(Permission::ManageUsers);
        }
        if self.view_all_history {
            p.push(Permission::ViewAllHistory);
        }
        p
    }
}

/// Record a wrong password; returns (attempts so far, now locked).
pub fn record_failed_attempt(
    c: &Connection,
    user: &User,
    now: i64,
) -> rusqlite::Result<(u32, bool)> {
    let attempts = user.failed_attempts + 1;
    let locked = attempts >= MAX_FAILED_ATTEMPTS;
    c.execute(
        "UPDATE users SET failed_attempts = ?1, locked = ?2, updated_at = ?3 WHERE id = ?4",
        params![attempts, locked, now, user.id],
    )?;
    Ok((attempts, locked))
}

/// Every user that has not been deleted, by login ID.
pub fn list(c: &Connection) -> rusqlite::Result<Vec<User>> {
    let mut st = c.prepare(&format!(
        "SELECT {COLUMNS} FROM users WHERE deleted_at IS NULL ORDER BY login_id"
    ))?;
    let rows = st.query_map([], from_row)?;
    rows.collect()
}

impl User {
    /// サービス状態: a stop outranks a lock (a locked user may be stopped; 「解除」 lifts
    /// both).
    pub fn service_state(&self) -> ServiceState {
        if self.service_stopped {
            ServiceState::Stopped
        } else if self.locked {
            ServiceState::Locked
        } else {
            ServiceState::Available
        }
    }

    /// The user's row of 利用者停止・解除 and the additional authentications' lists.
    pub fn status(&self) -> UserStatus {
        UserStatus {
            login_id: self.login_id.clone(),
            name: self.name.clone(),
            role: self.role,
            service_state: self.service_state(),
            confirm_password_locked: self.confirm_locked,
            one_time_password: self.otp_state,
            transaction: self.transaction_state,
            risk_based: self.risk_state,
        }
    }

    /// 証明書状態 and the end of validity of the newest certificate: the one place that
    /// decides it (list, view, revocation, issuance). `notice_days` is the renewal notice
    /// period (更新可 within it). A user waiting for a reissued certificate is 未発行.
    pub fn certificate_state(
        &self,
        c: &Connection,
        now: i64,
        notice_days: u32,
    ) -> rusqlite::Result<(CertificateState, Option<i64>)> {
        let latest = if self.auth_method == AuthMethod::Password || self.certificate_pending {
            None
        } else {
            latest_certificate(c, self.id)?.map(|(_, not_after, revoked)| (not_after, revoked))
        };
        Ok(self.certificate_state_of(latest, now, notice_days))
    }

    /// [`User::certificate_state`] from the user's newest certificate, `(not_after,
    /// revoked_at)`, read already (lists read every user's at once:
    /// [`latest_certificates`]).
    pub fn certificate_state_of(
        &self,
        latest: Option<(i64, Option<i64>)>,
        now: i64,
        notice_days: u32,
    ) -> (CertificateState, Option<i64>) {
        if self.auth_method == AuthMethod::Password {
            return (CertificateState::NotUsed, None);
        }
        if self.certificate_pending {
            return (CertificateState::NotIssued, None);
        }
        match latest {
            None => (CertificateState::NotIssued, None),
            Some((not_after, revoked_at)) => {
                let state = if revoked_at.is_some() {
                    CertificateState::Revoked
                } else if not_after < now {
                    CertificateState::Expired
                } else if (not_after - now).div_euclid(DAY) <= i64::from(notice_days) {
                    CertificateState::Renewable
                } else {
                    CertificateState::Issued
                };
                (state, Some(not_after))
            }
        }
    }
}

const DAY: i64 = 86_400;

/// An enum as stored: its serde `snake_case` name.
pub fn enum_to_db<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// An enum from its stored name; unknown names read as `None`.
pub fn enum_from_db<T: DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
}

/// Every right, in matrix order.
pub fn rights_in_order() -> impl Iterator<Item = Right> {
    RIGHT_GROUPS.iter().flat_map(|g| g.rights.iter().copied())
}

fn strings(c: &Connection, sql: &str, id: Option<i64>) -> rusqlite::Result<Vec<String>> {
    let mut st = c.prepare(sql)?;
    let rows = st.query_map(rusqlite::params_from_iter(id), |r| r.get(0))?;
    rows.collect()
}

fn limits(rows: Vec<(String, i64)>) -> Vec<Limit> {
    let found: Vec<(LimitBusiness, i64)> = rows
        .into_iter()
        .filter_map(|(b, a)| enum_from_db(&b).map(|b| (b, a)))
        .collect();
    LimitBusiness::ALL
        .into_iter()
        .filter_map(|b| {
            found.iter().find(|(f, _)| *f == b).map(|(_, a)| Limit {
                business: b,
                amount: u64::try_from(*a).unwrap_or(0),
            })
        })
        .collect()
}

/// The user's サービス利用権限, in matrix order.
pub fn rights_of(c: &Connection, user_id: i64) -> rusqlite::Result<Vec<Right>> {
    let held: Vec<Right> = strings(
        c,
        "SELECT right_code FROM user_rights WHERE user_id = ?1",
        Some(user_id),
    )?
    .iter()
    .filter_map(|s| enum_from_db(s))
    .collect();
    Ok(rights_in_order().filter(|r| held.contains(r)).collect())
}

/// The user's 利用可能口座 (account ids, ascending).
pub fn accounts_of(c: &Connection, user_id: i64) -> rusqlite::Result<Vec<i64>> {
    let mut st =
        c.prepare("SELECT account_id FROM user_accounts WHERE user_id = ?1 ORDER BY account_id")?;
    let rows = st.query_map([user_id], |r| r.get(0))?;
    rows.collect()
}

/// The user's 利用者一回当たり限度額, in business order.
pub fn limits_of(c: &Connection, user_id: i64) -> rusqlite::Result<Vec<Limit>> {
    let mut st = c.prepare("SELECT business, amount FROM user_limits WHERE user_id = ?1")?;
    let rows = st.query_map([user_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(limits(rows.collect::<rusqlite::Result<_>>()?))
}

/// Replace the user's rights, accounts and limits, and keep `users.view_all_history` equal
/// to holding [`Right::ViewAllHistory`] (the session's permissions read the flag).
pub fn set_rights_accounts_limits(
    c: &Connection,
    user_id: i64,
    rights: &[Right],
    accounts: &[i64],
    limits: &[Limit],
) -> rusqlite::Result<()> {
    c.execute("DELETE FROM user_rights WHERE user_id = ?1", [user_id])?;
    c.execute("DELETE FROM user_accounts WHERE user_id = ?1", [user_id])?;
    c.execute("DELETE FROM user_limits WHERE user_id = ?1", [user_id])?;
    for r in rights {
        c.execute(
            "INSERT OR IGNORE INTO user_rights (user_id, right_code) VALUES (?1, ?2)",
            params![user_id, enum_to_db(r)],
        )?;
    }
    for a in accounts {
        c.execute(
            "INSERT OR IGNORE INTO user_accounts (user_id, account_id) VALUES (?1, ?2)",
            params![user_id, a],
        )?;
    }
    for l in limits {
        c.execute(
            "INSERT OR REPLACE INTO user_limits (user_id, business, amount) VALUES (?1, ?2, ?3)",
            params![
                user_id,
                enum_to_db(&l.business),
                i64::try_from(l.amount).unwrap_or(i64::MAX)
            ],
        )?;
    }
    c.execute(
        "UPDATE users SET view_all_history = ?1 WHERE id = ?2",
        params![rights.contains(&Right::ViewAllHistory), user_id],
    )?;
    Ok(())
}

/// The company's contracted services, in [`Service::ALL`] order.
pub fn company_services(c: &Connection) -> rusqlite::Result<Vec<Service>> {
    let held: Vec<Service> = strings(c, "SELECT service FROM company_services", None)?
        .iter()
        .filter_map(|s| enum_from_db(s))
        .collect();
    Ok(Service::ALL
        .into_iter()
        .filter(|s| held.contains(s))
        .collect())
}

/// The rows of `company_limits`, in business order: the 企業一日当たりの限度額 (since
/// migration V4 no `transfer` row; the users' caps are [`crate::company::user_limit_caps`]).
pub fn company_limits(c: &Connection) -> rusqlite::Result<Vec<Limit>> {
    let mut st = c.prepare("SELECT business, amount FROM company_limits")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(limits(rows.collect::<rusqlite::Result<_>>()?))
}

/// The company's accounts, by id.
pub fn company_accounts(c: &Connection) -> rusqlite::Result<Vec<Account>> {
    let mut st = c.prepare(
        "SELECT id, branch_name, branch_code, kind, number, memo FROM accounts ORDER BY id",
    )?;
    let rows = st.query_map([], |r| {
        Ok(Account {
            id: r.get(0)?,
            branch_name: r.get(1)?,
            branch_code: r.get(2)?,
            kind: r.get(3)?,
            number: r.get(4)?,
            memo: r.get(5)?,
        })
    })?;
    rows.collect()
}

/// Whether the company uses ワンタイムパスワード.
pub fn company_uses_one_time_password(c: &Connection) -> rusqlite::Result<bool> {
    c.query_row(
        "SELECT one_time_password FROM company WHERE id = 1",
        [],
        |r| r.get(0),
    )
    .optional()
    .map(Option::unwrap_or_default)
}

/// Record a wrong 確認用パスワード; returns (wrong entries so far, now locked). Not a
/// change of the user's data, so `updated_at` stays.
pub fn record_confirm_failure(c: &Connection, user: &User) -> rusqlite::Result<(u32, bool)> {
    let attempts = user.confirm_failed_attempts + 1;
    let locked = attempts >= MAX_CONFIRM_ATTEMPTS;
    c.execute(
        "UPDATE users SET confirm_failed_attempts = ?1, confirm_locked = ?2 WHERE id = ?3",
        params![attempts, locked, user.id],
    )?;
    Ok((attempts, locked))
}

/// A right 確認用パスワード: the count of wrong entries starts again.
pub fn reset_confirm_failures(c: &Connection, user_id: i64) -> rusqlite::Result<()> {
    c.execute(
        "UPDATE users SET confirm_failed_attempts = 0 WHERE id = ?1 AND confirm_failed_attempts <> 0",
        [user_id],
    )?;
    Ok(())
}

/// End every session of a user.
pub fn end_sessions(c: &Connection, user_id: i64) -> rusqlite::Result<()> {
    c.execute("DELETE FROM sessions WHERE user_id = ?1", [user_id])?;
    Ok(())
}

/// Revoke every certificate of the user not yet revoked (returns how many), and end the
/// user's sessions that were not opened with a certificate. A session opened with one is
/// refused on its very next request with `certificate_status: revoked` and ended then, so
/// that the browser is told why ([`crate::auth::Authenticated`]).
pub fn revoke_certificates(c: &Connection, user_id: i64, now: i64) -> rusqlite::Result<usize> {
    let n = c.execute(
        "UPDATE certificates SET revoked_at = ?1 WHERE user_id = ?2 AND revoked_at IS NULL",
        params![now, user_id],
    )?;
    c.execute(
        "DELETE FROM sessions WHERE user_id = ?1 AND cert_fingerprint IS NULL",
        [user_id],
    )?;
    Ok(n)
}

/// Set or clear 「再発行待ち」 (未発行 until the issuing app issues a certificate).
pub fn set_certificate_pending(
    c: &Connection,
    user_id: i64,
    pending: bool,
) -> rusqlite::Result<()> {
    c.execute(
        "UPDATE users SET certificate_pending = ?1 WHERE id = ?2",
        params![pending, user_id],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_are_stored_by_their_serde_names() {
        assert_eq!(enum_to_db(&Right::ViewAllHistory), "view_all_history");
        assert_eq!(enum_to_db(&LimitBusiness::Salary), "salary");
        assert_eq!(enum_from_db::<Service>("payroll"), Some(Service::Payroll));
        assert_eq!(enum_from_db::<Service>("nothing"), None);
        for r in rights_in_order() {
            assert_eq!(enum_from_db::<Right>(&enum_to_db(&r)), Some(r));
        }
    }

    #[test]
    fn a_stop_outranks_a_lock() {
        let mut u = User {
            id: 1,
            login_id: "user01".into(),
            name: "佐藤　次郎".into(),
            email: "a@b.jp".into(),
            role: Role::General,
            auth_method: AuthMethod::Password,
            password_hash: String::new(),
            confirm_password_hash: String::new(),
            must_change_password: false,
            failed_attempts: 0,
            locked: false,
            service_stopped: false,
            view_all_history: false,
            confirm_failed_attempts: 0,
            confirm_locked: false,
            certificate_pending: false,
            otp_state: AuthState::Active,
            transaction_state: AuthState::Suspended,
            risk_state: AuthState::Unregistered,
            created_at: 0,
            updated_at: 0,
        };
        assert_eq!(u.service_state(), ServiceState::Available);
        u.locked = true;
        assert_eq!(u.service_state(), ServiceState::Locked);
        u.service_stopped = true;
        assert_eq!(u.service_state(), ServiceState::Stopped);
        let s = u.status();
        assert_eq!(
            (s.one_time_password, s.transaction, s.risk_based),
            (
                AuthState::Active,
                AuthState::Suspended,
                AuthState::Unregistered
            )
        );
        for state in [
            AuthState::Unregistered,
            AuthState::Active,
            AuthState::Suspended,
        ] {
            assert_eq!(auth_state_from_db(&enum_to_db(&state)), state);
        }
    }
}
