//! 利用者管理 (manual 001, "利用者管理" to "利用者情報の削除"): the JSON bodies of the user
//! list, registration, change, deletion and view, the rights matrix, and the plain logic
//! both sides share (sorting the list, what changed between two versions of a user).
//!
//! Endpoints are listed in `docs/API.md`. Field paths of 422 answers are the JSON paths of
//! [`UserRequest`]: `user.login_id`, `user.login_password.value`, `user.limits.transfer`,
//! `confirmation.confirm_password` … (see [`crate::user_rules`]).

use crate::api::{AuthMethod, Role};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// サービス状態.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceState {
    /// 利用可能.
    Available,
    /// 利用停止中 (利用者停止).
    Stopped,
    /// ログインパスワードの誤りが続いてロックされている.
    Locked,
}

impl ServiceState {
    pub fn label(self) -> &'static str {
        match self {
            ServiceState::Available => "利用可能",
            ServiceState::Stopped => "利用停止中",
            ServiceState::Locked => "ロック中",
        }
    }
}

/// 証明書状態 (BRSK005, BRSK018).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateState {
    /// 発行済み.
    Issued,
    /// 更新可: valid, within the renewal notice period.
    Renewable,
    /// 有効期限切れ.
    Expired,
    /// 未発行: a certificate user without a certificate yet.
    NotIssued,
    /// 失効済み.
    Revoked,
    /// ID・パスワード方式の利用者: no certificate is used.
    NotUsed,
}

impl CertificateState {
    pub fn label(self) -> &'static str {
        match self {
            CertificateState::Issued => "発行済み",
            CertificateState::Renewable => "更新可",
            CertificateState::Expired => "有効期限切れ",
            CertificateState::NotIssued => "未発行",
            CertificateState::Revoked => "失効済み",
            CertificateState::NotUsed => "利用なし（ID・パスワード方式）",
        }
    }
}

/// A contracted service of the company (契約サービス). Rights and limits of services the
/// company has not contracted are neither shown nor accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    /// 振込振替.
    Transfer,
    /// 総合振込.
    Bulk,
    /// 給与・賞与振込.
    Payroll,
    /// 口座振替.
    Debit,
}

impl Service {
    pub const ALL: [Service; 4] = [
        Service::Transfer,
        Service::Bulk,
        Service::Payroll,
        Service::Debit,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Service::Transfer => "振込振替",
            Service::Bulk => "総合振込",
            Service::Payroll => "給与・賞与振込",
            Service::Debit => "口座振替",
        }
    }
}

/// A 利用者一回当たり限度額 business.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitBusiness {
    /// 振込振替.
    Transfer,
    /// 総合振込.
    Bulk,
    /// 給与振込.
    Salary,
    /// 賞与振込.
    Bonus,
    /// 口座振替.
    Debit,
}

impl LimitBusiness {
    pub const ALL: [LimitBusiness; 5] = [
        LimitBusiness::Transfer,
        LimitBusiness::Bulk,
        LimitBusiness::Salary,
        LimitBusiness::Bonus,
        LimitBusiness::Debit,
    ];

    pub fn label(self) -> &'static str {
        match self {
            LimitBusiness::Transfer => "振込振替",
            LimitBusiness::Bulk => "総合振込",
            LimitBusiness::Salary => "給与振込",
            LimitBusiness::Bonus => "賞与振込",
            LimitBusiness::Debit => "口座振替",
        }
    }

    /// The key used in field paths (`limits.salary`) and DOM ids.
    pub fn key(self) -> &'static str {
        match self {
            LimitBusiness::Transfer => "transfer",
            LimitBusiness::Bulk => "bulk",
            LimitBusiness::Salary => "salary",
            LimitBusiness::Bonus => "bonus",
            LimitBusiness::Debit => "debit",
        }
    }

    /// The service the business belongs to.
    pub fn service(self) -> Service {
        match self {
            LimitBusiness::Transfer => Service::Transfer,
            LimitBusiness::Bulk => Service::Bulk,
            LimitBusiness::Salary | LimitBusiness::Bonus => Service::Payroll,
            LimitBusiness::Debit => Service::Debit,
        }
    }
}

