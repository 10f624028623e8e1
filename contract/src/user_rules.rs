//! The field rules of 利用者登録 / 利用者変更 (manual 001), step by step.
//!
//! The SPA runs them on leaving a field and on 「次へ」; the backend runs
//! [`user_errors`] on the whole request and answers 422 with the same messages.

use crate::api::FieldError;
use crate::rules::{self, RuleError};
use crate::users::{Confirmation, LimitBusiness, PasswordEntry, UserFormContext, UserInput};

/// 利用者名: at most 30 characters.
pub const NAME_MAX: usize = 30;
/// メールアドレス: 4–64 characters.
pub const EMAIL_MIN: usize = 4;
pub const EMAIL_MAX: usize = 64;
/// 利用者一回当たり限度額: at most 15 digits.
pub const LIMIT_DIGITS: usize = 15;

/// Hints under the fields, worded as in the manual.
pub mod hint {
    pub const CREDENTIAL: &str = crate::rules::CREDENTIAL_HINT;
    pub const NAME: &str = "全角30文字以内";
    pub const EMAIL: &str = "半角英数字記号4文字以上64文字以内";
    pub const LIMIT: &str = "半角数字（円）";
}

/// Registration or change: what is required differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Both passwords are set.
    Register,
    /// Passwords change only when 「変更する」 is checked.
    Change,
}

/// Field paths (as in 422 answers) and their labels.
pub mod field {
    pub const LOGIN_ID: &str = "user.login_id";
    pub const LOGIN_ID_AGAIN: &str = "user.login_id_again";
    pub const LOGIN_PASSWORD: &str = "user.login_password.value";
    pub const LOGIN_PASSWORD_AGAIN: &str = "user.login_password.again";
    pub const CONFIRM_PASSWORD: &str = "user.confirm_password.value";
    pub const CONFIRM_PASSWORD_AGAIN: &str = "user.confirm_password.again";
    pub const NAME: &str = "user.name";
    pub const EMAIL: &str = "user.email";
    pub const EMAIL_AGAIN: &str = "user.email_again";
    pub const RIGHTS: &str = "user.rights";
    pub const ACCOUNTS: &str = "user.accounts";
    /// The operator's 確認用パスワード.
    pub const OPERATOR_PASSWORD: &str = "confirmation.confirm_password";
    pub const ONE_TIME_PASSWORD: &str = "confirmation.one_time_password";

    /// `user.limits.transfer` …
    pub fn limit(b: crate::users::LimitBusiness) -> String {
        format!("user.limits.{}", b.key())
    }
}

/// The label of a field path, for messages.
pub fn label_of(path: &str) -> String {
    match path {
        field::LOGIN_ID => "ログインID".into(),
        field::LOGIN_ID_AGAIN => "ログインID（確認のため再入力）".into(),
        field::LOGIN_PASSWORD => "ログインパスワード".into(),
        field::LOGIN_PASSWORD_AGAIN => "ログインパスワード（確認のため再入力）".into(),
        field::CONFIRM_PASSWORD => "確認用パスワード".into(),
        field::CONFIRM_PASSWORD_AGAIN => "確認用パスワード（確認のため再入力）".into(),
        field::NAME => "利用者名".into(),
        field::EMAIL => "メールアドレス".into(),
        field::EMAIL_AGAIN => "メールアドレス（確認のため再入力）".into(),
        field::RIGHTS => "サービス利用権限".into(),
        field::ACCOUNTS => "利用可能口座".into(),
        field::OPERATOR_PASSWORD => "確認用パスワード".into(),
        field::ONE_TIME_PASSWORD => "ワンタイムパスワード".into(),
        other => match LimitBusiness::ALL
            .into_iter()
            .find(|b| field::limit(*b) == other)
        {
            Some(b) => limit_label(b),
            None => other.into(),
        },
    }
}

/// 「利用者一回当たり限度額（振込振替）」.
pub fn limit_label(b: LimitBusiness) -> String {
    format!("利用者一回当たり限度額（{}）", b.label())
}

/// 利用者名: 全角 30 文字以内; half-width characters (ASCII, half-width katakana) and
/// control characters are refused.
pub fn user_name(value: &str) -> Result<(), RuleError> {
    rules::full_width_text(value, NAME_MAX)
}

