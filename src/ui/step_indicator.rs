//! The step indicator of a flow (e.g. 利用者基本情報を入力 › … › 登録完了).

use leptos::prelude::*;
use stylers::style;

/// An ordered list of the flow's steps; the current one has `aria-current="step"`,
/// finished ones say so to screen readers.
#[component]
pub fn StepIndicator(
    /// The steps' names, in order.
    steps: &'static [&'static str],
    /// The index of the current step (0-based).
    current: usize,
) -> impl IntoView {
    let class = style! {
        .steps {
            display: flex;
            flex-wrap: wrap;
            gap: 0.25rem;
            margin: 0 0 1.5rem;
            padding: 0;
            list-style: none;
            counter-reset: step;
        }
        .step {
            flex: 1 1 8rem;
            padding: 0.5rem 0.75rem;
            border: 1px solid var(--color-border);
            background: var(--color-surface);
            color: var(--color-text-muted);
            font-size: 0.875rem;
        }
        .step[aria-current="step"] {
            border-color: var(--color-brand);
            background: var(--color-brand);
            color: var(--color-surface);
            font-weight: bold;
        }
        .step.done {
            color: var(--color-text);
        }
    };
    view! { class = class,
        <ol class="steps" aria-label="手順">
            {steps
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    let state = if i < current {
                        "（完了）"
                    } else if i == current {
                        "（現在の手順）"
                    } else {
                        ""
                    };
                    view! { class = class,
                        <li
                            class="step"
                            class:done=i < current
                            aria-current=(i == current).then_some("step")
                        >
                            {format!("{}. {}", i + 1, name)}
                            <span class="visually-hidden">{state}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
