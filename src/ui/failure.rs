//! How a failed API call is shown on a screen: [`LoadError`] when the screen's data could
//! not be read (「再読み込み」 and the way back), [`SubmitError`] when 「実行」 or 「変更」
//! did not go through (「再試行」 only where resending is safe).
//!
//! Both are an error [`Notice`] (`role="alert"`) with the message of
//! [`ApiError::message`]: the backend's or the defined Japanese message, when to try
//! again (`Retry-After`) and the 「お問い合わせ番号」 when the backend gave one.

use crate::api::ApiError;
use crate::ui::notice::{Notice, Tone};
use leptos::prelude::*;
use leptos_router::components::A;

/// A failed mutation as a screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failed {
    /// The message (usually [`ApiError::message`]).
    pub message: String,
    /// Whether 「再試行」 is offered: the request may simply be sent again
    /// ([`ApiError::is_retryable`]: no answer, a timeout, 5xx, 429). The resend carries the
    /// same Idempotency-Key ([`crate::api::submit_with_key`]), so it never runs twice.
    pub retryable: bool,
}

impl Failed {
    /// The error's own message.
    pub fn of(e: &ApiError) -> Self {
        Self::with_message(e.message(), e)
    }

    /// Another message for the same error (e.g. with the attempts left).
    pub fn with_message(message: impl Into<String>, e: &ApiError) -> Self {
        Failed {
            message: message.into(),
            retryable: e.is_retryable(),
        }
    }

    /// A final answer: shown, never retried as it is.
    pub fn final_answer(message: impl Into<String>) -> Self {
        Failed {
            message: message.into(),
            retryable: false,
        }
    }
}

/// 「{what}を表示できませんでした」: why a screen's data could not be read, with
/// 「再読み込み」 (reading again is always safe) and the way back (a 404's message says
/// the data was not found).
#[component]
pub fn LoadError(
    /// What could not be shown, e.g. 「利用者一覧」.
    #[prop(into)]
    what: String,
    /// The failure.
    error: ApiError,
    /// Reads the data again.
    retry: Callback<()>,
    /// Where the way back leads (none: the screen shows its own).
    #[prop(optional, into)]
    back_href: Option<String>,
    /// The label of the way back.
    #[prop(default = "戻る")]
    back_label: &'static str,
) -> impl IntoView {
    // A refused search or order (422) says what was wrong with it.
    let fields = error.field_errors().to_vec();
    let fields = (!fields.is_empty()).then(|| {
        view! { <ul>{fields.into_iter().map(|f| view! { <li>{f.message}</li> }).collect_view()}</ul> }
    });
    view! {
        <Notice tone=Tone::Error heading=format!("{what}を表示できませんでした")>
            <p>{error.message()}</p>
            {fields}
            <button type="button" class="btn" on:click=move |_| retry.run(())>
                "再読み込み"
            </button>
        </Notice>
        {back_href.map(|href| view! {
            <div class="btn-row">
                <A href=href attr:class="btn btn-secondary">{back_label}</A>
            </div>
        })}
    }
}

/// Why 「実行」 did not go through, under `heading`; with 「再試行」 when the failure
/// allows it ([`Failed::retryable`]). Further lines (e.g. a link to the latest data) go
/// in `children`.
#[component]
pub fn SubmitError(
    /// The notice's heading, e.g. 「処理できませんでした」.
    #[prop(into)]
    heading: String,
    /// The failure.
    failed: Failed,
    /// Sends the same request again (with the same Idempotency-Key).
    retry: Callback<()>,
    /// Whether a request is on its way (「再試行」 is disabled meanwhile).
    #[prop(into)]
    pending: Signal<bool>,
    /// More lines under the message.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let retry_button = failed.retryable.then(|| {
        view! {
            <button
                type="button"
                class="btn"
                disabled=move || pending.get()
                on:click=move |_| {
                    if !pending.get_untracked() {
                        retry.run(());
                    }
                }
            >
                {move || if pending.get() { "処理中…" } else { "再試行" }}
            </button>
        }
    });
    view! {
        <Notice tone=Tone::Error heading=heading>
            <p>{failed.message}</p>
            {children.map(|c| c())}
            {retry_button}
        </Notice>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kanri_contract::api::{ErrorBody, ErrorCode};

    fn rejected(status: u16) -> ApiError {
        ApiError::Rejected(ErrorBody {
            status,
            code: ErrorCode::Unknown,
            message: "メッセージ".into(),
            field_errors: vec![],
            reference_id: Some("R-9".into()),
            remaining_attempts: None,
            certificate_status: None,
            retry_after_secs: None,
        })
    }

    #[test]
    fn only_failures_without_a_final_answer_offer_a_retry() {
        for e in [
            ApiError::Network,
            ApiError::Timeout,
            rejected(500),
            rejected(503),
            rejected(429),
        ] {
            assert!(Failed::of(&e).retryable, "{e:?}");
        }
        for s in [400, 401, 403, 404, 409, 422] {
            assert!(!Failed::of(&rejected(s)).retryable, "{s}");
        }
        assert!(!Failed::final_answer("x").retryable);
    }

    #[test]
    fn the_message_is_the_errors_own_with_its_reference() {
        assert_eq!(
            Failed::of(&rejected(500)).message,
            "メッセージ（お問い合わせ番号：R-9）"
        );
        let f = Failed::with_message("別の文言", &ApiError::Network);
        assert_eq!(f.message, "別の文言");
        assert!(f.retryable);
    }
}
