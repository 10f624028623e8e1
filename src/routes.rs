//! Every screen's route, declared in one place.

use crate::components::frame::AppFrame;
use crate::pages::{
    business_select::BusinessSelectPage, help::HelpPage, home::HomePage, logged_out::LoggedOutPage,
    login::LoginPage, not_found::NotFoundPage, password_change::PasswordChangePage,
    password_change::PasswordChangedPage, user_tasks::UserTasksPage,
};
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Routes};
use leptos_router::path;

/// The URL of each screen. Links use these, never string literals.
pub mod paths {
    pub const LOGIN: &str = "/login";
    pub const LOGGED_OUT: &str = "/logged-out";
    pub const HOME: &str = "/home";
    /// 管理 › 業務選択 [BSSK001]
    pub const ADMIN: &str = "/admin";
    /// 利用者管理 › 作業内容選択 [BRSK001]
    pub const USER_TASKS: &str = "/admin/users";
    /// パスワード変更 [BRSK002]
    pub const PASSWORD_CHANGE: &str = "/admin/users/password";
    /// パスワード変更結果 [BRSK003]
    pub const PASSWORD_CHANGED: &str = "/admin/users/password/done";

    /// The help of a screen.
    pub fn help(screen_id: &str) -> String {
        format!("/help/{screen_id}")
    }
}

/// The route table.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFoundPage>
            <Route path=path!("/") view=|| view! { <Redirect path=paths::HOME /> } />
            <Route path=path!("/login") view=LoginPage />
            <Route path=path!("/logged-out") view=LoggedOutPage />
            <Route path=path!("/help/:id") view=HelpPage />
            <ParentRoute path=path!("") view=AppFrame>
                <Route path=path!("/home") view=HomePage />
                <Route path=path!("/admin") view=BusinessSelectPage />
                <Route path=path!("/admin/users") view=UserTasksPage />
                <Route path=path!("/admin/users/password") view=PasswordChangePage />
                <Route path=path!("/admin/users/password/done") view=PasswordChangedPage />
            </ParentRoute>
        </Routes>
    }
}

#[cfg(test)]
mod tests {
    use super::paths;

    #[test]
    fn paths_are_absolute_and_distinct() {
        let all = [
            paths::LOGIN,
            paths::LOGGED_OUT,
            paths::HOME,
            paths::ADMIN,
            paths::USER_TASKS,
            paths::PASSWORD_CHANGE,
            paths::PASSWORD_CHANGED,
        ];
        let mut sorted = all.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), all.len());
        assert!(all.iter().all(|p| p.starts_with('/') && !p.ends_with('/')));
        assert_eq!(paths::help("BLGI001"), "/help/BLGI001");
    }
}
