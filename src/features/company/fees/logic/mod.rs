//! 手数料情報の変更 (manual 001 "手数料情報の変更") as plain Rust: the input of
//! 先方負担手数料[振込振替] / [総合振込] and 当方負担手数料[総合振込] as typed, turning it
//! into [`FeeSettings`] with every error named on its field, editing the amount bands
//! (add, remove, load the bank's standard), the live-validation bookkeeping of the input
//! screen, the sections the 照会 / 確認 / 結果 screens show, and how a refused 「実行」 is
//! shown.

pub mod print;

use crate::kernel::confirmation::{refusal, Refusal};
use crate::kernel::diff::{self, compare, row, Section};
use crate::kernel::error::ApiError;
use crate::kernel::help::{self, Screen};
use kanri_contract::api::{ErrorCode, FieldError};
use kanri_contract::fees::{
    self, field, label_of, FeeBand, FeeChangeRequest, FeeMethod, FeeSettings, FeeTable, FeeView,
    TransferPattern, AMOUNT_DIGITS, FEE_DIGITS, MAX_BANDS,
};
use kanri_contract::money::{format_yen, parse_amount};
use kanri_contract::users::Confirmation;
use std::collections::BTreeSet;

/// The screens of one fee table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeeStep {
    /// 照会.
    View,
    /// 変更 (input).
    Edit,
    /// 変更確認.
    Confirm,
    /// 変更結果.
    Done,
}

impl FeeStep {
    /// The URL segment after the table's (none for 照会).
    pub fn slug(self) -> Option<&'static str> {
        match self {
            FeeStep::View => None,
            FeeStep::Edit => Some("edit"),
            FeeStep::Confirm => Some("confirm"),
            FeeStep::Done => Some("done"),
        }
    }

    /// The position in [`STEPS`] (照会 is not part of the flow).
    pub fn index(self) -> Option<usize> {
        match self {
            FeeStep::View => None,
            FeeStep::Edit => Some(0),
            FeeStep::Confirm => Some(1),
            FeeStep::Done => Some(2),
        }
    }
}

/// The step indicator of a change.
pub const STEPS: &[&str] = &["手数料を入力", "内容確認", "変更完了"];

/// The hint of 適用最低支払金額.
pub const MINIMUM_HINT: &str = "半角数字12桁以内（円）";

/// The manual's note under 「使用する(常に最新の基準手数料を使用する)」.
pub const STANDARD_NOTE: &str = "基準手数料が変更になった場合でも、自動で更新されます。";

/// 「使用する」 / 「使用しない」.
pub fn use_standard_label(on: bool) -> &'static str {
    if on {
        "使用する"
    } else {
        "使用しない"
    }
}

/// `1000` → 「1,000円」.
pub fn yen(amount: u64) -> String {
    format!("{}円", format_yen(amount))
}

/// One part of a band row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BandPart {
    /// 下限.
    From,
    /// 上限 (empty: 上限なし).
    To,
    /// The fee of one 振込パターン.
    Fee(TransferPattern),
}

impl BandPart {
    /// The parts in screen order.
    pub const ALL: [BandPart; 5] = [
        BandPart::From,
        BandPart::To,
        BandPart::Fee(TransferPattern::SameBranch),
        BandPart::Fee(TransferPattern::OtherBranch),
        BandPart::Fee(TransferPattern::OtherBank),
    ];

    /// The field path of this part of row `i` (from 0).
    pub fn path(self, i: usize) -> String {
        match self {
            BandPart::From => field::from(i),
            BandPart::To => field::to(i),
            BandPart::Fee(p) => field::fee(i, p),
        }
    }

    /// How many digits the amount may have.
    pub fn digits(self) -> usize {
        match self {
            BandPart::From | BandPart::To => AMOUNT_DIGITS,
            BandPart::Fee(_) => FEE_DIGITS,
        }
    }

    /// The text of this part of `b`.
    pub fn text(self, b: &BandInput) -> &str {
        match self {
            BandPart::From => &b.from,
            BandPart::To => &b.to,
            BandPart::Fee(TransferPattern::SameBranch) => &b.same_branch,
            BandPart::Fee(TransferPattern::OtherBranch) => &b.other_branch,
            BandPart::Fee(TransferPattern::OtherBank) => &b.other_bank,
        }
    }

    /// The text of this part of `b`, to change.
    pub fn text_mut(self, b: &mut BandInput) -> &mut String {
        match self {
            BandPart::From => &mut b.from,
            BandPart::To => &mut b.to,
            BandPart::Fee(TransferPattern::SameBranch) => &mut b.same_branch,
            BandPart::Fee(TransferPattern::OtherBranch) => &mut b.other_branch,
            BandPart::Fee(TransferPattern::OtherBank) => &mut b.other_bank,
        }
    }

    /// A short key for DOM ids of things that are not fields.
    pub fn key(self) -> &'static str {
        match self {
            BandPart::From => "from",
            BandPart::To => "to",
            BandPart::Fee(p) => p.key(),
        }
    }
}

/// One band row as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BandInput {
    /// Stable while the row exists (the screen keys its rows by it).
    pub id: u32,
    pub from: String,
    pub to: String,
    pub same_branch: String,
    pub other_branch: String,
    pub other_bank: String,
}

impl BandInput {
    fn of(id: u32, b: &FeeBand) -> Self {
        BandInput {
            id,
            from: format_yen(b.from),
            to: b.to.map(format_yen).unwrap_or_default(),
            same_branch: format_yen(b.same_branch),
            other_branch: format_yen(b.other_branch),
            other_bank: format_yen(b.other_bank),
        }
    }

    fn empty(id: u32, from: String) -> Self {
        BandInput {
            id,
            from,
            to: String::new(),
            same_branch: String::new(),
            other_branch: String::new(),
            other_bank: String::new(),
        }
    }
}

/// The row index of a band field path (`fees.bands.2.to` → 2).
pub fn band_row(path: &str) -> Option<usize> {
    path.strip_prefix("fees.bands.")?
        .split_once('.')?
        .0
        .parse()
        .ok()
}

