//! 企業情報変更 [BKGK001–BKGK003] as plain Rust: the form's text as typed, turning it into
//! a [`CompanyInfo`] with every error named on its field, and the sections the 照会,
//! 確認 and 結果 screens show (changed values marked, see [`crate::kernel::diff`]).

pub mod print;

use crate::kernel::diff::{self, compare, row, Mark, Section};
use crate::kernel::password_form::dom_id;
use kanri_contract::api::FieldError;
use kanri_contract::company::{
    self, field, AccountLimitKind, AccountLimits, ApprovalMode, ApprovalSetting, CompanyContext,
    CompanyInfo, CompanyView, ACCOUNT_LIMIT_DIGITS, DAILY_LIMIT_DIGITS,
};
use kanri_contract::money::{format_yen, parse_amount};
use kanri_contract::users::{Limit, LimitBusiness, Service};

/// The input of [BKGK001] as typed (amounts are text until 「変更」).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompanyForm {
    pub name_kana: String,
    pub name: String,
    /// One per contracted service.
    pub approvals: Vec<(Service, ApprovalMode)>,
    /// Per account: 合計, 都度指定, 事前登録.
    pub account_limits: Vec<(i64, [String; 3])>,
    /// Per contracted business with a 企業一日当たりの限度額.
    pub daily_limits: Vec<(LimitBusiness, String)>,
}

fn yen_text(amount: u64) -> String {
    format_yen(amount)
}

impl CompanyForm {
    /// The form filled with the company as it is (amounts with separators).
    pub fn from_info(c: &CompanyInfo, ctx: &CompanyContext) -> Self {
        CompanyForm {
            name_kana: c.name_kana.clone(),
            name: c.name.clone(),
            approvals: ctx
                .services
                .iter()
                // A business without a stored choice starts on シングル承認, never on
                // the least safe 承認なし.
                .map(|s| (*s, c.approval(*s).unwrap_or(ApprovalMode::Single)))
                .collect(),
            account_limits: ctx
                .accounts
                .iter()
                .map(|a| {
                    let text = |k| {
                        c.account_limits(a.id)
                            .map(|l| yen_text(l.get(k)))
                            .unwrap_or_default()
                    };
                    (a.id, AccountLimitKind::ALL.map(text))
                })
                .collect(),
            daily_limits: ctx
                .daily_limit_businesses()
                .into_iter()
                .map(|b| (b, c.daily_limit(b).map(yen_text).unwrap_or_default()))
                .collect(),
        }
    }

    /// This form moved onto `latest` (the company changed meanwhile, e.g. by another
    /// administrator): what the operator changed from `started` is kept, everything the
    /// operator left as it was takes the latest value, so nobody's change is undone
    /// unseen.
    pub fn rebase(&self, started: &CompanyForm, latest: &CompanyForm) -> CompanyForm {
        let same = |a: &str, b: &str| {
            a == b
                || matches!(
                    (parse_amount(a, ACCOUNT_LIMIT_DIGITS), parse_amount(b, ACCOUNT_LIMIT_DIGITS)),
                    (Ok(x), Ok(y)) if x == y
                )
        };
        let pick = |mine: &str, was: Option<&str>, now: &str| -> String {
            match was {
                Some(was) if same(mine, was) => now.to_owned(),
                _ => mine.to_owned(),
            }
        };
        let mut out = latest.clone();
        out.name_kana = pick(&self.name_kana, Some(&started.name_kana), &latest.name_kana);
        out.name = pick(&self.name, Some(&started.name), &latest.name);
        for (s, mode) in &mut out.approvals {
            let mine = self.approvals.iter().find(|(x, _)| x == s).map(|(_, m)| *m);
            let was = started
                .approvals
                .iter()
                .find(|(x, _)| x == s)
                .map(|(_, m)| *m);
            if let (Some(mine), Some(was)) = (mine, was) {
                if mine != was {
                    *mode = mine;
                }
            }
        }
        for (id, texts) in &mut out.account_limits {
            let mine = self.account_limits.iter().find(|(x, _)| x == id);
            let was = started.account_limits.iter().find(|(x, _)| x == id);
            if let (Some((_, mine)), Some((_, was))) = (mine, was) {
                for i in 0..texts.len() {
                    texts[i] = pick(&mine[i], Some(&was[i]), &texts[i]);
                }
            }
        }
        for (b, text) in &mut out.daily_limits {
            let mine = self.daily_limits.iter().find(|(x, _)| x == b);
            let was = started.daily_limits.iter().find(|(x, _)| x == b);
            if let (Some((_, mine)), Some((_, was))) = (mine, was) {
                *text = pick(mine, Some(was), text);
            }
        }
        out
    }

