//! What every 管理 mutation shares: the permission check, the one operation-log row per
//! call, the JSON body, and the operator's 確認用パスワード (with its lock).
//!
//! A mutation runs in [`run`] (on a user) or [`run_about`] (on anything else): one
//! transaction, one log row (正常, or 異常 with the reason of the [`Refusal`]).

use crate::auth::Authenticated;
use crate::error::{ApiError, ApiResult};
use crate::oplog::{self, Actor};
use crate::passwords;
use crate::state::AppState;
use crate::users::{self, User, MAX_CONFIRM_ATTEMPTS};
use axum::http::StatusCode;
use kanri_contract::api::{ErrorCode, FieldError, Permission};
use kanri_contract::user_rules::{self, field};
use kanri_contract::users::Confirmation;
use rusqlite::Connection;
use serde::de::DeserializeOwned;

/// The message of 403 `confirm_password_locked`.
pub const CONFIRM_LOCKED_MESSAGE: &str = "確認用パスワードが規定回数以上誤って入力されたため、ロックされています。マスターユーザまたは管理者ユーザにお問い合わせください。";

/// 403 `forbidden` unless the operator holds `permission`.
pub fn require(auth: &Authenticated, permission: Permission) -> ApiResult<()> {
    if auth.user.permissions().contains(&permission) {
        Ok(())
    } else {
        Err(ApiError::forbidden())
    }
}

/// 403 `forbidden` unless the operator holds [`Permission::ManageUsers`] (利用者管理).
pub fn require_manager(auth: &Authenticated) -> ApiResult<()> {
    require(auth, Permission::ManageUsers)
}

/// 403 `forbidden` unless the operator holds [`Permission::ManageCompany`] (企業管理).
pub fn require_company_manager(auth: &Authenticated) -> ApiResult<()> {
    require(auth, Permission::ManageCompany)
}

/// A refused (or failed) mutation: the answer, and the reason for the operation log.
pub struct Refusal {
    pub error: ApiError,
    pub reason: String,
}

pub fn refuse(error: ApiError, reason: impl Into<String>) -> Refusal {
    Refusal {
        error,
        reason: reason.into(),
    }
}

impl From<rusqlite::Error> for Refusal {
    fn from(e: rusqlite::Error) -> Self {
        refuse(ApiError::from(e), "システムエラー")
    }
}

pub type Outcome<T> = Result<T, Refusal>;

/// Run one mutation on a user in a transaction and write its one operation-log row, whose
/// detail is 「ログインID：{target}」 (with the reason of a refusal in brackets). See
/// [`run_about`].
pub fn run<T>(
    st: &AppState,
    auth: &Authenticated,
    business: &str,
    operation: &str,
    target: &str,
    f: impl FnOnce(&Connection, i64) -> Outcome<T>,
) -> ApiResult<T> {
    let target: String = target.chars().take(64).collect();
    run_about(
        st,
        auth,
        business,
        operation,
        format!("ログインID：{target}"),
        |c, now, _| f(c, now),
    )
}

/// Run one mutation in a transaction and write its one operation-log row. The row's
/// detail is `subject` (what the call is about), which the mutation may set as it learns
/// more (e.g. the items a change changes), followed on a refusal by its reason in
/// brackets: 「ログインID：user01（入力誤り）」; a refusal with an empty subject is logged
/// with its reason alone. A refusal's own writes (the count of wrong 確認用パスワード
/// entries) are kept; a database error rolls everything back and is logged outside the
/// transaction.
pub fn run_about<T>(
    st: &AppState,
    auth: &Authenticated,
    business: &str,
    operation: &str,
    subject: String,
    f: impl FnOnce(&Connection, i64, &mut String) -> Outcome<T>,
) -> ApiResult<T> {
    let now = crate::db::now();
    let c = st.db.lock();
    let tx = c.unchecked_transaction()?;
    let mut subject = subject;
    let outcome = f(&tx, now, &mut subject);
    let detail = match &outcome {
        Ok(_) => subject,
        Err(r) if subject.is_empty() => r.reason.clone(),
        Err(r) => format!("{subject}（{}）", r.reason),
    };
    let actor = Actor {
        user_id: Some(auth.user.id),
        login_id: &auth.user.login_id,
        name: &auth.user.name,
    };
    let ok = outcome.is_ok();
    if matches!(&outcome, Err(r) if r.error.status.is_server_error()) {
        tx.rollback()?;
        oplog::record(&c, now, &actor, business, operation, false, &detail)?;
    } else {
        oplog::record(&tx, now, &actor, business, operation, ok, &detail)?;
        tx.commit()?;
    }
    outcome.map_err(|r| r.error)
}

/// A JSON body; a malformed one is 400 `bad_request` (in the error body, like every error).
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Outcome<T> {
    serde_json::from_slice(body).map_err(|e| {
        refuse(
            ApiError::new(
                StatusCode::BAD_REQUEST,
                ErrorCode::BadRequest,
                format!("送信内容の形式が正しくありません（{e}）。"),
            ),
            "要求形式誤り",
        )
    })
}

/// 422 with these field errors, logged as 入力誤り.
pub fn invalid(errors: Vec<FieldError>) -> Refusal {
    refuse(ApiError::validation(errors), "入力誤り")
}

/// The operator, read again inside the transaction (the confirmation counters may have
/// moved since the request was authenticated).
pub fn operator(c: &Connection, auth: &Authenticated) -> Outcome<User> {
    users::by_id(c, auth.user.id)?.ok_or_else(|| refuse(ApiError::unauthenticated(), "利用者なし"))
}

fn confirm_locked() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        ErrorCode::ConfirmPasswordLocked,
        CONFIRM_LOCKED_MESSAGE,
    )
}

/// The operator's 確認用パスワード: locked → 403; wrong → counted, 422 with the attempts
/// left, or 403 once locked; right → the count starts again. The ワンタイムパスワード is
/// only checked for its form (6 digits): the stand-in has no tokens.
pub fn check_confirmation(c: &Connection, operator: &User, conf: &Confirmation) -> Outcome<()> {
    if operator.confirm_locked {
        return Err(refuse(confirm_locked(), "確認用パスワードロック中"));
    }
    if !passwords::verify(&conf.confirm_password, &operator.confirm_password_hash) {
        let (attempts, locked) = users::record_confirm_failure(c, operator)?;
        if locked {
            return Err(refuse(confirm_locked(), "確認用パスワード誤り・ロック"));
        }
        let error = ApiError {
            remaining_attempts: Some(MAX_CONFIRM_ATTEMPTS.saturating_sub(attempts)),
            ..ApiError::validation(vec![FieldError {
                field: field::OPERATOR_PASSWORD.into(),
                code: "wrong_password".into(),
                message: "確認用パスワードが正しくありません。".into(),
            }])
        };
        return Err(refuse(error, "確認用パスワード誤り"));
    }
    users::reset_confirm_failures(c, operator.id)?;
    Ok(())
}

/// The confirmation of a mutation without other input (deletion, revocation): its form
/// (422 on `confirmation.*`), then the operator's 確認用パスワード as in
/// [`check_confirmation`].
pub fn confirm(c: &Connection, auth: &Authenticated, conf: &Confirmation) -> Outcome<()> {
    let errors = user_rules::confirmation_errors(conf, users::company_uses_one_time_password(c)?);
    if !errors.is_empty() {
        return Err(invalid(errors));
    }
    check_confirmation(c, &operator(c, auth)?, conf)
}