/// The same path in row `row` (`fees.bands.2.to`, 1 → `fees.bands.1.to`).
fn with_row(path: &str, row: usize) -> Option<String> {
    let (_, key) = path.strip_prefix("fees.bands.")?.split_once('.')?;
    Some(format!("fees.bands.{row}.{key}"))
}

/// Screen order of a field path: 適用最低支払金額, 手数料計算方法, 基準手数料, the table,
/// then row by row 下限, 上限, 当店宛, 本支店宛, 他行宛.
fn order(path: &str) -> (u8, usize, u8) {
    match path {
        field::MINIMUM => (0, 0, 0),
        field::METHOD => (1, 0, 0),
        field::USE_STANDARD => (2, 0, 0),
        field::BANDS => (3, 0, 0),
        _ => match band_row(path) {
            Some(i) => {
                let part = BandPart::ALL
                    .iter()
                    .position(|p| p.path(i) == path)
                    .unwrap_or(BandPart::ALL.len());
                (4, i, part as u8)
            }
            None => (5, 0, 0),
        },
    }
}

/// Whether `path` is a field of the input screen (the rest are 確認's).
pub fn is_input_field(path: &str) -> bool {
    path == "fees" || path.starts_with("fees.")
}

/// The input of 手数料情報の変更 as typed (amounts are text until 「変更」).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeeForm {
    /// 「使用する(常に最新の基準手数料を使用する)」.
    pub use_standard: bool,
    /// 適用最低支払金額 (先方負担 only).
    pub minimum: String,
    /// 手数料計算方法 (先方負担手数料[総合振込] only).
    pub method: Option<FeeMethod>,
    /// The company's own bands (kept while the standard is used, shown again when it is
    /// not).
    pub bands: Vec<BandInput>,
    next_id: u32,
}

impl FeeForm {
    /// The form filled with `s` (amounts with separators).
    pub fn from_settings(s: &FeeSettings) -> Self {
        let bands: Vec<BandInput> = s
            .bands
            .iter()
            .enumerate()
            .map(|(i, b)| BandInput::of(i as u32, b))
            .collect();
        let mut form = FeeForm {
            use_standard: s.use_standard,
            minimum: s.minimum.map(format_yen).unwrap_or_default(),
            method: s.method,
            next_id: bands.len() as u32,
            bands,
        };
        if form.bands.is_empty() {
            let id = form.take_id();
            form.bands.push(BandInput::empty(id, "1".into()));
        }
        form
    }

    fn take_id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// The row with this id.
    pub fn band(&self, id: u32) -> Option<&BandInput> {
        self.bands.iter().find(|b| b.id == id)
    }

    /// The row with this id, to change.
    pub fn band_mut(&mut self, id: u32) -> Option<&mut BandInput> {
        self.bands.iter_mut().find(|b| b.id == id)
    }

    /// The position of the row with this id.
    pub fn index_of(&self, id: u32) -> Option<usize> {
        self.bands.iter().position(|b| b.id == id)
    }

    /// Whether 「範囲を追加」 may add a row.
    pub fn can_add(&self) -> bool {
        !self.use_standard && self.bands.len() < MAX_BANDS
    }

    /// Whether 「この行を削除」 is offered (never for the only row).
    pub fn can_remove(&self) -> bool {
        !self.use_standard && self.bands.len() > 1
    }

    /// 「範囲を追加」: a new last row starting after the last 上限 (empty when the last
    /// row has none yet). Returns the new row's id.
    pub fn add_band(&mut self) -> Option<u32> {
        if !self.can_add() {
            return None;
        }
        let from = self
            .bands
            .last()
            .and_then(|b| parse_amount(&b.to, AMOUNT_DIGITS).ok())
            .and_then(|to| to.checked_add(1))
            .map(format_yen)
            .unwrap_or_default();
        let id = self.take_id();
        self.bands.push(BandInput::empty(id, from));
        Some(id)
    }

    /// 「この行を削除」 of row `i`.
    pub fn remove_band(&mut self, i: usize) -> bool {
        if !self.can_remove() || i >= self.bands.len() {
            return false;
        }
        self.bands.remove(i);
        true
    }

    /// 「手数料を読み込む」: the company's bands become the bank's standard (the rest of
    /// the form is kept).
    pub fn load_standard(&mut self, standard: &[FeeBand]) {
        let bands: Vec<BandInput> = standard
            .iter()
            .map(|b| {
                let id = self.take_id();
                BandInput::of(id, b)
            })
            .collect();
        if !bands.is_empty() {
            self.bands = bands;
        }
    }

    /// The text of the amount field `path`.
    pub fn text(&self, path: &str) -> Option<&str> {
        if path == field::MINIMUM {
            return Some(&self.minimum);
        }
        let i = band_row(path)?;
        let b = self.bands.get(i)?;
        BandPart::ALL
            .into_iter()
            .find(|p| p.path(i) == path)
            .map(|p| p.text(b))
    }

    fn text_mut(&mut self, path: &str) -> Option<(&mut String, usize)> {
        if path == field::MINIMUM {
            return Some((&mut self.minimum, AMOUNT_DIGITS));
        }
        let i = band_row(path)?;
        let part = BandPart::ALL.into_iter().find(|p| p.path(i) == path)?;
        let b = self.bands.get_mut(i)?;
        Some((part.text_mut(b), part.digits()))
    }

    /// After leaving an amount field: a valid amount is shown with separators (full-width
    /// digits become half-width); anything else stays as typed.
    pub fn tidy(&mut self, path: &str) {
        if let Some((text, digits)) = self.text_mut(path) {
            if let Ok(n) = parse_amount(text, digits) {
                *text = format_yen(n);
            }
        }
    }

    /// [`Self::tidy`] for every amount field.
    pub fn tidy_all(&mut self) {
        self.tidy(field::MINIMUM);
        for i in 0..self.bands.len() {
            for p in BandPart::ALL {
                self.tidy(&p.path(i));
            }
        }
    }

