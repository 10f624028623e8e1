//! 操作履歴照会 (manual 001, "操作履歴照会"): the search, its rules, the page of
//! results and the names the operation log uses.
//!
//! The search travels as a query string, the same in the SPA's URL (so the back button and
//! a reload keep it) and in `GET /api/history?…` ([`HistoryQuery::to_query`] /
//! [`HistoryQuery::from_pairs`]). The backend keeps [`RETENTION_MONTHS`] months of history,
//! answers at most [`MAX_ROWS`] rows per search (the newest) and [`PAGE_SIZE`] per page.

use crate::datetime::Date;
use serde::{Deserialize, Serialize};

/// Rows per page.
pub const PAGE_SIZE: u32 = 50;
/// Rows per search at most; a search that matches more keeps the newest.
pub const MAX_ROWS: u32 = 3000;
/// How long the backend keeps the history: searchable back to the same day this many
/// months ago.
pub const RETENTION_MONTHS: u32 = 6;

/// 業務 (操作種別) as the operation log names them.
pub mod business {
    pub const LOGIN: &str = "ログイン";
    pub const USER_ADMIN: &str = "利用者管理";
    pub const COMPANY_ADMIN: &str = "企業管理";
    pub const CERTIFICATE: &str = "電子証明書";
    /// Every 業務, in the order of the search's choices.
    pub const ALL: [&str; 4] = [LOGIN, USER_ADMIN, COMPANY_ADMIN, CERTIFICATE];
}

/// 操作内容 as the operation log names them (the `operation` of a row), grouped by the
/// [`business`] they are logged under. The SPA maps them to their screens (「最近の操作」).
pub mod operations {
    // ログイン
    /// A successful login with a client certificate, or one refused for its certificate.
    pub const CERTIFICATE_LOGIN: &str = "電子証明書ログイン";
    /// A successful login with login ID and password.
    pub const PASSWORD_LOGIN: &str = "ID・パスワードログイン";
    /// A refused login (wrong password, locked, stopped, certificate user, unknown ID).
    pub const LOGIN: &str = "ログイン";
    pub const LOGOUT: &str = "ログアウト";

    // 利用者管理
    /// The own login and/or 確認用パスワード.
    pub const PASSWORD_CHANGE: &str = "パスワード変更";
    pub const USER_REGISTER: &str = "利用者登録";
    pub const USER_CHANGE: &str = "利用者変更";
    pub const USER_DELETE: &str = "利用者削除";
    pub const CERTIFICATE_REVOKE: &str = "証明書失効";
    /// `StatusAction::Stop`.
    pub const USER_STOP: &str = "利用者停止";
    /// `StatusAction::Resume`.
    pub const USER_RESUME: &str = "利用者停止解除";
    /// `StatusAction::OneTimePasswordUnlock` (the title of its task).
    pub const ONE_TIME_PASSWORD_UNLOCK: &str = "ワンタイムパスワードの利用停止解除";
    pub const ONE_TIME_PASSWORD_REVOKE: &str = "ワンタイムパスワードのトークン失効";
    pub const TRANSACTION_UNLOCK: &str = "トランザクション認証の利用停止解除";
    pub const TRANSACTION_REVOKE: &str = "トランザクション認証のトークン失効";
    pub const RISK_BASED_UNLOCK: &str = "追加認証（リスクベース認証）の利用停止解除";
    pub const RISK_BASED_RESET: &str = "追加認証（リスクベース認証）の回答リセット";

    // 企業管理
    pub const COMPANY_CHANGE: &str = "企業情報変更";
    /// 「{FeeTable::title}の変更」 of each fee table.
    pub const PAYEE_TRANSFER_FEES_CHANGE: &str = "先方負担手数料[振込振替]の変更";
    pub const PAYEE_BULK_FEES_CHANGE: &str = "先方負担手数料[総合振込]の変更";
    pub const PAYER_BULK_FEES_CHANGE: &str = "当方負担手数料[総合振込]の変更";
    /// A fee change of an unknown table (always refused: 404).
    pub const FEES_CHANGE: &str = "手数料情報の変更";

