//! Form parts in the GOV.UK pattern: one label per field, hint and error joined in
//! `aria-describedby`, and an error summary that takes focus and links to the fields.

use crate::kernel::described_by::described_by;
use crate::kernel::soft_keyboard::CharRule;
use crate::ui::soft_keyboard::SoftKeyboard;
use leptos::html;
use leptos::prelude::*;
use stylers::style;
use wasm_bindgen::JsCast;

/// One line of the [`ErrorSummary`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SummaryItem {
    /// DOM id of the field to jump to (none for a message about the whole form).
    pub target: Option<String>,
    pub message: String,
}

/// The [`ErrorSummary`] items of field errors: each links to its field's
/// `dom_id(field)` (the confirmations, the wizard steps).
pub fn field_summary(
    errors: impl Into<Signal<Vec<kanri_contract::api::FieldError>>>,
) -> Signal<Vec<SummaryItem>> {
    let errors = errors.into();
    Signal::derive(move || {
        errors
            .read()
            .iter()
            .map(|e| SummaryItem {
                target: Some(crate::kernel::password_form::dom_id(&e.field)),
                message: e.message.clone(),
            })
            .collect()
    })
}

/// Focus and scroll to the element with `id`.
pub fn focus_id(id: &str) {
    if let Some(el) = crate::ui::dom::by_id::<web_sys::HtmlElement>(id) {
        let _ = el.focus();
        el.scroll_into_view();
    }
}

/// 「入力内容に誤りがあります」 with a link to each field in error. It receives focus
/// whenever it (re)appears, so keyboard and screen-reader users land on it.
#[component]
pub fn ErrorSummary(
    /// The errors; the summary is hidden while empty.
    #[prop(into)]
    items: Signal<Vec<SummaryItem>>,
) -> impl IntoView {
    let node = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if !items.read().is_empty() {
            if let Some(el) = node.get() {
                let _ = el.focus();
            }
        }
    });
    let class = style! {
        .error-summary {
            margin: 0 0 1.5rem;
            padding: 1rem 1.25rem;
            border: 4px solid var(--color-error);
            background: var(--color-surface);
        }
        .error-summary h2 {
            margin-bottom: 0.5rem;
            font-size: 1.125rem;
        }
        .error-summary ul {
            margin: 0;
            padding-left: 1.25rem;
        }
        .error-summary li {
            padding: 0.125rem 0;
        }
        .error-summary a {
            color: var(--color-error);
            font-weight: bold;
        }
    };
    view! { class = class,
        <Show when=move || !items.read().is_empty()>
            <div
                class="error-summary"
                role="alert"
                tabindex="-1"
                aria-labelledby="error-summary-title"
                node_ref=node
            >
                <h2 id="error-summary-title">"入力内容に誤りがあります"</h2>
                <ul>
                    <For each=move || items.get() key=|i| i.clone() let:item>
                        {match item.target.clone() {
                            Some(target) => {
                                let href = format!("#{target}");
                                view! { class = class,
                                    <li>
                                        <a
                                            href=href
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                focus_id(&target);
                                            }
                                        >
                                            {item.message.clone()}
                                        </a>
                                    </li>
                                }
                                    .into_any()
                            }
                            None => view! { class = class, <li>{item.message.clone()}</li> }.into_any(),
                        }}
                    </For>
                </ul>
            </div>
        </Show>
    }
}