    /// After leaving the 上限 of row `i`: an empty 下限 of the next row becomes the amount
    /// after it.
    pub fn fill_next_from(&mut self, i: usize) {
        let Some(to) = self
            .bands
            .get(i)
            .and_then(|b| parse_amount(&b.to, AMOUNT_DIGITS).ok())
            .and_then(|t| t.checked_add(1))
        else {
            return;
        };
        if let Some(next) = self.bands.get_mut(i + 1) {
            if next.from.trim().is_empty() {
                next.from = format_yen(to);
            }
        }
    }

    /// The settings the form describes (with the standard's bands when it is used) and
    /// every error, in screen order. Where a text is no amount, a stand-in is used so the
    /// other rules can still be checked; an error that only the stand-in caused is not
    /// reported.
    pub fn parse(&self, table: FeeTable, standard: &[FeeBand]) -> (FeeSettings, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut amount = |text: &str, digits: usize, path: &str| match parse_amount(text, digits) {
            Ok(n) => Some(n),
            Err(e) => {
                errors.push(e.to_field_error(path, &label_of(path, table)));
                None
            }
        };
        let minimum = if table.has_minimum() {
            amount(&self.minimum, AMOUNT_DIGITS, field::MINIMUM)
        } else {
            None
        };
        let mut from_failed = BTreeSet::new();
        let bands = if self.use_standard {
            standard.to_vec()
        } else {
            let mut bands: Vec<FeeBand> = Vec::with_capacity(self.bands.len());
            for (i, b) in self.bands.iter().enumerate() {
                let from = amount(&b.from, AMOUNT_DIGITS, &field::from(i));
                let to = if b.to.trim().is_empty() {
                    None
                } else {
                    amount(&b.to, AMOUNT_DIGITS, &field::to(i))
                };
                let mut fee = |p: TransferPattern| {
                    amount(BandPart::Fee(p).text(b), FEE_DIGITS, &field::fee(i, p)).unwrap_or(0)
                };
                let (same_branch, other_branch, other_bank) = (
                    fee(TransferPattern::SameBranch),
                    fee(TransferPattern::OtherBranch),
                    fee(TransferPattern::OtherBank),
                );
                let from = from.unwrap_or_else(|| {
                    from_failed.insert(i);
                    // What the rules expect here: no error about the stand-in itself.
                    match i {
                        0 => 1,
                        _ => bands[i - 1].to.and_then(|t| t.checked_add(1)).unwrap_or(1),
                    }
                });
                bands.push(FeeBand {
                    from,
                    to,
                    same_branch,
                    other_branch,
                    other_bank,
                });
            }
            bands
        };
        let settings = FeeSettings {
            use_standard: self.use_standard,
            minimum,
            method: if table.has_method() {
                self.method
            } else {
                None
            },
            bands,
        };
        let rules = fees::settings_errors(&settings, table)
            .into_iter()
            .filter(|e| {
                let typed_wrong = errors.iter().any(|p| p.field == e.field);
                let against_stand_in = e.code == "upper_below_lower"
                    && band_row(&e.field).is_some_and(|i| from_failed.contains(&i));
                !typed_wrong && !against_stand_in
            })
            .collect::<Vec<_>>();
        errors.extend(rules);
        errors.sort_by_key(|e| order(&e.field));
        (settings, errors)
    }
}

/// A change of one fee table being entered: the table as loaded (before, standard,
/// revision) and what the operator typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeeDraft {
    pub view: FeeView,
    pub form: FeeForm,
    /// Errors the backend gave on 「実行」 for fields of the input screen: it shows them
    /// when it opens next, and only then.
    pub returned: Vec<FieldError>,
}

impl FeeDraft {
    /// A change starting from the table as it is.
    pub fn new(view: FeeView) -> Self {
        let form = FeeForm::from_settings(&view.settings);
        FeeDraft {
            view,
            form,
            returned: Vec::new(),
        }
    }

    pub fn table(&self) -> FeeTable {
        self.view.table
    }

    /// Every error of the input, in screen order.
    pub fn errors(&self) -> Vec<FieldError> {
        self.form.parse(self.table(), &self.view.standard).1
    }

    /// The settings to send, or the errors.
    pub fn settings(&self) -> Result<FeeSettings, Vec<FieldError>> {
        let (settings, errors) = self.form.parse(self.table(), &self.view.standard);
        if errors.is_empty() {
            Ok(settings)
        } else {
            Err(errors)
        }
    }

    /// Whether the (valid) input equals the settings in force (as the backend compares
    /// them: on the standard, with the standard's bands).
    pub fn is_unchanged(&self) -> bool {
        self.settings().is_ok_and(|s| s == self.view.settings)
    }

    /// 「手数料を読み込む」.
    pub fn load_standard(&mut self) {
        let standard = self.view.standard.clone();
        self.form.load_standard(&standard);
    }

    /// What 確認 shows: the settings against those in force (none while invalid).
    pub fn sections(&self) -> Option<Vec<Section>> {
        let now = self.settings().ok()?;
        Some(sections(self.table(), Some(&self.view.settings), &now))
    }

    /// The request of 「実行」 (none while invalid).
    pub fn request(&self, confirmation: Confirmation) -> Option<FeeChangeRequest> {
        Some(FeeChangeRequest {
            settings: self.settings().ok()?,
            revision: self.view.revision,
            confirmation,
        })
    }
}

/// The columns of the fee table: the range label, 当店宛, 本支店宛, 他行宛.
pub fn columns(table: FeeTable) -> Vec<String> {
    std::iter::once(table.range_label().to_owned())
        .chain(TransferPattern::ALL.iter().map(|p| p.label().to_owned()))
        .collect()
}

/// The rows of the fee table as shown: 「1円〜29,999円」, 「0円」, 「110円」, 「330円」.
pub fn band_rows(bands: &[FeeBand]) -> Vec<Vec<String>> {
    bands
        .iter()
        .map(|b| {
            std::iter::once(b.range_text())
                .chain(TransferPattern::ALL.iter().map(|p| yen(b.fee(*p))))
                .collect()
        })
        .collect()
}

