//! Screens that need a right: shown only to users who hold it.

use crate::kernel::help;
use crate::kernel::paths;
use crate::ui::notice::{Notice, Tone};
use crate::ui::session::use_auth;
use crate::ui::title_bar::TitleBar;
use kanri_contract::api::Permission;
use leptos::prelude::*;

/// Renders `children` only when the logged-in user holds `permission`; anyone else
/// (e.g. a 一般ユーザ who typed the URL) sees [BERR002] and no data is requested.
/// The backend refuses the calls too (403); this keeps the screen honest.
#[component]
pub fn RequirePermission(
    /// The right the screen needs.
    permission: Permission,
    /// The screen.
    children: ChildrenFn,
) -> impl IntoView {
    let auth = use_auth();
    let allowed = Memo::new(move |_| auth.with_session(|s| s.has(permission)) == Some(true));
    move || {
        if allowed.get() {
            children().into_any()
        } else {
            view! {
                <TitleBar screen=help::NOT_PERMITTED />
                <Notice tone=Tone::Error heading="この画面はご利用いただけません">
                    <p>
                        "この画面を利用する権限がありません。管理者権限が必要です。マスターユーザまたは管理者ユーザにお問い合わせください。"
                    </p>
                </Notice>
                <p>
                    <a href=paths::HOME>"ホームへ"</a>
                </p>
            }
            .into_any()
        }
    }
}
