//! Step 4: 利用者登録確認 [BRSK009] / 利用者変更確認 [BRSK015]: everything entered, a
//! 「変更」 link per section, the operator's 確認用パスワード (and ワンタイムパスワード), 「実行」.

use super::{use_mode, WizardStep};
use crate::api::{submit_with_key, use_api, ApiError};
use crate::features::users::logic::summary::{password_rows, sections, Mark, Row, SectionKind};
use crate::features::users::wizard::logic::{Draft, Step, WizardMode};
use crate::features::users::{step_path, use_users, Outcome, UsersState};
use crate::kernel::confirmation::{note_attempts_left, remaining_attempts};
use crate::kernel::idempotency::SubmitKey;
use crate::ui::change_summary::ChangeSummary;
use crate::ui::failure::{Failed, SubmitError};
use crate::ui::form::{field_summary, ErrorSummary};
use crate::ui::notice::{Notice, Tone};
use crate::ui::operator_fields::{OperatorFields, OperatorInput};
use kanri_contract::api::FieldError;
use kanri_contract::users::{CertificateHandling, UserRequest};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Step 4 of 利用者登録 or 利用者変更.
#[component]
pub fn UserConfirmPage(
    /// A change of the user in the URL rather than a registration.
    change: bool,
) -> impl IntoView {
    let mode = use_mode(change);
    move || {
        let mode = mode.get();
        view! {
            <WizardStep mode=mode.clone() step=Step::Confirm>
                <ConfirmForm mode=mode.clone() />
            </WizardStep>
        }
    }
}

/// The 電子証明書の取扱い row of a change that does something to the certificate.
pub fn certificate_row(handling: CertificateHandling) -> Option<Row> {
    (handling != CertificateHandling::Continue).then(|| Row {
        label: "電子証明書の取扱い".into(),
        value: handling.label().into(),
        mark: Mark::Changed {
            before: CertificateHandling::Continue.label().into(),
        },
    })
}

/// The step a section's 「変更」 link returns to.
fn section_step(kind: SectionKind) -> Step {
    match kind {
        SectionKind::Basics => Step::Basics,
        SectionKind::Rights => Step::Rights,
        SectionKind::Accounts | SectionKind::Limits => Step::Accounts,
    }
}

