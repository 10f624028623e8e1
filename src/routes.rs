//! Every screen's route, declared in one place.
//!
//! The router and both route tables are in a WebAssembly part of their own
//! ([`routed_app`]), not in the first download: the login screen at [`paths::LOGIN`] is
//! shown by `App` without them (the same `LoginPage` the table's `/login` route shows
//! later, e.g. after a logout), and moves on through [`crate::navigator`]. Any other URL
//! loads this part at once.
//!
//! Two tables. [`AppRoutes`] holds the login screen, セッションタイムアウト, and one route
//! each for ログアウト, ヘルプ, 証明書エラー, not found and the whole logged-in area
//! ([`LoggedInArea`]). [`LoggedInRoutes`], rendered by the frame, holds the screens of that
//! area. Every route but ログイン and セッションタイムアウト is a [`Lazy`] route declared
//! with `screen_part!`: `scripts/build-spa.sh` cuts each one out into its own WebAssembly
//! part (code two parts share goes into a shared chunk), fetched the first time the screen
//! is shown; a part that cannot be fetched shows 「画面を表示できませんでした」 with
//! 「再試行」 ([`crate::components::part`]). The inner table's matching code is in the
//! frame's part. [`preload_logged_in_frame`] fetches the
//! router's part, the frame and ホーム early.

use crate::components::frame::AppFrame;
use crate::components::part::{part_view, PartFrame};
use crate::navigator::Navigator;
use crate::pages::certificate::{CertificateRefusedPage, CertificateRenewalPage};
use crate::pages::company::fees::{FeeConfirmPage, FeeDonePage, FeeEditPage, FeeViewPage};
use crate::pages::company::{
    confirm::CompanyConfirmPage, done::CompanyDonePage, edit::CompanyEditPage,
    tasks::CompanyTasksPage, view::CompanyViewPage,
};
use crate::pages::history::HistoryPage;
use crate::pages::users::certificates::{
    CertRevokeConfirmPage, CertRevokeListPage, CertRevokedPage,
};
use crate::pages::users::status::{StatusConfirmPage, StatusDonePage, StatusListPage};
use crate::pages::users::wizard::{
    accounts::UserAccountsPage, basics::UserBasicsPage, confirm::UserConfirmPage,
    done::UserDonePage, rights::UserRightsPage,
};
use crate::pages::users::{
    delete::UserDeletePage, delete::UserDeletedPage, list::UserListPage, view::UserViewPage,
};
use crate::pages::{
    business_select::BusinessSelectPage, help::HelpPage, home::HomePage, logged_out::LoggedOutPage,
    login::LoginPage, not_found::NotFoundInFrame, not_found::NotFoundPage,
    password_change::PasswordChangePage, password_change::PasswordChangedPage,
    timed_out::TimedOutPage, user_tasks::UserTasksPage,
};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::hooks::use_navigate;
use leptos_router::{path, NavigateOptions};
use leptos_router::{Lazy, LazyRoute, PartialPathMatch, PathSegment, PossibleRouteMatch};

/// The URL of each screen. Links use these, never string literals.
pub mod paths {
    pub const LOGIN: &str = "/login";
    pub const LOGGED_OUT: &str = "/logged-out";
    /// セッションタイムアウト [BLGI003] (`?next=` the screen the session ended on).
    pub const TIMED_OUT: &str = "/timed-out";
    pub const HOME: &str = "/home";
    /// 管理 › 業務選択 [BSSK001]
    pub const ADMIN: &str = "/admin";
    /// 利用者管理 › 作業内容選択 [BRSK001]
    pub const USER_TASKS: &str = "/admin/users";
    /// パスワード変更 [BRSK002]
    pub const PASSWORD_CHANGE: &str = "/admin/users/password";
    /// パスワード変更結果 [BRSK003]
    pub const PASSWORD_CHANGED: &str = "/admin/users/password/done";

    /// 利用者一覧 [BRSK005]
    pub const USER_LIST: &str = "/admin/users/list";
    /// 利用者登録 [BRSK006–BRSK010]: `/admin/users/new/{step}`.
    pub const USER_NEW: &str = "/admin/users/new";

    /// A step of the registration wizard (`basic`, `rights`, `accounts`, `confirm`, `done`).
    pub fn user_new(step: &str) -> String {
        format!("{USER_NEW}/{step}")
    }