    /// The text of an amount field by its path.
    pub fn amount_text(&self, path: &str) -> Option<&str> {
        for (id, texts) in &self.account_limits {
            for (i, k) in AccountLimitKind::ALL.into_iter().enumerate() {
                if field::account_limit(*id, k) == path {
                    return Some(&texts[i]);
                }
            }
        }
        self.daily_limits
            .iter()
            .find(|(b, _)| field::daily_limit(*b) == path)
            .map(|(_, t)| t.as_str())
    }

    /// The company the form describes, and the errors of amounts that are not amounts
    /// (those fields read as 0 in the company).
    pub fn parse(&self, ctx: &CompanyContext) -> (CompanyInfo, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut amount = |path: String, text: &str, digits: usize| -> u64 {
            match parse_amount(text, digits) {
                Ok(v) => v,
                Err(e) => {
                    let label = company::label_of(&path, ctx);
                    errors.push(e.to_field_error(&path, &label));
                    0
                }
            }
        };
        let mut account_limits = Vec::new();
        for (id, texts) in &self.account_limits {
            let mut l = AccountLimits {
                account_id: *id,
                total: 0,
                ad_hoc: 0,
                registered: 0,
            };
            for (i, k) in AccountLimitKind::ALL.into_iter().enumerate() {
                let v = amount(
                    field::account_limit(*id, k),
                    &texts[i],
                    ACCOUNT_LIMIT_DIGITS,
                );
                l.set(k, v);
            }
            account_limits.push(l);
        }
        let daily_limits = self
            .daily_limits
            .iter()
            .map(|(b, t)| Limit {
                business: *b,
                amount: amount(field::daily_limit(*b), t, DAILY_LIMIT_DIGITS),
            })
            .collect();
        let info = CompanyInfo {
            name_kana: self.name_kana.trim().to_owned(),
            name: self.name.trim().to_owned(),
            approvals: self
                .approvals
                .iter()
                .map(|(service, mode)| ApprovalSetting {
                    service: *service,
                    mode: *mode,
                })
                .collect(),
            account_limits,
            daily_limits,
        };
        (info, errors)
    }

    /// Every error of the form against the company as it was, in screen order: amounts
    /// that are not amounts, the field rules, and — once every field is well-formed —
    /// the cross-checks (ダブル承認, limits below users' limits).
    pub fn errors(&self, before: &CompanyInfo, ctx: &CompanyContext) -> Vec<FieldError> {
        let (info, parse_errors) = self.parse(ctx);
        let rules = if parse_errors.is_empty() {
            company::change_errors(before, &info, ctx)
        } else {
            company::field_errors(&info, ctx)
                .into_iter()
                .filter(|e| !parse_errors.iter().any(|p| p.field == e.field))
                .collect()
        };
        let mut all = parse_errors;
        all.extend(rules);
        let order = field_order(ctx);
        all.sort_by_key(|e| {
            order
                .iter()
                .position(|p| *p == e.field)
                .unwrap_or(usize::MAX)
        });
        all
    }

    /// The company, if the form has no error.
    pub fn valid(
        &self,
        before: &CompanyInfo,
        ctx: &CompanyContext,
    ) -> Result<CompanyInfo, Vec<FieldError>> {
        let errors = self.errors(before, ctx);
        if errors.is_empty() {
            Ok(self.parse(ctx).0)
        } else {
            Err(errors)
        }
    }

    /// Show amounts with separators (after leaving a field); text that is not an
    /// amount stays as typed.
    pub fn tidy_amount(text: &str, digits: usize) -> Option<String> {
        parse_amount(text, digits).ok().map(format_yen)
    }
}

