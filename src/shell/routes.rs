//! Every screen's route, declared in one place.
//!
//! The router and both route tables are in a WebAssembly part of their own
//! ([`routed_app`]), not in the first download: the login screen at [`paths::LOGIN`] is
//! shown by `App` without them (the same `LoginPage` the table's `/login` route shows
//! later, e.g. after a logout), and moves on through [`crate::ui::navigator`]. Any other URL
//! loads this part at once.
//!
//! Two tables. [`AppRoutes`] holds the login screen, セッションタイムアウト, and one route
//! each for ログアウト, ヘルプ, 証明書エラー, not found and the whole logged-in area
//! ([`LoggedInArea`]). [`LoggedInRoutes`], rendered by the frame, holds the screens of that
//! area. Every route but ログイン and セッションタイムアウト is a [`Lazy`] route declared
//! with `screen_part!`, which names the feature's WebAssembly part the screen belongs to:
//! `scripts/build-spa.sh` cuts one part per feature: the frame, the screens without login
//! (`public`: session screens, ヘルプ, not found), ホーム, 業務選択 (apart from ホーム:
//! docs/DECISIONS.md), 利用者管理, its 登録・変更 wizard, 企業管理 and 操作履歴照会,
//! besides the router's own (code two parts share goes into a shared chunk). A part is
//! fetched the first time one of its screens is shown; a part that cannot be fetched
//! shows 「画面を表示できませんでした」 with 「再試行」 ([`crate::shell::part`]). The inner
//! table's matching code is in the frame's part. [`preload_logged_in_frame`] fetches the
//! router's part, the frame and ホーム early.

use crate::features::company::fees::{FeeConfirmPage, FeeDonePage, FeeEditPage, FeeViewPage};
use crate::features::company::{
    confirm::CompanyConfirmPage, done::CompanyDonePage, edit::CompanyEditPage,
    tasks::CompanyTasksPage, view::CompanyViewPage,
};
use crate::features::help::HelpPage;
use crate::features::history::HistoryPage;
use crate::features::home::{business_select::BusinessSelectPage, HomePage};
use crate::features::session::certificate::{CertificateRefusedPage, CertificateRenewalPage};
use crate::features::session::{
    logged_out::LoggedOutPage, login::LoginPage, timed_out::TimedOutPage,
};
use crate::features::users::certificates::{
    CertRevokeConfirmPage, CertRevokeListPage, CertRevokedPage,
};
use crate::features::users::password::{PasswordChangePage, PasswordChangedPage};
use crate::features::users::status::{StatusConfirmPage, StatusDonePage, StatusListPage};
use crate::features::users::tasks::UserTasksPage;
use crate::features::users::wizard::{
    accounts::UserAccountsPage, basics::UserBasicsPage, confirm::UserConfirmPage,
    done::UserDonePage, rights::UserRightsPage, UserNewStartPage,
};
use crate::features::users::{
    delete::UserDeletePage, delete::UserDeletedPage, list::UserListPage, view::UserViewPage,
};
use crate::kernel::paths::{self, in_logged_in_area, match_route, route};
use crate::shell::frame::AppFrame;
use crate::shell::not_found::{NotFoundInFrame, NotFoundPage};
use crate::shell::part::{part_view, PartFrame};
use crate::ui::navigator::Navigator;
use crate::ui::require::RequirePermission;
use kanri_contract::api::Permission;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::hooks::use_navigate;
use leptos_router::{path, NavigateOptions};
use leptos_router::{Lazy, LazyRoute, PartialPathMatch, PathSegment, PossibleRouteMatch};
use std::borrow::Cow;

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
    provide_context(Navigator::new(
        move |go| {
            navigate(
                &go.url,
                NavigateOptions {
                    replace: go.replace,
                    ..Default::default()
                },
            )
        },
        preload_logged_in_frame,
    ));
    children()
}

