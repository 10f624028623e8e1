//! The PDF worker seen from the SPA: one worker per tab, started on the first 「印刷」
//! ([`make_pdf`]) and kept for the next ones.
//!
//! Messages follow [`kanri_print::protocol`]: the worker first answers `Ready`, and only
//! then are requests sent (until then they wait here); every reply names its request,
//! and is routed to that request alone. A worker that fails (its script does not load,
//! it traps or panics: the `error` event; a message it cannot read: `messageerror`), does
//! not say `Ready` within [`READY_TIMEOUT_MS`], or goes silent for [`STALL_TIMEOUT_MS`]
//! fails every request it holds, is terminated and dropped: the next 「印刷」 starts a
//! fresh one.
//!
//! Only [`kanri_print::model`] and [`kanri_print::protocol`] are used here: the layout and
//! the PDF writer live in the worker, never in the main bundle.

use crate::kernel::print_status::PrintFailure;
use kanri_print::model::Document;
use kanri_print::protocol::{Request, Stage, FONT_PATH, WORKER_SCRIPT};
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long a new worker may take to say `Ready` (it downloads its WebAssembly).
pub const READY_TIMEOUT_MS: u32 = 60_000;
/// How long a running worker may stay silent about a request before it is given up.
pub const STALL_TIMEOUT_MS: u32 = 120_000;

/// A worker message as the client reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    /// The worker takes requests.
    Ready,
    Progress {
        id: u32,
        stage: Stage,
    },
    /// The PDF is in the message's `pdf`.
    Done {
        id: u32,
        pages: u32,
    },
    Failed {
        id: u32,
        failure: PrintFailure,
    },
    /// Not a message of the protocol: ignored.
    Unreadable,
}

impl Incoming {
    /// The request the message is about.
    pub fn request_id(&self) -> Option<u32> {
        match self {
            Incoming::Progress { id, .. }
            | Incoming::Done { id, .. }
            | Incoming::Failed { id, .. } => Some(*id),
            Incoming::Ready | Incoming::Unreadable => None,
        }
    }

    /// Whether the message is the request's last (it is then forgotten).
    pub fn is_last(&self) -> bool {
        matches!(self, Incoming::Done { .. } | Incoming::Failed { .. })
    }
}

/// Read a worker message's `json` (absent or unreadable: [`Incoming::Unreadable`]).
///
/// This reads [`kanri_print::protocol::Reply`]'s JSON (serde's externally tagged enums)
/// through [`serde_json::Value`], which the SPA has anyway, rather than with `Reply`'s
/// own `Deserialize`: that would add several KB to the main bundle. The tests check the
/// two agree on every reply.
pub fn decode(json: Option<&str>) -> Incoming {
    json.and_then(|s| serde_json::from_str::<Value>(s).ok())
        .and_then(|v| decode_value(&v))
        .unwrap_or(Incoming::Unreadable)
}

/// `{ "Tag": body }` → `("Tag", body)`.
fn variant(v: &Value) -> Option<(&str, &Value)> {
    match v.as_object()?.iter().next() {
        Some((tag, body)) if v.as_object()?.len() == 1 => Some((tag.as_str(), body)),
        _ => None,
    }
}

fn number(v: &Value, key: &str) -> Option<u32> {
    u32::try_from(v.get(key)?.as_u64()?).ok()
}

fn decode_value(v: &Value) -> Option<Incoming> {
    if v.as_str() == Some("Ready") {
        return Some(Incoming::Ready);
    }
    let (tag, body) = variant(v)?;
    let id = number(body, "id")?;
    Some(match tag {
        "Progress" => {
            let stage = body.get("stage")?;
            let stage = if stage.as_str() == Some("Font") {
                Stage::Font
            } else {
                let ("Pages", pages) = variant(stage)? else {
                    return None;
                };
                Stage::Pages {
                    done: number(pages, "done")?,
                    total: number(pages, "total")?,
                }
            };
            Incoming::Progress { id, stage }
        }
        "Done" => Incoming::Done {
            id,
            pages: number(body, "pages")?,
        },
        "Failed" => {
            let failure = body.get("failure")?;
            let tag = failure
                .as_str()
                .or_else(|| variant(failure).map(|(t, _)| t));
            Incoming::Failed {
                id,
                // Whatever else went wrong (a later kind too) is the worker's failure.
                failure: match tag {
                    Some("FontFetch" | "FontInvalid") => PrintFailure::Font,
                    _ => PrintFailure::Worker,
                },
            }
        }
        _ => return None,
    })
}

