//! JSON bodies of the API (see `docs/API.md` for endpoints and status codes).
//!
//! Instants are Unix seconds (UTC) in fields named `*_at`; display them with
//! [`crate::datetime`]. Enums travel as `snake_case` strings.

use serde::{Deserialize, Serialize};

/// The body of every error answer (4xx/5xx).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// The HTTP status, repeated for logs.
    pub status: u16,
    /// What went wrong, for programs.
    pub code: ErrorCode,
    /// What went wrong, for people (Japanese).
    pub message: String,
    /// Errors of single fields (422), in field order.
    #[serde(default)]
    pub field_errors: Vec<FieldError>,
    /// The backend's reference ID, to quote to the helpdesk.
    #[serde(default)]
    pub reference_id: Option<String>,
    /// Attempts left before a lock: login (`invalid_credentials`) and a wrong operator
    /// 確認用パスワード (422 on `confirmation.confirm_password`).
    #[serde(default)]
    pub remaining_attempts: Option<u32>,
    /// With `certificate_refused`: what is wrong with the presented certificate (the SPA
    /// shows a screen for each). `valid` means a valid certificate other than the one the
    /// session was opened with.
    #[serde(default)]
    pub certificate_status: Option<PresentedCertificateStatus>,
    /// With 429 and 503: seconds to wait before trying again. The HTTP `Retry-After`
    /// header is the source; the SPA's client copies it here when the body lacks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_secs: Option<u32>,
}

/// One field's error. `field` is the JSON path of the field in the request
/// (e.g. `login_password.new`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

/// Machine-readable error codes. Unknown codes from a newer backend read as `Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// 400: the request is malformed.
    BadRequest,
    /// 401: not logged in.
    Unauthenticated,
    /// 401: the session ended through inactivity.
    SessionExpired,
    /// 401: wrong login ID or password.
    InvalidCredentials,
    /// 403: the account is locked after too many wrong passwords.
    AccountLocked,
    /// 403: the user's service is stopped (利用者停止).
    ServiceStopped,
    /// 403: the client certificate is unknown, expired or revoked.
    CertificateRefused,
    /// 403: a certificate user tried the ID/password login.
    CertificateRequired,
    /// 403: no right to do this.
    Forbidden,
    /// 403: missing or wrong anti-CSRF token.
    CsrfFailed,
    /// 403: the operator's 確認用パスワード was wrong too often and is locked.
    ConfirmPasswordLocked,
    /// 404
    NotFound,
    /// 409: the data changed meanwhile, or a unique value is taken.
    Conflict,
    /// 409: the same Idempotency-Key is still being processed.
    IdempotencyInProgress,
    /// 422: field errors, see `field_errors`.
    ValidationFailed,
    /// 422: an Idempotency-Key reused for a different request.
    IdempotencyKeyReused,
    /// 428: a mutating request without Idempotency-Key.
    IdempotencyKeyMissing,
    /// 429
    RateLimited,
    /// 500
    Internal,
    /// 503
    Unavailable,
    #[serde(other)]
    Unknown,
}

/// `GET /api/auth/context`: what the login screen needs before anyone is logged in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthContext {
    /// The bank's name for the header.
    pub bank_name: String,
    /// The certificate the browser presented in the TLS handshake, if any.
    pub certificate: Option<PresentedCertificate>,
    /// Anti-CSRF token of the anonymous session, for the login request.
    pub csrf_token: String,
}

/// A certificate seen in the TLS handshake, as the backend judged it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresentedCertificate {
    pub status: PresentedCertificateStatus,
    /// End of validity, when the certificate could be read.
    pub expires_at: Option<i64>,
}

/// The backend's verdict on a presented certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PresentedCertificateStatus {
    /// Issued by the bank, in validity, not revoked, mapped to a user: log in with the
    /// password only.
    Valid,
    /// Past its validity.
    Expired,
    /// Revoked by an administrator.
    Revoked,
    /// Not issued by the bank, or not mapped to any user.
    Unknown,
}

