//! A screen whose code is in a WebAssembly part of its own, which may fail to arrive.
//!
//! Every screen but the login screen is such a part (`src/routes.rs`), fetched the first
//! time it is shown. When the network fails then, the screen says so and offers
//! 「再試行」, which fetches the part again; nothing panics, and the session and whatever
//! the user entered on other screens stay.

use crate::ui::frame::PublicFrame;
use crate::ui::notice::{Loading, Notice, Tone};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::pin::Pin;

/// Fetches a part (again, after a failure) and builds its view.
pub type PartLoad = fn() -> Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>> + Send>>;

/// Where a part's loading line and failure are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartFrame {
    /// Nothing around it yet (the router, the logged-in frame, the screens without
    /// login): in the frame of the screens without login.
    Public,
    /// A screen of the logged-in frame: in its main area.
    Inner,
}

/// The view after a part's first fetch: the screen, or, when the fetch failed,
/// [`PartLoader`] showing the failure (its 「再試行」 fetches again with `load`).
pub fn part_view(
    first: Result<AnyView, SplitLoaderError>,
    frame: PartFrame,
    load: PartLoad,
) -> AnyView {
    match first {
        Ok(view) => view,
        Err(_) => view! { <PartLoader load frame failed=true /> }.into_any(),
    }
}

/// A part's view, fetched when shown: the loading line meanwhile, and when the part
/// cannot be fetched, 「画面を表示できませんでした」 with 「再試行」.
#[component]
pub fn PartLoader(
    /// Fetches the part and builds its view.
    load: PartLoad,
    /// Where the loading line and the failure are shown.
    frame: PartFrame,
    /// The first fetch has already failed: show the failure until 「再試行」.
    #[prop(optional)]
    failed: bool,
) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let body = move || {
        let n = attempt.get();
        Suspend::new(async move {
            let loaded = if failed && n == 0 {
                None
            } else {
                load().await.ok()
            };
            loaded.unwrap_or_else(|| {
                let failure = view! {
                    <Notice tone=Tone::Error heading="画面を表示できませんでした">
                        <p>"サーバーと通信できませんでした。通信環境をご確認のうえ、「再試行」ボタンを押してください。"</p>
                        <button type="button" class="btn" on:click=move |_| attempt.update(|n| *n += 1)>
                            "再試行"
                        </button>
                    </Notice>
                };
                in_frame(frame, failure.into_any())
            })
        })
    };
    view! {
        <Suspense fallback=move || in_frame(frame, view! { <Loading /> }.into_any())>
            {body}
        </Suspense>
    }
}

/// `content` where `frame` says.
fn in_frame(frame: PartFrame, content: AnyView) -> AnyView {
    match frame {
        PartFrame::Public => view! { <PublicFrame>{content}</PublicFrame> }.into_any(),
        PartFrame::Inner => content,
    }
}
