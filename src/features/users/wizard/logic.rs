//! The 利用者登録 / 利用者変更 wizard as plain data: the steps and their order, the draft
//! as the user typed it, what each step's 「次へ」 checks, and which step a URL may open.
//!
//! The draft lives in memory only (never in web storage: it holds passwords), so a
//! reload loses it; the pages then say so instead of showing a broken step.

use crate::kernel::help::{self, Screen};
use kanri_contract::api::FieldError;
use kanri_contract::money::{format_yen, parse_amount};
use kanri_contract::rules::RuleError;
use kanri_contract::user_rules::{self, field, label_of, Mode, LIMIT_DIGITS};
use kanri_contract::users::{
    CertificateHandling, Changed, Confirmation, Limit, LimitBusiness, PasswordEntry, Right,
    UserDetail, UserFormContext, UserInput, UserProfile, UserRequest, RIGHT_GROUPS,
};
use std::collections::{BTreeMap, BTreeSet};

/// The five steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    Basics,
    Rights,
    Accounts,
    Confirm,
    Done,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Basics,
        Step::Rights,
        Step::Accounts,
        Step::Confirm,
        Step::Done,
    ];

    /// The last URL segment of the step.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Basics => "basic",
            Step::Rights => "rights",
            Step::Accounts => "accounts",
            Step::Confirm => "confirm",
            Step::Done => "done",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// The step 「戻る」 and the browser's back button lead to (none from the first).
    pub fn prev(self) -> Option<Step> {
        self.index().checked_sub(1).map(|i| Step::ALL[i])
    }

    /// The step 「次へ」 leads to.
    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.index() + 1).copied()
    }

    /// The step indicator's labels.
    pub fn labels(mode: &WizardMode) -> &'static [&'static str] {
        match mode {
            WizardMode::Register => &[
                "基本情報を入力",
                "権限を入力",
                "口座・限度額を入力",
                "内容確認",
                "登録完了",
            ],
            WizardMode::Change { .. } => &[
                "基本情報を入力",
                "権限を入力",
                "口座・限度額を入力",
                "内容確認",
                "変更完了",
            ],
        }
    }
}

/// Registration of a new user, or change of an existing one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WizardMode {
    Register,
    /// Change of the user with this login ID (as it was when the change began).
    Change {
        login_id: String,
    },
}

impl WizardMode {
    pub fn rule_mode(&self) -> Mode {
        match self {
            WizardMode::Register => Mode::Register,
            WizardMode::Change { .. } => Mode::Change,
        }
    }
}

/// Step 1 as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Basics {
    pub login_id: String,
    pub login_id_again: String,
    /// 「変更する」 for the ログインパスワード (always on at registration).
    pub change_login_password: bool,
    pub login_password: String,
    pub login_password_again: String,
    /// ログイン時に強制変更する.
    pub force_password_change: bool,
    /// 「変更する」 for the 確認用パスワード (always on at registration).
    pub change_confirm_password: bool,
    pub confirm_password: String,
    pub confirm_password_again: String,
    pub name: String,
    pub email: String,
    pub email_again: String,
    /// 管理者権限: 付与する.
    pub admin: bool,
    /// 電子証明書の取扱い (change of a certificate user only).
    pub certificate: CertificateHandling,
}

/// The whole draft of one registration or change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub mode: WizardMode,
    /// What the company offers.
    pub ctx: UserFormContext,
    /// The user before the change (change only).
    pub original: Option<UserDetail>,
    pub basics: Basics,
    pub rights: BTreeSet<Right>,
    pub accounts: BTreeSet<i64>,
    /// 利用者一回当たり限度額 as typed, per offered business.
    pub limits: BTreeMap<LimitBusiness, String>,
    /// The passwords were emptied when the session ended mid-flow (they are never kept):
    /// the later input steps still open, so the user comes back to the step they were
    /// on; 内容確認 sends them to 基本情報 to enter the passwords again.
    pub passwords_to_reenter: bool,
    /// Errors for fields of the input steps that the step's own rules cannot see: the
    /// backend's on 「実行」 (a login ID taken meanwhile), or the passwords to enter again
    /// after a session end. Each step takes its own when it opens.
    pub returned: Vec<FieldError>,
}