    /// 利用者照会 [BRSK011].
    pub fn user_view(login_id: &str) -> String {
        format!("/admin/users/u/{}", encode(login_id))
    }

    /// A step of 利用者変更 [BRSK012–BRSK015, BRSK021].
    pub fn user_edit(login_id: &str, step: &str) -> String {
        format!("/admin/users/u/{}/edit/{step}", encode(login_id))
    }

    /// 利用者削除確認 [BRSK022].
    pub fn user_delete(login_id: &str) -> String {
        format!("/admin/users/u/{}/delete", encode(login_id))
    }

    /// 利用者削除結果 [BRSK023].
    pub fn user_deleted(login_id: &str) -> String {
        format!("/admin/users/u/{}/delete/done", encode(login_id))
    }

    /// Login IDs are 半角英数字; anything else is escaped so a path stays a path.
    fn encode(s: &str) -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_string()
                } else {
                    let mut b = [0; 4];
                    c.encode_utf8(&mut b)
                        .bytes()
                        .map(|x| format!("%{x:02X}"))
                        .collect()
                }
            })
            .collect()
    }

    /// 証明書更新選択 [BLGI005].
    pub const CERTIFICATE_RENEWAL: &str = "/certificate/renewal";
    /// 電子証明書を確認できません [BLGI006] (`?status=revoked|expired|unknown|valid`).
    pub const CERTIFICATE_REFUSED: &str = "/certificate/refused";
    /// 証明書失効 利用者一覧 [BRSK018].
    pub const CERT_REVOKE_LIST: &str = "/admin/users/certificates";

    /// 証明書失効確認 [BRSK019].
    pub fn cert_revoke(login_id: &str) -> String {
        format!("/admin/users/certificates/{}", encode(login_id))
    }

    /// 証明書失効結果 [BRSK020].
    pub fn cert_revoked(login_id: &str) -> String {
        format!("/admin/users/certificates/{}/done", encode(login_id))
    }

    /// 企業管理 › 作業内容選択 [BKGK004].
    pub const COMPANY_TASKS: &str = "/admin/company";
    /// 企業情報照会 [BKGK005].
    pub const COMPANY_VIEW: &str = "/admin/company/info";
    /// 企業情報変更 [BKGK001].
    pub const COMPANY_EDIT: &str = "/admin/company/info/edit";
    /// 企業情報変更確認 [BKGK002].
    pub const COMPANY_CONFIRM: &str = "/admin/company/info/edit/confirm";
    /// 企業情報変更結果 [BKGK003].
    pub const COMPANY_DONE: &str = "/admin/company/info/edit/done";

    /// 手数料照会 / 変更 of each table (menu entries need constants; they equal
    /// [`fees_view`] and [`fees_step`]`(…, "edit")`).
    pub const FEES_PAYEE_TRANSFER: &str = "/admin/company/fees/payee-transfer";
    pub const FEES_PAYEE_TRANSFER_EDIT: &str = "/admin/company/fees/payee-transfer/edit";
    pub const FEES_PAYEE_BULK: &str = "/admin/company/fees/payee-bulk";
    pub const FEES_PAYEE_BULK_EDIT: &str = "/admin/company/fees/payee-bulk/edit";
    pub const FEES_PAYER_BULK: &str = "/admin/company/fees/payer-bulk";
    pub const FEES_PAYER_BULK_EDIT: &str = "/admin/company/fees/payer-bulk/edit";

    /// 手数料照会 of one table: `/admin/company/fees/{slug}`.
    pub fn fees_view(table: kanri_contract::fees::FeeTable) -> String {
        format!("/admin/company/fees/{}", table.slug())
    }

    /// A step of 手数料の変更 (`edit`, `confirm`, `done`).
    pub fn fees_step(table: kanri_contract::fees::FeeTable, step: &str) -> String {
        format!("/admin/company/fees/{}/{step}", table.slug())
    }

    /// 操作履歴照会 [BSRR001]; the search is in the query (`logic::history::href`).
    pub const HISTORY: &str = "/admin/history";

    /// The lists of 利用者停止・解除 [BRSK016] and the additional authentications' tasks
    /// (menu entries need constants; each equals [`status_list`] of its task).
    pub const STATUS_SERVICE: &str = "/admin/users/status/service";
    pub const STATUS_OTP_UNLOCK: &str = "/admin/users/status/otp-unlock";
    pub const STATUS_OTP_REVOKE: &str = "/admin/users/status/otp-revoke";
    pub const STATUS_TRANSACTION_UNLOCK: &str = "/admin/users/status/transaction-unlock";
    pub const STATUS_TRANSACTION_REVOKE: &str = "/admin/users/status/transaction-revoke";
    pub const STATUS_RISK_UNLOCK: &str = "/admin/users/status/risk-unlock";
    pub const STATUS_RISK_RESET: &str = "/admin/users/status/risk-reset";

    /// The list of a task: `/admin/users/status/{task}`.
    pub fn status_list(task: kanri_contract::user_status::StatusTask) -> String {
        format!("/admin/users/status/{}", task.slug())
    }

    /// A later screen of a task (`confirm`, `done`).
    pub fn status_step(task: kanri_contract::user_status::StatusTask, step: &str) -> String {
        format!("/admin/users/status/{}/{step}", task.slug())
    }

    /// The help of a screen.
    pub fn help(screen_id: &str) -> String {
        format!("/help/{screen_id}")
    }
}

