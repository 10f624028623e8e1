//! 利用者管理 › 作業内容選択 [BRSK001].

use crate::features::users::status::use_statuses;
use crate::kernel::help;
use crate::kernel::menu::USER_TASKS;
use crate::ui::menu_list::MenuGroups;
use crate::ui::title_bar::TitleBar;
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
