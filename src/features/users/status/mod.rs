//! 利用者停止・解除 [BRSK016] and the additional authentications' tasks of 作業内容選択
//! (ワンタイムパスワード / トランザクション認証 利用停止解除・トークン失効, 追加認証（リスク
//! ベース認証） 利用停止解除・回答リセット): one set of pages for every
//! [`StatusTask`], read from the `:task` route parameter (an unknown one is not found):
//! list with checkboxes → 確認 (確認用パスワード) → 結果.
//!
//! [`StatusState`] keeps the selection, the chosen action and the last result in memory
//! only; it is emptied when the session ends or begins, and a reload loses it (the
//! confirmation then goes back to the list, the result says so). The rules live in
//! [`crate::features::users::status::logic`].

pub mod confirm;
pub mod done;
pub mod list;
pub mod logic;

pub use confirm::StatusConfirmPage;
pub use done::StatusDonePage;
pub use list::StatusListPage;

use crate::features::users::status::logic::{Chosen, Selection, StatusStep, STEPS};
use crate::kernel::help;
use crate::kernel::paths;
use crate::ui::notice::{Notice, Tone};
use crate::ui::step_indicator::StepIndicator;
use crate::ui::title_bar::TitleBar;
use kanri_contract::user_status::{StatusActionDone, StatusTask};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use stylers::style;

/// The state of these tasks, provided by [`crate::shell::app::App`].
#[derive(Clone, Copy)]
pub struct StatusState {
    /// The selection on a task's list (kept for 「戻る」 from the confirmation).
    pub selection: RwSignal<Option<(StatusTask, Selection)>>,
    /// The action chosen on the list and the users it acts on (the confirmation's data).
    pub chosen: RwSignal<Option<Chosen>>,
    /// The last finished action (the result's data).
    pub outcome: RwSignal<Option<StatusActionDone>>,
}

impl StatusState {
    pub fn new() -> Self {
        Self {
            selection: RwSignal::new(None),
            chosen: RwSignal::new(None),
            outcome: RwSignal::new(None),
        }
    }

    /// Forget everything (logout, session end, a new session).
    pub fn reset(&self) {
        self.selection.set(None);
        self.chosen.set(None);
        self.outcome.set(None);
    }
}

impl Default for StatusState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_statuses() -> StatusState {
    expect_context::<StatusState>()
}

/// The task of the URL (`None`: not a task). A memo, so a page re-renders when the
/// browser moves between two tasks' screens (same route, other parameter).
pub fn use_task() -> Memo<Option<StatusTask>> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .with(|p| p.get("task"))
            .and_then(|slug| StatusTask::from_slug(&slug))
    })
}

/// The frame of every screen of these tasks: the permission gate, the title bar and the
/// step indicator, and `body` for the task of the URL; an unknown task is not found.
pub fn status_page<V: IntoView + 'static>(
    step: StatusStep,
    body: fn(StatusTask) -> V,
) -> impl IntoView {
    let task = use_task();
    view! {
        {move || match task.get() {
            None => view! { <UnknownTask /> }.into_any(),
            Some(t) => view! {
                <TitleBar screen=logic::status_screen(t, step) />
                <StepIndicator steps=STEPS current=step.index() />
                {body(t)}
            }
                .into_any(),
        }}
    }
}

/// A URL of these tasks with a task that does not exist.
#[component]
fn UnknownTask() -> impl IntoView {
    view! {
        <TitleBar screen=help::NOT_FOUND />
        <Notice tone=Tone::Error heading="ページが見つかりません">
            <p>"お探しのページは見つかりませんでした。URLに誤りがないかご確認ください。"</p>
        </Notice>
        <div class="btn-row">
            <A href=paths::USER_TASKS attr:class="btn">"作業内容選択へ"</A>
        </div>
    }
}

/// The note(s) of the task's actions (the manual's ご注意), above a list, confirmation or
/// result. With several actions each note names its button.
#[component]
pub fn StatusNotes(
    /// The actions whose notes are shown.
    actions: Vec<kanri_contract::user_status::StatusAction>,
) -> impl IntoView {
    let named = actions.len() > 1;
    let notes = actions
        .into_iter()
        .map(|a| {
            let text = if named {
                format!("「{}」：{}", a.button(), a.note())
            } else {
                a.note().to_owned()
            };
            view! { <p>{text}</p> }
        })
        .collect_view();
    view! {
        <Notice tone=Tone::Info heading="ご注意ください">{notes}</Notice>
    }
}

/// A read-only table of users (the confirmation's and the result's), in a region that
/// scrolls sideways on narrow screens.
#[component]
pub fn StatusUsersTable(
    /// DOM id of the caption (names the table and its scroll region).
    id: &'static str,
    /// The caption.
    #[prop(into)]
    caption: String,
    /// The column headings.
    headings: Vec<String>,
    /// The cells, row by row; the first cell of a row heads it.
    rows: Vec<Vec<String>>,
) -> impl IntoView {
    let class = style! {
        .su-scroll {
            overflow-x: auto;
            margin-bottom: 1.5rem;
        }
        .su-table {
            width: 100%;
            min-width: 40rem;
            border-collapse: collapse;
            background: var(--color-surface);
        }
        .su-table caption {
            margin-bottom: 0.5rem;
            font-size: 1.125rem;
            font-weight: bold;
            text-align: left;
        }
        .su-table th, .su-table td {
            padding: 0.5rem 0.75rem;
            border: 1px solid var(--color-border);
            text-align: left;
            vertical-align: top;
        }
        .su-table thead th {
            background: var(--color-bg);
        }
        .su-table tbody th {
            font-weight: normal;
        }
    };
    let headings = headings
        .into_iter()
        .map(|h| view! { class = class, <th scope="col">{h}</th> })
        .collect_view();
    let rows = rows
        .into_iter()
        .map(|cells| {
            let mut cells = cells.into_iter();
            let first = cells.next().unwrap_or_default();
            let rest = cells
                .map(|c| view! { class = class, <td>{c}</td> })
                .collect_view();
            view! { class = class,
                <tr>
                    <th scope="row">{first}</th>
                    {rest}
                </tr>
            }
        })
        .collect_view();
    view! { class = class,
        <div class="su-scroll" role="region" aria-labelledby=id tabindex="0">
            <table class="su-table">
                <caption id=id>{caption}</caption>
                <thead>
                    <tr>{headings}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
