//! Login, session, logout and the own password change.

use crate::certcheck::{self, CertCheck};
use crate::error::{ApiError, ApiResult};
use crate::oplog::{self, Actor};
use crate::passwords;
use crate::sessions::{self, Lookup, SessionRow};
use crate::state::AppState;
use crate::users::{self, User, MAX_FAILED_ATTEMPTS};
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use kanri_contract::api::{
    AuthContext, AuthMethod, CompanySummary, ErrorCode, LoginRequest, PasswordChangeRequest,
    PasswordChangeResult, PasswordKind, PresentedCertificateStatus, Session, SessionCertificate,
    SessionUser,
};
use kanri_contract::history::business::{LOGIN, USER_ADMIN};
use kanri_contract::history::operations;
use kanri_contract::rules;
use rusqlite::{params, Connection};

const DAY: i64 = 86_400;

/// A request of a logged-in user whose session and certificate are in order.
pub struct Authenticated {
    pub user: User,
    pub session: SessionRow,
}

impl FromRequestParts<AppState> for Authenticated {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, st: &AppState) -> Result<Self, ApiError> {
        let now = crate::db::now();
        let cookie = sessions::cookie(&parts.headers);
        let c = st.db.lock();
        let session =
            match sessions::lookup(&c, cookie.as_deref(), now, st.config.idle_timeout_secs)? {
                Lookup::Missing => return Err(ApiError::unauthenticated()),
                Lookup::Expired => return Err(ApiError::session_expired()),
                Lookup::Active(s) => s,
            };
        // A certificate session stays bound to that certificate: a revoked, expired or
        // different certificate is refused on the very next request, before anything else
        // (also when the user was deleted meanwhile: deletion revokes), saying why.
        if let Some(bound) = &session.cert_fingerprint {
            let verdict = certcheck::verdict(st, parts, &c)?;
            let check = certcheck::check(&c, verdict.as_ref(), now)?;
            if let Some(refusal) = check.refusal_for_session(bound) {
                sessions::delete(&c, &session.id)?;
                return Err(refusal);
            }
        }
        let Some(user) = session
            .user_id
            .map(|id| users::by_id(&c, id))
            .transpose()?
            .flatten()
        else {
            return Err(ApiError::unauthenticated());
        };
        if user.locked || user.service_stopped {
            sessions::delete(&c, &session.id)?;
            return Err(ApiError::unauthenticated());
        }
        sessions::touch(&c, &session.id, now)?;
        Ok(Self { user, session })
    }
}

/// The answer with a `Set-Cookie` header added.
pub fn with_cookie(mut res: Response, cookie: &str) -> Response {
    if let Ok(v) = cookie.parse() {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

/// `GET /api/auth/context`
pub async fn context(State(st): State<AppState>, parts: Parts) -> ApiResult<Response> {
    let now = crate::db::now();
    let c = st.db.lock();
    let verdict = certcheck::verdict(&st, &parts, &c)?;
    let cert = certcheck::check(&c, verdict.as_ref(), now)?;
    let cookie = sessions::cookie(&parts.headers);
    let (session, fresh) =
        match sessions::lookup(&c, cookie.as_deref(), now, st.config.idle_timeout_secs)? {
            Lookup::Active(s) => (s, false),
            _ => (
                sessions::create(&c, None, None, now, st.config.idle_timeout_secs)?,
                true,
            ),
        };
    let body = AuthContext {
        bank_name: st.config.bank_name.clone(),
        certificate: cert.presented(),
        csrf_token: session.csrf_token.clone(),
    };
    let res = Json(body).into_response();
    Ok(if fresh {
        with_cookie(res, &sessions::set_cookie(Some(&session.id), st.config.tls))
    } else {
        res
    })
}

fn company(c: &Connection) -> rusqlite::Result<CompanySummary> {
    c.query_row(
        "SELECT name, name_kana FROM company WHERE id = 1",
        [],
        |r| {
            Ok(CompanySummary {
                name: r.get(0)?,
                name_kana: r.get(1)?,
            })
        },
    )
}

/// The session body for `user`.
fn session_body(
    st: &AppState,
    c: &Connection,
    user: &User,
    s: &SessionRow,
    now: i64,
) -> rusqlite::Result<Session> {
    let previous_login_at: Option<i64> = c.query_row(
        "SELECT MAX(at) FROM login_history WHERE user_id = ?1 AND at < ?2",
        params![user.id, s.created_at],
        |r| r.get(0),
    )?;
    let certificate = match &s.cert_fingerprint {
        Some(fp) => users::certificate_by_fingerprint(c, fp)?.map(|row| {
            let days_left = (row.not_after - now).div_euclid(DAY);
            SessionCertificate {
                expires_at: row.not_after,
                days_left,
                renewal_notice: days_left <= i64::from(st.config.cert_notice_days),
                app_download_url: st.config.cert_app_download_url.clone(),
                app_launch_url: st.config.cert_app_launch_url.clone(),
            }
        }),
        None => None,
    };
    Ok(Session {
        user: SessionUser {
            login_id: user.login_id.clone(),
            name: user.name.clone(),
            role: user.role,
            auth_method: user.auth_method,
        },
        company: company(c)?,
        permissions: user.permissions(),
        csrf_token: s.csrf_token.clone(),
        must_change_password: user.must_change_password,
        logged_in_at: s.created_at,
        previous_login_at,
        idle_timeout_secs: st.config.idle_timeout_secs,
        certificate,
    })
}

/// `GET /api/session`
pub async fn current(State(st): State<AppState>, auth: Authenticated) -> ApiResult<Json<Session>> {
    let c = st.db.lock();
    Ok(Json(session_body(
        &st,
        &c,
        &auth.user,
        &auth.session,
        crate::db::now(),
    )?))
}

fn invalid_credentials(remaining: Option<u32>) -> ApiError {
    ApiError {
        remaining_attempts: remaining,
        ..ApiError::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::InvalidCredentials,
            "ログインIDまたはログインパスワードが正しくありません。",
        )
    }
}

fn locked() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        ErrorCode::AccountLocked,
        "ログインパスワードを規定回数以上誤ったため、ご利用いただけません（ロック中）。管理者にロック解除を依頼してください。",
    )
}

