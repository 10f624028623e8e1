//! The one confirmed submit behind every 確認 screen's 「実行」.
//!
//! [`use_confirmed_submit`] owns what each of those screens needs and used to repeat:
//! - the operator's 確認用パスワード (and ワンタイムパスワード) and their form rules;
//! - the Idempotency-Key: the same request keeps its key until the backend answers it
//!   ([`submit_with_key`]), so 「再試行」 after a lost answer never runs twice;
//! - the request last sent, which 「再試行」 sends again;
//! - dropping an answer that arrives after the session ended (logout, or another login
//!   in this tab): it belongs to nobody on screen;
//! - the sorting of a refusal by the one rule of [`refusal`]: errors on the operator's
//!   fields (「あとN回」 after a wrong 確認用パスワード), anything else as a message, with
//!   「再試行」 only when the request may simply be sent again; the typed passwords are
//!   cleared after a final answer and kept for a retry.
//!
//! A screen supplies how to send, what to do with the answer, and (optionally) its own
//! handling of refusals that mean something to it (a conflict, errors of an earlier step).

use crate::api::{submit_with_key, ApiError};
use crate::kernel::confirmation::refusal;
use crate::kernel::idempotency::SubmitKey;
use crate::ui::failure::Failed;
use crate::ui::form::{field_summary, SummaryItem};
use crate::ui::operator_fields::OperatorInput;
use crate::ui::session::use_auth;
use kanri_contract::api::FieldError;
use kanri_contract::users::Confirmation;
use leptos::prelude::*;
use serde::Serialize;
use std::future::Future;

/// What a screen made of a refusal.
pub enum Refused {
    /// Show it the usual way (see the module documentation).
    Show(ApiError),
    /// The screen showed it its own way (the hook has cleared the last errors first).
    Handled,
}

/// A 確認 screen's 「実行」: the operator's input, the errors of the last submission, and
/// the request under way. Copy, like the signals it holds.
pub struct ConfirmedSubmit<Req: Send + Sync + 'static> {
    /// The operator's 確認用パスワード (and ワンタイムパスワード).
    pub operator: OperatorInput,
    /// The field errors of the last submission: the form rules, or the backend's answer.
    pub errors: RwSignal<Vec<FieldError>>,
    /// Why the last 「実行」 failed, when it was not a field's error.
    pub failure: RwSignal<Option<Failed>>,
    action: Action<Req, ()>,
    last: StoredValue<Option<Req>>,
    pending: Memo<bool>,
}

impl<Req: Send + Sync + 'static> Clone for ConfirmedSubmit<Req> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Req: Send + Sync + 'static> Copy for ConfirmedSubmit<Req> {}

impl<Req: Clone + Send + Sync + 'static> ConfirmedSubmit<Req> {
    /// The same submit for a company that does (not) use ワンタイムパスワード (known once
    /// the screen's data has loaded).
    pub fn with_otp(self, uses_otp: bool) -> Self {
        Self {
            operator: self.operator.with_otp(uses_otp),
            ..self
        }
    }

    /// Whether a request is under way (「実行」 is disabled meanwhile).
    pub fn pending(&self) -> Memo<bool> {
        self.pending
    }

    /// 「実行」: check the operator's fields; when they pass, build the request from the
    /// confirmation (`None`: nothing to send) and send it. Ignored while one is under way.
    pub fn submit(&self, request: impl FnOnce(Confirmation) -> Option<Req>) {
        if self.pending.get_untracked() {
            return;
        }
        self.failure.set(None);
        let found = self.operator.errors();
        let passed = found.is_empty();
        self.errors.set(found);
        if !passed {
            return;
        }
        if let Some(req) = request(self.operator.confirmation()) {
            self.last.set_value(Some(req.clone()));
            self.action.dispatch(req);
        }
    }

    /// 「再試行」: the request last sent, again (the same body, so the same key).
    pub fn retry(&self) -> Callback<()> {
        let (action, last, pending) = (self.action, self.last, self.pending);
        Callback::new(move |()| {
            if pending.get_untracked() {
                return;
            }
            if let Some(req) = last.get_value() {
                action.dispatch(req);
            }
        })
    }

    /// The error summary's items (each linked to its field).
    pub fn summary(&self) -> Signal<Vec<SummaryItem>> {
        field_summary(self.errors)
    }
}

