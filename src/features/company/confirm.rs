//! 企業情報変更確認 [BKGK002]: every value, the changed ones highlighted with their old
//! value, the operator's 確認用パスワード (and ワンタイムパスワード), 「実行」.

use crate::api::{use_api, ApiError};
use crate::features::company::edit::STEPS;
use crate::features::company::logic::{form_of, is_form_field, sections};
use crate::features::company::use_company;
use crate::kernel::help;
use crate::kernel::paths;
use crate::ui::change_summary::ChangeSummary;
use crate::ui::confirmed_submit::{use_confirmed_submit, ExecuteButton, Refused};
use crate::ui::failure::{Failed, SubmitError};
use crate::ui::form::ErrorSummary;
use crate::ui::notice::{Notice, Tone};
use crate::ui::operator_fields::{OperatorFields, OperatorInput};
use crate::ui::session::use_auth;
use crate::ui::step_indicator::StepIndicator;
use crate::ui::title_bar::TitleBar;
use kanri_contract::api::{ErrorCode, FieldError};
use kanri_contract::company::CompanyChangeRequest;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// 企業情報変更確認, for holders of 管理者権限.
#[component]
pub fn CompanyConfirmPage() -> impl IntoView {
    view! {
        <TitleBar screen=help::COMPANY_CONFIRM />
        <StepIndicator steps=STEPS current=1 />
        <ConfirmScreen />
    }
}

/// The check-answers part and the confirmation; without a draft (a reload, a typed URL)
/// the way back to the start.
#[component]
fn ConfirmScreen() -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let state = use_company();
    let navigate = use_navigate();
    let Some((view, after)) = state
        .draft
        .get_untracked()
        .and_then(|d| d.after.map(|a| (d.view, a)))
    else {
        return view! {
            <Notice tone=Tone::Warning heading="入力内容は保持されていません">
                <p>"画面の再読み込みなどにより、入力内容は破棄されました。お手数ですが、最初から入力してください。"</p>
            </Notice>
            <div class="btn-row">
                <a href=paths::COMPANY_EDIT class="btn">"企業情報変更へ"</a>
            </div>
        }
        .into_any();
    };
    let mut summary = sections(&after, &view.context, Some(&view.company));
    for s in &mut summary {
        s.edit_href = Some(format!("{}?from=confirm", paths::COMPANY_EDIT));
    }
    // The latest data could not be read after a refusal that needs it: why, and whether
    // the company changed meanwhile (a link to it). A final answer, never retried.
    let reload_failed = RwSignal::new(None::<(String, bool)>);
    let ctx = view.context.clone();
    let revision = view.revision;
    let operator = OperatorInput::new(view.context.one_time_password);
    let submit = use_confirmed_submit(
        operator,
        move |req: CompanyChangeRequest, key| async move { api.change_company(&req, &key).await },
        {
            let navigate = navigate.clone();
            move |done, _| {
                state.outcome.set(Some((done, ctx.clone())));
                navigate(paths::COMPANY_DONE, Default::default());
                state.draft.set(None);
                std::future::ready(())
            }
        },
        move |e| {
            let navigate = navigate.clone();
            let session = auth.session_key();
            async move {
                let conflict = matches!(&e, ApiError::Rejected(b) if b.code == ErrorCode::Conflict);
                let form: Vec<FieldError> = e
                    .field_errors()
                    .iter()
                    .filter(|f| is_form_field(&f.field))
                    .cloned()
                    .collect();
                if !conflict && form.is_empty() {
                    return Refused::Show(e);
                }
                // The company or its users changed since the form was loaded: move what
                // was typed onto the latest data and check it again.
                operator.clear();
                match api.company().await {
                    Ok(latest) if auth.session_key() == session => {
                        state.draft.update(|d| {
                            if let Some(d) = d {
                                d.form = d.form.rebase(&form_of(&d.view), &form_of(&latest));
                                d.view = latest;
                                d.after = None;
                                d.returned = form;
                                d.rebased = conflict;
                            }
                        });
                        navigate(paths::COMPANY_EDIT, Default::default());
                        Refused::Handled
                    }
                    Ok(_) => Refused::Handled,
                    Err(load) => {
                        reload_failed.try_set(Some((load.message(), conflict)));
                        Refused::Handled
                    }
                }
            }
        },
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !submit.pending().get_untracked() {
            reload_failed.set(None);
        }
        submit.submit(|confirmation| {
            Some(CompanyChangeRequest {
                company: after.clone(),
                revision,
                confirmation,
            })
        });
    };
    let pending = submit.pending();
    view! {
        <p>
            "以下の内容で企業情報を変更します。"<br />
            "内容を確認の上、「実行」ボタンをクリックしてください。"<br />
            "変更した内容は黄色で表示されています。"
        </p>
        <p>"変更した項目には「変更」と変更前の内容を表示しています。"</p>
        {move || submit.failure.get().map(|failed| view! {
            <SubmitError heading="処理できませんでした" failed=failed retry=submit.retry() pending=pending />
        })}
        {move || reload_failed.get().map(|(message, conflict)| view! {
            <SubmitError
                heading="処理できませんでした"
                failed=Failed::final_answer(message)
                retry=submit.retry()
                pending=pending
            >
                {conflict.then(|| view! {
                    <p><a href=paths::COMPANY_VIEW>"最新の企業情報を表示する"</a></p>
                })}
            </SubmitError>
        })}
        <ErrorSummary items=submit.summary() />
        <ChangeSummary sections=summary id_prefix="confirm" />
        <form novalidate on:submit=on_submit>
            <OperatorFields input=operator errors=submit.errors />
            <div class="btn-row">
                <a href=format!("{}?from=confirm", paths::COMPANY_EDIT) class="btn btn-secondary">"戻る"</a>
                <ExecuteButton pending=pending />
            </div>
        </form>
    }
    .into_any()
}
