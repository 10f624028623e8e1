//! 利用者一覧 [BRSK005]: the company's users, 50 a page, with a radio per row, the sort
//! control and the page links (both kept in the URL query, so a reload and the back button
//! keep them) and 「新規登録」「照会」「変更」「削除」.

use crate::api::use_api;
use crate::features::users::logic::list::{
    choose, count_lines, list_href, page_from_query, page_href, radio_id, select_label,
    sort_from_query, ListAction, ORDER_PARAM, PAGE_PARAM, SORT_PARAM,
};
use crate::features::users::sort_control::SortControl;
use crate::features::users::wizard::logic::{Step, WizardMode};
use crate::features::users::{step_path, use_users};
use crate::kernel::help;
use crate::kernel::pager::page_items;
use crate::kernel::paths;
use crate::ui::failure::LoadError;
use crate::ui::form::focus_id;
use crate::ui::notice::Loading;
use crate::ui::pager::Pager;
use crate::ui::title_bar::TitleBar;
use kanri_contract::users::{SortKey, SortOrder, UserList};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use stylers::style;

/// The id of the table's scrolling region: focus goes there after a page link.
const TABLE_REGION: &str = "user-list-table";

/// 利用者一覧, for holders of 管理者権限.
#[component]
pub fn UserListPage() -> impl IntoView {
    view! {
        <ListScreen />
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
    let page = Memo::new(move |_| query.with(|q| page_from_query(q.get_str(PAGE_PARAM))));
    let list = LocalResource::new(move || {
        let (key, order) = sort.get();
        let page = page.get();
        async move { api.users(key, order, Some(page)).await }
    });

    let selected = RwSignal::new(None::<String>);
    let action_error = RwSignal::new(None::<&'static str>);
    // Another page or order: what was selected is no longer among the rows shown.
    Effect::new(move |_| {
        sort.track();
        page.track();
        selected.set(None);
        action_error.set(None);
    });
    // After a page link: focus moves to the table of the page shown.
    let focus_next = StoredValue::new(false);
    let on_follow = Callback::new(move |()| focus_next.set_value(true));

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
        .ul-caption {
            margin-bottom: 0.5rem;
            font-size: 1.25rem;
            font-weight: bold;
            text-align: left;
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
        let (count_line, range) = count_lines(&data, sorted_by, order);
        let pages = page_items(data.page, data.pages, |n| page_href(sorted_by, order, n));
        let empty = data.users.is_empty();
        let rows = data
            .users
            .iter()
            .map(|u| {
                // Static rows: the radios' own state shows the choice (one change
                // handler on the body keeps `selected`), so a new page or order builds
                // no per-row effects.
                let checked = selected.with_untracked(|s| s.as_deref() == Some(&*u.login_id));
                // Global classes only (style/base.css `.list-table`): see there.
                view! {
                    <tr>
                        <td class="pick">
                            <label class="pick-label">
                                <input
                                    type="radio"
                                    id=radio_id(&u.login_id)
                                    name="user-pick"
                                    value=u.login_id.clone()
                                    prop:checked=checked
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
            <p>{count_line}</p>
            {range.map(|r| view! { class = class, <p>{r}</p> })}
            {if empty {
                view! { class = class, <p>"登録されている利用者はありません。"</p> }.into_any()
            } else {
                view! { class = class,
                    <div
                        class="ul-scroll"
                        id=TABLE_REGION
                        role="region"
                        aria-labelledby="user-list-caption"
                        tabindex="0"
                    >
                        <table class="list-table">
                            <caption id="user-list-caption" class="ul-caption">"利用者一覧"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"選択"</th>
                                    {headers}
                                </tr>
                            </thead>
                            <tbody on:change=move |ev| {
                                selected.set(Some(event_target_value(&ev)));
                                action_error.set(None);
                            }>{rows}</tbody>
                        </table>
                    </div>
                    <Pager items=pages on_follow=on_follow />
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
                let answer = list.await;
                if focus_next.get_value() {
                    focus_next.set_value(false);
                    request_animation_frame(|| focus_id(TABLE_REGION));
                }
                match answer {
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
