//! App-wide state provided as context: who is logged in, and the 文字サイズ preference.
//!
//! User data lives only in memory (these signals and the pages' own state); nothing of
//! it is ever written to web storage. The text size is a preference of this browser.
//!
//! [`SessionDrafts`] is how the session screens and the frame begin, end and keep the
//! flows' state (the shell holds it and lists the flows). [`Idle`] follows the backend's
//! idle limit ([`crate::kernel::idle`]).

use crate::api::{new_idempotency_key, Api, ApiError};
use crate::kernel::idle::{IdleClock, IdleStatus};
use crate::kernel::stash::{Destination, Owner};
use crate::kernel::text_size::TextSize;
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
    /// The session ended by itself: the idle limit, or the backend answered 401
    /// (→ the 「セッションがタイムアウトしました」 screen). `reason` is the backend's message
    /// when it ended the session for another cause than the idle limit.
    TimedOut {
        reason: Option<String>,
    },
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
    TimedOut,
    Unreachable,
}

impl AuthState {
    pub fn phase(&self) -> Phase {
        match self {
            AuthState::Checking => Phase::Checking,
            AuthState::LoggedIn(_) => Phase::LoggedIn,
            AuthState::LoggedOut { .. } => Phase::LoggedOut,
            AuthState::SignedOff => Phase::SignedOff,
            AuthState::TimedOut { .. } => Phase::TimedOut,
            AuthState::Unreachable(_) => Phase::Unreachable,
        }
    }
}

/// The login state, provided by [`crate::shell::app::App`].
#[derive(Clone, Copy)]
pub struct Auth {
    pub state: RwSignal<AuthState>,
    /// A session that ended by itself is being ended on the backend too (its DELETE is
    /// in flight): the login screen waits, so the new login's CSRF token is not the one
    /// that call forgets when it ends.
    pub ending: RwSignal<bool>,
    /// 「ログアウト」 could not end the session on the backend (the message): the
    /// 「ログアウトしました」 screen says so and offers 「再試行」.
    pub logout_failed: RwSignal<Option<LogoutFailure>>,
}

impl Auth {
    pub fn new() -> Self {
        Self {
            state: RwSignal::new(AuthState::Checking),
            ending: RwSignal::new(false),
            logout_failed: RwSignal::new(None),
        }
    }

    /// Read one thing of the session without cloning it all (tracked).
    pub fn with_session<R>(&self, f: impl FnOnce(&Session) -> R) -> Option<R> {
        self.state.with(|s| match s {
            AuthState::LoggedIn(s) => Some(f(s)),
            _ => None,
        })
    }

