//! 利用者管理 › 作業内容選択 [BRSK001].

use crate::components::title_bar::TitleBar;
use crate::logic::help;
use crate::logic::menu::USER_TASKS;
use crate::pages::menu_list::MenuGroups;
use leptos::prelude::*;

/// The tasks of 利用者管理, grouped as in the manual, filtered by the user's rights.
#[component]
pub fn UserTasksPage() -> impl IntoView {
    view! {
        <TitleBar screen=help::USER_TASKS />
        <MenuGroups groups=USER_TASKS />
    }
}