/// Requests waiting for their answers, by id (ids are never 0 and never shared by two
/// waiting requests). Only a request or two ever wait: a list does.
#[derive(Debug)]
pub struct Requests<T> {
    next: u32,
    waiting: Vec<(u32, T)>,
}

impl<T> Default for Requests<T> {
    fn default() -> Self {
        Requests {
            next: 1,
            waiting: Vec::new(),
        }
    }
}

impl<T> Requests<T> {
    /// No request waiting.
    pub fn new() -> Self {
        Self::default()
    }

    /// Starting from `next` (for the wrap-around test).
    pub fn starting_at(next: u32) -> Self {
        Requests {
            next: next.max(1),
            waiting: Vec::new(),
        }
    }

    /// Wait for a new request's answers; its id.
    pub fn add(&mut self, request: T) -> u32 {
        loop {
            let id = self.next;
            self.next = self.next.checked_add(1).unwrap_or(1);
            if self.get(id).is_none() {
                self.waiting.push((id, request));
                return id;
            }
        }
    }

    /// The request `id`, still waiting.
    pub fn get(&self, id: u32) -> Option<&T> {
        self.waiting.iter().find(|(i, _)| *i == id).map(|(_, t)| t)
    }

    /// Stop waiting for request `id` (its last answer came).
    pub fn finish(&mut self, id: u32) -> Option<T> {
        let at = self.waiting.iter().position(|(i, _)| *i == id)?;
        Some(self.waiting.remove(at).1)
    }

    /// Every waiting request, in the order they were added, forgotten (the worker failed).
    pub fn drain(&mut self) -> Vec<T> {
        std::mem::take(&mut self.waiting)
            .into_iter()
            .map(|(_, t)| t)
            .collect()
    }

    /// Every waiting request.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.waiting.iter().map(|(_, t)| t)
    }

    /// How many are waiting.
    pub fn len(&self) -> usize {
        self.waiting.len()
    }

    /// Whether none is waiting.
    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty()
    }

    /// Where `incoming` goes: the request it names, still waiting (cloned, or taken when
    /// it is the request's last message).
    pub fn route(&mut self, incoming: &Incoming) -> Option<T>
    where
        T: Clone,
    {
        let id = incoming.request_id()?;
        if incoming.is_last() {
            self.finish(id)
        } else {
            self.get(id).cloned()
        }
    }
}

/// A finished PDF.
#[derive(Debug, Clone)]
pub struct Pdf {
    pub pages: u32,
    /// The file (transferred from the worker).
    pub data: js_sys::ArrayBuffer,
}

/// What a request's waiting future hears.
enum Event {
    /// The worker said `Ready` (the request has been sent).
    Started,
    Progress(Stage),
    Done(Pdf),
    Failed(PrintFailure),
}

/// A request's events, waiting for its future to take them.
#[derive(Default)]
struct Inbox {
    events: RefCell<VecDeque<Event>>,
    waker: RefCell<Option<Waker>>,
}

impl Inbox {
    fn push(&self, event: Event) {
        self.events.borrow_mut().push_back(event);
        if let Some(w) = self.waker.borrow_mut().take() {
            w.wake();
        }
    }
}

type Sink = Rc<Inbox>;

/// The worker's event handlers (kept alive as long as the worker).
struct Handlers {
    _message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _error: Closure<dyn FnMut(web_sys::Event)>,
}

/// The running worker.
struct Conn {
    /// Tells this worker's events from an earlier one's.
    generation: u32,
    worker: web_sys::Worker,
    ready: bool,
    /// Requests (id, JSON) to send once the worker is ready.
    queued: Vec<(u32, String)>,
    requests: Requests<Sink>,
    handlers: Handlers,
}

