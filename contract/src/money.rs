//! Money is integer yen: parsing what the user typed, and showing it with separators.

use crate::rules::RuleError;

/// `1234567` → `1,234,567`.
pub fn format_yen(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Full-width digits and separators (IME on) read as their half-width forms.
pub fn normalise_digits(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '，' => ',',
            c => c,
        })
        .collect()
}

/// An amount typed by the user: 半角数字 (full-width digits are normalised, thousands
/// separators are ignored), at most `max_digits` digits without leading-zero padding counted.
pub fn parse_amount(text: &str, max_digits: usize) -> Result<u64, RuleError> {
    let text = normalise_digits(text);
    if text.is_empty() {
        return Err(RuleError::Required);
    }
    let digits: String = text.chars().filter(|c| *c != ',').collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(RuleError::NotDigits);
    }
    let significant = digits.trim_start_matches('0');
    if significant.len() > max_digits {
        return Err(RuleError::TooManyDigits { max: max_digits });
    }
    if significant.is_empty() {
        return Ok(0);
    }
    // At most 19 digits fit u64; `max_digits` is at most 15 in this product.
    significant
        .parse::<u64>()
        .map_err(|_| RuleError::TooManyDigits { max: max_digits })
}

/// An amount received as a number (the backend's side of [`parse_amount`]): at most
/// `max_digits` digits.
pub fn within_digits(amount: u64, max_digits: usize) -> Result<(), RuleError> {
    let digits = amount.checked_ilog10().map_or(1, |d| d as usize + 1);
    if digits > max_digits {
        Err(RuleError::TooManyDigits { max: max_digits })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn separators_every_three_digits() {
        assert_eq!(format_yen(0), "0");
        assert_eq!(format_yen(999), "999");
        assert_eq!(format_yen(1_000), "1,000");
        assert_eq!(format_yen(99_999_999_999), "99,999,999,999");
    }

    #[test]
    fn full_width_digits_and_separators_are_normalised() {
        assert_eq!(parse_amount("１，０００，０００", 15), Ok(1_000_000));
        assert_eq!(parse_amount(" 5000 ", 15), Ok(5_000));
        assert_eq!(parse_amount("0", 15), Ok(0));
    }

    #[test]
    fn anything_else_names_the_rule() {
        assert_eq!(parse_amount("", 15), Err(RuleError::Required));
        assert_eq!(parse_amount("1万", 15), Err(RuleError::NotDigits));
        assert_eq!(parse_amount("-5", 15), Err(RuleError::NotDigits));
        assert_eq!(parse_amount("1.5", 15), Err(RuleError::NotDigits));
        assert_eq!(parse_amount(",", 15), Err(RuleError::NotDigits));
        assert_eq!(
            parse_amount("1000000000000", 12),
            Err(RuleError::TooManyDigits { max: 12 })
        );
        assert_eq!(parse_amount("999999999999", 12), Ok(999_999_999_999));
    }

    #[test]
    fn numbers_are_checked_for_digits_too() {
        assert_eq!(within_digits(0, 1), Ok(()));
        assert_eq!(within_digits(999_999_999_999, 12), Ok(()));
        assert_eq!(
            within_digits(1_000_000_000_000, 12),
            Err(RuleError::TooManyDigits { max: 12 })
        );
    }

    proptest! {
        #[test]
        fn formatted_amounts_parse_back(n in 0u64..1_000_000_000_000_000) {
            prop_assert_eq!(parse_amount(&format_yen(n), 15), Ok(n));
        }

        #[test]
        fn full_width_input_equals_half_width(n in 0u64..1_000_000_000_000_000) {
            let full: String = n.to_string().chars()
                .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap())
                .collect();
            prop_assert_eq!(parse_amount(&full, 15), Ok(n));
        }

        #[test]
        fn a_letter_anywhere_is_refused(a in "[0-9]{0,5}", l in "[a-zA-Zあ-ん円.-]", b in "[0-9]{0,5}") {
            prop_assert_eq!(parse_amount(&format!("{a}{l}{b}"), 15), Err(RuleError::NotDigits));
        }
    }
}