/// The router with every route: its own WebAssembly part, fetched on first use (an
/// `Err` when it cannot be fetched; a later call tries again).
#[wasm_split(
    routed_app,
    wasm_split_path = ::leptos::wasm_split,
    preload(preload_routed_app),
    fallible
)]
pub fn routed_app() -> Result<AnyView, SplitLoaderError> {
    Ok(view! {
        <Router>
            <RouterNavigator>
                <AppRoutes />
            </RouterNavigator>
        </Router>
    }
    .into_any())
}

/// Gives the screens inside the router the router's navigation as their [`Navigator`].
#[component]
pub fn RouterNavigator(
    /// The route table.
    children: Children,
) -> impl IntoView {
    let navigate = use_navigate();
    provide_context(Navigator::new(move |go| {
        navigate(
            &go.url,
            NavigateOptions {
                replace: go.replace,
                ..Default::default()
            },
        )
    }));
    children()
}

/// The outer route table: the screens without login, and the logged-in
/// area ([`LoggedInArea`]) as one route whose part holds the frame and
/// [`LoggedInRoutes`]. Moving between two screens of the area keeps the frame; only the
/// inner table's screen changes.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=|| ()>
            <Route path=path!("/") view=|| view! { <Redirect path=paths::HOME /> } />
            <Route path=path!("/login") view=LoginPage />
            <Route path=path!("/logged-out") view={Lazy::<LoggedOutRoute>::new()} />
            <Route path=path!("/timed-out") view=TimedOutPage />
            <Route path=path!("/help/:id") view={Lazy::<HelpRoute>::new()} />
            <Route path=path!("/certificate/refused") view={Lazy::<CertificateRefusedRoute>::new()} />
            <Route path=LoggedInArea view={Lazy::<AppFrameRoute>::new()} />
            // Any other URL: 「ページが見つかりません」 (last: routes match in this order).
            <Route path=path!("/*any") view={Lazy::<NotFoundRoute>::new()} />
        </Routes>
    }
}

