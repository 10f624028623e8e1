//! 手数料の変更確認 [BKGK012 / BKGK022 / BKGK032]: the change against the settings in
//! force (changed values in yellow, with 「変更」 and the old value), the operator's
//! 確認用パスワード (and ワンタイムパスワード), 「実行」.

use super::{fee_page, use_fees};
use crate::api::use_api;
use crate::features::company::fees::logic::{confirm_failure, ConfirmFailure, FeeStep};
use crate::kernel::paths;
use crate::ui::change_summary::ChangeSummary;
use crate::ui::confirmed_submit::{use_confirmed_submit, ExecuteButton, Refused};
use crate::ui::failure::SubmitError;
use crate::ui::form::ErrorSummary;
use crate::ui::notice::{Notice, Tone};
use crate::ui::operator_fields::{OperatorFields, OperatorInput};
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
    let fees = use_fees();
    let navigate = use_navigate();
    let Some((sections, one_time_password)) = fees.draft.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| Some((d.sections()?, d.view.one_time_password)))
    }) else {
        return ().into_any();
    };
    let conflict = RwSignal::new(None::<String>);
    let edit_path = paths::fees_step(table, "edit");
    let input = OperatorInput::new(one_time_password);
    let submit = use_confirmed_submit(
        input,
        move |req: FeeChangeRequest, key| async move { api.change_fees(table, &req, &key).await },
        {
            let navigate = navigate.clone();
            move |done, _| {
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
                std::future::ready(())
            }
        },
        move |e| {
            let navigate = navigate.clone();
            async move {
                match confirm_failure(&e) {
                    ConfirmFailure::Input(field_errors) => {
                        input.clear();
                        fees.draft.update_untracked(|d| {
                            if let Some(d) = d {
                                d.returned = field_errors;
                            }
                        });
                        navigate(&paths::fees_step(table, "edit"), Default::default());
                        Refused::Handled
                    }
                    ConfirmFailure::Conflict(message) => {
                        // The draft was made from data that no longer holds: drop it, so
                        // 「戻る」 starts from the latest rather than failing again.
                        input.clear();
                        fees.draft.set(None);
                        conflict.try_set(Some(message));
                        Refused::Handled
                    }
                    ConfirmFailure::Refused(_) => Refused::Show(e),
                }
            }
        },
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if conflict.read_untracked().is_some() {
            return;
        }
        submit.submit(|confirmation| {
            fees.draft
                .with_untracked(|d| d.as_ref().and_then(|d| d.request(confirmation)))
        });
    };
    let pending = submit.pending();

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
        {move || submit.failure.get().map(|failed| view! {
            <SubmitError heading="手数料情報を変更できませんでした" failed=failed retry=submit.retry() pending=pending />
        })}
        <ErrorSummary items=submit.summary() />
        <ChangeSummary sections=sections id_prefix="fees-confirm" />
        <form novalidate on:submit=on_submit>
            <OperatorFields input=input errors=submit.errors />
            <div class="btn-row">
                <A href=edit_path attr:class="btn btn-secondary">"戻る"</A>
                <ExecuteButton pending=pending disabled=Signal::derive(move || conflict.read().is_some()) />
            </div>
        </form>
    }
    .into_any()
}