/// メールアドレス: 半角英数字記号 4–64 文字, of the form `local@domain.tld`.
pub fn email(value: &str) -> Result<(), RuleError> {
    if value.is_empty() {
        return Err(RuleError::Required);
    }
    if !value.chars().all(|c| c.is_ascii_graphic()) {
        return Err(RuleError::EmailCharacter);
    }
    let actual = value.chars().count();
    if !(EMAIL_MIN..=EMAIL_MAX).contains(&actual) {
        return Err(RuleError::EmailLength { actual });
    }
    let form_ok = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains("..")
        }
        None => false,
    };
    if form_ok {
        Ok(())
    } else {
        Err(RuleError::EmailForm)
    }
}

/// A new ログインパスワード: the password rule, and not the login ID.
pub fn login_password(value: &str, login_id: &str) -> Result<(), RuleError> {
    rules::password(value)?;
    if value == login_id {
        return Err(RuleError::SameAsLoginId);
    }
    Ok(())
}

/// A new 確認用パスワード: the password rule, not the login ID, not the login password.
pub fn confirm_password(
    value: &str,
    login_id: &str,
    login_pw: Option<&str>,
) -> Result<(), RuleError> {
    login_password(value, login_id)?;
    if login_pw.is_some_and(|p| p == value) {
        return Err(RuleError::SameAsLoginPassword);
    }
    Ok(())
}

fn push(errors: &mut Vec<FieldError>, path: &str, r: Result<(), RuleError>) {
    if let Err(e) = r {
        errors.push(e.to_field_error(path, &label_of(path)));
    }
}

fn password_entry(
    errors: &mut Vec<FieldError>,
    entry: &PasswordEntry,
    paths: (&str, &str),
    rule: Result<(), RuleError>,
) {
    push(errors, paths.0, rule);
    push(
        errors,
        paths.1,
        rules::same_again(&entry.value, &entry.again),
    );
}

/// Step 1 (基本情報): every error, in field order.
pub fn basics_errors(input: &UserInput, mode: Mode) -> Vec<FieldError> {
    let p = &input.profile;
    let mut e = Vec::new();
    push(&mut e, field::LOGIN_ID, rules::login_id(&p.login_id));
    push(
        &mut e,
        field::LOGIN_ID_AGAIN,
        rules::same_again(&p.login_id, &input.login_id_again),
    );
    match (&input.login_password, mode) {
        (Some(lp), _) => password_entry(
            &mut e,
            lp,
            (field::LOGIN_PASSWORD, field::LOGIN_PASSWORD_AGAIN),
            login_password(&lp.value, &p.login_id),
        ),
        (None, Mode::Register) => push(&mut e, field::LOGIN_PASSWORD, Err(RuleError::Required)),
        (None, Mode::Change) => {}
    }
    match (&input.confirm_password, mode) {
        (Some(cp), _) => password_entry(
            &mut e,
            cp,
            (field::CONFIRM_PASSWORD, field::CONFIRM_PASSWORD_AGAIN),
            confirm_password(
                &cp.value,
                &p.login_id,
                input.login_password.as_ref().map(|l| l.value.as_str()),
            ),
        ),
        (None, Mode::Register) => push(&mut e, field::CONFIRM_PASSWORD, Err(RuleError::Required)),
        (None, Mode::Change) => {}
    }
    push(&mut e, field::NAME, user_name(&p.name));
    push(&mut e, field::EMAIL, email(&p.email));
    push(
        &mut e,
        field::EMAIL_AGAIN,
        rules::same_again(&p.email, &input.email_again),
    );
    e
}

/// Step 2 (権限): only rights the company offers.
pub fn rights_errors(input: &UserInput, ctx: &UserFormContext) -> Vec<FieldError> {
    let mut e = Vec::new();
    if input
        .profile
        .rights
        .iter()
        .any(|r| !r.offered(&ctx.services))
    {
        e.push(FieldError {
            field: field::RIGHTS.into(),
            code: "not_contracted".into(),
            message: "ご契約のないサービスの権限は設定できません。".into(),
        });
    }
    e
}

