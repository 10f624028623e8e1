//! The ticking date-time of the header.

use kanri_contract::datetime::format_datetime;
use leptos::prelude::*;
use std::time::Duration;

fn now_secs() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// The current date-time in JST (`2026年11月21日 10時00分00秒`), updated every second.
/// Not a live region: screen readers read it when asked, not every second.
#[component]
pub fn Clock() -> impl IntoView {
    let now = RwSignal::new(now_secs());
    if let Ok(handle) =
        set_interval_with_handle(move || now.set(now_secs()), Duration::from_millis(1000))
    {
        on_cleanup(move || handle.clear());
    }
    view! { <span class="clock">{move || format_datetime(now.get())}</span> }
}
