//! ソフトウェアキーボード: an on-screen keyboard for password and PIN fields.
//!
//! Opened from the 「ソフトウェアキーボード」 button beside a password field (see
//! [`crate::ui::form::TextField`]). It types into the field at its caret. Keys are
//! shuffled with the browser's cryptographic random source at every opening unless the
//! user chose 「キー配列を固定」. Nothing echoes or highlights a pressed key, and the value
//! lives only in the field's DOM property and its signal: never in an attribute, the
//! console, the URL or storage. Closing unmounts the keyboard and drops its state.

use crate::kernel::soft_keyboard::{
    clear, delete_back, has_letters, insert, layout, CharRule, Edit, Key, LetterCase,
};
use crate::ui::dom;
use leptos::html;
use leptos::prelude::*;
use stylers::style;
use wasm_bindgen::JsCast;

/// Keys per row: arrow-key navigation moves by this much up and down.
const COLUMNS: usize = 10;
/// The stored preference of 「キー配列を固定」 (a preference, not user data).
const FIXED_KEY: &str = "kanri.soft-keyboard.fixed";

/// Uniform `u32`s from `crypto.getRandomValues`, fetched in batches.
fn crypto_random() -> impl FnMut() -> u32 {
    let mut buf = [0u8; 256];
    let mut pos = buf.len();
    move || {
        if pos + 4 > buf.len() {
            if let Some(c) = web_sys::window().and_then(|w| w.crypto().ok()) {
                let _ = c.get_random_values_with_u8_array(&mut buf);
            }
            pos = 0;
        }
        let v = u32::from_le_bytes([buf[pos], buf[pos + 1], buf[pos + 2], buf[pos + 3]]);
        pos += 4;
        v
    }
}

/// Apply an edit to the field: the DOM property and caret first, then the signal.
fn apply(input_id: &str, value: RwSignal<String>, edit: impl FnOnce(&str, u32, u32) -> Edit) {
    let Some(input) = dom::by_id::<web_sys::HtmlInputElement>(input_id) else {
        return;
    };
    let current = input.value();
    let len = current.encode_utf16().count() as u32;
    let start = input.selection_start().ok().flatten().unwrap_or(len);
    let end = input.selection_end().ok().flatten().unwrap_or(start);
    let Edit { value: new, caret } = edit(&current, start, end);
    input.set_value(&new);
    let _ = input.set_selection_range(caret, caret);
    value.set(new);
}