/// The sections of a fee table: 手数料の設定 (基準手数料, 適用最低支払金額 and
/// 手数料計算方法 where the table has them) and 振込パターンごとの手数料 (one row per
/// band). With `before`, every changed value is marked with its old value; without (照会),
/// nothing is.
pub fn sections(table: FeeTable, before: Option<&FeeSettings>, now: &FeeSettings) -> Vec<Section> {
    let minimum = |s: &FeeSettings| s.minimum.map(yen).unwrap_or_else(|| "未設定".into());
    let method = |s: &FeeSettings| s.method.map_or("未設定", FeeMethod::label).to_owned();
    let mut rows = vec![row(
        "基準手数料",
        use_standard_label(now.use_standard),
        compare(
            before.map(|b| use_standard_label(b.use_standard)),
            use_standard_label(now.use_standard),
        ),
    )];
    if table.has_minimum() {
        let value = minimum(now);
        let old = before.map(minimum);
        rows.push(row(
            "適用最低支払金額",
            value.clone(),
            compare(old.as_deref(), &value),
        ));
    }
    if table.has_method() {
        let value = method(now);
        let old = before.map(method);
        rows.push(row(
            "手数料計算方法",
            value.clone(),
            compare(old.as_deref(), &value),
        ));
    }
    // Bands are matched by their 下限: inserting or removing a band marks only that band.
    let keyed = |bands: &[FeeBand]| -> Vec<(u64, Vec<String>)> {
        bands.iter().map(|b| b.from).zip(band_rows(bands)).collect()
    };
    let old_rows = before.map(|b| keyed(&b.bands));
    let grid = diff::keyed_grid(columns(table), old_rows.as_deref(), &keyed(&now.bands));
    vec![
        Section::rows("settings", "手数料の設定", rows),
        Section::grid("bands", "振込パターンごとの手数料", grid),
    ]
}

/// The errors of the input screen: inline errors follow the rules live for the fields
/// the operator has left; the error summary lists the errors of the last 「変更」 only
/// (it takes focus when it changes); errors the backend returned stay until their field
/// is left.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorState {
    touched: BTreeSet<String>,
    returned: Vec<FieldError>,
    /// The errors shown on the fields.
    pub inline: Vec<FieldError>,
    /// The errors of the error summary.
    pub summary: Vec<FieldError>,
}

/// The rules' errors plus the backend's on fields the rules found nothing wrong with, in
/// screen order.
fn merge(rules: Vec<FieldError>, returned: &[FieldError]) -> Vec<FieldError> {
    let extra: Vec<FieldError> = returned
        .iter()
        .filter(|r| !rules.iter().any(|e| e.field == r.field))
        .cloned()
        .collect();
    let mut all: Vec<FieldError> = extra.into_iter().chain(rules).collect();
    all.sort_by_key(|e| order(&e.field));
    all
}

impl ErrorState {
    /// Starting with the errors the backend returned on 「実行」 (shown at once, also in
    /// the summary).
    pub fn with_returned(returned: Vec<FieldError>) -> Self {
        let mut returned = returned;
        returned.sort_by_key(|e| order(&e.field));
        ErrorState {
            touched: returned.iter().map(|e| e.field.clone()).collect(),
            inline: returned.clone(),
            summary: returned.clone(),
            returned,
        }
    }

    /// The inline errors again, for the fields already left (`rules`: all errors now).
    pub fn revalidate(&mut self, rules: Vec<FieldError>) {
        let shown: Vec<FieldError> = rules
            .into_iter()
            .filter(|e| self.touched.contains(&e.field))
            .collect();
        self.inline = merge(shown, &self.returned);
    }

    /// `path` was left: its errors (and the backend's on it are dropped).
    pub fn left(&mut self, path: &str, rules: Vec<FieldError>) {
        self.touched.insert(path.to_owned());
        self.returned.retain(|e| e.field != path);
        self.revalidate(rules);
    }

    /// 「変更」: every error, on the fields and in the summary; true when there is none.
    pub fn check_all(&mut self, rules: Vec<FieldError>) -> bool {
        let all = merge(rules, &self.returned);
        self.touched.extend(all.iter().map(|e| e.field.clone()));
        self.inline = all.clone();
        self.summary = all;
        self.inline.is_empty()
    }

    /// Row `i` was removed: later rows move up (what was left there stays left); the
    /// backend's errors on the moved rows name old row numbers and are dropped; the
    /// summary (whose links and row numbers no longer fit) is cleared.
    pub fn band_removed(&mut self, i: usize, rules: Vec<FieldError>) {
        self.touched = std::mem::take(&mut self.touched)
            .into_iter()
            .filter_map(|p| match band_row(&p) {
                Some(r) if r == i => None,
                Some(r) if r > i => with_row(&p, r - 1),
                _ => Some(p),
            })
            .collect();
        self.returned
            .retain(|e| band_row(&e.field).is_none_or(|r| r < i));
        self.summary.clear();
        self.revalidate(rules);
    }

    /// The rows were replaced (「手数料を読み込む」): the backend's errors on rows are
    /// dropped.
    pub fn bands_replaced(&mut self, rules: Vec<FieldError>) {
        self.returned.retain(|e| band_row(&e.field).is_none());
        self.revalidate(rules);
    }

    /// The inline error of `path`.
    pub fn of(&self, path: &str) -> Option<&str> {
        self.inline
            .iter()
            .find(|e| e.field == path)
            .map(|e| e.message.as_str())
    }
}

/// How a refused 「実行」 is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfirmFailure {
    /// Errors on fields of the input screen: back there with them.
    Input(Vec<FieldError>),
    /// 409: the table was changed meanwhile (reload the 照会).
    Conflict(String),
    /// The operator's fields' errors, or a message (see [`refusal`]).
    Refused(Refusal),
}

/// Sort the backend's refusal of 「実行」.
pub fn confirm_failure(e: &ApiError) -> ConfirmFailure {
    let input: Vec<FieldError> = e
        .field_errors()
        .iter()
        .filter(|f| is_input_field(&f.field))
        .cloned()
        .collect();
    if !input.is_empty() {
        return ConfirmFailure::Input(input);
    }
    let conflict = match e {
        ApiError::Rejected(b) => b.code == ErrorCode::Conflict,
        other => other.status() == Some(409),
    };
    if conflict {
        return ConfirmFailure::Conflict(e.message());
    }
    ConfirmFailure::Refused(refusal(e))
}

