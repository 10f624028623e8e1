//! Users as the backend stores them, and the queries the handlers share.

use kanri_contract::api::{AuthMethod, Permission, Role};
use rusqlite::{params, Connection, OptionalExtension, Row};

/// A row of `users`.
#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub login_id: String,
    pub name: String,
    pub role: Role,
    pub auth_method: AuthMethod,
    pub password_hash: String,
    pub confirm_password_hash: String,
    pub must_change_password: bool,
    pub failed_attempts: u32,
    pub locked: bool,
    pub service_stopped: bool,
    pub view_all_history: bool,
}

/// Wrong passwords before the account is locked.
pub const MAX_FAILED_ATTEMPTS: u32 = 5;

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
     must_change_password, failed_attempts, locked, service_stopped, view_all_history";

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
    })
}

pub fn by_id(c: &Connection, id: i64) -> rusqlite::Result<Option<User>> {
    c.query_row(
        &format!("SELECT {COLUMNS} FROM users WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

pub fn by_login_id(c: &Connection, login_id: &str) -> rusqlite::Result<Option<User>> {
    c.query_row(
        &format!("SELECT {COLUMNS} FROM users WHERE login_id = ?1"),
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

/// The newest certificate of a user (any state).
pub fn latest_certificate(
    c: &Connection,
    user_id: i64,
) -> rusqlite::Result<Option<(String, i64, Option<i64>)>> {
    c.query_row(
        "SELECT fingerprint, not_after, revoked_at FROM certificates WHERE user_id = ?1 ORDER BY id DESC LIMIT 1",
        [user_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()
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
