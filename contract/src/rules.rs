//! Field rules shared by the SPA (live validation) and the backend (422 answers).
//!
//! Each rule is a plain function returning `Result<(), RuleError>`; the error knows its
//! machine code (for the API's `field_errors[].code`) and its Japanese sentence, which
//! always names the rule that was broken, so the user knows what to change.

use crate::api::{FieldError, PasswordChange, PasswordChangeRequest, PasswordKind};

/// Shortest login ID / password (characters).
pub const CREDENTIAL_MIN: usize = 6;
/// Longest login ID / password (characters).
pub const CREDENTIAL_MAX: usize = 12;

/// Hint shown under login ID and password fields.
pub const CREDENTIAL_HINT: &str =
    "半角英数字6〜12文字（英字と数字をそれぞれ1文字以上含めてください）";

/// A broken field rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    /// Nothing was entered.
    #[error("required")]
    Required,
    /// A character other than half-width letters and digits; `full_width` when the
    /// offending character is a full-width letter or digit (a common slip with IME on).
    #[error("invalid character")]
    InvalidCharacter { full_width: bool },
    /// Length outside `min..=max` characters.
    #[error("length {actual} not in {min}..={max}")]
    Length {
        min: usize,
        max: usize,
        actual: usize,
    },
    /// Letters only or digits only.
    #[error("needs a letter and a digit")]
    NeedsLetterAndDigit,
    /// The second entry differs from the first.
    #[error("second entry differs")]
    Mismatch,
    /// A password equal to the login ID.
    #[error("same as the login ID")]
    SameAsLoginId,
    /// A new password equal to the current one.
    #[error("same as the current password")]
    SameAsCurrent,
    /// A 確認用パスワード equal to the ログインパスワード.
    #[error("same as the login password")]
    SameAsLoginPassword,
    /// A 全角 field with a half-width character (`ch`), e.g. half-width katakana.
    #[error("half-width character")]
    HalfWidth { ch: char },
    /// A control character (tab, newline …).
    #[error("control character")]
    ControlCharacter,
    /// A 全角 field longer than `max` characters.
    #[error("longer than {max}")]
    TooLong { max: usize, actual: usize },
    /// An e-mail address with a character other than 半角英数字記号.
    #[error("e-mail character")]
    EmailCharacter,
    /// An e-mail address outside 4–64 characters.
    #[error("e-mail length")]
    EmailLength { actual: usize },
    /// Not of the form `name@domain.tld`.
    #[error("e-mail form")]
    EmailForm,
    /// An amount with a character other than digits (and separators).
    #[error("not digits")]
    NotDigits,
    /// An amount of more than `max` digits.
    #[error("too many digits")]
    TooManyDigits { max: usize },
    /// An amount above the company's limit.
    #[error("exceeds the company limit")]
    ExceedsLimit { limit: u64 },
    /// Nothing selected where at least one is needed.
    #[error("none selected")]
    NoneSelected,
    /// A login ID already registered.
    #[error("taken")]
    Taken,
    /// A カナ field with a character other than 全角カタカナ and the allowed symbols.
    #[error("not katakana")]
    NotKatakana { ch: char },
}

