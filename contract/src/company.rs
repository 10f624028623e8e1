//! 企業管理 › 企業情報 (manual 001, "企業情報の変更"): the company's names,
//! 承認機能の利用有無, 口座一日当たりの限度額 and 企業一日当たりの限度額, the rules of
//! [BKGK001] and the cross-checks against the company's users, shared by the SPA (on
//! 「変更」) and the backend (422 on `PUT /api/company`).
//!
//! Field paths: `company.name_kana`, `company.name`, `company.approvals.transfer`,
//! `company.account_limits.{account id}.total`, `company.daily_limits.bulk`,
//! `confirmation.confirm_password`.

use crate::api::FieldError;
use crate::money::within_digits;
use crate::rules::RuleError;
use crate::users::{Account, Confirmation, Limit, LimitBusiness, Service};
use serde::{Deserialize, Serialize};

/// 企業名 / 企業名(カナ): at most 40 characters.
pub const NAME_MAX: usize = 40;
/// 口座一日当たりの限度額: 半角数字 15 桁以内.
pub const ACCOUNT_LIMIT_DIGITS: usize = 15;
/// 企業一日当たりの限度額: 半角数字 12 桁以内.
pub const DAILY_LIMIT_DIGITS: usize = 12;

/// Hints under the fields, worded as in the manual.
pub mod hint {
    pub const NAME_KANA: &str = "全角カタカナ40文字以内";
    pub const NAME: &str = "全角40文字以内";
    pub const ACCOUNT_LIMIT: &str = "半角数字15桁以内（円）";
    pub const DAILY_LIMIT: &str = "半角数字12桁以内（円）";
}

/// 承認機能の利用有無 of one business.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalMode {
    /// 承認なし (振込振替 only).
    None,
    /// シングル承認.
    Single,
    /// ダブル承認(順序なし).
    DoubleUnordered,
    /// ダブル承認(順序あり).
    DoubleOrdered,
}

impl ApprovalMode {
    pub fn label(self) -> &'static str {
        match self {
            ApprovalMode::None => "承認なし",
            ApprovalMode::Single => "シングル承認",
            ApprovalMode::DoubleUnordered => "ダブル承認(順序なし)",
            ApprovalMode::DoubleOrdered => "ダブル承認(順序あり)",
        }
    }

    /// For DOM ids and field paths.
    pub fn key(self) -> &'static str {
        match self {
            ApprovalMode::None => "none",
            ApprovalMode::Single => "single",
            ApprovalMode::DoubleUnordered => "double_unordered",
            ApprovalMode::DoubleOrdered => "double_ordered",
        }
    }

    /// Needs two approvers.
    pub fn is_double(self) -> bool {
        matches!(
            self,
            ApprovalMode::DoubleUnordered | ApprovalMode::DoubleOrdered
        )
    }

    /// The choices of `service`, as in the manual: 承認なし only for 振込振替.
    pub fn choices(service: Service) -> &'static [ApprovalMode] {
        use ApprovalMode::*;
        match service {
            Service::Transfer => &[None, Single, DoubleUnordered, DoubleOrdered],
            _ => &[Single, DoubleUnordered, DoubleOrdered],
        }
    }
}

/// Service key for DOM ids and field paths.
pub fn service_key(service: Service) -> &'static str {
    match service {
        Service::Transfer => "transfer",
        Service::Bulk => "bulk",
        Service::Payroll => "payroll",
        Service::Debit => "debit",
    }
}

/// 承認機能の利用有無 of one contracted service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalSetting {
    pub service: Service,
    pub mode: ApprovalMode,
}

/// The three 口座一日当たりの限度額 of 振込振替.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountLimitKind {
    /// 振込振替(合計).
    Total,
    /// 振込振替(都度指定).
    AdHoc,
    /// 振込振替(事前登録).
    Registered,
}

impl AccountLimitKind {
    pub const ALL: [AccountLimitKind; 3] = [
        AccountLimitKind::Total,
        AccountLimitKind::AdHoc,
        AccountLimitKind::Registered,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AccountLimitKind::Total => "振込振替(合計)",
            AccountLimitKind::AdHoc => "振込振替(都度指定)",
            AccountLimitKind::Registered => "振込振替(事前登録)",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            AccountLimitKind::Total => "total",
            AccountLimitKind::AdHoc => "ad_hoc",
            AccountLimitKind::Registered => "registered",
        }
    }
}

/// 口座一日当たりの限度額 of one account (integer yen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountLimits {
    pub account_id: i64,
    pub total: u64,
    pub ad_hoc: u64,
    pub registered: u64,
}

impl AccountLimits {
    pub fn get(&self, kind: AccountLimitKind) -> u64 {
        match kind {
            AccountLimitKind::Total => self.total,
            AccountLimitKind::AdHoc => self.ad_hoc,
            AccountLimitKind::Registered => self.registered,
        }
    }