/// Step 3 (口座・限度額): at least one of the company's accounts; a limit for every
/// contracted business, not above the company's.
pub fn accounts_errors(input: &UserInput, ctx: &UserFormContext) -> Vec<FieldError> {
    let p = &input.profile;
    let mut e = Vec::new();
    if p.accounts.is_empty() {
        push(&mut e, field::ACCOUNTS, Err(RuleError::NoneSelected));
    } else if p
        .accounts
        .iter()
        .any(|id| !ctx.accounts.iter().any(|a| a.id == *id))
    {
        e.push(FieldError {
            field: field::ACCOUNTS.into(),
            code: "unknown_account".into(),
            message: "利用可能口座に存在しない口座が指定されています。".into(),
        });
    }
    let offered = ctx.limit_businesses();
    for b in LimitBusiness::ALL {
        let path = field::limit(b);
        match (p.limit(b), offered.contains(&b)) {
            (None, true) => push(&mut e, &path, Err(RuleError::Required)),
            (Some(amount), true) => {
                if let Some(limit) = ctx.company_limit(b).filter(|l| amount > *l) {
                    push(&mut e, &path, Err(RuleError::ExceedsLimit { limit }));
                }
            }
            (Some(_), false) => e.push(FieldError {
                field: path,
                code: "not_contracted".into(),
                message: format!("{}はご契約がないため設定できません。", limit_label(b)),
            }),
            (None, false) => {}
        }
    }
    e
}

/// The operator's confirmation: 確認用パスワード, and the ワンタイムパスワード (6 digits)
/// when the company uses one. Whether they are right is the backend's business.
pub fn confirmation_errors(c: &Confirmation, one_time_password: bool) -> Vec<FieldError> {
    let mut e = Vec::new();
    if c.confirm_password.is_empty() {
        push(&mut e, field::OPERATOR_PASSWORD, Err(RuleError::Required));
    }
    if one_time_password {
        let otp = c.one_time_password.as_deref().unwrap_or_default();
        let r = if otp.is_empty() {
            Err(RuleError::Required)
        } else if otp.len() != 6 || !otp.chars().all(|ch| ch.is_ascii_digit()) {
            Err(RuleError::NotDigits)
        } else {
            Ok(())
        };
        push(&mut e, field::ONE_TIME_PASSWORD, r);
    }
    e
}