/// The field paths in screen order.
pub fn field_order(ctx: &CompanyContext) -> Vec<String> {
    let mut out = vec![field::NAME_KANA.to_owned(), field::NAME.to_owned()];
    out.extend(Service::ALL.into_iter().map(field::approval));
    for a in &ctx.accounts {
        out.extend(
            AccountLimitKind::ALL
                .into_iter()
                .map(|k| field::account_limit(a.id, k)),
        );
    }
    out.extend(
        company::DAILY_LIMIT_BUSINESSES
            .into_iter()
            .map(field::daily_limit),
    );
    out.push(field::OPERATOR_PASSWORD.to_owned());
    out.push(field::ONE_TIME_PASSWORD.to_owned());
    out
}

/// The DOM id an error of `path` links to: the input; for a choice, its first option.
pub fn target_id(path: &str) -> String {
    match Service::ALL
        .into_iter()
        .find(|s| field::approval(*s) == path)
    {
        Some(s) => radio_id(s, ApprovalMode::choices(s)[0]),
        None => dom_id(path),
    }
}

/// The DOM id of one 承認機能 radio button.
pub fn radio_id(s: Service, mode: ApprovalMode) -> String {
    format!("{}-{}", dom_id(&field::approval(s)), mode.key())
}

/// Whether an error belongs on [BKGK001] (rather than the confirmation fields).
pub fn is_form_field(path: &str) -> bool {
    path.starts_with("company.")
}

fn yen(amount: Option<u64>) -> String {
    amount.map_or_else(|| "未設定".to_owned(), |a| format!("{}円", format_yen(a)))
}

/// Section keys (DOM ids of the headings).
pub mod section {
    pub const INFO: &str = "info";
    pub const APPROVALS: &str = "approvals";
    pub const ACCOUNT_LIMITS: &str = "account-limits";
    pub const DAILY_LIMITS: &str = "daily-limits";
}

/// The sections of `company` as the manual's 確認 / 結果 screens show them; with
/// `before`, what differs is marked.
pub fn sections(
    company: &CompanyInfo,
    ctx: &CompanyContext,
    before: Option<&CompanyInfo>,
) -> Vec<Section> {
    let info = vec![
        row(
            "企業名(カナ)",
            &company.name_kana,
            compare(before.map(|b| b.name_kana.as_str()), &company.name_kana),
        ),
        row(
            "企業名",
            &company.name,
            compare(before.map(|b| b.name.as_str()), &company.name),
        ),
        row(
            "利用可能業務",
            ctx.services
                .iter()
                .map(|s| s.label())
                .collect::<Vec<_>>()
                .join("、"),
            Mark::Unchanged,
        ),
    ];
    let label_of_mode =
        |c: &CompanyInfo, s: Service| c.approval(s).map_or("未設定", |m| m.label());
    let approvals = ctx
        .services
        .iter()
        .map(|s| {
            let now = label_of_mode(company, *s);
            row(
                s.label(),
                now,
                compare(before.map(|b| label_of_mode(b, *s)), now),
            )
        })
        .collect();
    let table = |c: &CompanyInfo| -> Vec<Vec<String>> {
        ctx.accounts
            .iter()
            .map(|a| {
                let mut r = vec![a.label()];
                r.extend(
                    AccountLimitKind::ALL
                        .into_iter()
                        .map(|k| yen(c.account_limits(a.id).map(|l| l.get(k)))),
                );
                r
            })
            .collect()
    };
    let mut columns = vec!["支払元口座".to_owned()];
    columns.extend(
        AccountLimitKind::ALL
            .into_iter()
            .map(|k| format!("{}（円）", k.label())),
    );
    let before_table = before.map(table);
    let account_grid = diff::grid(columns, before_table.as_deref(), &table(company));
    let daily = ctx
        .daily_limit_businesses()
        .into_iter()
        .map(|b| {
            let now = yen(company.daily_limit(b));
            row(
                b.label(),
                now.clone(),
                compare(before.map(|p| yen(p.daily_limit(b))).as_deref(), &now),
            )
        })
        .collect();
    vec![
        Section::rows(section::INFO, "企業情報", info),
        Section::rows(section::APPROVALS, "承認機能", approvals),
        Section::grid(
            section::ACCOUNT_LIMITS,
            "限度額（口座一日当たり）",
            account_grid,
        ),
        Section::rows(section::DAILY_LIMITS, "限度額（企業一日当たり）", daily),
    ]
}