    pub fn set(&mut self, kind: AccountLimitKind, amount: u64) {
        match kind {
            AccountLimitKind::Total => self.total = amount,
            AccountLimitKind::AdHoc => self.ad_hoc = amount,
            AccountLimitKind::Registered => self.registered = amount,
        }
    }
}

/// The businesses with a 企業一日当たりの限度額, in the manual's order.
pub const DAILY_LIMIT_BUSINESSES: [LimitBusiness; 4] = [
    LimitBusiness::Bulk,
    LimitBusiness::Salary,
    LimitBusiness::Bonus,
    LimitBusiness::Debit,
];

/// What [BKGK001] edits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyInfo {
    /// 企業名(カナ).
    pub name_kana: String,
    /// 企業名.
    pub name: String,
    /// 承認機能の利用有無, one per contracted service, in [`Service::ALL`] order.
    pub approvals: Vec<ApprovalSetting>,
    /// 口座一日当たりの限度額, one per account, in account order.
    pub account_limits: Vec<AccountLimits>,
    /// 企業一日当たりの限度額, one per contracted business of [`DAILY_LIMIT_BUSINESSES`].
    pub daily_limits: Vec<Limit>,
}

/// One changed item of the company ([BKGK002] and [BKGK003] mark these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "item", content = "of")]
pub enum CompanyItem {
    NameKana,
    Name,
    Approval(Service),
    AccountLimit(i64, AccountLimitKind),
    DailyLimit(LimitBusiness),
}

impl CompanyInfo {
    pub fn approval(&self, service: Service) -> Option<ApprovalMode> {
        self.approvals
            .iter()
            .find(|a| a.service == service)
            .map(|a| a.mode)
    }

    pub fn account_limits(&self, account_id: i64) -> Option<&AccountLimits> {
        self.account_limits
            .iter()
            .find(|a| a.account_id == account_id)
    }

    pub fn daily_limit(&self, business: LimitBusiness) -> Option<u64> {
        self.daily_limits
            .iter()
            .find(|l| l.business == business)
            .map(|l| l.amount)
    }

    /// The most a user's 利用者一回当たり限度額 of `business` may be: for 振込振替 the
    /// highest 振込振替(合計) of the company's accounts, otherwise the 企業一日当たりの限度額.
    pub fn user_limit_cap(&self, business: LimitBusiness) -> Option<u64> {
        match business {
            LimitBusiness::Transfer => self.account_limits.iter().map(|a| a.total).max(),
            b => self.daily_limit(b),
        }
    }

    /// The caps of every business that has one (the users' form context).
    pub fn user_limit_caps(&self) -> Vec<Limit> {
        LimitBusiness::ALL
            .into_iter()
            .filter_map(|b| {
                self.user_limit_cap(b).map(|amount| Limit {
                    business: b,
                    amount,
                })
            })
            .collect()
    }

    /// What differs in `after`, in screen order.
    pub fn changes(&self, after: &CompanyInfo) -> Vec<CompanyItem> {
        let mut out = Vec::new();
        if self.name_kana != after.name_kana {
            out.push(CompanyItem::NameKana);
        }
        if self.name != after.name {
            out.push(CompanyItem::Name);
        }
        for s in Service::ALL {
            if self.approval(s) != after.approval(s) {
                out.push(CompanyItem::Approval(s));
            }
        }
        let mut ids: Vec<i64> = self
            .account_limits
            .iter()
            .chain(&after.account_limits)
            .map(|a| a.account_id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            for k in AccountLimitKind::ALL {
                let was = self.account_limits(id).map(|a| a.get(k));
                let now = after.account_limits(id).map(|a| a.get(k));
                if was != now {
                    out.push(CompanyItem::AccountLimit(id, k));
                }
            }
        }
        for b in DAILY_LIMIT_BUSINESSES {
            if self.daily_limit(b) != after.daily_limit(b) {
                out.push(CompanyItem::DailyLimit(b));
            }
        }
        out
    }
}

/// A user as the cross-checks name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRef {
    pub login_id: String,
    pub name: String,
}

impl UserRef {
    /// 「港　太郎（master01）」.
    pub fn label(&self) -> String {
        format!("{}（{}）", self.name, self.login_id)
    }
}

/// The users holding the 承認 right of one service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approvers {
    pub service: Service,
    pub users: Vec<UserRef>,
}

/// A user's 利用者一回当たり限度額 (for the limit cross-check).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserLimits {
    #[serde(flatten)]
    pub user: UserRef,
    pub limits: Vec<Limit>,
}

/// What the cross-checks need to know about the company's users.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyContext {
    /// The contracted services.
    pub services: Vec<Service>,
    /// The company's accounts.
    pub accounts: Vec<Account>,
    /// Per contracted service, the (not deleted) users with its 承認 right.
    pub approvers: Vec<Approvers>,
    /// Every (not deleted) user's limits.
    pub user_limits: Vec<UserLimits>,
    /// The company uses ワンタイムパスワード: confirmations ask for one.
    pub one_time_password: bool,
}

