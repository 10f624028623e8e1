//! The Web Worker's entry point (built by Trunk with `data-type="worker"`: its loader shim
//! runs the wasm-bindgen glue, whose start calls `main`).
//!
//! Messages are those of [`kanri_print::protocol`], each a JavaScript object
//! `{ json: string, pdf?: ArrayBuffer }`. On start the worker posts `Ready`. Each request
//! is queued and handled in arrival order, one at a time: the font is fetched on the first
//! (and kept), the PDF is written with progress, and `Done` carries the file's bytes in a
//! transferred `ArrayBuffer`. A panic traps the worker; the SPA takes its `error` event as a
//! failure.
//!
//! Natively there is nothing to run: `main` is empty (so the workspace builds and lints on
//! any target).

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::RefCell;
    use std::collections::VecDeque;

    use kanri_pdf_worker::render::{render, LoadedFont};
    use kanri_pdf_worker::{failure_of, progress_due};
    use kanri_print::protocol::{Failure, Reply, Request, Stage};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Response};

    /// The worker's state across messages.
    #[derive(Default)]
    struct State {
        /// Read on the first request, then kept.
        font: Option<LoadedFont>,
        /// Requests not handled yet: each message's `json` (if it had one).
        queue: VecDeque<Option<String>>,
        /// A task is draining the queue.
        busy: bool,
    }

    thread_local! {
        static STATE: RefCell<State> = RefCell::new(State::default());
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    /// Listen for requests and say `Ready`.
    pub fn start() {
        let scope = scope();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
            let json = js_sys::Reflect::get(&event.data(), &JsValue::from_str("json"))
                .ok()
                .and_then(|v| v.as_string());
            let start = STATE.with(|s| {
                let mut s = s.borrow_mut();
                s.queue.push_back(json);
                !std::mem::replace(&mut s.busy, true)
            });
            if start {
                wasm_bindgen_futures::spawn_local(drain());
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as the page keeps it: so does its handler.
        on_message.forget();
        post(&Reply::Ready, None);
    }

    /// Handle queued requests until none is left.
    async fn drain() {
        loop {
            let next = STATE.with(|s| {
                let mut s = s.borrow_mut();
                let next = s.queue.pop_front();
                if next.is_none() {
                    s.busy = false;
                }
                next
            });
            match next {
                Some(json) => handle(json).await,
                None => return,
            }
        }
    }

    async fn handle(json: Option<String>) {
        let request = match json {
            None => Err(String::from("the message has no json")),
            Some(json) => Request::from_json(&json),
        };
        let request = match request {
            Ok(r) => r,
            Err(e) => {
                post(
                    &Reply::Failed {
                        id: 0,
                        failure: Failure::BadRequest(e),
                    },
                    None,
                );
                return;
            }
        };
        let id = request.id;
        let font = match STATE.with(|s| s.borrow().font.clone()) {
            Some(font) => font,
            None => {
                post(
                    &Reply::Progress {
                        id,
                        stage: Stage::Font,
                    },
                    None,
                );
                let loaded = match fetch_bytes(&request.font_url).await {
                    Err(message) => Err(Failure::FontFetch(message)),
                    Ok(bytes) => LoadedFont::new(bytes).map_err(|e| failure_of(&e)),
                };
                match loaded {
                    Ok(font) => {
                        STATE.with(|s| s.borrow_mut().font = Some(font.clone()));
                        font
                    }
                    Err(failure) => {
                        post(&Reply::Failed { id, failure }, None);
                        return;
                    }
                }
            }
        };
        let mut progress = |done: u32, total: u32| {
            if progress_due(done, total) {
                post(
                    &Reply::Progress {
                        id,
                        stage: Stage::Pages { done, total },
                    },
                    None,
                );
            }
        };
        match render(&request.document, &font, &mut progress) {
            Ok(pdf) => {
                let done = Reply::Done {
                    id,
                    pages: pdf.pages,
                    bytes: u32::try_from(pdf.bytes.len()).unwrap_or(u32::MAX),
                };
                let buffer = js_sys::Uint8Array::from(&pdf.bytes[..]).buffer();
                drop(pdf);
                if !post(&done, Some(&buffer)) {
                    post(
                        &Reply::Failed {
                            id,
                            failure: Failure::Render(String::from("the PDF could not be sent")),
                        },
                        None,
                    );
                }
            }
            Err(e) => {
                post(
                    &Reply::Failed {
                        id,
                        failure: failure_of(&e),
                    },
                    None,
                );
            }
        }
    }

    /// GET `url`: its body, or why not (「HTTP 404」, the network error's message).
    async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
        let response = JsFuture::from(scope().fetch_with_str(url))
            .await
            .map_err(|e| error_message(&e))?;
        let response: Response = response
            .dyn_into()
            .map_err(|_| String::from("not a response"))?;
        if !response.ok() {
            return Err(format!("HTTP {}", response.status()));
        }
        let body = response.array_buffer().map_err(|e| error_message(&e))?;
        let body = JsFuture::from(body).await.map_err(|e| error_message(&e))?;
        Ok(js_sys::Uint8Array::new(&body).to_vec())
    }

    fn error_message(e: &JsValue) -> String {
        match e.dyn_ref::<js_sys::Error>() {
            Some(error) => String::from(error.message()),
            None => e
                .as_string()
                .unwrap_or_else(|| String::from("network error")),
        }
    }

    /// Post `{ json, pdf }`, transferring `pdf`. Whether it was posted.
    fn post(reply: &Reply, pdf: Option<&js_sys::ArrayBuffer>) -> bool {
        let message = js_sys::Object::new();
        let set = js_sys::Reflect::set(
            &message,
            &JsValue::from_str("json"),
            &JsValue::from_str(&reply.to_json()),
        );
        if set.is_err() {
            return false;
        }
        let sent = match pdf {
            None => scope().post_message(&message),
            Some(pdf) => {
                if js_sys::Reflect::set(&message, &JsValue::from_str("pdf"), pdf).is_err() {
                    return false;
                }
                scope().post_message_with_transfer(&message, &js_sys::Array::of1(pdf))
            }
        };
        sent.is_ok()
    }
}