impl Draft {
    /// The returned errors of `step`, taken out of the draft (the step shows them once;
    /// those of other steps wait for theirs).
    pub fn take_returned(&mut self, step: Step) -> Vec<FieldError> {
        let (here, rest) = std::mem::take(&mut self.returned)
            .into_iter()
            .partition(|e| Self::step_of(&e.field) == step);
        self.returned = rest;
        here
    }

    /// A new registration: ログイン時に強制変更する checked, 管理者権限 付与しない.
    pub fn register(ctx: UserFormContext) -> Self {
        let limits = ctx
            .limit_businesses()
            .into_iter()
            .map(|b| (b, String::new()))
            .collect();
        Self {
            mode: WizardMode::Register,
            ctx,
            original: None,
            basics: Basics {
                change_login_password: true,
                change_confirm_password: true,
                force_password_change: true,
                ..Basics::default()
            },
            rights: BTreeSet::new(),
            accounts: BTreeSet::new(),
            limits,
            passwords_to_reenter: false,
            returned: Vec::new(),
        }
    }

    /// A change of `user`, pre-filled; passwords unchanged until 「変更する」 is checked.
    pub fn change(ctx: UserFormContext, user: UserDetail) -> Self {
        let p = &user.profile;
        let limits = ctx
            .limit_businesses()
            .into_iter()
            .map(|b| (b, p.limit(b).map(format_yen).unwrap_or_default()))
            .collect();
        Self {
            mode: WizardMode::Change {
                login_id: p.login_id.clone(),
            },
            basics: Basics {
                login_id: p.login_id.clone(),
                login_id_again: p.login_id.clone(),
                force_password_change: p.force_password_change,
                name: p.name.clone(),
                email: p.email.clone(),
                email_again: p.email.clone(),
                admin: p.admin,
                ..Basics::default()
            },
            rights: p.rights.iter().copied().collect(),
            accounts: p.accounts.iter().copied().collect(),
            limits,
            original: Some(user),
            ctx,
            passwords_to_reenter: false,
            returned: Vec::new(),
        }
    }

    /// The rights offered by the company, group by group (the matrix of step 2).
    pub fn offered_groups(&self) -> Vec<(&'static str, &'static str, Vec<Right>)> {
        RIGHT_GROUPS
            .iter()
            .map(|g| (g.key, g.title, g.offered(&self.ctx.services)))
            .filter(|(_, _, r)| !r.is_empty())
            .collect()
    }

    /// All offered rights, in matrix order.
    pub fn offered_rights(&self) -> Vec<Right> {
        self.offered_groups()
            .into_iter()
            .flat_map(|(_, _, r)| r)
            .collect()
    }

    /// The typed limits as integer yen, with the errors of those that do not parse.
    fn parsed_limits(&self) -> (Vec<Limit>, Vec<FieldError>) {
        let mut limits = Vec::new();
        let mut errors = Vec::new();
        for b in self.ctx.limit_businesses() {
            let text = self.limits.get(&b).map(String::as_str).unwrap_or_default();
            match parse_amount(text, LIMIT_DIGITS) {
                Ok(amount) => limits.push(Limit {
                    business: b,
                    amount,
                }),
                // A missing one is reported by the shared rule (required).
                Err(RuleError::Required) => {}
                Err(e) => {
                    let path = field::limit(b);
                    errors.push(e.to_field_error(&path, &label_of(&path)));
                }
            }
        }
        (limits, errors)
    }

