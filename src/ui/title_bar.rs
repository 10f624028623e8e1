//! The title bar of every screen: title, screen ID, 「ヘルプ」.

use crate::kernel::help::Screen;
use crate::kernel::paths;
use leptos::prelude::*;
use stylers::style;

/// The screen's title (the page's only `<h1>`), its ID for the helpdesk, and a help link
/// that opens that screen's help in a new tab. Also sets the document title.
#[component]
pub fn TitleBar(
    /// The screen being shown.
    screen: Screen,
) -> impl IntoView {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!(
            "{}（{}）｜みなと銀行 法人インターネットバンキング",
            screen.title, screen.id
        ));
    }
    let class = style! {
        .title-bar {
            display: flex;
            flex-wrap: wrap;
            align-items: baseline;
            gap: 0.5rem 1rem;
            margin-bottom: 1.5rem;
            padding-bottom: 0.5rem;
            border-bottom: 3px solid var(--color-brand);
        }
        .title-bar h1 {
            margin: 0;
            flex: 1 1 auto;
        }
        .screen-id {
            font-family: monospace;
            color: var(--color-text-muted);
        }
    };
    view! { class = class,
        <div class="title-bar">
            <h1 id="page-title" tabindex="-1">{screen.title}</h1>
            <span class="screen-id">
                <span class="visually-hidden">"画面ID "</span>
                {screen.id}
            </span>
            <a href=paths::help(screen.id) target="_blank" rel="noopener">
                "ヘルプ"
                <span class="visually-hidden">"（新しいタブで開きます）"</span>
            </a>
        </div>
    }
}