impl RuleError {
    /// The code used in `field_errors[].code`.
    pub fn code(&self) -> &'static str {
        match self {
            RuleError::Required => "required",
            RuleError::InvalidCharacter { .. } => "invalid_character",
            RuleError::Length { .. } => "length",
            RuleError::NeedsLetterAndDigit => "letter_and_digit",
            RuleError::Mismatch => "mismatch",
            RuleError::SameAsLoginId => "same_as_login_id",
            RuleError::SameAsCurrent => "same_as_current",
            RuleError::SameAsLoginPassword => "same_as_login_password",
            RuleError::HalfWidth { .. } => "half_width",
            RuleError::ControlCharacter => "control_character",
            RuleError::TooLong { .. } => "too_long",
            RuleError::EmailCharacter => "email_character",
            RuleError::EmailLength { .. } => "email_length",
            RuleError::EmailForm => "email_form",
            RuleError::NotDigits => "not_digits",
            RuleError::TooManyDigits { .. } => "too_many_digits",
            RuleError::ExceedsLimit { .. } => "exceeds_limit",
            RuleError::NoneSelected => "none_selected",
            RuleError::Taken => "taken",
            RuleError::NotKatakana { .. } => "not_katakana",
        }
    }

    /// The Japanese message for the field labelled `label`.
    pub fn message(&self, label: &str) -> String {
        match self {
            RuleError::Required => format!("{label}を入力してください。"),
            RuleError::InvalidCharacter { full_width: true } => {
                format!("{label}に全角文字が含まれています。半角英数字で入力してください。")
            }
            RuleError::InvalidCharacter { full_width: false } => {
                format!("{label}は半角英数字（記号・空白を除く）で入力してください。")
            }
            RuleError::Length { min, max, actual } => {
                format!(
                    "{label}は半角英数字{min}〜{max}文字で入力してください（現在{actual}文字）。"
                )
            }
            RuleError::NeedsLetterAndDigit => {
                format!("{label}は英字と数字をそれぞれ1文字以上含めてください。")
            }
            RuleError::Mismatch => {
                format!("{label}が一致しません。同じ内容をもう一度入力してください。")
            }
            RuleError::SameAsLoginId => {
                format!("{label}にはログインIDと異なる文字列を指定してください。")
            }
            RuleError::SameAsCurrent => {
                format!("{label}には現在のパスワードと異なる文字列を指定してください。")
            }
            RuleError::SameAsLoginPassword => {
                format!("{label}にはログインパスワードと異なる文字列を指定してください。")
            }
            RuleError::HalfWidth { ch } => {
                format!("{label}は全角で入力してください（半角文字「{ch}」は使用できません）。")
            }
            RuleError::ControlCharacter => {
                format!("{label}に使用できない文字（改行・タブなど）が含まれています。")
            }
            RuleError::TooLong { max, actual } => {
                format!("{label}は全角{max}文字以内で入力してください（現在{actual}文字）。")
            }
            RuleError::EmailCharacter => {
                format!(
                    "{label}は半角英数字記号で入力してください（全角文字・空白は使用できません）。"
                )
            }
            RuleError::EmailLength { actual } => {
                format!("{label}は半角英数字記号4〜64文字で入力してください（現在{actual}文字）。")
            }
            RuleError::EmailForm => {
                format!("{label}の形式が正しくありません（例：taro@example.co.jp）。")
            }
            RuleError::NotDigits => format!("{label}は半角数字で入力してください。"),
            RuleError::TooManyDigits { max } => {
                format!("{label}は半角数字{max}桁以内で入力してください。")
            }
            RuleError::ExceedsLimit { limit } => format!(
                "{label}は企業の限度額（{}円）以下で入力してください。",
                crate::money::format_yen(*limit)
            ),
            RuleError::NoneSelected => format!("{label}を1つ以上選択してください。"),
            RuleError::Taken => {
                format!("この{label}は既に登録されています。別の{label}を入力してください。")
            }
            RuleError::NotKatakana { ch } => format!(
                "{label}は全角カタカナ・全角英数字・全角スペースと記号（）．－／・ーで入力してください（「{ch}」は使用できません）。"
            ),
        }
    }

    /// This error as an API field error.
    pub fn to_field_error(&self, field: &str, label: &str) -> FieldError {
        FieldError {
            field: field.to_owned(),
            code: self.code().to_owned(),
            message: self.message(label),
        }
    }
}

/// Whether `c` is a half-width katakana (U+FF61–U+FF9F).
fn is_half_width_katakana(c: char) -> bool {
    ('\u{FF61}'..='\u{FF9F}').contains(&c)
}

/// A 全角 text of at most `max` characters (利用者名, 企業名): half-width characters
/// (ASCII, half-width katakana) and control characters are refused.
pub fn full_width_text(value: &str, max: usize) -> Result<(), RuleError> {
    if value.trim().is_empty() {
        return Err(RuleError::Required);
    }
    if value.chars().any(char::is_control) {
        return Err(RuleError::ControlCharacter);
    }
    if let Some(ch) = value
        .chars()
        .find(|c| c.is_ascii() || is_half_width_katakana(*c))
    {
        return Err(RuleError::HalfWidth { ch });
    }
    let actual = value.chars().count();
    if actual > max {
        return Err(RuleError::TooLong { max, actual });
    }
    Ok(())
}