    // 電子証明書
    /// Issued by the bank's issuing app.
    pub const CERTIFICATE_ISSUE: &str = "証明書発行";

    /// Every 操作内容 the backend logs, grouped by 業務 in the order of [`super::business::ALL`].
    pub const ALL: [&str; 23] = [
        CERTIFICATE_LOGIN,
        PASSWORD_LOGIN,
        LOGIN,
        LOGOUT,
        PASSWORD_CHANGE,
        USER_REGISTER,
        USER_CHANGE,
        USER_DELETE,
        CERTIFICATE_REVOKE,
        USER_STOP,
        USER_RESUME,
        ONE_TIME_PASSWORD_UNLOCK,
        ONE_TIME_PASSWORD_REVOKE,
        TRANSACTION_UNLOCK,
        TRANSACTION_REVOKE,
        RISK_BASED_UNLOCK,
        RISK_BASED_RESET,
        COMPANY_CHANGE,
        PAYEE_TRANSFER_FEES_CHANGE,
        PAYEE_BULK_FEES_CHANGE,
        PAYER_BULK_FEES_CHANGE,
        FEES_CHANGE,
        CERTIFICATE_ISSUE,
    ];

    /// The change of a fee table (`None`: a table the backend does not know).
    pub fn fee_change(table: Option<crate::fees::FeeTable>) -> &'static str {
        use crate::fees::FeeTable;
        match table {
            Some(FeeTable::PayeeTransfer) => PAYEE_TRANSFER_FEES_CHANGE,
            Some(FeeTable::PayeeBulk) => PAYEE_BULK_FEES_CHANGE,
            Some(FeeTable::PayerBulk) => PAYER_BULK_FEES_CHANGE,
            None => FEES_CHANGE,
        }
    }
}

/// Field paths of 422 answers (and ids of the SPA's fields).
pub mod field {
    pub const FROM: &str = "from";
    pub const TO: &str = "to";
    pub const USER: &str = "user";
    pub const BUSINESS: &str = "business";
}

/// 結果.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultFilter {
    /// すべて.
    #[default]
    All,
    /// 正常.
    Ok,
    /// 異常.
    Error,
}

impl ResultFilter {
    pub const ALL: [ResultFilter; 3] = [ResultFilter::All, ResultFilter::Ok, ResultFilter::Error];

    pub fn label(self) -> &'static str {
        match self {
            ResultFilter::All => "すべて",
            ResultFilter::Ok => "正常",
            ResultFilter::Error => "異常",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ResultFilter::All => "all",
            ResultFilter::Ok => "ok",
            ResultFilter::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == s)
    }
}

/// The order of 操作日時.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    /// 新しい順 (降順).
    #[default]
    Newest,
    /// 古い順 (昇順).
    Oldest,
}

impl Order {
    pub fn label(self) -> &'static str {
        match self {
            Order::Newest => "新しい順",
            Order::Oldest => "古い順",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Order::Newest => "desc",
            Order::Oldest => "asc",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Order::Newest, Order::Oldest]
            .into_iter()
            .find(|o| o.key() == s)
    }

    pub fn reversed(self) -> Self {
        match self {
            Order::Newest => Order::Oldest,
            Order::Oldest => Order::Newest,
        }
    }
}

/// Whose operations: one user's (by login ID) or every user's.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UserFilter {
    /// すべての利用者 (only with 全操作履歴照会).
    All,
    One(String),
}

/// The query-string value of [`UserFilter::All`].
pub const ALL_USERS: &str = "*";

/// One search (and the page of it shown).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HistoryQuery {
    pub from: Date,
    pub to: Date,
    pub user: UserFilter,
    /// `None`: every 業務.
    pub business: Option<String>,
    pub result: ResultFilter,
    pub order: Order,
    /// 1-based.
    pub page: u32,
}