/// The screens inside the frame, rendered by `AppFrame` (so this table, like the frame,
/// is in the frame's part, not in the first download). Paths are whole paths; a path of
/// the area that is no screen shows 「ページが見つかりません」 inside the frame.
#[component]
pub fn LoggedInRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFoundInFrame>
        <Route path=path!("/home") view={Lazy::<HomeRoute>::new()} />
        <Route path=path!("/certificate/renewal") view={Lazy::<CertificateRenewalRoute>::new()} />
        <Route path=path!("/admin") view={Lazy::<BusinessSelectRoute>::new()} />
        <Route path=path!("/admin/users") view={Lazy::<UserTasksRoute>::new()} />
        <Route path=path!("/admin/users/password") view={Lazy::<PasswordChangeRoute>::new()} />
        <Route path=path!("/admin/users/password/done") view={Lazy::<PasswordChangedRoute>::new()} />
        <Route path=path!("/admin/users/list") view={Lazy::<UserListRoute>::new()} />
        <Route path=path!("/admin/users/u/:login_id") view={Lazy::<UserViewRoute>::new()} />
        <Route path=path!("/admin/users/u/:login_id/delete") view={Lazy::<UserDeleteRoute>::new()} />
        <Route path=path!("/admin/users/u/:login_id/delete/done") view={Lazy::<UserDeletedRoute>::new()} />
        <Route path=path!("/admin/users/new/basic") view={Lazy::<UserBasicsNewRoute>::new()} />
        <Route path=path!("/admin/users/new/rights") view={Lazy::<UserRightsNewRoute>::new()} />
        <Route path=path!("/admin/users/new/accounts") view={Lazy::<UserAccountsNewRoute>::new()} />
        <Route path=path!("/admin/users/new/confirm") view={Lazy::<UserConfirmNewRoute>::new()} />
        <Route path=path!("/admin/users/new/done") view={Lazy::<UserDoneNewRoute>::new()} />
        <Route path=path!("/admin/users/u/:login_id/edit/basic") view={Lazy::<UserBasicsChangeRoute>::new()} />
        <Route path=path!("/admin/users/u/:login_id/edit/rights") view={Lazy::<UserRightsChangeRoute>::new()} />
        <Route path=path!("/admin/users/u/:login_id/edit/accounts") view={Lazy::<UserAccountsChangeRoute>::new()} />
        <Route path=path!("/admin/users/u/:login_id/edit/confirm") view={Lazy::<UserConfirmChangeRoute>::new()} />
        <Route path=path!("/admin/users/u/:login_id/edit/done") view={Lazy::<UserDoneChangeRoute>::new()} />
        <Route path=path!("/admin/users/certificates") view={Lazy::<CertRevokeListRoute>::new()} />
        <Route path=path!("/admin/users/certificates/:login_id") view={Lazy::<CertRevokeConfirmRoute>::new()} />
        <Route path=path!("/admin/users/certificates/:login_id/done") view={Lazy::<CertRevokedRoute>::new()} />
        <Route path=path!("/admin/users/status/:task") view={Lazy::<StatusListRoute>::new()} />
        <Route path=path!("/admin/users/status/:task/confirm") view={Lazy::<StatusConfirmRoute>::new()} />
        <Route path=path!("/admin/users/status/:task/done") view={Lazy::<StatusDoneRoute>::new()} />
        <Route path=path!("/admin/company") view={Lazy::<CompanyTasksRoute>::new()} />
        <Route path=path!("/admin/company/info") view={Lazy::<CompanyViewRoute>::new()} />
        <Route path=path!("/admin/company/info/edit") view={Lazy::<CompanyEditRoute>::new()} />
        <Route path=path!("/admin/company/info/edit/confirm") view={Lazy::<CompanyConfirmRoute>::new()} />
        <Route path=path!("/admin/company/info/edit/done") view={Lazy::<CompanyDoneRoute>::new()} />
        <Route path=path!("/admin/company/fees/:table") view={Lazy::<FeeViewRoute>::new()} />
        <Route path=path!("/admin/company/fees/:table/edit") view={Lazy::<FeeEditRoute>::new()} />
        <Route path=path!("/admin/company/fees/:table/confirm") view={Lazy::<FeeConfirmRoute>::new()} />
        <Route path=path!("/admin/company/fees/:table/done") view={Lazy::<FeeDoneRoute>::new()} />
        <Route path=path!("/admin/history") view={Lazy::<HistoryRoute>::new()} />
        </Routes>
    }
}

/// The sections of the logged-in area: a path is in the area when it is one of them or
/// lies below one (whole segments: `/administrator` is not).
pub const LOGGED_IN_SECTIONS: [&str; 3] = [paths::HOME, paths::ADMIN, paths::CERTIFICATE_RENEWAL];

/// Whether `path` (no query) is `section` or below it, by whole segments.
pub fn in_section(path: &str, section: &str) -> bool {
    path.strip_prefix(section)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Whether `path` (no query) belongs to the logged-in area.
pub fn in_logged_in_area(path: &str) -> bool {
    LOGGED_IN_SECTIONS
        .iter()
        .any(|section| in_section(path, section))
}

/// The outer table's one route for the whole logged-in area: matches every path of
/// [`LOGGED_IN_SECTIONS`] as a whole, without parameters, so that the outer router sees
/// the same route (and keeps the frame) for every screen of the area.
#[derive(Debug, Clone, Copy)]
pub struct LoggedInArea;

impl PossibleRouteMatch for LoggedInArea {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        in_logged_in_area(path).then(|| PartialPathMatch::new("", Vec::new(), path))
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        path.push(PathSegment::Splat("screen".into()));
    }
}

