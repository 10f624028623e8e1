//! The frame around every screen: header, global menu, main area.

use crate::api::use_api;
use crate::components::clock::Clock;
use crate::components::idle_dialog::{use_idle_warning, IdleDialog};
use crate::components::notice::{Loading, Notice, Tone};
use crate::components::text_size::TextSizeToggle;
use crate::logic::certificate::status_key;
use crate::logic::navigation::{login_url_returning_to, timed_out_url_returning_to, with_query};
use crate::routes::{in_section, paths, LoggedInRoutes};
use crate::state::{
    sign_off, use_auth, use_idle, use_user_data, AuthState, CertificateRefusal, Phase,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use stylers::style;

/// The bank, as the header and every printed page name it.
pub const BANK_NAME: &str = "みなと銀行";

/// The header: bank name, and for a logged-in user 「{利用者名} 様」, the ticking
/// date-time and 「ログアウト」; 文字サイズ always.
#[component]
pub fn SiteHeader(
    /// Show the user's name, the clock and the logout button.
    #[prop(default = false)]
    with_user: bool,
) -> impl IntoView {
    let auth = use_auth();
    let api = use_api();
    let data = use_user_data();
    // Whatever the backend says, the app forgets the user (and any stash).
    let logout = Action::new_local(move |_: &()| sign_off(api, auth, data));
    let class = style! {
        .site-header {
            background: var(--color-brand);
            color: var(--color-surface);
        }
        .skip-link {
            position: absolute;
            left: -999rem;
        }
        .skip-link:focus {
            position: static;
            display: inline-block;
            padding: 0.5rem;
            background: var(--color-focus);
            color: var(--color-text);
        }
        .header-inner {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            justify-content: space-between;
            gap: 0.5rem 1.5rem;
            max-width: var(--content-width);
            margin: 0 auto;
            padding: 0.75rem 1rem;
        }
        .bank {
            margin: 0;
            font-size: 1.25rem;
            font-weight: bold;
            letter-spacing: 0.05rem;
        }
        .bank-sub {
            display: block;
            font-size: 0.75rem;
            font-weight: normal;
        }
        .header-tools {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            gap: 0.5rem 1.25rem;
        }
        .user-name {
            font-weight: bold;
        }
        .logout {
            min-height: 2.25rem;
            padding: 0.25rem 1rem;
            border: 2px solid var(--color-surface);
            border-radius: 4px;
            background: transparent;
            color: var(--color-surface);
            font-weight: bold;
            cursor: pointer;
        }
        .logout:hover {
            background: var(--color-brand-dark);
        }
    };
    view! { class = class,
        <header class="site-header">
            <a class="skip-link" href="#main">"本文へスキップ"</a>
            <div class="header-inner">
                <p class="bank">
                    {BANK_NAME}
                    <span class="bank-sub">"法人インターネットバンキング"</span>
                </p>
                <div class="header-tools">
                    {with_user
                        .then(|| {
                            view! { class = class,
                                <span class="user-name">
                                    {move || auth.with_session(|s| format!("{} 様", s.user.name))}
                                </span>
                                <Clock />
                            }
                        })}
                    <TextSizeToggle />
                    {with_user
                        .then(|| {
                            view! { class = class,
                                <button
                                    type="button"
                                    class="logout"
                                    disabled=move || logout.pending().get()
                                    on:click=move |_| {
                                        logout.dispatch(());
                                    }
                                >
                                    "ログアウト"
                                </button>
                            }
                        })}
                </div>
            </div>
        </header>
    }
}

/// 「ホーム」「管理」: the parts of the service this product implements. The current one
/// has `aria-current="page"`. (Plain links: the router handles their clicks, and the
/// scoped styles reach them.)
#[component]
pub fn GlobalMenu() -> impl IntoView {
    let location = use_location();
    let current = move |section: &'static str| {
        move || in_section(&location.pathname.read(), section).then_some("page")
    };
    let class = style! {
        .global-menu {
            background: var(--color-brand-tint);
            border-bottom: 1px solid var(--color-border);
        }
        .global-menu ul {
            display: flex;
            flex-wrap: wrap;
            max-width: var(--content-width);
            margin: 0 auto;
            padding: 0 1rem;
            list-style: none;
        }
        .global-menu a {
            display: block;
            padding: 0.75rem 1.5rem;
            color: var(--color-brand);
            font-weight: bold;
            text-decoration: none;
            border-bottom: 4px solid transparent;
        }
        .global-menu a:hover {
            text-decoration: underline;
        }
        .global-menu a[aria-current="page"] {
            border-bottom-color: var(--color-brand);
            background: var(--color-surface);
        }
    };
    view! { class = class,
        <nav class="global-menu" aria-label="グローバルメニュー">
            <ul>
                <li>
                    <a href=paths::HOME aria-current=current(paths::HOME)>
                        "ホーム"
                    </a>
                </li>
                <li>
                    <a href=paths::ADMIN aria-current=current(paths::ADMIN)>
                        "管理"
                    </a>
                </li>
            </ul>
        </nav>
    }
}

/// The main content area.
#[component]
pub fn MainArea(
    /// The screen.
    children: Children,
) -> impl IntoView {
    let class = style! {
        .main {
            max-width: var(--content-width);
            margin: 0 auto;
            padding: 1.5rem 1rem 3rem;
        }
    };
    view! { class = class,
        <main class="main" id="main" tabindex="-1">
            {children()}
        </main>
    }
}

