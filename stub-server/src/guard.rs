//! Protections of every mutating request: Idempotency-Key replay and the CSRF token.
//!
//! Order: a known Idempotency-Key from the same browser and for the same request is
//! answered from storage (even if the session changed since, e.g. a retried login);
//! otherwise a session must exist (401 if none: before login, the anonymous one from
//! `GET /api/auth/context`) and the CSRF token must match it, the key is reserved, the handler
//! runs, and its answer is stored (5xx answers are not stored, so they may be retried).

use crate::error::ApiError;
use crate::sessions::{self, Lookup};
use crate::state::AppState;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use kanri_contract::api::ErrorCode;
use kanri_contract::headers::{CSRF_TOKEN, IDEMPOTENCY_KEY};
use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

/// Largest request body accepted.
const BODY_LIMIT: usize = 1 << 20;
/// How long answers are kept for replay.
const KEEP_SECS: i64 = 24 * 3600;

fn is_mutating(m: &Method) -> bool {
    matches!(
        *m,
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    )
}

/// The middleware.
pub async fn guard(State(st): State<AppState>, req: Request, next: Next) -> Response {
    if !is_mutating(req.method()) {
        return next.run(req).await;
    }
    match guarded(st, req, next).await {
        Ok(r) | Err(r) => r,
    }
}

async fn guarded(st: AppState, req: Request, next: Next) -> Result<Response, Response> {
    let key = req
        .headers()
        .get(IDEMPOTENCY_KEY)
        .and_then(|v| v.to_str().ok())
        .filter(|k| (8..=128).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_graphic()))
        .map(str::to_owned)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::PRECONDITION_REQUIRED,
                ErrorCode::IdempotencyKeyMissing,
                "リクエストに必要な情報（Idempotency-Key）がありません。画面を再読み込みしてください。",
            )
            .into_response()
        })?;
    let csrf = req
        .headers()
        .get(CSRF_TOKEN)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let cookie = sessions::cookie(req.headers()).unwrap_or_default();
    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, BODY_LIMIT).await.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::BadRequest,
            "送信内容が大きすぎます。",
        )
        .into_response()
    })?;
    let mut h = Sha256::new();
    h.update(parts.method.as_str());
    h.update(b" ");
    h.update(parts.uri.path());
    h.update(b"\n");
    h.update(&bytes);
    let request_hash = hex::encode(h.finalize());
    let now = crate::db::now();

    {
        let c = st.db.lock();
        let stored = c
            .query_row(
                "SELECT session_id, request_hash, state, status, content_type, body, set_cookie FROM idempotency WHERE key = ?1",
                [&key],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<u16>>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<Vec<u8>>>(5)?,
                        r.get::<_, Option<String>>(6)?,
                    ))
                },
            )
            .optional()
            .map_err(|e| ApiError::from(e).into_response())?;
        if let Some((session_id, hash, state, status, content_type, body, set_cookie)) = stored {
            if session_id != cookie || hash != request_hash {
                return Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    ErrorCode::IdempotencyKeyReused,
                    "同じ操作番号で異なる内容が送信されました。画面を再読み込みしてやり直してください。",
                )
                .into_response());
            }
            if state == "running" {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    ErrorCode::IdempotencyInProgress,
                    "同じ操作を処理中です。しばらくお待ちください。",
                )
                .into_response());
            }
            return Ok(replay(status, content_type, body, set_cookie));
        }

        // CSRF: the token of the session the cookie names.
        match sessions::lookup(&c, Some(&cookie).filter(|c| !c.is_empty()).map(String::as_str), now, st.config.idle_timeout_secs)
            .map_err(|e| ApiError::from(e).into_response())?
        {
            Lookup::Expired => return Err(ApiError::session_expired().into_response()),
            Lookup::Missing => return Err(ApiError::unauthenticated().into_response()),
            Lookup::Active(s) if csrf.as_deref() == Some(s.csrf_token.as_str()) => {}
            Lookup::Active(_) => {
                return Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    ErrorCode::CsrfFailed,
                    "画面の有効期限が切れたため、操作を受け付けられませんでした。画面を再読み込みしてやり直してください。",
                )
                .into_response())
            }
        }

        c.execute("DELETE FROM idempotency WHERE created_at < ?1", [now - KEEP_SECS])
            .and_then(|_| {
                c.execute(
                    "INSERT INTO idempotency (key, session_id, request_hash, state, created_at) VALUES (?1, ?2, ?3, 'running', ?4)",
                    params![key, cookie, request_hash, now],
                )
            })
            .map_err(|e| ApiError::from(e).into_response())?;
    }

    let res = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let (parts, body) = res.into_parts();
    let bytes = to_bytes(body, usize::MAX).await.unwrap_or_default();
    let c = st.db.lock();
    let stored = if parts.status.is_server_error() {
        c.execute("DELETE FROM idempotency WHERE key = ?1", [&key])
    } else {
        let header = |name| {
            parts
                .headers
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
        };
        c.execute(
            "UPDATE idempotency SET state = 'done', status = ?1, content_type = ?2, body = ?3, set_cookie = ?4 WHERE key = ?5",
            params![
                parts.status.as_u16(),
                header(header::CONTENT_TYPE),
                bytes.as_ref(),
                header(header::SET_COOKIE),
                key
            ],
        )
    };
    if let Err(e) = stored {
        tracing::error!("idempotency store: {e}");
    }
    Ok(Response::from_parts(parts, Body::from(bytes)))
}

fn replay(
    status: Option<u16>,
    content_type: Option<String>,
    body: Option<Vec<u8>>,
    set_cookie: Option<String>,
) -> Response {
    let status = status
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::OK);
    let mut res = (status, body.unwrap_or_default()).into_response();
    let h = res.headers_mut();
    if let Some(v) = content_type.and_then(|v| HeaderValue::from_str(&v).ok()) {
        h.insert(header::CONTENT_TYPE, v);
    }
    if let Some(v) = set_cookie.and_then(|v| HeaderValue::from_str(&v).ok()) {
        h.insert(header::SET_COOKIE, v);
    }
    h.insert("Idempotent-Replayed", HeaderValue::from_static("true"));
    res
}
