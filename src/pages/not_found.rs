//! ページが見つかりません [BERR001].

use crate::components::frame::PublicFrame;
use crate::components::title_bar::TitleBar;
use crate::logic::help;
use crate::routes::paths;
use leptos::prelude::*;
use leptos_router::components::A;

/// Shown for any URL that is not a screen.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PublicFrame>
            <TitleBar screen=help::NOT_FOUND />
            <p>"お探しのページは見つかりませんでした。URLに誤りがないかご確認ください。"</p>
            <p>
                <A href=paths::HOME>"ホームへ"</A>
            </p>
        </PublicFrame>
    }
}