impl CompanyContext {
    pub fn approvers(&self, service: Service) -> &[UserRef] {
        self.approvers
            .iter()
            .find(|a| a.service == service)
            .map_or(&[], |a| &a.users)
    }

    pub fn account(&self, id: i64) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    /// The contracted businesses of [`DAILY_LIMIT_BUSINESSES`].
    pub fn daily_limit_businesses(&self) -> Vec<LimitBusiness> {
        DAILY_LIMIT_BUSINESSES
            .into_iter()
            .filter(|b| self.services.contains(&b.service()))
            .collect()
    }
}

/// `GET /api/company`: the company as it is, and what the screens and checks need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyView {
    pub company: CompanyInfo,
    pub context: CompanyContext,
    /// Changes when anything of the company changes; a change sends the revision it
    /// started from, and a different one answers 409.
    pub revision: i64,
    /// 最終更新日時.
    pub updated_at: i64,
}

/// `PUT /api/company` ([BKGK002] 「実行」).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyChangeRequest {
    pub company: CompanyInfo,
    /// [`CompanyView::revision`] the change started from.
    pub revision: i64,
    pub confirmation: Confirmation,
}

/// Answer to a change ([BKGK003]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyChanged {
    pub before: CompanyInfo,
    pub after: CompanyInfo,
    pub changed: Vec<CompanyItem>,
    pub changed_at: i64,
}

/// Field paths (as in 422 answers) and labels.
pub mod field {
    use super::{service_key, AccountLimitKind};
    use crate::users::{LimitBusiness, Service};

    pub const NAME_KANA: &str = "company.name_kana";
    pub const NAME: &str = "company.name";
    pub const OPERATOR_PASSWORD: &str = crate::user_rules::field::OPERATOR_PASSWORD;
    pub const ONE_TIME_PASSWORD: &str = crate::user_rules::field::ONE_TIME_PASSWORD;

    pub fn approval(s: Service) -> String {
        format!("company.approvals.{}", service_key(s))
    }

    pub fn account_limit(account_id: i64, k: AccountLimitKind) -> String {
        format!("company.account_limits.{account_id}.{}", k.key())
    }

    pub fn daily_limit(b: LimitBusiness) -> String {
        format!("company.daily_limits.{}", b.key())
    }
}

/// 「承認機能の利用有無（総合振込）」.
pub fn approval_label(s: Service) -> String {
    format!("承認機能の利用有無（{}）", s.label())
}

/// 「口座一日当たりの限度額（本店営業部(001) 普通 1234567・振込振替(合計)）」.
pub fn account_limit_label(account: Option<&Account>, k: AccountLimitKind) -> String {
    match account {
        Some(a) => format!("口座一日当たりの限度額（{}・{}）", a.label(), k.label()),
        None => format!("口座一日当たりの限度額（{}）", k.label()),
    }
}

/// 「企業一日当たりの限度額（総合振込）」.
pub fn daily_limit_label(b: LimitBusiness) -> String {
    format!("企業一日当たりの限度額（{}）", b.label())
}

/// The label of a field path, for messages (`ctx` names accounts).
pub fn label_of(path: &str, ctx: &CompanyContext) -> String {
    if path == field::NAME_KANA {
        return "企業名(カナ)".into();
    }
    if path == field::NAME {
        return "企業名".into();
    }
    if path == field::OPERATOR_PASSWORD {
        return "確認用パスワード".into();
    }
    if path == field::ONE_TIME_PASSWORD {
        return "ワンタイムパスワード".into();
    }
    if let Some(s) = Service::ALL
        .into_iter()
        .find(|s| field::approval(*s) == path)
    {
        return approval_label(s);
    }
    if let Some(b) = DAILY_LIMIT_BUSINESSES
        .into_iter()
        .find(|b| field::daily_limit(*b) == path)
    {
        return daily_limit_label(b);
    }
    if let Some(rest) = path.strip_prefix("company.account_limits.") {
        if let Some((id, key)) = rest.split_once('.') {
            let account = id.parse().ok().and_then(|id| ctx.account(id));
            if let Some(k) = AccountLimitKind::ALL.into_iter().find(|k| k.key() == key) {
                return account_limit_label(account, k);
            }
        }
    }
    path.into()
}

fn is_kana_name_char(c: char) -> bool {
    matches!(c,
        'ァ'..='ヶ' | 'ー' | '・' | '　'
        | '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ'
        | '（' | '）' | '．' | '－' | '／')
}

/// 企業名(カナ): 全角カタカナ (and 全角英数字, 全角スペース, （）．－／・ー), 40 文字以内.
pub fn name_kana(value: &str) -> Result<(), RuleError> {
    crate::rules::full_width_text(value, NAME_MAX)?;
    match value.chars().find(|c| !is_kana_name_char(*c)) {
        Some(ch) => Err(RuleError::NotKatakana { ch }),
        None => Ok(()),
    }
}

/// 企業名: 全角 40 文字以内.
pub fn name(value: &str) -> Result<(), RuleError> {
    crate::rules::full_width_text(value, NAME_MAX)
}

