//! 「印刷」: makes the screen's printout into a PDF in the PDF worker and opens it in a new
//! tab.
//!
//! The click opens the new tab at once (a popup blocker allows it only within the click)
//! with a waiting message; the printout is made (操作履歴照会 fetches the whole search),
//! headed with the bank, 操作者 and 印刷日時, and sent to the worker
//! ([`crate::ui::print_client`]); the finished PDF becomes a `blob:` URL that the tab is sent
//! to. Beside the button a status region follows the work and then offers the link
//! 「印刷用PDFファイルを開く」; a failure closes the tab and shows why. The texts and the
//! state live in [`crate::kernel::print_status`].

use crate::api::ApiError;
use crate::kernel::print::Printout;
use crate::kernel::print_status::{self as text, Finished, PrintFailure, PrintStatus, Step};
use crate::ui::print_client::{self, Pdf};
use crate::ui::session::{use_auth, AuthState};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use stylers::style;

/// What 「印刷」 prints, made when it is clicked: a result screen's printout is at hand;
/// 操作履歴照会 first fetches the whole search.
#[derive(Clone)]
pub struct PrintSource {
    make: Rc<dyn Fn() -> LocalBoxFuture<'static, Result<Printout, ApiError>>>,
    /// Making it takes a fetch (the status says 「印刷する内容を取得しています。」).
    fetches: bool,
}

impl PrintSource {
    /// A printout already made.
    pub fn ready(printout: Printout) -> Self {
        PrintSource {
            make: Rc::new(move || {
                let p = printout.clone();
                Box::pin(async move { Ok(p) })
            }),
            fetches: false,
        }
    }

    /// A printout made by an asynchronous call on each click.
    pub fn fetch<F, Fut>(make: F) -> Self
    where
        F: Fn() -> Fut + 'static,
        Fut: Future<Output = Result<Printout, ApiError>> + 'static,
    {
        PrintSource {
            make: Rc::new(move || Box::pin(make())),
            fetches: true,
        }
    }

    /// Start making the printout.
    pub fn make(&self) -> LocalBoxFuture<'static, Result<Printout, ApiError>> {
        (self.make)()
    }

    /// Whether making the printout takes a fetch.
    pub fn fetches(&self) -> bool {
        self.fetches
    }
}

thread_local! {
    /// Numbers the buttons' element ids.
    static INSTANCES: Cell<u32> = const { Cell::new(0) };
}

/// How long a `blob:` URL is kept once it is no longer the button's latest (replaced, or
/// the button has gone): the tab showing it can still reload or save it meanwhile.
const ORPHAN_URL_MS: u32 = 5 * 60 * 1000;