/// One right of the サービス利用権限 matrix (manual 001, P89).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Right {
    TransferRegistered,
    TransferUserRegistered,
    TransferNewAccount,
    TransferViewAll,
    TransferPayees,
    BulkScreen,
    BulkFile,
    BulkViewAll,
    BulkPayees,
    PayrollScreen,
    PayrollFile,
    PayrollViewAll,
    PayrollPayees,
    DebitScreen,
    DebitFile,
    DebitViewAll,
    DebitPayers,
    ApproveTransfer,
    ApproveBulk,
    ApprovePayroll,
    ApproveDebit,
    ViewAllHistory,
    Balance,
    Statement,
    TransactionHistory,
}

impl Right {
    /// The label inside its group (the group's legend names the business).
    pub fn label(self) -> &'static str {
        use Right::*;
        match self {
            TransferRegistered => "依頼(事前登録口座)",
            TransferUserRegistered => "依頼(利用者登録口座)",
            TransferNewAccount => "依頼(新規口座指定)",
            BulkScreen | PayrollScreen | DebitScreen => "依頼(画面入力)",
            BulkFile | PayrollFile | DebitFile => "依頼(ファイル受付)",
            TransferViewAll | BulkViewAll | PayrollViewAll | DebitViewAll => "全取引照会",
            TransferPayees | BulkPayees | PayrollPayees => "振込先管理",
            DebitPayers => "請求先管理",
            ApproveTransfer => "振込振替",
            ApproveBulk => "総合振込",
            ApprovePayroll => "給与・賞与振込",
            ApproveDebit => "口座振替",
            ViewAllHistory => "全操作履歴照会",
            Balance => "残高照会",
            Statement => "入出金明細照会",
            TransactionHistory => "取引履歴照会",
        }
    }

    /// The service that must be contracted for this right (none: always available).
    pub fn service(self) -> Option<Service> {
        use Right::*;
        match self {
            TransferRegistered
            | TransferUserRegistered
            | TransferNewAccount
            | TransferViewAll
            | TransferPayees
            | ApproveTransfer => Some(Service::Transfer),
            BulkScreen | BulkFile | BulkViewAll | BulkPayees | ApproveBulk => Some(Service::Bulk),
            PayrollScreen | PayrollFile | PayrollViewAll | PayrollPayees | ApprovePayroll => {
                Some(Service::Payroll)
            }
            DebitScreen | DebitFile | DebitViewAll | DebitPayers | ApproveDebit => {
                Some(Service::Debit)
            }
            ViewAllHistory | Balance | Statement | TransactionHistory => None,
        }
    }

    /// Whether a company with these services offers this right.
    pub fn offered(self, services: &[Service]) -> bool {
        self.service().is_none_or(|s| services.contains(&s))
    }

    /// "group › right", for summaries and logs.
    pub fn full_label(self) -> String {
        let group = RIGHT_GROUPS
            .iter()
            .find(|g| g.rights.contains(&self))
            .map_or("", |g| g.title);
        format!("{group}：{}", self.label())
    }
}

/// A group of the rights matrix, with its own 「全選択」「全解除」.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RightGroup {
    /// For DOM ids.
    pub key: &'static str,
    pub title: &'static str,
    pub rights: &'static [Right],
}

impl RightGroup {
    /// The rights of this group a company with `services` offers.
    pub fn offered(&self, services: &[Service]) -> Vec<Right> {
        self.rights
            .iter()
            .copied()
            .filter(|r| r.offered(services))
            .collect()
    }
}

