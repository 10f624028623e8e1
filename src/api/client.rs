//! [`Api`]: base URL, JSON, CSRF header, Idempotency-Key on every mutating call, status →
//! typed error, a time limit, and abort when the caller goes away.

use super::ApiError;
use crate::kernel::idempotency::SubmitKey;
use gloo_net::http::{Method, RequestBuilder};
use kanri_contract::api::{
    AuthContext, ErrorBody, ErrorCode, LoginRequest, PasswordChangeRequest, PasswordChangeResult,
    Session,
};
use kanri_contract::company::{CompanyChangeRequest, CompanyChanged, CompanyView};
use kanri_contract::fees::{FeeChangeRequest, FeeTable, FeeView, FeesChanged};
use kanri_contract::headers::{CSRF_TOKEN, IDEMPOTENCY_KEY, REFERENCE_ID};
use kanri_contract::home::{HomeView, KeepAlive, NoticeList};
use kanri_contract::users::{
    CertificateRevoked, DeleteUserRequest, RevokeCertificateRequest, SortKey, SortOrder,
    UserChanged, UserDeleted, UserDetail, UserFormContext, UserList, UserRegistered, UserRequest,
};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Where the API lives: the same origin as the SPA.
const BASE: &str = "/api";
/// How long a call may take before it is given up.
const TIMEOUT_MS: u32 = 30_000;

/// A fresh Idempotency-Key (a random UUID from the browser's crypto source).
pub fn new_idempotency_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("fallback-{}", js_sys::Date::now()))
}

/// Aborts the fetch when dropped (the component that started it went away, or timeout).
struct AbortOnDrop(Option<web_sys::AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(c) = &self.0 {
            c.abort();
        }
    }
}

/// The API client. `Copy`: it lives in the reactive arena and is provided as context.
#[derive(Clone, Copy)]
pub struct Api {
    csrf: StoredValue<Option<String>>,
    on_unauthorized: StoredValue<Option<Callback<ApiError>>>,
    on_certificate_refused: StoredValue<Option<Callback<ApiError>>>,
    on_activity: StoredValue<Option<Callback<f64>>>,
    /// Counts logins, logouts and start-up session checks: which session a request
    /// belongs to.
    session_generation: StoredValue<u64>,
}

impl Default for Api {
    fn default() -> Self {
        Self::new()
    }
}

impl Api {
    pub fn new() -> Self {
        Self {
            csrf: StoredValue::new(None),
            on_unauthorized: StoredValue::new(None),
            on_certificate_refused: StoredValue::new(None),
            on_activity: StoredValue::new(None),
            session_generation: StoredValue::new(0),
        }
    }

    /// Called with any 401 answer of a call made while logged in (→ login screen).
    pub fn set_on_unauthorized(&self, cb: Callback<ApiError>) {
        self.on_unauthorized.set_value(Some(cb));
    }

    /// Called with a 403 `certificate_refused` of a call made while logged in: the
    /// backend has ended the session because of the presented certificate.
    pub fn set_on_certificate_refused(&self, cb: Callback<ApiError>) {
        self.on_certificate_refused.set_value(Some(cb));
    }

    /// Called with the time a call made while logged in was sent (ms since the epoch),
    /// when the backend counted it as activity (see [`counts_as_activity`]): its idle
    /// limit started again when the request arrived, no earlier than that.
    pub fn set_on_activity(&self, cb: Callback<f64>) {
        self.on_activity.set_value(Some(cb));
    }

    /// Forget the CSRF token (logout).
    pub fn clear(&self) {
        self.csrf.set_value(None);
    }

    /// A session began or ended: answers to requests sent before are not about it.
    fn next_session(&self) {
        self.session_generation.update_value(|g| *g += 1);
    }

