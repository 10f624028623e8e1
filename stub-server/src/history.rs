//! 操作履歴照会 [BSRR001]: what the search form offers, the search itself (a page of it,
//! or all of it for 「印刷」), and the retention of the operation log.
//!
//! Any logged-in user may search their own operations; every user's only with
//! [`Permission::ViewAllHistory`] (全操作履歴照会). The rules of a search are the
//! contract's ([`HistoryQuery::from_pairs`], [`query_errors`]): 期間 within the last
//! [`RETENTION_MONTHS`] months, so older rows are never answered; `serve` also deletes
//! them when it starts ([`purge`]).

use crate::auth::Authenticated;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::users;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::Json;
use kanri_contract::api::{ErrorCode, FieldError, Permission};
use kanri_contract::datetime::Date;
use kanri_contract::history::{
    business, earliest, page_count, query_errors, HistoryAll, HistoryContext, HistoryPage,
    HistoryQuery, HistoryRow, HistoryUser, Order, QueryError, ResultFilter, UserFilter, MAX_ROWS,
    PAGE_SIZE, RETENTION_MONTHS,
};
use rusqlite::types::Value;
use rusqlite::Connection;

/// The operator's date (JST) at `now`.
pub fn today(now: i64) -> Date {
    Date::of_unix(now)
}

/// Delete the operation-log rows from before the retention (before 00:00 JST of
/// [`earliest`] of the day of `now`); returns how many.
pub fn purge(c: &Connection, now: i64) -> rusqlite::Result<usize> {
    c.execute(
        "DELETE FROM operation_log WHERE at < ?1",
        [earliest(today(now)).start_unix()],
    )
}

fn may_view_all(auth: &Authenticated) -> bool {
    auth.user
        .permissions()
        .contains(&Permission::ViewAllHistory)
}

/// `GET /api/history/context`
pub async fn context(
    State(st): State<AppState>,
    auth: Authenticated,
) -> ApiResult<Json<HistoryContext>> {
    let today = today(crate::db::now());
    let users = if may_view_all(&auth) {
        let c = st.db.lock();
        Some(
            users::list(&c)?
                .into_iter()
                .map(|u| HistoryUser {
                    login_id: u.login_id,
                    name: u.name,
                })
                .collect(),
        )
    } else {
        None
    };
    Ok(Json(HistoryContext {
        today,
        earliest: earliest(today),
        retention_months: RETENTION_MONTHS,
        own: HistoryUser {
            login_id: auth.user.login_id.clone(),
            name: auth.user.name.clone(),
        },
        users,
        businesses: business::ALL.iter().map(|b| (*b).to_owned()).collect(),
    }))
}

fn invalid(errors: Vec<QueryError>) -> ApiError {
    ApiError::validation(
        errors
            .into_iter()
            .map(|e| FieldError {
                field: e.field.into(),
                code: "invalid".into(),
                message: e.message,
            })
            .collect(),
    )
}

/// The `WHERE` clause of a search and its parameters. `only_user_id` restricts it to
/// one user's own rows by user ID (a login ID can be registered again after a deletion;
/// the new user must not see the old one's operations).
fn filter(q: &HistoryQuery, only_user_id: Option<i64>) -> (String, Vec<Value>) {
    let mut sql = String::from("at >= ?1 AND at <= ?2");
    let mut params = vec![
        Value::Integer(q.from.start_unix()),
        Value::Integer(q.to.end_unix()),
    ];
    if let Some(id) = only_user_id {
        params.push(Value::Integer(id));
        sql.push_str(&format!(" AND user_id = ?{}", params.len()));
    }
    if let UserFilter::One(id) = &q.user {
        params.push(Value::Text(id.clone()));
        sql.push_str(&format!(" AND login_id = ?{}", params.len()));
    }
    if let Some(b) = &q.business {
        params.push(Value::Text(b.clone()));
        sql.push_str(&format!(" AND business = ?{}", params.len()));
    }
    let result = match q.result {
        ResultFilter::All => None,
        ResultFilter::Ok => Some("正常"),
        ResultFilter::Error => Some("異常"),
    };
    if let Some(r) = result {
        params.push(Value::Text(r.into()));
        sql.push_str(&format!(" AND result = ?{}", params.len()));
    }
    (sql, params)
}

/// How many rows the search matches, counted up to [`MAX_ROWS`] + 1 (enough to tell
/// whether it is cut).
fn matched(c: &Connection, cond: &str, params: &[Value]) -> rusqlite::Result<u32> {
    let n: i64 = c.query_row(
        &format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM operation_log WHERE {cond} LIMIT {})",
            MAX_ROWS + 1
        ),
        rusqlite::params_from_iter(params.iter()),
        |r| r.get(0),
    )?;
    Ok(u32::try_from(n).unwrap_or(0))
}

