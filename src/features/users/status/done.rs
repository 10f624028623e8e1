//! The result of a task ([BRSK024] 利用者停止・解除結果, [BRSK033] …): the done message,
//! 処理日時, the users with their new states, the note, and the ways on.

use super::{status_page, use_statuses, StatusNotes, StatusUsersTable};
use crate::features::users::status::logic::{done_rows, done_time, state_heading, StatusStep};
use crate::kernel::paths;
use crate::ui::notice::{Notice, Tone};
use kanri_contract::user_status::{StatusActionDone, StatusTask};
use leptos::prelude::*;
use leptos_router::components::A;

/// The result of the task in the URL, for holders of 管理者権限.
#[component]
pub fn StatusDonePage() -> impl IntoView {
    status_page(
        StatusStep::Done,
        |task| view! { <StatusDoneScreen task=task /> },
    )
}

/// The result of the action just made (kept in memory only: after a reload it is gone,
/// and the screen says so).
#[component]
fn StatusDoneScreen(
    /// The task of the URL.
    task: StatusTask,
) -> impl IntoView {
    let state = use_statuses();
    let result = Memo::new(move |_| {
        state.outcome.with(|o| {
            o.as_ref()
                .filter(|d| StatusTask::of(d.action) == task)
                .cloned()
        })
    });
    move || {
        match result.get() {
        Some(done) => done_view(done).into_any(),
        None => view! {
            <Notice tone=Tone::Warning heading="処理結果は表示できません">
                <p>
                    {format!("処理結果は、お客様の情報保護のため保存していません。画面を再読み込みした場合などは表示できません。処理されたかどうかは、{}の利用者一覧でご確認ください。", task.title())}
                </p>
            </Notice>
            <div class="btn-row">
                <A href=paths::status_list(task) attr:class="btn">
                    {format!("{}の利用者一覧へ", task.title())}
                </A>
                <A href=paths::USER_TASKS attr:class="btn btn-secondary">"作業内容選択へ"</A>
            </div>
        }
        .into_any(),
    }
    }
}

/// 「以下の利用者の…が完了しました。」, 処理日時, the users after the action, the note.
fn done_view(done: StatusActionDone) -> impl IntoView {
    let action = done.action;
    let operation = action.operation();
    let heading = state_heading(action);
    let rows = done_rows(&done)
        .into_iter()
        .map(|r| vec![r.login_id, r.name, r.role.to_owned(), r.state])
        .collect::<Vec<_>>();
    let headings = vec![
        "ログインID".to_owned(),
        "利用者名".to_owned(),
        "利用者区分".to_owned(),
        format!("処理後の{heading}"),
    ];
    view! {
        <Notice tone=Tone::Success heading=format!("{operation}が完了しました")>
            <p>{action.done_message()}</p>
        </Notice>
        <dl class="summary-list">
            <dt>"処理内容"</dt>
            <dd>{operation}</dd>
            <dt>"処理日時"</dt>
            <dd>{done_time(&done)}</dd>
        </dl>
        <StatusUsersTable
            id="status-done-caption"
            caption=format!("{operation}の結果")
            headings=headings
            rows=rows
        />
        <StatusNotes actions=vec![action] />
        <div class="btn-row">
            <A href=paths::USER_TASKS attr:class="btn">"作業内容選択へ"</A>
            <A href=paths::HOME attr:class="btn btn-secondary">"ホームへ"</A>
        </div>
    }
}