    /// The user part of the request (limits that do not parse are left out).
    pub fn input(&self) -> UserInput {
        let b = &self.basics;
        let entry = |on: bool, value: &str, again: &str| {
            on.then(|| PasswordEntry {
                value: value.to_owned(),
                again: again.to_owned(),
            })
        };
        let register = self.mode == WizardMode::Register;
        UserInput {
            profile: UserProfile {
                login_id: b.login_id.trim().to_owned(),
                name: b.name.clone(),
                email: b.email.trim().to_owned(),
                admin: b.admin,
                force_password_change: b.force_password_change,
                rights: self
                    .offered_rights()
                    .into_iter()
                    .filter(|r| self.rights.contains(r))
                    .collect(),
                accounts: self.accounts.iter().copied().collect(),
                limits: self.parsed_limits().0,
            },
            login_id_again: b.login_id_again.trim().to_owned(),
            email_again: b.email_again.trim().to_owned(),
            login_password: entry(
                register || b.change_login_password,
                &b.login_password,
                &b.login_password_again,
            ),
            confirm_password: entry(
                register || b.change_confirm_password,
                &b.confirm_password,
                &b.confirm_password_again,
            ),
            certificate: if register {
                CertificateHandling::Continue
            } else {
                b.certificate
            },
        }
    }

    /// The errors 「次へ」 of `step` reports, in field order.
    pub fn step_errors(&self, step: Step) -> Vec<FieldError> {
        let input = self.input();
        match step {
            Step::Basics => user_rules::basics_errors(&input, self.mode.rule_mode()),
            Step::Rights => user_rules::rights_errors(&input, &self.ctx),
            Step::Accounts => {
                let (_, mut parse) = self.parsed_limits();
                let shared = user_rules::accounts_errors(&input, &self.ctx);
                // Order as on screen: accounts, then each limit (parse error or rule).
                let mut out: Vec<FieldError> = shared
                    .iter()
                    .filter(|e| e.field == field::ACCOUNTS)
                    .cloned()
                    .collect();
                for b in self.ctx.limit_businesses() {
                    let path = field::limit(b);
                    if let Some(i) = parse.iter().position(|e| e.field == path) {
                        out.push(parse.remove(i));
                    } else {
                        out.extend(shared.iter().filter(|e| e.field == path).cloned());
                    }
                }
                out
            }
            Step::Confirm | Step::Done => Vec::new(),
        }
    }

    /// The first input step whose 「次へ」 would fail.
    pub fn first_invalid_step(&self) -> Option<Step> {
        [Step::Basics, Step::Rights, Step::Accounts]
            .into_iter()
            .find(|s| !self.step_errors(*s).is_empty())
    }

    /// Whether `step` may be shown, or the step to show instead: a step opens only
    /// when every step before it is valid. After passwords were emptied by the end of a
    /// session ([`Draft::passwords_to_reenter`]), their errors alone do not close
    /// 利用者権限 and 利用口座・限度額; 内容確認 still needs them.
    pub fn may_open(&self, step: Step) -> Result<(), Step> {
        let lenient = self.passwords_to_reenter && step < Step::Confirm;
        [Step::Basics, Step::Rights, Step::Accounts]
            .into_iter()
            .filter(|s| *s < step)
            .find(|s| {
                self.step_errors(*s)
                    .iter()
                    .any(|e| !(lenient && is_password_field(&e.field)))
            })
            .map_or(Ok(()), Err)
    }

    /// The errors of the passwords still to be entered again after a session end (what
    /// 基本情報 shows when 内容確認 sends the user there).
    pub fn passwords_to_enter_again(&self) -> Vec<FieldError> {
        if !self.passwords_to_reenter {
            return Vec::new();
        }
        self.step_errors(Step::Basics)
            .into_iter()
            .filter(|e| is_password_field(&e.field))
            .collect()
    }

    /// The request for 「実行」.
    pub fn request(&self, confirmation: Confirmation) -> UserRequest {
        UserRequest {
            user: self.input(),
            confirmation,
        }
    }