/// Why a query string is not a search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub field: &'static str,
    pub message: String,
}

impl HistoryQuery {
    /// Today's operations of `user`, newest first: what the screen shows on opening.
    pub fn default_for(today: Date, user: UserFilter) -> Self {
        Self {
            from: today,
            to: today,
            user,
            business: None,
            result: ResultFilter::All,
            order: Order::Newest,
            page: 1,
        }
    }

    /// `from=2026-11-21&to=2026-11-21&user=*&result=all&order=desc&page=1`
    /// (`business` only when one is chosen). Values are percent-encoded.
    pub fn to_query(&self) -> String {
        let user = match &self.user {
            UserFilter::All => ALL_USERS.to_owned(),
            UserFilter::One(id) => id.clone(),
        };
        let mut q = format!(
            "from={}&to={}&user={}",
            self.from.iso(),
            self.to.iso(),
            encode(&user)
        );
        if let Some(b) = &self.business {
            q.push_str("&business=");
            q.push_str(&encode(b));
        }
        q.push_str(&format!(
            "&result={}&order={}&page={}",
            self.result.key(),
            self.order.key(),
            self.page
        ));
        q
    }

    /// The search of decoded `(key, value)` pairs. Missing values take the defaults of
    /// [`HistoryQuery::default_for`]; a malformed one is an error on its field. The rules
    /// of [`query_errors`] are checked separately.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        today: Date,
        default_user: UserFilter,
    ) -> Result<Self, Vec<QueryError>> {
        let mut q = Self::default_for(today, default_user);
        let mut errors = Vec::new();
        for (k, v) in pairs {
            match k {
                "from" | "to" => match Date::parse(v) {
                    Some(d) if k == "from" => q.from = d,
                    Some(d) => q.to = d,
                    None => errors.push(QueryError {
                        field: if k == "from" { field::FROM } else { field::TO },
                        message: format!(
                            "{}は「2026-11-21」の形式の、存在する日付で指定してください。",
                            if k == "from" {
                                "期間（開始日）"
                            } else {
                                "期間（終了日）"
                            }
                        ),
                    }),
                },
                "user" if v == ALL_USERS => q.user = UserFilter::All,
                "user" if !v.is_empty() => q.user = UserFilter::One(v.to_owned()),
                "business" if v.is_empty() => q.business = None,
                "business" => q.business = Some(v.to_owned()),
                "result" => q.result = ResultFilter::parse(v).unwrap_or_default(),
                "order" => q.order = Order::parse(v).unwrap_or_default(),
                "page" => q.page = v.parse().ok().filter(|p| *p >= 1).unwrap_or(1),
                _ => {}
            }
        }
        if errors.is_empty() {
            Ok(q)
        } else {
            Err(errors)
        }
    }

    /// The same search on another page.
    pub fn with_page(&self, page: u32) -> Self {
        Self {
            page: page.max(1),
            ..self.clone()
        }
    }

    /// The same search in the other order, from its first page.
    pub fn reordered(&self) -> Self {
        Self {
            order: self.order.reversed(),
            page: 1,
            ..self.clone()
        }
    }
}

/// The first day still kept on `today`.
pub fn earliest(today: Date) -> Date {
    today.months_before(RETENTION_MONTHS)
}

