//! 利用者管理 › 作業内容選択 [BRSK001].

use crate::components::title_bar::TitleBar;
use crate::logic::help;
use crate::logic::menu::{visible_groups, USER_TASKS};
use crate::pages::menu_list::MenuList;
use crate::state::use_auth;
use leptos::prelude::*;

/// The tasks of 利用者管理, grouped as in the manual, filtered by the user's rights.
#[component]
pub fn UserTasksPage() -> impl IntoView {
    let auth = use_auth();
    let groups = move || {
        auth.with_session(|s| visible_groups(USER_TASKS, |p| s.has(p)))
            .unwrap_or_default()
    };
    view! {
        <TitleBar screen=help::USER_TASKS />
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
    }
}