    /// The step a field path belongs to (to send a backend error back to its field).
    pub fn step_of(path: &str) -> Step {
        if path == field::RIGHTS {
            Step::Rights
        } else if path == field::ACCOUNTS || path.starts_with("user.limits.") {
            Step::Accounts
        } else if path.starts_with("user.") || path == "user" {
            Step::Basics
        } else {
            Step::Confirm
        }
    }

    /// What the change alters (empty at registration): profile items, then passwords.
    pub fn changes(&self) -> Vec<Changed> {
        let Some(original) = &self.original else {
            return Vec::new();
        };
        let input = self.input();
        let mut out = original.profile.changes(&input.profile);
        if input.login_password.is_some() {
            out.push(Changed::LoginPassword);
        }
        if input.confirm_password.is_some() {
            out.push(Changed::ConfirmPassword);
        }
        if input.certificate != CertificateHandling::Continue {
            out.push(Changed::Certificate);
        }
        out
    }

    /// Forget the passwords (after 「実行」 succeeded).
    pub fn clear_passwords(&mut self) {
        let b = &mut self.basics;
        for s in [
            &mut b.login_password,
            &mut b.login_password_again,
            &mut b.confirm_password,
            &mut b.confirm_password_again,
        ] {
            s.clear();
        }
    }
}

/// Whether `path` is one of the four password fields of 基本情報.
fn is_password_field(path: &str) -> bool {
    [
        field::LOGIN_PASSWORD,
        field::LOGIN_PASSWORD_AGAIN,
        field::CONFIRM_PASSWORD,
        field::CONFIRM_PASSWORD_AGAIN,
    ]
    .contains(&path)
}

/// Whether every offered right is in `selected`.
pub fn all_selected(offered: &[Right], selected: &BTreeSet<Right>) -> bool {
    offered.iter().all(|r| selected.contains(r))
}