    /// One request, and its answer decoded as `T`.
    async fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
        idempotency_key: Option<&str>,
    ) -> Result<T, ApiError> {
        decode(&self.send(method, path, body, idempotency_key).await?)
    }

    /// One request: the body of a 2xx answer (`null` for an empty one), or what went
    /// wrong. Not generic, so every call of every screen shares this code; only
    /// [`decode`] is built per answer type.
    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
        idempotency_key: Option<&str>,
    ) -> Result<String, ApiError> {
        let controller = web_sys::AbortController::new().ok();
        let mut guard = AbortOnDrop(controller.clone());
        let mut req = RequestBuilder::new(&format!("{BASE}{path}"))
            .method(method)
            .header("Accept", "application/json")
            .abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
        if let Some(key) = idempotency_key {
            req = req.header(IDEMPOTENCY_KEY, key);
            if let Some(token) = self.csrf.get_value() {
                req = req.header(CSRF_TOKEN, &token);
            }
        }
        let req = match body {
            Some(b) => req.header("Content-Type", "application/json").body(b),
            None => req.build(),
        }
        .map_err(|_| ApiError::Network)?;

        let send = std::pin::pin!(req.send());
        let timeout = std::pin::pin!(gloo_timers::future::TimeoutFuture::new(TIMEOUT_MS));
        let res = match futures::future::select(send, timeout).await {
            futures::future::Either::Left((res, _)) => res.map_err(|_| ApiError::Network)?,
            futures::future::Either::Right(_) => return Err(ApiError::Timeout),
        };
        let status = res.status();
        let retry_after_secs = res
            .headers()
            .get("Retry-After")
            .and_then(|v| crate::kernel::error::parse_retry_after(&v, js_sys::Date::now()));
        let reference_id = res.headers().get(REFERENCE_ID);
        let text = res.text().await.map_err(|_| ApiError::Network)?;
        guard.0 = None; // answered: nothing left to abort
        if (200..300).contains(&status) {
            return Ok(if text.is_empty() {
                "null".to_owned()
            } else {
                text
            });
        }
        Err(match serde_json::from_str::<ErrorBody>(&text) {
            Ok(mut body) => {
                body.retry_after_secs = body.retry_after_secs.or(retry_after_secs);
                if body.reference_id.is_none() {
                    body.reference_id = reference_id;
                }
                ApiError::Rejected(body)
            }
            Err(_) => ApiError::Status {
                status,
                retry_after_secs,
                reference_id,
            },
        })
    }

    /// A call made while logged in: a 401 ends the session in the app. (`pub(super)`:
    /// the calls of some screens live in their own files of `api/`.)
    pub(super) async fn authed<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
        key: Option<&str>,
    ) -> Result<T, ApiError> {
        decode(&self.authed_send(method, path, body, key).await?)
    }

    /// [`Self::send`] for a call made while logged in (not generic, as `send`).
    async fn authed_send(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
        key: Option<&str>,
    ) -> Result<String, ApiError> {
        let sent_at = js_sys::Date::now();
        let session = self.session_generation.get_value();
        let r = self.send(method, path, body, key).await;
        // An answer to a request of an earlier session (sent before a logout or a new
        // login) says nothing about the session now.
        if self.session_generation.get_value() != session {
            return r;
        }
        if counts_as_activity(&r) {
            if let Some(cb) = self.on_activity.get_value() {
                cb.run(sent_at);
            }
        }
        if let Err(e) = &r {
            let cb = if e.needs_login() {
                self.on_unauthorized.get_value()
            } else if e.code() == Some(ErrorCode::CertificateRefused) {
                self.on_certificate_refused.get_value()
            } else {
                None
            };
            if let Some(cb) = cb {
                cb.run(e.clone());
            }
        }
        r
    }

    /// A request body as JSON (`pub(super)` for the calls in other files of `api/`).
    pub(super) fn json<B: Serialize>(body: &B) -> Result<String, ApiError> {
        serde_json::to_string(body).map_err(|e| ApiError::Decode(e.to_string()))
    }

    /// `GET /api/auth/context`: the login screen's facts; keeps its CSRF token.
    pub async fn auth_context(&self) -> Result<AuthContext, ApiError> {
        let ctx: AuthContext = self.call(Method::GET, "/auth/context", None, None).await?;
        self.csrf.set_value(Some(ctx.csrf_token.clone()));
        Ok(ctx)
    }

    /// `GET /api/session`: the current session, or `Rejected(401)` when logged out.
    pub async fn session(&self) -> Result<Session, ApiError> {
        let s: Session = self.call(Method::GET, "/session", None, None).await?;
        self.next_session();
        self.csrf.set_value(Some(s.csrf_token.clone()));
        Ok(s)
    }

    /// `POST /api/session`: log in.
    pub async fn login(&self, req: &LoginRequest, key: &str) -> Result<Session, ApiError> {
        let s: Session = self
            .call(Method::POST, "/session", Some(Self::json(req)?), Some(key))
            .await?;
        self.next_session();
        self.csrf.set_value(Some(s.csrf_token.clone()));
        Ok(s)
    }

    /// `DELETE /api/session`: log out.
    pub async fn logout(&self, key: &str) -> Result<(), ApiError> {
        // Whatever the body holds, it is not needed (read past, not built into a value).
        let r: Result<Option<serde::de::IgnoredAny>, _> =
            self.call(Method::DELETE, "/session", None, Some(key)).await;
        self.next_session();
        // The token is kept while the backend may still hold the session, so that
        // 「再試行」 can end it.
        if !matches!(&r, Err(e) if !e.needs_login()) {
            self.clear();
        }
        r.map(|_| ())
    }

    /// `POST /api/session/keep-alive`: 「延長する」 (the idle limit starts again).
    pub async fn keep_alive(&self, key: &str) -> Result<KeepAlive, ApiError> {
        self.authed(Method::POST, "/session/keep-alive", None, Some(key))
            .await
    }

    /// `GET /api/home`: ログイン履歴, お知らせ and 最近の操作.
    pub async fn home(&self) -> Result<HomeView, ApiError> {
        self.authed(Method::GET, "/home", None, None).await
    }

    /// `POST /api/notices/{id}/read`: mark one お知らせ read; the list as it now stands.
    pub async fn mark_notice_read(&self, id: i64, key: &str) -> Result<NoticeList, ApiError> {
        let path = format!("/notices/{id}/read");
        self.authed(Method::POST, &path, None, Some(key)).await
    }

    /// `PUT /api/me/password`: change the own passwords.
    pub async fn change_password(
        &self,
        req: &PasswordChangeRequest,
        key: &str,
    ) -> Result<PasswordChangeResult, ApiError> {
        self.authed(
            Method::PUT,
            "/me/password",
            Some(Self::json(req)?),
            Some(key),
        )
        .await
    }

    /// `GET /api/users`: the users in the given order, one page of them
    /// ([`kanri_contract::users::USER_PAGE_SIZE`]) or, with `page` `None`, every one.
    pub async fn users(
        &self,
        sort: SortKey,
        order: SortOrder,
        page: Option<u32>,
    ) -> Result<UserList, ApiError> {
        let mut path = format!("/users?sort={}&order={}", sort.key(), order.key());
        if let Some(page) = page {
            path.push_str(&format!("&page={page}"));
        }
        self.authed(Method::GET, &path, None, None).await
    }

    /// `GET /api/users/form-context`: services, accounts and limits of the company.
    pub async fn user_form_context(&self) -> Result<UserFormContext, ApiError> {
        self.authed(Method::GET, "/users/form-context", None, None)
            .await
    }

    /// `GET /api/users/{login_id}`.
    pub async fn user(&self, login_id: &str) -> Result<UserDetail, ApiError> {
        let path = format!("/users/{}", encode_segment(login_id));
        self.authed(Method::GET, &path, None, None).await
    }

    /// `POST /api/users`: 利用者登録.
    pub async fn register_user(
        &self,
        req: &UserRequest,
        key: &str,
    ) -> Result<UserRegistered, ApiError> {
        self.authed(Method::POST, "/users", Some(Self::json(req)?), Some(key))
            .await
    }

    /// `PUT /api/users/{login_id}`: 利用者変更.
    pub async fn change_user(
        &self,
        login_id: &str,
        req: &UserRequest,
        key: &str,
    ) -> Result<UserChanged, ApiError> {
        let path = format!("/users/{}", encode_segment(login_id));
        self.authed(Method::PUT, &path, Some(Self::json(req)?), Some(key))
            .await
    }

    /// `DELETE /api/users/{login_id}`: 利用者削除.
    pub async fn delete_user(
        &self,
        login_id: &str,
        req: &DeleteUserRequest,
        key: &str,
    ) -> Result<UserDeleted, ApiError> {
        let path = format!("/users/{}", encode_segment(login_id));
        self.authed(Method::DELETE, &path, Some(Self::json(req)?), Some(key))
            .await
    }

    /// `POST /api/users/{login_id}/certificate/revoke`: 証明書失効.
    pub async fn revoke_certificate(
        &self,
        login_id: &str,
        req: &RevokeCertificateRequest,
        key: &str,
    ) -> Result<CertificateRevoked, ApiError> {
        let path = format!("/users/{}/certificate/revoke", encode_segment(login_id));
        self.authed(Method::POST, &path, Some(Self::json(req)?), Some(key))
            .await
    }

    /// `GET /api/company`: 企業情報 and what its checks need.
    pub async fn company(&self) -> Result<CompanyView, ApiError> {
        self.authed(Method::GET, "/company", None, None).await
    }

    /// `PUT /api/company`: 企業情報変更 [BKGK002].
    pub async fn change_company(
        &self,
        req: &CompanyChangeRequest,
        key: &str,
    ) -> Result<CompanyChanged, ApiError> {
        self.authed(Method::PUT, "/company", Some(Self::json(req)?), Some(key))
            .await
    }

    /// `GET /api/company/fees/{table}`.
    pub async fn fees(&self, table: FeeTable) -> Result<FeeView, ApiError> {
        let path = format!("/company/fees/{}", table.slug());
        self.authed(Method::GET, &path, None, None).await
    }

    /// `PUT /api/company/fees/{table}`: 手数料の変更.
    pub async fn change_fees(
        &self,
        table: FeeTable,
        req: &FeeChangeRequest,
        key: &str,
    ) -> Result<FeesChanged, ApiError> {
        let path = format!("/company/fees/{}", table.slug());
        self.authed(Method::PUT, &path, Some(Self::json(req)?), Some(key))
            .await
    }

    /// The JSON body a request would carry (for [`crate::kernel::idempotency::SubmitKey`]).
    pub fn body_of<B: Serialize>(body: &B) -> String {
        serde_json::to_string(body).unwrap_or_default()
    }
}