/// A route whose screen is a WebAssembly part of its own: `$route` is a [`LazyRoute`]
/// whose view is `$view`, cut out by `scripts/build-spa.sh` at the split point `$part`
/// (the file `split_$part.wasm`). The router waits for the part before it shows the
/// screen; a part that cannot be fetched shows 「画面を表示できませんでした」 with
/// 「再試行」 in its place (`$frame`: where; see [`crate::components::part`]).
macro_rules! screen_part {
    ($(#[$doc:meta])* $route:ident in $part:ident, $frame:ident: $view:expr) => {
        $(#[$doc])*
        pub struct $route;

        mod $part {
            use super::*;

            /// Builds the screen (after fetching its part: an `Err` when it cannot be).
            #[wasm_split($part, wasm_split_path = ::leptos::wasm_split, preload(preload), fallible)]
            pub fn view() -> Result<AnyView, SplitLoaderError> {
                Ok($view.into_any())
            }
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_this: Self) -> AnyView {
                part_view($part::view().await, PartFrame::$frame, || Box::pin($part::view()))
            }

            async fn preload() {
                // A failure shows when the screen is opened.
                let _ = $part::preload().await;
            }
        }
    };
}

screen_part! {
    /// The frame of every screen after login (`AppFrame`).
    AppFrameRoute in app_frame_part, Public: view! { <AppFrame /> }
}

screen_part! {
    /// `LoggedOutPage` (shown once per session, after 「ログアウト」: not in the first download).
    LoggedOutRoute in logged_out_part, Public: view! { <LoggedOutPage /> }
}

screen_part! {
    /// `NotFoundPage` (any URL that is no screen).
    NotFoundRoute in not_found_part, Public: view! { <NotFoundPage /> }
}

screen_part! {
    /// `HelpPage`.
    HelpRoute in help_part, Public: view! { <HelpPage /> }
}

screen_part! {
    /// `CertificateRefusedPage`.
    CertificateRefusedRoute in certificate_refused_part, Public: view! { <CertificateRefusedPage /> }
}

/// Starts fetching the parts a login needs next (the router, the frame and ホーム), once per page
/// load: called when the user starts on the login form, so the first download stays
/// what the login screen needs and the screen after 「ログイン」 does not wait for them.
pub fn preload_logged_in_frame() {
    thread_local! {
        static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async {
        // Not fetched now: fetched again on use, where a failure is shown.
        if preload_routed_app().await.is_err() {
            return;
        }
        AppFrameRoute::preload().await;
        HomeRoute::preload().await;
    });
}

// Every screen of the logged-in frame is split out of the first download (see the module
// documentation): the wrappers below are the split points, one per route.

screen_part! {
    /// `HomePage`.
    HomeRoute in home_part, Inner: view! { <HomePage /> }
}

screen_part! {
    /// `CertificateRenewalPage`.
    CertificateRenewalRoute in certificate_renewal_part, Inner: view! { <CertificateRenewalPage /> }
}

screen_part! {
    /// `BusinessSelectPage`.
    BusinessSelectRoute in business_select_part, Inner: view! { <BusinessSelectPage /> }
}

screen_part! {
    /// `UserTasksPage`.
    UserTasksRoute in user_tasks_part, Inner: view! { <UserTasksPage /> }
}

screen_part! {
    /// `PasswordChangePage`.
    PasswordChangeRoute in password_change_part, Inner: view! { <PasswordChangePage /> }
}

screen_part! {
    /// `PasswordChangedPage`.
    PasswordChangedRoute in password_changed_part, Inner: view! { <PasswordChangedPage /> }
}

screen_part! {
    /// `UserListPage`.
    UserListRoute in user_list_part, Inner: view! { <UserListPage /> }
}

screen_part! {
    /// `UserViewPage`.
    UserViewRoute in user_view_part, Inner: view! { <UserViewPage /> }
}

screen_part! {
    /// `UserDeletePage`.
    UserDeleteRoute in user_delete_part, Inner: view! { <UserDeletePage /> }
}

screen_part! {
    /// `UserDeletedPage`.
    UserDeletedRoute in user_deleted_part, Inner: view! { <UserDeletedPage /> }
}

screen_part! {
    /// `UserBasicsPage` (利用者登録).
    UserBasicsNewRoute in user_basics_new_part, Inner: view! { <UserBasicsPage change=false /> }
}

screen_part! {
    /// `UserRightsPage` (利用者登録).
    UserRightsNewRoute in user_rights_new_part, Inner: view! { <UserRightsPage change=false /> }
}

screen_part! {
    /// `UserAccountsPage` (利用者登録).
    UserAccountsNewRoute in user_accounts_new_part, Inner: view! { <UserAccountsPage change=false /> }
}

screen_part! {
    /// `UserConfirmPage` (利用者登録).
    UserConfirmNewRoute in user_confirm_new_part, Inner: view! { <UserConfirmPage change=false /> }
}

screen_part! {
    /// `UserDonePage` (利用者登録).
    UserDoneNewRoute in user_done_new_part, Inner: view! { <UserDonePage change=false /> }
}

screen_part! {
    /// `UserBasicsPage` (利用者変更).
    UserBasicsChangeRoute in user_basics_change_part, Inner: view! { <UserBasicsPage change=true /> }
}

screen_part! {
    /// `UserRightsPage` (利用者変更).
    UserRightsChangeRoute in user_rights_change_part, Inner: view! { <UserRightsPage change=true /> }
}

screen_part! {
    /// `UserAccountsPage` (利用者変更).
    UserAccountsChangeRoute in user_accounts_change_part, Inner: view! { <UserAccountsPage change=true /> }
}

screen_part! {
    /// `UserConfirmPage` (利用者変更).
    UserConfirmChangeRoute in user_confirm_change_part, Inner: view! { <UserConfirmPage change=true /> }
}

screen_part! {
    /// `UserDonePage` (利用者変更).
    UserDoneChangeRoute in user_done_change_part, Inner: view! { <UserDonePage change=true /> }
}

screen_part! {
    /// `CertRevokeListPage`.
    CertRevokeListRoute in cert_revoke_list_part, Inner: view! { <CertRevokeListPage /> }
}

screen_part! {
    /// `CertRevokeConfirmPage`.
    CertRevokeConfirmRoute in cert_revoke_confirm_part, Inner: view! { <CertRevokeConfirmPage /> }
}

screen_part! {
    /// `CertRevokedPage`.
    CertRevokedRoute in cert_revoked_part, Inner: view! { <CertRevokedPage /> }
}

screen_part! {
    /// `StatusListPage`.
    StatusListRoute in status_list_part, Inner: view! { <StatusListPage /> }
}

screen_part! {
    /// `StatusConfirmPage`.
    StatusConfirmRoute in status_confirm_part, Inner: view! { <StatusConfirmPage /> }
}

screen_part! {
    /// `StatusDonePage`.
    StatusDoneRoute in status_done_part, Inner: view! { <StatusDonePage /> }
}

screen_part! {
    /// `CompanyTasksPage`.
    CompanyTasksRoute in company_tasks_part, Inner: view! { <CompanyTasksPage /> }
}

screen_part! {
    /// `CompanyViewPage`.
    CompanyViewRoute in company_view_part, Inner: view! { <CompanyViewPage /> }
}

screen_part! {
    /// `CompanyEditPage`.
    CompanyEditRoute in company_edit_part, Inner: view! { <CompanyEditPage /> }
}

screen_part! {
    /// `CompanyConfirmPage`.
    CompanyConfirmRoute in company_confirm_part, Inner: view! { <CompanyConfirmPage /> }
}

screen_part! {
    /// `CompanyDonePage`.
    CompanyDoneRoute in company_done_part, Inner: view! { <CompanyDonePage /> }
}

screen_part! {
    /// `FeeViewPage`.
    FeeViewRoute in fee_view_part, Inner: view! { <FeeViewPage /> }
}

screen_part! {
    /// `FeeEditPage`.
    FeeEditRoute in fee_edit_part, Inner: view! { <FeeEditPage /> }
}

screen_part! {
    /// `FeeConfirmPage`.
    FeeConfirmRoute in fee_confirm_part, Inner: view! { <FeeConfirmPage /> }
}

screen_part! {
    /// `FeeDonePage`.
    FeeDoneRoute in fee_done_part, Inner: view! { <FeeDonePage /> }
}

screen_part! {
    /// `HistoryPage`.
    HistoryRoute in history_part, Inner: view! { <HistoryPage /> }
}

#[cfg(test)]
mod tests {
    use super::paths;

    #[test]
    fn status_paths_follow_the_task_slug() {
        use kanri_contract::user_status::StatusTask::*;
        for (t, list) in [
            (StopResume, paths::STATUS_SERVICE),
            (OneTimePasswordUnlock, paths::STATUS_OTP_UNLOCK),
            (OneTimePasswordRevoke, paths::STATUS_OTP_REVOKE),
            (TransactionUnlock, paths::STATUS_TRANSACTION_UNLOCK),
            (TransactionRevoke, paths::STATUS_TRANSACTION_REVOKE),
            (RiskBasedUnlock, paths::STATUS_RISK_UNLOCK),
            (RiskBasedReset, paths::STATUS_RISK_RESET),
        ] {
            assert_eq!(paths::status_list(t), list);
            assert_eq!(paths::status_step(t, "confirm"), format!("{list}/confirm"));
        }
        assert_eq!(paths::STATUS_SERVICE, "/admin/users/status/service");
    }

    #[test]
    fn paths_are_absolute_and_distinct() {
        let all = [
            paths::LOGIN,
            paths::LOGGED_OUT,
            paths::TIMED_OUT,
            paths::HOME,
            paths::ADMIN,
            paths::USER_TASKS,
            paths::PASSWORD_CHANGE,
            paths::PASSWORD_CHANGED,
            paths::USER_LIST,
            paths::USER_NEW,
            paths::CERTIFICATE_RENEWAL,
            paths::CERTIFICATE_REFUSED,
            paths::CERT_REVOKE_LIST,
            paths::COMPANY_TASKS,
            paths::COMPANY_VIEW,
            paths::COMPANY_EDIT,
            paths::COMPANY_CONFIRM,
            paths::COMPANY_DONE,
            paths::HISTORY,
        ];
        let mut sorted = all.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), all.len());
        assert!(all.iter().all(|p| p.starts_with('/') && !p.ends_with('/')));
        assert_eq!(paths::help("BLGI001"), "/help/BLGI001");
        assert_eq!(
            paths::user_edit("user01", "basic"),
            "/admin/users/u/user01/edit/basic"
        );
        assert_eq!(paths::cert_revoke("a/b"), "/admin/users/certificates/a%2Fb");
        use kanri_contract::fees::FeeTable::*;
        for (t, view, edit) in [
            (
                PayeeTransfer,
                paths::FEES_PAYEE_TRANSFER,
                paths::FEES_PAYEE_TRANSFER_EDIT,
            ),
            (
                PayeeBulk,
                paths::FEES_PAYEE_BULK,
                paths::FEES_PAYEE_BULK_EDIT,
            ),
            (
                PayerBulk,
                paths::FEES_PAYER_BULK,
                paths::FEES_PAYER_BULK_EDIT,
            ),
        ] {
            assert_eq!(paths::fees_view(t), view);
            assert_eq!(paths::fees_step(t, "edit"), edit);
        }
    }

    #[test]
    fn sections_match_whole_segments() {
        use super::in_section;
        assert!(in_section("/admin", "/admin"));
        assert!(in_section("/admin/users/password", "/admin"));
        assert!(!in_section("/administrator", "/admin"));
        assert!(!in_section("/home", "/admin"));
    }

    #[test]
    fn the_logged_in_area_is_the_frame_s_screens_and_nothing_else() {
        use super::{in_logged_in_area, LoggedInArea};
        use leptos_router::PossibleRouteMatch;
        for inside in [
            paths::HOME,
            paths::ADMIN,
            paths::USER_LIST,
            paths::CERTIFICATE_RENEWAL,
            paths::HISTORY,
            paths::FEES_PAYER_BULK_EDIT,
            &paths::user_edit("user01", "accounts"),
            &paths::cert_revoked("a b"),
            "/admin/no-such-screen",
        ] {
            assert!(in_logged_in_area(inside), "{inside}");
            let m = LoggedInArea.test(inside).expect(inside);
            assert!(m.is_complete());
            assert_eq!(m.matched(), inside);
            assert!(m.params().is_empty());
        }
        for outside in [
            "/",
            paths::LOGIN,
            paths::LOGGED_OUT,
            paths::TIMED_OUT,
            paths::CERTIFICATE_REFUSED,
            "/help/BLGI001",
            "/homepage",
            "/administrator",
            "/certificate/renewals",
            "/no/such/screen",
        ] {
            assert!(!in_logged_in_area(outside), "{outside}");
            assert!(LoggedInArea.test(outside).is_none());
        }
    }
}