/// Every error of the user part of a request, in screen order.
pub fn user_errors(input: &UserInput, ctx: &UserFormContext, mode: Mode) -> Vec<FieldError> {
    let mut e = basics_errors(input, mode);
    e.extend(rights_errors(input, ctx));
    e.extend(accounts_errors(input, ctx));
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::users::{Account, Limit, Right, Service, UserProfile};
    use proptest::prelude::*;

    fn ctx() -> UserFormContext {
        UserFormContext {
            services: vec![Service::Transfer, Service::Bulk],
            accounts: vec![Account {
                id: 1,
                branch_name: "本店営業部".into(),
                branch_code: "001".into(),
                kind: "普通".into(),
                number: "1234567".into(),
                memo: String::new(),
            }],
            company_limits: vec![
                Limit {
                    business: LimitBusiness::Transfer,
                    amount: 10_000_000,
                },
                Limit {
                    business: LimitBusiness::Bulk,
                    amount: 50_000_000,
                },
            ],
            one_time_password: false,
        }
    }

    fn entry(v: &str) -> Option<PasswordEntry> {
        Some(PasswordEntry {
            value: v.into(),
            again: v.into(),
        })
    }

    fn valid() -> UserInput {
        UserInput {
            profile: UserProfile {
                login_id: "suzuki01".into(),
                name: "鈴木　花子".into(),
                email: "hanako@example.co.jp".into(),
                admin: false,
                force_password_change: true,
                rights: vec![Right::TransferRegistered, Right::Balance],
                accounts: vec![1],
                limits: vec![
                    Limit {
                        business: LimitBusiness::Transfer,
                        amount: 1_000_000,
                    },
                    Limit {
                        business: LimitBusiness::Bulk,
                        amount: 0,
                    },
                ],
            },
            login_id_again: "suzuki01".into(),
            email_again: "hanako@example.co.jp".into(),
            login_password: entry("Pass1234"),
            confirm_password: entry("Conf5678"),
            certificate: Default::default(),
        }
    }

    fn fields(e: &[FieldError]) -> Vec<&str> {
        e.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_valid_user_has_no_errors() {
        assert!(user_errors(&valid(), &ctx(), Mode::Register).is_empty());
    }

    #[test]
    fn registration_needs_both_passwords_change_does_not() {
        let mut u = valid();
        u.login_password = None;
        u.confirm_password = None;
        assert_eq!(
            fields(&basics_errors(&u, Mode::Register)),
            [field::LOGIN_PASSWORD, field::CONFIRM_PASSWORD]
        );
        assert!(basics_errors(&u, Mode::Change).is_empty());
    }

    #[test]
    fn the_issue_example_message() {
        let mut u = valid();
        u.profile.login_id = "abc12".into();
        u.login_id_again = "abc12".into();
        let e = basics_errors(&u, Mode::Register);
        assert_eq!(
            e[0].message,
            "ログインIDは半角英数字6〜12文字で入力してください（現在5文字）。"
        );
    }

    #[test]
    fn passwords_differ_from_the_id_and_from_each_other() {
        let mut u = valid();
        u.login_password = entry("suzuki01");
        u.confirm_password = entry("suzuki01");
        let e = basics_errors(&u, Mode::Register);
        assert_eq!(e[0].code, "same_as_login_id");
        assert_eq!(e[0].field, field::LOGIN_PASSWORD);
        let mut u = valid();
        u.confirm_password = entry("Pass1234");
        assert_eq!(
            basics_errors(&u, Mode::Register)[0].code,
            "same_as_login_password"
        );
    }

    #[test]
    fn second_entries_must_match() {
        let mut u = valid();
        u.login_id_again = "suzuki02".into();
        u.email_again = "hanako@example.co.j".into();
        if let Some(p) = u.login_password.as_mut() {
            p.again = "pass1234".into();
        }
        assert_eq!(
            fields(&basics_errors(&u, Mode::Register)),
            [
                field::LOGIN_ID_AGAIN,
                field::LOGIN_PASSWORD_AGAIN,
                field::EMAIL_AGAIN
            ]
        );
    }

    #[test]
    fn user_name_rules() {
        assert_eq!(user_name("佐藤　太郎"), Ok(()));
        assert_eq!(user_name("ｻﾄｳ"), Err(RuleError::HalfWidth { ch: 'ｻ' }));
        assert_eq!(
            user_name("佐藤 太郎"),
            Err(RuleError::HalfWidth { ch: ' ' })
        );
        assert_eq!(user_name("Sato"), Err(RuleError::HalfWidth { ch: 'S' }));
        assert_eq!(user_name("佐藤\t太郎"), Err(RuleError::ControlCharacter));
        assert_eq!(user_name(""), Err(RuleError::Required));
        assert_eq!(user_name(&"あ".repeat(30)), Ok(()));
        assert_eq!(
            user_name(&"あ".repeat(31)),
            Err(RuleError::TooLong {
                max: 30,
                actual: 31
            })
        );
        assert_eq!(
            RuleError::HalfWidth { ch: 'ｻ' }.message("利用者名"),
            "利用者名は全角で入力してください（半角文字「ｻ」は使用できません）。"
        );
    }

    #[test]
    fn email_rules() {
        assert_eq!(email("a@b.jp"), Ok(()));
        assert_eq!(email("ab@c"), Err(RuleError::EmailForm));
        assert_eq!(email("ab.jp"), Err(RuleError::EmailForm));
        assert_eq!(email("a@@b.jp"), Err(RuleError::EmailForm));
        assert_eq!(email("a@b..jp"), Err(RuleError::EmailForm));
        assert_eq!(email("a@.bc"), Err(RuleError::EmailForm));
        assert_eq!(email("a b@c.jp"), Err(RuleError::EmailCharacter));
        assert_eq!(email("ａ@b.jp"), Err(RuleError::EmailCharacter));
        assert_eq!(email("a@."), Err(RuleError::EmailLength { actual: 3 }));
        let long = format!("{}@example.jp", "a".repeat(53));
        assert_eq!(long.len(), 64);
        assert_eq!(email(&long), Ok(()));
        let too_long = format!("a{long}");
        assert_eq!(email(&too_long), Err(RuleError::EmailLength { actual: 65 }));
    }

    #[test]
    fn accounts_and_limits() {
        let mut u = valid();
        u.profile.accounts.clear();
        u.profile.limits = vec![
            Limit {
                business: LimitBusiness::Transfer,
                amount: 10_000_001,
            },
            Limit {
                business: LimitBusiness::Debit,
                amount: 1,
            },
        ];
        let e = accounts_errors(&u, &ctx());
        assert_eq!(
            fields(&e),
            [
                field::ACCOUNTS,
                "user.limits.transfer",
                "user.limits.bulk",
                "user.limits.debit"
            ]
        );
        assert_eq!(
            e[1].message,
            "利用者一回当たり限度額（振込振替）は企業の限度額（10,000,000円）以下で入力してください。"
        );
        assert_eq!(e[2].code, "required");
        assert_eq!(e[3].code, "not_contracted");
        let mut u = valid();
        u.profile.accounts = vec![99];
        assert_eq!(accounts_errors(&u, &ctx())[0].code, "unknown_account");
    }

    #[test]
    fn the_limit_equal_to_the_company_limit_is_accepted() {
        let mut u = valid();
        u.profile.limits[0].amount = 10_000_000;
        assert!(accounts_errors(&u, &ctx()).is_empty());
    }

    #[test]
    fn rights_outside_the_contract_are_refused() {
        let mut u = valid();
        u.profile.rights.push(Right::DebitScreen);
        assert_eq!(rights_errors(&u, &ctx())[0].field, field::RIGHTS);
    }

    #[test]
    fn confirmation_needs_the_password_and_maybe_an_otp() {
        let c = Confirmation::default();
        assert_eq!(
            fields(&confirmation_errors(&c, true)),
            [field::OPERATOR_PASSWORD, field::ONE_TIME_PASSWORD]
        );
        let c = Confirmation {
            confirm_password: "x".into(),
            one_time_password: Some("12345a".into()),
        };
        assert_eq!(confirmation_errors(&c, true)[0].code, "not_digits");
        assert!(confirmation_errors(&c, false).is_empty());
    }

    #[test]
    fn every_path_has_a_japanese_label() {
        for b in LimitBusiness::ALL {
            assert!(label_of(&field::limit(b)).starts_with("利用者一回当たり限度額"));
        }
        assert_eq!(
            label_of(field::EMAIL_AGAIN),
            "メールアドレス（確認のため再入力）"
        );
    }

    proptest! {
        #[test]
        fn any_full_width_name_up_to_30_passes(s in "[ぁ-んァ-ヶ一-龠　]{1,30}") {
            prop_assume!(!s.trim().is_empty());
            prop_assert_eq!(user_name(&s), Ok(()));
        }

        #[test]
        fn a_half_width_katakana_anywhere_is_named(a in "[あ-ん]{0,10}", k in "[ｦ-ﾟ]", b in "[あ-ん]{0,10}") {
            let s = format!("{a}{k}{b}");
            let ch = k.chars().next().unwrap();
            prop_assert_eq!(user_name(&s), Err(RuleError::HalfWidth { ch }));
        }

        #[test]
        fn names_over_30_characters_fail_with_the_count(s in "[あ-ん]{31,40}") {
            let n = s.chars().count();
            prop_assert_eq!(user_name(&s), Err(RuleError::TooLong { max: 30, actual: n }));
        }

        #[test]
        fn well_formed_addresses_pass(l in "[a-z0-9._-]{1,20}", d in "[a-z0-9]{1,20}", t in "[a-z]{2,6}") {
            let s = format!("{l}@{d}.{t}");
            prop_assert_eq!(email(&s), Ok(()));
        }

        #[test]
        fn the_password_equal_to_the_id_always_fails(s in "[a-z]{3,6}[0-9]{3,6}") {
            prop_assert_eq!(login_password(&s, &s), Err(RuleError::SameAsLoginId));
        }
    }
}
