//! The operation log (操作履歴): one row for every call that changes state.

use rusqlite::{params, Connection};

/// Who did it: a known user, or only the login ID that was tried.
pub struct Actor<'a> {
    pub user_id: Option<i64>,
    pub login_id: &'a str,
    pub name: &'a str,
}

/// Append a row. `business` and `operation` are the Japanese names shown in 操作履歴照会.
pub fn record(
    c: &Connection,
    at: i64,
    actor: &Actor<'_>,
    business: &str,
    operation: &str,
    ok: bool,
    detail: &str,
) -> rusqlite::Result<()> {
    c.execute(
        "INSERT INTO operation_log (at, user_id, login_id, user_name, business, operation, result, detail) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            at,
            actor.user_id,
            actor.login_id,
            actor.name,
            business,
            operation,
            if ok { "正常" } else { "異常" },
            detail
        ],
    )?;
    Ok(())
}