/// Whether `c` is a full-width (zenkaku) Latin letter or digit, U+FF10–U+FF5A.
fn is_full_width_alphanumeric(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// 半角英数字 `min..=max` 文字, with at least one letter and one digit.
fn half_width_alphanumeric_mixed(value: &str, min: usize, max: usize) -> Result<(), RuleError> {
    if value.is_empty() {
        return Err(RuleError::Required);
    }
    if let Some(bad) = value.chars().find(|c| !c.is_ascii_alphanumeric()) {
        return Err(RuleError::InvalidCharacter {
            full_width: is_full_width_alphanumeric(bad),
        });
    }
    let actual = value.chars().count();
    if actual < min || actual > max {
        return Err(RuleError::Length { min, max, actual });
    }
    let letter = value.chars().any(|c| c.is_ascii_alphabetic());
    let digit = value.chars().any(|c| c.is_ascii_digit());
    if !(letter && digit) {
        return Err(RuleError::NeedsLetterAndDigit);
    }
    Ok(())
}

/// ログインID: 半角英数字 6–12 文字, letters and digits both required.
pub fn login_id(value: &str) -> Result<(), RuleError> {
    half_width_alphanumeric_mixed(value, CREDENTIAL_MIN, CREDENTIAL_MAX)
}

/// ログインパスワード / 確認用パスワード: 半角英数字 6–12 文字, letters and digits both
/// required, case-sensitive.
pub fn password(value: &str) -> Result<(), RuleError> {
    half_width_alphanumeric_mixed(value, CREDENTIAL_MIN, CREDENTIAL_MAX)
}

/// The second entry of a field entered twice.
pub fn same_again(first: &str, again: &str) -> Result<(), RuleError> {
    if again.is_empty() {
        Err(RuleError::Required)
    } else if first != again {
        Err(RuleError::Mismatch)
    } else {
        Ok(())
    }
}

/// A new password: the password rule, then different from the login ID and from the
/// current password.
pub fn new_password(new: &str, login_id: &str, current: &str) -> Result<(), RuleError> {
    password(new)?;
    if new == login_id {
        return Err(RuleError::SameAsLoginId);
    }
    if !current.is_empty() && new == current {
        return Err(RuleError::SameAsCurrent);
    }
    Ok(())
}

/// Labels of the three fields of one password change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordChangeLabels {
    pub current: String,
    pub new: String,
    pub new_again: String,
}

impl PasswordKind {
    /// 「ログインパスワード」 or 「確認用パスワード」.
    pub fn label(self) -> &'static str {
        match self {
            PasswordKind::Login => "ログインパスワード",
            PasswordKind::Confirm => "確認用パスワード",
        }
    }

    /// The API field prefix: `login_password` or `confirm_password`.
    pub fn field_prefix(self) -> &'static str {
        match self {
            PasswordKind::Login => "login_password",
            PasswordKind::Confirm => "confirm_password",
        }
    }

    /// The labels of its current / new / new-again fields.
    pub fn labels(self) -> PasswordChangeLabels {
        let l = self.label();
        PasswordChangeLabels {
            current: format!("現在の{l}"),
            new: format!("新しい{l}"),
            new_again: format!("新しい{l}（確認のため再入力）"),
        }
    }
}

/// Every field error of one password change (current, new, new again), in field order.
pub fn password_change(
    kind: PasswordKind,
    login_id: &str,
    change: &PasswordChange,
) -> Vec<FieldError> {
    let labels = kind.labels();
    let p = kind.field_prefix();
    let mut errors = Vec::new();
    if change.current.is_empty() {
        errors.push(RuleError::Required.to_field_error(&format!("{p}.current"), &labels.current));
    }
    if let Err(e) = new_password(&change.new, login_id, &change.current) {
        errors.push(e.to_field_error(&format!("{p}.new"), &labels.new));
    }
    if let Err(e) = same_again(&change.new, &change.new_again) {
        errors.push(e.to_field_error(&format!("{p}.new_again"), &labels.new_again));
    }
    errors
}