/// `POST /api/session`: log in.
pub async fn login(
    State(st): State<AppState>,
    parts: Parts,
    Json(req): Json<LoginRequest>,
) -> ApiResult<Response> {
    let now = crate::db::now();
    let c = st.db.lock();
    let verdict = certcheck::verdict(&st, &parts, &c)?;
    let cert = certcheck::check(&c, verdict.as_ref(), now)?;
    let login_id = req
        .login_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());

    let mut field_errors = Vec::new();
    if login_id.is_none() && matches!(cert, CertCheck::None) {
        field_errors.push(rules::RuleError::Required.to_field_error("login_id", "ログインID"));
    }
    if req.password.is_empty() {
        field_errors
            .push(rules::RuleError::Required.to_field_error("password", "ログインパスワード"));
    }
    if !field_errors.is_empty() {
        return Err(ApiError::validation(field_errors));
    }

    let (user, via_certificate) = match (login_id, &cert) {
        (Some(id), _) => (users::by_login_id(&c, id)?, false),
        (None, CertCheck::Valid { user_id, .. }) => (users::by_id(&c, *user_id)?, true),
        (None, refused) => {
            let refusal = refused.refusal().unwrap_or_else(|| {
                ApiError::certificate_refused(
                    PresentedCertificateStatus::Unknown,
                    certcheck::UNKNOWN,
                )
            });
            oplog::record(
                &c,
                now,
                &Actor {
                    user_id: None,
                    login_id: "",
                    name: "",
                },
                LOGIN,
                operations::CERTIFICATE_LOGIN,
                false,
                certcheck::log_reason(refusal.certificate_status),
            )?;
            return Err(refusal);
        }
    };
    let Some(user) = user else {
        let tried = login_id.unwrap_or_default();
        oplog::record(
            &c,
            now,
            &Actor {
                user_id: None,
                login_id: tried,
                name: "",
            },
            LOGIN,
            operations::LOGIN,
            false,
            "ログインID不明",
        )?;
        return Err(invalid_credentials(None));
    };
    let actor = Actor {
        user_id: Some(user.id),
        login_id: &user.login_id,
        name: &user.name,
    };
    if user.locked {
        oplog::record(&c, now, &actor, LOGIN, operations::LOGIN, false, "ロック中")?;
        return Err(locked());
    }
    if !passwords::verify(&req.password, &user.password_hash) {
        let (attempts, now_locked) = users::record_failed_attempt(&c, &user, now)?;
        oplog::record(
            &c,
            now,
            &actor,
            LOGIN,
            operations::LOGIN,
            false,
            "ログインパスワード誤り",
        )?;
        return Err(if now_locked {
            locked()
        } else {
            invalid_credentials(Some(MAX_FAILED_ATTEMPTS - attempts))
        });
    }
    if !via_certificate && user.auth_method == AuthMethod::Certificate {
        oplog::record(
            &c,
            now,
            &actor,
            LOGIN,
            operations::LOGIN,
            false,
            "電子証明書方式の利用者",
        )?;
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::CertificateRequired,
            "このログインIDは電子証明書方式です。電子証明書を選択してログインしてください。",
        ));
    }
    if user.service_stopped {
        oplog::record(
            &c,
            now,
            &actor,
            LOGIN,
            operations::LOGIN,
            false,
            "サービス停止中",
        )?;
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::ServiceStopped,
            "このログインIDはサービスが停止されています。管理者にお問い合わせください。",
        ));
    }

    c.execute(
        "UPDATE users SET failed_attempts = 0 WHERE id = ?1",
        [user.id],
    )?;
    let method = if via_certificate {
        AuthMethod::Certificate
    } else {
        AuthMethod::Password
    };
    c.execute(
        "INSERT INTO login_history (user_id, at, method) VALUES (?1, ?2, ?3)",
        params![user.id, now, users::enum_to_db(&method)],
    )?;
    // A new session ID at login (no fixation); the anonymous one is dropped.
    if let Some(old) = sessions::cookie(&parts.headers) {
        sessions::delete(&c, &old)?;
    }
    let fingerprint = match (&cert, via_certificate) {
        (CertCheck::Valid { fingerprint, .. }, true) => Some(fingerprint.as_str()),
        _ => None,
    };
    let session = sessions::create(
        &c,
        Some(user.id),
        fingerprint,
        now,
        st.config.idle_timeout_secs,
    )?;
    let how = if via_certificate {
        operations::CERTIFICATE_LOGIN
    } else {
        operations::PASSWORD_LOGIN
    };
    oplog::record(&c, now, &actor, LOGIN, how, true, "")?;
    let body = session_body(&st, &c, &user, &session, now)?;
    Ok(with_cookie(
        Json(body).into_response(),
        &sessions::set_cookie(Some(&session.id), st.config.tls),
    ))
}

