//! Every screen's route, declared in one place.

use crate::components::frame::AppFrame;
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
    login::LoginPage, not_found::NotFoundPage, password_change::PasswordChangePage,
    password_change::PasswordChangedPage, timed_out::TimedOutPage, user_tasks::UserTasksPage,
};
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Routes};
use leptos_router::path;

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

/// The route table.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFoundPage>
            <Route path=path!("/") view=|| view! { <Redirect path=paths::HOME /> } />
            <Route path=path!("/login") view=LoginPage />
            <Route path=path!("/logged-out") view=LoggedOutPage />
            <Route path=path!("/timed-out") view=TimedOutPage />
            <Route path=path!("/help/:id") view=HelpPage />
            <Route path=path!("/certificate/refused") view=CertificateRefusedPage />
            <ParentRoute path=path!("") view=AppFrame>
                <Route path=path!("/home") view=HomePage />
                <Route path=path!("/certificate/renewal") view=CertificateRenewalPage />
                <Route path=path!("/admin") view=BusinessSelectPage />
                <Route path=path!("/admin/users") view=UserTasksPage />
                <Route path=path!("/admin/users/password") view=PasswordChangePage />
                <Route path=path!("/admin/users/password/done") view=PasswordChangedPage />
                <Route path=path!("/admin/users/list") view=UserListPage />
                <Route path=path!("/admin/users/u/:login_id") view=UserViewPage />
                <Route path=path!("/admin/users/u/:login_id/delete") view=UserDeletePage />
                <Route path=path!("/admin/users/u/:login_id/delete/done") view=UserDeletedPage />
                <Route path=path!("/admin/users/new/basic") view=|| view! { <UserBasicsPage change=false /> } />
                <Route path=path!("/admin/users/new/rights") view=|| view! { <UserRightsPage change=false /> } />
                <Route path=path!("/admin/users/new/accounts") view=|| view! { <UserAccountsPage change=false /> } />
                <Route path=path!("/admin/users/new/confirm") view=|| view! { <UserConfirmPage change=false /> } />
                <Route path=path!("/admin/users/new/done") view=|| view! { <UserDonePage change=false /> } />
                <Route path=path!("/admin/users/u/:login_id/edit/basic") view=|| view! { <UserBasicsPage change=true /> } />
                <Route path=path!("/admin/users/u/:login_id/edit/rights") view=|| view! { <UserRightsPage change=true /> } />
                <Route path=path!("/admin/users/u/:login_id/edit/accounts") view=|| view! { <UserAccountsPage change=true /> } />
                <Route path=path!("/admin/users/u/:login_id/edit/confirm") view=|| view! { <UserConfirmPage change=true /> } />
                <Route path=path!("/admin/users/u/:login_id/edit/done") view=|| view! { <UserDonePage change=true /> } />
                <Route path=path!("/admin/users/certificates") view=CertRevokeListPage />
                <Route path=path!("/admin/users/certificates/:login_id") view=CertRevokeConfirmPage />
                <Route path=path!("/admin/users/certificates/:login_id/done") view=CertRevokedPage />
                <Route path=path!("/admin/users/status/:task") view=StatusListPage />
                <Route path=path!("/admin/users/status/:task/confirm") view=StatusConfirmPage />
                <Route path=path!("/admin/users/status/:task/done") view=StatusDonePage />
                <Route path=path!("/admin/company") view=CompanyTasksPage />
                <Route path=path!("/admin/company/info") view=CompanyViewPage />
                <Route path=path!("/admin/company/info/edit") view=CompanyEditPage />
                <Route path=path!("/admin/company/info/edit/confirm") view=CompanyConfirmPage />
                <Route path=path!("/admin/company/info/edit/done") view=CompanyDonePage />
                <Route path=path!("/admin/company/fees/:table") view=FeeViewPage />
                <Route path=path!("/admin/company/fees/:table/edit") view=FeeEditPage />
                <Route path=path!("/admin/company/fees/:table/confirm") view=FeeConfirmPage />
                <Route path=path!("/admin/company/fees/:table/done") view=FeeDonePage />
                <Route path=path!("/admin/history") view=HistoryPage />
            </ParentRoute>
        </Routes>
    }
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
}