/// A labelled text or password input with hint and error message.
///
/// The value is bound as a DOM property, never an attribute (passwords never appear in
/// the markup). A password field always has the 「ソフトウェアキーボード」 button beside it.
/// `on_blur` runs when focus leaves the whole field (input, button and keyboard).
#[component]
pub fn TextField(
    /// DOM id; the error summary links here.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// A hint under the label (the rule of the field).
    #[prop(optional, into)]
    hint: Option<String>,
    /// The value, two-way bound.
    value: RwSignal<String>,
    /// The error to show under the label, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// `text` or `password`.
    #[prop(default = "text")]
    input_type: &'static str,
    /// The `autocomplete` token (`username`, `current-password`, `new-password`, …).
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// Marks the field 「必須」 and `aria-required`.
    #[prop(default = false)]
    required: bool,
    /// Width in characters (the expected length).
    #[prop(default = 20)]
    size: u32,
    /// The virtual keyboard to offer on touch devices (`numeric` for amounts).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Called when focus leaves the field: live validation.
    #[prop(optional)]
    on_blur: Option<Callback<()>>,
    /// The characters the field's rule allows: the software keyboard's keys (password
    /// fields; 半角英数字 unless told otherwise, e.g. `CharRule::Digits` for a PIN).
    #[prop(default = CharRule::Alphanumeric)]
    chars: CharRule,
) -> impl IntoView {
    let is_password = input_type == "password";
    let keyboard_open = RwSignal::new(false);
    let wrapper = NodeRef::<html::Div>::new();
    let field_id = StoredValue::new(id.clone());
    let keyboard_label = label.clone();
    let close_keyboard = Callback::new(move |return_focus: bool| {
        if return_focus {
            field_id.with_value(|id| focus_id(id));
        }
        keyboard_open.set(false);
    });
    // Leaving the field closes its keyboard and validates it. When a pointer press moved
    // the focus (e.g. on 「ログイン」), wait for the release: closing or showing an error
    // at once would shift the layout under the pointer and swallow the click.
    let pointer_down = StoredValue::new(false);
    let leave_pending = StoredValue::new(false);
    // Runs a frame later, and only if the field is still on the page: focus also
    // "leaves" a field that is being removed (navigation), and its state is going then.
    let leave = move || {
        request_animation_frame(move || {
            let mounted = wrapper
                .try_get_untracked()
                .flatten()
                .is_some_and(|w| w.is_connected());
            if !mounted {
                return;
            }
            if keyboard_open.try_get_untracked() == Some(true) {
                keyboard_open.try_set(false);
            }
            if let Some(cb) = on_blur {
                cb.try_run(());
            }
        });
    };
    let release = move || {
        pointer_down.try_set_value(false);
        if leave_pending.try_get_value() == Some(true) {
            leave_pending.try_set_value(false);
            leave();
        }
    };
    let down = window_event_listener(leptos::ev::pointerdown, move |_| {
        pointer_down.try_set_value(true);
    });
    let up = window_event_listener(leptos::ev::pointerup, move |_| release());
    let cancel = window_event_listener(leptos::ev::pointercancel, move |_| release());
    on_cleanup(move || {
        down.remove();
        up.remove();
        cancel.remove();
    });
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        let Some(Some(field)) = wrapper.try_get_untracked() else {
            return;
        };
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|n| field.contains(Some(&n)));
        if inside {
            leave_pending.try_set_value(false);
        } else if pointer_down.try_get_value() == Some(true) {
            leave_pending.try_set_value(true);
        } else {
            leave();
        }
    };
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            described_by([
                (has_hint, hint_id.as_str()),
                (error.read().is_some(), error_id.as_str()),
            ])
        }
    };
    let class = style! {
        .field {
            margin-bottom: 1.25rem;
        }
        .field.invalid {
            padding-left: 0.75rem;
            border-left: 4px solid var(--color-error);
        }
        .field-label {
            display: block;
            font-weight: bold;
        }
        .field-hint {
            display: block;
            color: var(--color-text-muted);
            font-size: 0.875rem;
        }
        .field-error {
            display: block;
            color: var(--color-error);
            font-weight: bold;
        }
        .field-input {
            max-width: 100%;
            min-height: 2.5rem;
            margin-top: 0.25rem;
            padding: 0.25rem 0.5rem;
            border: 2px solid var(--color-border-strong);
            border-radius: 0;
        }
        .field.invalid .field-input {
            border-color: var(--color-error);
        }
        .field-row {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            gap: 0.5rem;
        }
        .kb-toggle {
            margin-top: 0.25rem;
            font-size: 0.875rem;
        }
    };
    view! { class = class,
        <div class="field" class:invalid=move || error.read().is_some() node_ref=wrapper on:focusout=on_focusout>
            <label class="field-label" for=id.clone()>
                {label}
                {required.then(|| view! { <RequiredBadge /> })}
            </label>
            {hint.map(|h| view! { class = class, <span class="field-hint" id=hint_id.clone()>{h}</span> })}
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! { class = class,
                            <span class="field-error" id=error_id.clone()>
                                <span class="visually-hidden">"エラー："</span>
                                {e}
                            </span>
                        }
                    })
            }}
                <div class="field-row">
                <input
                    class="field-input"
                    id=id
                    name=String::new()
                    type=input_type
                    autocomplete=autocomplete
                    size=size
                    inputmode=inputmode
                    aria-required=required.then_some("true")
                    aria-invalid=move || error.read().is_some().then_some("true")
                    aria-describedby=described_by
                    spellcheck="false"
                    autocapitalize="off"
                    bind:value=value
                />
                {is_password
                    .then(|| {
                        let controls = format!("{}-kb", field_id.get_value());
                        // Starts with the visible text (WCAG 2.5.3), names the field.
                        let toggle_label = format!("ソフトウェアキーボード（{keyboard_label}）");
                        view! { class = class,
                            <button
                                type="button"
                                class="btn-outline kb-toggle"
                                aria-label=toggle_label
                                aria-expanded=move || keyboard_open.get().to_string()
                                aria-controls=move || keyboard_open.get().then(|| controls.clone())
                                on:click=move |_| keyboard_open.update(|o| *o = !*o)
                            >
                                "ソフトウェアキーボード"
                            </button>
                        }
                    })}
            </div>
            <Show when=move || keyboard_open.get()>
                <SoftKeyboard
                    input_id=field_id.get_value()
                    field_label=keyboard_label.clone()
                    value=value
                    rule=chars
                    on_close=close_keyboard
                />
            </Show>
        </div>
    }
}

