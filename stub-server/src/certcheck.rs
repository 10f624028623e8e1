//! The certificate a request presents, judged against the CA and the database.

use crate::error::ApiError;
use crate::pki::ChainVerdict;
use crate::state::{AppState, ConnInfo};
use crate::users;
use axum::http::request::Parts;
use kanri_contract::api::{PresentedCertificate, PresentedCertificateStatus};
use rusqlite::Connection;

/// The verdict on a request's client certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertCheck {
    /// No certificate presented.
    None,
    /// Usable for login: the bank's, valid, not revoked, mapped to a user.
    Valid {
        user_id: i64,
        fingerprint: String,
        not_after: i64,
    },
    Expired {
        not_after: Option<i64>,
    },
    Revoked {
        not_after: i64,
    },
    Unknown,
}

impl CertCheck {
    /// What the login screen is told.
    pub fn presented(&self) -> Option<PresentedCertificate> {
        let (status, expires_at) = match self {
            CertCheck::None => return None,
            CertCheck::Valid { not_after, .. } => {
                (PresentedCertificateStatus::Valid, Some(*not_after))
            }
            CertCheck::Expired { not_after } => (PresentedCertificateStatus::Expired, *not_after),
            CertCheck::Revoked { not_after } => {
                (PresentedCertificateStatus::Revoked, Some(*not_after))
            }
            CertCheck::Unknown => (PresentedCertificateStatus::Unknown, None),
        };
        Some(PresentedCertificate { status, expires_at })
    }

    /// The verdict as the contract names it (`None` when no certificate was presented).
    pub fn status(&self) -> Option<PresentedCertificateStatus> {
        self.presented().map(|p| p.status)
    }

    /// The 403 `certificate_refused` for a certificate that cannot be used to log in:
    /// `None` when it can be, or when none was presented.
    pub fn refusal(&self) -> Option<ApiError> {
        let status = self.status()?;
        let message = match status {
            PresentedCertificateStatus::Valid => return None,
            PresentedCertificateStatus::Expired => EXPIRED,
            PresentedCertificateStatus::Revoked => REVOKED,
            PresentedCertificateStatus::Unknown => UNKNOWN,
        };
        Some(ApiError::certificate_refused(status, message))
    }

    /// The 403 `certificate_refused` for a request of a session opened with the
    /// certificate `bound`: `None` when this request presents that very certificate, still
    /// valid. A missing certificate reads as `unknown`, another valid one as `valid`.
    pub fn refusal_for_session(&self, bound: &str) -> Option<ApiError> {
        match self {
            CertCheck::Valid { fingerprint, .. } if fingerprint == bound => None,
            CertCheck::Valid { .. } => Some(ApiError::certificate_refused(
                PresentedCertificateStatus::Valid,
                DIFFERENT,
            )),
            CertCheck::None => Some(ApiError::certificate_refused(
                PresentedCertificateStatus::Unknown,
                MISSING,
            )),
            refused => refused.refusal(),
        }
    }
}

/// 403 messages of `certificate_refused`, one per case (docs/API.md lists them).
pub const REVOKED: &str = "この電子証明書は失効しています。ブラウザを閉じ、管理者に電子証明書の再発行を依頼してください。再発行後、証明書発行アプリで新しい電子証明書を取得してからログインしてください。";
pub const EXPIRED: &str = "この電子証明書は有効期限が切れています。ブラウザを閉じ、電子証明書の取得手順にしたがって電子証明書を再度取得してからログインしてください。";
pub const UNKNOWN: &str = "この電子証明書は当行が発行したものではないか、登録されていません。ブラウザを閉じ、当行が発行した電子証明書を選択して再度ログインしてください。";
pub const MISSING: &str = "電子証明書が提示されませんでした。ブラウザを閉じ、ログイン時の電子証明書を選択して再度ログインしてください。";
pub const DIFFERENT: &str =
    "ログイン時とは異なる電子証明書が使用されました。ブラウザを閉じ、再度ログインしてください。";

/// The operation log's short reason for a refused certificate.
pub fn log_reason(status: Option<PresentedCertificateStatus>) -> &'static str {
    match status {
        Some(PresentedCertificateStatus::Revoked) => "失効済みの電子証明書",
        Some(PresentedCertificateStatus::Expired) => "有効期限切れの電子証明書",
        Some(PresentedCertificateStatus::Valid) => "ログイン時と異なる電子証明書",
        Some(PresentedCertificateStatus::Unknown) | None => "確認できない電子証明書",
    }
}

/// The chain verdict of this request's connection. In plain-HTTP preview with
/// `--as-certificate`, the named user's newest certificate stands in for one.
pub fn verdict(
    state: &AppState,
    parts: &Parts,
    c: &Connection,
) -> rusqlite::Result<Option<ChainVerdict>> {
    if let Some(conn) = parts.extensions.get::<ConnInfo>() {
        return Ok(conn.presented.clone());
    }
    let Some(login_id) = &state.config.as_certificate else {
        return Ok(None);
    };
    let Some(user) = users::by_login_id(c, login_id)? else {
        return Ok(Some(ChainVerdict::Untrusted));
    };
    Ok(
        users::latest_certificate(c, user.id)?.map(|(fingerprint, not_after, _)| {
            if not_after < crate::db::now() {
                ChainVerdict::Expired { fingerprint }
            } else {
                ChainVerdict::Trusted { fingerprint }
            }
        }),
    )
}

/// Combine the chain verdict with what the database knows (revocation, owner).
pub fn check(
    c: &Connection,
    verdict: Option<&ChainVerdict>,
    now: i64,
) -> rusqlite::Result<CertCheck> {
    let (fingerprint, chain_expired) = match verdict {
        None => return Ok(CertCheck::None),
        Some(ChainVerdict::Untrusted) => return Ok(CertCheck::Unknown),
        Some(ChainVerdict::Expired { fingerprint }) => (fingerprint, true),
        Some(ChainVerdict::Trusted { fingerprint }) => (fingerprint, false),
    };
    let Some(row) = users::certificate_by_fingerprint(c, fingerprint)? else {
        return Ok(CertCheck::Unknown);
    };
    Ok(if row.revoked_at.is_some() {
        CertCheck::Revoked {
            not_after: row.not_after,
        }
    } else if chain_expired || row.not_after < now {
        CertCheck::Expired {
            not_after: Some(row.not_after),
        }
    } else {
        CertCheck::Valid {
            user_id: row.user_id,
            fingerprint: fingerprint.clone(),
            not_after: row.not_after,
        }
    })
}
