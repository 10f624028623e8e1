//! Moving to another screen, with or without the router.
//!
//! The first download holds no router: the login screen is shown by [`crate::shell::app::App`]
//! itself, and the router with every other screen is in a part of its own
//! ([`crate::shell::routes::routed_app`]), loaded after 「ログイン」 (fetched ahead while the user
//! types) or at once for any other URL. A screen that moves on asks the [`Navigator`]
//! in context: on the first screen it loads that part, then shows it at the new URL;
//! inside the router it is the router's own navigation
//! ([`crate::shell::routes::RouterNavigator`]).

use leptos::prelude::*;

/// Where to go and whether the current history entry is replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Go {
    /// A local URL (path and query).
    pub url: String,
    /// Replace the current history entry instead of adding one.
    pub replace: bool,
}

/// How the screen shown now moves to another one (provided as context by the shell).
#[derive(Clone, Copy)]
pub struct Navigator {
    go: Callback<Go>,
    ahead: Callback<()>,
}

impl Navigator {
    /// A navigator that runs `go` for every move and `ahead` when a screen expects to
    /// move on soon (e.g. the user starts on the login form).
    pub fn new(
        go: impl Fn(Go) + Send + Sync + 'static,
        ahead: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        Self {
            go: Callback::new(go),
            ahead: Callback::new(move |()| ahead()),
        }
    }

    /// Start fetching what the screens after this one need (once per page load; a
    /// failure is not shown here, the screen that needs the part shows it).
    pub fn fetch_ahead(&self) {
        self.ahead.run(());
    }

    /// Move to `url`, replacing the current history entry when `replace`.
    pub fn go(&self, url: &str, replace: bool) {
        self.go.run(Go {
            url: url.to_owned(),
            replace,
        });
    }
}

/// The [`Navigator`] of the screen being built.
pub fn use_navigator() -> Navigator {
    expect_context::<Navigator>()
}

/// The value of query parameter `name` in the browser's current URL, decoded (read when
/// called, not tracked: the first screen has no router to track it).
pub fn current_query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// The browser's current path (no query).
pub fn current_pathname() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// The screen the user is on (path and query), for the way back after a new login.
pub fn current_path() -> String {
    web_sys::window()
        .map(|w| w.location())
        .and_then(|l| Some(format!("{}{}", l.pathname().ok()?, l.search().ok()?)))
        .unwrap_or_default()
}

/// Sets the browser's URL to `url` without loading a page (before the router exists:
/// the router reads it when it starts).
pub fn set_browser_url(url: &str, replace: bool) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let state = wasm_bindgen::JsValue::NULL;
    let _ = if replace {
        history.replace_state_with_url(&state, "", Some(url))
    } else {
        history.push_state_with_url(&state, "", Some(url))
    };
}