/// The 「印刷」 button with its progress and outcome messages. Put it in a `.btn-row`: the
/// button sits with the other buttons, the hint, status and failure notice on their own
/// lines after them.
#[component]
pub fn PrintButton(
    /// What to print.
    source: PrintSource,
) -> impl IntoView {
    let class = style! {
        .pb-group {
            display: contents;
        }
        .pb-line {
            flex-basis: 100%;
            order: 1;
            min-width: 0;
            margin: 0;
        }
        .pb-hint {
            color: var(--color-text-muted);
            font-size: 0.875rem;
        }
        .pb-idle {
            position: absolute;
        }
        .pb-status p {
            margin: 0 0 0.25rem;
        }
        .pb-progress:not([hidden]) {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            gap: 0.25rem 0.75rem;
        }
        .pb-meter {
            display: inline-flex;
            align-items: center;
            gap: 0.5rem;
        }
        .pb-meter progress {
            width: 12rem;
            max-width: 100%;
            height: 1rem;
        }
        .pb-open:not([hidden]) {
            display: inline-flex;
            align-items: center;
            min-height: 2.75rem;
            font-weight: bold;
        }
        .pb-alert {
            padding: 1rem 1.25rem;
            border-left: 6px solid var(--color-error);
            background: var(--color-error-tint);
        }
        .pb-alert strong {
            display: block;
            margin-bottom: 0.25rem;
        }
        .pb-alert p {
            margin: 0;
        }
    };

    let auth = use_auth();
    let status = RwSignal::new(PrintStatus::Idle);
    // The last PDF's URL: let go of when the next is made and when the button goes — a
    // while later, as its tab may still read it (reload, save) — and at once on logout.
    let url: Arc<Mutex<Option<String>>> = Arc::default();
    on_cleanup({
        let url = url.clone();
        move || {
            if let Some(old) = take(&url) {
                if auth.session_key().is_some() {
                    revoke_later(old);
                } else {
                    revoke(&old);
                }
            }
        }
    });
    let n = INSTANCES.with(|c| {
        c.set(c.get().wrapping_add(1));
        c.get()
    });
    let button_id = format!("print-button-{n}");
    let hint_id = format!("print-hint-{n}");

    let on_click = {
        let button_id = button_id.clone();
        move |_| {
            if status.with_untracked(PrintStatus::is_working) {
                return;
            }
            let source = source.clone();
            let (login_id, name) = auth.state.with_untracked(|s| match s {
                AuthState::LoggedIn(s) => (s.user.login_id.clone(), s.user.name.clone()),
                _ => Default::default(),
            });
            let session = auth.session_key();
            // Within the click, or a popup blocker refuses it.
            let tab = open_waiting_tab();
            status.set(PrintStatus::start(source.fetches()));
            let url = url.clone();
            let button_id = button_id.clone();
            leptos::task::spawn_local(async move {
                match make(&source, &login_id, &name, status).await {
                    // Logged out (or someone else logged in) meanwhile: show nothing.
                    Ok(_) if auth.session_key() != session => {
                        if let Some(tab) = tab {
                            let _ = tab.close();
                        }
                    }
                    Ok(pdf) => finish(pdf, tab, status, &url),
                    Err(failure) => {
                        if let Some(tab) = tab {
                            let _ = tab.close();
                        }
                        status.try_set(PrintStatus::Failed(failure));
                    }
                }
                // Once the button is enabled again (the view updates after this task).
                request_animation_frame(move || refocus(&button_id));
            });
        }
    };

    // One structure whose texts and `hidden` follow the status (the DOM changes only where
    // a text does), rather than views built on each change: the main bundle stays small.
    let working = move || status.with(PrintStatus::is_working);
    let progress = move || status.with(|s| s.step().and_then(|step| step.progress()));
    view! { class = class,
        <div class="pb-group">
            <button
                type="button"
                class="btn btn-secondary"
                id=button_id
                disabled=working
                aria-describedby=hint_id.clone()
                on:click=on_click
            >
                "印刷"
            </button>
            <p class="pb-line pb-hint" id=hint_id>{text::HINT}</p>
            <div
                class="pb-line pb-status"
                class:pb-idle=move || status.with(|s| s.lines().is_empty())
                role="status"
            >
                <p>{move || status.with(|s| s.lines().into_iter().next())}</p>
                <p hidden=move || {
                    status.with(|s| s.finished().is_none_or(|f| f.shown_in_tab))
                }>{text::TAB_NOT_OPENED}</p>
                <p class="pb-progress" hidden=move || !working()>
                    <label class="pb-meter">
                        <span>{text::PROGRESS_LABEL}</span>
                        <progress
                            value=move || progress().map(|(v, _)| v.to_string())
                            max=move || progress().map(|(_, m)| m.to_string())
                        ></progress>
                    </label>
                    <span>{move || status.with(|s| s.step().and_then(|step| step.text()))}</span>
                </p>
                <a
                    class="pb-open"
                    hidden=move || status.with(|s| s.finished().is_none())
                    href=move || status.with(|s| s.finished().map(|f| f.url.clone()))
                    target="_blank"
                >
                    {text::OPEN_LINK}
                </a>
            </div>
            {move || {
                status
                    .with(|s| s.failure().map(PrintFailure::message))
                    .map(|message| {
                        view! { class = class,
                            <div class="pb-line pb-alert" role="alert">
                                <strong>{text::FAILURE_HEADING}</strong>
                                <p>{message}</p>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// Fetch the printout, head it, and have the worker make the PDF, following its progress.
async fn make(
    source: &PrintSource,
    login_id: &str,
    name: &str,
    status: RwSignal<PrintStatus>,
) -> Result<Pdf, PrintFailure> {
    let printout = source
        .make()
        .await
        .map_err(|e| PrintFailure::Api(e.message()))?;
    status.try_update(|s| {
        if s.is_working() {
            *s = PrintStatus::Working(Step::Starting);
        }
    });
    let now = (js_sys::Date::now() / 1000.0).floor() as i64;
    let document = printout.document(login_id, name, now);
    print_client::make_pdf(document, move |stage| {
        if let Some(next) = status.try_with_untracked(|s| s.progressed(stage)).flatten() {
            status.try_set(next);
        }
    })
    .await
}

/// The PDF is made: give it a URL, show it in the tab, say so.
fn finish(
    pdf: Pdf,
    tab: Option<web_sys::Window>,
    status: RwSignal<PrintStatus>,
    url: &Mutex<Option<String>>,
) {
    let Some(new_url) = object_url(&pdf.data) else {
        if let Some(tab) = tab {
            let _ = tab.close();
        }
        status.try_set(PrintStatus::Failed(PrintFailure::Worker));
        return;
    };
    let shown_in_tab = tab.as_ref().is_some_and(|t| show(t, &new_url));
    if status.is_disposed() {
        // The button has gone (the screen was left): the tab may still be loading it.
        revoke_later(new_url);
        return;
    }
    let old = match url.lock() {
        Ok(mut u) => u.replace(new_url.clone()),
        Err(_) => None,
    };
    if let Some(old) = old {
        revoke_later(old);
    }
    status.try_set(PrintStatus::Done(Finished {
        url: new_url,
        pages: pdf.pages,
        shown_in_tab,
    }));
}

/// The URL kept in `url`, taken out.
fn take(url: &Mutex<Option<String>>) -> Option<String> {
    url.lock().ok().and_then(|mut u| u.take())
}

/// Open a new tab saying that the PDF is being made (`None`: the browser refused).
fn open_waiting_tab() -> Option<web_sys::Window> {
    let tab = web_sys::window()?
        .open_with_url_and_target("", "_blank")
        .ok()??;
    if let Some(doc) = tab.document() {
        doc.set_title(text::TAB_TITLE);
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", "ja");
        }
        if let (Some(body), Ok(p)) = (doc.body(), doc.create_element("p")) {
            p.set_text_content(Some(text::TAB_WAITING));
            let _ = body.append_child(&p);
        }
    }
    Some(tab)
}

/// Send the tab to `url`; false if it was closed meanwhile.
fn show(tab: &web_sys::Window, url: &str) -> bool {
    !tab.closed().unwrap_or(true) && tab.location().set_href(url).is_ok()
}

/// A `blob:` URL for the PDF bytes.
fn object_url(data: &js_sys::ArrayBuffer) -> Option<String> {
    let parts = js_sys::Array::of1(data);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/pdf");
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Revoke `url` after [`ORPHAN_URL_MS`]: a tab showing it can still reload or save it.
fn revoke_later(url: String) {
    gloo_timers::callback::Timeout::new(ORPHAN_URL_MS, move || revoke(&url)).forget();
}

/// Put focus back on the button if the page lost it while the button was disabled.
fn refocus(button_id: &str) {
    let lost = web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.active_element().is_none_or(|a| a.tag_name() == "BODY"))
        .unwrap_or(false);
    if lost {
        crate::ui::dom::focus(button_id);
    }
}
