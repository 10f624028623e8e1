//! Step 4: 利用者登録確認 [BRSK009] / 利用者変更確認 [BRSK015]: everything entered, a
//! 「変更」 link per section, the operator's 確認用パスワード (and ワンタイムパスワード), 「実行」.

use super::{use_mode, WizardStep};
use crate::api::use_api;
use crate::features::users::logic::summary::{password_rows, sections, Mark, Row, SectionKind};
use crate::features::users::wizard::logic::{Draft, Step, WizardMode};
use crate::features::users::{step_path, use_users, Outcome};
use crate::ui::change_summary::ChangeSummary;
use crate::ui::confirmed_submit::{use_confirmed_submit, ExecuteButton, Refused};
use crate::ui::failure::SubmitError;
use crate::ui::form::ErrorSummary;
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
    let ctx = draft.ctx.clone();
    let send_mode = mode.clone();
    let done_mode = mode.clone();
    let refused_mode = mode.clone();
    let submit = use_confirmed_submit(
        operator,
        move |req: UserRequest, key| {
            let mode = send_mode.clone();
            async move {
                match &mode {
                    WizardMode::Register => api
                        .register_user(&req, &key)
                        .await
                        .map(|done| Outcome::Registered(Box::new(done))),
                    WizardMode::Change { login_id } => api
                        .change_user(login_id, &req, &key)
                        .await
                        .map(|done| Outcome::Changed(Box::new(done))),
                }
            }
        },
        {
            let navigate = navigate.clone();
            move |done, _| {
                users.outcome.set(Some((done, ctx.clone())));
                navigate(&step_path(&done_mode, Step::Done), Default::default());
                // The draft (with its passwords) goes once the result is shown.
                users.draft.set(None);
                std::future::ready(())
            }
        },
        move |e| {
            let navigate = navigate.clone();
            let mode = refused_mode.clone();
            async move {
                // Errors of earlier steps go back to the first of those steps, with what
                // was typed; the operator's passwords go (the answer was final).
                let earlier: Vec<FieldError> = e
                    .field_errors()
                    .iter()
                    .filter(|f| Draft::step_of(&f.field) != Step::Confirm)
                    .cloned()
                    .collect();
                match earlier.iter().map(|f| Draft::step_of(&f.field)).min() {
                    None => Refused::Show(e),
                    Some(first) => {
                        operator.clear();
                        users.draft.update_untracked(|d| {
                            if let Some(d) = d {
                                d.returned = earlier;
                            }
                        });
                        navigate(&step_path(&mode, first), Default::default());
                        Refused::Handled
                    }
                }
            }
        },
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if nothing_changed {
            return;
        }
        submit.submit(|confirmation| {
            users
                .draft
                .with_untracked(|d| d.as_ref().map(|d| d.request(confirmation)))
        });
    };
    let pending = submit.pending();
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
        {move || submit.failure.get().map(|failed| view! {
            <SubmitError heading="処理できませんでした" failed=failed retry=submit.retry() pending=pending />
        })}
        <ErrorSummary items=submit.summary() />
        <ChangeSummary sections=summary />
        <form novalidate on:submit=on_submit>
            <OperatorFields input=operator errors=submit.errors />
            <div class="btn-row">
                <a href=back class="btn btn-secondary">"戻る"</a>
                <ExecuteButton pending=pending disabled=nothing_changed />
            </div>
        </form>
    }
    .into_any()
}
