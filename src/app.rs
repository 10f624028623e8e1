//! The root component: contexts, the start-up session check, the router.

use crate::api::{Api, ApiError};
use crate::components::frame::PublicFrame;
use crate::components::notice::{Notice, Tone};
use crate::pages::company::fees::FeeState;
use crate::pages::company::CompanyState;
use crate::pages::password_change::LastPasswordChange;
use crate::pages::users::status::StatusState;
use crate::pages::users::UsersState;
use crate::routes::AppRoutes;
use crate::state::{Auth, AuthState, CertificateRefusal, Phase, TextSizePref};
use kanri_contract::api::ErrorCode;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::Router;

/// The application.
#[component]
pub fn App() -> impl IntoView {
    let api = Api::new();
    let auth = Auth::new();
    provide_context(api);
    provide_context(auth);
    provide_context(TextSizePref::load());
    provide_context(LastPasswordChange::default());
    let users = UsersState::new();
    provide_context(users);
    let company = CompanyState::new();
    provide_context(company);
    let fees = FeeState::new();
    provide_context(fees);
    let statuses = StatusState::new();
    provide_context(statuses);
    // Nothing entered or shown for one user survives their session: emptied when it
    // ends and again when the next one begins (an answer that arrived in between).
    Effect::new(move |previous: Option<Phase>| {
        let phase = auth.state.with(|s| s.phase());
        if phase != Phase::LoggedIn || previous != Some(Phase::LoggedIn) {
            users.reset();
            company.reset();
            fees.reset();
            statuses.reset();
        }
        phase
    });

    // A 401 on any call made while logged in ends the session in the app (→ login).
    api.set_on_unauthorized(Callback::new(move |e: ApiError| {
        if matches!(auth.state.get_untracked(), AuthState::LoggedIn(_)) {
            auth.logged_out(Some(e.message()));
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
            Ok(s) => auth.logged_in(s),
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

    view! {
        <Router>
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
                <AppRoutes />
            </ErrorBoundary>
        </Router>
    }
}
