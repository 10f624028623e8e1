//! ページが見つかりません [BERR001].

use crate::kernel::help;
use crate::kernel::paths;
use crate::ui::frame::PublicFrame;
use crate::ui::title_bar::TitleBar;
use leptos::prelude::*;
use leptos_router::components::A;

/// Shown for any URL that is not a screen (outside the logged-in area).
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PublicFrame>
            <NotFoundBody />
        </PublicFrame>
    }
}

/// Shown inside the frame for a path of the logged-in area that is not a screen (the
/// header and the menus stay).
#[component]
pub fn NotFoundInFrame() -> impl IntoView {
    view! { <NotFoundBody /> }
}

/// The title, the explanation and the way back.
#[component]
fn NotFoundBody() -> impl IntoView {
    view! {
        <TitleBar screen=help::NOT_FOUND />
        <p>"お探しのページは見つかりませんでした。URLに誤りがないかご確認ください。"</p>
        <p>
            <A href=paths::HOME>"ホームへ"</A>
        </p>
    }
}
