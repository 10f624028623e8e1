//! 企業管理 › 手数料情報 (manual 001, "手数料情報の変更"): 先方負担手数料
//! [振込振替] / [総合振込] and 当方負担手数料[総合振込], their rules (amount bands that are
//! contiguous and do not overlap) shared by the SPA and the backend.
//!
//! Field paths: `fees.minimum`, `fees.method`, `fees.bands`, `fees.bands.{i}.from`,
//! `fees.bands.{i}.to`, `fees.bands.{i}.same_branch` / `other_branch` / `other_bank`
//! (`i` counts from 0; labels count rows from 1).

use crate::api::FieldError;
use crate::money::{format_yen, within_digits};
use crate::rules::RuleError;
use crate::users::Confirmation;
use serde::{Deserialize, Serialize};

/// 支払金額 / 振込金額 and 適用最低支払金額: 半角数字 12 桁以内.
pub const AMOUNT_DIGITS: usize = 12;
/// A fee: 半角数字 5 桁以内.
pub const FEE_DIGITS: usize = 5;
/// At most this many amount bands.
pub const MAX_BANDS: usize = 10;

/// The three fee tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeeTable {
    /// 先方負担手数料[振込振替].
    PayeeTransfer,
    /// 先方負担手数料[総合振込].
    PayeeBulk,
    /// 当方負担手数料[総合振込].
    PayerBulk,
}

impl FeeTable {
    pub const ALL: [FeeTable; 3] = [
        FeeTable::PayeeTransfer,
        FeeTable::PayeeBulk,
        FeeTable::PayerBulk,
    ];

    /// 「先方負担手数料[振込振替]」.
    pub fn title(self) -> &'static str {
        match self {
            FeeTable::PayeeTransfer => "先方負担手数料[振込振替]",
            FeeTable::PayeeBulk => "先方負担手数料[総合振込]",
            FeeTable::PayerBulk => "当方負担手数料[総合振込]",
        }
    }

    /// The manual's description on 作業内容選択.
    pub fn description(self) -> &'static str {
        match self {
            FeeTable::PayeeTransfer => "振込振替業務で使用する先方負担手数料情報を変更できます。",
            FeeTable::PayeeBulk => "総合振込業務で使用する先方負担手数料情報を変更できます。",
            FeeTable::PayerBulk => "総合振込業務で使用する当方負担手数料情報を変更できます。",
        }
    }

    /// URL segment and API path segment.
    pub fn slug(self) -> &'static str {
        match self {
            FeeTable::PayeeTransfer => "payee-transfer",
            FeeTable::PayeeBulk => "payee-bulk",
            FeeTable::PayerBulk => "payer-bulk",
        }
    }

    pub fn from_slug(slug: &str) -> Option<FeeTable> {
        FeeTable::ALL.into_iter().find(|t| t.slug() == slug)
    }

    /// 先方負担 tables have an 適用最低支払金額.
    pub fn has_minimum(self) -> bool {
        matches!(self, FeeTable::PayeeTransfer | FeeTable::PayeeBulk)
    }

    /// Only 先方負担手数料[総合振込] has a 手数料計算方法.
    pub fn has_method(self) -> bool {
        self == FeeTable::PayeeBulk
    }

    /// 「支払金額範囲」 (先方負担) or 「振込金額範囲」 (当方負担).
    pub fn range_label(self) -> &'static str {
        if self.has_minimum() {
            "支払金額範囲"
        } else {
            "振込金額範囲"
        }
    }
}

/// 手数料計算方法 (先方負担手数料[総合振込]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeeMethod {
    /// 据置型.
    Fixed,
    /// 以上手数料加算型.
    AddAbove,
    /// 未満手数料加算型.
    AddBelow,
}

impl FeeMethod {
    pub const ALL: [FeeMethod; 3] = [FeeMethod::Fixed, FeeMethod::AddAbove, FeeMethod::AddBelow];