fn push(e: &mut Vec<FieldError>, path: &str, ctx: &CompanyContext, r: Result<(), RuleError>) {
    if let Err(err) = r {
        e.push(err.to_field_error(path, &label_of(path, ctx)));
    }
}

/// The rules of each field of [BKGK001] (not the cross-checks): names, a choice of the
/// manual for every contracted service and none other, a limit for every account and
/// contracted business within its digits.
pub fn field_errors(c: &CompanyInfo, ctx: &CompanyContext) -> Vec<FieldError> {
    let mut e = Vec::new();
    push(&mut e, field::NAME_KANA, ctx, name_kana(&c.name_kana));
    push(&mut e, field::NAME, ctx, name(&c.name));
    for s in Service::ALL {
        let path = field::approval(s);
        match (c.approval(s), ctx.services.contains(&s)) {
            (None, true) => e.push(FieldError {
                field: path.clone(),
                code: "required".into(),
                message: format!("{}を選択してください。", approval_label(s)),
            }),
            (Some(m), true) if !ApprovalMode::choices(s).contains(&m) => e.push(FieldError {
                field: path.clone(),
                code: "not_offered".into(),
                message: format!("{}で「{}」は選択できません。", approval_label(s), m.label()),
            }),
            (Some(_), false) => e.push(FieldError {
                field: path.clone(),
                code: "not_contracted".into(),
                message: format!("{}はご契約がないため設定できません。", s.label()),
            }),
            _ => {}
        }
    }
    for a in &ctx.accounts {
        for k in AccountLimitKind::ALL {
            let path = field::account_limit(a.id, k);
            let r = match c.account_limits(a.id) {
                Some(l) => within_digits(l.get(k), ACCOUNT_LIMIT_DIGITS),
                None => Err(RuleError::Required),
            };
            let well_formed = r.is_ok();
            push(&mut e, &path, ctx, r);
            // 都度指定 and 事前登録 are parts of 合計: neither may exceed it.
            if let Some(l) = c.account_limits(a.id).filter(|_| well_formed) {
                if k != AccountLimitKind::Total && l.get(k) > l.total {
                    e.push(FieldError {
                        field: path,
                        code: "exceeds_total".into(),
                        message: format!(
                            "{}は振込振替(合計)（{}円）以下で入力してください。",
                            account_limit_label(Some(a), k),
                            crate::money::format_yen(l.total)
                        ),
                    });
                }
            }
        }
    }
    if let Some(unknown) = c
        .account_limits
        .iter()
        .find(|l| ctx.account(l.account_id).is_none())
    {
        e.push(FieldError {
            field: format!("company.account_limits.{}", unknown.account_id),
            code: "unknown_account".into(),
            message: "ご登録のない口座の限度額は設定できません。".into(),
        });
    }
    let offered = ctx.daily_limit_businesses();
    for b in DAILY_LIMIT_BUSINESSES {
        let path = field::daily_limit(b);
        match (c.daily_limit(b), offered.contains(&b)) {
            (None, true) => push(&mut e, &path, ctx, Err(RuleError::Required)),
            (Some(amount), true) => push(
                &mut e,
                &path,
                ctx,
                within_digits(amount, DAILY_LIMIT_DIGITS),
            ),
            (Some(_), false) => e.push(FieldError {
                field: path,
                code: "not_contracted".into(),
                message: format!("{}はご契約がないため設定できません。", daily_limit_label(b)),
            }),
            (None, false) => {}
        }
    }
    e
}

fn names(users: &[&UserRef]) -> String {
    users
        .iter()
        .map(|u| u.label())
        .collect::<Vec<_>>()
        .join("、")
}