/// The matrix, in the manual's order.
pub const RIGHT_GROUPS: &[RightGroup] = {
    use Right::*;
    &[
        RightGroup {
            key: "transfer",
            title: "振込振替",
            rights: &[
                TransferRegistered,
                TransferUserRegistered,
                TransferNewAccount,
                TransferViewAll,
                TransferPayees,
            ],
        },
        RightGroup {
            key: "bulk",
            title: "総合振込",
            rights: &[BulkScreen, BulkFile, BulkViewAll, BulkPayees],
        },
        RightGroup {
            key: "payroll",
            title: "給与・賞与振込",
            rights: &[PayrollScreen, PayrollFile, PayrollViewAll, PayrollPayees],
        },
        RightGroup {
            key: "debit",
            title: "口座振替",
            rights: &[DebitScreen, DebitFile, DebitViewAll, DebitPayers],
        },
        RightGroup {
            key: "approval",
            title: "承認",
            rights: &[ApproveTransfer, ApproveBulk, ApprovePayroll, ApproveDebit],
        },
        RightGroup {
            key: "admin",
            title: "管理",
            rights: &[ViewAllHistory],
        },
        RightGroup {
            key: "inquiry",
            title: "照会",
            rights: &[Balance, Statement, TransactionHistory],
        },
    ]
};

/// An account of the company (利用可能口座).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: i64,
    /// 支店名.
    pub branch_name: String,
    /// 店番.
    pub branch_code: String,
    /// 科目 (普通 / 当座).
    pub kind: String,
    /// 口座番号.
    pub number: String,
    /// 口座メモ.
    pub memo: String,
}

impl Account {
    /// 「本店営業部(001) 普通 1234567」.
    pub fn label(&self) -> String {
        format!(
            "{}({}) {} {}",
            self.branch_name, self.branch_code, self.kind, self.number
        )
    }
}

/// A limit of one business, in integer yen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limit {
    pub business: LimitBusiness,
    pub amount: u64,
}

/// `GET /api/users/form-context`: what the registration and change steps offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserFormContext {
    /// The company's contracted services.
    pub services: Vec<Service>,
    /// The company's accounts.
    pub accounts: Vec<Account>,
    /// The company's limit per business (the user's limit may not exceed it).
    pub company_limits: Vec<Limit>,
    /// The company uses ワンタイムパスワード: confirmations ask for one.
    pub one_time_password: bool,
}

impl UserFormContext {
    /// The limit businesses of the contracted services, in order.
    pub fn limit_businesses(&self) -> Vec<LimitBusiness> {
        LimitBusiness::ALL
            .into_iter()
            .filter(|b| self.services.contains(&b.service()))
            .collect()
    }

    /// The company's limit for `business`.
    pub fn company_limit(&self, business: LimitBusiness) -> Option<u64> {
        self.company_limits
            .iter()
            .find(|l| l.business == business)
            .map(|l| l.amount)
    }
}

/// The editable data of a user: what registration sets and change may alter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserProfile {
    /// ログインID.
    pub login_id: String,
    /// 利用者名.
    pub name: String,
    /// メールアドレス.
    pub email: String,
    /// 管理者権限 (付与する).
    pub admin: bool,
    /// ログイン時に強制変更する.
    pub force_password_change: bool,
    /// サービス利用権限, in matrix order.
    pub rights: Vec<Right>,
    /// 利用可能口座 (account ids).
    pub accounts: Vec<i64>,
    /// 利用者一回当たり限度額.
    pub limits: Vec<Limit>,
}

impl UserProfile {
    /// The limit of `business`, if set.
    pub fn limit(&self, business: LimitBusiness) -> Option<u64> {
        self.limits
            .iter()
            .find(|l| l.business == business)
            .map(|l| l.amount)
    }

