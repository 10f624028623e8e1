//! The operator's confirmation on every 確認 screen (確認用パスワード, and the
//! ワンタイムパスワード when the company uses one) and how the backend's refusal is shown:
//! field errors on the fields (「あとN回」 after a wrong 確認用パスワード), everything else
//! as a message.

use crate::kernel::error::ApiError;
use kanri_contract::api::FieldError;
use kanri_contract::user_rules::field;
use kanri_contract::users::{Confirmation, DeleteUserRequest};

/// The request for what was typed; the ワンタイムパスワード only when the company uses one.
pub fn request(password: &str, otp: &str, one_time_password: bool) -> DeleteUserRequest {
    DeleteUserRequest {
        confirmation: Confirmation {
            confirm_password: password.to_owned(),
            one_time_password: one_time_password.then(|| otp.trim().to_owned()),
        },
    }
}

/// How a refused deletion is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// Errors to put on the fields (and in the error summary).
    pub field_errors: Vec<FieldError>,
    /// A message about the whole operation (shown as an error notice).
    pub message: Option<String>,
    /// Whether the typed 確認用パスワード is cleared: after any final answer (a wrong
    /// password, a lock, a refusal), not after a network failure that may be retried.
    pub clear_password: bool,
}

/// 「（あとN回誤るとロックされます）」 after the wrong-password message.
pub fn with_attempts_left(message: &str, remaining: Option<u32>) -> String {
    match remaining {
        Some(n) if n > 0 => format!("{message}（あと{n}回誤るとロックされます）"),
        _ => message.to_owned(),
    }
}

/// How many wrong 確認用パスワード the backend still accepts before it locks, when it said.
pub fn remaining_attempts(e: &ApiError) -> Option<u32> {
    match e {
        ApiError::Rejected(body) => body.remaining_attempts,
        _ => None,
    }
}

/// The one rule for 「あとN回」 on every 確認 screen: an error on the operator's
/// 確認用パスワード carries the attempts left (when the backend counted them); any other
/// field's error is shown as it came.
pub fn note_attempts_left(mut f: FieldError, remaining: Option<u32>) -> FieldError {
    if f.field == field::OPERATOR_PASSWORD {
        f.message = with_attempts_left(&f.message, remaining);
    }
    f
}

/// Sort the backend's refusal into field errors and a message.
pub fn refusal(e: &ApiError) -> Refusal {
    let remaining = remaining_attempts(e);
    let field_errors: Vec<FieldError> = e
        .field_errors()
        .iter()
        .map(|f| note_attempts_left(f.clone(), remaining))
        .collect();
    let message = field_errors.is_empty().then(|| e.message());
    Refusal {
        field_errors,
        message,
        clear_password: !e.is_retryable(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::password_form::dom_id;
    use kanri_contract::api::{ErrorBody, ErrorCode};
    use kanri_contract::user_rules::confirmation_errors;

    fn rejected(status: u16, code: ErrorCode, fields: Vec<FieldError>) -> ApiError {
        ApiError::Rejected(ErrorBody {
            status,
            code,
            message: "メッセージ".into(),
            field_errors: fields,
            reference_id: None,
            remaining_attempts: None,
            certificate_status: None,
            retry_after_secs: None,
        })
    }

    fn wrong_password(remaining: Option<u32>) -> ApiError {
        let mut e = rejected(
            422,
            ErrorCode::ValidationFailed,
            vec![FieldError {
                field: field::OPERATOR_PASSWORD.into(),
                code: "wrong_password".into(),
                message: "確認用パスワードが正しくありません。".into(),
            }],
        );
        if let ApiError::Rejected(b) = &mut e {
            b.remaining_attempts = remaining;
        }
        e
    }

    #[test]
    fn the_one_time_password_is_sent_only_when_used() {
        let r = request("Conf5678", " 123456 ", true);
        assert_eq!(r.confirmation.confirm_password, "Conf5678");
        assert_eq!(r.confirmation.one_time_password.as_deref(), Some("123456"));
        assert_eq!(
            request("Conf5678", "123456", false)
                .confirmation
                .one_time_password,
            None
        );
    }

    #[test]
    fn client_errors_point_at_fields_of_this_screen() {
        let e = confirmation_errors(&request("", "", true).confirmation, true);
        let ids: Vec<_> = e.iter().map(|e| dom_id(&e.field)).collect();
        assert_eq!(
            ids,
            [
                "confirmation-confirm_password",
                "confirmation-one_time_password"
            ]
        );
    }

    #[test]
    fn a_wrong_password_says_how_many_attempts_are_left() {
        let r = refusal(&wrong_password(Some(2)));
        assert_eq!(r.field_errors.len(), 1);
        assert_eq!(
            r.field_errors[0].message,
            "確認用パスワードが正しくありません。（あと2回誤るとロックされます）"
        );
        assert_eq!(r.message, None);
        assert!(r.clear_password);
        let r = refusal(&wrong_password(None));
        assert_eq!(
            r.field_errors[0].message,
            "確認用パスワードが正しくありません。"
        );
    }

    #[test]
    fn attempts_left_go_on_the_confirmation_password_only() {
        let on = |field: &str, code: &str| FieldError {
            field: field.into(),
            code: code.into(),
            message: "メッセージ".into(),
        };
        // The rule is the field, whatever code the backend chose for it.
        for code in ["wrong_password", "locked", "mismatch"] {
            assert_eq!(
                note_attempts_left(on(field::OPERATOR_PASSWORD, code), Some(2)).message,
                "メッセージ（あと2回誤るとロックされます）"
            );
        }
        assert_eq!(
            note_attempts_left(on(field::ONE_TIME_PASSWORD, "wrong_password"), Some(2)).message,
            "メッセージ"
        );
        // Nothing said, or nothing left: no count.
        assert_eq!(
            note_attempts_left(on(field::OPERATOR_PASSWORD, "x"), None).message,
            "メッセージ"
        );
        assert_eq!(
            note_attempts_left(on(field::OPERATOR_PASSWORD, "x"), Some(0)).message,
            "メッセージ"
        );
        assert_eq!(remaining_attempts(&wrong_password(Some(4))), Some(4));
        assert_eq!(remaining_attempts(&ApiError::Network), None);
    }

    #[test]
    fn other_refusals_are_a_message_and_clear_the_password() {
        for code in [ErrorCode::ConfirmPasswordLocked, ErrorCode::Forbidden] {
            let r = refusal(&rejected(403, code, vec![]));
            assert!(r.field_errors.is_empty());
            assert_eq!(r.message.as_deref(), Some("メッセージ"));
            assert!(r.clear_password);
        }
    }

    #[test]
    fn a_network_failure_keeps_the_password_for_the_retry() {
        let r = refusal(&ApiError::Network);
        assert!(r.field_errors.is_empty());
        assert!(r
            .message
            .is_some_and(|m| m.contains("通信できませんでした")));
        assert!(!r.clear_password);
        assert!(!refusal(&ApiError::Timeout).clear_password);
        assert!(!refusal(&rejected(503, ErrorCode::Unavailable, vec![])).clear_password);
    }
}
