//! The logged-in frame: header, global menu and the inner route table, and the moves a
//! change of the session's phase calls for.

use crate::kernel::certificate::status_key;
use crate::kernel::navigation::{login_url_returning_to, timed_out_url_returning_to, with_query};
use crate::kernel::paths;
use crate::shell::idle_dialog::{use_idle_warning, IdleDialog};
use crate::ui::frame::{GlobalMenu, MainArea, SiteHeader};
use crate::ui::notice::{Loading, Notice, Tone};
use crate::ui::session::{
    use_auth, use_idle, use_session_drafts, AuthState, CertificateRefusal, Phase,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use stylers::style;

/// The layout of every screen that needs a login. Sends a logged-out visitor to the
/// login screen (and back here afterwards), a user who must change the password to
/// that screen first, one who logged out to 「ログアウトしました」, and one whose session
/// ended by itself to 「セッションがタイムアウトしました」. Nothing of the screen is
/// rendered without a session (the browser's back button after a logout shows the
/// loading line, then the login screen). Holds the idle warning dialog.
#[component]
pub fn AppFrame(
    /// The screens inside the frame (the inner route table).
    children: ChildrenFn,
) -> impl IntoView {
    let children = StoredValue::new(children);
    let auth = use_auth();
    let location = use_location();
    let navigate = use_navigate();
    let refusal = expect_context::<CertificateRefusal>();
    let warning = use_idle_warning();
    let data = use_session_drafts();
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
                    {children.with_value(|c| c())}
                </MainArea>
            </div>
            <IdleDialog />
        </Show>
    }
}