    pub fn label(self) -> &'static str {
        match self {
            FeeMethod::Fixed => "据置型",
            FeeMethod::AddAbove => "以上手数料加算型",
            FeeMethod::AddBelow => "未満手数料加算型",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            FeeMethod::Fixed => "fixed",
            FeeMethod::AddAbove => "add_above",
            FeeMethod::AddBelow => "add_below",
        }
    }
}

/// 振込パターン.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransferPattern {
    /// 当店宛.
    SameBranch,
    /// 本支店宛.
    OtherBranch,
    /// 他行宛.
    OtherBank,
}

impl TransferPattern {
    pub const ALL: [TransferPattern; 3] = [
        TransferPattern::SameBranch,
        TransferPattern::OtherBranch,
        TransferPattern::OtherBank,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TransferPattern::SameBranch => "当店宛",
            TransferPattern::OtherBranch => "本支店宛",
            TransferPattern::OtherBank => "他行宛",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            TransferPattern::SameBranch => "same_branch",
            TransferPattern::OtherBranch => "other_branch",
            TransferPattern::OtherBank => "other_bank",
        }
    }
}

/// One amount band and its fee per 振込パターン (integer yen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeBand {
    /// 下限 (inclusive).
    pub from: u64,
    /// 上限 (inclusive); `None`: 上限なし (the last band only).
    pub to: Option<u64>,
    pub same_branch: u64,
    pub other_branch: u64,
    pub other_bank: u64,
}

impl FeeBand {
    pub fn fee(&self, p: TransferPattern) -> u64 {
        match p {
            TransferPattern::SameBranch => self.same_branch,
            TransferPattern::OtherBranch => self.other_branch,
            TransferPattern::OtherBank => self.other_bank,
        }
    }

    pub fn set_fee(&mut self, p: TransferPattern, amount: u64) {
        match p {
            TransferPattern::SameBranch => self.same_branch = amount,
            TransferPattern::OtherBranch => self.other_branch = amount,
            TransferPattern::OtherBank => self.other_bank = amount,
        }
    }

    /// 「1円〜29,999円」 / 「30,000円以上」.
    pub fn range_text(&self) -> String {
        match self.to {
            Some(to) => format!("{}円〜{}円", format_yen(self.from), format_yen(to)),
            None => format!("{}円以上", format_yen(self.from)),
        }
    }
}

/// The settings of one fee table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeSettings {
    /// 「使用する(常に最新の基準手数料を使用する)」: the bands follow the bank's standard.
    pub use_standard: bool,
    /// 適用最低支払金額 (先方負担 only).
    pub minimum: Option<u64>,
    /// 手数料計算方法 (先方負担手数料[総合振込] only).
    pub method: Option<FeeMethod>,
    /// The bands, from the lowest amount up.
    pub bands: Vec<FeeBand>,
}

/// `GET /api/company/fees/{slug}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeView {
    pub table: FeeTable,
    /// As in force (with `use_standard`, the bands are the standard's).
    pub settings: FeeSettings,
    /// The bank's standard fees for this table (「手数料を読み込む」).
    pub standard: Vec<FeeBand>,
    /// The company uses ワンタイムパスワード.
    pub one_time_password: bool,
    /// See [`crate::company::CompanyView::revision`].
    pub revision: i64,
    pub updated_at: i64,
}

/// `PUT /api/company/fees/{slug}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeChangeRequest {
    pub settings: FeeSettings,
    pub revision: i64,
    pub confirmation: Confirmation,
}

/// Answer to a fee change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeesChanged {
    pub table: FeeTable,
    pub before: FeeSettings,
    pub after: FeeSettings,
    pub changed_at: i64,
}

/// Field paths.
pub mod field {
    use super::TransferPattern;

    pub const USE_STANDARD: &str = "fees.use_standard";
    pub const MINIMUM: &str = "fees.minimum";
    pub const METHOD: &str = "fees.method";
    pub const BANDS: &str = "fees.bands";

    pub fn from(i: usize) -> String {
        format!("fees.bands.{i}.from")
    }

    pub fn to(i: usize) -> String {
        format!("fees.bands.{i}.to")
    }