    /// Read one thing of the session without tracking.
    pub fn with_session_untracked<R>(&self, f: impl FnOnce(&Session) -> R) -> Option<R> {
        self.state.with_untracked(|s| match s {
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

    /// Who is logged in (read without tracking).
    pub fn owner(&self) -> Option<Owner> {
        self.state.with_untracked(|s| match s {
            AuthState::LoggedIn(s) => Some(owner_of(s)),
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

/// The owner of a session's data.
pub fn owner_of(s: &Session) -> Owner {
    Owner {
        company: s.company.name.clone(),
        login_id: s.user.login_id.clone(),
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

/// What the flows' state (kept by the shell, which knows every flow) does when a
/// session begins or ends, as the session screens and the frame ask for it. Provided
/// by [`crate::shell::app::App`].
#[derive(Clone, Copy)]
pub struct SessionDrafts {
    /// A session of this owner begins: empty every flow, give back the drafts kept for
    /// them (else drop them), and say where to go.
    pub begin: Callback<Owner, Destination>,
    /// The session of this owner ended by itself on this path: keep its drafts
    /// (passwords emptied) for their next login in this tab.
    pub keep: Callback<(Owner, String)>,
    /// Whether drafts kept from a session that ended by itself wait for a login.
    pub has_kept: Callback<(), bool>,
    /// Drop the kept drafts (「ログアウト」).
    pub drop_kept: Callback<()>,
    /// Drafts were given back at this login: `Some(passwords_dropped)` (the frame says
    /// so until the user moves on).
    pub restored: RwSignal<Option<bool>>,
}

pub fn use_session_drafts() -> SessionDrafts {
    expect_context::<SessionDrafts>()
}

/// Log in: the app state for `session`, the flows' state begun; where to go after.
pub fn begin_session(auth: Auth, data: SessionDrafts, session: Session) -> Destination {
    let to = data.begin.run(owner_of(&session));
    auth.logout_failed.set(None);
    auth.logged_in(session);
    to
}

/// 「ログアウト」: end the session on the backend (a failure worth retrying is retried
/// once) → 「ログアウトしました」. Whatever the backend answers, the app forgets the user
/// and anything kept for them; when the session may still be open on the backend, that
/// screen says so and offers 「再試行」 ([`retry_sign_off`]).
pub async fn sign_off(api: Api, auth: Auth, data: SessionDrafts) {
    let key = new_idempotency_key();
    let mut result = api.logout(&key).await;
    if matches!(&result, Err(e) if e.is_retryable()) {
        result = api.logout(&key).await;
    }
    data.drop_kept.run(());
    auth.logout_failed.set(logout_failure(result));
    auth.state.set(AuthState::SignedOff);
}

/// 「再試行」 of a logout the backend did not confirm. The login screen waits for it
/// ([`Auth::ending`]), so a late answer cannot forget a new login's CSRF token.
pub async fn retry_sign_off(api: Api, auth: Auth) {
    auth.ending.set(true);
    let result = api.logout(&new_idempotency_key()).await;
    auth.logout_failed.set(logout_failure(result));
    auth.ending.set(false);
}

/// A logout the backend did not confirm: its message, and whether trying again may help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogoutFailure {
    pub message: String,
    pub retryable: bool,
}

/// Why the backend session may still be open after a logout (none once it is ended, or
/// when the backend says there is no session: 401).
fn logout_failure(result: Result<(), ApiError>) -> Option<LogoutFailure> {
    match result {
        Err(e) if !e.needs_login() => Some(LogoutFailure {
            message: e.message(),
            retryable: e.is_retryable(),
        }),
        _ => None,
    }
}

/// The session ended by itself while the user was on `path` (idle limit, or a 401):
/// keep the drafts for the same user's next login, forget the rest →
/// 「セッションがタイムアウトしました」. The session is ended on the backend too (best
/// effort: after the SPA's idle limit the backend may still hold it; after a 401 the
/// call is harmless), so the app and the backend agree that nobody is logged in.
pub fn session_lost(api: Api, auth: Auth, data: SessionDrafts, path: &str, reason: Option<String>) {
    let Some(owner) = auth.owner() else {
        return;
    };
    data.keep.run((owner, path.to_owned()));
    auth.ending.set(true);
    leptos::task::spawn_local(async move {
        let _ = api.logout(&new_idempotency_key()).await;
        auth.ending.set(false);
    });
    auth.state.set(AuthState::TimedOut { reason });
}

/// The idle limit of the logged-in session: its clock, and where it stands
/// (the warning dialog reads it). Provided by [`crate::shell::app::App`], ticked every second.
#[derive(Clone, Copy)]
pub struct Idle {
    clock: StoredValue<Option<IdleClock>>,
    watched: StoredValue<bool>,
    pub status: RwSignal<IdleStatus>,
}

impl Idle {
    pub fn new() -> Self {
        Self {
            clock: StoredValue::new(None),
            watched: StoredValue::new(false),
            status: RwSignal::new(IdleStatus::Active),
        }
    }

    fn now() -> f64 {
        js_sys::Date::now()
    }

    /// A session began now with this limit.
    pub fn start(&self, limit_secs: u32) {
        self.clock
            .set_value(Some(IdleClock::new(limit_secs, Self::now())));
        self.tick();
    }

    /// No session: nothing to watch.
    pub fn stop(&self) {
        self.clock.set_value(None);
        self.set_status(IdleStatus::Active);
    }

    /// The backend counted an activity of a request sent at `sent_at` (ms).
    pub fn touch(&self, sent_at: f64) {
        self.clock.update_value(|c| {
            if let Some(c) = c {
                c.touch(sent_at);
            }
        });
        self.tick();
    }

    /// Whether a screen of the logged-in frame is shown (only there can the warning
    /// dialog be shown, so only there may the limit end the session; a 「ヘルプ」 tab
    /// never does).
    pub fn watch(&self, shown: bool) {
        self.watched.set_value(shown);
        self.tick();
    }

    /// The backend gave the limit again (keep-alive).
    pub fn set_limit(&self, limit_secs: u32) {
        self.clock.update_value(|c| {
            if let Some(c) = c {
                c.set_limit(limit_secs);
            }
        });
        self.tick();
    }

    /// Where the session stands now (also set into [`Self::status`]).
    pub fn tick(&self) -> IdleStatus {
        let now = Self::now();
        let status = self
            .clock
            .with_value(|c| {
                c.filter(|_| self.watched.get_value())
                    .map(|c| c.status(now))
            })
            .unwrap_or(IdleStatus::Active);
        self.set_status(status);
        status
    }

    fn set_status(&self, status: IdleStatus) {
        if self.status.get_untracked() != status {
            self.status.set(status);
        }
    }
}

impl Default for Idle {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_idle() -> Idle {
    expect_context::<Idle>()
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
        let stored = crate::ui::dom::local_storage()
            .and_then(|s| s.get_item(TextSize::STORAGE_KEY).ok().flatten());
        let size = TextSize::parse(stored.as_deref());
        apply(size);
        Self(RwSignal::new(size))
    }

    /// Choose a size: apply and remember it.
    pub fn set(&self, size: TextSize) {
        self.0.set(size);
        apply(size);
        if let Some(s) = crate::ui::dom::local_storage() {
            let _ = s.set_item(TextSize::STORAGE_KEY, size.as_str());
        }
    }
}

pub fn use_text_size() -> TextSizePref {
    expect_context::<TextSizePref>()
}
