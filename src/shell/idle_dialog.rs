//! 「まもなくセッションの有効期限が切れます」: the warning before the idle limit
//! (WCAG 2.2.1 Timing Adjustable).
//!
//! A modal `alertdialog`: it takes focus (「延長する」) when it opens, so screen readers
//! announce its title and countdown; Tab stays within it and the page behind it is
//! `inert`. The visible countdown changes every second but is not a live region: a
//! separate polite live region repeats it every 30 seconds. 「延長する」 (or Escape:
//! dismissing the warning means "I am still here") is one action: a keep-alive call,
//! after which the dialog closes and focus returns where it was. 「ログアウト」 logs out.

use crate::api::{new_idempotency_key, use_api};
use crate::kernel::idle::{announce_now, countdown_text, IdleStatus};
use crate::ui::notice::{Notice, Tone};
use crate::ui::session::{sign_off, use_auth, use_idle, use_session_drafts, Phase};
use leptos::prelude::*;
use stylers::style;
use wasm_bindgen::JsCast;

const EXTEND_ID: &str = "idle-extend";
const LOGOUT_ID: &str = "idle-logout";

fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

fn active_element() -> Option<web_sys::Element> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
}

/// The warning dialog, open while the idle limit is in its warning period. Put it in
/// the logged-in frame, beside (not inside) the content it makes inert.
#[component]
pub fn IdleDialog() -> impl IntoView {
    let open = use_idle_warning();
    move || open.get().then(|| view! { <WarningDialog /> })
}

/// Whether the warning dialog is open (the frame makes the rest of the page inert).
pub fn use_idle_warning() -> Memo<bool> {
    let idle = use_idle();
    Memo::new(move |_| matches!(idle.status.get(), IdleStatus::Warning { .. }))
}

/// The dialog itself (created when the warning opens, dropped when it closes).
#[component]
fn WarningDialog() -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let data = use_session_drafts();
    let idle = use_idle();
    let secs_left = Memo::new(move |_| match idle.status.get() {
        IdleStatus::Warning { secs_left } => secs_left,
        _ => 0,
    });

    // Where focus was: it goes back there when the session is extended.
    let returning_to = StoredValue::new_local(
        active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
    );
    request_animation_frame(|| focus_id(EXTEND_ID));
    on_cleanup(move || {
        if auth.state.with_untracked(|s| s.phase()) != Phase::LoggedIn {
            return; // timed out or logged out: another screen takes over
        }
        let back = returning_to
            .try_get_value()
            .flatten()
            .filter(|e| e.is_connected());
        // Next frame: the page behind is no longer inert then.
        request_animation_frame(move || match back {
            Some(el) => {
                let _ = el.focus();
            }
            None => focus_id("main"),
        });
    });

    // The countdown for screen readers, every 30 seconds (the opening is announced
    // by the dialog taking focus).
    let announcement = RwSignal::new(String::new());
    let last = StoredValue::new(secs_left.get_untracked());
    Effect::new(move |_| {
        let now = secs_left.get();
        let before = last.get_value();
        if announce_now(before, now) {
            announcement.set(countdown_text(now));
        }
        last.set_value(now);
    });

    let failure = RwSignal::new(None::<String>);
    let extend = Action::new_local(move |_: &()| async move {
        match api.keep_alive(&new_idempotency_key()).await {
            // The answer counted as activity: the warning closes.
            Ok(k) => idle.set_limit(k.idle_timeout_secs),
            // The session is over already: the app shows the timeout screen.
            Err(e) if e.needs_login() => {}
            Err(e) => {
                let _ = failure.try_set(Some(e.message()));
            }
        }
    });
    let logout = Action::new_local(move |_: &()| sign_off(api, auth, data));
    let busy = move || extend.pending().get() || logout.pending().get();
    let do_extend = move || {
        if !busy() {
            failure.set(None);
            extend.dispatch(());
        }
    };

    // Escape extends; Tab and Shift+Tab go round the two buttons.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let active = active_element().map(|e| e.id()).unwrap_or_default();
        match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                do_extend();
            }
            "Tab" if ev.shift_key() && active != LOGOUT_ID => {
                ev.prevent_default();
                focus_id(LOGOUT_ID);
            }
            "Tab" if !ev.shift_key() && active != EXTEND_ID => {
                ev.prevent_default();
                focus_id(EXTEND_ID);
            }
            _ => {}
        }
    };

    let class = style! {
        .idle-backdrop {
            position: fixed;
            inset: 0;
            z-index: 100;
            display: flex;
            align-items: center;
            justify-content: center;
            padding: 1rem;
            background: rgba(27, 31, 36, 0.6);
        }
        .idle-dialog {
            width: 100%;
            max-width: 36rem;
            max-height: 100%;
            overflow-y: auto;
            padding: 1.5rem;
            border-top: 6px solid var(--color-brand);
            border-radius: 4px;
            background: var(--color-surface);
            color: var(--color-text);
        }
        .idle-dialog h2 {
            margin: 0 0 1rem;
            font-size: 1.25rem;
        }
        .idle-countdown {
            font-size: 1.125rem;
            font-weight: bold;
        }
    };
    view! { class = class,
        <div class="idle-backdrop">
            <div
                class="idle-dialog"
                role="alertdialog"
                aria-modal="true"
                aria-labelledby="idle-title"
                aria-describedby="idle-countdown idle-advice"
                on:keydown=on_keydown
            >
                <h2 id="idle-title">"まもなくセッションの有効期限が切れます"</h2>
                <p id="idle-countdown" class="idle-countdown">
                    {move || countdown_text(secs_left.get())}
                </p>
                <p id="idle-advice">
                    "操作を続ける場合は、「延長する」ボタンを押してください。"
                </p>
                <p class="visually-hidden" aria-live="polite" aria-atomic="true">
                    {move || announcement.get()}
                </p>
                {move || {
                    failure
                        .get()
                        .map(|m| {
                            view! {
                                <Notice tone=Tone::Error heading="延長できませんでした">
                                    <p>{m}</p>
                                </Notice>
                            }
                        })
                }}
                <div class="btn-row">
                    <button
                        type="button"
                        class="btn"
                        id=EXTEND_ID
                        aria-disabled=move || busy().then_some("true")
                        on:click=move |_| do_extend()
                    >
                        "延長する"
                    </button>
                    <button
                        type="button"
                        class="btn btn-secondary"
                        id=LOGOUT_ID
                        aria-disabled=move || busy().then_some("true")
                        on:click=move |_| {
                            if !busy() {
                                logout.dispatch(());
                            }
                        }
                    >
                        "ログアウト"
                    </button>
                </div>
            </div>
        </div>
    }
}
