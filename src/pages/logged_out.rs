//! ログアウト [BLGI002].

use crate::components::frame::PublicFrame;
use crate::components::notice::{Notice, Tone};
use crate::components::title_bar::TitleBar;
use crate::logic::help;
use crate::routes::paths;
use leptos::prelude::*;
use leptos_router::components::A;

/// 「ログアウトしました」, advising to close every browser window (certificate sessions).
#[component]
pub fn LoggedOutPage() -> impl IntoView {
    view! {
        <PublicFrame>
            <TitleBar screen=help::LOGGED_OUT />
            <Notice tone=Tone::Success heading="ログアウトしました">
                <p>"ご利用ありがとうございました。"</p>
            </Notice>
            <p>
                "電子証明書をご利用のお客様は、セキュリティ保護のため、開いているすべてのブラウザを閉じてください。"
            </p>
            <p>
                <A href=paths::LOGIN>"ログイン画面へ"</A>
            </p>
        </PublicFrame>
    }
}