/// The sentence under the confirmation when nothing was changed.
pub const NOTHING_CHANGED: &str = "変更された項目はありません。";

/// The current company of a [`CompanyView`] as a fresh form.
pub fn form_of(view: &CompanyView) -> CompanyForm {
    CompanyForm::from_info(&view.company, &view.context)
}

/// The message of 企業情報変更結果 [BKGK003].
pub const DONE_MESSAGE: &str = "以下の内容で企業情報を変更しました。";
/// The sentence under [`DONE_MESSAGE`].
pub const DONE_NOTE: &str = "変更した内容は黄色で表示されています。";

/// What 企業情報変更結果 [BKGK003] shows (and prints): the company after the change, what
/// differs from before marked.
pub fn done_sections(done: &company::CompanyChanged, ctx: &CompanyContext) -> Vec<Section> {
    sections(&done.after, ctx, Some(&done.before))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::diff::{change_count, Body};
    use kanri_contract::company::{Approvers, UserLimits, UserRef};
    use kanri_contract::users::Account;

    fn ctx() -> CompanyContext {
        CompanyContext {
            services: vec![Service::Transfer, Service::Bulk, Service::Payroll],
            accounts: vec![
                Account {
                    id: 1,
                    branch_name: "本店営業部".into(),
                    branch_code: "001".into(),
                    kind: "普通".into(),
                    number: "1234567".into(),
                    memo: String::new(),
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
            approvers: vec![Approvers {
                service: Service::Payroll,
                users: vec![UserRef {
                    login_id: "user01".into(),
                    name: "佐藤　次郎".into(),
                }],
            }],
            user_limits: vec![UserLimits {
                user: UserRef {
                    login_id: "user01".into(),
                    name: "佐藤　次郎".into(),
                },
                limits: vec![Limit {
                    business: LimitBusiness::Bulk,
                    amount: 20_000_000,
                }],
            }],
            one_time_password: false,
        }
    }

    fn company() -> CompanyInfo {
        CompanyInfo {
            name_kana: "カブシキガイシャミナトセイキ".into(),
            name: "株式会社みなと精機".into(),
            approvals: [Service::Transfer, Service::Bulk, Service::Payroll]
                .into_iter()
                .map(|service| ApprovalSetting {
                    service,
                    mode: ApprovalMode::Single,
                })
                .collect(),
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
            daily_limits: [
                (LimitBusiness::Bulk, 50_000_000),
                (LimitBusiness::Salary, 30_000_000),
                (LimitBusiness::Bonus, 30_000_000),
            ]
            .into_iter()
            .map(|(business, amount)| Limit { business, amount })
            .collect(),
        }
    }

    fn fields(e: &[FieldError]) -> Vec<&str> {
        e.iter().map(|f| f.field.as_str()).collect()
    }

    #[test]
    fn the_form_round_trips_the_company() {
        let form = CompanyForm::from_info(&company(), &ctx());
        assert_eq!(form.account_limits[0].1[0], "10,000,000");
        assert_eq!(form.valid(&company(), &ctx()), Ok(company()));
    }

    #[test]
    fn amounts_that_are_not_amounts_are_named_on_their_fields() {
        let mut form = CompanyForm::from_info(&company(), &ctx());
        form.account_limits[0].1[1] = "1234567890123456".into();
        form.daily_limits[0].1 = "５０，０００，０００".into();
        form.daily_limits[1].1 = "3千万".into();
        let e = form.errors(&company(), &ctx());
        assert_eq!(
            fields(&e),
            [
                "company.account_limits.1.ad_hoc",
                "company.daily_limits.salary"
            ]
        );
        assert_eq!(
            e[0].message,
            "口座一日当たりの限度額（本店営業部(001) 普通 1234567・振込振替(都度指定)）は半角数字15桁以内で入力してください。"
        );
        assert_eq!(
            e[1].message,
            "企業一日当たりの限度額（給与振込）は半角数字で入力してください。"
        );
        // Full-width digits are read as the same amount.
        form.account_limits[0].1[1] = "5000000".into();
        form.daily_limits[1].1 = "30000000".into();
        assert_eq!(form.valid(&company(), &ctx()), Ok(company()));
    }

    #[test]
    fn cross_checks_run_once_every_field_is_well_formed() {
        let mut form = CompanyForm::from_info(&company(), &ctx());
        form.approvals[2].1 = ApprovalMode::DoubleOrdered;
        form.daily_limits[0].1 = "10,000,000".into();
        let e = form.errors(&company(), &ctx());
        assert_eq!(
            fields(&e),
            ["company.approvals.payroll", "company.daily_limits.bulk"]
        );
        form.name = "ABC".into();
        form.daily_limits[2].1 = "x".into();
        let e = form.errors(&company(), &ctx());
        assert_eq!(fields(&e), ["company.name", "company.daily_limits.bonus"]);
    }

    #[test]
    fn sections_mark_exactly_what_changed() {
        let mut after = company();
        after.approvals[0].mode = ApprovalMode::DoubleUnordered;
        after.account_limits[1].ad_hoc = 2_000_000;
        after.daily_limits[0].amount = 40_000_000;
        let s = sections(&after, &ctx(), Some(&company()));
        assert_eq!(change_count(&s), 3);
        assert_eq!(
            s[1].labelled_rows()[0].mark,
            Mark::Changed {
                before: "シングル承認".into()
            }
        );
        let Body::Grid(g) = &s[2].body else {
            panic!("a table")
        };
        assert_eq!(g.rows[1].cells[1].value, "2,000,000円");
        assert_eq!(
            g.rows[1].cells[1].mark,
            Mark::Changed {
                before: "1,000,000円".into()
            }
        );
        assert_eq!(
            s[3].labelled_rows()[0].mark,
            Mark::Changed {
                before: "50,000,000円".into()
            }
        );
        assert_eq!(change_count(&sections(&after, &ctx(), None)), 0);
    }

    #[test]
    fn error_links_land_on_an_input() {
        assert_eq!(
            target_id("company.approvals.bulk"),
            "company-approvals-bulk-single"
        );
        assert_eq!(
            target_id("company.approvals.transfer"),
            "company-approvals-transfer-none"
        );
        assert_eq!(
            target_id("company.account_limits.2.total"),
            "company-account_limits-2-total"
        );
        assert!(is_form_field("company.name"));
        assert!(!is_form_field("confirmation.confirm_password"));
    }

    #[test]
    fn a_rebase_keeps_my_changes_and_takes_everyone_elses() {
        let started = CompanyForm::from_info(&company(), &ctx());
        let mut mine = started.clone();
        mine.daily_limits[0].1 = "60000000".into();
        mine.approvals[0].1 = ApprovalMode::DoubleOrdered;
        let mut theirs = company();
        theirs.name = "株式会社みなと".into();
        theirs.daily_limits[1].amount = 35_000_000;
        theirs.approvals[0].mode = ApprovalMode::DoubleUnordered;
        let latest = CompanyForm::from_info(&theirs, &ctx());
        let r = mine.rebase(&started, &latest);
        assert_eq!(r.name, "株式会社みなと");
        assert_eq!(r.daily_limits[0].1, "60000000");
        assert_eq!(r.daily_limits[1].1, "35,000,000");
        // Both changed the same field: the operator's own choice stays (and is shown).
        assert_eq!(r.approvals[0].1, ApprovalMode::DoubleOrdered);
        // A value typed without separators equal to the old one counts as unchanged.
        let mut typed = started.clone();
        typed.daily_limits[1].1 = "30000000".into();
        assert_eq!(
            typed.rebase(&started, &latest).daily_limits[1].1,
            "35,000,000"
        );
    }

    #[test]
    fn tidy_amounts() {
        assert_eq!(
            CompanyForm::tidy_amount("１２３４５", 12).as_deref(),
            Some("12,345")
        );
        assert_eq!(CompanyForm::tidy_amount("12a", 12), None);
    }
}
