//! 企業管理 › 作業内容選択 [BKGK004].

use crate::features::company::fees::use_fees;
use crate::features::company::use_company;
use crate::kernel::help;
use crate::kernel::menu::COMPANY_TASKS;
use crate::ui::menu_list::MenuGroups;
use crate::ui::title_bar::TitleBar;
use leptos::prelude::*;

/// The tasks of 企業管理 (企業情報, 手数料情報), for holders of 管理者権限. Opening it
/// abandons a change in progress.
#[component]
pub fn CompanyTasksPage() -> impl IntoView {
    use_company().draft.set(None);
    use_fees().draft.set(None);
    view! {
        <TitleBar screen=help::COMPANY_TASKS />
        <MenuGroups groups=COMPANY_TASKS />
    }
}
