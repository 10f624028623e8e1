//! 証明書失効 利用者一覧 [BRSK018]: the company's users with their certificates, a radio
//! per row (only for users with a certificate to revoke), the sort control kept in the URL
//! query, and 「失効」.

use crate::api::use_api;
use crate::features::users::certificates::logic::{
    choose, count_line, expiry_label, list_href, selectable, sort_from_query, NOT_SELECTABLE_NOTE,
    SORT_KEYS, STEPS,
};
use crate::features::users::logic::list::{radio_id, select_label, ORDER_PARAM, SORT_PARAM};
use crate::features::users::sort_control::SortControl;
use crate::kernel::help;
use crate::kernel::paths;
use crate::ui::failure::LoadError;
use crate::ui::notice::{Loading, Notice, Tone};
use crate::ui::step_indicator::StepIndicator;
use crate::ui::title_bar::TitleBar;
use kanri_contract::users::{SortKey, SortOrder, UserList};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use stylers::style;

/// 証明書失効 利用者一覧, for holders of 管理者権限.
#[component]
pub fn CertRevokeListPage() -> impl IntoView {
    view! {
        <CertListScreen />
    }
}

/// The columns after 選択, with the sort key each one is sorted by.
const COLUMNS: [(&str, Option<SortKey>); 5] = [
    ("ログインID", Some(SortKey::LoginId)),
    ("利用者名", Some(SortKey::Name)),
    ("利用者区分", Some(SortKey::Role)),
    ("証明書状態", Some(SortKey::Certificate)),
    ("証明書有効期限", None),
];

/// The screen itself (only built for users with the right: no data is requested otherwise).
#[component]
fn CertListScreen() -> impl IntoView {
    let api = use_api();
    let navigate = use_navigate();
    let query = use_query_map();

    let sort = Memo::new(move |_| {
        query.with(|q| sort_from_query(q.get_str(SORT_PARAM), q.get_str(ORDER_PARAM)))
    });
    let list = LocalResource::new(move || {
        let (key, order) = sort.get();
        async move { api.users(key, order, None).await }
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

    // 「失効」: open the confirmation of the selected user, or say what is missing.
    let revoke = Callback::new(move |data: StoredValue<UserList>| {
        match data.with_value(|l| choose(selected.get_untracked().as_deref(), l)) {
            Err(message) => action_error.set(Some(message)),
            Ok(login_id) => {
                action_error.set(None);
                navigate(&paths::cert_revoke(&login_id), Default::default());
            }
        }
    });

    let class = style! {
        .cr-scroll {
            overflow-x: auto;
            margin-bottom: 0.5rem;
        }
        .cr-table {
            width: 100%;
            border-collapse: collapse;
            background: var(--color-surface);
        }
        .cr-table caption {
            margin-bottom: 0.5rem;
            font-size: 1.25rem;
            font-weight: bold;
            text-align: left;
        }
        .cr-table th, .cr-table td {
            padding: 0.5rem 0.75rem;
            border: 1px solid var(--color-border);
            text-align: left;
            vertical-align: middle;
        }
        .cr-table thead th {
            background: var(--color-bg);
        }
        .cr-table tr.cr-picked td {
            background: var(--color-brand-tint);
        }
        .cr-table tr.cr-unavailable td {
            color: var(--color-text-muted);
        }
        .cr-table td.cr-pick {
            width: 4rem;
            padding: 0;
        }
        .cr-pick-label {
            display: flex;
            align-items: center;
            justify-content: center;
            min-height: 2.75rem;
            cursor: pointer;
        }
        .cr-pick-label input {
            width: 1.25rem;
            height: 1.25rem;
            margin: 0;
            cursor: pointer;
        }
        .cr-pick-label input:disabled {
            cursor: not-allowed;
        }
        .cr-error {
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
        let line = count_line(&data, sorted_by, order);
        let any_revocable = data.users.iter().any(selectable);
        let rows = data
            .users
            .iter()
            .map(|u| {
                let id = u.login_id.clone();
                let enabled = selectable(u);
                let picked = {
                    let id = id.clone();
                    Memo::new(move |_| enabled && selected.read().as_deref() == Some(id.as_str()))
                };
                let on_pick = {
                    let id = id.clone();
                    move |_| {
                        selected.set(Some(id.clone()));
                        action_error.set(None);
                    }
                };
                let name = if enabled {
                    select_label(u)
                } else {
                    format!("{}{NOT_SELECTABLE_NOTE}", select_label(u))
                };
                view! { class = class,
                    <tr class:cr-picked=move || picked.get() class:cr-unavailable=!enabled>
                        <td class="cr-pick">
                            <label class="cr-pick-label">
                                <input
                                    type="radio"
                                    id=radio_id(&id)
                                    name="cert-revoke-pick"
                                    value=id.clone()
                                    disabled=!enabled
                                    prop:checked=move || picked.get()
                                    on:change=on_pick
                                />
                                <span class="visually-hidden">{name}</span>
                            </label>
                        </td>
                        <td>{u.login_id.clone()}</td>
                        <td>{u.name.clone()}</td>
                        <td>{u.role.label()}</td>
                        <td>{u.certificate.label()}</td>
                        <td>{expiry_label(u.certificate_expires_at)}</td>
                    </tr>
                }
            })
            .collect_view();
        let headers = COLUMNS
            .into_iter()
            .map(|(label, key)| {
                let sorted = key == Some(sorted_by);
                view! { class = class,
                    <th scope="col" aria-sort=sorted.then_some(aria_sort)>{label}</th>
                }
            })
            .collect_view();
        let empty = data.users.is_empty();
        let data = StoredValue::new(data);
        view! { class = class,
            <p>{line}</p>
            {(!empty && !any_revocable).then(|| view! {
                <Notice tone=Tone::Info>
                    <p>"失効できる電子証明書がある利用者はいません。"</p>
                </Notice>
            })}
            {if empty {
                view! { class = class, <p>"登録されている利用者はありません。"</p> }.into_any()
            } else {
                view! { class = class,
                    <div class="cr-scroll" role="region" aria-labelledby="cert-revoke-caption" tabindex="0">
                        <table class="cr-table">
                            <caption id="cert-revoke-caption">"証明書失効 利用者一覧"</caption>
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
                {move || action_error.get().map(|m| view! { class = class, <p class="cr-error">{m}</p> })}
            </div>
            <div class="btn-row">
                <button type="button" class="btn" on:click=move |_| revoke.run(data)>
                    "失効"
                </button>
            </div>
        }
    };

    view! { class = class,
        <TitleBar screen=help::CERT_REVOKE_LIST />
        <StepIndicator steps=STEPS current=0 />
        <p>
            "電子証明書を失効する利用者を選択し、「失効」ボタンを押してください。失効できる電子証明書がない利用者は選択できません。"
        </p>
        <SortControl keys=SORT_KEYS current=sort on_apply=on_sort id_prefix="cert-sort" />
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
