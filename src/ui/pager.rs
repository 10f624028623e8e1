//! The page navigation of a long list: 「前へ」 1 … 4 5 [6] 7 8 … 21 「次へ」, as links to
//! the list's own URLs (the back button and a reload show the same page).

use crate::kernel::pager::PageItem;
use leptos::prelude::*;
use stylers::style;

/// Links to the other pages of a list (nothing when it fits on one page). The current
/// page is marked `aria-current="page"`; each number's accessible name is 「nページ」.
#[component]
pub fn Pager(
    /// The entries, from [`crate::kernel::pager::page_items`].
    items: Vec<PageItem>,
    /// Runs when a link is followed by a plain click (no modifier key: the router opens
    /// it in this tab), before the new page is shown; e.g. to move focus there afterwards.
    #[prop(optional, into)]
    on_follow: Option<Callback<()>>,
) -> impl IntoView {
    let class = style! {
        .pager ul {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            gap: 0.5rem;
            margin: 1.5rem 0 0;
            padding: 0;
            list-style: none;
        }
        .pager a {
            display: inline-flex;
            align-items: center;
            justify-content: center;
            min-width: 2.75rem;
            min-height: 2.75rem;
            padding: 0 0.75rem;
            border: 2px solid transparent;
        }
        .pager a[aria-current="page"] {
            border-color: var(--color-brand);
            background: var(--color-brand);
            color: var(--color-surface);
            font-weight: bold;
            text-decoration: none;
        }
        .pager-gap {
            padding: 0 0.25rem;
        }
    };
    if items.is_empty() {
        return None;
    }
    let follow = move |ev: leptos::ev::MouseEvent| {
        if !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
            if let Some(f) = on_follow {
                f.run(());
            }
        }
    };
    let items = items
        .into_iter()
        .map(|item| match item {
            PageItem::Previous(to) => view! { class = class,
                <li><a href=to rel="prev" on:click=follow>"前へ"</a></li>
            }
            .into_any(),
            PageItem::Next(to) => view! { class = class,
                <li><a href=to rel="next" on:click=follow>"次へ"</a></li>
            }
            .into_any(),
            PageItem::Page {
                number,
                href,
                current,
            } => view! { class = class,
                <li>
                    // 「2ページ」: the number alone says little to a screen reader.
                    <a
                        href=href
                        aria-label=format!("{number}ページ")
                        aria-current=current.then_some("page")
                        on:click=follow
                    >
                        {number}
                    </a>
                </li>
            }
            .into_any(),
            PageItem::Gap => view! { class = class, <li class="pager-gap">"…"</li> }.into_any(),
        })
        .collect_view();
    Some(view! { class = class,
        <nav class="pager" aria-label="ページ">
            <ul>{items}</ul>
        </nav>
    })
}
