//! The button list of the menu screens.

use crate::logic::menu::MenuEntry;
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
