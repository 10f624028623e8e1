//! ホーム [BTOP001]: ログイン履歴, お知らせ (and marking one read), 最近の操作, and
//! keeping a session alive. None of these calls writes the operation log: reading the
//! home page or a お知らせ, or extending a session, is not an operation of the company's
//! administration (操作履歴照会 would only fill up with them).

use crate::auth::Authenticated;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::users::enum_from_db;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kanri_contract::api::{AuthMethod, ErrorCode};
use kanri_contract::history::business;
use kanri_contract::home::{
    HomeView, KeepAlive, LoginRecord, NoticeItem, NoticeList, RecentOperation, LOGIN_HISTORY_LEN,
    RECENT_OPERATIONS_LEN,
};
use rusqlite::{params, Connection, OptionalExtension};

/// The message of 404 for a お知らせ that does not exist.
pub const NOTICE_NOT_FOUND: &str =
    "指定されたお知らせは見つかりませんでした。画面を再読み込みしてください。";

/// The user's latest [`LOGIN_HISTORY_LEN`] successful logins, newest first (the current
/// one is recorded at login, so it comes first). A row without a method (none should be
/// left after V6) reads as the user's method.
pub fn logins(
    c: &Connection,
    user_id: i64,
    fallback: AuthMethod,
) -> rusqlite::Result<Vec<LoginRecord>> {
    let mut st = c.prepare(
        "SELECT at, method FROM login_history WHERE user_id = ?1 ORDER BY at DESC, id DESC LIMIT ?2",
    )?;
    let rows = st.query_map(params![user_id, LOGIN_HISTORY_LEN as i64], |r| {
        Ok(LoginRecord {
            at: r.get(0)?,
            method: r
                .get::<_, Option<String>>(1)?
                .and_then(|m| enum_from_db(&m))
                .unwrap_or(fallback),
        })
    })?;
    rows.collect()
}

/// Every お知らせ, newest first, with this user's read flags, and the number unread.
pub fn notices(c: &Connection, user_id: i64) -> rusqlite::Result<NoticeList> {
    let mut st = c.prepare(
        "SELECT n.id, n.published_at, n.title, n.body, n.important, r.notice_id IS NOT NULL \
         FROM notices n LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = ?1 \
         ORDER BY n.published_at DESC, n.id DESC",
    )?;
    let notices = st
        .query_map([user_id], |r| {
            Ok(NoticeItem {
                id: r.get(0)?,
                published_at: r.get(1)?,
                title: r.get(2)?,
                body: r.get(3)?,
                important: r.get(4)?,
                read: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let unread = notices.iter().filter(|n| !n.read).count() as u32;
    Ok(NoticeList { notices, unread })
}

/// The user's latest [`RECENT_OPERATIONS_LEN`] distinct operations (業務 and 操作内容) that
/// succeeded, each with the time it was last done, newest first; ログイン/ログアウト left out.
/// Rows are matched by user ID (a login ID registered again after a deletion does not
/// inherit the earlier holder's operations).
pub fn recent(c: &Connection, user_id: i64) -> rusqlite::Result<Vec<RecentOperation>> {
    let mut st = c.prepare(
        "SELECT MAX(at) AS last, business, operation, MAX(id) AS last_id FROM operation_log \
         WHERE user_id = ?1 AND result = '正常' AND business <> ?2 \
         GROUP BY business, operation ORDER BY last DESC, last_id DESC LIMIT ?3",
    )?;
    let rows = st.query_map(
        params![user_id, business::LOGIN, RECENT_OPERATIONS_LEN as i64],
        |r| {
            Ok(RecentOperation {
                at: r.get(0)?,
                business: r.get(1)?,
                operation: r.get(2)?,
            })
        },
    )?;
    rows.collect()
}

/// `GET /api/home`: ログイン履歴, お知らせ and 最近の操作 of the session's user.
pub async fn view(State(st): State<AppState>, auth: Authenticated) -> ApiResult<Json<HomeView>> {
    let c = st.db.lock();
    let user = &auth.user;
    Ok(Json(HomeView {
        logins: logins(&c, user.id, user.auth_method)?,
        notices: notices(&c, user.id)?,
        recent: recent(&c, user.id)?,
    }))
}

/// `POST /api/notices/{id}/read`: mark one お知らせ read for the session's user (again: no
/// change, the first time stays recorded); the list as it now stands. An unknown (or not
/// numeric) id is 404 `not_found`.
pub async fn mark_read(
    State(st): State<AppState>,
    auth: Authenticated,
    Path(id): Path<String>,
) -> ApiResult<Json<NoticeList>> {
    let not_found = || ApiError::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, NOTICE_NOT_FOUND);
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let now = crate::db::now();
    let c = st.db.lock();
    let exists = c
        .query_row("SELECT 1 FROM notices WHERE id = ?1", [id], |_| Ok(()))
        .optional()?
        .is_some();
    if !exists {
        return Err(not_found());
    }
    c.execute(
        "INSERT OR IGNORE INTO notice_reads (user_id, notice_id, read_at) VALUES (?1, ?2, ?3)",
        params![auth.user.id, id, now],
    )?;
    Ok(Json(notices(&c, auth.user.id)?))
}

/// `POST /api/session/keep-alive`: 「延長する」. Authenticating the request marks the session
/// used now (as every authenticated call does), so the idle limit starts again; a session
/// already expired is 401 `session_expired` (from the guard's CSRF check, before this runs).
pub async fn keep_alive(State(st): State<AppState>, _auth: Authenticated) -> Json<KeepAlive> {
    Json(KeepAlive {
        idle_timeout_secs: st.config.idle_timeout_secs,
    })
}
