//! The root component: contexts, the start-up session check, and the screen: the login
//! screen without the router, or the router's part (see [`crate::ui::navigator`]).

use crate::api::{Api, ApiError};
use crate::features::session::login::LoginPage;
use crate::kernel::idle::IdleStatus;
use crate::kernel::navigation::shown_without_router;
use crate::shell::part::{PartFrame, PartLoader};
use crate::shell::routes::{preload_logged_in_frame, preload_routed_app, routed_app};
use crate::shell::user_data::{session_drafts, UserData};
use crate::ui::frame::PublicFrame;
use crate::ui::navigator::{current_path, current_pathname, set_browser_url, Navigator};
use crate::ui::notice::{Notice, Tone};
use crate::ui::session::{
    begin_session, session_lost, Auth, AuthState, CertificateRefusal, Idle, Phase, TextSizePref,
};
use kanri_contract::api::ErrorCode;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// The application.
#[component]
pub fn App() -> impl IntoView {
    let api = Api::new();
    let auth = Auth::new();
    provide_context(api);
    provide_context(auth);
    provide_context(TextSizePref::load());
    let data = UserData::new();
    let drafts = session_drafts(data);
    provide_context(drafts);
    provide_context(data.users);
    provide_context(data.company);
    provide_context(data.fees);
    provide_context(data.statuses);
    provide_context(data.last_password_change);
    let idle = Idle::new();
    provide_context(idle);

    // Nothing entered or shown for one user survives their session: emptied when it
    // ends (and again when the next begins: `begin_session`). 「ログアウト」 also drops
    // what a session that ended by itself kept for its user. The idle limit is watched
    // while a session lasts.
    let phase = Memo::new(move |_| auth.state.with(|s| s.phase()));
    Effect::new(move |_| {
        let phase = phase.get();
        match phase {
            Phase::LoggedIn => {
                let limit = auth.with_session_untracked(|s| s.idle_timeout_secs);
                if let Some(limit) = limit {
                    idle.start(limit);
                }
            }
            _ => {
                data.clear();
                idle.stop();
                if phase == Phase::SignedOff {
                    data.drop_stash();
                }
            }
        }
    });

    // Every answer the backend counted as activity starts its idle limit again.
    api.set_on_activity(Callback::new(move |sent_at: f64| idle.touch(sent_at)));
    // The SPA's clock of the idle limit, each second: at its end the session is over
    // (ended on the backend too, best effort).
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if auth.state.with_untracked(|s| s.phase()) == Phase::LoggedIn
                && idle.tick() == IdleStatus::Expired
            {
                session_lost(api, auth, drafts, &current_path(), None);
            }
        },
        Duration::from_millis(1000),
    ) {
        on_cleanup(move || handle.clear());
    }

    // A 401 on any call made while logged in: the backend ended the session first. The
    // same screen as the idle limit (drafts kept for the same user); a 401 for another
    // cause than the idle limit brings the backend's message.
    api.set_on_unauthorized(Callback::new(move |e: ApiError| {
        if matches!(auth.state.get_untracked(), AuthState::LoggedIn(_)) {
            let reason = (e.code() != Some(ErrorCode::SessionExpired)).then(|| e.message());
            session_lost(api, auth, drafts, &current_path(), reason);
        }
    }));

    // A certificate refused mid-session (revoked, expired, another certificate): the
    // backend has ended the session; the frame shows why ([BLGI006]).
    let refusal = CertificateRefusal::default();
    provide_context(refusal);
    // A refusal belongs to the session it ended: a new login forgets it.
    Effect::new(move |_| {
        if auth.state.with(|s| s.phase()) == Phase::LoggedIn {
            refusal.0.set(None);
        }
    });
    api.set_on_certificate_refused(Callback::new(move |e: ApiError| {
        if matches!(auth.state.get_untracked(), AuthState::LoggedIn(_)) {
            let status = match &e {
                ApiError::Rejected(b) => b.certificate_status,
                _ => None,
            };
            refusal.0.set(Some(
                status.unwrap_or(kanri_contract::api::PresentedCertificateStatus::Unknown),
            ));
            auth.logged_out(None);
        }
    }));

    // Is there a session already (reload, new tab)?
    spawn_local(async move {
        match api.session().await {
            Ok(s) => {
                begin_session(auth, drafts, s);
            }
            Err(e) if e.needs_login() => auth.logged_out(None),
            // The session's certificate was refused (e.g. revoked meanwhile): say why.
            Err(ApiError::Rejected(b)) if b.code == ErrorCode::CertificateRefused => {
                refusal
                    .0
                    .set(Some(b.certificate_status.unwrap_or(
                        kanri_contract::api::PresentedCertificateStatus::Unknown,
                    )));
                auth.logged_out(None);
            }
            Err(e) => auth.state.set(AuthState::Unreachable(e)),
        }
    });

    // The login screen is shown without the router (see `crate::ui::navigator`); moving on
    // from it fetches the router's part, then shows it at the new URL.
    let routed = RwSignal::new(!shown_without_router(&current_pathname()));
    provide_context(Navigator::new(
        move |go| {
            spawn_local(async move {
                // A failure shows on the router's screen, which tries again.
                let _ = preload_routed_app().await;
                set_browser_url(&go.url, go.replace);
                routed.set(true);
            });
        },
        preload_logged_in_frame,
    ));

    view! {
        <ErrorBoundary fallback=|_| {
            view! {
                <PublicFrame>
                    <Notice tone=Tone::Error heading="エラーが発生しました">
                        <p>
                            "画面を表示できませんでした。お手数ですが、画面を再読み込みしてください。"
                        </p>
                    </Notice>
                </PublicFrame>
            }
        }>
            {move || {
                if routed.get() {
                    view! { <RoutedApp /> }.into_any()
                } else {
                    view! { <LoginPage /> }.into_any()
                }
            }}
        </ErrorBoundary>
    }
}

/// The router's part (every screen but the first download's login screen), with a
/// loading line while it is fetched and 「再試行」 if it cannot be.
#[component]
fn RoutedApp() -> impl IntoView {
    view! { <PartLoader load=|| Box::pin(routed_app()) frame=PartFrame::Public /> }
}