/// The cross-checks of a change from `before` to `after`, on what changed only:
/// - ダブル承認 needs two users holding that business's 承認 right;
/// - a limit lowered below a user's 利用者一回当たり限度額 names the users concerned
///   (for 振込振替, when the highest 振込振替(合計) falls below it; see
///   [`CompanyInfo::user_limit_cap`]).
pub fn cross_check_errors(
    before: &CompanyInfo,
    after: &CompanyInfo,
    ctx: &CompanyContext,
) -> Vec<FieldError> {
    let mut e = Vec::new();
    for s in &ctx.services {
        let Some(mode) = after.approval(*s) else {
            continue;
        };
        let approvers = ctx.approvers(*s);
        if mode.is_double() && before.approval(*s) != Some(mode) && approvers.len() < 2 {
            let who = if approvers.is_empty() {
                "現在はいません".to_owned()
            } else {
                format!("現在は{}のみ", names(&approvers.iter().collect::<Vec<_>>()))
            };
            e.push(FieldError {
                field: field::approval(*s),
                code: "too_few_approvers".into(),
                message: format!(
                    "{}：ダブル承認には、{}の承認権限を持つ利用者が2名以上必要です（{}）。利用者管理で承認権限を付与してから変更してください。",
                    approval_label(*s),
                    s.label(),
                    who
                ),
            });
        }
    }

    let over = |b: LimitBusiness, cap: u64| -> Vec<&UserRef> {
        ctx.user_limits
            .iter()
            .filter(|u| u.limits.iter().any(|l| l.business == b && l.amount > cap))
            .map(|u| &u.user)
            .collect()
    };
    let message = |label: String, users: &[&UserRef]| {
        format!(
            "{label}を、利用者一回当たり限度額がこれを超える利用者がいる金額には下げられません（{}）。先に利用者の限度額を変更してください。",
            names(users)
        )
    };
    // 振込振替: the highest 合計 is the users' cap.
    if let Some(cap) = after.user_limit_cap(LimitBusiness::Transfer) {
        let users = over(LimitBusiness::Transfer, cap);
        if !users.is_empty() {
            for l in &after.account_limits {
                let was = before.account_limits(l.account_id).map(|b| b.total);
                if was.is_none_or(|w| l.total < w) {
                    let k = AccountLimitKind::Total;
                    let label = account_limit_label(ctx.account(l.account_id), k);
                    e.push(FieldError {
                        field: field::account_limit(l.account_id, k),
                        code: "below_user_limit".into(),
                        message: message(label, &users),
                    });
                }
            }
        }
    }
    for b in ctx.daily_limit_businesses() {
        let (Some(now), was) = (after.daily_limit(b), before.daily_limit(b)) else {
            continue;
        };
        if was.is_some_and(|w| now >= w) {
            continue;
        }
        let users = over(b, now);
        if !users.is_empty() {
            e.push(FieldError {
                field: field::daily_limit(b),
                code: "below_user_limit".into(),
                message: message(daily_limit_label(b), &users),
            });
        }
    }
    e
}

/// Every error of a change, in screen order (fields first, then cross-checks on fields
/// without a field error).
pub fn change_errors(
    before: &CompanyInfo,
    after: &CompanyInfo,
    ctx: &CompanyContext,
) -> Vec<FieldError> {
    let mut e = field_errors(after, ctx);
    let cross: Vec<FieldError> = cross_check_errors(before, after, ctx)
        .into_iter()
        .filter(|c| !e.iter().any(|f| f.field == c.field))
        .collect();
    e.extend(cross);
    e
}