    pub fn fee(i: usize, p: TransferPattern) -> String {
        format!("fees.bands.{i}.{}", p.key())
    }
}

/// The label of a field path of `table`, for messages.
pub fn label_of(path: &str, table: FeeTable) -> String {
    match path {
        field::USE_STANDARD => return "基準手数料".into(),
        field::MINIMUM => return "適用最低支払金額".into(),
        field::METHOD => return "手数料計算方法".into(),
        field::BANDS => return table.range_label().into(),
        _ => {}
    }
    if let Some((i, key)) = path
        .strip_prefix("fees.bands.")
        .and_then(|r| r.split_once('.'))
        .and_then(|(i, k)| Some((i.parse::<usize>().ok()?, k)))
    {
        let row = i + 1;
        let range = table.range_label();
        return match key {
            "from" => format!("{range}（{row}行目）の下限"),
            "to" => format!("{range}（{row}行目）の上限"),
            k => match TransferPattern::ALL.into_iter().find(|p| p.key() == k) {
                Some(p) => format!("手数料（{row}行目・{}）", p.label()),
                None => path.into(),
            },
        };
    }
    path.into()
}

fn push(e: &mut Vec<FieldError>, path: &str, table: FeeTable, r: Result<(), RuleError>) {
    if let Err(err) = r {
        e.push(err.to_field_error(path, &label_of(path, table)));
    }
}

fn band_error(e: &mut Vec<FieldError>, path: String, code: &str, message: String) {
    e.push(FieldError {
        field: path,
        code: code.into(),
        message,
    });
}

/// The bands' own rules: at least one and at most [`MAX_BANDS`]; the first from 1円;
/// each next one from the amount after the previous 上限 (no gap, no overlap); 上限 not
/// below 下限; only the last without 上限, and the last without one; digits.
pub fn band_errors(bands: &[FeeBand], table: FeeTable) -> Vec<FieldError> {
    let mut e = Vec::new();
    let range = table.range_label();
    if bands.is_empty() {
        band_error(
            &mut e,
            field::BANDS.into(),
            "required",
            format!("{range}を1行以上入力してください。"),
        );
        return e;
    }
    if bands.len() > MAX_BANDS {
        band_error(
            &mut e,
            field::BANDS.into(),
            "too_many",
            format!("{range}は{MAX_BANDS}行以内で入力してください。"),
        );
    }
    let last = bands.len() - 1;
    for (i, b) in bands.iter().enumerate() {
        let row = i + 1;
        let from_path = field::from(i);
        let to_path = field::to(i);
        let mut from_ok = within_digits(b.from, AMOUNT_DIGITS).is_ok();
        push(
            &mut e,
            &from_path,
            table,
            within_digits(b.from, AMOUNT_DIGITS),
        );
        if from_ok {
            let expected = if i == 0 {
                Some(1)
            } else {
                bands[i - 1].to.and_then(|t| t.checked_add(1))
            };
            if let Some(expected) = expected.filter(|x| *x != b.from) {
                from_ok = false;
                let why = if i == 0 {
                    "最初の範囲は1円から始めてください".to_owned()
                } else if b.from <= expected {
                    format!("{}行目の範囲と重なっています", row - 1)
                } else {
                    format!("{}行目の範囲との間にすき間があります", row - 1)
                };
                band_error(
                    &mut e,
                    from_path.clone(),
                    "not_contiguous",
                    format!(
                        "{range}（{row}行目）の下限は{}円にしてください（{why}）。",
                        format_yen(expected)
                    ),
                );
            }
        }
        match b.to {
            Some(to) => {
                if within_digits(to, AMOUNT_DIGITS).is_err() {
                    push(&mut e, &to_path, table, within_digits(to, AMOUNT_DIGITS));
                } else if i == last {
                    band_error(
                        &mut e,
                        to_path,
                        "last_has_upper",
                        format!(
                            "{range}（{row}行目）は最後の範囲のため、上限は空欄（上限なし）にしてください。"
                        ),
                    );
                } else if from_ok && to < b.from {
                    band_error(
                        &mut e,
                        to_path,
                        "upper_below_lower",
                        format!(
                            "{range}（{row}行目）の上限は下限（{}円）以上の金額を入力してください。",
                            format_yen(b.from)
                        ),
                    );
                }
            }
            None if i != last => band_error(
                &mut e,
                to_path,
                "required",
                format!(
                    "{range}（{row}行目）の上限を入力してください（上限なしにできるのは最後の範囲だけです）。"
                ),
            ),
            None => {}
        }
        for p in TransferPattern::ALL {
            push(
                &mut e,
                &field::fee(i, p),
                table,
                within_digits(b.fee(p), FEE_DIGITS),
            );
        }
    }
    e
}

