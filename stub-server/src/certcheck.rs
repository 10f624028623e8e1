//! The certificate a request presents, judged against the CA and the database.

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

    /// The Japanese reason a certificate cannot be used (None when it can, or none was given).
    pub fn refusal(&self) -> Option<&'static str> {
        match self {
            CertCheck::None | CertCheck::Valid { .. } => None,
            CertCheck::Expired { .. } => Some(
                "ご利用の電子証明書は有効期限が切れています。電子証明書を再取得のうえ、ログインしてください。",
            ),
            CertCheck::Revoked { .. } => Some(
                "ご利用の電子証明書は失効しています。管理者に電子証明書の再発行を依頼してください。",
            ),
            CertCheck::Unknown => Some(
                "ご利用の電子証明書を確認できませんでした。当行が発行した電子証明書を選択してください。",
            ),
        }
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
