//! 利用者一覧 [BRSK005]: the company's users with a radio per row, the sort control
//! (kept in the URL query, so a reload keeps it) and 「新規登録」「照会」「変更」「削除」.

use crate::api::use_api;
use crate::components::failure::LoadError;
use crate::components::notice::Loading;
use crate::components::require::RequirePermission;
use crate::components::title_bar::TitleBar;
use crate::logic::help;
use crate::logic::user_list::{
    choose, list_href, radio_id, select_label, sort_from_query, ListAction, ORDER_PARAM, SORT_PARAM,
};
use crate::logic::user_wizard::{Step, WizardMode};
use crate::pages::users::sort_control::SortControl;
use crate::pages::users::{step_path, use_users};
use crate::routes::paths;
use kanri_contract::api::Permission;
use kanri_contract::users::{SortKey, SortOrder, UserList};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use stylers::style;

/// 利用者一覧, for holders of 管理者権限.
#[component]
pub fn UserListPage() -> impl IntoView {
    view! {
        <RequirePermission permission=Permission::ManageUsers>
            <ListScreen />
        </RequirePermission>
    }
}

/// The screen itself (only built for users with the right: no data is requested otherwise).
#[component]
fn ListScreen() -> impl IntoView {
    let api = use_api();
    let users = use_users();
    let navigate = use_navigate();
    let query = use_query_map();

    let sort = Memo::new(move |_| {
        query.with(|q| sort_from_query(q.get_str(SORT_PARAM), q.get_str(ORDER_PARAM)))
    });
    let list = LocalResource::new(move || {
        let (key, order) = sort.get();
        async move { api.users(key, order).await }
    });

    let selected = RwSignal::new(None::<String>);
    let action_error = RwSignal::new(None::<&'static str>);

    let on_sort = {
        let navigate = navigate.clone();
        Callback::new(move |wanted: (SortKey, SortOrder)| {
            action_error.set(None);
            if wanted == sort.get_untracked() {
                list.refetch();
            } else {
                navigate(&list_href(wanted.0, wanted.1), Default::default());
            }
        })
    };

    let on_new = {
        let navigate = navigate.clone();
        move |_| {
            let mode = WizardMode::Register;
            let path = step_path(&mode, Step::Basics);
            users.begin(mode);
            navigate(&path, Default::default());
        }
    };

    // 「照会」「変更」「削除」: open the selected user, or say what is missing.
    let act = Callback::new(move |(action, data): (ListAction, StoredValue<UserList>)| {
        let chosen = data.with_value(|l| choose(action, selected.get_untracked().as_deref(), l));
        match chosen {
            Err(message) => action_error.set(Some(message)),
            Ok(login_id) => {
                action_error.set(None);
                let path = match action {
                    ListAction::View => paths::user_view(&login_id),
                    ListAction::Delete => paths::user_delete(&login_id),
                    ListAction::Change => {
                        let mode = WizardMode::Change { login_id };
                        let path = step_path(&mode, Step::Basics);
                        users.begin(mode);
                        path
                    }
                };
                navigate(&path, Default::default());
            }
        }
    });

    let class = style! {
        .ul-scroll {
            overflow-x: auto;
        }
        .ul-table {
            width: 100%;
            border-collapse: collapse;
            background: var(--color-surface);
        }
        .ul-table caption {
            margin-bottom: 0.5rem;
            font-size: 1.25rem;
            font-weight: bold;
            text-align: left;
        }
        .ul-table th, .ul-table td {
            padding: 0.5rem 0.75rem;
            border: 1px solid var(--color-border);
            text-align: left;
            vertical-align: middle;
        }
        .ul-table thead th {
            background: var(--color-bg);
        }
        .ul-table tr.ul-picked td {
            background: var(--color-brand-tint);
        }
        .ul-table td.ul-pick {
            width: 4rem;
            padding: 0;
        }
        .ul-pick-label {
            display: flex;
            align-items: center;
            justify-content: center;
            min-height: 2.75rem;
            cursor: pointer;
        }
        .ul-pick-label input {
            width: 1.25rem;
            height: 1.25rem;
            margin: 0;
            cursor: pointer;
        }
        .ul-error {
            margin: 1rem 0 0;
            color: var(--color-error);
            font-weight: bold;
        }
    };

    let table = move |data: UserList| {
        let (sorted_by, order) = sort.get_untracked();
        let aria_sort = match order {
            SortOrder::Asc => "ascending",
            SortOrder::Desc => "descending",
        };
        let count = data.users.len();
        let rows = data
            .users
            .iter()
            .map(|u| {
                let id = u.login_id.clone();
                let picked = {
                    let id = id.clone();
                    Memo::new(move |_| selected.read().as_deref() == Some(id.as_str()))
                };
                let on_pick = {
                    let id = id.clone();
                    move |_| {
                        selected.set(Some(id.clone()));
                        action_error.set(None);
                    }
                };
                view! { class = class,
                    <tr class:ul-picked=move || picked.get()>
                        <td class="ul-pick">
                            <label class="ul-pick-label">
                                <input
                                    type="radio"
                                    id=radio_id(&id)
                                    name="user-pick"
                                    value=id.clone()
                                    prop:checked=move || picked.get()
                                    on:change=on_pick
                                />
                                <span class="visually-hidden">{select_label(u)}</span>
                            </label>
                        </td>
                        <td>{u.login_id.clone()}</td>
                        <td>{u.name.clone()}</td>
                        <td>{u.role.label()}</td>
                        <td>{u.service_state.label()}</td>
                        <td>{u.certificate.label()}</td>
                    </tr>
                }
            })
            .collect_view();
        let headers = SortKey::ALL
            .into_iter()
            .map(|k| {
                view! { class = class,
                    <th scope="col" aria-sort=(k == sorted_by).then_some(aria_sort)>
                        {k.label()}
                    </th>
                }
            })
            .collect_view();
        let data = StoredValue::new(data);
        let button = move |action: ListAction, label: &'static str| {
            view! { class = class,
                <button
                    type="button"
                    class="btn btn-secondary"
                    on:click=move |_| act.run((action, data))
                >
                    {label}
                </button>
            }
        };
        view! { class = class,
            <p>
                {format!(
                    "{count}件の利用者が登録されています（並び順：{}・{}）。",
                    sorted_by.label(),
                    order.label()
                )}
            </p>
            {if count == 0 {
                view! { class = class, <p>"登録されている利用者はありません。"</p> }.into_any()
            } else {
                view! { class = class,
                    <div class="ul-scroll" role="region" aria-labelledby="user-list-caption" tabindex="0">
                        <table class="ul-table">
                            <caption id="user-list-caption">"利用者一覧"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"選択"</th>
                                    {headers}
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
            <div role="alert">
                {move || action_error.get().map(|m| view! { class = class, <p class="ul-error">{m}</p> })}
            </div>
            <div class="btn-row">
                {button(ListAction::View, "照会")}
                {button(ListAction::Change, "変更")}
                {button(ListAction::Delete, "削除")}
            </div>
        }
    };

    view! { class = class,
        <TitleBar screen=help::USER_LIST />
        <p>
            "利用者を新たに登録する場合は「新規登録」ボタンを押してください。利用者情報を照会・変更・削除する場合は、対象の利用者を選択し、各ボタンを押してください。"
        </p>
        <div class="btn-row">
            <button type="button" class="btn" on:click=on_new>"新規登録"</button>
        </div>
        <SortControl keys=&SortKey::ALL current=sort on_apply=on_sort />
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(data) => table(data).into_any(),
                    Err(e) => view! {
                        <LoadError
                            what="利用者一覧"
                            error=e
                            retry=Callback::new(move |()| list.refetch())
                        />
                    }
                        .into_any(),
                }
            })}
        </Transition>
        <div class="btn-row">
            <a href=paths::USER_TASKS class="btn btn-secondary">"作業内容選択へ"</a>
        </div>
    }
}