/// The refusal of a 利用者管理 change that would leave a business in ダブル承認
/// ([`ApprovalMode::is_double`]) with fewer than two users holding its 承認 right, the rule
/// [`cross_check_errors`] applies when 企業管理 sets ダブル承認.
///
/// `approvers` are the current ones ([`CompanyContext::approvers`]); `login_id` is the
/// user changed (`rights_after`: their rights after the change) or deleted
/// (`rights_after: None`). Only a user who holds the 承認 right now and would not hold it
/// afterwards is refused: one error on `user.rights` (code `double_approval_needs_two`) per
/// such business, in service order, e.g.
/// 「総合振込の承認は企業管理でダブル承認に設定されているため、承認権限を持つ利用者が2名未満になる変更はできません（変更後1名）。先に企業管理で承認機能の利用有無を変更してください。」
/// (for a deletion 「…2名未満になる削除はできません（削除後1名）。…」).
pub fn approver_removal_errors(
    company: &CompanyInfo,
    approvers: &[Approvers],
    login_id: &str,
    rights_after: Option<&[crate::users::Right]>,
) -> Vec<FieldError> {
    use crate::users::Right;
    const APPROVE: [Right; 4] = [
        Right::ApproveTransfer,
        Right::ApproveBulk,
        Right::ApprovePayroll,
        Right::ApproveDebit,
    ];
    let (what, after) = match rights_after {
        Some(_) => ("変更", "変更後"),
        None => ("削除", "削除後"),
    };
    let mut e = Vec::new();
    for s in Service::ALL {
        if !company.approval(s).is_some_and(ApprovalMode::is_double) {
            continue;
        }
        let users = approvers
            .iter()
            .find(|a| a.service == s)
            .map_or(&[][..], |a| &a.users);
        if !users.iter().any(|u| u.login_id == login_id) {
            continue;
        }
        let keeps = rights_after.is_some_and(|rights| {
            rights
                .iter()
                .any(|r| APPROVE.contains(r) && r.service() == Some(s))
        });
        let left = users.iter().filter(|u| u.login_id != login_id).count();
        if keeps || left >= 2 {
            continue;
        }
        e.push(FieldError {
            field: crate::user_rules::field::RIGHTS.into(),
            code: "double_approval_needs_two".into(),
            message: format!(
                "{}の承認は企業管理でダブル承認に設定されているため、承認権限を持つ利用者が2名未満になる{what}はできません（{after}{left}名）。先に企業管理で承認機能の利用有無を変更してください。",
                s.label()
            ),
        });
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn account(id: i64) -> Account {
        Account {
            id,
            branch_name: "本店営業部".into(),
            branch_code: "001".into(),
            kind: "普通".into(),
            number: format!("123456{id}"),
            memo: String::new(),
        }
    }

    fn user(id: &str, limits: &[(LimitBusiness, u64)]) -> UserLimits {
        UserLimits {
            user: UserRef {
                login_id: id.into(),
                name: "港　太郎".into(),
            },
            limits: limits
                .iter()
                .map(|(b, a)| Limit {
                    business: *b,
                    amount: *a,
                })
                .collect(),
        }
    }

    fn ctx() -> CompanyContext {
        CompanyContext {
            services: vec![Service::Transfer, Service::Bulk, Service::Payroll],
            accounts: vec![account(1), account(2)],
            approvers: vec![
                Approvers {
                    service: Service::Transfer,
                    users: vec![user("master01", &[]).user, user("admin01", &[]).user],
                },
                Approvers {
                    service: Service::Payroll,
                    users: vec![user("user01", &[]).user],
                },
            ],
            user_limits: vec![
                user("master01", &[(LimitBusiness::Transfer, 8_000_000)]),
                user("user01", &[(LimitBusiness::Bulk, 20_000_000)]),
            ],
            one_time_password: false,
        }
    }

    fn company() -> CompanyInfo {
        CompanyInfo {
            name_kana: "カブシキガイシャミナトセイキ".into(),
            name: "株式会社みなと精機".into(),
            approvals: vec![
                ApprovalSetting {
                    service: Service::Transfer,
                    mode: ApprovalMode::Single,
                },
                ApprovalSetting {
                    service: Service::Bulk,
                    mode: ApprovalMode::Single,
                },
                ApprovalSetting {
                    service: Service::Payroll,
                    mode: ApprovalMode::Single,
                },
            ],
            account_limits: vec![
                AccountLimits {
                    account_id: 1,
                    total: 10_000_000,
                    ad_hoc: 5_000_000,
                    registered: 10_000_000,
                },
                AccountLimits {
                    account_id: 2,
                    total: 5_000_000,
                    ad_hoc: 1_000_000,
                    registered: 5_000_000,
                },
            ],
            daily_limits: vec![
                Limit {
                    business: LimitBusiness::Bulk,
                    amount: 50_000_000,
                },
                Limit {
                    business: LimitBusiness::Salary,
                    amount: 30_000_000,
                },
                Limit {
                    business: LimitBusiness::Bonus,
                    amount: 30_000_000,
                },
            ],
        }
    }

    fn fields(e: &[FieldError]) -> Vec<&str> {
        e.iter().map(|f| f.field.as_str()).collect()
    }

    #[test]
    fn the_demo_company_is_valid() {
        assert_eq!(change_errors(&company(), &company(), &ctx()), vec![]);
    }

    #[test]
    fn approval_choices_are_the_manuals() {
        assert_eq!(ApprovalMode::choices(Service::Transfer).len(), 4);
        for s in [Service::Bulk, Service::Payroll, Service::Debit] {
            assert!(!ApprovalMode::choices(s).contains(&ApprovalMode::None));
            assert_eq!(ApprovalMode::choices(s).len(), 3);
        }
        let mut c = company();
        c.approvals[1].mode = ApprovalMode::None;
        let e = field_errors(&c, &ctx());
        assert_eq!(fields(&e), ["company.approvals.bulk"]);
        assert_eq!(
            e[0].message,
            "承認機能の利用有無（総合振込）で「承認なし」は選択できません。"
        );
    }

    #[test]
    fn uncontracted_and_missing_settings_are_refused() {
        let mut c = company();
        c.approvals.push(ApprovalSetting {
            service: Service::Debit,
            mode: ApprovalMode::Single,
        });
        c.daily_limits
            .retain(|l| l.business != LimitBusiness::Bonus);
        c.account_limits.pop();
        let e = field_errors(&c, &ctx());
        assert_eq!(
            fields(&e),
            [
                "company.approvals.debit",
                "company.account_limits.2.total",
                "company.account_limits.2.ad_hoc",
                "company.account_limits.2.registered",
                "company.daily_limits.bonus",
            ]
        );
    }

    #[test]
    fn digits_are_fifteen_per_account_and_twelve_per_company() {
        let mut c = company();
        c.account_limits[0].total = 999_999_999_999_999;
        c.daily_limits[0].amount = 999_999_999_999;
        assert_eq!(field_errors(&c, &ctx()), vec![]);
        c.account_limits[0].ad_hoc = 1_000_000_000_000_000;
        c.daily_limits[0].amount = 1_000_000_000_000;
        let e = field_errors(&c, &ctx());
        assert_eq!(
            fields(&e),
            [
                "company.account_limits.1.ad_hoc",
                "company.daily_limits.bulk"
            ]
        );
        assert_eq!(
            e[1].message,
            "企業一日当たりの限度額（総合振込）は半角数字12桁以内で入力してください。"
        );
        assert_eq!(
            e[0].message,
            "口座一日当たりの限度額（本店営業部(001) 普通 1234561・振込振替(都度指定)）は半角数字15桁以内で入力してください。"
        );
    }

    #[test]
    fn ad_hoc_and_registered_stay_within_the_total() {
        let mut c = company();
        c.account_limits[1].ad_hoc = 5_000_001;
        c.account_limits[1].registered = 5_000_000;
        let e = field_errors(&c, &ctx());
        assert_eq!(fields(&e), ["company.account_limits.2.ad_hoc"]);
        assert!(
            e[0].message.contains("振込振替(合計)（5,000,000円）以下"),
            "{}",
            e[0].message
        );
    }

    #[test]
    fn names_are_full_width_and_kana_is_katakana() {
        assert_eq!(name_kana("カブシキガイシャ　ミナト（カ）"), Ok(()));
        assert_eq!(name_kana("ｶﾌﾞｼｷ"), Err(RuleError::HalfWidth { ch: 'ｶ' }));
        assert_eq!(
            name_kana("かぶしき"),
            Err(RuleError::NotKatakana { ch: 'か' })
        );
        assert_eq!(
            name_kana("株式会社"),
            Err(RuleError::NotKatakana { ch: '株' })
        );
        assert_eq!(name("株式会社みなと精機"), Ok(()));
        assert_eq!(name("ABC"), Err(RuleError::HalfWidth { ch: 'A' }));
        assert_eq!(name(""), Err(RuleError::Required));
        assert_eq!(
            name(&"あ".repeat(41)),
            Err(RuleError::TooLong {
                max: 40,
                actual: 41
            })
        );
    }

    #[test]
    fn double_approval_needs_two_approvers() {
        let mut c = company();
        c.approvals[0].mode = ApprovalMode::DoubleOrdered;
        assert_eq!(cross_check_errors(&company(), &c, &ctx()), vec![]);
        c.approvals[2].mode = ApprovalMode::DoubleUnordered;
        c.approvals[1].mode = ApprovalMode::DoubleUnordered;
        let e = cross_check_errors(&company(), &c, &ctx());
        assert_eq!(
            fields(&e),
            ["company.approvals.bulk", "company.approvals.payroll"]
        );
        assert!(e[0].message.contains("現在はいません"), "{}", e[0].message);
        assert!(e[1].message.contains("現在は港　太郎（user01）のみ"));
        // An unchanged double mode is not re-checked (approvers may have changed since).
        assert_eq!(cross_check_errors(&c, &c, &ctx()).len(), 0);
    }

    #[test]
    fn lowering_a_limit_below_a_users_names_the_users() {
        let mut c = company();
        c.daily_limits[0].amount = 19_999_999;
        let e = cross_check_errors(&company(), &c, &ctx());
        assert_eq!(fields(&e), ["company.daily_limits.bulk"]);
        assert!(
            e[0].message.contains("港　太郎（user01）"),
            "{}",
            e[0].message
        );
        // Down to exactly the user's limit is fine.
        c.daily_limits[0].amount = 20_000_000;
        assert_eq!(cross_check_errors(&company(), &c, &ctx()), vec![]);
    }

    #[test]
    fn transfer_follows_the_highest_account_total() {
        let mut c = company();
        // Account 1 lowered, but still above the user's 8,000,000.
        c.account_limits[0].total = 8_000_000;
        assert_eq!(cross_check_errors(&company(), &c, &ctx()), vec![]);
        assert_eq!(c.user_limit_cap(LimitBusiness::Transfer), Some(8_000_000));
        c.account_limits[0].total = 7_000_000;
        let e = cross_check_errors(&company(), &c, &ctx());
        // Only the lowered field is named; account 2 was not touched.
        assert_eq!(fields(&e), ["company.account_limits.1.total"]);
        assert!(e[0].message.contains("master01"));
    }

    #[test]
    fn changes_list_each_item_in_screen_order() {
        let mut c = company();
        c.name = "株式会社みなと".into();
        c.approvals[0].mode = ApprovalMode::None;
        c.account_limits[1].registered = 1;
        c.daily_limits[2].amount = 1;
        assert_eq!(
            company().changes(&c),
            [
                CompanyItem::Name,
                CompanyItem::Approval(Service::Transfer),
                CompanyItem::AccountLimit(2, AccountLimitKind::Registered),
                CompanyItem::DailyLimit(LimitBusiness::Bonus),
            ]
        );
        assert_eq!(company().changes(&company()), []);
    }

    #[test]
    fn labels_of_every_path() {
        let ctx = ctx();
        assert_eq!(label_of(field::NAME_KANA, &ctx), "企業名(カナ)");
        assert_eq!(
            label_of(&field::approval(Service::Payroll), &ctx),
            "承認機能の利用有無（給与・賞与振込）"
        );
        assert_eq!(
            label_of(&field::account_limit(2, AccountLimitKind::AdHoc), &ctx),
            "口座一日当たりの限度額（本店営業部(001) 普通 1234562・振込振替(都度指定)）"
        );
        assert_eq!(
            label_of(&field::daily_limit(LimitBusiness::Salary), &ctx),
            "企業一日当たりの限度額（給与振込）"
        );
    }

    proptest! {
        #[test]
        fn any_katakana_name_within_40_is_accepted(s in "[ァ-ヶー]{1,40}") {
            prop_assert_eq!(name_kana(&s), Ok(()));
        }

        #[test]
        fn any_ascii_in_a_name_is_refused(a in "[あ-ん]{0,5}", c in "[ -~]", b in "[あ-ん]{0,5}") {
            let v = format!("{a}{c}{b}");
            prop_assume!(!v.trim().is_empty());
            let refused = matches!(name(&v), Err(RuleError::HalfWidth { .. }) | Err(RuleError::Required));
            prop_assert!(refused, "{:?}", name(&v));
        }

        #[test]
        fn a_daily_limit_round_trips_through_change_detection(n in 0u64..1_000_000_000_000) {
            let mut c = company();
            c.daily_limits[0].amount = n;
            let changed = company().changes(&c);
            prop_assert_eq!(changed.is_empty(), n == 50_000_000);
        }
    }

    fn approvers_of(service: Service, ids: &[&str]) -> Approvers {
        Approvers {
            service,
            users: ids.iter().map(|id| user(id, &[]).user).collect(),
        }
    }

    fn double_bulk(mode: ApprovalMode) -> CompanyInfo {
        let mut c = company();
        c.approvals[1].mode = mode;
        c
    }

    #[test]
    fn removing_an_approver_of_a_double_approval_keeps_two() {
        use crate::users::Right;
        let c = double_bulk(ApprovalMode::DoubleUnordered);
        let three = [approvers_of(
            Service::Bulk,
            &["master01", "admin01", "user01"],
        )];
        let none: &[Right] = &[Right::Balance];
        // Three approvers: one may go, by a change or a deletion.
        assert_eq!(
            approver_removal_errors(&c, &three, "user01", Some(none)),
            []
        );
        assert_eq!(approver_removal_errors(&c, &three, "user01", None), []);
        let two = [approvers_of(Service::Bulk, &["master01", "user01"])];
        let e = approver_removal_errors(&c, &two, "user01", Some(none));
        assert_eq!(fields(&e), ["user.rights"]);
        assert_eq!(e[0].code, "double_approval_needs_two");
        assert_eq!(
            e[0].message,
            "総合振込の承認は企業管理でダブル承認に設定されているため、承認権限を持つ利用者が2名未満になる変更はできません（変更後1名）。先に企業管理で承認機能の利用有無を変更してください。"
        );
        let e = approver_removal_errors(
            &double_bulk(ApprovalMode::DoubleOrdered),
            &two,
            "user01",
            None,
        );
        assert_eq!(
            e[0].message,
            "総合振込の承認は企業管理でダブル承認に設定されているため、承認権限を持つ利用者が2名未満になる削除はできません（削除後1名）。先に企業管理で承認機能の利用有無を変更してください。"
        );
    }

    #[test]
    fn only_an_approver_losing_the_right_of_a_double_approval_is_refused() {
        use crate::users::Right;
        let two = [
            approvers_of(Service::Transfer, &["master01", "user01"]),
            approvers_of(Service::Bulk, &["master01", "user01"]),
            approvers_of(Service::Payroll, &["user01"]),
        ];
        let none: &[Right] = &[];
        // シングル承認 (the demo): nobody is refused, not even the only approver.
        assert_eq!(
            approver_removal_errors(&company(), &two, "user01", None),
            []
        );
        let c = double_bulk(ApprovalMode::DoubleUnordered);
        // Keeping the 承認 right (other rights change) is fine.
        let keeps: &[Right] = &[Right::ApproveBulk, Right::BulkScreen];
        assert_eq!(approver_removal_errors(&c, &two, "user01", Some(keeps)), []);
        // Another service's 承認 right is not this one's.
        let other: &[Right] = &[Right::ApproveTransfer, Right::ApprovePayroll];
        assert_eq!(
            fields(&approver_removal_errors(&c, &two, "user01", Some(other))),
            ["user.rights"]
        );
        // Someone who is no approver is never refused.
        assert_eq!(approver_removal_errors(&c, &two, "admin01", None), []);
        // Every double business is named, in service order; with one approver left to lose,
        // the count after is 0.
        let mut c = c;
        c.approvals[0].mode = ApprovalMode::DoubleOrdered;
        c.approvals[2].mode = ApprovalMode::DoubleOrdered;
        let e = approver_removal_errors(&c, &two, "user01", Some(none));
        assert_eq!(e.len(), 3);
        assert!(
            e[0].message.starts_with("振込振替の承認は"),
            "{}",
            e[0].message
        );
        assert!(
            e[1].message.starts_with("総合振込の承認は"),
            "{}",
            e[1].message
        );
        assert!(e[2].message.starts_with("給与・賞与振込の承認は"));
        assert!(e[2].message.contains("（変更後0名）"), "{}", e[2].message);
    }
}
