//! 電子証明書 administration: 証明書失効 [BRSK019] through the API, and the issuance the
//! bank's 証明書発行アプリ would do (the `issue-certificate` command).

use crate::admin::{confirm, parse, refuse, require_manager, run};
use crate::auth::{with_cookie, Authenticated};
use crate::db::Db;
use crate::error::{ApiError, ApiResult};
use crate::oplog::{self, Actor};
use crate::pki::{IssuedCertificate, Pki, PkiError};
use crate::sessions;
use crate::state::{AppState, DEFAULT_CERT_NOTICE_DAYS};
use crate::user_admin::{summary, BUSINESS};
use crate::users;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use kanri_contract::api::{AuthMethod, ErrorCode};
use kanri_contract::users::{CertificateRevoked, CertificateState, RevokeCertificateRequest};
use rusqlite::{params, TransactionBehavior};

/// The operation log's name of a revocation (business 利用者管理).
pub const REVOKE: &str = kanri_contract::history::operations::CERTIFICATE_REVOKE;

/// The message of 409 when the user has no certificate to revoke.
pub const NOTHING_TO_REVOKE: &str = "失効できる電子証明書がありません。";

/// `POST /api/users/{login_id}/certificate/revoke`: 証明書失効. Checks, in order: 管理者権限
/// (403), the user (404), a certificate to revoke (409), then the confirmation like every
/// 利用者管理 mutation. Every certificate of the user not yet revoked is revoked; a session
/// opened with one is refused on its next request. Revoking one's own certificate ends every
/// session of the operator at once, and the answer clears the session cookie.
pub async fn revoke(
    State(st): State<AppState>,
    auth: Authenticated,
    Path(login_id): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let req = parse::<RevokeCertificateRequest>(&body);
    let notice = st.config.cert_notice_days;
    let revoked = run(&st, &auth, BUSINESS, REVOKE, &login_id, |c, now| {
        require_manager(&auth).map_err(|e| refuse(e, "権限なし"))?;
        let req = req?;
        let target = users::by_login_id(c, &login_id)?
            .ok_or_else(|| refuse(ApiError::not_found(), "対象なし"))?;
        // Only the master user acts on the master user, and not on their own certificate.
        if let Err(why) = kanri_contract::users::may_revoke_certificate(
            target.role,
            &target.login_id,
            auth.user.role,
            &auth.user.login_id,
        ) {
            return Err(refuse(
                ApiError::new(StatusCode::FORBIDDEN, ErrorCode::Forbidden, why),
                "マスターユーザの証明書",
            ));
        }
        let (state, _) = target.certificate_state(c, now, notice)?;
        if !state.revocable() {
            return Err(refuse(
                ApiError::new(StatusCode::CONFLICT, ErrorCode::Conflict, NOTHING_TO_REVOKE),
                "失効できる電子証明書なし",
            ));
        }
        confirm(c, &auth, &req.confirmation)?;
        users::revoke_certificates(c, target.id, now)?;
        users::set_certificate_pending(c, target.id, false)?;
        let own = target.id == auth.user.id;
        if own {
            users::end_sessions(c, target.id)?;
        }
        let user =
            users::by_id(c, target.id)?.ok_or_else(|| refuse(ApiError::internal(), "失効失敗"))?;
        Ok(CertificateRevoked {
            user: summary(c, &user, now, notice)?,
            revoked_at: now,
            own,
        })
    })?;
    let own = revoked.own;
    let res = Json(revoked).into_response();
    Ok(if own {
        with_cookie(res, &sessions::set_cookie(None, st.config.tls))
    } else {
        res
    })
}

/// The operation log's business and operation of an issuance.
pub const ISSUE_BUSINESS: &str = kanri_contract::history::business::CERTIFICATE;
pub const ISSUE: &str = kanri_contract::history::operations::CERTIFICATE_ISSUE;

/// Longest validity the command issues, in days.
pub const MAX_DAYS: u32 = 3650;

const DAY: i64 = 86_400;

/// Why a certificate was not issued.
#[derive(Debug, thiserror::Error)]
pub enum IssueError {
    #[error("ログインID {0} の利用者は登録されていません。")]
    UnknownUser(String),
    #[error("ログインID {0} の利用者はID・パスワード方式です。電子証明書は発行できません。")]
    PasswordUser(String),
    #[error(
        "ログインID {login_id} の利用者の証明書状態は「{state}」です。発行できるのは、証明書状態が未発行・失効済み・有効期限切れの利用者です。"
    )]
    NotIssuable {
        login_id: String,
        state: &'static str,
    },
    #[error("有効日数は1〜{MAX_DAYS}日で指定してください（指定：{0}）。")]
    Days(u32),
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("certificates: {0}")]
    Pki(#[from] PkiError),
}

/// Whether the issuing app gives a user in `state` a new certificate: when they have none
/// they can use (未発行, also after 「失効し、再発行する」; 失効済み; 有効期限切れ).
pub fn issuable(state: CertificateState) -> bool {
    matches!(
        state,
        CertificateState::NotIssued | CertificateState::Revoked | CertificateState::Expired
    )
}

/// Issue a new client certificate to the certificate user `login_id`, valid for `days`
/// days from now, as the bank's 証明書発行アプリ would: the files
/// `certs/users/<login_id>.pem|.key` are replaced, the certificate is recorded, the user
/// is no longer waiting for one (証明書状態 発行済み or 更新可), and the operation log
/// gets a row (電子証明書 / 証明書発行). Safe while a server uses the same database: one
/// short write transaction, SQLite waits for the server's.
pub fn issue(
    db: &Db,
    pki: &Pki,
    login_id: &str,
    days: u32,
) -> Result<IssuedCertificate, IssueError> {
    if !(1..=MAX_DAYS).contains(&days) {
        return Err(IssueError::Days(days));
    }
    let now = crate::db::now();
    let mut c = db.lock();
    let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let user = users::by_login_id(&tx, login_id)?
        .ok_or_else(|| IssueError::UnknownUser(login_id.to_owned()))?;
    if user.auth_method != AuthMethod::Certificate {
        return Err(IssueError::PasswordUser(user.login_id));
    }
    // The notice period only tells 発行済み from 更新可 in the message.
    let (state, _) = user.certificate_state(&tx, now, DEFAULT_CERT_NOTICE_DAYS)?;
    if !issuable(state) {
        return Err(IssueError::NotIssuable {
            login_id: user.login_id,
            state: state.label(),
        });
    }
    let not_after = now + i64::from(days) * DAY;
    let issued = pki.issue_client(&user.login_id, &user.name, now - 60, not_after)?;
    tx.execute(
        "INSERT INTO certificates (user_id, serial, fingerprint, not_before, not_after) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            user.id,
            issued.serial,
            issued.fingerprint,
            issued.not_before,
            issued.not_after
        ],
    )?;
    users::set_certificate_pending(&tx, user.id, false)?;
    oplog::record(
        &tx,
        now,
        &Actor {
            user_id: Some(user.id),
            login_id: &user.login_id,
            name: &user.name,
        },
        ISSUE_BUSINESS,
        ISSUE,
        true,
        &format!("シリアル番号：{}", issued.serial),
    )?;
    tx.commit()?;
    Ok(issued)
}
