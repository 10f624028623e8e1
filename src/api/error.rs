//! Typed errors of API calls, each with a defined Japanese message.

use kanri_contract::api::{ErrorBody, ErrorCode, FieldError};

/// What can go wrong with an API call.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The backend answered with an error body of the contract.
    #[error("{}", .0.message)]
    Rejected(ErrorBody),
    /// The backend answered with an error status but no readable body (e.g. a proxy).
    #[error("HTTP {status}")]
    Status { status: u16 },
    /// The answer was a success but not the expected JSON.
    #[error("unexpected response: {0}")]
    Decode(String),
    /// No answer: the network failed or the connection was cut.
    #[error("network error")]
    Network,
    /// No answer within the time limit.
    #[error("timeout")]
    Timeout,
}

/// The defined message for a status when the backend gave none.
fn status_message(status: u16) -> &'static str {
    match status {
        400 => "送信内容を受け付けられませんでした。画面を再読み込みしてやり直してください。",
        401 => "ログインしていないか、セッションが終了しました。再度ログインしてください。",
        403 => "この操作を行う権限がありません。",
        404 => "指定された情報は見つかりませんでした。",
        409 => "他の操作と重なったため、処理できませんでした。最新の情報をご確認のうえ、やり直してください。",
        422 => "入力内容に誤りがあります。各項目のメッセージをご確認ください。",
        429 => "アクセスが集中しています。しばらくしてから再度お試しください。",
        503 => "ただいまサービスを停止しています。しばらくしてから再度お試しください。",
        _ => "システムエラーが発生しました。しばらくしてから再度お試しください。",
    }
}

impl ApiError {
    /// The HTTP status, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Rejected(b) => Some(b.status),
            ApiError::Status { status } => Some(*status),
            _ => None,
        }
    }

    /// The contract error code, when the backend gave one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Rejected(b) => Some(b.code),
            _ => None,
        }
    }

    /// The Japanese message for people, with the reference ID when the backend gave one.
    pub fn message(&self) -> String {
        match self {
            ApiError::Rejected(b) => match &b.reference_id {
                Some(r) if b.status != 422 => {
                    format!("{}（お問い合わせ番号：{r}）", b.message)
                }
                _ => b.message.clone(),
            },
            ApiError::Status { status } => status_message(*status).to_owned(),
            ApiError::Decode(_) => {
                "サーバーから予期しない応答がありました。しばらくしてから再度お試しください。".to_owned()
            }
            ApiError::Network => {
                "サーバーと通信できませんでした。通信環境をご確認のうえ、再度お試しください。入力内容は保持されています。".to_owned()
            }
            ApiError::Timeout => {
                "サーバーからの応答がありませんでした。しばらくしてから再度お試しください。入力内容は保持されています。".to_owned()
            }
        }
    }

    /// Field errors (422).
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            ApiError::Rejected(b) => &b.field_errors,
            _ => &[],
        }
    }

    /// Whether the same request may simply be sent again (the Idempotency-Key makes a
    /// retried mutation safe).
    pub fn is_retryable(&self) -> bool {
        match self {
            ApiError::Network | ApiError::Timeout => true,
            other => other.status().is_some_and(|s| s >= 500 || s == 429),
        }
    }

    /// Whether the user must log in (again).
    pub fn needs_login(&self) -> bool {
        self.status() == Some(401)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(status: u16, code: ErrorCode) -> ErrorBody {
        ErrorBody {
            status,
            code,
            message: "メッセージ".into(),
            field_errors: vec![],
            reference_id: Some("R-1".into()),
            remaining_attempts: None,
            certificate_status: None,
        }
    }

    #[test]
    fn server_errors_quote_the_reference_and_are_retryable() {
        let e = ApiError::Rejected(body(500, ErrorCode::Internal));
        assert_eq!(e.message(), "メッセージ（お問い合わせ番号：R-1）");
        assert!(e.is_retryable());
        assert!(!ApiError::Rejected(body(422, ErrorCode::ValidationFailed)).is_retryable());
        assert_eq!(
            ApiError::Rejected(body(422, ErrorCode::ValidationFailed)).message(),
            "メッセージ"
        );
        assert_eq!(
            ApiError::Rejected(body(401, ErrorCode::InvalidCredentials)).message(),
            "メッセージ（お問い合わせ番号：R-1）"
        );
    }

    #[test]
    fn every_status_without_body_has_a_japanese_message() {
        for s in [400, 401, 403, 404, 409, 422, 429, 500, 502, 503] {
            let m = ApiError::Status { status: s }.message();
            assert!(m.ends_with('。'), "{s}: {m}");
        }
        assert!(ApiError::Network.is_retryable() && ApiError::Timeout.is_retryable());
        assert!(ApiError::Status { status: 401 }.needs_login());
    }
}