/// The message of 手数料の変更結果 [BKGK013 / BKGK023 / BKGK033]: 「以下の内容で…を変更しま
/// した。変更した内容は黄色で表示されています。」
pub fn done_message(table: FeeTable) -> String {
    format!(
        "以下の内容で{}を変更しました。変更した内容は黄色で表示されています。",
        table.title()
    )
}

/// What 手数料の変更結果 shows (and prints): the settings after the change against those
/// before.
pub fn done_sections(done: &kanri_contract::fees::FeesChanged) -> Vec<Section> {
    sections(done.table, Some(&done.before), &done.after)
}

/// The screen of `step` of the fee table `table`.
pub fn fee_screen(table: kanri_contract::fees::FeeTable, step: FeeStep) -> Screen {
    use kanri_contract::fees::FeeTable;
    match (table, step) {
        (FeeTable::PayeeTransfer, FeeStep::Edit) => help::FEES_PAYEE_TRANSFER_EDIT,
        (FeeTable::PayeeTransfer, FeeStep::Confirm) => help::FEES_PAYEE_TRANSFER_CONFIRM,
        (FeeTable::PayeeTransfer, FeeStep::Done) => help::FEES_PAYEE_TRANSFER_DONE,
        (FeeTable::PayeeTransfer, FeeStep::View) => help::FEES_PAYEE_TRANSFER_VIEW,
        (FeeTable::PayeeBulk, FeeStep::Edit) => help::FEES_PAYEE_BULK_EDIT,
        (FeeTable::PayeeBulk, FeeStep::Confirm) => help::FEES_PAYEE_BULK_CONFIRM,
        (FeeTable::PayeeBulk, FeeStep::Done) => help::FEES_PAYEE_BULK_DONE,
        (FeeTable::PayeeBulk, FeeStep::View) => help::FEES_PAYEE_BULK_VIEW,
        (FeeTable::PayerBulk, FeeStep::Edit) => help::FEES_PAYER_BULK_EDIT,
        (FeeTable::PayerBulk, FeeStep::Confirm) => help::FEES_PAYER_BULK_CONFIRM,
        (FeeTable::PayerBulk, FeeStep::Done) => help::FEES_PAYER_BULK_DONE,
        (FeeTable::PayerBulk, FeeStep::View) => help::FEES_PAYER_BULK_VIEW,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fee_screen_names_its_table() {
        use kanri_contract::fees::FeeTable;
        for t in FeeTable::ALL {
            for (step, suffix) in [
                (FeeStep::Edit, "変更"),
                (FeeStep::Confirm, "変更確認"),
                (FeeStep::Done, "変更結果"),
                (FeeStep::View, "照会"),
            ] {
                let s = fee_screen(t, step);
                assert_eq!(s.title, format!("{}{suffix}", t.title()));
                assert_eq!(help::by_id(s.id), Some(s));
            }
        }
    }
    use crate::kernel::diff::{Body, Mark};
    use kanri_contract::api::ErrorBody;
    use proptest::prelude::*;

    fn band(from: u64, to: Option<u64>, fees: [u64; 3]) -> FeeBand {
        FeeBand {
            from,
            to,
            same_branch: fees[0],
            other_branch: fees[1],
            other_bank: fees[2],
        }
    }

    fn standard() -> Vec<FeeBand> {
        vec![
            band(1, Some(29_999), [0, 110, 330]),
            band(30_000, None, [0, 220, 550]),
        ]
    }

    fn view(table: FeeTable) -> FeeView {
        FeeView {
            table,
            settings: FeeSettings {
                use_standard: false,
                minimum: table.has_minimum().then_some(1_000),
                method: table.has_method().then_some(FeeMethod::Fixed),
                bands: vec![
                    band(1, Some(9_999), [0, 110, 220]),
                    band(10_000, None, [0, 220, 440]),
                ],
            },
            standard: standard(),
            one_time_password: false,
            revision: 3,
            updated_at: 0,
        }
    }

    fn fields(e: &[FieldError]) -> Vec<&str> {
        e.iter().map(|f| f.field.as_str()).collect()
    }

    fn rejected(status: u16, code: ErrorCode, fields: Vec<FieldError>) -> ApiError {
        ApiError::Rejected(ErrorBody {
            status,
            code,
            message: "メッセージ".into(),
            field_errors: fields,
            reference_id: None,
            remaining_attempts: Some(3),
            certificate_status: None,
            retry_after_secs: None,
        })
    }

    fn fe(path: &str, message: &str) -> FieldError {
        FieldError {
            field: path.into(),
            code: "x".into(),
            message: message.into(),
        }
    }

    #[test]
    fn the_form_starts_with_the_table_as_it_is() {
        let d = FeeDraft::new(view(FeeTable::PayeeBulk));
        assert_eq!(d.form.minimum, "1,000");
        assert_eq!(d.form.bands[1].from, "10,000");
        assert_eq!(d.form.bands[1].to, "");
        assert_eq!(d.form.bands[0].other_bank, "220");
        assert_eq!(d.errors(), vec![]);
        assert!(d.is_unchanged());
        assert_eq!(d.settings().unwrap(), d.view.settings);
        // A table without bands still offers one row to fill in.
        let empty = FeeForm::from_settings(&FeeSettings::default());
        assert_eq!(empty.bands.len(), 1);
        assert_eq!(empty.bands[0].from, "1");
    }

    #[test]
    fn full_width_digits_and_separators_are_accepted_and_tidied() {
        let mut d = FeeDraft::new(view(FeeTable::PayeeTransfer));
        d.form.minimum = "５，０００".into();
        d.form.bands[0].other_bank = "３３０".into();
        assert_eq!(d.errors(), vec![]);
        let s = d.settings().unwrap();
        assert_eq!(s.minimum, Some(5_000));
        assert_eq!(s.bands[0].other_bank, 330);
        d.form.tidy(field::MINIMUM);
        d.form.tidy(&field::fee(0, TransferPattern::OtherBank));
        assert_eq!(d.form.minimum, "5,000");
        assert_eq!(d.form.bands[0].other_bank, "330");
        d.form.bands[0].same_branch = "1円".into();
        d.form.tidy_all();
        assert_eq!(
            d.form.bands[0].same_branch, "1円",
            "a wrong entry is kept as typed"
        );
    }

    #[test]
    fn anything_else_names_the_rule_on_its_field() {
        let mut d = FeeDraft::new(view(FeeTable::PayeeBulk));
        d.form.bands[0].other_bank = "3a0".into();
        d.form.minimum = String::new();
        d.form.method = None;
        d.form.bands[1].same_branch = "123456".into();
        let e = d.errors();
        assert_eq!(
            fields(&e),
            [
                "fees.minimum",
                "fees.method",
                "fees.bands.0.other_bank",
                "fees.bands.1.same_branch"
            ]
        );
        assert_eq!(e[0].message, "適用最低支払金額を入力してください。");
        assert_eq!(
            e[2].message,
            "手数料（1行目・他行宛）は半角数字で入力してください。"
        );
        assert_eq!(
            e[3].message,
            "手数料（2行目・当店宛）は半角数字5桁以内で入力してください。"
        );
        assert!(d.settings().is_err());
        assert!(!d.is_unchanged());
    }

    #[test]
    fn band_rules_are_checked_but_not_against_stand_ins() {
        let mut d = FeeDraft::new(view(FeeTable::PayerBulk));
        // A gap: named on the 下限 of row 2.
        d.form.bands[1].from = "10,001".into();
        assert_eq!(fields(&d.errors()), ["fees.bands.1.from"]);
        // A 上限 that is no amount: no follow-up error about the next 下限.
        d.form.bands[1].from = "10,000".into();
        d.form.bands[0].to = "9,999円".into();
        assert_eq!(fields(&d.errors()), ["fees.bands.0.to"]);
        // A 下限 that is no amount: no 「上限は下限以上」 about the stand-in.
        d.form.bands[0].to = "5".into();
        d.form.bands[0].from = "x".into();
        assert_eq!(
            fields(&d.errors()),
            ["fees.bands.0.from", "fees.bands.1.from"]
        );
        // An empty 上限 is 上限なし: only the last row may have it.
        let mut d = FeeDraft::new(view(FeeTable::PayerBulk));
        d.form.bands[0].to = "　".into();
        let e = d.errors();
        assert_eq!(fields(&e), ["fees.bands.0.to"]);
        assert!(e[0]
            .message
            .contains("上限なしにできるのは最後の範囲だけです"));
        // Empty fees and 下限 are required.
        d.form.bands[0].to = "9,999".into();
        d.form.bands[1].from = String::new();
        d.form.bands[1].other_branch = String::new();
        let e = d.errors();
        assert_eq!(
            fields(&e),
            ["fees.bands.1.from", "fees.bands.1.other_branch"]
        );
        assert_eq!(
            e[0].message,
            "振込金額範囲（2行目）の下限を入力してください。"
        );
    }

    #[test]
    fn on_the_standard_the_own_bands_are_kept_but_not_checked() {
        let mut d = FeeDraft::new(view(FeeTable::PayeeTransfer));
        d.form.bands[0].other_bank = "abc".into();
        d.form.use_standard = true;
        assert_eq!(d.errors(), vec![]);
        let s = d.settings().unwrap();
        assert_eq!(s.bands, standard());
        assert!(s.use_standard);
        d.form.use_standard = false;
        assert_eq!(d.form.bands[0].other_bank, "abc");
        assert_eq!(fields(&d.errors()), ["fees.bands.0.other_bank"]);
    }

    #[test]
    fn nothing_changed_compares_as_the_backend_does() {
        let mut v = view(FeeTable::PayeeTransfer);
        v.settings.use_standard = true;
        v.settings.bands = standard();
        let mut d = FeeDraft::new(v);
        assert!(d.is_unchanged());
        // The own bands differ, but they are not used.
        d.form.bands[0].other_bank = "1".into();
        assert!(d.is_unchanged());
        d.form.use_standard = false;
        assert!(!d.is_unchanged());
        // Loading the standard as own bands still is a change (基準手数料 使用しない).
        d.load_standard();
        assert!(!d.is_unchanged());
        assert_eq!(d.settings().unwrap().bands, standard());
    }

    #[test]
    fn rows_are_added_after_the_last_upper_and_removed_but_never_the_last() {
        let mut f = FeeForm::from_settings(&view(FeeTable::PayerBulk).settings);
        // The last row is open-ended: the new row's 下限 waits for its 上限.
        let id = f.add_band().unwrap();
        assert_eq!(f.bands.len(), 3);
        assert_eq!(f.bands[2].from, "");
        assert_eq!(f.index_of(id), Some(2));
        f.bands[1].to = "４９９９９".into();
        f.fill_next_from(1);
        assert_eq!(f.bands[2].from, "50,000");
        // A typed 下限 is not overwritten.
        f.bands[1].to = "59,999".into();
        f.fill_next_from(1);
        assert_eq!(f.bands[2].from, "50,000");
        f.bands[2].to = "99,999".into();
        f.add_band();
        assert_eq!(f.bands[3].from, "100,000");
        // Ids stay unique.
        let ids: BTreeSet<u32> = f.bands.iter().map(|b| b.id).collect();
        assert_eq!(ids.len(), f.bands.len());
        while f.bands.len() < MAX_BANDS {
            f.add_band();
        }
        assert!(!f.can_add());
        assert_eq!(f.add_band(), None);
        assert!(f.remove_band(0));
        assert_eq!(f.bands.len(), MAX_BANDS - 1);
        while f.bands.len() > 1 {
            assert!(f.remove_band(f.bands.len() - 1));
        }
        assert!(!f.can_remove());
        assert!(!f.remove_band(0));
        assert!(!f.remove_band(5));
    }

    #[test]
    fn loading_the_standard_keeps_the_rest() {
        let mut d = FeeDraft::new(view(FeeTable::PayeeBulk));
        d.form.minimum = "2,000".into();
        d.form.method = Some(FeeMethod::AddAbove);
        d.form.add_band();
        d.load_standard();
        assert_eq!(d.form.bands.len(), 2);
        assert_eq!(d.form.bands[0].to, "29,999");
        assert_eq!(d.form.bands[1].other_bank, "550");
        assert_eq!(d.form.minimum, "2,000");
        assert_eq!(d.form.method, Some(FeeMethod::AddAbove));
        let s = d.settings().unwrap();
        assert_eq!(s.bands, standard());
        assert!(!s.use_standard);
        // New ids: the screen renders the rows afresh.
        assert!(d.form.bands.iter().all(|b| b.id >= 2));
        // While the standard is used, rows are neither added nor removed.
        d.form.use_standard = true;
        assert!(!d.form.can_add() && !d.form.can_remove());
    }

    #[test]
    fn texts_by_path() {
        let d = FeeDraft::new(view(FeeTable::PayeeTransfer));
        assert_eq!(d.form.text(field::MINIMUM), Some("1,000"));
        assert_eq!(d.form.text("fees.bands.0.to"), Some("9,999"));
        assert_eq!(d.form.text("fees.bands.1.other_branch"), Some("220"));
        assert_eq!(d.form.text("fees.bands.2.from"), None);
        assert_eq!(d.form.text("fees.method"), None);
        assert_eq!(band_row("fees.bands.12.same_branch"), Some(12));
        assert_eq!(band_row("fees.bands"), None);
        assert!(is_input_field("fees.bands.0.to") && is_input_field(field::MINIMUM));
        assert!(!is_input_field("confirmation.confirm_password"));
    }

    #[test]
    fn the_diff_marks_changed_cells_and_scalars() {
        let v = view(FeeTable::PayeeBulk);
        let mut d = FeeDraft::new(v.clone());
        d.form.method = Some(FeeMethod::AddBelow);
        d.form.bands[1].other_bank = "660".into();
        let s = d.sections().unwrap();
        assert_eq!(diff::change_count(&s), 2);
        let rows = s[0].labelled_rows();
        assert_eq!(rows[0].value, "使用しない");
        assert_eq!(rows[1].value, "1,000円");
        assert_eq!(
            rows[2].mark,
            Mark::Changed {
                before: "据置型".into()
            }
        );
        let Body::Grid(g) = &s[1].body else {
            panic!("a table")
        };
        assert_eq!(g.columns, ["支払金額範囲", "当店宛", "本支店宛", "他行宛"]);
        assert_eq!(g.rows[1].heading.value, "10,000円以上");
        assert_eq!(g.rows[1].cells[2].value, "660円");
        assert_eq!(
            g.rows[1].cells[2].mark,
            Mark::Changed {
                before: "440円".into()
            }
        );
        // Switching to the standard: the bands become the standard's.
        d.form.use_standard = true;
        let s = d.sections().unwrap();
        assert!(s[0].labelled_rows()[0].mark.is_change());
        let Body::Grid(g) = &s[1].body else {
            panic!("a table")
        };
        assert_eq!(g.rows[0].heading.value, "1円〜29,999円");
        // 照会: nothing marked; 当方負担 has neither 最低支払金額 nor 計算方法.
        let p = view(FeeTable::PayerBulk);
        let s = sections(FeeTable::PayerBulk, None, &p.settings);
        assert_eq!(diff::change_count(&s), 0);
        assert_eq!(s[0].labelled_rows().len(), 1);
        let Body::Grid(g) = &s[1].body else {
            panic!("a table")
        };
        assert_eq!(g.columns[0], "振込金額範囲");
        assert_eq!(
            band_rows(&p.settings.bands)[0],
            ["1円〜9,999円", "0円", "110円", "220円"]
        );
        // 先方負担手数料[振込振替]: 最低支払金額, no 計算方法.
        let t = view(FeeTable::PayeeTransfer);
        let s = sections(FeeTable::PayeeTransfer, None, &t.settings);
        let labels: Vec<_> = s[0]
            .labelled_rows()
            .iter()
            .map(|r| r.label.as_str())
            .collect();
        assert_eq!(labels, ["基準手数料", "適用最低支払金額"]);
    }

    #[test]
    fn the_request_carries_the_revision() {
        let mut d = FeeDraft::new(view(FeeTable::PayerBulk));
        d.form.bands[0].other_bank = "330".into();
        let c = Confirmation {
            confirm_password: "Conf1234".into(),
            one_time_password: None,
        };
        let r = d.request(c.clone()).unwrap();
        assert_eq!(r.revision, 3);
        assert_eq!(r.settings.bands[0].other_bank, 330);
        assert_eq!(r.settings.minimum, None);
        assert_eq!(r.settings.method, None);
        d.form.bands[0].other_bank = "x".into();
        assert_eq!(d.request(c), None);
    }

    #[test]
    fn live_errors_follow_the_fields_left_and_the_summary_the_last_submission() {
        let mut d = FeeDraft::new(view(FeeTable::PayeeTransfer));
        d.form.minimum = "x".into();
        d.form.bands[0].other_bank = "y".into();
        let mut s = ErrorState::default();
        s.left(field::MINIMUM, d.errors());
        assert_eq!(fields(&s.inline), ["fees.minimum"]);
        assert!(s.summary.is_empty());
        assert!(!s.check_all(d.errors()));
        assert_eq!(
            fields(&s.summary),
            ["fees.minimum", "fees.bands.0.other_bank"]
        );
        d.form.minimum = "1".into();
        s.left(field::MINIMUM, d.errors());
        assert_eq!(fields(&s.inline), ["fees.bands.0.other_bank"]);
        assert_eq!(s.summary.len(), 2, "the summary keeps the last submission");
        assert!(s.of("fees.bands.0.other_bank").is_some());
        d.form.bands[0].other_bank = "1".into();
        assert!(s.check_all(d.errors()));
        assert!(s.summary.is_empty());
    }

    #[test]
    fn returned_errors_stay_until_their_field_is_left() {
        let d = FeeDraft::new(view(FeeTable::PayeeTransfer));
        let mut s = ErrorState::with_returned(vec![
            fe("fees.bands.1.from", "裏側の誤り"),
            fe(field::MINIMUM, "最低"),
        ]);
        assert_eq!(fields(&s.summary), ["fees.minimum", "fees.bands.1.from"]);
        s.revalidate(d.errors());
        assert_eq!(s.of("fees.bands.1.from"), Some("裏側の誤り"));
        s.left("fees.bands.1.from", d.errors());
        assert_eq!(s.of("fees.bands.1.from"), None);
        assert!(!s.check_all(d.errors()), "the other one is still there");
    }

    #[test]
    fn removing_a_row_moves_what_was_left() {
        let mut d = FeeDraft::new(view(FeeTable::PayerBulk));
        d.form.add_band();
        d.form.bands[1].to = "19,999".into();
        d.form.bands[2].other_bank = "z".into();
        let mut s = ErrorState::with_returned(vec![fe("fees.bands.2.to", "x")]);
        s.left("fees.bands.2.other_bank", d.errors());
        s.left("fees.bands.1.same_branch", d.errors());
        assert!(s.of("fees.bands.2.other_bank").is_some());
        d.form.remove_band(1);
        s.band_removed(1, d.errors());
        assert_eq!(s.of("fees.bands.2.other_bank"), None);
        assert!(s.of("fees.bands.1.other_bank").is_some());
        assert_eq!(
            s.of("fees.bands.1.to"),
            None,
            "old backend errors are dropped"
        );
        assert!(s.summary.is_empty());
        s.bands_replaced(d.errors());
        assert!(s.of("fees.bands.1.other_bank").is_some());
    }

    #[test]
    fn refusals_go_where_they_belong() {
        let back = rejected(
            422,
            ErrorCode::ValidationFailed,
            vec![
                fe("fees.bands.0.to", "上限"),
                fe("confirmation.confirm_password", "必須"),
            ],
        );
        assert_eq!(
            confirm_failure(&back),
            ConfirmFailure::Input(vec![fe("fees.bands.0.to", "上限")])
        );
        let wrong = rejected(
            422,
            ErrorCode::ValidationFailed,
            vec![fe(
                "confirmation.confirm_password",
                "確認用パスワードが正しくありません。",
            )],
        );
        let ConfirmFailure::Refused(r) = confirm_failure(&wrong) else {
            panic!("on the field")
        };
        assert_eq!(
            r.field_errors[0].message,
            "確認用パスワードが正しくありません。（あと3回誤るとロックされます）"
        );
        assert_eq!(r.message, None);
        assert!(matches!(
            confirm_failure(&rejected(409, ErrorCode::Conflict, vec![])),
            ConfirmFailure::Conflict(_)
        ));
        assert!(matches!(
            confirm_failure(&ApiError::Status {
                status: 409,
                retry_after_secs: None,
                reference_id: None
            }),
            ConfirmFailure::Conflict(_)
        ));
        let ConfirmFailure::Refused(r) =
            confirm_failure(&rejected(409, ErrorCode::IdempotencyInProgress, vec![]))
        else {
            panic!("a message")
        };
        assert_eq!(r.message.as_deref(), Some("メッセージ"));
        let ConfirmFailure::Refused(r) = confirm_failure(&ApiError::Network) else {
            panic!("a message")
        };
        assert!(!r.clear_password);
        assert!(r.message.is_some());
    }

    #[test]
    fn steps() {
        assert_eq!(FeeStep::View.slug(), None);
        assert_eq!(FeeStep::Confirm.slug(), Some("confirm"));
        assert_eq!(FeeStep::Done.index(), Some(2));
        assert_eq!(STEPS.len(), 3);
    }

    proptest! {
        /// Whatever amounts are typed, with or without separators and in full-width
        /// digits, the settings read back the same amounts.
        #[test]
        fn typed_amounts_read_back(
            cuts in proptest::collection::vec(1u64..999_999_999_999, 0..(MAX_BANDS - 1)),
            fee in 0u64..100_000,
            minimum in 0u64..1_000_000_000_000,
            full_width in any::<bool>(),
            separators in any::<bool>(),
        ) {
            let mut cuts = cuts;
            cuts.sort_unstable();
            cuts.dedup();
            let mut bands = Vec::new();
            let mut from = 1;
            for c in cuts {
                if c >= from {
                    bands.push(band(from, Some(c), [fee, fee, fee]));
                    from = c + 1;
                }
            }
            bands.push(band(from, None, [fee, 0, fee]));
            let settings = FeeSettings {
                use_standard: false,
                minimum: Some(minimum),
                method: Some(FeeMethod::AddBelow),
                bands,
            };
            let mut form = FeeForm::from_settings(&settings);
            let retype = |t: &mut String| {
                let mut s: String = if separators { t.clone() } else { t.replace(',', "") };
                if full_width {
                    s = s.chars().map(|c| match c {
                        '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
                        ',' => '，',
                        c => c,
                    }).collect();
                }
                *t = s;
            };
            retype(&mut form.minimum);
            for b in &mut form.bands {
                for p in BandPart::ALL {
                    retype(p.text_mut(b));
                }
            }
            let (parsed, errors) = form.parse(FeeTable::PayeeBulk, &[]);
            prop_assert_eq!(errors, vec![]);
            prop_assert_eq!(&parsed, &settings);
            form.tidy_all();
            prop_assert_eq!(form, FeeForm::from_settings(&settings));
        }

        /// Any text that is not digits (and separators) is refused on its own field,
        /// with the rule's message, and never panics.
        #[test]
        fn other_text_is_refused_on_its_field(
            text in "[0-9]{0,3}[a-zA-Zあ-ん円.\\-][0-9]{0,3}",
            part in 0usize..5,
        ) {
            let mut d = FeeDraft::new(view(FeeTable::PayerBulk));
            let p = BandPart::ALL[part];
            *p.text_mut(&mut d.form.bands[0]) = text;
            let e = d.errors();
            let path = p.path(0);
            prop_assert!(e.iter().any(|f| f.field == path && f.message.ends_with("は半角数字で入力してください。")), "{:?}", e);
        }
    }
}
