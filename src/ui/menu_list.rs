//! The button lists of the menu screens.

use crate::kernel::menu::{visible_groups, MenuEntry, MenuGroup};
use crate::ui::session::use_auth;
use leptos::prelude::*;
use stylers::style;

/// Menu entries as large links with the manual's one-line descriptions.
#[component]
pub fn MenuList(
    /// The entries to show (already filtered by rights).
    entries: Vec<MenuEntry>,
) -> impl IntoView {
    let class = style! {
        .menu-list {
            margin: 0 0 1.5rem;
            padding: 0;
            list-style: none;
        }
        .menu-item {
            display: grid;
            grid-template-columns: minmax(12rem, 18rem) 1fr;
            gap: 0.5rem 1.5rem;
            align-items: center;
            padding: 0.75rem 0;
            border-bottom: 1px solid var(--color-border);
        }
        .menu-desc {
            margin: 0;
        }
        .menu-button {
            justify-content: space-between;
        }
    };
    view! { class = class,
        <ul class="menu-list">
            {entries
                .into_iter()
                .filter_map(|e| e.href.map(|href| (e, href)))
                .map(|(e, href)| {
                    view! { class = class,
                        <li class="menu-item">
                            <a href=href class="btn menu-button">
                                {e.label}
                                " ›"
                            </a>
                            <p class="menu-desc">{e.description}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// A 作業内容選択 screen's body: 「作業内容を選択してください。」 and each headed group
/// of `groups` with the entries the logged-in user may use (empty groups are left out).
#[component]
pub fn MenuGroups(
    /// The screen's groups, as in the manual.
    groups: &'static [MenuGroup],
) -> impl IntoView {
    let auth = use_auth();
    let visible = move || {
        auth.with_session(|s| visible_groups(groups, |p| s.has(p)))
            .unwrap_or_default()
    };
    view! {
        <p>"作業内容を選択してください。"</p>
        {move || {
            visible()
                .into_iter()
                .map(|(heading, entries)| {
                    view! {
                        <section>
                            <h2>{heading}</h2>
                            <MenuList entries=entries />
                        </section>
                    }
                })
                .collect_view()
        }}
    }
}
