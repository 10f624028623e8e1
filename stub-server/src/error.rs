//! The one error type of every handler, rendered as the contract's [`ErrorBody`].

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use kanri_contract::api::{ErrorBody, ErrorCode, FieldError, PresentedCertificateStatus};
use kanri_contract::headers::REFERENCE_ID;

/// An error answer: status, code, Japanese message and optional details.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{status} {code:?}: {message}")]
pub struct ApiError {
    pub status: StatusCode,
    pub code: ErrorCode,
    pub message: String,
    pub field_errors: Vec<FieldError>,
    pub remaining_attempts: Option<u32>,
    /// With `certificate_refused`: what is wrong with the presented certificate.
    pub certificate_status: Option<PresentedCertificateStatus>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            field_errors: Vec::new(),
            remaining_attempts: None,
            certificate_status: None,
        }
    }

    pub fn unauthenticated() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthenticated,
            "ログインしていません。ログインしてください。",
        )
    }

    pub fn session_expired() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::SessionExpired,
            "セッションがタイムアウトしました。再度ログインしてください。",
        )
    }

    pub fn forbidden() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            "この操作を行う権限がありません。",
        )
    }

    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "指定された情報は見つかりませんでした。",
        )
    }

    /// 403 `certificate_refused`, saying what is wrong with the presented certificate.
    pub fn certificate_refused(
        status: PresentedCertificateStatus,
        message: impl Into<String>,
    ) -> Self {
        Self {
            certificate_status: Some(status),
            ..Self::new(
                StatusCode::FORBIDDEN,
                ErrorCode::CertificateRefused,
                message,
            )
        }
    }

    /// 422 with the given field errors.
    pub fn validation(field_errors: Vec<FieldError>) -> Self {
        Self {
            field_errors,
            ..Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::ValidationFailed,
                "入力内容に誤りがあります。各項目のメッセージをご確認ください。",
            )
        }
    }

    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            "システムエラーが発生しました。しばらくしてから再度お試しください。",
        )
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        tracing::error!("database error: {e}");
        Self::internal()
    }
}

/// A fresh reference ID for the helpdesk, e.g. `R-3F9A0C12D4`.
pub fn reference_id() -> String {
    let mut b = [0u8; 5];
    // An all-zero ID on entropy failure is still a valid (if unhelpful) reference.
    let _ = getrandom::fill(&mut b);
    format!("R-{}", hex::encode_upper(b))
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let reference = reference_id();
        if self.status.is_server_error() {
            tracing::error!(reference, "{self}");
        } else {
            tracing::info!(reference, "{self}");
        }
        let body = ErrorBody {
            status: self.status.as_u16(),
            code: self.code,
            message: self.message,
            field_errors: self.field_errors,
            reference_id: Some(reference.clone()),
            remaining_attempts: self.remaining_attempts,
            certificate_status: self.certificate_status,
            retry_after_secs: None,
        };
        let mut res = (self.status, Json(body)).into_response();
        if let Ok(v) = HeaderValue::from_str(&reference) {
            res.headers_mut().insert(REFERENCE_ID, v);
        }
        res
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