/// The on-screen keyboard of one field. Rendered right below the field, so it never
/// covers it.
#[component]
pub fn SoftKeyboard(
    /// DOM id of the input it types into.
    #[prop(into)]
    input_id: String,
    /// The field's name, for the keyboard's accessible name.
    #[prop(into)]
    field_label: String,
    /// The field's value.
    value: RwSignal<String>,
    /// Which keys the field's rule allows.
    rule: CharRule,
    /// Close the keyboard; `true` returns focus to the field (Escape, 「閉じる」).
    on_close: Callback<bool>,
) -> impl IntoView {
    let fixed = RwSignal::new(
        dom::local_storage()
            .and_then(|s| s.get_item(FIXED_KEY).ok().flatten())
            .as_deref()
            == Some("1"),
    );
    let case = RwSignal::new(LetterCase::Lower);
    let keys = RwSignal::new(layout(rule, fixed.get_untracked(), &mut crypto_random()));
    let panel = NodeRef::<html::Div>::new();
    let id = StoredValue::new(input_id);
    let key_id = move |i: usize| id.with_value(|id| format!("{id}-key-{i}"));

    // Announce by moving focus to the first key once shown.
    Effect::new(move |_| {
        if panel.get().is_some() {
            dom::focus(&key_id(0));
        }
    });

    let toggle_fixed = move |_| {
        let now = !fixed.get_untracked();
        fixed.set(now);
        if let Some(s) = dom::local_storage() {
            let _ = if now {
                s.set_item(FIXED_KEY, "1")
            } else {
                s.remove_item(FIXED_KEY)
            };
        }
        keys.set(layout(rule, now, &mut crypto_random()));
    };

    let press = move |k: Key| {
        let c = k.char_in(case.get_untracked());
        id.with_value(|id| apply(id, value, |v, s, e| insert(v, s, e, c)));
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if key == "Escape" {
            ev.prevent_default();
            on_close.run(true);
            return;
        }
        let step: isize = match key.as_str() {
            "ArrowRight" => 1,
            "ArrowLeft" => -1,
            "ArrowDown" => COLUMNS as isize,
            "ArrowUp" => -(COLUMNS as isize),
            _ => return,
        };
        // Only between character keys.
        let Some(current) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| {
                let prefix = id.with_value(|id| format!("{id}-key-"));
                el.id()
                    .strip_prefix(&prefix)
                    .and_then(|n| n.parse::<usize>().ok())
            })
        else {
            return;
        };
        ev.prevent_default();
        let n = keys.with_untracked(Vec::len) as isize;
        let next = (current as isize + step).rem_euclid(n) as usize;
        dom::focus(&key_id(next));
    };

    let class = style! {
        .soft-keyboard {
            margin-top: 0.5rem;
            padding: 0.75rem;
            max-width: 34rem;
            border: 2px solid var(--color-brand);
            border-radius: 4px;
            background: var(--color-surface);
        }
        .kb-title {
            margin: 0 0 0.5rem;
            font-size: 0.875rem;
            font-weight: bold;
        }
        .kb-options {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            gap: 0.5rem 1rem;
            margin-bottom: 0.5rem;
        }
        .kb-keys {
            display: grid;
            grid-template-columns: repeat(10, minmax(0, 1fr));
            gap: 0.25rem;
        }
        .key {
            min-width: 0;
            min-height: 2.5rem;
            padding: 0;
            border: 1px solid var(--color-border-strong);
            border-radius: 4px;
            background: var(--color-bg);
            color: var(--color-text);
            font-family: monospace;
            font-size: 1.125rem;
            cursor: pointer;
        }
        .key:active {
            background: var(--color-bg);
            color: var(--color-text);
        }
        .kb-actions {
            display: flex;
            flex-wrap: wrap;
            gap: 0.5rem;
            margin-top: 0.5rem;
        }
        .btn-outline[aria-pressed="true"] {
            background: var(--color-brand);
            color: var(--color-surface);
        }
        .kb-fixed {
            display: inline-flex;
            align-items: center;
            gap: 0.375rem;
        }
    };
    let title = format!("ソフトウェアキーボード（{field_label}）");
    let accessible_name = title.clone();
    let panel_id = id.with_value(|id| format!("{id}-kb"));
    view! { class = class,
        <div
            class="soft-keyboard"
            id=panel_id
            role="group"
            aria-label=accessible_name
            tabindex="-1"
            node_ref=panel
            on:keydown=on_keydown
        >
            <p class="kb-title" aria-hidden="true">{title}</p>
            <p class="visually-hidden" role="status">
                "ソフトウェアキーボードを開きました。キーを押すと入力欄に入力されます。"
            </p>
            <div class="kb-options">
                {has_letters(rule)
                    .then(|| {
                        view! { class = class,
                            <button
                                type="button"
                                class="btn-outline"
                                aria-pressed=move || (case.get() == LetterCase::Lower).to_string()
                                on:click=move |_| case.set(LetterCase::Lower)
                            >
                                "英小文字"
                            </button>
                            <button
                                type="button"
                                class="btn-outline"
                                aria-pressed=move || (case.get() == LetterCase::Upper).to_string()
                                on:click=move |_| case.set(LetterCase::Upper)
                            >
                                "英大文字"
                            </button>
                        }
                    })}
                <label class="kb-fixed">
                    <input type="checkbox" prop:checked=move || fixed.get() on:change=toggle_fixed />
                    "キー配列を固定"
                </label>
            </div>
            <div class="kb-keys">
                {move || {
                    keys.get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, k)| {
                            view! { class = class,
                                <button
                                    type="button"
                                    class="key"
                                    id=key_id(i)
                                    aria-label=move || k.name_in(case.get())
                                    on:click=move |_| press(k)
                                >
                                    {move || k.char_in(case.get()).to_string()}
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <div class="kb-actions">
                <button
                    type="button"
                    class="btn-outline"
                    on:click=move |_| id.with_value(|id| apply(id, value, delete_back))
                >
                    "1文字削除"
                </button>
                <button
                    type="button"
                    class="btn-outline"
                    on:click=move |_| id.with_value(|id| apply(id, value, |_, _, _| clear()))
                >
                    "全消去"
                </button>
                <button type="button" class="btn-outline" on:click=move |_| on_close.run(true)>
                    "閉じる"
                </button>
            </div>
        </div>
    }
}
