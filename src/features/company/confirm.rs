//! 企業情報変更確認 [BKGK002]: every value, the changed ones highlighted with their old
//! value, the operator's 確認用パスワード (and ワンタイムパスワード), 「実行」.

use crate::api::{submit_with_key, use_api, ApiError};
use crate::features::company::edit::STEPS;
use crate::features::company::logic::{form_of, is_form_field, sections};
use crate::features::company::use_company;
use crate::kernel::confirmation::refusal;
use crate::kernel::help;
use crate::kernel::idempotency::SubmitKey;
use crate::kernel::paths;
use crate::ui::change_summary::ChangeSummary;
use crate::ui::failure::{Failed, SubmitError};
use crate::ui::form::{field_summary, ErrorSummary};
use crate::ui::notice::{Notice, Tone};
use crate::ui::operator_fields::{OperatorFields, OperatorInput};
use crate::ui::require::RequirePermission;
use crate::ui::session::use_auth;
use crate::ui::step_indicator::StepIndicator;
use crate::ui::title_bar::TitleBar;
use kanri_contract::api::{ErrorCode, FieldError, Permission};
use kanri_contract::company::CompanyChangeRequest;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// 企業情報変更確認, for holders of 管理者権限.
#[component]
pub fn CompanyConfirmPage() -> impl IntoView {
    view! {
        <RequirePermission permission=Permission::ManageCompany>
            <TitleBar screen=help::COMPANY_CONFIRM />
            <StepIndicator steps=STEPS current=1 />
            <ConfirmScreen />
        </RequirePermission>
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
    let operator = OperatorInput::new(view.context.one_time_password);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // Why 「実行」 failed, and whether the company changed meanwhile (a link to it).
    let failure = RwSignal::new(None::<(Failed, bool)>);
    let submit_key = StoredValue::new(SubmitKey::default());
    // The request last sent: 「再試行」 sends it again (the same body, so the same key).
    let last = StoredValue::new(None::<CompanyChangeRequest>);
    let ctx = view.context.clone();
    let revision = view.revision;

    // After the await the page may be gone: the continuation owns what it needs and
    // only `try_set`s page signals. An answer for a session that has ended (logout, or
    // another login in this tab) is dropped.
    let execute = Action::new_local(move |req: &CompanyChangeRequest| {
        let req = req.clone();
        let ctx = ctx.clone();
        let navigate = navigate.clone();
        let session = auth.session_key();
        async move {
            let r = &req;
            let result = submit_with_key(submit_key, r, |key| async move {
                api.change_company(r, &key).await
            })
            .await;
            if auth.session_key() != session {
                return;
            }
            match result {
                Ok(done) => {
                    operator.clear();
                    state.outcome.set(Some((done, ctx)));
                    navigate(paths::COMPANY_DONE, Default::default());
                    state.draft.set(None);
                }
                Err(e) => {
                    let r = refusal(&e);
                    if r.clear_password {
                        operator.clear();
                    }
                    let conflict =
                        matches!(&e, ApiError::Rejected(b) if b.code == ErrorCode::Conflict);
                    let (form, mine): (Vec<FieldError>, Vec<FieldError>) = r
                        .field_errors
                        .into_iter()
                        .partition(|f| is_form_field(&f.field));
                    if conflict || !form.is_empty() {
                        // The company or its users changed since the form was loaded:
                        // move what was typed onto the latest data and check it again.
                        match api.company().await {
                            Ok(latest) if auth.session_key() == session => {
                                state.draft.update(|d| {
                                    if let Some(d) = d {
                                        d.form =
                                            d.form.rebase(&form_of(&d.view), &form_of(&latest));
                                        d.view = latest;
                                        d.after = None;
                                    }
                                });
                                state.returned_errors.set(form);
                                state.rebased.set(conflict);
                                navigate(paths::COMPANY_EDIT, Default::default());
                            }
                            Ok(_) => {}
                            Err(load) => {
                                failure.try_set(Some((
                                    Failed::final_answer(load.message()),
                                    conflict,
                                )));
                            }
                        }
                    } else if mine.is_empty() {
                        let message = r.message.unwrap_or_else(|| e.message());
                        failure.try_set(Some((Failed::with_message(message, &e), false)));
                    } else {
                        failure.try_set(None);
                        errors.try_set(mine);
                    }
                }
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if execute.pending().get_untracked() {
            return;
        }
        failure.set(None);
        let found = operator.errors();
        errors.set(found);
        if errors.read_untracked().is_empty() {
            let req = CompanyChangeRequest {
                company: after.clone(),
                revision,
                confirmation: operator.confirmation(),
            };
            last.set_value(Some(req.clone()));
            execute.dispatch(req);
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
    view! {
        <p>
            "以下の内容で企業情報を変更します。"<br />
            "内容を確認の上、「実行」ボタンをクリックしてください。"<br />
            "変更した内容は黄色で表示されています。"
        </p>
        <p>"変更した項目には「変更」と変更前の内容を表示しています。"</p>
        {move || failure.get().map(|(failed, conflict)| view! {
            <SubmitError heading="処理できませんでした" failed=failed retry=resend pending=pending>
                {conflict.then(|| view! {
                    <p><a href=paths::COMPANY_VIEW>"最新の企業情報を表示する"</a></p>
                })}
            </SubmitError>
        })}
        <ErrorSummary items=summary_items />
        <ChangeSummary sections=summary id_prefix="confirm" />
        <form novalidate on:submit=on_submit>
            <OperatorFields input=operator errors=errors />
            <div class="btn-row">
                <a href=format!("{}?from=confirm", paths::COMPANY_EDIT) class="btn btn-secondary">"戻る"</a>
                <button type="submit" class="btn" disabled=move || execute.pending().get()>
                    {move || if execute.pending().get() { "処理中…" } else { "実行" }}
                </button>
            </div>
        </form>
    }
    .into_any()
}