/// The confirmed submit of a 確認 screen.
///
/// - `operator`: the operator's input (see [`OperatorInput::new`]);
/// - `send`: sends the request with the Idempotency-Key given;
/// - `done`: the backend accepted it (the operator's passwords are already cleared); it
///   records the result and moves on (the request stays pending until it has finished:
///   a screen that must wait, e.g. for the navigation to land, awaits in it; the others
///   return `std::future::ready(())`);
/// - `refused`: what the screen makes of a refusal; [`Refused::Show`] for the usual.
///
/// After an await the page may be gone: the callbacks own what they need and only
/// `try_set` page signals.
pub fn use_confirmed_submit<Req, T, Send_, SendFut, Done, DoneFut, Refuse, RefuseFut>(
    operator: OperatorInput,
    send: Send_,
    done: Done,
    refused: Refuse,
) -> ConfirmedSubmit<Req>
where
    Req: Clone + Serialize + Send + Sync + 'static,
    T: 'static,
    Send_: Fn(Req, String) -> SendFut + Clone + 'static,
    SendFut: Future<Output = Result<T, ApiError>> + 'static,
    Done: Fn(T, Req) -> DoneFut + Clone + 'static,
    DoneFut: Future<Output = ()> + 'static,
    Refuse: Fn(ApiError) -> RefuseFut + Clone + 'static,
    RefuseFut: Future<Output = Refused> + 'static,
{
    let auth = use_auth();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<Failed>);
    let key = StoredValue::new(SubmitKey::default());
    let action = Action::new_local(move |req: &Req| {
        let req = req.clone();
        let (send, done, refused) = (send.clone(), done.clone(), refused.clone());
        let session = auth.session_key();
        async move {
            let body = req.clone();
            let result = submit_with_key(key, &req, |k| send(body, k)).await;
            // An answer for a session that has ended belongs to nobody on screen.
            if auth.session_key() != session {
                return;
            }
            match result {
                Ok(answer) => {
                    operator.clear();
                    done(answer, req).await;
                }
                Err(e) => {
                    errors.try_set(Vec::new());
                    failure.try_set(None);
                    if let Refused::Show(e) = refused(e).await {
                        show(&e, operator, errors, failure);
                    }
                }
            }
        }
    });
    ConfirmedSubmit {
        operator,
        errors,
        failure,
        action,
        last: StoredValue::new(None),
        pending: action.pending(),
    }
}

/// A refusal the usual way: field errors on the fields, the rest as a message; the
/// passwords cleared after a final answer.
fn show(
    e: &ApiError,
    operator: OperatorInput,
    errors: RwSignal<Vec<FieldError>>,
    failure: RwSignal<Option<Failed>>,
) {
    let r = refusal(e);
    if r.clear_password {
        operator.clear();
    }
    errors.try_set(r.field_errors);
    failure.try_set(r.message.map(|m| Failed::with_message(m, e)));
}

/// The usual handling of every refusal (for screens with nothing of their own).
pub async fn show_all(e: ApiError) -> Refused {
    Refused::Show(e)
}

/// 「実行」 of a 確認 screen: 「処理中…」 and disabled while the request is under way.
#[component]
pub fn ExecuteButton(
    /// Whether a request is under way ([`ConfirmedSubmit::pending`]).
    #[prop(into)]
    pending: Signal<bool>,
    /// Disabled for another reason (nothing to send, or the choice no longer holds).
    #[prop(optional, into)]
    disabled: MaybeProp<bool>,
) -> impl IntoView {
    view! {
        <button
            type="submit"
            class="btn"
            disabled=move || pending.get() || disabled.get().unwrap_or(false)
        >
            {move || if pending.get() { "処理中…" } else { "実行" }}
        </button>
    }
}