/// Every field error of a whole password change request. `forced` (first login) requires
/// the login password part. At least one part is always required.
pub fn password_change_request(
    login_id: &str,
    req: &PasswordChangeRequest,
    forced: bool,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    match (&req.login_password, &req.confirm_password) {
        (None, None) => errors.push(FieldError {
            field: "change".into(),
            code: "required".into(),
            message: "変更するパスワードを選択してください。".into(),
        }),
        (None, Some(_)) if forced => errors.push(FieldError {
            field: "login_password".into(),
            code: "required".into(),
            message: "初回ログインのため、ログインパスワードを変更してください。".into(),
        }),
        _ => {}
    }
    if let Some(c) = &req.login_password {
        errors.extend(password_change(PasswordKind::Login, login_id, c));
    }
    if let Some(c) = &req.confirm_password {
        errors.extend(password_change(PasswordKind::Confirm, login_id, c));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn login_id_boundaries() {
        assert_eq!(
            login_id("abc12"),
            Err(RuleError::Length {
                min: 6,
                max: 12,
                actual: 5
            })
        );
        assert_eq!(login_id("abc123"), Ok(()));
        assert_eq!(login_id("abcdef123456"), Ok(()));
        assert_eq!(
            login_id("abcdef1234567"),
            Err(RuleError::Length {
                min: 6,
                max: 12,
                actual: 13
            })
        );
    }

    #[test]
    fn login_id_needs_both_letters_and_digits() {
        assert_eq!(login_id("abcdefg"), Err(RuleError::NeedsLetterAndDigit));
        assert_eq!(login_id("1234567"), Err(RuleError::NeedsLetterAndDigit));
    }

    #[test]
    fn full_width_is_named_as_such() {
        assert_eq!(
            login_id("ａｂｃ１２３"),
            Err(RuleError::InvalidCharacter { full_width: true })
        );
        assert_eq!(
            login_id("abc-123"),
            Err(RuleError::InvalidCharacter { full_width: false })
        );
        assert_eq!(
            login_id("abc 123"),
            Err(RuleError::InvalidCharacter { full_width: false })
        );
        assert_eq!(login_id(""), Err(RuleError::Required));
    }

    #[test]
    fn messages_name_the_rule_and_the_count() {
        let e = login_id("abc12").unwrap_err();
        assert_eq!(
            e.message("ログインID"),
            "ログインIDは半角英数字6〜12文字で入力してください（現在5文字）。"
        );
        assert_eq!(
            RuleError::Required.message("ログインパスワード"),
            "ログインパスワードを入力してください。"
        );
    }

    #[test]
    fn password_is_case_sensitive_and_differs_from_id() {
        assert_eq!(new_password("Abc123", "abc123", ""), Ok(()));
        assert_eq!(
            new_password("abc123", "abc123", ""),
            Err(RuleError::SameAsLoginId)
        );
        assert_eq!(
            new_password("pass1234", "user01", "pass1234"),
            Err(RuleError::SameAsCurrent)
        );
    }

    #[test]
    fn second_entry_must_match() {
        assert_eq!(same_again("abc123", "abc123"), Ok(()));
        assert_eq!(same_again("abc123", "abc124"), Err(RuleError::Mismatch));
        assert_eq!(same_again("abc123", "ABC123"), Err(RuleError::Mismatch));
        assert_eq!(same_again("abc123", ""), Err(RuleError::Required));
    }

    #[test]
    fn password_change_reports_each_field() {
        let change = PasswordChange {
            current: String::new(),
            new: "short1".into(),
            new_again: "short2".into(),
        };
        let errs = password_change(PasswordKind::Login, "user01", &change);
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["login_password.current", "login_password.new_again"]
        );
        assert_eq!(errs[1].message, "新しいログインパスワード（確認のため再入力）が一致しません。同じ内容をもう一度入力してください。");
    }

    #[test]
    fn forced_change_requires_the_login_password() {
        let c = PasswordChange {
            current: "old123".into(),
            new: "new123".into(),
            new_again: "new123".into(),
        };
        let only_confirm = PasswordChangeRequest {
            login_password: None,
            confirm_password: Some(c.clone()),
        };
        assert_eq!(
            password_change_request("user01", &only_confirm, true)[0].field,
            "login_password"
        );
        assert!(password_change_request("user01", &only_confirm, false).is_empty());
        let nothing = PasswordChangeRequest {
            login_password: None,
            confirm_password: None,
        };
        assert_eq!(
            password_change_request("user01", &nothing, false)[0].field,
            "change"
        );
    }

    fn valid_credential() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9]{4,10}".prop_flat_map(|mid| {
            ("[a-zA-Z]", "[0-9]").prop_map(move |(l, d)| format!("{l}{mid}{d}"))
        })
    }

    proptest! {
        #[test]
        fn every_mixed_half_width_alphanumeric_of_6_to_12_passes(s in valid_credential()) {
            prop_assert_eq!(login_id(&s), Ok(()));
            prop_assert_eq!(password(&s), Ok(()));
        }

        #[test]
        fn letters_only_or_digits_only_fail(s in "([a-zA-Z]{6,12}|[0-9]{6,12})") {
            prop_assert_eq!(login_id(&s), Err(RuleError::NeedsLetterAndDigit));
        }

        #[test]
        fn wrong_lengths_fail_with_the_count(s in "([a-z][0-9]{0,3}|[a-z][0-9]{12,20})") {
            let n = s.chars().count();
            prop_assert_eq!(login_id(&s), Err(RuleError::Length { min: 6, max: 12, actual: n }));
        }

        #[test]
        fn any_other_character_fails(prefix in "[a-z0-9]{0,6}", bad in "[^a-zA-Z0-9]", suffix in "[a-z0-9]{0,5}") {
            let s = format!("{prefix}{bad}{suffix}");
            let is_invalid_char = matches!(login_id(&s), Err(RuleError::InvalidCharacter { .. }));
            prop_assert!(is_invalid_char);
        }

        #[test]
        fn full_width_digits_are_named_full_width(s in "[０-９ａ-ｚ]{1,12}") {
            prop_assert_eq!(password(&s), Err(RuleError::InvalidCharacter { full_width: true }));
        }

        #[test]
        fn second_entry_equal_iff_same(a in "[a-zA-Z0-9]{6,12}", b in "[a-zA-Z0-9]{6,12}") {
            prop_assert_eq!(same_again(&a, &b).is_ok(), a == b);
        }
    }
}