/// The rules of a search on `today` (the backend's date, JST): 期間 within the retention
/// (from [`earliest`] to today) and in order; 業務 one of [`business::ALL`]; a user other
/// than `own` only when `may_view_all`.
pub fn query_errors(
    q: &HistoryQuery,
    today: Date,
    own: &str,
    may_view_all: bool,
) -> Vec<QueryError> {
    let mut errors = Vec::new();
    let first = earliest(today);
    let retention = || {
        format!(
            "操作履歴を照会できる期間は{}から{}までです（過去{RETENTION_MONTHS}か月）。",
            first.japanese(),
            today.japanese()
        )
    };
    for (f, d) in [(field::FROM, q.from), (field::TO, q.to)] {
        if d < first || d > today {
            errors.push(QueryError {
                field: f,
                message: retention(),
            });
        }
    }
    if q.from > q.to && errors.is_empty() {
        errors.push(QueryError {
            field: field::FROM,
            message: "期間の開始日には、終了日以前の日付を指定してください。".into(),
        });
    }
    let other = match &q.user {
        UserFilter::All => true,
        UserFilter::One(id) => id != own,
    };
    if other && !may_view_all {
        errors.push(QueryError {
            field: field::USER,
            message: "ほかの利用者の操作履歴を照会する権限（全操作履歴照会）がありません。".into(),
        });
    }
    if let Some(b) = &q.business {
        if !business::ALL.contains(&b.as_str()) {
            errors.push(QueryError {
                field: field::BUSINESS,
                message: "業務は一覧から選択してください。".into(),
            });
        }
    }
    errors
}

/// Someone who can be chosen as 利用者.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryUser {
    pub login_id: String,
    pub name: String,
}

/// `GET /api/history/context`: what the search form offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryContext {
    /// The backend's date (JST): the default 期間 and its upper bound.
    pub today: Date,
    /// The first day kept ([`earliest`]).
    pub earliest: Date,
    pub retention_months: u32,
    /// The operator.
    pub own: HistoryUser,
    /// Every user (by login ID) when the operator holds 全操作履歴照会; `None` otherwise
    /// (only their own history).
    pub users: Option<Vec<HistoryUser>>,
    /// The choices of 業務.
    pub businesses: Vec<String>,
}

impl HistoryContext {
    pub fn may_view_all(&self) -> bool {
        self.users.is_some()
    }

    /// The 利用者 a search starts with: everyone for those who may see everyone.
    pub fn default_user(&self) -> UserFilter {
        if self.may_view_all() {
            UserFilter::All
        } else {
            UserFilter::One(self.own.login_id.clone())
        }
    }
}

/// A row of 操作履歴一覧.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryRow {
    /// 操作日時 (Unix seconds).
    pub at: i64,
    pub login_id: String,
    /// 利用者名 at the time of the operation.
    pub user_name: String,
    /// 業務.
    pub business: String,
    /// 操作内容: the operation …
    pub operation: String,
    /// … and what it was about (「ログインID：user06」), possibly empty.
    pub detail: String,
    /// 結果: 正常 (`true`) or 異常.
    pub ok: bool,
}

impl HistoryRow {
    /// 操作内容 as one line: 「利用者停止（ログインID：user06）」.
    pub fn content(&self) -> String {
        if self.detail.is_empty() {
            self.operation.clone()
        } else {
            format!("{}（{}）", self.operation, self.detail)
        }
    }

    pub fn result_label(&self) -> &'static str {
        if self.ok {
            "正常"
        } else {
            "異常"
        }
    }
}

/// `GET /api/history?…`: one page of a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryPage {
    pub rows: Vec<HistoryRow>,
    /// Rows of the search (at most [`MAX_ROWS`]).
    pub total: u32,
    /// The search matched more than [`MAX_ROWS`] rows; `total` holds the newest.
    pub truncated: bool,
    /// This page (1-based; a page past the end reads as the last).
    pub page: u32,
    /// Pages of the search (at least 1).
    pub pages: u32,
}

/// `GET /api/history/all?…` (the search's `page` is ignored): every row of a search, at
/// most [`MAX_ROWS`], in the search's order — what 「印刷」 prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryAll {
    pub rows: Vec<HistoryRow>,
    /// `rows.len()`.
    pub total: u32,
    /// The search matched more than [`MAX_ROWS`] rows; `rows` are the newest.
    pub truncated: bool,
}

/// Pages needed for `total` rows (at least one, empty or not).
pub fn page_count(total: u32) -> u32 {
    total.div_ceil(PAGE_SIZE).max(1)
}

