//! セッションタイムアウト [BLGI003]: the session ended by itself (the idle limit, or the
//! backend ended it first).

use crate::kernel::help;
use crate::kernel::navigation::{login_url_returning_to, safe_next};
use crate::kernel::paths;
use crate::ui::frame::PublicFrame;
use crate::ui::notice::{Notice, Tone};
use crate::ui::session::{use_auth, use_session_drafts, AuthState};
use crate::ui::title_bar::TitleBar;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// 「セッションがタイムアウトしました」, advising to log in again; 「ログイン画面へ」 returns
/// to the screen of `?next=` after the login. Shows nothing of the user.
#[component]
pub fn TimedOutPage() -> impl IntoView {
    let next = use_query_map().with_untracked(|q| safe_next(q.get("next").as_deref()));
    let login = next
        .as_deref()
        .map_or_else(|| paths::LOGIN.to_owned(), login_url_returning_to);
    let kept = use_session_drafts().has_kept.run(());
    // The backend's message when it ended the session for another cause than the
    // idle limit (a 401 other than `session_expired`).
    let ended_by_backend = use_auth().state.with_untracked(|s| match s {
        AuthState::TimedOut { reason } => reason.clone(),
        _ => None,
    });
    let (heading, text) = match ended_by_backend {
        Some(message) => ("セッションが終了しました", message),
        None => (
            "セッションがタイムアウトしました",
            "一定時間操作が行われなかったため、安全のためログアウトしました。お手数ですが、再度ログインしてください。".to_owned(),
        ),
    };
    view! {
        <PublicFrame>
            <TitleBar screen=help::TIMED_OUT />
            <Notice tone=Tone::Warning heading=heading>
                <p>{text}</p>
                {kept.then(|| view! {
                    <p>
                        "入力途中の内容は、この画面から同じ利用者で再度ログインすると復元されます。パスワードは保持していないため、再度入力してください。"
                    </p>
                })}
            </Notice>
            <p>
                <A href=login>"ログイン画面へ"</A>
            </p>
        </PublicFrame>
    }
}
