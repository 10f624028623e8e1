//! The confirmation of a task ([BRSK017] 利用者停止・解除確認, [BRSK032] …): the action, its
//! note, the selected users with their state now and after, the operator's 確認用パスワード
//! (and ワンタイムパスワード when the company uses one), 「実行」 and 「戻る」.

use super::{status_page, use_statuses, StatusNotes, StatusUsersTable};
use crate::api::use_api;
use crate::features::users::status::logic::{
    confirm_rows, failure, request, state_heading, Chosen, Failure, StatusStep,
};
use crate::kernel::paths;
use crate::ui::confirmed_submit::{use_confirmed_submit, ExecuteButton, Refused};
use crate::ui::failure::{LoadError, SubmitError};
use crate::ui::form::{focus_id, ErrorSummary};
use crate::ui::notice::{Loading, Notice, Tone};
use crate::ui::operator_fields::{OperatorFields, OperatorInput};
use kanri_contract::user_status::{StatusActionRequest, StatusTask};
use leptos::prelude::*;
use leptos_router::components::{Redirect, A};
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The id of the link back to the list when the selection no longer holds.
const STALE_LINK: &str = "status-stale-list-link";

/// The confirmation of the task in the URL, for holders of 管理者権限.
#[component]
pub fn StatusConfirmPage() -> impl IntoView {
    status_page(
        StatusStep::Confirm,
        |task| view! { <StatusConfirmScreen task=task /> },
    )
}

/// The gate in front of the confirmation: without an action chosen on this task's list
/// (a reload, or the URL typed in) it goes back to the list. Decided once: after 「実行」
/// the choice is gone, and the page with it.
#[component]
fn StatusConfirmScreen(
    /// The task of the URL.
    task: StatusTask,
) -> impl IntoView {
    let state = use_statuses();
    match state
        .chosen
        .with_untracked(|c| c.clone().filter(|c| c.task() == task))
    {
        Some(chosen) => view! { <StatusConfirmForm chosen=chosen /> }.into_any(),
        None => view! { <Redirect path=paths::status_list(task) /> }.into_any(),
    }
}

/// The users and the operator's confirmation.
#[component]
fn StatusConfirmForm(
    /// The action and the users chosen on the list.
    chosen: Chosen,
) -> impl IntoView {
    let api = use_api();
    let state = use_statuses();
    let navigate = use_navigate();
    let task = chosen.task();
    let action = chosen.action;
    // Whether the company uses ワンタイムパスワード.
    let context = LocalResource::new(move || async move { api.user_form_context().await });

    // The selection no longer holds: the heading and the backend's message.
    let stale = RwSignal::new(None::<(&'static str, String)>);
    // Whether this confirmation is still on screen: a late answer after 「戻る」 or the
    // menu records the result but does not pull the operator back to it.
    let on_screen = Arc::new(AtomicBool::new(true));
    on_cleanup({
        let on_screen = on_screen.clone();
        move || on_screen.store(false, Ordering::Relaxed)
    });

    let input = OperatorInput::new(false);
    let submit = use_confirmed_submit(
        input,
        move |req: StatusActionRequest, key| async move {
            api.apply_status_action(action, &req, &key).await
        },
        move |done, _| {
            state.outcome.set(Some(done));
            // The list opens afresh after the result.
            state.selection.set(None);
            state.chosen.set(None);
            if on_screen.load(Ordering::Relaxed) {
                // The confirmation of a finished action has no use: replace it.
                navigate(
                    &paths::status_step(task, "done"),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
            std::future::ready(())
        },
        move |e| async move {
            let heading = match failure(&e) {
                Failure::Refused(_) => return Refused::Show(e),
                Failure::Stale(message) => ("利用者の状態が変更されています", message),
                Failure::Reselect(message) => ("対象の利用者を選択し直してください", message),
            };
            // The choice no longer holds: the list is the way on, with nothing selected
            // (a kept box could now mean the other action).
            state.chosen.set(None);
            state.selection.set(None);
            input.clear();
            stale.try_set(Some(heading));
            Refused::Handled
        },
    );
    let pending = submit.pending();

    // 「実行」 is disabled once the choice no longer holds: focus moves to the way on
    // instead of being dropped on the page.
    Effect::new(move |_| {
        if stale.read().is_some() {
            request_animation_frame(|| focus_id(STALE_LINK));
        }
    });

    let chosen = StoredValue::new(chosen);
    let on_submit = move |ev: leptos::ev::SubmitEvent, uses_otp: bool| {
        ev.prevent_default();
        if stale.read_untracked().is_some() {
            return;
        }
        submit
            .with_otp(uses_otp)
            .submit(|confirmation| Some(chosen.with_value(|c| request(c, confirmation))));
    };

    let heading = state_heading(action);
    let rows = chosen.with_value(|c| {
        confirm_rows(c)
            .into_iter()
            .map(|r| vec![r.login_id, r.name, r.role.to_owned(), r.before, r.after])
            .collect::<Vec<_>>()
    });
    let headings = vec![
        "ログインID".to_owned(),
        "利用者名".to_owned(),
        "利用者区分".to_owned(),
        format!("現在の{heading}"),
        format!("処理後の{heading}"),
    ];
    let operation = action.operation();
    let list_href = StoredValue::new(paths::status_list(task));

    view! {
        <ErrorSummary items=submit.summary() />
        {move || stale.get().map(|(heading, m)| view! {
            <Notice tone=Tone::Error heading=heading>
                <p>{m}</p>
                <p>"処理は行われていません。"</p>
                <p>
                    <A href=list_href.get_value() attr:id=STALE_LINK>"利用者一覧を表示し直す"</A>
                </p>
            </Notice>
        })}
        {move || submit.failure.get().map(|failed| view! {
            <SubmitError
                heading=format!("{operation}を実行できませんでした")
                failed=failed
                retry=submit.retry()
                pending=pending
            />
        })}
        <p>
            {format!("以下の利用者の{operation}を行います。内容を確認の上、「実行」ボタンを押してください。")}
        </p>
        <dl class="summary-list">
            <dt>"処理内容"</dt>
            <dd>{operation}</dd>
            <dt>"対象の利用者"</dt>
            <dd>{format!("{}名", rows.len())}</dd>
        </dl>
        <StatusNotes actions=vec![action] />
        <StatusUsersTable
            id="status-confirm-caption"
            caption=format!("{operation}の対象利用者")
            headings=headings
            rows=rows
        />
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match context.await {
                    Err(e) => view! {
                        <LoadError
                            what="確認画面"
                            error=e
                            retry=Callback::new(move |()| context.refetch())
                            back_href=paths::status_list(task)
                        />
                    }
                        .into_any(),
                    Ok(ctx) => {
                        let uses_otp = ctx.one_time_password;
                        view! {
                            {uses_otp.then(|| view! {
                                <p>"ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。"</p>
                            })}
                            <form novalidate on:submit=move |ev| on_submit(ev, uses_otp)>
                                <OperatorFields input=input.with_otp(uses_otp) errors=submit.errors />
                                <div class="btn-row">
                                    <A href=paths::status_list(task) attr:class="btn btn-secondary">"戻る"</A>
                                    <ExecuteButton
                                        pending=pending
                                        disabled=Signal::derive(move || stale.read().is_some())
                                    />
                                </div>
                            </form>
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}
