//! セッションタイムアウト [BLGI003]: the session ended by itself (the idle limit, or the
//! backend ended it first).

use crate::components::frame::PublicFrame;
use crate::components::notice::{Notice, Tone};
use crate::components::title_bar::TitleBar;
use crate::logic::help;
use crate::logic::navigation::{login_url_returning_to, safe_next};
use crate::routes::paths;
use crate::state::{use_auth, use_user_data, AuthState};
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
    let kept = use_user_data().has_stash();
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