thread_local! {
    static CONN: RefCell<Option<Conn>> = const { RefCell::new(None) };
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

/// Make the PDF of `document` in the worker (started now if none runs), reporting the
/// worker's progress to `on_progress`.
pub async fn make_pdf(
    document: Document,
    mut on_progress: impl FnMut(Stage),
) -> Result<Pdf, PrintFailure> {
    let font_url = font_url().ok_or(PrintFailure::Worker)?;
    let inbox = Sink::default();
    let generation = enqueue(inbox.clone(), font_url, document)?;
    loop {
        let limit = if is_ready(generation) {
            STALL_TIMEOUT_MS
        } else {
            READY_TIMEOUT_MS
        };
        let mut timer = gloo_timers::future::TimeoutFuture::new(limit);
        // The next event, or `None` when the time is up.
        let next = poll_fn(|cx| {
            if let Some(event) = inbox.events.borrow_mut().pop_front() {
                return Poll::Ready(Some(event));
            }
            *inbox.waker.borrow_mut() = Some(cx.waker().clone());
            Pin::new(&mut timer).poll(cx).map(|()| None)
        })
        .await;
        match next {
            Some(Event::Started) => {}
            Some(Event::Progress(stage)) => on_progress(stage),
            Some(Event::Done(pdf)) => return Ok(pdf),
            Some(Event::Failed(failure)) => return Err(failure),
            None => {
                fail_worker(generation);
                return Err(PrintFailure::Worker);
            }
        }
    }
}

/// Where the worker fetches the font: this origin's [`FONT_PATH`].
fn font_url() -> Option<String> {
    let origin = web_sys::window()?.location().origin().ok()?;
    Some(format!("{origin}{FONT_PATH}"))
}

/// Whether the worker of `generation` is still running and ready.
fn is_ready(generation: u32) -> bool {
    CONN.with_borrow(|c| {
        c.as_ref()
            .is_some_and(|c| c.generation == generation && c.ready)
    })
}

/// Hand a request to the worker (started first if none runs); the worker's generation.
fn enqueue(sink: Sink, font_url: String, document: Document) -> Result<u32, PrintFailure> {
    if CONN.with_borrow(Option::is_none) {
        start()?;
    }
    CONN.with_borrow_mut(|c| {
        let conn = c.as_mut().ok_or(PrintFailure::Worker)?;
        let id = conn.requests.add(sink);
        let json = Request {
            id,
            font_url,
            document,
        }
        .to_json();
        if conn.ready {
            if post(&conn.worker, &json).is_err() {
                conn.requests.finish(id);
                return Err(PrintFailure::Worker);
            }
        } else {
            conn.queued.push((id, json));
        }
        Ok(conn.generation)
    })
}

/// Start a worker and listen to it.
fn start() -> Result<(), PrintFailure> {
    let worker = web_sys::Worker::new(WORKER_SCRIPT).map_err(|_| PrintFailure::Worker)?;
    let generation = GENERATION.get().wrapping_add(1);
    GENERATION.set(generation);
    let message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev| {
        on_message(generation, ev);
    });
    let error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        // Handled here: not an uncaught error of the page.
        ev.prevent_default();
        fail_worker(generation);
    });
    worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(error.as_ref().unchecked_ref()));
    worker.set_onmessageerror(Some(error.as_ref().unchecked_ref()));
    CONN.with_borrow_mut(|c| {
        *c = Some(Conn {
            generation,
            worker,
            ready: false,
            queued: Vec::new(),
            requests: Requests::new(),
            handlers: Handlers {
                _message: message,
                _error: error,
            },
        })
    });
    Ok(())
}

/// Send `json` as `{ json }`.
fn post(worker: &web_sys::Worker, json: &str) -> Result<(), JsValue> {
    let message = js_sys::Object::new();
    js_sys::Reflect::set(
        &message,
        &JsValue::from_str("json"),
        &JsValue::from_str(json),
    )?;
    worker.post_message(&message)
}