/// `limit` rows of the search from position `offset` of its newest-first order
/// (操作日時, ties by the order of writing, the later first).
fn newest_first(
    c: &Connection,
    cond: &str,
    params: &[Value],
    offset: u32,
    limit: u32,
) -> rusqlite::Result<Vec<HistoryRow>> {
    let mut st = c.prepare(&format!(
        "SELECT at, login_id, user_name, business, operation, detail, result \
         FROM operation_log WHERE {cond} ORDER BY at DESC, id DESC LIMIT {limit} OFFSET {offset}"
    ))?;
    let rows = st
        .query_map(rusqlite::params_from_iter(params.iter()), |r| {
            Ok(HistoryRow {
                at: r.get(0)?,
                login_id: r.get(1)?,
                user_name: r.get(2)?,
                business: r.get(3)?,
                operation: r.get(4)?,
                detail: r.get(5)?,
                ok: r.get::<_, String>(6)? == "正常",
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One page of the search `q`: of the matching rows the newest [`MAX_ROWS`] are kept
/// (`truncated` when there were more), ordered by `q.order` (操作日時, ties by the order
/// of writing), [`PAGE_SIZE`] a page; a page past the end is the last. With
/// `only_user_id`, only that user's own rows (see [`filter`]).
pub fn search_page(
    c: &Connection,
    q: &HistoryQuery,
    only_user_id: Option<i64>,
) -> rusqlite::Result<HistoryPage> {
    let (cond, params) = filter(q, only_user_id);
    let matched = matched(c, &cond, &params)?;
    let total = matched.min(MAX_ROWS);
    let pages = page_count(total);
    let page = q.page.clamp(1, pages);
    // Positions in the newest-first order of the kept rows.
    let (offset, limit) = match q.order {
        Order::Newest => {
            let start = (page - 1) * PAGE_SIZE;
            (start, total.saturating_sub(start).min(PAGE_SIZE))
        }
        Order::Oldest => {
            let end = (page * PAGE_SIZE).min(total);
            let start = (page - 1) * PAGE_SIZE;
            (total - end, end.saturating_sub(start))
        }
    };
    let mut rows = newest_first(c, &cond, &params, offset, limit)?;
    if q.order == Order::Oldest {
        rows.reverse();
    }
    Ok(HistoryPage {
        rows,
        total,
        truncated: matched > MAX_ROWS,
        page,
        pages,
    })
}

/// Every kept row of the search `q` (its `page` is ignored): the same rows, in the same
/// order, as its pages 1, 2, … of [`search_page`] one after the other.
pub fn search_rows(
    c: &Connection,
    q: &HistoryQuery,
    only_user_id: Option<i64>,
) -> rusqlite::Result<HistoryAll> {
    let (cond, params) = filter(q, only_user_id);
    let matched = matched(c, &cond, &params)?;
    let total = matched.min(MAX_ROWS);
    let mut rows = newest_first(c, &cond, &params, 0, total)?;
    if q.order == Order::Oldest {
        rows.reverse();
    }
    Ok(HistoryAll {
        total: u32::try_from(rows.len()).unwrap_or(total),
        rows,
        truncated: matched > MAX_ROWS,
    })
}

/// The search of a request's query string, checked against the rules for the operator
/// ([`HistoryQuery::from_pairs`], [`query_errors`]), and whose rows it may see: `Some`
/// user ID when only the operator's own (without 全操作履歴照会 the rows are the
/// operator's by user ID, not only by login ID).
fn checked_query(
    auth: &Authenticated,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult<(HistoryQuery, Option<i64>)> {
    let Query(pairs) = query.map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::BadRequest,
            format!("検索条件の形式が正しくありません（{e}）。"),
        )
    })?;
    let today = today(crate::db::now());
    let all = may_view_all(auth);
    let own = auth.user.login_id.as_str();
    let default_user = if all {
        UserFilter::All
    } else {
        UserFilter::One(own.to_owned())
    };
    let q = HistoryQuery::from_pairs(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        today,
        default_user,
    )
    .map_err(invalid)?;
    let errors = query_errors(&q, today, own, all);
    if !errors.is_empty() {
        return Err(invalid(errors));
    }
    Ok((q, (!all).then_some(auth.user.id)))
}

/// `GET /api/history?from=…&to=…&user=…&business=…&result=…&order=…&page=…`
/// ([`HistoryQuery::to_query`]). Missing values take the defaults of the search form
/// (today; every user for those holding 全操作履歴照会, else the operator); a malformed or
/// refused one is 422 `validation_failed` with field errors on `from`, `to`, `user` or
/// `business`.
pub async fn search(
    State(st): State<AppState>,
    auth: Authenticated,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult<Json<HistoryPage>> {
    let (q, only) = checked_query(&auth, query)?;
    let c = st.db.lock();
    Ok(Json(search_page(&c, &q, only)?))
}

/// `GET /api/history/all?…`: the same search as [`search`] (same query string, defaults
/// and 422 answers; `page` ignored), answered whole: every kept row (at most
/// [`MAX_ROWS`]) in the search's order — what 「印刷」 prints.
pub async fn search_all(
    State(st): State<AppState>,
    auth: Authenticated,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult<Json<HistoryAll>> {
    let (q, only) = checked_query(&auth, query)?;
    let c = st.db.lock();
    Ok(Json(search_rows(&c, &q, only)?))
}