/// The check-answers part of step 4 and the operator's confirmation with 「実行」.
#[component]
fn ConfirmForm(
    /// Registration or change.
    mode: WizardMode,
) -> impl IntoView {
    let api = use_api();
    let users = use_users();
    let navigate = use_navigate();
    let Some(draft) = users.draft.get_untracked() else {
        return ().into_any();
    };
    let register = mode == WizardMode::Register;
    let input = draft.input();
    let changes = draft.changes();
    let nothing_changed = !register && changes.is_empty();
    let one_time_password = draft.ctx.one_time_password;
    let mut summary = sections(
        &input.profile,
        &draft.ctx,
        draft.original.as_ref().map(|o| &o.profile),
        password_rows(register, &changes)
            .into_iter()
            .chain(certificate_row(input.certificate))
            .collect(),
    );
    for s in &mut summary {
        s.edit_href = SectionKind::of(s)
            .map(|kind| format!("{}?from=confirm", step_path(&mode, section_step(kind))));
    }

    let operator = OperatorInput::new(one_time_password);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<Failed>);
    let submit_key = StoredValue::new(SubmitKey::default());
    // The request last sent: 「再試行」 sends it again (the same body, so the same key).
    let last = StoredValue::new(None::<UserRequest>);
    let ctx = draft.ctx.clone();

    let exec_mode = mode.clone();
    // After the await the form may be gone (「戻る」 pressed meanwhile): everything the
    // continuation needs is owned by it, and page signals are only `try_set`.
    let execute = Action::new_local(move |req: &UserRequest| {
        let req = req.clone();
        let ctx = ctx.clone();
        let mode = exec_mode.clone();
        let navigate = navigate.clone();
        async move {
            let r = &req;
            let outcome = match &mode {
                WizardMode::Register => submit_with_key(submit_key, r, |key| async move {
                    api.register_user(r, &key).await
                })
                .await
                .map(|done| Outcome::Registered(Box::new(done))),
                WizardMode::Change { login_id } => {
                    submit_with_key(submit_key, r, |key| async move {
                        api.change_user(login_id, r, &key).await
                    })
                    .await
                    .map(|done| Outcome::Changed(Box::new(done)))
                }
            };
            match outcome {
                Ok(done) => {
                    operator.clear();
                    users.outcome.set(Some((done, ctx)));
                    navigate(&step_path(&mode, Step::Done), Default::default());
                    // The draft (with its passwords) goes once the result is shown.
                    users.draft.set(None);
                }
                Err(e) => settle_error(
                    e,
                    &mode,
                    Feedback {
                        users,
                        errors,
                        failure,
                        operator,
                    },
                    &navigate,
                ),
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if execute.pending().get_untracked() || nothing_changed {
            return;
        }
        failure.set(None);
        let confirmation = operator.confirmation();
        let found = operator.errors();
        errors.set(found);
        if errors.read_untracked().is_empty() {
            let req = users
                .draft
                .with_untracked(|d| d.as_ref().map(|d| d.request(confirmation)));
            if let Some(req) = req {
                last.set_value(Some(req.clone()));
                execute.dispatch(req);
            }
        }
    };
    let resend = Callback::new(move |()| {
        if let Some(req) = last.get_value() {
            if !execute.pending().get_untracked() {
                execute.dispatch(req);
            }
        }
    });
    let pending = execute.pending();
    let summary_items = field_summary(errors);
    let intro = if register {
        "以下の内容で利用者を登録します。内容を確認の上、確認用パスワードを入力し、「実行」ボタンを押してください。"
    } else {
        "以下の内容で利用者情報を変更します。内容を確認の上、確認用パスワードを入力し、「実行」ボタンを押してください。変更した内容には「変更」「追加」「解除」と表示されています。"
    };
    let back = step_path(&mode, Step::Accounts);
    view! {
        <p>{intro}</p>
        {nothing_changed.then(|| view! {
            <Notice tone=Tone::Warning heading="変更内容がありません">
                <p>"変更する項目の「変更」から内容を変更してください。"</p>
            </Notice>
        })}
        {move || failure.get().map(|failed| view! {
            <SubmitError heading="処理できませんでした" failed=failed retry=resend pending=pending />
        })}
        <ErrorSummary items=summary_items />
        <ChangeSummary sections=summary />
        <form novalidate on:submit=on_submit>
            <OperatorFields input=operator errors=errors />
            <div class="btn-row">
                <a href=back class="btn btn-secondary">"戻る"</a>
                <button
                    type="submit"
                    class="btn"
                    disabled=move || execute.pending().get() || nothing_changed
                >
                    {move || if execute.pending().get() { "処理中…" } else { "実行" }}
                </button>
            </div>
        </form>
    }
    .into_any()
}

/// Where a refusal is shown.
struct Feedback {
    users: UsersState,
    errors: RwSignal<Vec<FieldError>>,
    failure: RwSignal<Option<Failed>>,
    operator: OperatorInput,
}

/// A refused 「実行」: errors of earlier steps go back to their step; the operator's
/// fields show theirs; anything else is a message. Input is kept, except the operator's
/// passwords after a final answer.
fn settle_error(
    e: ApiError,
    mode: &WizardMode,
    fb: Feedback,
    navigate: &impl Fn(&str, leptos_router::NavigateOptions),
) {
    let Feedback {
        users,
        errors,
        failure,
        operator,
    } = fb;
    if !e.is_retryable() {
        operator.clear();
    }
    let remaining = remaining_attempts(&e);
    let (mine, earlier): (Vec<FieldError>, Vec<FieldError>) = e
        .field_errors()
        .iter()
        .cloned()
        .partition(|f| Draft::step_of(&f.field) == Step::Confirm);
    if let Some(first) = earlier.iter().map(|f| Draft::step_of(&f.field)).min() {
        users.returned_errors.set(earlier);
        navigate(&step_path(mode, first), Default::default());
        return;
    }
    if mine.is_empty() {
        failure.try_set(Some(Failed::of(&e)));
    } else {
        failure.try_set(None);
        errors.try_set(
            mine.into_iter()
                .map(|f| note_attempts_left(f, remaining))
                .collect(),
        );
    }
}