/// A message of the worker of `generation`.
fn on_message(generation: u32, ev: web_sys::MessageEvent) {
    let data = ev.data();
    let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok();
    let incoming = decode(field("json").and_then(|v| v.as_string()).as_deref());
    CONN.with_borrow_mut(|c| {
        let Some(conn) = c.as_mut().filter(|c| c.generation == generation) else {
            return;
        };
        if incoming == Incoming::Ready {
            if conn.ready {
                return;
            }
            conn.ready = true;
            for (id, json) in std::mem::take(&mut conn.queued) {
                if post(&conn.worker, &json).is_err() {
                    if let Some(sink) = conn.requests.finish(id) {
                        sink.push(Event::Failed(PrintFailure::Worker));
                    }
                }
            }
            for sink in conn.requests.iter() {
                sink.push(Event::Started);
            }
            return;
        }
        let Some(sink) = conn.requests.route(&incoming) else {
            if matches!(incoming, Incoming::Failed { .. }) {
                // A request the worker could not read (an old cached worker and a newer
                // page, say): nobody would hear of it otherwise.
                let generation = conn.generation;
                wasm_bindgen_futures::spawn_local(async move { fail_worker(generation) });
            }
            return;
        };
        sink.push(match incoming {
            Incoming::Progress { stage, .. } => Event::Progress(stage),
            Incoming::Done { pages, .. } => {
                match field("pdf").and_then(|v| v.dyn_into::<js_sys::ArrayBuffer>().ok()) {
                    Some(data) => Event::Done(Pdf { pages, data }),
                    None => Event::Failed(PrintFailure::Worker),
                }
            }
            Incoming::Failed { failure, .. } => Event::Failed(failure),
            Incoming::Ready | Incoming::Unreadable => return,
        });
    });
}

/// The worker of `generation` failed: fail its requests, terminate and drop it.
fn fail_worker(generation: u32) {
    let taken = CONN.with_borrow_mut(|c| {
        if c.as_ref().is_some_and(|c| c.generation == generation) {
            c.take()
        } else {
            None
        }
    });
    let Some(mut conn) = taken else { return };
    conn.worker.set_onmessage(None);
    conn.worker.set_onerror(None);
    conn.worker.set_onmessageerror(None);
    conn.worker.terminate();
    for sink in conn.requests.drain() {
        sink.push(Event::Failed(PrintFailure::Worker));
    }
    // This may run inside one of the handlers: drop them once it has returned.
    let handlers = conn.handlers;
    wasm_bindgen_futures::spawn_local(async move { drop(handlers) });
}

#[cfg(test)]
mod tests {
    use super::*;
    use kanri_print::protocol::{Failure, Reply};

    #[test]
    fn replies_decode_to_what_the_client_does() {
        assert_eq!(decode(Some(&Reply::Ready.to_json())), Incoming::Ready);
        let progress = Reply::Progress {
            id: 4,
            stage: Stage::Pages { done: 1, total: 9 },
        };
        assert_eq!(
            decode(Some(&progress.to_json())),
            Incoming::Progress {
                id: 4,
                stage: Stage::Pages { done: 1, total: 9 }
            }
        );
        let font = Reply::Progress {
            id: 4,
            stage: Stage::Font,
        };
        assert_eq!(
            decode(Some(&font.to_json())),
            Incoming::Progress {
                id: 4,
                stage: Stage::Font
            }
        );
        let done = Reply::Done {
            id: 4,
            pages: 9,
            bytes: 12_345,
        };
        assert_eq!(
            decode(Some(&done.to_json())),
            Incoming::Done { id: 4, pages: 9 }
        );
        let font = Reply::Failed {
            id: 4,
            failure: Failure::FontFetch("HTTP 404".into()),
        };
        assert_eq!(
            decode(Some(&font.to_json())),
            Incoming::Failed {
                id: 4,
                failure: PrintFailure::Font
            }
        );
        let render = Reply::Failed {
            id: 5,
            failure: Failure::Render("x".into()),
        };
        assert_eq!(
            decode(Some(&render.to_json())),
            Incoming::Failed {
                id: 5,
                failure: PrintFailure::Worker
            }
        );
    }

