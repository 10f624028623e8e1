//! 手数料の変更確認 [BKGK012 / BKGK022 / BKGK032]: the change against the settings in
//! force (changed values in yellow, with 「変更」 and the old value), the operator's
//! 確認用パスワード (and ワンタイムパスワード), 「実行」.

use super::{fee_page, use_fees};
use crate::api::{submit_with_key, use_api};
use crate::features::company::fees::logic::{confirm_failure, ConfirmFailure, FeeStep};
use crate::kernel::idempotency::SubmitKey;
use crate::kernel::paths;
use crate::ui::change_summary::ChangeSummary;
use crate::ui::failure::{Failed, SubmitError};
use crate::ui::form::{field_summary, ErrorSummary};
use crate::ui::notice::{Notice, Tone};
use crate::ui::operator_fields::{OperatorFields, OperatorInput};
use crate::ui::session::use_auth;
use kanri_contract::api::FieldError;
use kanri_contract::fees::{FeeChangeRequest, FeeTable};
use leptos::prelude::*;
use leptos_router::components::{Redirect, A};
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// 手数料の変更確認 of the table in the URL, for holders of 管理者権限.
#[component]
pub fn FeeConfirmPage() -> impl IntoView {
    fee_page(
        FeeStep::Confirm,
        |table| view! { <FeeConfirmScreen table=table /> },
    )
}

/// What the confirmation URL may show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gate {
    Ready,
    /// The draft is not valid, or changes nothing: back to the input.
    Input,
    /// No draft (reloaded or typed in).
    NotKept,
}

/// The gate in front of the confirmation (decided once: the page itself does not change
/// the draft, and after 「実行」 it goes away).
#[component]
fn FeeConfirmScreen(
    /// The table changed.
    table: FeeTable,
) -> impl IntoView {
    let fees = use_fees();
    let gate = fees.draft.with_untracked(|d| match d {
        Some(d) if d.table() == table => {
            if d.settings().is_ok() && !d.is_unchanged() {
                Gate::Ready
            } else {
                Gate::Input
            }
        }
        _ => Gate::NotKept,
    });
    match gate {
        Gate::Ready => view! { <FeeConfirmForm table=table /> }.into_any(),
        Gate::Input => view! { <Redirect path=paths::fees_step(table, "edit") /> }.into_any(),
        Gate::NotKept => view! { <NotKept table=table /> }.into_any(),
    }
}

/// The entry was lost (reload, or the URL typed in): say so, offer a fresh start.
#[component]
fn NotKept(
    /// The table.
    table: FeeTable,
) -> impl IntoView {
    view! {
        <Notice tone=Tone::Warning heading="入力内容は保持されていません">
            <p>
                {format!("画面の再読み込みなどにより、{}の変更の入力内容は破棄されました。お客様の安全のため、入力内容はブラウザに保存していません。お手数ですが、最初から入力してください。", table.title())}
            </p>
        </Notice>
        <div class="btn-row">
            <A href=paths::fees_step(table, "edit") attr:class="btn">"最初から入力する"</A>
            <A href=paths::COMPANY_TASKS attr:class="btn btn-secondary">"作業内容選択へ"</A>
        </div>
    }
}