/// The screen of `step` in `mode`.
pub fn screen(mode: &WizardMode, step: Step) -> Screen {
    let register = *mode == WizardMode::Register;
    match (step, register) {
        (Step::Basics, true) => help::USER_NEW_BASICS,
        (Step::Rights, true) => help::USER_NEW_RIGHTS,
        (Step::Accounts, true) => help::USER_NEW_ACCOUNTS,
        (Step::Confirm, true) => help::USER_NEW_CONFIRM,
        (Step::Done, true) => help::USER_NEW_DONE,
        (Step::Basics, false) => help::USER_EDIT_BASICS,
        (Step::Rights, false) => help::USER_EDIT_RIGHTS,
        (Step::Accounts, false) => help::USER_EDIT_ACCOUNTS,
        (Step::Confirm, false) => help::USER_EDIT_CONFIRM,
        (Step::Done, false) => help::USER_EDIT_DONE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kanri_contract::api::{AuthMethod, Role};
    use kanri_contract::users::{Account, CertificateState, Service, ServiceState, UserProfile};

    fn ctx() -> UserFormContext {
        UserFormContext {
            services: vec![Service::Transfer, Service::Payroll],
            accounts: vec![
                Account {
                    id: 1,
                    branch_name: "本店営業部".into(),
                    branch_code: "001".into(),
                    kind: "普通".into(),
                    number: "1234567".into(),
                    memo: "運転資金".into(),
                },
                Account {
                    id: 2,
                    branch_name: "港南支店".into(),
                    branch_code: "125".into(),
                    kind: "普通".into(),
                    number: "0253226".into(),
                    memo: String::new(),
                },
            ],
            company_limits: vec![
                Limit {
                    business: LimitBusiness::Transfer,
                    amount: 10_000_000,
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
            one_time_password: false,
        }
    }

    fn filled() -> Draft {
        let mut d = Draft::register(ctx());
        d.basics = Basics {
            login_id: "suzuki01".into(),
            login_id_again: "suzuki01".into(),
            login_password: "Pass1234".into(),
            login_password_again: "Pass1234".into(),
            confirm_password: "Conf5678".into(),
            confirm_password_again: "Conf5678".into(),
            name: "鈴木　花子".into(),
            email: "hanako@example.co.jp".into(),
            email_again: "hanako@example.co.jp".into(),
            ..d.basics
        };
        d.rights.insert(Right::Balance);
        d.accounts.insert(1);
        for v in d.limits.values_mut() {
            *v = "１，０００，０００".into();
        }
        d
    }

    #[test]
    fn passwords_emptied_by_a_session_end_keep_the_later_steps_open_but_not_the_confirmation() {
        let mut d = filled();
        d.clear_passwords();
        assert_eq!(d.may_open(Step::Accounts), Err(Step::Basics));
        d.passwords_to_reenter = true;
        assert_eq!(d.may_open(Step::Rights), Ok(()));
        assert_eq!(d.may_open(Step::Accounts), Ok(()));
        assert_eq!(d.may_open(Step::Confirm), Err(Step::Basics));
        let again: Vec<_> = d
            .passwords_to_enter_again()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert!(
            again.contains(&field::LOGIN_PASSWORD.to_owned()),
            "{again:?}"
        );
        assert!(
            again.contains(&field::CONFIRM_PASSWORD.to_owned()),
            "{again:?}"
        );
        // Any other error of 基本情報 still closes the later steps.
        d.basics.name.clear();
        assert_eq!(d.may_open(Step::Rights), Err(Step::Basics));
    }

    #[test]
    fn steps_go_forward_and_back_in_order() {
        assert_eq!(Step::Basics.prev(), None);
        assert_eq!(Step::Basics.next(), Some(Step::Rights));
        assert_eq!(Step::Confirm.prev(), Some(Step::Accounts));
        assert_eq!(Step::Done.next(), None);
        let slugs: Vec<_> = Step::ALL.iter().map(|s| s.slug()).collect();
        assert_eq!(slugs, ["basic", "rights", "accounts", "confirm", "done"]);
    }

    #[test]
    fn a_new_registration_forces_the_password_change_and_offers_contracted_limits() {
        let d = Draft::register(ctx());
        assert!(d.basics.force_password_change && !d.basics.admin);
        assert_eq!(
            d.limits.keys().copied().collect::<Vec<_>>(),
            [
                LimitBusiness::Transfer,
                LimitBusiness::Salary,
                LimitBusiness::Bonus
            ]
        );
        let groups: Vec<_> = d.offered_groups().iter().map(|g| g.0).collect();
        assert_eq!(
            groups,
            ["transfer", "payroll", "approval", "admin", "inquiry"]
        );
    }

    #[test]
    fn later_steps_do_not_open_before_earlier_ones_are_valid() {
        let empty = Draft::register(ctx());
        assert_eq!(empty.may_open(Step::Basics), Ok(()));
        assert_eq!(empty.may_open(Step::Accounts), Err(Step::Basics));
        let mut d = filled();
        assert_eq!(d.may_open(Step::Confirm), Ok(()));
        d.accounts.clear();
        assert_eq!(d.may_open(Step::Accounts), Ok(()));
        assert_eq!(d.may_open(Step::Confirm), Err(Step::Accounts));
    }

    #[test]
    fn full_width_limits_become_integer_yen() {
        let input = filled().input();
        assert_eq!(input.profile.limits.len(), 3);
        assert!(input.profile.limits.iter().all(|l| l.amount == 1_000_000));
    }

    #[test]
    fn bad_limits_are_reported_in_screen_order() {
        let mut d = filled();
        d.accounts.clear();
        d.limits
            .insert(LimitBusiness::Transfer, "10,000,001".into());
        d.limits.insert(LimitBusiness::Salary, "百万".into());
        d.limits.insert(LimitBusiness::Bonus, String::new());
        let e = d.step_errors(Step::Accounts);
        let got: Vec<_> = e
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("user.accounts", "none_selected"),
                ("user.limits.transfer", "exceeds_limit"),
                ("user.limits.salary", "not_digits"),
                ("user.limits.bonus", "required"),
            ]
        );
        assert_eq!(
            e[2].message,
            "利用者一回当たり限度額（給与振込）は半角数字で入力してください。"
        );
    }

    #[test]
    fn rights_outside_the_offer_are_never_sent() {
        let mut d = filled();
        d.rights.insert(Right::BulkScreen); // 総合振込 is not contracted here
        assert_eq!(d.input().profile.rights, [Right::Balance]);
    }

    fn detail() -> UserDetail {
        UserDetail {
            profile: UserProfile {
                login_id: "user01".into(),
                name: "佐藤　次郎".into(),
                email: "jiro@example.co.jp".into(),
                admin: false,
                force_password_change: false,
                rights: vec![Right::TransferViewAll, Right::Balance],
                accounts: vec![1],
                limits: vec![
                    Limit {
                        business: LimitBusiness::Transfer,
                        amount: 500_000,
                    },
                    Limit {
                        business: LimitBusiness::Salary,
                        amount: 0,
                    },
                    Limit {
                        business: LimitBusiness::Bonus,
                        amount: 0,
                    },
                ],
            },
            role: Role::General,
            auth_method: AuthMethod::Certificate,
            service_state: ServiceState::Available,
            certificate: CertificateState::Issued,
            certificate_expires_at: None,
            registered_at: 0,
            updated_at: 0,
        }
    }

    #[test]
    fn a_change_starts_pre_filled_valid_and_unchanged() {
        let d = Draft::change(ctx(), detail());
        assert_eq!(d.limits[&LimitBusiness::Transfer], "500,000");
        assert_eq!(d.first_invalid_step(), None);
        assert!(d.changes().is_empty());
        let input = d.input();
        assert!(input.login_password.is_none() && input.confirm_password.is_none());
    }

    #[test]
    fn a_change_lists_what_differs_including_passwords() {
        let mut d = Draft::change(ctx(), detail());
        d.rights.insert(Right::TransferRegistered);
        d.limits.insert(LimitBusiness::Transfer, "600000".into());
        d.basics.change_login_password = true;
        d.basics.login_password = "Newpass1".into();
        d.basics.login_password_again = "Newpass1".into();
        assert_eq!(
            d.changes(),
            [
                Changed::Right(Right::TransferRegistered),
                Changed::Limit(LimitBusiness::Transfer),
                Changed::LoginPassword
            ]
        );
    }

    #[test]
    fn backend_errors_find_their_step() {
        assert_eq!(Draft::step_of("user.login_id"), Step::Basics);
        assert_eq!(Draft::step_of("user.admin"), Step::Basics);
        assert_eq!(Draft::step_of("user"), Step::Basics);
        assert_eq!(Draft::step_of("user.rights"), Step::Rights);
        assert_eq!(Draft::step_of("user.limits.bonus"), Step::Accounts);
        assert_eq!(
            Draft::step_of("confirmation.confirm_password"),
            Step::Confirm
        );
    }

    #[test]
    fn passwords_are_forgotten_after_execution() {
        let mut d = filled();
        d.clear_passwords();
        assert!(d.basics.login_password.is_empty() && d.basics.confirm_password_again.is_empty());
    }

    #[test]
    fn each_step_takes_its_own_returned_errors_once() {
        let error = |field: &str| FieldError {
            field: field.into(),
            code: "taken".into(),
            message: "メッセージ".into(),
        };
        let mut d = Draft::register(ctx());
        d.returned = vec![
            error(field::LOGIN_ID),
            error(field::RIGHTS),
            error("user.limits.transfer"),
        ];
        assert_eq!(d.take_returned(Step::Rights), vec![error(field::RIGHTS)]);
        assert_eq!(d.take_returned(Step::Rights), vec![]);
        assert_eq!(d.take_returned(Step::Basics), vec![error(field::LOGIN_ID)]);
        assert_eq!(d.returned, vec![error("user.limits.transfer")]);
    }
}
