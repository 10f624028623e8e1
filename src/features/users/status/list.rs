//! The list of a task ([BRSK016] 利用者停止・解除, [BRSK031] …): the notes, every user with
//! a checkbox (disabled, with the reason, where no action of the task applies), 「全選択」
//! 「全解除」, the action buttons and 「戻る」.

use super::{status_page, use_statuses, StatusNotes};
use crate::api::use_api;
use crate::features::users::status::logic::{
    choose, count_line, list_intro, pick_id, pick_label, row_state, ChooseMessage, Selection,
    StatusStep,
};
use crate::kernel::paths;
use crate::ui::failure::LoadError;
use crate::ui::form::{ErrorSummary, SummaryItem};
use crate::ui::notice::{Loading, Notice, Tone};
use kanri_contract::user_status::{StatusAction, StatusTask, UserStatusList};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use stylers::style;

/// The list of the task in the URL, for holders of 管理者権限.
#[component]
pub fn StatusListPage() -> impl IntoView {
    status_page(
        StatusStep::List,
        |task| view! { <StatusListScreen task=task /> },
    )
}

/// The screen itself (only built for users with the right: no data is requested
/// otherwise).
#[component]
fn StatusListScreen(
    /// The task of the URL.
    task: StatusTask,
) -> impl IntoView {
    let api = use_api();
    let state = use_statuses();
    let navigate = use_navigate();
    // The selection kept from this task's confirmation; another task's is dropped.
    if state
        .selection
        .with_untracked(|s| s.as_ref().map(|(t, _)| *t))
        != Some(task)
    {
        state.selection.set(Some((task, Selection::default())));
    }
    let list = LocalResource::new(move || async move { api.user_statuses().await });
    let problems = RwSignal::new(Vec::<ChooseMessage>::new());
    // The first checkbox that can be checked: where 「対象の利用者を選択してください。」 leads.
    let first_target = StoredValue::new(None::<String>);
    let summary = Signal::derive(move || {
        problems
            .read()
            .iter()
            .map(|p| SummaryItem {
                target: p
                    .login_id
                    .as_deref()
                    .map(pick_id)
                    .or_else(|| first_target.get_value()),
                message: p.message.clone(),
            })
            .collect::<Vec<_>>()
    });

    let selection = move || {
        state.selection.with(|s| match s {
            Some((t, sel)) if *t == task => sel.clone(),
            _ => Selection::default(),
        })
    };
    let update = move |f: &dyn Fn(&mut Selection)| {
        state.selection.update(|s| match s {
            Some((t, sel)) if *t == task => f(sel),
            _ => {
                let mut sel = Selection::default();
                f(&mut sel);
                *s = Some((task, sel));
            }
        });
    };

    // An action button: open the confirmation, or say what is wrong with the selection
    // (which stays as it is).
    let press = Callback::new(
        move |(action, data): (StatusAction, StoredValue<UserStatusList>)| {
            let sel = selection();
            match data.with_value(|l| choose(action, &sel, l)) {
                Ok(chosen) => {
                    problems.set(Vec::new());
                    state.chosen.set(Some(chosen));
                    navigate(&paths::status_step(task, "confirm"), Default::default());
                }
                Err(e) => problems.set(e.messages()),
            }
        },
    );

    let class = style! {
        .st-scroll {
            overflow-x: auto;
            margin-bottom: 0.5rem;
        }
        .st-table {
            width: 100%;
            min-width: 48rem;
            border-collapse: collapse;
            background: var(--color-surface);
        }
        .st-table caption {
            margin-bottom: 0.5rem;
            font-size: 1.25rem;
            font-weight: bold;
            text-align: left;
        }
        .st-table th, .st-table td {
            padding: 0.5rem 0.75rem;
            border: 1px solid var(--color-border);
            text-align: left;
            vertical-align: middle;
        }
        .st-table thead th {
            background: var(--color-bg);
        }
        .st-table tr.st-picked td {
            background: var(--color-brand-tint);
        }
        .st-table tr.st-unavailable td {
            color: var(--color-text-muted);
        }
        .st-table td.st-pick {
            width: 4rem;
            padding: 0;
        }
        .st-pick-label {
            display: flex;
            align-items: center;
            justify-content: center;
            min-height: 2.75rem;
            cursor: pointer;
        }
        .st-pick-label input {
            width: 1.25rem;
            height: 1.25rem;
            margin: 0;
            cursor: pointer;
        }
        .st-pick-label input:disabled {
            cursor: not-allowed;
        }
        .st-reason {
            font-size: 0.875rem;
        }
        .st-tools {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            gap: 0.5rem 1rem;
            margin-bottom: 0.75rem;
        }
        .st-count {
            margin: 0;
            font-weight: bold;
        }
    };

    let table = move |data: UserStatusList| {
        // Users gone or changed since the selection was made are no longer selected.
        state.selection.update_untracked(|s| {
            if let Some((t, sel)) = s {
                if *t == task {
                    sel.retain_selectable(task, &data);
                }
            }
        });
        let auth = task.authentication();
        let line = count_line(task, &data);
        let first_selectable = data
            .users
            .iter()
            .find(|u| row_state(task, u, &data).is_ok())
            .map(|u| pick_id(&u.login_id));
        let rows = data
            .users
            .iter()
            .map(|u| {
                let id = u.login_id.clone();
                let state_of_row = row_state(task, u, &data);
                let enabled = state_of_row.is_ok();
                let reasons = state_of_row.err().unwrap_or_default().join("");
                let reason_id = format!("{}-reason", pick_id(&id));
                let picked = {
                    let id = id.clone();
                    Memo::new(move |_| {
                        enabled
                            && state.selection.with(|s| {
                                s.as_ref()
                                    .is_some_and(|(t, sel)| *t == task && sel.contains(&id))
                            })
                    })
                };
                let on_change = {
                    let id = id.clone();
                    move |ev| {
                        let on = event_target_checked(&ev);
                        update(&|sel: &mut Selection| sel.set(&id, on));
                        problems.set(Vec::new());
                    }
                };
                let auth_cell = auth.map(|a| view! { class = class, <td>{u.auth(a).label()}</td> });
                view! { class = class,
                    <tr class:st-picked=move || picked.get() class:st-unavailable=!enabled>
                        <td class="st-pick">
                            <label class="st-pick-label">
                                <input
                                    type="checkbox"
                                    id=pick_id(&id)
                                    value=id.clone()
                                    disabled=!enabled
                                    aria-describedby=(!enabled).then(|| reason_id.clone())
                                    prop:checked=move || picked.get()
                                    on:change=on_change
                                />
                                <span class="visually-hidden">{pick_label(u)}</span>
                            </label>
                        </td>
                        <td>{u.login_id.clone()}</td>
                        <td>{u.name.clone()}</td>
                        <td>{u.role.label()}</td>
                        <td>{u.service_label()}</td>
                        {auth_cell}
                        <td class="st-reason" id=reason_id.clone()>{reasons}</td>
                    </tr>
                }
            })
            .collect_view();
        let any_selectable = first_selectable.is_some();
        first_target.set_value(first_selectable);
        let empty = data.users.is_empty();
        let data = StoredValue::new(data);
        let selected_count = move || {
            let n = data.with_value(|l| selection().users(l).len());
            format!("{n}名を選択しています。")
        };
        let buttons = task
            .actions()
            .iter()
            .map(|&action| {
                view! { class = class,
                    <button type="button" class="btn" on:click=move |_| press.run((action, data))>
                        {action.button()}
                    </button>
                }
            })
            .collect_view();
        view! { class = class,
            <p>{line}</p>
            {(!empty && !any_selectable).then(|| view! { class = class,
                <Notice tone=Tone::Info>
                    <p>"選択できる利用者はいません。"</p>
                </Notice>
            })}
            {if empty {
                view! { class = class, <p>"登録されている利用者はありません。"</p> }.into_any()
            } else {
                view! { class = class,
                    <div class="st-tools">
                        <button
                            type="button"
                            class="btn-outline"
                            disabled=!any_selectable
                            on:click=move |_| {
                                data.with_value(|l| update(&|sel: &mut Selection| sel.select_all(task, l)));
                                problems.set(Vec::new());
                            }
                        >
                            "全選択"
                        </button>
                        <button
                            type="button"
                            class="btn-outline"
                            disabled=!any_selectable
                            on:click=move |_| {
                                update(&|sel: &mut Selection| sel.clear());
                                problems.set(Vec::new());
                            }
                        >
                            "全解除"
                        </button>
                        <p class="st-count" role="status">{selected_count}</p>
                    </div>
                    <div class="st-scroll" role="region" aria-labelledby="status-list-caption" tabindex="0">
                        <table class="st-table">
                            <caption id="status-list-caption">{format!("{} 利用者一覧", task.title())}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"選択"</th>
                                    <th scope="col">"ログインID"</th>
                                    <th scope="col">"利用者名"</th>
                                    <th scope="col">"利用者区分"</th>
                                    <th scope="col">"サービス状態"</th>
                                    {auth.map(|a| view! { class = class, <th scope="col">{a.state_heading()}</th> })}
                                    <th scope="col">"選択できない理由"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
            <div class="btn-row">
                <A href=paths::USER_TASKS attr:class="btn btn-secondary">"戻る"</A>
                {buttons}
            </div>
        }
    };

    view! { class = class,
        <ErrorSummary items=summary />
        <p>{list_intro(task)}</p>
        <StatusNotes actions=task.actions().to_vec() />
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(data) => table(data).into_any(),
                    Err(e) => view! {
                        <LoadError
                            what="利用者一覧"
                            error=e
                            retry=Callback::new(move |()| list.refetch())
                            back_href=paths::USER_TASKS
                        />
                    }
                        .into_any(),
                }
            })}
        </Transition>
    }
}