    /// What differs in `after`, in screen order.
    pub fn changes(&self, after: &UserProfile) -> Vec<Changed> {
        let mut out = Vec::new();
        if self.login_id != after.login_id {
            out.push(Changed::LoginId);
        }
        if self.force_password_change != after.force_password_change {
            out.push(Changed::ForcePasswordChange);
        }
        if self.name != after.name {
            out.push(Changed::Name);
        }
        if self.email != after.email {
            out.push(Changed::Email);
        }
        if self.admin != after.admin {
            out.push(Changed::Admin);
        }
        for g in RIGHT_GROUPS {
            for r in g.rights {
                if self.rights.contains(r) != after.rights.contains(r) {
                    out.push(Changed::Right(*r));
                }
            }
        }
        let mut ids: Vec<i64> = self
            .accounts
            .iter()
            .chain(&after.accounts)
            .copied()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            if self.accounts.contains(&id) != after.accounts.contains(&id) {
                out.push(Changed::Account(id));
            }
        }
        for b in LimitBusiness::ALL {
            if self.limit(b) != after.limit(b) {
                out.push(Changed::Limit(b));
            }
        }
        out
    }
}

/// One changed item of a user (利用者変更 marks these on 確認 and 結果).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "item", content = "of")]
pub enum Changed {
    LoginId,
    LoginPassword,
    ConfirmPassword,
    /// 電子証明書の取扱い other than 継続.
    Certificate,
    ForcePasswordChange,
    Name,
    Email,
    Admin,
    Right(Right),
    Account(i64),
    Limit(LimitBusiness),
}

/// 電子証明書の取扱い at a change (manual 004): certificate users only, and never for
/// the operator's own certificate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateHandling {
    /// 現在の電子証明書を継続する.
    #[default]
    Continue,
    /// 現在の電子証明書を失効し、再発行する: revoked now; the user is 未発行 until the
    /// bank's issuing app issues the new one.
    RevokeAndReissue,
    /// 現在の電子証明書を失効する.
    Revoke,
}

impl CertificateHandling {
    pub const ALL: [CertificateHandling; 3] = [
        CertificateHandling::Continue,
        CertificateHandling::RevokeAndReissue,
        CertificateHandling::Revoke,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CertificateHandling::Continue => "現在の電子証明書を継続する",
            CertificateHandling::RevokeAndReissue => "現在の電子証明書を失効し、再発行する",
            CertificateHandling::Revoke => "現在の電子証明書を失効する",
        }
    }
}

impl CertificateState {
    /// Whether there is a certificate an administrator can revoke (BRSK018).
    pub fn revocable(self) -> bool {
        matches!(
            self,
            CertificateState::Issued | CertificateState::Renewable | CertificateState::Expired
        )
    }
}

/// Whether 電子証明書の取扱い is offered when `operator` changes the user: certificate
/// users with a certificate, not the operator's own.
pub fn certificate_handling_offered(
    auth_method: AuthMethod,
    state: CertificateState,
    login_id: &str,
    operator: &str,
) -> bool {
    auth_method == AuthMethod::Certificate && state.revocable() && login_id != operator
}

/// `POST /api/users/{login_id}/certificate/revoke` (証明書失効 [BRSK019]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokeCertificateRequest {
    pub confirmation: Confirmation,
}

/// Answer to a revocation [BRSK020].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateRevoked {
    /// The user after the revocation (証明書状態 = 失効済み).
    pub user: UserSummary,
    pub revoked_at: i64,
    /// The operator revoked their own certificate: their session has ended.
    pub own: bool,
}

/// A new password entered twice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordEntry {
    pub value: String,
    pub again: String,
}

/// The user part of a registration or change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserInput {
    #[serde(flatten)]
    pub profile: UserProfile,
    /// ログインID, entered again.
    pub login_id_again: String,
    /// メールアドレス, entered again.
    pub email_again: String,
    /// The new ログインパスワード: required at registration; at a change, present only
    /// when 「変更する」 is checked.
    pub login_password: Option<PasswordEntry>,
    /// The new 確認用パスワード, the same way.
    pub confirm_password: Option<PasswordEntry>,
    /// 電子証明書の取扱い (change only; `continue` otherwise).
    #[serde(default)]
    pub certificate: CertificateHandling,
}

/// The operator's confirmation of a change (確認用パスワード, and the ワンタイムパスワード
/// when the company uses one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmation {
    pub confirm_password: String,
    #[serde(default)]
    pub one_time_password: Option<String>,
}