/// A labelled checkbox.
#[component]
pub fn CheckboxField(
    /// DOM id.
    #[prop(into)]
    id: String,
    /// The label beside the box.
    #[prop(into)]
    label: String,
    /// Checked state, two-way bound.
    checked: RwSignal<bool>,
    /// A disabled box keeps its state (e.g. a change that is mandatory).
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let class = style! {
        .checkbox {
            display: flex;
            align-items: center;
            gap: 0.5rem;
            margin-bottom: 1rem;
        }
        .checkbox input {
            width: 1.5rem;
            height: 1.5rem;
            margin: 0;
        }
    };
    view! { class = class,
        <div class="checkbox">
            <input type="checkbox" id=id.clone() bind:checked=checked disabled=disabled />
            <label for=id>{label}</label>
        </div>
    }
}

/// A section of a form: a panel whose legend is the section's heading, so that a screen
/// reader names the section with each of its fields.
#[component]
pub fn FormSection(
    /// The section's heading.
    #[prop(into)]
    title: String,
    /// The section's fields and notes.
    children: Children,
) -> impl IntoView {
    view! {
        <fieldset class="panel">
            <legend>
                <h2>{title}</h2>
            </legend>
            {children()}
        </fieldset>
    }
}

/// 「必須」 beside the label or legend of a field that must be answered.
#[component]
pub fn RequiredBadge() -> impl IntoView {
    let class = style! {
        .required {
            margin-left: 0.5rem;
            padding: 0 0.375rem;
            border-radius: 2px;
            background: var(--color-required);
            color: var(--color-surface);
            font-size: 0.75rem;
            font-weight: normal;
            vertical-align: middle;
        }
    };
    view! { class = class, <span class="required">"必須"</span> }
}
