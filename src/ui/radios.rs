//! One choice among a few, the way every form asks it: a fieldset whose legend is the
//! question, its hint and error named by `aria-describedby`, one radio per option with
//! its own label, and an optional note (why the choice is fixed, what it entails).

use crate::kernel::described_by::described_by;
use crate::ui::form::RequiredBadge;
use leptos::prelude::*;
use stylers::style;

/// A question answered by one of `options`.
///
/// The first radio carries `id`, so the error summary's link lands on the group; the
/// others are `{id}-2`, `{id}-3`, …; the hint, error and note are `{id}-hint`,
/// `{id}-error` and `{id}-note`.
#[component]
pub fn Radios<T>(
    /// DOM id of the first radio (the error summary links here).
    #[prop(into)]
    id: String,
    /// The radios' `name`.
    #[prop(into)]
    name: String,
    /// The question.
    #[prop(into)]
    legend: String,
    /// The options in order: the value and its label.
    options: Vec<(T, String)>,
    /// The value chosen now.
    #[prop(into)]
    value: Signal<T>,
    /// Called with the value of the radio the user chose.
    on_choose: Callback<T>,
    /// A hint under the question.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The error to show under the question, if any.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// A note under the options.
    #[prop(optional_no_strip)]
    note: Option<String>,
    /// The choice cannot be changed (the note says why).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// The question is a section of its own: a panel whose legend is a heading.
    #[prop(optional)]
    panel: bool,
    /// Marks the question 「必須」.
    #[prop(optional)]
    required: bool,
    /// The options side by side (short labels) rather than one under another.
    #[prop(optional)]
    inline: bool,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let class = style! {
        .radios {
            min-width: 0;
            margin: 0 0 1.25rem;
        }
        .radios.plain {
            padding: 0;
            border: 0;
        }
        .radios.invalid {
            padding-left: 0.75rem;
            border-left: 4px solid var(--color-error);
        }
        .radios-legend {
            margin-bottom: 0.5rem;
            font-weight: bold;
        }
        .radios-hint {
            display: block;
            color: var(--color-text-muted);
            font-size: 0.875rem;
        }
        .radios-error {
            display: block;
            margin: 0 0 0.25rem;
            color: var(--color-error);
            font-weight: bold;
        }
        .radios-options {
            display: flex;
            flex-direction: column;
            gap: 0.25rem;
        }
        .radios-options.inline {
            flex-direction: row;
            flex-wrap: wrap;
            gap: 0.25rem 1.5rem;
        }
        .radio {
            display: inline-flex;
            align-items: center;
            gap: 0.5rem;
            min-height: 2.75rem;
        }
        .radio input {
            width: 1.5rem;
            height: 1.5rem;
            margin: 0;
        }
        .radios-note {
            margin: 0.25rem 0 0;
            color: var(--color-text-muted);
        }
    };
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let note_id = format!("{id}-note");
    let described_by = {
        let (has_hint, has_note) = (hint.is_some(), note.is_some());
        let (hint_id, error_id, note_id) = (hint_id.clone(), error_id.clone(), note_id.clone());
        move || {
            described_by([
                (has_hint, hint_id.as_str()),
                (error.read().is_some(), error_id.as_str()),
                (has_note, note_id.as_str()),
            ])
        }
    };
    let badge = required.then(|| view! { <RequiredBadge /> });
    let legend = if panel {
        view! { class = class, <legend><h2>{legend}{badge}</h2></legend> }.into_any()
    } else {
        view! { class = class, <legend class="radios-legend">{legend}{badge}</legend> }.into_any()
    };
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(n, (option, label))| {
            let radio_id = if n == 0 {
                id.clone()
            } else {
                format!("{id}-{}", n + 1)
            };
            view! { class = class,
                <span class="radio">
                    <input
                        type="radio"
                        id=radio_id.clone()
                        name=name.clone()
                        prop:checked=move || value.get() == option
                        disabled=move || disabled.get()
                        on:change=move |_| on_choose.run(option)
                    />
                    <label for=radio_id>{label}</label>
                </span>
            }
        })
        .collect_view();
    view! { class = class,
        <fieldset
            class="radios"
            class:panel=panel
            class:plain=!panel
            class:invalid=move || error.read().is_some()
            aria-describedby=described_by
        >
            {legend}
            {hint.map(|h| view! { class = class, <span class="radios-hint" id=hint_id>{h}</span> })}
            {move || error.get().map(|e| view! { class = class,
                <span class="radios-error" id=error_id.clone()>
                    <span class="visually-hidden">"エラー："</span>
                    {e}
                </span>
            })}
            <div class="radios-options" class:inline=inline>{radios}</div>
            {note.map(|n| view! { class = class, <p class="radios-note" id=note_id>{n}</p> })}
        </fieldset>
    }
}