/// `POST /api/users` (register) and `PUT /api/users/{login_id}` (change).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRequest {
    pub user: UserInput,
    pub confirmation: Confirmation,
}

/// `DELETE /api/users/{login_id}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeleteUserRequest {
    pub confirmation: Confirmation,
}

/// A row of 利用者一覧 [BRSK005].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub login_id: String,
    pub name: String,
    /// 利用者区分.
    pub role: Role,
    pub service_state: ServiceState,
    pub certificate: CertificateState,
    /// End of validity of the newest certificate.
    pub certificate_expires_at: Option<i64>,
}

/// Rows of a page of 利用者一覧 (`GET /api/users?…&page=n`).
pub const USER_PAGE_SIZE: u32 = 50;

/// `GET /api/users?sort=…&order=…[&page=…]`: the users in that order, one page of
/// [`USER_PAGE_SIZE`] when a page is asked for, every user otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserList {
    /// The users of the page (every user when no page was asked for).
    pub users: Vec<UserSummary>,
    /// The login ID of the operator (who cannot delete themself).
    pub operator: String,
    /// The operator's 利用者区分 (they need not be on the page).
    pub operator_role: Role,
    /// Users in all pages.
    pub total: u32,
    /// The page shown, 1-based (1 when every user is listed).
    pub page: u32,
    /// Pages in all (at least 1).
    pub pages: u32,
}

impl UserList {
    /// The answer for `operator` (of `operator_role`) from every user in list order:
    /// page `page` of [`USER_PAGE_SIZE`] rows (a page past the last reads as the last,
    /// page 0 as the first), or every user when `page` is `None`.
    pub fn paged(
        mut users: Vec<UserSummary>,
        operator: String,
        operator_role: Role,
        page: Option<u32>,
    ) -> Self {
        let total = u32::try_from(users.len()).unwrap_or(u32::MAX);
        let (page, pages) = match page {
            None => (1, 1),
            Some(asked) => {
                let pages = total.div_ceil(USER_PAGE_SIZE).max(1);
                let page = asked.clamp(1, pages);
                let first = ((page - 1) * USER_PAGE_SIZE) as usize;
                users = users
                    .into_iter()
                    .skip(first)
                    .take(USER_PAGE_SIZE as usize)
                    .collect();
                (page, pages)
            }
        };
        UserList {
            users,
            operator,
            operator_role,
            total,
            page,
            pages,
        }
    }

    /// The rows shown, 1-based and inclusive, among [`UserList::total`]; `None` when
    /// the page is empty.
    pub fn shown_range(&self) -> Option<(u32, u32)> {
        let shown = u32::try_from(self.users.len()).ok().filter(|n| *n > 0)?;
        let first = if self.pages > 1 {
            (self.page.max(1) - 1) * USER_PAGE_SIZE + 1
        } else {
            1
        };
        Some((first, first + shown - 1))
    }
}

/// `GET /api/users/{login_id}`: everything about one user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDetail {
    #[serde(flatten)]
    pub profile: UserProfile,
    pub role: Role,
    pub auth_method: AuthMethod,
    pub service_state: ServiceState,
    pub certificate: CertificateState,
    pub certificate_expires_at: Option<i64>,
    pub registered_at: i64,
    pub updated_at: i64,
}

/// Whether the user (`role`, `login_id`) may be deleted by `operator` (login ID), and
/// if not, why: the master user and the operator themself cannot be.
pub fn may_delete(role: Role, login_id: &str, operator: &str) -> Result<(), &'static str> {
    if role == Role::Master {
        Err("マスターユーザは削除できません。")
    } else if login_id == operator {
        Err("ご自身の利用者情報は削除できません。")
    } else {
        Ok(())
    }
}

/// Whether a user of `role` may be changed by an operator of `operator_role`, and if not,
/// why: only the master user changes the master user (its ID and passwords are the
/// company's last resort).
pub fn may_change(role: Role, operator_role: Role) -> Result<(), &'static str> {
    if role == Role::Master && operator_role != Role::Master {
        Err("マスターユーザの利用者情報は、マスターユーザのみ変更できます。")
    } else {
        Ok(())
    }
}

