//! The 文字サイズ 小 / 中 / 大 toggle.

use crate::kernel::text_size::TextSize;
use crate::ui::session::use_text_size;
use leptos::prelude::*;
use stylers::style;

/// Three toggle buttons; the chosen one has `aria-pressed="true"`. The choice persists in
/// this browser across reloads and logins.
#[component]
pub fn TextSizeToggle() -> impl IntoView {
    let pref = use_text_size();
    let class = style! {
        .text-size {
            display: inline-flex;
            align-items: center;
            gap: 0.25rem;
            margin: 0;
            padding: 0;
            border: 0;
        }
        .text-size-label {
            margin-right: 0.25rem;
            font-size: 0.875rem;
        }
        .text-size-button {
            min-width: 2.25rem;
            min-height: 2.25rem;
            border: 1px solid var(--color-surface);
            border-radius: 4px;
            background: transparent;
            color: var(--color-surface);
            cursor: pointer;
        }
        .text-size-button[aria-pressed="true"] {
            background: var(--color-surface);
            color: var(--color-brand);
            font-weight: bold;
        }
    };
    view! { class = class,
        <div class="text-size" role="group" aria-labelledby="text-size-label">
            <span class="text-size-label" id="text-size-label">"文字サイズ"</span>
            {TextSize::ALL
                .into_iter()
                .map(|size| {
                    view! { class = class,
                        <button
                            type="button"
                            class="text-size-button"
                            aria-pressed=move || (pref.0.get() == size).to_string()
                            on:click=move |_| pref.set(size)
                        >
                            {size.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