/// The JSON of a 2xx answer as `T` (a body that is not is [`ApiError::Decode`]).
fn decode<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|e| ApiError::Decode(e.to_string()))
}

/// Whether the backend counted a call as activity of the session: it was answered by the
/// application behind a valid session (2xx, or a 4xx with a body of ours), not refused on
/// the way in (401, 429, a failed CSRF or Idempotency-Key check) nor by something in
/// between (an error status without our body).
pub fn counts_as_activity<T>(result: &Result<T, ApiError>) -> bool {
    match result {
        Ok(_) => true,
        Err(ApiError::Rejected(b)) => {
            (400..500).contains(&b.status)
                && !matches!(
                    b.code,
                    ErrorCode::Unauthenticated
                        | ErrorCode::SessionExpired
                        | ErrorCode::RateLimited
                        | ErrorCode::CsrfFailed
                        | ErrorCode::IdempotencyInProgress
                        | ErrorCode::IdempotencyKeyReused
                        | ErrorCode::IdempotencyKeyMissing
                )
                && b.status != 401
                && b.status != 429
        }
        Err(_) => false,
    }
}

/// A path segment, percent-encoded (login IDs are 半角英数字, but the URL may say anything).
fn encode_segment(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// Send a form's mutation with the Idempotency-Key its [`SubmitKey`] gives for this body:
/// a double click or a retry after a network failure reuses the key (the backend answers
/// from storage); any final answer settles it, so the next submission gets a new key.
pub async fn submit_with_key<B, T, F, Fut>(
    key_memory: StoredValue<SubmitKey>,
    body: &B,
    send: F,
) -> Result<T, ApiError>
where
    B: Serialize,
    F: FnOnce(String) -> Fut,
    Fut: std::future::Future<Output = Result<T, ApiError>>,
{
    let fingerprint = Api::body_of(body);
    let key = key_memory
        .try_update_value(|k| k.key_for(&fingerprint, new_idempotency_key))
        .unwrap_or_else(new_idempotency_key);
    let result = send(key).await;
    if !matches!(&result, Err(e) if e.is_retryable()) {
        key_memory.try_update_value(SubmitKey::settled);
    }
    result
}

/// The client provided by [`crate::shell::app::App`].
pub fn use_api() -> Api {
    expect_context::<Api>()
}