/// Whether an operator (`operator_role`, login ID `operator`) may revoke the certificate
/// of the user (`role`, `login_id`) in 証明書失効: only the master acts on the master, and
/// the master user cannot revoke their own certificate (manual 003: the bank does it).
pub fn may_revoke_certificate(
    role: Role,
    login_id: &str,
    operator_role: Role,
    operator: &str,
) -> Result<(), &'static str> {
    if role == Role::Master && login_id == operator {
        return Err(
            "マスターユーザご自身の電子証明書は失効できません。お取引店へお問い合わせください。",
        );
    }
    may_change(role, operator_role)
}

impl UserDetail {
    /// Whether this user may be deleted by `operator` (login ID), and if not, why.
    pub fn deletable_by(&self, operator: &str) -> Result<(), &'static str> {
        may_delete(self.role, &self.profile.login_id, operator)
    }
}

/// Answer to a registration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRegistered {
    pub user: UserDetail,
    pub registered_at: i64,
}

/// Answer to a change: the user before and after, and which passwords were set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserChanged {
    pub before: UserDetail,
    pub after: UserDetail,
    pub changed: Vec<Changed>,
    pub changed_at: i64,
}

/// Answer to a deletion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDeleted {
    pub user: UserDetail,
    pub deleted_at: i64,
}

/// 並び順 of 利用者一覧.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    #[default]
    LoginId,
    Name,
    Role,
    ServiceState,
    Certificate,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        SortKey::LoginId,
        SortKey::Name,
        SortKey::Role,
        SortKey::ServiceState,
        SortKey::Certificate,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::LoginId => "ログインID",
            SortKey::Name => "利用者名",
            SortKey::Role => "利用者区分",
            SortKey::ServiceState => "サービス状態",
            SortKey::Certificate => "証明書状態",
        }
    }

    /// The query value (`login_id` …).
    pub fn key(self) -> &'static str {
        match self {
            SortKey::LoginId => "login_id",
            SortKey::Name => "name",
            SortKey::Role => "role",
            SortKey::ServiceState => "service_state",
            SortKey::Certificate => "certificate",
        }
    }

    /// The key of a query value; unknown values read as `None`.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == s)
    }
}

/// 昇順 / 降順.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    #[default]
    Asc,
    Desc,
}

impl SortOrder {
    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Asc => "昇順",
            SortOrder::Desc => "降順",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            SortOrder::Asc => "asc",
            SortOrder::Desc => "desc",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [SortOrder::Asc, SortOrder::Desc]
            .into_iter()
            .find(|o| o.key() == s)
    }
}

fn role_rank(r: Role) -> u8 {
    match r {
        Role::Master => 0,
        Role::Admin => 1,
        Role::General => 2,
    }
}

