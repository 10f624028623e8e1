//! Message boxes and the loading indicator.

use leptos::prelude::*;
use stylers::style;

/// The kind of a [`Notice`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Warning,
    Error,
}

/// A message box. Errors and successes are announced (`role="alert"` / `role="status"`).
#[component]
pub fn Notice(
    /// Info, success, warning or error.
    tone: Tone,
    /// Optional bold heading.
    #[prop(optional, into)]
    heading: Option<String>,
    /// The message.
    children: Children,
) -> impl IntoView {
    let class = style! {
        .notice {
            margin: 0 0 1.5rem;
            padding: 1rem 1.25rem;
            border-left: 6px solid var(--color-brand);
            background: var(--color-brand-tint);
        }
        .notice.error {
            border-color: var(--color-error);
            background: var(--color-error-tint);
        }
        .notice.success {
            border-color: var(--color-success);
            background: var(--color-success-tint);
        }
        .notice.warning {
            border-color: var(--color-border-strong);
            background: var(--color-warning-tint);
        }
        .notice-heading {
            display: block;
            margin-bottom: 0.25rem;
            font-weight: bold;
        }
    };
    let role = match tone {
        Tone::Error => Some("alert"),
        Tone::Success => Some("status"),
        _ => None,
    };
    view! { class = class,
        <div
            class="notice"
            class:error=tone == Tone::Error
            class:success=tone == Tone::Success
            class:warning=tone == Tone::Warning
            role=role
        >
            {heading.map(|h| view! { class = class, <strong class="notice-heading">{h}</strong> })}
            {children()}
        </div>
    }
}

/// Shown while data loads: never a blank page.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p role="status">"読み込み中です…"</p> }
}