/// Every error of the settings of `table`, in screen order.
pub fn settings_errors(s: &FeeSettings, table: FeeTable) -> Vec<FieldError> {
    let mut e = Vec::new();
    match (s.minimum, table.has_minimum()) {
        (None, true) => push(&mut e, field::MINIMUM, table, Err(RuleError::Required)),
        (Some(m), true) => push(
            &mut e,
            field::MINIMUM,
            table,
            within_digits(m, AMOUNT_DIGITS),
        ),
        (Some(_), false) => band_error(
            &mut e,
            field::MINIMUM.into(),
            "not_offered",
            format!("{}には適用最低支払金額はありません。", table.title()),
        ),
        (None, false) => {}
    }
    match (s.method, table.has_method()) {
        (None, true) => band_error(
            &mut e,
            field::METHOD.into(),
            "required",
            "手数料計算方法を選択してください。".into(),
        ),
        (Some(_), false) => band_error(
            &mut e,
            field::METHOD.into(),
            "not_offered",
            format!("{}には手数料計算方法はありません。", table.title()),
        ),
        _ => {}
    }
    if !s.use_standard {
        e.extend(band_errors(&s.bands, table));
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn band(from: u64, to: Option<u64>) -> FeeBand {
        FeeBand {
            from,
            to,
            same_branch: 0,
            other_branch: 110,
            other_bank: 330,
        }
    }

    fn standard() -> Vec<FeeBand> {
        vec![band(1, Some(29_999)), band(30_000, None)]
    }

    fn fields(e: &[FieldError]) -> Vec<&str> {
        e.iter().map(|f| f.field.as_str()).collect()
    }

    #[test]
    fn contiguous_bands_are_accepted() {
        assert_eq!(band_errors(&standard(), FeeTable::PayeeBulk), vec![]);
        assert_eq!(band_errors(&[band(1, None)], FeeTable::PayerBulk), vec![]);
    }

    #[test]
    fn a_gap_and_an_overlap_are_named() {
        let gap = [band(1, Some(29_999)), band(30_001, None)];
        let e = band_errors(&gap, FeeTable::PayeeTransfer);
        assert_eq!(fields(&e), ["fees.bands.1.from"]);
        assert_eq!(
            e[0].message,
            "支払金額範囲（2行目）の下限は30,000円にしてください（1行目の範囲との間にすき間があります）。"
        );
        let overlap = [band(1, Some(29_999)), band(20_000, None)];
        let e = band_errors(&overlap, FeeTable::PayerBulk);
        assert_eq!(
            e[0].message,
            "振込金額範囲（2行目）の下限は30,000円にしてください（1行目の範囲と重なっています）。"
        );
    }

    #[test]
    fn first_from_one_only_last_open_and_upper_not_below_lower() {
        let e = band_errors(&[band(0, None)], FeeTable::PayerBulk);
        assert_eq!(fields(&e), ["fees.bands.0.from"]);
        let e = band_errors(
            &[band(1, None), band(10, Some(5)), band(6, Some(100))],
            FeeTable::PayerBulk,
        );
        assert_eq!(
            fields(&e),
            ["fees.bands.0.to", "fees.bands.1.to", "fees.bands.2.to"]
        );
        let e = band_errors(&[band(1, Some(10)), band(11, None)], FeeTable::PayerBulk);
        assert_eq!(e, vec![]);
        let e = band_errors(&[band(1, Some(0)), band(1, None)], FeeTable::PayerBulk);
        assert_eq!(fields(&e), ["fees.bands.0.to"]);
        assert!(e[0].message.contains("下限（1円）以上"));
    }

    #[test]
    fn digits_and_counts() {
        let mut b = band(1, None);
        b.other_bank = 100_000;
        let e = band_errors(&[b], FeeTable::PayeeBulk);
        assert_eq!(fields(&e), ["fees.bands.0.other_bank"]);
        assert_eq!(
            e[0].message,
            "手数料（1行目・他行宛）は半角数字5桁以内で入力してください。"
        );
        assert_eq!(
            fields(&band_errors(&[], FeeTable::PayeeBulk)),
            ["fees.bands"]
        );
        let many: Vec<FeeBand> = (0..11)
            .map(|i| band(i * 10 + 1, if i == 10 { None } else { Some(i * 10 + 10) }))
            .collect();
        assert_eq!(
            fields(&band_errors(&many, FeeTable::PayeeBulk)),
            ["fees.bands"]
        );
    }

    #[test]
    fn minimum_and_method_per_table() {
        let s = FeeSettings {
            use_standard: false,
            minimum: None,
            method: None,
            bands: standard(),
        };
        assert_eq!(
            fields(&settings_errors(&s, FeeTable::PayeeBulk)),
            ["fees.minimum", "fees.method"]
        );
        assert_eq!(
            fields(&settings_errors(&s, FeeTable::PayeeTransfer)),
            ["fees.minimum"]
        );
        assert_eq!(settings_errors(&s, FeeTable::PayerBulk), vec![]);
        let s = FeeSettings {
            minimum: Some(1),
            method: Some(FeeMethod::Fixed),
            ..s
        };
        assert_eq!(
            fields(&settings_errors(&s, FeeTable::PayerBulk)),
            ["fees.minimum", "fees.method"]
        );
    }

    #[test]
    fn with_the_standard_the_bands_are_not_checked() {
        let s = FeeSettings {
            use_standard: true,
            minimum: None,
            method: None,
            bands: vec![],
        };
        assert_eq!(settings_errors(&s, FeeTable::PayerBulk), vec![]);
    }

    #[test]
    fn slugs_and_labels() {
        for t in FeeTable::ALL {
            assert_eq!(FeeTable::from_slug(t.slug()), Some(t));
        }
        assert_eq!(
            label_of("fees.bands.1.to", FeeTable::PayeeBulk),
            "支払金額範囲（2行目）の上限"
        );
        assert_eq!(
            label_of("fees.bands.0.same_branch", FeeTable::PayerBulk),
            "手数料（1行目・当店宛）"
        );
        assert_eq!(band(30_000, None).range_text(), "30,000円以上");
        assert_eq!(band(1, Some(29_999)).range_text(), "1円〜29,999円");
    }

    proptest! {
        /// Bands cut at increasing points are always accepted; moving one 下限 by any
        /// non-zero amount is always refused on that row.
        #[test]
        fn cut_points_make_valid_bands(
            mut cuts in proptest::collection::vec(1u64..999_999_999, 0..8),
            shift in -1000i64..1000,
            pick in 0usize..8,
        ) {
            cuts.sort_unstable();
            cuts.dedup();
            let mut bands = Vec::new();
            let mut from = 1;
            for c in &cuts {
                if *c >= from {
                    bands.push(band(from, Some(*c)));
                    from = c + 1;
                }
            }
            bands.push(band(from, None));
            prop_assert_eq!(band_errors(&bands, FeeTable::PayeeBulk), vec![]);
            let i = pick % bands.len();
            prop_assume!(shift != 0 && (bands[i].from as i64 + shift) >= 0);
            bands[i].from = (bands[i].from as i64 + shift) as u64;
            let e = band_errors(&bands, FeeTable::PayeeBulk);
            prop_assert!(e.iter().any(|f| f.field == field::from(i)), "{:?}", e);
        }
    }
}