    #[test]
    fn every_failure_kind_decodes_to_its_message() {
        for (failure, expected) in [
            (Failure::FontFetch("HTTP 404".into()), PrintFailure::Font),
            (Failure::FontInvalid, PrintFailure::Font),
            (Failure::BadRequest("x".into()), PrintFailure::Worker),
            (Failure::Render("y".into()), PrintFailure::Worker),
        ] {
            assert_eq!(PrintFailure::of_worker(&failure), expected);
            let reply = Reply::Failed { id: 9, failure };
            assert_eq!(
                decode(Some(&reply.to_json())),
                Incoming::Failed {
                    id: 9,
                    failure: expected
                }
            );
        }
        // A kind of failure this SPA does not know yet is the worker's.
        assert_eq!(
            decode(Some(
                r#"{"Failed":{"id":3,"failure":{"OutOfMemory":null}}}"#
            )),
            Incoming::Failed {
                id: 3,
                failure: PrintFailure::Worker
            }
        );
    }

    #[test]
    fn anything_else_is_unreadable() {
        for json in [
            None,
            Some(""),
            Some("{"),
            Some("\"Hello\""),
            Some("{\"Done\":{}}"),
            Some(r#"{"Done":{"id":-1,"pages":1}}"#),
            Some(r#"{"Done":{"id":1,"pages":1},"Ready":null}"#),
            Some(r#"{"Progress":{"id":1,"stage":"Fonts"}}"#),
            Some(r#"{"Progress":{"id":1,"stage":{"Pages":{"done":1}}}}"#),
            Some(r#"{"Hello":{"id":1}}"#),
        ] {
            assert_eq!(decode(json), Incoming::Unreadable, "{json:?}");
        }
        assert_eq!(Incoming::Unreadable.request_id(), None);
        assert_eq!(Incoming::Ready.request_id(), None);
    }

    #[test]
    fn replies_reach_only_their_request() {
        let mut requests = Requests::new();
        let a = requests.add("a");
        let b = requests.add("b");
        assert_ne!(a, b);
        assert_eq!(requests.len(), 2);
        let progress = Incoming::Progress {
            id: b,
            stage: Stage::Font,
        };
        assert_eq!(requests.route(&progress), Some("b"));
        // Progress keeps the request waiting; its last message ends it.
        assert_eq!(requests.len(), 2);
        assert_eq!(
            requests.route(&Incoming::Done { id: b, pages: 1 }),
            Some("b")
        );
        assert_eq!(requests.route(&progress), None);
        assert_eq!(requests.len(), 1);
        assert_eq!(
            requests.route(&Incoming::Failed {
                id: a,
                failure: PrintFailure::Font
            }),
            Some("a")
        );
        assert!(requests.is_empty());
        // Unknown ids and messages without one go nowhere.
        assert_eq!(requests.route(&Incoming::Done { id: 99, pages: 1 }), None);
        assert_eq!(requests.route(&Incoming::Ready), None);
    }

    #[test]
    fn a_failed_worker_fails_every_waiting_request() {
        let mut requests = Requests::new();
        requests.add(1);
        requests.add(2);
        assert_eq!(requests.drain(), vec![1, 2]);
        assert!(requests.is_empty());
    }

    #[test]
    fn ids_skip_zero_and_ids_in_use_when_they_wrap() {
        let mut requests = Requests::starting_at(u32::MAX);
        assert_eq!(requests.add("last"), u32::MAX);
        assert_eq!(requests.add("first"), 1);
        let mut requests = Requests::starting_at(u32::MAX);
        let mut ids: Vec<u32> = (0..3).map(|_| requests.add(())).collect();
        ids.sort_unstable();
        assert_eq!(ids, vec![1, 2, u32::MAX]);
        let mut busy = Requests::new();
        busy.add(());
        busy.add(());
        busy.finish(1);
        // 2 is waiting: 1 is free again and the next ids go on from 3.
        assert_eq!(busy.add(()), 3);
    }
}
