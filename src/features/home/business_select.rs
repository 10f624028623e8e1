//! 管理 › 業務選択 [BSSK001].

use crate::kernel::help;
use crate::kernel::menu::{visible_entries, BUSINESSES};
use crate::ui::menu_list::MenuList;
use crate::ui::session::use_auth;
use crate::ui::title_bar::TitleBar;
use leptos::prelude::*;

/// The businesses of 管理 this user may use.
#[component]
pub fn BusinessSelectPage() -> impl IntoView {
    let auth = use_auth();
    let entries = move || {
        auth.with_session(|s| visible_entries(BUSINESSES, |p| s.has(p)))
            .unwrap_or_default()
    };
    view! {
        <TitleBar screen=help::BUSINESS_SELECT />
        <p>"ご利用になる業務を選択してください。"</p>
        {move || view! { <MenuList entries=entries() /> }}
    }
}
