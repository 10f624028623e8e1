//! App-wide state provided as context: who is logged in, and the 文字サイズ preference.
//!
//! User data lives only in memory (these signals and the pages' own state); nothing of
//! it is ever written to web storage. The text size is a preference of this browser.

use crate::api::ApiError;
use crate::logic::text_size::TextSize;
use kanri_contract::api::Session;
use leptos::prelude::*;

/// Where the app stands with the backend.
#[derive(Debug, Clone, PartialEq)]
pub enum AuthState {
    /// Asking the backend whether a session exists (start-up).
    Checking,
    LoggedIn(Box<Session>),
    /// Not logged in; `reason` explains why when the session ended by itself.
    LoggedOut {
        reason: Option<String>,
    },
    /// The user logged out (→ the 「ログアウトしました」 screen).
    SignedOff,
    /// The backend could not be reached at start-up.
    Unreachable(ApiError),
}

/// The coarse phase of [`AuthState`], cheap to compare in memos.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Checking,
    LoggedIn,
    LoggedOut,
    SignedOff,
    Unreachable,
}

impl AuthState {
    pub fn phase(&self) -> Phase {
        match self {
            AuthState::Checking => Phase::Checking,
            AuthState::LoggedIn(_) => Phase::LoggedIn,
            AuthState::LoggedOut { .. } => Phase::LoggedOut,
            AuthState::SignedOff => Phase::SignedOff,
            AuthState::Unreachable(_) => Phase::Unreachable,
        }
    }
}

/// The login state, provided by [`crate::app::App`].
#[derive(Clone, Copy)]
pub struct Auth {
    pub state: RwSignal<AuthState>,
}

impl Auth {
    pub fn new() -> Self {
        Self {
            state: RwSignal::new(AuthState::Checking),
        }
    }

    /// Read one thing of the session without cloning it all (tracked).
    pub fn with_session<R>(&self, f: impl FnOnce(&Session) -> R) -> Option<R> {
        self.state.with(|s| match s {
            AuthState::LoggedIn(s) => Some(f(s)),
            _ => None,
        })
    }

    /// Which session is logged in (login ID and login time), read without tracking: an
    /// answer that arrives after a logout or a new login can tell it is not theirs.
    pub fn session_key(&self) -> Option<(String, i64)> {
        self.state.with_untracked(|s| match s {
            AuthState::LoggedIn(s) => Some((s.user.login_id.clone(), s.logged_in_at)),
            _ => None,
        })
    }

    pub fn logged_in(&self, session: Session) {
        self.state.set(AuthState::LoggedIn(Box::new(session)));
    }

    /// Drop the session and everything hanging off it.
    pub fn logged_out(&self, reason: Option<String>) {
        self.state.set(AuthState::LoggedOut { reason });
    }
}

impl Default for Auth {
    fn default() -> Self {
        Self::new()
    }
}

/// Why the backend refused the certificate mid-session (set with the logout it caused),
/// so the frame shows [BLGI006] instead of the login screen.
#[derive(Clone, Copy, Default)]
pub struct CertificateRefusal(
    pub RwSignal<Option<kanri_contract::api::PresentedCertificateStatus>>,
);

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

/// The 文字サイズ preference: applied to `<html data-text-size>` and kept in this
/// browser's local storage so it survives reloads and logins.
#[derive(Clone, Copy)]
pub struct TextSizePref(pub RwSignal<TextSize>);

fn apply(size: TextSize) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("data-text-size", size.as_str());
    }
}

impl TextSizePref {
    /// Read the stored preference and apply it.
    pub fn load() -> Self {
        let stored = crate::dom::local_storage()
            .and_then(|s| s.get_item(TextSize::STORAGE_KEY).ok().flatten());
        let size = TextSize::parse(stored.as_deref());
        apply(size);
        Self(RwSignal::new(size))
    }

    /// Choose a size: apply and remember it.
    pub fn set(&self, size: TextSize) {
        self.0.set(size);
        apply(size);
        if let Some(s) = crate::dom::local_storage() {
            let _ = s.set_item(TextSize::STORAGE_KEY, size.as_str());
        }
    }
}

pub fn use_text_size() -> TextSizePref {
    expect_context::<TextSizePref>()
}