/// The layout of every screen that needs a login. Sends a logged-out visitor to the
/// login screen (and back here afterwards), a user who must change the password to
/// that screen first, one who logged out to 「ログアウトしました」, and one whose session
/// ended by itself to 「セッションがタイムアウトしました」. Nothing of the screen is
/// rendered without a session (the browser's back button after a logout shows the
/// loading line, then the login screen). Holds the idle warning dialog.
#[component]
pub fn AppFrame() -> impl IntoView {
    let auth = use_auth();
    let location = use_location();
    let navigate = use_navigate();
    let refusal = expect_context::<CertificateRefusal>();
    let warning = use_idle_warning();
    let data = use_user_data();
    // The idle limit is watched while a screen of this frame is shown.
    let idle = use_idle();
    idle.watch(true);
    on_cleanup(move || idle.watch(false));
    // 「入力途中の内容を復元しました」 stays until the user moves to another screen.
    Effect::new(move |first: Option<String>| {
        let path = location.pathname.get();
        match first {
            Some(first) if first != path => {
                if data.restored.get_untracked().is_some() {
                    data.restored.set(None);
                }
                first
            }
            Some(first) => first,
            None => path,
        }
    });
    let phase = Memo::new(move |_| auth.state.read().phase());
    let must_change = Memo::new(move |_| {
        auth.with_session(|s| s.must_change_password)
            .unwrap_or(false)
    });
    // The previous phase tells a logout just now (→ 「ログアウトしました」) from a visit
    // after it (→ login).
    Effect::new(move |previous: Option<Phase>| {
        let replace = NavigateOptions {
            replace: true,
            ..Default::default()
        };
        let now = phase.get();
        match now {
            // Already there (own certificate revoked: `?reason=` must stay): nothing to do.
            Phase::SignedOff
                if previous == Some(Phase::LoggedIn)
                    && location.pathname.get_untracked() == paths::LOGGED_OUT => {}
            Phase::SignedOff if previous == Some(Phase::LoggedIn) => {
                navigate(paths::LOGGED_OUT, replace)
            }
            Phase::LoggedOut if refusal.0.get_untracked().is_some() => {
                let status = refusal.0.get_untracked();
                refusal.0.set(None);
                if let Some(status) = status {
                    navigate(
                        &format!(
                            "{}?status={}",
                            paths::CERTIFICATE_REFUSED,
                            status_key(status)
                        ),
                        replace,
                    );
                }
            }
            // The session ended by itself on this screen just now.
            Phase::TimedOut if previous == Some(Phase::LoggedIn) => navigate(
                &timed_out_url_returning_to(&with_query(
                    &location.pathname.get_untracked(),
                    &location.search.get_untracked(),
                )),
                replace,
            ),
            Phase::LoggedOut | Phase::SignedOff | Phase::TimedOut => navigate(
                &login_url_returning_to(&location.pathname.get_untracked()),
                replace,
            ),
            Phase::LoggedIn if must_change.get() => {
                let path = location.pathname.get();
                if path != paths::PASSWORD_CHANGE && path != paths::PASSWORD_CHANGED {
                    navigate(paths::PASSWORD_CHANGE, replace);
                }
            }
            _ => {}
        }
        now
    });
    let shell = style! {
        .app-shell {
            display: contents;
        }
    };
    let unreachable = move || match auth.state.get() {
        AuthState::Unreachable(e) => Some(e.message()),
        _ => None,
    };
    view! {
        <Show
            when=move || phase.get() == Phase::LoggedIn
            fallback=move || {
                view! {
                    <SiteHeader />
                    <MainArea>
                        {move || match unreachable() {
                            Some(message) => {
                                view! {
                                    <Notice tone=Tone::Error heading="サーバーに接続できません">
                                        <p>{message}</p>
                                        <button
                                            type="button"
                                            class="btn"
                                            on:click=|_| {
                                                if let Some(w) = web_sys::window() {
                                                    let _ = w.location().reload();
                                                }
                                            }
                                        >
                                            "再読み込み"
                                        </button>
                                    </Notice>
                                }
                                    .into_any()
                            }
                            None => view! { <Loading /> }.into_any(),
                        }}
                    </MainArea>
                }
            }
        >
            // While the idle warning is open, the page behind it is inert.
            <div class=format!("{shell} app-shell") inert=move || warning.get()>
                <SiteHeader with_user=true />
                <Show when=move || !must_change.get()>
                    <GlobalMenu />
                </Show>
                <MainArea>
                    {move || data.restored.get().map(|passwords_dropped| view! {
                        <Notice tone=Tone::Info heading="入力途中の内容を復元しました">
                            <p>"セッションが終了する前に入力していた内容を表示しています。"</p>
                            {passwords_dropped.then(|| view! {
                                <p>"お客様の安全のため、パスワードは保持していません。利用者基本情報の画面でパスワードを再度入力してください（内容確認へ進む前にご案内します）。"</p>
                            })}
                        </Notice>
                    })}
                    <LoggedInRoutes />
                </MainArea>
            </div>
            <IdleDialog />
        </Show>
    }
}

/// The layout of screens without login (login, logged out, help, not found).
#[component]
pub fn PublicFrame(
    /// The screen.
    children: Children,
) -> impl IntoView {
    view! {
        <SiteHeader />
        <MainArea>{children()}</MainArea>
    }
}
