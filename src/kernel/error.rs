//! Typed errors of API calls, each with a defined Japanese message.

use kanri_contract::api::{ErrorBody, ErrorCode, FieldError};
use kanri_contract::datetime::Date;

/// What can go wrong with an API call.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The backend answered with an error body of the contract.
    #[error("{}", .0.message)]
    Rejected(ErrorBody),
    /// The backend answered with an error status but no readable body (e.g. a proxy).
    #[error("HTTP {status}")]
    Status {
        status: u16,
        /// The `Retry-After` header, in seconds (429, 503).
        retry_after_secs: Option<u32>,
        /// The `X-Reference-Id` header, when there was one.
        reference_id: Option<String>,
    },
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

/// 「{n}秒ほど待ってから…」: when to try again, from `Retry-After` seconds.
pub fn retry_after_text(secs: u32) -> String {
    let wait = if secs < 60 {
        format!("{}秒", secs.max(1))
    } else {
        format!("{}分", secs.div_ceil(60))
    };
    format!("{wait}ほど待ってから、再度お試しください。")
}

/// `message` with the time to wait instead of its 「しばらくしてから…」.
fn with_wait(message: &str, wait: Option<u32>) -> String {
    match wait {
        Some(secs) => {
            let head = message
                .strip_suffix("しばらくしてから再度お試しください。")
                .unwrap_or(message);
            format!("{head}{}", retry_after_text(secs))
        }
        None => message.to_owned(),
    }
}

/// The seconds of a `Retry-After` header (delta-seconds; an HTTP date counts from `now_ms`).
pub fn parse_retry_after(value: &str, now_ms: f64) -> Option<u32> {
    let v = value.trim();
    if let Ok(secs) = v.parse::<u32>() {
        return Some(secs);
    }
    let at = http_date_ms(v)?;
    Some(((at - now_ms) / 1000.0).ceil().max(0.0) as u32)
}

/// An HTTP date in the form servers send (IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`)
/// as Unix milliseconds.
fn http_date_ms(v: &str) -> Option<f64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (_, rest) = v.split_once(", ")?;
    let parts: Vec<&str> = rest.split(' ').collect();
    let [day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    let month = MONTHS.iter().position(|m| m == month)? as u32 + 1;
    let date = Date::new(year.parse().ok()?, month, day.parse().ok()?)?;
    let hms: Vec<i64> = time
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [h @ 0..=23, m @ 0..=59, s @ 0..=60] = hms.as_slice() else {
        return None;
    };
    // `start_unix` is 00:00 in JST, nine hours before 00:00 UTC.
    let midnight_utc = date.start_unix() + 9 * 3600;
    Some(((midnight_utc + h * 3600 + m * 60 + s) * 1000) as f64)
}

impl ApiError {
    /// Seconds to wait before trying again, when the backend said so.
    pub fn retry_after_secs(&self) -> Option<u32> {
        match self {
            ApiError::Rejected(b) => b.retry_after_secs,
            ApiError::Status {
                retry_after_secs, ..
            } => *retry_after_secs,
            _ => None,
        }
    }

    /// The HTTP status, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Rejected(b) => Some(b.status),
            ApiError::Status { status, .. } => Some(*status),
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

    /// The Japanese message for people: the backend's message or the defined one for the
    /// status, when to try again (`Retry-After`), and the reference ID when the backend
    /// gave one (not for 422, whose messages stand on their fields).
    pub fn message(&self) -> String {
        match self {
            ApiError::Rejected(b) => {
                let m = with_wait(&b.message, b.retry_after_secs);
                match &b.reference_id {
                    Some(r) if b.status != 422 => format!("{m}（お問い合わせ番号：{r}）"),
                    _ => m,
                }
            }
            ApiError::Status {
                status,
                retry_after_secs,
                reference_id,
            } => {
                let m = with_wait(status_message(*status), *retry_after_secs);
                match reference_id {
                    Some(r) => format!("{m}（お問い合わせ番号：{r}）"),
                    None => m,
                }
            }
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
            // The first request with this key is still running: the same key again
            // gets its answer once it is done.
            ApiError::Rejected(b) if b.code == ErrorCode::IdempotencyInProgress => true,
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
            retry_after_secs: None,
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
            let m = ApiError::Status {
                status: s,
                retry_after_secs: None,
                reference_id: None,
            }
            .message();
            assert!(m.ends_with('。'), "{s}: {m}");
        }
        assert!(ApiError::Network.is_retryable() && ApiError::Timeout.is_retryable());
        assert!(ApiError::Status {
            status: 401,
            retry_after_secs: None,
            reference_id: None
        }
        .needs_login());
    }

    #[test]
    fn retry_after_says_when_to_try_again() {
        let mut b = body(503, ErrorCode::Internal);
        b.retry_after_secs = Some(30);
        assert_eq!(
            ApiError::Rejected(b).message(),
            "メッセージ30秒ほど待ってから、再度お試しください。（お問い合わせ番号：R-1）"
        );
        let e = ApiError::Status {
            status: 429,
            retry_after_secs: Some(90),
            reference_id: Some("R-2".into()),
        };
        assert_eq!(
            e.message(),
            "アクセスが集中しています。2分ほど待ってから、再度お試しください。（お問い合わせ番号：R-2）"
        );
        assert!(e.is_retryable());
        assert_eq!(e.retry_after_secs(), Some(90));
        assert!(ApiError::Rejected(body(409, ErrorCode::IdempotencyInProgress)).is_retryable());
        assert!(!ApiError::Rejected(body(409, ErrorCode::Conflict)).is_retryable());
        assert_eq!(parse_retry_after(" 120 ", 0.0), Some(120));
        assert_eq!(parse_retry_after("soon", 0.0), None);
        // An HTTP date counts from now (rounded up); a date past is now.
        let at_ms = 784_111_777_000.0; // Sun, 06 Nov 1994 08:49:37 GMT
        let date = "Sun, 06 Nov 1994 08:49:37 GMT";
        assert_eq!(parse_retry_after(date, at_ms - 90_500.0), Some(91));
        assert_eq!(parse_retry_after(date, at_ms + 5_000.0), Some(0));
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 24:49:37 GMT", 0.0),
            None
        );
        assert_eq!(
            parse_retry_after("Sun, 31 Feb 1994 08:49:37 GMT", 0.0),
            None
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 JST", 0.0),
            None
        );
        assert_eq!(
            retry_after_text(0),
            "1秒ほど待ってから、再度お試しください。"
        );
    }
}
