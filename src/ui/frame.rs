//! The frame around every screen: header, global menu, main area; the public frame of
//! the screens without login. (The logged-in frame is the shell's.)

use crate::api::use_api;
use crate::kernel::paths::{self, in_section};
use crate::kernel::print::BANK_NAME;
use crate::ui::clock::Clock;
use crate::ui::session::{sign_off, use_auth, use_session_drafts};
use crate::ui::text_size::TextSizeToggle;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use stylers::style;

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
    let data = use_session_drafts();
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