/// The summary of the change, the operator's confirmation and 「実行」.
#[component]
fn FeeConfirmForm(
    /// The table changed.
    table: FeeTable,
) -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let fees = use_fees();
    let navigate = use_navigate();
    let Some((sections, one_time_password)) = fees.draft.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| Some((d.sections()?, d.view.one_time_password)))
    }) else {
        return ().into_any();
    };
    let input = OperatorInput::new(one_time_password);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<Failed>);
    let conflict = RwSignal::new(None::<String>);
    let submit_key = StoredValue::new(SubmitKey::default());
    // The request last sent: 「再試行」 sends it again (the same body, so the same key).
    let last = StoredValue::new(None::<FeeChangeRequest>);
    let edit_path = paths::fees_step(table, "edit");

    // After the await the page may be gone: everything the continuation needs is owned
    // by it, and page signals are only `try_set`.
    let execute = Action::new_local(move |req: &FeeChangeRequest| {
        let req = req.clone();
        let navigate = navigate.clone();
        let session = auth.session_key();
        async move {
            let r = &req;
            let result = submit_with_key(submit_key, r, |key| async move {
                api.change_fees(table, r, &key).await
            })
            .await;
            // An answer for a session that has ended (logout, another login) is dropped.
            if auth.session_key() != session {
                return;
            }
            match result {
                Ok(done) => {
                    input.clear();
                    fees.outcome.set(Some(done));
                    // The confirmation of a finished change has no use: replace it.
                    navigate(
                        &paths::fees_step(table, "done"),
                        NavigateOptions {
                            replace: true,
                            ..Default::default()
                        },
                    );
                    fees.draft.set(None);
                }
                Err(e) => match confirm_failure(&e) {
                    ConfirmFailure::Input(field_errors) => {
                        input.clear();
                        fees.returned_errors.set(field_errors);
                        navigate(&paths::fees_step(table, "edit"), Default::default());
                    }
                    ConfirmFailure::Conflict(message) => {
                        // The draft was made from data that no longer holds: drop it, so
                        // 「戻る」 starts from the latest rather than failing again.
                        input.clear();
                        fees.draft.set(None);
                        errors.try_set(Vec::new());
                        conflict.try_set(Some(message));
                    }
                    ConfirmFailure::Refused(r) => {
                        if r.clear_password {
                            input.clear();
                        }
                        errors.try_set(r.field_errors);
                        failure.try_set(r.message.map(|m| Failed::with_message(m, &e)));
                    }
                },
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if execute.pending().get_untracked() || conflict.read_untracked().is_some() {
            return;
        }
        failure.set(None);
        errors.set(input.errors());
        if !errors.read_untracked().is_empty() {
            return;
        }
        let req = fees
            .draft
            .with_untracked(|d| d.as_ref().and_then(|d| d.request(input.confirmation())));
        if let Some(req) = req {
            last.set_value(Some(req.clone()));
            execute.dispatch(req);
        }
    };
    let resend = Callback::new(move |()| {
        if let Some(req) = last.get_value() {
            if !execute.pending().get_untracked() && conflict.read_untracked().is_none() {
                execute.dispatch(req);
            }
        }
    });
    let pending = execute.pending();

    let summary = field_summary(errors);
    let title = table.title();

    view! {
        <p>
            {format!("以下の内容で{title}を変更します。内容を確認の上、「実行」ボタンをクリックしてください。変更した内容は黄色で表示されています。")}
            {one_time_password.then_some(
                "ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。",
            )}
        </p>
        {move || conflict.get().map(|m| view! {
            <Notice tone=Tone::Error heading="手数料情報が他の操作により変更されています">
                <p>{m}</p>
                <p>"入力内容は破棄されました。最新の内容を確認して、もう一度変更してください。"</p>
                <p>
                    <A href=paths::fees_view(table)>
                        {format!("{title}照会を開き、最新の内容を確認する")}
                    </A>
                </p>
            </Notice>
        })}
        {move || failure.get().map(|failed| view! {
            <SubmitError heading="手数料情報を変更できませんでした" failed=failed retry=resend pending=pending />
        })}
        <ErrorSummary items=summary />
        <ChangeSummary sections=sections id_prefix="fees-confirm" />
        <form novalidate on:submit=on_submit>
            <OperatorFields input=input errors=errors />
            <div class="btn-row">
                <A href=edit_path attr:class="btn btn-secondary">"戻る"</A>
                <button type="submit" class="btn" disabled=move || execute.pending().get()>
                    {move || if execute.pending().get() { "処理中…" } else { "実行" }}
                </button>
            </div>
        </form>
    }
    .into_any()
}