/// `DELETE /api/session`: log out (also fine when already logged out).
pub async fn logout(State(st): State<AppState>, headers: HeaderMap) -> ApiResult<Response> {
    let now = crate::db::now();
    let c = st.db.lock();
    if let Some(id) = sessions::cookie(&headers) {
        if let Lookup::Active(s) =
            sessions::lookup(&c, Some(&id), now, st.config.idle_timeout_secs)?
        {
            if let Some(user) = s
                .user_id
                .map(|u| users::by_id(&c, u))
                .transpose()?
                .flatten()
            {
                let actor = Actor {
                    user_id: Some(user.id),
                    login_id: &user.login_id,
                    name: &user.name,
                };
                oplog::record(&c, now, &actor, LOGIN, operations::LOGOUT, true, "")?;
            }
        }
        sessions::delete(&c, &id)?;
    }
    Ok(with_cookie(
        StatusCode::NO_CONTENT.into_response(),
        &sessions::set_cookie(None, st.config.tls),
    ))
}

/// `PUT /api/me/password`: change the own login and/or confirm password.
pub async fn change_password(
    State(st): State<AppState>,
    auth: Authenticated,
    Json(req): Json<PasswordChangeRequest>,
) -> ApiResult<Json<PasswordChangeResult>> {
    let now = crate::db::now();
    let user = &auth.user;
    let mut errors =
        rules::password_change_request(&user.login_id, &req, user.must_change_password);
    let current_wrong = |kind: PasswordKind, hash: &str, current: &str| {
        (!current.is_empty() && !passwords::verify(current, hash)).then(|| {
            kanri_contract::api::FieldError {
                field: format!("{}.current", kind.field_prefix()),
                code: "wrong_password".into(),
                message: format!("{}が正しくありません。", kind.labels().current),
            }
        })
    };
    if errors.is_empty() {
        if let Some(ch) = &req.login_password {
            errors.extend(current_wrong(
                PasswordKind::Login,
                &user.password_hash,
                &ch.current,
            ));
        }
        if let Some(ch) = &req.confirm_password {
            errors.extend(current_wrong(
                PasswordKind::Confirm,
                &user.confirm_password_hash,
                &ch.current,
            ));
        }
    }
    let c = st.db.lock();
    let actor = Actor {
        user_id: Some(user.id),
        login_id: &user.login_id,
        name: &user.name,
    };
    if !errors.is_empty() {
        oplog::record(
            &c,
            now,
            &actor,
            USER_ADMIN,
            operations::PASSWORD_CHANGE,
            false,
            "入力誤り",
        )?;
        return Err(ApiError::validation(errors));
    }
    let mut changed = Vec::new();
    if let Some(ch) = &req.login_password {
        c.execute(
            "UPDATE users SET password_hash = ?1, must_change_password = 0, updated_at = ?2 WHERE id = ?3",
            params![passwords::hash(&ch.new), now, user.id],
        )?;
        changed.push(PasswordKind::Login);
    }
    if let Some(ch) = &req.confirm_password {
        c.execute(
            "UPDATE users SET confirm_password_hash = ?1, updated_at = ?2 WHERE id = ?3",
            params![passwords::hash(&ch.new), now, user.id],
        )?;
        changed.push(PasswordKind::Confirm);
    }
    let what: Vec<_> = changed.iter().map(|k| k.label()).collect();
    oplog::record(
        &c,
        now,
        &actor,
        USER_ADMIN,
        operations::PASSWORD_CHANGE,
        true,
        &what.join("・"),
    )?;
    Ok(Json(PasswordChangeResult {
        changed,
        changed_at: now,
    }))
}
