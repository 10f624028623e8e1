//! 企業管理 › 作業内容選択 [BKGK004].

use crate::components::require::RequirePermission;
use crate::components::title_bar::TitleBar;
use crate::logic::help;
use crate::logic::menu::{visible_groups, COMPANY_TASKS};
use crate::pages::company::fees::use_fees;
use crate::pages::company::use_company;
use crate::pages::menu_list::MenuList;
use crate::state::use_auth;
use kanri_contract::api::Permission;
use leptos::prelude::*;

/// The tasks of 企業管理 (企業情報, 手数料情報), for holders of 管理者権限. Opening it
/// abandons a change in progress.
#[component]
pub fn CompanyTasksPage() -> impl IntoView {
    let auth = use_auth();
    use_company().draft.set(None);
    use_fees().draft.set(None);
    let groups = move || {
        auth.with_session(|s| visible_groups(COMPANY_TASKS, |p| s.has(p)))
            .unwrap_or_default()
    };
    view! {
        <RequirePermission permission=Permission::ManageCompany>
            <TitleBar screen=help::COMPANY_TASKS />
            <p>"作業内容を選択してください。"</p>
            {move || {
                groups()
                    .into_iter()
                    .map(|(heading, entries)| {
                        view! {
                            <section>
                                <h2>{heading}</h2>
                                <MenuList entries=entries />
                            </section>
                        }
                    })
                    .collect_view()
            }}
        </RequirePermission>
    }
}