/// The message when a search was cut.
pub fn truncated_message() -> String {
    format!(
        "検索条件に該当する操作履歴が{}件を超えたため、新しいものから{}件を表示しています。期間などの条件を絞り込んで再度検索してください。",
        crate::money::format_yen(u64::from(MAX_ROWS)),
        crate::money::format_yen(u64::from(MAX_ROWS))
    )
}

/// The page links to offer around `page` of `pages`: the first, the last, and up to two on
/// each side of the current one; `None` marks a gap (「…」).
pub fn page_links(page: u32, pages: u32) -> Vec<Option<u32>> {
    let mut out: Vec<Option<u32>> = Vec::new();
    let mut last = 0;
    for p in 1..=pages {
        if p == 1 || p == pages || p.abs_diff(page) <= 2 {
            if p > last + 1 {
                out.push(None);
            }
            out.push(Some(p));
            last = p;
        }
    }
    out
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn operations_are_distinct_and_cover_the_computed_names() {
        let all: std::collections::HashSet<_> = operations::ALL.into_iter().collect();
        assert_eq!(all.len(), operations::ALL.len(), "no name twice");
        // 利用者停止・解除 and the authentications log the action's own name.
        use crate::user_status::StatusAction;
        let named = [
            (StatusAction::Stop, operations::USER_STOP),
            (StatusAction::Resume, operations::USER_RESUME),
            (
                StatusAction::OneTimePasswordUnlock,
                operations::ONE_TIME_PASSWORD_UNLOCK,
            ),
            (
                StatusAction::OneTimePasswordRevoke,
                operations::ONE_TIME_PASSWORD_REVOKE,
            ),
            (
                StatusAction::TransactionUnlock,
                operations::TRANSACTION_UNLOCK,
            ),
            (
                StatusAction::TransactionRevoke,
                operations::TRANSACTION_REVOKE,
            ),
            (StatusAction::RiskBasedUnlock, operations::RISK_BASED_UNLOCK),
            (StatusAction::RiskBasedReset, operations::RISK_BASED_RESET),
        ];
        assert_eq!(named.len(), StatusAction::ALL.len());
        for (action, name) in named {
            assert_eq!(action.operation(), name, "{action:?}");
            assert!(all.contains(name));
        }
        for t in crate::fees::FeeTable::ALL {
            let name = operations::fee_change(Some(t));
            assert_eq!(name, format!("{}の変更", t.title()));
            assert!(all.contains(name));
        }
        assert!(all.contains(operations::fee_change(None)));
    }

    fn d(s: &str) -> Date {
        Date::parse(s).expect("a date")
    }

    fn decode(s: &str) -> String {
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%' {
                out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(b[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    fn parse(qs: &str) -> Result<HistoryQuery, Vec<QueryError>> {
        let pairs: Vec<(String, String)> = qs
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_owned(), decode(v)))
            .collect();
        HistoryQuery::from_pairs(
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            d("2026-11-21"),
            UserFilter::One("user01".into()),
        )
    }

    #[test]
    fn an_empty_query_is_today_newest_first() {
        let q = parse("").unwrap();
        assert_eq!(
            q,
            HistoryQuery::default_for(d("2026-11-21"), UserFilter::One("user01".into()))
        );
        assert_eq!(
            q.to_query(),
            "from=2026-11-21&to=2026-11-21&user=user01&result=all&order=desc&page=1"
        );
    }

    #[test]
    fn a_malformed_date_is_an_error_on_its_field() {
        let errors = parse("from=2026-02-30&to=x").unwrap_err();
        assert_eq!(
            errors.iter().map(|e| e.field).collect::<Vec<_>>(),
            ["from", "to"]
        );
        assert!(errors[0].message.contains("期間（開始日）"));
    }

    #[test]
    fn the_period_must_be_kept_and_in_order() {
        let today = d("2026-11-21");
        let mut q = HistoryQuery::default_for(today, UserFilter::One("user01".into()));
        assert!(query_errors(&q, today, "user01", false).is_empty());
        q.from = d("2026-05-21");
        assert!(query_errors(&q, today, "user01", false).is_empty());
        q.from = d("2026-05-20");
        let e = query_errors(&q, today, "user01", false);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].field, "from");
        assert!(
            e[0].message
                .contains("2026年05月21日から2026年11月21日まで"),
            "{}",
            e[0].message
        );
        q.from = d("2026-11-01");
        q.to = d("2026-11-22");
        assert_eq!(query_errors(&q, today, "user01", false)[0].field, "to");
        q.from = d("2026-11-10");
        q.to = d("2026-11-01");
        let e = query_errors(&q, today, "user01", false);
        assert_eq!(
            e[0].message,
            "期間の開始日には、終了日以前の日付を指定してください。"
        );
    }

    #[test]
    fn only_the_right_lets_a_user_see_others() {
        let today = d("2026-11-21");
        let mut q = HistoryQuery::default_for(today, UserFilter::All);
        assert_eq!(query_errors(&q, today, "user01", false)[0].field, "user");
        assert!(query_errors(&q, today, "user01", true).is_empty());
        q.user = UserFilter::One("admin01".into());
        assert_eq!(query_errors(&q, today, "user01", false)[0].field, "user");
        q.user = UserFilter::One("user01".into());
        assert!(query_errors(&q, today, "user01", false).is_empty());
        q.business = Some("振込".into());
        assert_eq!(
            query_errors(&q, today, "user01", false)[0].field,
            "business"
        );
        q.business = Some(business::USER_ADMIN.into());
        assert!(query_errors(&q, today, "user01", false).is_empty());
    }

    #[test]
    fn pages_and_their_links() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(50), 1);
        assert_eq!(page_count(51), 2);
        assert_eq!(page_count(MAX_ROWS), 60);
        assert_eq!(page_links(1, 1), vec![Some(1)]);
        assert_eq!(
            page_links(1, 60),
            vec![Some(1), Some(2), Some(3), None, Some(60)]
        );
        assert_eq!(
            page_links(30, 60),
            vec![
                Some(1),
                None,
                Some(28),
                Some(29),
                Some(30),
                Some(31),
                Some(32),
                None,
                Some(60)
            ]
        );
        assert_eq!(page_links(4, 6), (1..=6).map(Some).collect::<Vec<_>>());
        assert!(truncated_message().contains("3,000件"));
    }

    proptest! {
        #[test]
        fn a_query_round_trips_through_its_string(
            from in 0i64..4000, len in 0i64..400, user in "[a-zA-Z0-9]{6,12}|\\*",
            business in proptest::option::of(proptest::sample::select(business::ALL.to_vec())),
            result in proptest::sample::select(ResultFilter::ALL.to_vec()),
            newest in any::<bool>(), page in 1u32..100,
        ) {
            let from = Date::of_unix(from * 86_400);
            let to = Date::of_unix((from.start_unix() / 86_400 + len) * 86_400 + 86_400);
            let q = HistoryQuery {
                from, to,
                user: if user == "*" { UserFilter::All } else { UserFilter::One(user) },
                business: business.map(str::to_owned),
                result,
                order: if newest { Order::Newest } else { Order::Oldest },
                page,
            };
            prop_assert_eq!(parse(&q.to_query()), Ok(q));
        }

        #[test]
        fn page_links_always_hold_the_ends_and_the_current_page(pages in 1u32..200, page in 1u32..200) {
            let page = page.min(pages);
            let links = page_links(page, pages);
            prop_assert_eq!(links.first(), Some(&Some(1)));
            prop_assert_eq!(links.last(), Some(&Some(pages)));
            prop_assert!(links.contains(&Some(page)));
            prop_assert!(links.len() <= 9);
        }
    }
}