/// Sort the list; ties keep login ID order, so the result never depends on the input order.
pub fn sort_users(users: &mut [UserSummary], key: SortKey, order: SortOrder) {
    users.sort_by(|a, b| {
        let primary = match key {
            SortKey::LoginId => Ordering::Equal,
            SortKey::Name => a.name.cmp(&b.name),
            SortKey::Role => role_rank(a.role).cmp(&role_rank(b.role)),
            SortKey::ServiceState => a.service_state.cmp(&b.service_state),
            SortKey::Certificate => a.certificate.cmp(&b.certificate),
        };
        let ord = primary.then_with(|| a.login_id.cmp(&b.login_id));
        match order {
            SortOrder::Asc => ord,
            SortOrder::Desc => ord.reverse(),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, name: &str, role: Role) -> UserSummary {
        UserSummary {
            login_id: id.into(),
            name: name.into(),
            role,
            service_state: ServiceState::Available,
            certificate: CertificateState::Issued,
            certificate_expires_at: None,
        }
    }

    #[test]
    fn sorting_by_role_keeps_login_id_order_within_a_role() {
        let mut v = vec![
            row("user02", "b", Role::General),
            row("admin01", "c", Role::Admin),
            row("user01", "a", Role::General),
            row("master01", "d", Role::Master),
        ];
        sort_users(&mut v, SortKey::Role, SortOrder::Asc);
        let ids: Vec<_> = v.iter().map(|u| u.login_id.as_str()).collect();
        assert_eq!(ids, ["master01", "admin01", "user01", "user02"]);
        sort_users(&mut v, SortKey::Role, SortOrder::Desc);
        let ids: Vec<_> = v.iter().map(|u| u.login_id.as_str()).collect();
        assert_eq!(ids, ["user02", "user01", "admin01", "master01"]);
    }

    fn many(n: u32) -> Vec<UserSummary> {
        (1..=n)
            .map(|i| row(&format!("user{i:04}"), "x", Role::General))
            .collect()
    }

    fn paged(n: u32, page: Option<u32>) -> UserList {
        UserList::paged(many(n), "master01".into(), Role::Master, page)
    }

    #[test]
    fn a_page_holds_fifty_users_of_the_whole_order() {
        let l = paged(1011, Some(2));
        assert_eq!((l.total, l.page, l.pages), (1011, 2, 21));
        assert_eq!(l.users.len(), 50);
        assert_eq!(l.users[0].login_id, "user0051");
        assert_eq!(l.shown_range(), Some((51, 100)));
        let last = paged(1011, Some(21));
        assert_eq!(last.users.len(), 11);
        assert_eq!(last.shown_range(), Some((1001, 1011)));
    }

    #[test]
    fn pages_out_of_range_read_as_the_nearest_and_no_page_lists_everyone() {
        assert_eq!(paged(1011, Some(99)).page, 21);
        assert_eq!(paged(1011, Some(0)).page, 1);
        let all = paged(1011, None);
        assert_eq!((all.users.len(), all.page, all.pages), (1011, 1, 1));
        assert_eq!(all.shown_range(), Some((1, 1011)));
        let none = paged(0, Some(3));
        assert_eq!((none.page, none.pages, none.shown_range()), (1, 1, None));
    }

    proptest::proptest! {
        /// Every user is on exactly one page, in list order.
        #[test]
        fn pages_cover_the_list_once(n in 0u32..400) {
            let pages = paged(n, Some(1)).pages;
            let joined: Vec<String> = (1..=pages)
                .flat_map(|p| paged(n, Some(p)).users.into_iter().map(|u| u.login_id))
                .collect();
            let all: Vec<String> = many(n).into_iter().map(|u| u.login_id).collect();
            proptest::prop_assert_eq!(joined, all);
        }
    }

    #[test]
    fn sort_keys_round_trip_through_the_query() {
        for k in SortKey::ALL {
            assert_eq!(SortKey::parse(k.key()), Some(k));
        }
        assert_eq!(SortKey::parse("drop table"), None);
        assert_eq!(SortOrder::parse("desc"), Some(SortOrder::Desc));
    }

    #[test]
    fn rights_of_uncontracted_services_are_not_offered() {
        let services = [Service::Transfer, Service::Bulk];
        let debit = RIGHT_GROUPS.iter().find(|g| g.key == "debit").unwrap();
        assert!(debit.offered(&services).is_empty());
        let approval = RIGHT_GROUPS.iter().find(|g| g.key == "approval").unwrap();
        assert_eq!(
            approval.offered(&services),
            [Right::ApproveTransfer, Right::ApproveBulk]
        );
        assert!(Right::Balance.offered(&[]));
    }

    #[test]
    fn every_right_is_in_exactly_one_group() {
        let all: Vec<Right> = RIGHT_GROUPS
            .iter()
            .flat_map(|g| g.rights)
            .copied()
            .collect();
        let mut dedup = all.clone();
        dedup.sort();
        dedup.dedup();
        assert_eq!(all.len(), dedup.len());
        assert_eq!(all.len(), 25);
        assert_eq!(Right::DebitPayers.full_label(), "口座振替：請求先管理");
    }

    #[test]
    fn changes_lists_each_differing_item_in_screen_order() {
        let before = UserProfile {
            login_id: "user01".into(),
            name: "佐藤　次郎".into(),
            email: "a@example.jp".into(),
            admin: false,
            force_password_change: false,
            rights: vec![Right::Balance, Right::TransferViewAll],
            accounts: vec![1, 2],
            limits: vec![Limit {
                business: LimitBusiness::Transfer,
                amount: 1_000,
            }],
        };
        assert!(before.changes(&before).is_empty());
        let mut after = before.clone();
        after.admin = true;
        after.rights = vec![Right::Balance, Right::BulkScreen];
        after.accounts = vec![2, 3];
        after.limits[0].amount = 2_000;
        assert_eq!(
            before.changes(&after),
            [
                Changed::Admin,
                Changed::Right(Right::TransferViewAll),
                Changed::Right(Right::BulkScreen),
                Changed::Account(1),
                Changed::Account(3),
                Changed::Limit(LimitBusiness::Transfer),
            ]
        );
    }

    #[test]
    fn master_and_self_cannot_be_deleted() {
        let detail = |id: &str, role| UserDetail {
            profile: UserProfile {
                login_id: id.into(),
                ..Default::default()
            },
            role,
            auth_method: AuthMethod::Password,
            service_state: ServiceState::Available,
            certificate: CertificateState::NotUsed,
            certificate_expires_at: None,
            registered_at: 0,
            updated_at: 0,
        };
        assert!(detail("master01", Role::Master)
            .deletable_by("admin01")
            .is_err());
        assert!(detail("admin01", Role::Admin)
            .deletable_by("admin01")
            .is_err());
        assert!(detail("user01", Role::General)
            .deletable_by("admin01")
            .is_ok());
    }

    #[test]
    fn certificate_handling_is_for_other_certificate_users_with_a_certificate() {
        use CertificateState::*;
        assert!(certificate_handling_offered(
            AuthMethod::Certificate,
            Issued,
            "user01",
            "admin01"
        ));
        assert!(!certificate_handling_offered(
            AuthMethod::Certificate,
            Issued,
            "admin01",
            "admin01"
        ));
        assert!(!certificate_handling_offered(
            AuthMethod::Password,
            NotUsed,
            "user08",
            "admin01"
        ));
        for s in [NotIssued, Revoked] {
            assert!(!certificate_handling_offered(
                AuthMethod::Certificate,
                s,
                "user01",
                "admin01"
            ));
        }
        assert!(Renewable.revocable() && Expired.revocable() && !NotUsed.revocable());
    }

    #[test]
    fn the_master_revokes_others_but_not_their_own_certificate() {
        assert!(
            may_revoke_certificate(Role::Master, "master01", Role::Master, "master01").is_err()
        );
        assert!(may_revoke_certificate(Role::Master, "master01", Role::Admin, "admin01").is_err());
        assert!(may_revoke_certificate(Role::Admin, "admin01", Role::Admin, "admin01").is_ok());
        assert!(may_revoke_certificate(Role::General, "user01", Role::Master, "master01").is_ok());
    }

    #[test]
    fn only_the_master_changes_the_master() {
        assert!(may_change(Role::Master, Role::Admin).is_err());
        assert!(may_change(Role::Master, Role::Master).is_ok());
        assert!(may_change(Role::Admin, Role::Admin).is_ok());
    }

    #[test]
    fn request_paths_are_flat() {
        let req = UserRequest::default();
        let json = serde_json::to_value(&req).unwrap();
        assert!(json["user"]["login_id"].is_string());
        assert!(json["user"]["limits"].is_array());
        let back: UserRequest = serde_json::from_value(json).unwrap();
        assert_eq!(back, req);
        let changed = serde_json::to_string(&Changed::Limit(LimitBusiness::Bonus)).unwrap();
        assert_eq!(changed, r#"{"item":"limit","of":"bonus"}"#);
    }
}
