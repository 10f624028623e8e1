//! 利用者管理 › 作業内容選択 [BRSK001].

use crate::components::title_bar::TitleBar;
use crate::logic::help;
use crate::logic::menu::USER_TASKS;
use crate::pages::menu_list::MenuGroups;
use crate::pages::users::status::use_statuses;
use leptos::prelude::*;

/// The tasks of 利用者管理, grouped as in the manual, filtered by the user's rights.
/// Opening it abandons a 停止・解除 / authentication task in progress (its list opens
/// with nothing selected).
#[component]
pub fn UserTasksPage() -> impl IntoView {
    let statuses = use_statuses();
    statuses.selection.set(None);
    statuses.chosen.set(None);
    view! {
        <TitleBar screen=help::USER_TASKS />
        <MenuGroups groups=USER_TASKS />
    }
}