/// `POST /api/session`: log in. With a valid client certificate `login_id` is omitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginRequest {
    #[serde(default)]
    pub login_id: Option<String>,
    pub password: String,
}

/// 利用者区分.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Master,
    Admin,
    General,
}

impl Role {
    /// マスターユーザ / 管理者ユーザ / 一般ユーザ.
    pub fn label(self) -> &'static str {
        match self {
            Role::Master => "マスターユーザ",
            Role::Admin => "管理者ユーザ",
            Role::General => "一般ユーザ",
        }
    }
}

/// How the user authenticates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthMethod {
    /// 電子証明書方式: client certificate + login password.
    Certificate,
    /// ID・パスワード方式: login ID + login password.
    Password,
}

/// Rights that decide which 管理 screens a user may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// 企業管理 (管理者権限).
    ManageCompany,
    /// 利用者管理 of other users (管理者権限).
    ManageUsers,
    /// 全操作履歴照会 (管理 group of the rights matrix).
    ViewAllHistory,
}

/// The logged-in user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub login_id: String,
    /// 利用者名.
    pub name: String,
    pub role: Role,
    pub auth_method: AuthMethod,
}

/// The user's company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanySummary {
    /// 企業名.
    pub name: String,
    /// 企業名(カナ).
    pub name_kana: String,
}

/// The certificate of a certificate user's session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionCertificate {
    pub expires_at: i64,
    /// Whole days left until `expires_at`.
    pub days_left: i64,
    /// Whether `days_left` is within the notice period (BLGI005 is shown).
    pub renewal_notice: bool,
    /// Where the bank's 証明書発行アプリ is downloaded (「証明書発行アプリのダウンロード」).
    pub app_download_url: String,
    /// The URL (scheme) that starts the installed app (「証明書発行アプリの起動」).
    pub app_launch_url: String,
}

/// `GET /api/session`, and the answer to a successful login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub user: SessionUser,
    pub company: CompanySummary,
    pub permissions: Vec<Permission>,
    /// Anti-CSRF token for mutating requests of this session.
    pub csrf_token: String,
    /// The user must change the login password before anything else.
    pub must_change_password: bool,
    /// This login.
    pub logged_in_at: i64,
    /// The login before this one (none at the first login).
    pub previous_login_at: Option<i64>,
    /// The backend's idle limit.
    pub idle_timeout_secs: u32,
    /// Present for certificate users.
    pub certificate: Option<SessionCertificate>,
}

impl Session {
    /// Whether the user holds `p`.
    pub fn has(&self, p: Permission) -> bool {
        self.permissions.contains(&p)
    }
}

/// Which password a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PasswordKind {
    /// ログインパスワード.
    Login,
    /// 確認用パスワード.
    Confirm,
}

/// One password change: the current password and the new one entered twice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordChange {
    pub current: String,
    pub new: String,
    pub new_again: String,
}

/// `PUT /api/me/password`: change the own login and/or confirm password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordChangeRequest {
    pub login_password: Option<PasswordChange>,
    pub confirm_password: Option<PasswordChange>,
}

/// Answer to a successful password change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordChangeResult {
    pub changed: Vec<PasswordKind>,
    pub changed_at: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_error_codes_do_not_break_parsing() {
        let body: ErrorBody = serde_json::from_str(
            r#"{"status":418,"code":"teapot","message":"x","reference_id":null}"#,
        )
        .unwrap();
        assert_eq!(body.code, ErrorCode::Unknown);
        assert!(body.field_errors.is_empty());
    }

    #[test]
    fn enums_travel_as_snake_case() {
        assert_eq!(
            serde_json::to_string(&Permission::ViewAllHistory).unwrap(),
            "\"view_all_history\""
        );
        assert_eq!(
            serde_json::to_string(&ErrorCode::InvalidCredentials).unwrap(),
            "\"invalid_credentials\""
        );
    }
}