/// Declares a route table: the component rendering it, and the list of its patterns in
/// the same order (the walk test below reads the list). Each row is `pattern => view`,
/// the pattern one of [`paths`]' constants or [`paths::route`]'s patterns; routes that
/// are no screen of the registry follow the rows as they are.
macro_rules! route_table {
    ($(#[$doc:meta])* $name:ident, $patterns:ident, fallback = $fallback:expr, [$($pattern:expr => $view:expr;)*] $($more:tt)*) => {
        /// The patterns of the table of the same name, in its order.
        pub const $patterns: &[&str] = &[$($pattern),*];

        $(#[$doc])*
        #[component]
        pub fn $name() -> impl IntoView {
            view! {
                <Routes fallback=$fallback>
                    $(<Route path={At($pattern)} view={$view} />)*
                    $($more)*
                </Routes>
            }
        }
    };
}

route_table! {
    /// The outer route table: the screens without login, and the logged-in area
    /// ([`LoggedInArea`]) as one route whose part holds the frame and
    /// [`LoggedInRoutes`]. Moving between two screens of the area keeps the frame; only
    /// the inner table's screen changes.
    AppRoutes, PUBLIC_PATTERNS, fallback = || (), [
        paths::LOGIN => LoginPage;
        paths::LOGGED_OUT => Lazy::<LoggedOutRoute>::new();
        paths::TIMED_OUT => TimedOutPage;
        route::HELP => Lazy::<HelpRoute>::new();
        paths::CERTIFICATE_REFUSED => Lazy::<CertificateRefusedRoute>::new();
    ]
    <Route path=path!("/") view=|| view! { <Redirect path=paths::HOME /> } />
    <Route path=LoggedInArea view={Lazy::<AppFrameRoute>::new()} />
    // Any other URL: 「ページが見つかりません」 (last: routes match in this order).
    <Route path=path!("/*any") view={Lazy::<NotFoundRoute>::new()} />
}

route_table! {
    /// The screens inside the frame, rendered by `AppFrame` (so this table, like the
    /// frame, is in the frame's part, not in the first download). Paths are whole paths;
    /// a path of the area that is no screen shows 「ページが見つかりません」 inside the
    /// frame.
    LoggedInRoutes, LOGGED_IN_PATTERNS, fallback = NotFoundInFrame, [
        paths::HOME => Lazy::<HomeRoute>::new();
        paths::CERTIFICATE_RENEWAL => Lazy::<CertificateRenewalRoute>::new();
        paths::ADMIN => Lazy::<BusinessSelectRoute>::new();
        paths::USER_TASKS => Lazy::<UserTasksRoute>::new();
        paths::PASSWORD_CHANGE => Lazy::<PasswordChangeRoute>::new();
        paths::PASSWORD_CHANGED => Lazy::<PasswordChangedRoute>::new();
        paths::USER_LIST => Lazy::<UserListRoute>::new();
        route::USER_VIEW => Lazy::<UserViewRoute>::new();
        route::USER_DELETE => Lazy::<UserDeleteRoute>::new();
        route::USER_DELETED => Lazy::<UserDeletedRoute>::new();
        paths::USER_NEW => UserNewStartPage;
        route::USER_NEW_BASIC => Lazy::<UserBasicsNewRoute>::new();
        route::USER_NEW_RIGHTS => Lazy::<UserRightsNewRoute>::new();
        route::USER_NEW_ACCOUNTS => Lazy::<UserAccountsNewRoute>::new();
        route::USER_NEW_CONFIRM => Lazy::<UserConfirmNewRoute>::new();
        route::USER_NEW_DONE => Lazy::<UserDoneNewRoute>::new();
        route::USER_EDIT_BASIC => Lazy::<UserBasicsChangeRoute>::new();
        route::USER_EDIT_RIGHTS => Lazy::<UserRightsChangeRoute>::new();
        route::USER_EDIT_ACCOUNTS => Lazy::<UserAccountsChangeRoute>::new();
        route::USER_EDIT_CONFIRM => Lazy::<UserConfirmChangeRoute>::new();
        route::USER_EDIT_DONE => Lazy::<UserDoneChangeRoute>::new();
        paths::CERT_REVOKE_LIST => Lazy::<CertRevokeListRoute>::new();
        route::CERT_REVOKE => Lazy::<CertRevokeConfirmRoute>::new();
        route::CERT_REVOKED => Lazy::<CertRevokedRoute>::new();
        route::STATUS_LIST => Lazy::<StatusListRoute>::new();
        route::STATUS_CONFIRM => Lazy::<StatusConfirmRoute>::new();
        route::STATUS_DONE => Lazy::<StatusDoneRoute>::new();
        paths::COMPANY_TASKS => Lazy::<CompanyTasksRoute>::new();
        paths::COMPANY_VIEW => Lazy::<CompanyViewRoute>::new();
        paths::COMPANY_EDIT => Lazy::<CompanyEditRoute>::new();
        paths::COMPANY_CONFIRM => Lazy::<CompanyConfirmRoute>::new();
        paths::COMPANY_DONE => Lazy::<CompanyDoneRoute>::new();
        route::FEES_VIEW => Lazy::<FeeViewRoute>::new();
        route::FEES_EDIT => Lazy::<FeeEditRoute>::new();
        route::FEES_CONFIRM => Lazy::<FeeConfirmRoute>::new();
        route::FEES_DONE => Lazy::<FeeDoneRoute>::new();
        paths::HISTORY => Lazy::<HistoryRoute>::new();
    ]
}

/// A route written with a pattern of [`paths`]: matched by [`match_route`], the same
/// function the walk test uses, so a URL the registry builds and the screen it opens
/// cannot drift apart.
#[derive(Debug, Clone, Copy)]
pub struct At(pub &'static str);

impl PossibleRouteMatch for At {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        let params = match_route(self.0, path)?
            .into_iter()
            .map(|(name, value)| (Cow::Borrowed(name), value))
            .collect();
        Some(PartialPathMatch::new("", params, path))
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        for segment in self.0.split('/').filter(|s| !s.is_empty()) {
            path.push(match segment.strip_prefix(':') {
                Some(name) => PathSegment::Param(name.into()),
                None => PathSegment::Static(segment.into()),
            });
        }
    }
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

/// A route whose screen is in its feature's WebAssembly part: `$route` is a [`LazyRoute`]
/// whose view is `$view`, built by the split function of module `$part`; every split
/// function naming the same `$chunk` lands in one part (`split_$chunk.wasm`), cut out by
/// `scripts/build-spa.sh`. The router waits for the part before it shows the
/// screen; a part that cannot be fetched shows 「画面を表示できませんでした」 with
/// 「再試行」 in its place (`$frame`: where; see [`crate::shell::part`]).
macro_rules! screen_part {
    // A screen for holders of a right: the route checks it before the screen is built
    // (anyone else gets 「この画面はご利用いただけません」 and no data is requested).
    ($(#[$doc:meta])* $route:ident in $part:ident of $chunk:ident, $frame:ident, needs $permission:ident: $view:expr) => {
        screen_part! {
            $(#[$doc])*
            $route in $part of $chunk, $frame: view! {
                <RequirePermission permission=Permission::$permission>{$view}</RequirePermission>
            }
        }
    };
    ($(#[$doc:meta])* $route:ident in $part:ident of $chunk:ident, $frame:ident: $view:expr) => {
        $(#[$doc])*
        pub struct $route;

        mod $part {
            use super::*;

            /// Builds the screen (after fetching its part: an `Err` when it cannot be).
            #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, preload(preload), fallible)]
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
    AppFrameRoute in app_frame_part of frame_part, Public: view! { <AppFrame><LoggedInRoutes /></AppFrame> }
}

screen_part! {
    /// `LoggedOutPage` (shown once per session, after 「ログアウト」: not in the first download).
    LoggedOutRoute in logged_out_part of public_part, Public: view! { <LoggedOutPage /> }
}

screen_part! {
    /// `NotFoundPage` (any URL that is no screen).
    NotFoundRoute in not_found_part of public_part, Public: view! { <NotFoundPage /> }
}

screen_part! {
    /// `HelpPage`.
    HelpRoute in help_part of public_part, Public: view! { <HelpPage /> }
}

screen_part! {
    /// `CertificateRefusedPage`.
    CertificateRefusedRoute in certificate_refused_part of public_part, Public: view! { <CertificateRefusedPage /> }
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
    HomeRoute in home_part of home_part, Inner: view! { <HomePage /> }
}

screen_part! {
    /// `CertificateRenewalPage`.
    CertificateRenewalRoute in certificate_renewal_part of public_part, Inner: view! { <CertificateRenewalPage /> }
}

screen_part! {
    /// `BusinessSelectPage`.
    BusinessSelectRoute in business_select_part of business_select_part, Inner: view! { <BusinessSelectPage /> }
}

screen_part! {
    /// `UserTasksPage`.
    UserTasksRoute in user_tasks_part of users_part, Inner: view! { <UserTasksPage /> }
}

screen_part! {
    /// `PasswordChangePage`.
    PasswordChangeRoute in password_change_part of users_part, Inner: view! { <PasswordChangePage /> }
}

screen_part! {
    /// `PasswordChangedPage`.
    PasswordChangedRoute in password_changed_part of users_part, Inner: view! { <PasswordChangedPage /> }
}

screen_part! {
    /// `UserListPage`.
    UserListRoute in user_list_part of users_part, Inner, needs ManageUsers: view! { <UserListPage /> }
}

screen_part! {
    /// `UserViewPage`.
    UserViewRoute in user_view_part of users_part, Inner, needs ManageUsers: view! { <UserViewPage /> }
}

screen_part! {
    /// `UserDeletePage`.
    UserDeleteRoute in user_delete_part of users_part, Inner, needs ManageUsers: view! { <UserDeletePage /> }
}

screen_part! {
    /// `UserDeletedPage`.
    UserDeletedRoute in user_deleted_part of users_part, Inner, needs ManageUsers: view! { <UserDeletedPage /> }
}

screen_part! {
    /// `UserBasicsPage` (利用者登録).
    UserBasicsNewRoute in user_basics_new_part of users_wizard_part, Inner, needs ManageUsers: view! { <UserBasicsPage change=false /> }
}

screen_part! {
    /// `UserRightsPage` (利用者登録).
    UserRightsNewRoute in user_rights_new_part of users_wizard_part, Inner, needs ManageUsers: view! { <UserRightsPage change=false /> }
}

screen_part! {
    /// `UserAccountsPage` (利用者登録).
    UserAccountsNewRoute in user_accounts_new_part of users_wizard_part, Inner, needs ManageUsers: view! { <UserAccountsPage change=false /> }
}

screen_part! {
    /// `UserConfirmPage` (利用者登録).
    UserConfirmNewRoute in user_confirm_new_part of users_wizard_part, Inner, needs ManageUsers: view! { <UserConfirmPage change=false /> }
}

screen_part! {
    /// `UserDonePage` (利用者登録).
    UserDoneNewRoute in user_done_new_part of users_wizard_part, Inner, needs ManageUsers: view! { <UserDonePage change=false /> }
}

screen_part! {
    /// `UserBasicsPage` (利用者変更).
    UserBasicsChangeRoute in user_basics_change_part of users_wizard_part, Inner, needs ManageUsers: view! { <UserBasicsPage change=true /> }
}

screen_part! {
    /// `UserRightsPage` (利用者変更).
    UserRightsChangeRoute in user_rights_change_part of users_wizard_part, Inner, needs ManageUsers: view! { <UserRightsPage change=true /> }
}

screen_part! {
    /// `UserAccountsPage` (利用者変更).
    UserAccountsChangeRoute in user_accounts_change_part of users_wizard_part, Inner, needs ManageUsers: view! { <UserAccountsPage change=true /> }
}

screen_part! {
    /// `UserConfirmPage` (利用者変更).
    UserConfirmChangeRoute in user_confirm_change_part of users_wizard_part, Inner, needs ManageUsers: view! { <UserConfirmPage change=true /> }
}

screen_part! {
    /// `UserDonePage` (利用者変更).
    UserDoneChangeRoute in user_done_change_part of users_wizard_part, Inner, needs ManageUsers: view! { <UserDonePage change=true /> }
}

screen_part! {
    /// `CertRevokeListPage`.
    CertRevokeListRoute in cert_revoke_list_part of users_part, Inner, needs ManageUsers: view! { <CertRevokeListPage /> }
}

screen_part! {
    /// `CertRevokeConfirmPage`.
    CertRevokeConfirmRoute in cert_revoke_confirm_part of users_part, Inner, needs ManageUsers: view! { <CertRevokeConfirmPage /> }
}

screen_part! {
    /// `CertRevokedPage`.
    CertRevokedRoute in cert_revoked_part of users_part, Inner, needs ManageUsers: view! { <CertRevokedPage /> }
}

screen_part! {
    /// `StatusListPage`.
    StatusListRoute in status_list_part of users_part, Inner, needs ManageUsers: view! { <StatusListPage /> }
}

screen_part! {
    /// `StatusConfirmPage`.
    StatusConfirmRoute in status_confirm_part of users_part, Inner, needs ManageUsers: view! { <StatusConfirmPage /> }
}

screen_part! {
    /// `StatusDonePage`.
    StatusDoneRoute in status_done_part of users_part, Inner, needs ManageUsers: view! { <StatusDonePage /> }
}

screen_part! {
    /// `CompanyTasksPage`.
    CompanyTasksRoute in company_tasks_part of company_part, Inner, needs ManageCompany: view! { <CompanyTasksPage /> }
}

screen_part! {
    /// `CompanyViewPage`.
    CompanyViewRoute in company_view_part of company_part, Inner, needs ManageCompany: view! { <CompanyViewPage /> }
}

screen_part! {
    /// `CompanyEditPage`.
    CompanyEditRoute in company_edit_part of company_part, Inner, needs ManageCompany: view! { <CompanyEditPage /> }
}

screen_part! {
    /// `CompanyConfirmPage`.
    CompanyConfirmRoute in company_confirm_part of company_part, Inner, needs ManageCompany: view! { <CompanyConfirmPage /> }
}

screen_part! {
    /// `CompanyDonePage`.
    CompanyDoneRoute in company_done_part of company_part, Inner, needs ManageCompany: view! { <CompanyDonePage /> }
}

screen_part! {
    /// `FeeViewPage`.
    FeeViewRoute in fee_view_part of company_part, Inner, needs ManageCompany: view! { <FeeViewPage /> }
}

screen_part! {
    /// `FeeEditPage`.
    FeeEditRoute in fee_edit_part of company_part, Inner, needs ManageCompany: view! { <FeeEditPage /> }
}

screen_part! {
    /// `FeeConfirmPage`.
    FeeConfirmRoute in fee_confirm_part of company_part, Inner, needs ManageCompany: view! { <FeeConfirmPage /> }
}

screen_part! {
    /// `FeeDonePage`.
    FeeDoneRoute in fee_done_part of company_part, Inner, needs ManageCompany: view! { <FeeDonePage /> }
}

screen_part! {
    /// `HistoryPage`.
    HistoryRoute in history_part of history_part, Inner: view! { <HistoryPage /> }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        use crate::kernel::paths::in_section;
        assert!(in_section("/admin", "/admin"));
        assert!(in_section("/admin/users/password", "/admin"));
        assert!(!in_section("/administrator", "/admin"));
        assert!(!in_section("/home", "/admin"));
    }

    #[test]
    fn the_logged_in_area_is_the_frame_s_screens_and_nothing_else() {
        use super::LoggedInArea;
        use crate::kernel::paths::in_logged_in_area;
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

    /// The patterns of `patterns` that `url` matches.
    fn matches(patterns: &[&'static str], url: &str) -> Vec<&'static str> {
        patterns
            .iter()
            .copied()
            .filter(|p| match_route(p, url).is_some())
            .collect()
    }

    #[test]
    fn every_url_of_the_registry_opens_exactly_one_screen_and_every_route_is_reached() {
        let mut reached = std::collections::HashSet::new();
        for url in paths::every_screen_url() {
            // The outer table hands the whole logged-in area to the frame's table.
            let table = if in_logged_in_area(&url) {
                assert!(matches(PUBLIC_PATTERNS, &url).is_empty(), "{url}");
                LOGGED_IN_PATTERNS
            } else {
                PUBLIC_PATTERNS
            };
            let hits = matches(table, &url);
            assert_eq!(hits.len(), 1, "{url} opens {hits:?}");
            reached.extend(hits);
        }
        for pattern in LOGGED_IN_PATTERNS.iter().chain(PUBLIC_PATTERNS) {
            assert!(
                reached.contains(pattern),
                "no URL of the registry opens {pattern}"
            );
        }
    }

    #[test]
    fn a_route_hands_the_screen_its_parameters() {
        let url = paths::user_edit("user01", "confirm");
        let m = At(route::USER_EDIT_CONFIRM)
            .test(&url)
            .map(|m| (m.is_complete(), m.params()));
        assert_eq!(
            m,
            Some((true, vec![(Cow::Borrowed("login_id"), "user01".to_owned())]))
        );
        assert!(At(route::USER_EDIT_DONE).test(&url).is_none());
    }
}
