//! 操作履歴照会 [BSRR001]: the search form as typed ↔ the search of the URL
//! ([`HistoryQuery`]), the rules with per-field Japanese messages, the choices of 利用者 and
//! 業務, the 「全n件中 a〜b件を表示」 line and the page links.
//!
//! The search lives in the URL (`/admin/history?from=…&to=…`), so the back button, a reload and
//! a bookmark show the same rows; the form only writes a new URL.

pub mod print;

use crate::kernel::paths;
use kanri_contract::api::FieldError;
use kanri_contract::datetime::Date;
use kanri_contract::history::{
    field, query_errors, HistoryContext, HistoryPage, HistoryQuery, HistoryUser, Order, QueryError,
    ResultFilter, UserFilter, ALL_USERS, PAGE_SIZE,
};

use crate::kernel::pager;
use crate::kernel::pager::PageItem;

/// The DOM id of a field of the form (`from`, `to`, `user`, `business`, `result`): the
/// error summary links here.
pub fn dom_id(field: &str) -> String {
    format!("history-{field}")
}

/// The 結果 radios share this name; the first one carries [`dom_id`]`("result")`.
pub const RESULT_FIELD: &str = "result";

/// An error on one field of the form (from the form's rules, the URL or a 422).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldMessage {
    /// `from`, `to`, `user` or `business` (the contract's [`field`] names).
    pub field: String,
    pub message: String,
}

impl From<QueryError> for FieldMessage {
    fn from(e: QueryError) -> Self {
        Self {
            field: e.field.to_owned(),
            message: e.message,
        }
    }
}

impl From<&FieldError> for FieldMessage {
    fn from(e: &FieldError) -> Self {
        Self {
            field: e.field.clone(),
            message: e.message.clone(),
        }
    }
}

/// The fields in the order of the form (and of the error summary).
const FIELD_ORDER: [&str; 4] = [field::FROM, field::TO, field::USER, field::BUSINESS];

/// `errors` in the order of the form's fields (anything unknown last), one per field.
pub fn in_form_order(mut errors: Vec<FieldMessage>) -> Vec<FieldMessage> {
    let rank = |f: &str| {
        FIELD_ORDER
            .iter()
            .position(|x| *x == f)
            .unwrap_or(FIELD_ORDER.len())
    };
    errors.sort_by_key(|e| rank(&e.field));
    let mut seen = Vec::<String>::new();
    errors.retain(|e| {
        let first = !seen.contains(&e.field);
        seen.push(e.field.clone());
        first
    });
    errors
}

/// The name of a date field in messages.
fn date_label(f: &str) -> &'static str {
    if f == field::FROM {
        "期間（開始日）"
    } else {
        "期間（終了日）"
    }
}

/// The search form as typed: the date inputs' values (`2026-11-21`, empty when nothing or
/// no valid date is entered), the chosen 利用者 (a login ID or [`ALL_USERS`]), 業務 (empty:
/// すべて) and 結果.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryForm {
    pub from: String,
    pub to: String,
    pub user: String,
    pub business: String,
    pub result: ResultFilter,
}

impl HistoryForm {
    /// The form showing a search.
    pub fn of(q: &HistoryQuery) -> Self {
        Self {
            from: q.from.iso(),
            to: q.to.iso(),
            user: match &q.user {
                UserFilter::All => ALL_USERS.to_owned(),
                UserFilter::One(id) => id.clone(),
            },
            business: q.business.clone().unwrap_or_default(),
            result: q.result,
        }
    }

    /// The form showing what a URL's `(key, value)` pairs say, also when they are not a
    /// valid search (the errors are shown beside the values). Missing values are those of
    /// the opening search. Without 全操作履歴照会 the 利用者 is always the operator: there
    /// is nothing else to choose, so a corrected search is one 「検索」 away.
    pub fn of_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        ctx: &HistoryContext,
    ) -> Self {
        let mut form = Self::of(&HistoryQuery::default_for(ctx.today, ctx.default_user()));
        for (k, v) in pairs {
            match k {
                "from" => form.from = v.to_owned(),
                "to" => form.to = v.to_owned(),
                "user" if !v.is_empty() => form.user = v.to_owned(),
                "business" => form.business = v.to_owned(),
                "result" => form.result = ResultFilter::parse(v).unwrap_or_default(),
                _ => {}
            }
        }
        if !ctx.may_view_all() {
            form.user = ctx.own.login_id.clone();
        }
        form
    }

    /// The search this form asks for (page 1, in `order`), or the errors of its fields:
    /// a date not entered, then the rules of [`query_errors`] (period within the
    /// retention and in order, 利用者, 業務).
    pub fn search(
        &self,
        ctx: &HistoryContext,
        order: Order,
    ) -> Result<HistoryQuery, Vec<FieldMessage>> {
        let mut errors = Vec::new();
        let mut date = |f: &'static str, text: &str| -> Option<Date> {
            let text = text.trim();
            let parsed = Date::parse(text);
            if parsed.is_none() {
                errors.push(FieldMessage {
                    field: f.to_owned(),
                    message: if text.is_empty() {
                        format!("{}を入力してください。", date_label(f))
                    } else {
                        format!("{}には、存在する日付を入力してください。", date_label(f))
                    },
                });
            }
            parsed
        };
        let from = date(field::FROM, &self.from);
        let to = date(field::TO, &self.to);
        let bad_dates: Vec<String> = errors.iter().map(|e| e.field.clone()).collect();
        // A date in error is replaced by today to check the other rules; its own errors
        // (e.g. the order of the period) are not reported twice.
        let q = HistoryQuery {
            from: from.unwrap_or(ctx.today),
            to: to.unwrap_or(ctx.today),
            user: if self.user == ALL_USERS {
                UserFilter::All
            } else {
                UserFilter::One(self.user.clone())
            },
            business: (!self.business.is_empty()).then(|| self.business.clone()),
            result: self.result,
            order,
            page: 1,
        };
        errors.extend(
            query_errors(&q, ctx.today, &ctx.own.login_id, ctx.may_view_all())
                .into_iter()
                .filter(|e| !bad_dates.iter().any(|f| f == e.field))
                .map(FieldMessage::from),
        );
        if errors.is_empty() {
            Ok(q)
        } else {
            Err(in_form_order(errors))
        }
    }
}

/// The search of the URL's `(key, value)` pairs (no query: today's operations of
/// [`HistoryContext::default_user`], newest first), or why it is not one: a malformed
/// value or a broken rule, each on its field.
pub fn search_of_url<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ctx: &HistoryContext,
) -> Result<HistoryQuery, Vec<FieldMessage>> {
    let q = HistoryQuery::from_pairs(pairs, ctx.today, ctx.default_user())
        .map_err(|e| in_form_order(e.into_iter().map(FieldMessage::from).collect()))?;
    let errors = query_errors(&q, ctx.today, &ctx.own.login_id, ctx.may_view_all());
    if errors.is_empty() {
        Ok(q)
    } else {
        Err(in_form_order(
            errors.into_iter().map(FieldMessage::from).collect(),
        ))
    }
}

/// The hint of 期間: 「操作履歴は過去6か月分（2026年05月21日〜2026年11月21日）を照会できます。」
pub fn retention_hint(ctx: &HistoryContext) -> String {
    format!(
        "操作履歴は過去{}か月分（{}〜{}）を照会できます。",
        ctx.retention_months,
        ctx.earliest.japanese(),
        ctx.today.japanese()
    )
}

/// One option of a select.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// 「user01 佐藤　次郎」.
pub fn user_label(u: &HistoryUser) -> String {
    format!("{} {}", u.login_id, u.name)
}

/// The choices of 利用者 for holders of 全操作履歴照会 (「すべての利用者」 and each user),
/// `None` for everyone else (their own history only: no choice to make). A chosen login
/// ID the list lacks (from the URL) is kept as a choice of its own, so the select shows
/// what is searched.
pub fn user_choices(ctx: &HistoryContext, chosen: &str) -> Option<Vec<Choice>> {
    let users = ctx.users.as_ref()?;
    let mut out = vec![Choice {
        value: ALL_USERS.to_owned(),
        label: "すべての利用者".to_owned(),
    }];
    out.extend(users.iter().map(|u| Choice {
        value: u.login_id.clone(),
        label: user_label(u),
    }));
    if !out.iter().any(|c| c.value == chosen) && !chosen.is_empty() {
        out.push(Choice {
            value: chosen.to_owned(),
            label: chosen.to_owned(),
        });
    }
    Some(out)
}

/// The choices of 業務: 「すべて」 (empty value) and the context's businesses.
pub fn business_choices(ctx: &HistoryContext) -> Vec<Choice> {
    std::iter::once(Choice {
        value: String::new(),
        label: "すべて".to_owned(),
    })
    .chain(ctx.businesses.iter().map(|b| Choice {
        value: b.clone(),
        label: b.clone(),
    }))
    .collect()
}

/// The rows shown, 1-based and inclusive; `None` when there are none.
pub fn shown_range(p: &HistoryPage) -> Option<(u32, u32)> {
    if p.rows.is_empty() || p.total == 0 {
        return None;
    }
    let first = (p.page.max(1) - 1) * PAGE_SIZE + 1;
    let last = (first + p.rows.len() as u32 - 1).min(p.total);
    Some((first, last))
}

/// 「全3,000件中 51〜100件を表示」; `None` when nothing matched.
pub fn range_line(p: &HistoryPage) -> Option<String> {
    shown_range(p).map(|(first, last)| pager::range_line(p.total, first, last))
}

/// The screen's URL for a search.
pub fn href(q: &HistoryQuery) -> String {
    format!("{}?{}", paths::HISTORY, q.to_query())
}

/// The page navigation of the answer `p` to the search `q` ([`pager::page_items`]).
pub fn page_items(q: &HistoryQuery, p: &HistoryPage) -> Vec<PageItem> {
    pager::page_items(p.page, p.pages, |n| href(&q.with_page(n)))
}

/// How long a page fetched ahead may be shown instead of asking again (ms). The log grows
/// while it is read: an older copy would show rows shifted by what was logged meanwhile.
pub const AHEAD_FRESH_MS: f64 = 30_000.0;

/// The page after the one shown, fetched ahead, so that 「次へ」 shows it at once. One page
/// of one search; shown once, and only while fresh ([`AHEAD_FRESH_MS`]); anything else is
/// asked of the backend as before.
#[derive(Debug, Clone, Default)]
pub struct PageAhead {
    kept: Option<(HistoryQuery, HistoryPage, f64)>,
}

impl PageAhead {
    /// What to fetch ahead after showing `p`, the answer to `q`: the next page, if any.
    pub fn next_of(q: &HistoryQuery, p: &HistoryPage) -> Option<HistoryQuery> {
        let current = p.page.clamp(1, p.pages.max(1));
        (current < p.pages).then(|| q.with_page(current + 1))
    }

    /// Keep `p`, the answer to `q` fetched at `now` (ms), in place of what was kept.
    pub fn keep(&mut self, q: HistoryQuery, p: HistoryPage, now: f64) {
        self.kept = Some((q, p, now));
    }

    /// The kept answer to `q` if it is still fresh at `now`; taken either way, so it is
    /// shown at most once (paging back and forth asks again).
    pub fn take(&mut self, q: &HistoryQuery, now: f64) -> Option<HistoryPage> {
        match self.kept.take() {
            Some((kept, p, at)) if kept == *q && (0.0..AHEAD_FRESH_MS).contains(&(now - at)) => {
                Some(p)
            }
            Some(other) if other.0 != *q => {
                // Another search's page stays until that page is asked for or goes stale.
                self.kept = Some(other);
                None
            }
            _ => None,
        }
    }
}

/// `aria-sort` of the 操作日時 header.
pub fn aria_sort(order: Order) -> &'static str {
    match order {
        Order::Newest => "descending",
        Order::Oldest => "ascending",
    }
}

/// What the 操作日時 button does, for screen readers (after its visible text).
pub fn sort_action(order: Order) -> String {
    format!("（{}に並べ替え）", order.reversed().label())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kanri_contract::history::{HistoryRow, MAX_ROWS};

    fn d(s: &str) -> Date {
        Date::parse(s).expect("a date")
    }

    fn user(id: &str, name: &str) -> HistoryUser {
        HistoryUser {
            login_id: id.into(),
            name: name.into(),
        }
    }

    fn ctx(all: bool) -> HistoryContext {
        HistoryContext {
            today: d("2026-11-21"),
            earliest: d("2026-05-21"),
            retention_months: 6,
            own: user("user01", "佐藤　次郎"),
            users: all.then(|| vec![user("master01", "港　太郎"), user("user01", "佐藤　次郎")]),
            businesses: kanri_contract::history::business::ALL
                .iter()
                .map(|b| (*b).to_owned())
                .collect(),
        }
    }

    fn form(from: &str, to: &str, user: &str) -> HistoryForm {
        HistoryForm {
            from: from.into(),
            to: to.into(),
            user: user.into(),
            business: String::new(),
            result: ResultFilter::All,
        }
    }

    fn fields(e: &[FieldMessage]) -> Vec<&str> {
        e.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_valid_form_is_the_first_page_of_its_search() {
        let mut f = form("2026-06-01", "2026-11-21", "*");
        f.business = "ログイン".into();
        f.result = ResultFilter::Error;
        let q = f.search(&ctx(true), Order::Oldest).unwrap();
        assert_eq!(q.from, d("2026-06-01"));
        assert_eq!(q.user, UserFilter::All);
        assert_eq!(q.business.as_deref(), Some("ログイン"));
        assert_eq!(
            (q.result, q.order, q.page),
            (ResultFilter::Error, Order::Oldest, 1)
        );
        assert_eq!(HistoryForm::of(&q), f);
        assert_eq!(
            href(&q),
            "/admin/history?from=2026-06-01&to=2026-11-21&user=*&business=%E3%83%AD%E3%82%B0%E3%82%A4%E3%83%B3&result=error&order=asc&page=1"
                .replace('*', "%2A")
        );
    }

    #[test]
    fn empty_dates_are_named_and_other_rules_still_checked() {
        let e = form("", "", "master01")
            .search(&ctx(false), Order::Newest)
            .unwrap_err();
        assert_eq!(fields(&e), ["from", "to", "user"]);
        assert_eq!(e[0].message, "期間（開始日）を入力してください。");
        assert_eq!(e[1].message, "期間（終了日）を入力してください。");
        let e = form("2026-02-30", "2026-11-21", "user01")
            .search(&ctx(false), Order::Newest)
            .unwrap_err();
        assert_eq!(fields(&e), ["from"]);
        assert!(e[0].message.contains("存在する日付"), "{}", e[0].message);
    }

    #[test]
    fn the_period_is_within_the_retention_and_in_order() {
        let c = ctx(true);
        let e = form("2026-05-20", "2026-11-21", "*")
            .search(&c, Order::Newest)
            .unwrap_err();
        assert_eq!(fields(&e), ["from"]);
        assert_eq!(
            e[0].message,
            "操作履歴を照会できる期間は2026年05月21日から2026年11月21日までです（過去6か月）。"
        );
        assert!(form("2026-05-21", "2026-11-21", "*")
            .search(&c, Order::Newest)
            .is_ok());
        let e = form("2026-11-10", "2026-11-01", "*")
            .search(&c, Order::Newest)
            .unwrap_err();
        assert_eq!(
            e[0].message,
            "期間の開始日には、終了日以前の日付を指定してください。"
        );
        // An unreadable 終了日 does not also make the order of the period an error.
        let e = form("2026-11-10", "", "*")
            .search(&c, Order::Newest)
            .unwrap_err();
        assert_eq!(fields(&e), ["to"]);
    }

    #[test]
    fn only_the_right_shows_others() {
        assert_eq!(
            fields(
                &form("2026-11-21", "2026-11-21", "*")
                    .search(&ctx(false), Order::Newest)
                    .unwrap_err()
            ),
            ["user"]
        );
        assert!(form("2026-11-21", "2026-11-21", "user01")
            .search(&ctx(false), Order::Newest)
            .is_ok());
        let mut f = form("2026-11-21", "2026-11-21", "user01");
        f.business = "振込".into();
        assert_eq!(
            f.search(&ctx(false), Order::Newest).unwrap_err()[0].message,
            "業務は一覧から選択してください。"
        );
    }

    #[test]
    fn the_url_gives_the_search_or_its_errors() {
        let all = ctx(true);
        let own = ctx(false);
        let q = search_of_url([], &all).unwrap();
        assert_eq!(
            q,
            HistoryQuery::default_for(d("2026-11-21"), UserFilter::All)
        );
        let q = search_of_url([], &own).unwrap();
        assert_eq!(q.user, UserFilter::One("user01".into()));
        let e = search_of_url([("user", "*")], &own).unwrap_err();
        assert_eq!(fields(&e), ["user"]);
        assert!(e[0].message.contains("全操作履歴照会"));
        let e = search_of_url([("user", "master01"), ("to", "2026-13-01")], &own).unwrap_err();
        assert_eq!(fields(&e), ["to"]);
        let e = search_of_url([("from", "2025-01-01"), ("business", "x")], &all).unwrap_err();
        assert_eq!(fields(&e), ["from", "business"]);
    }

    #[test]
    fn the_form_follows_the_url_and_keeps_its_own_user_without_the_right() {
        let f = HistoryForm::of_pairs([("from", "2026-13-01"), ("user", "master01")], &own_ctx());
        assert_eq!(f.from, "2026-13-01");
        assert_eq!(f.to, "2026-11-21");
        assert_eq!(f.user, "user01");
        let f = HistoryForm::of_pairs([("user", "master01"), ("result", "ok")], &ctx(true));
        assert_eq!((f.user.as_str(), f.result), ("master01", ResultFilter::Ok));
        let f = HistoryForm::of_pairs([], &ctx(true));
        assert_eq!(f.user, "*");
        assert_eq!(f.business, "");
    }

    fn own_ctx() -> HistoryContext {
        ctx(false)
    }

    #[test]
    fn backend_errors_are_ordered_like_the_form() {
        let e = in_form_order(vec![
            FieldMessage {
                field: "user".into(),
                message: "a".into(),
            },
            FieldMessage {
                field: "from".into(),
                message: "b".into(),
            },
            FieldMessage {
                field: "from".into(),
                message: "c".into(),
            },
        ]);
        assert_eq!(fields(&e), ["from", "user"]);
        assert_eq!(e[0].message, "b");
        let api = FieldError {
            field: "to".into(),
            code: "out_of_range".into(),
            message: "m".into(),
        };
        assert_eq!(FieldMessage::from(&api).field, "to");
    }

    #[test]
    fn choices_and_hint() {
        let c = ctx(true);
        let users = user_choices(&c, "*").unwrap();
        assert_eq!(
            users.iter().map(|u| u.label.as_str()).collect::<Vec<_>>(),
            ["すべての利用者", "master01 港　太郎", "user01 佐藤　次郎"]
        );
        assert_eq!(users[0].value, "*");
        assert_eq!(
            user_choices(&c, "gone01").unwrap().last().unwrap().value,
            "gone01"
        );
        assert_eq!(user_choices(&ctx(false), "user01"), None);
        let b = business_choices(&c);
        assert_eq!(
            b[0],
            Choice {
                value: String::new(),
                label: "すべて".into()
            }
        );
        assert_eq!(b.len(), 5);
        assert_eq!(
            retention_hint(&c),
            "操作履歴は過去6か月分（2026年05月21日〜2026年11月21日）を照会できます。"
        );
    }

    fn page(total: u32, page: u32, rows: usize) -> HistoryPage {
        let row = HistoryRow {
            at: 0,
            login_id: "user01".into(),
            user_name: "佐藤　次郎".into(),
            business: "ログイン".into(),
            operation: "ログイン".into(),
            detail: String::new(),
            ok: true,
        };
        HistoryPage {
            rows: vec![row; rows],
            total,
            truncated: total == MAX_ROWS,
            page,
            pages: kanri_contract::history::page_count(total),
        }
    }

    #[test]
    fn the_range_line() {
        assert_eq!(
            range_line(&page(3000, 1, 50)).unwrap(),
            "全3,000件中 1〜50件を表示"
        );
        assert_eq!(
            range_line(&page(3000, 60, 50)).unwrap(),
            "全3,000件中 2,951〜3,000件を表示"
        );
        assert_eq!(
            range_line(&page(73, 2, 23)).unwrap(),
            "全73件中 51〜73件を表示"
        );
        assert_eq!(range_line(&page(1, 1, 1)).unwrap(), "全1件中 1〜1件を表示");
        assert_eq!(range_line(&page(0, 1, 0)), None);
        assert_eq!(shown_range(&page(50, 1, 50)), Some((1, 50)));
    }

    #[test]
    fn the_page_ahead_is_the_next_one_while_there_is_one() {
        let q = HistoryQuery::default_for(d("2026-11-21"), UserFilter::All);
        assert_eq!(
            PageAhead::next_of(&q, &page(3000, 1, 50)),
            Some(q.with_page(2))
        );
        assert_eq!(
            PageAhead::next_of(&q.with_page(59), &page(3000, 59, 50)),
            Some(q.with_page(60))
        );
        assert_eq!(
            PageAhead::next_of(&q.with_page(60), &page(3000, 60, 50)),
            None
        );
        assert_eq!(PageAhead::next_of(&q, &page(50, 1, 50)), None);
        assert_eq!(PageAhead::next_of(&q, &page(0, 1, 0)), None);
    }

    #[test]
    fn a_page_fetched_ahead_is_shown_once_for_its_own_search_while_fresh() {
        let q = HistoryQuery::default_for(d("2026-11-21"), UserFilter::All);
        let next = q.with_page(2);
        let mut ahead = PageAhead::default();
        assert_eq!(ahead.take(&next, 0.0), None);

        ahead.keep(next.clone(), page(3000, 2, 50), 1_000.0);
        // Another search (another order, another page) does not get it, nor drop it.
        assert_eq!(ahead.take(&q.reordered().with_page(2), 1_500.0), None);
        assert_eq!(ahead.take(&q.with_page(3), 1_500.0), None);
        assert_eq!(ahead.take(&next, 2_000.0), Some(page(3000, 2, 50)));
        // Taken: back and forth asks the backend again.
        assert_eq!(ahead.take(&next, 2_000.0), None);

        // Stale (or from a clock that went back): asked again, and dropped.
        ahead.keep(next.clone(), page(3000, 2, 50), 1_000.0);
        assert_eq!(ahead.take(&next, 1_000.0 + AHEAD_FRESH_MS), None);
        ahead.keep(next.clone(), page(3000, 2, 50), 1_000.0);
        assert_eq!(ahead.take(&next, 999.0), None);
        assert_eq!(ahead.take(&next, 1_001.0), None);
    }

    #[test]
    fn page_links_keep_the_search() {
        let q = HistoryQuery::default_for(d("2026-11-21"), UserFilter::All);
        assert!(page_items(&q, &page(50, 1, 50)).is_empty());
        let items = page_items(&q, &page(3000, 1, 50));
        let PageItem::Next(next) = &items[5] else {
            panic!("次へ last: {items:?}")
        };
        assert!(next.ends_with("&page=2"), "{next}");
        let items = page_items(&q.reordered(), &page(3000, 60, 50));
        let PageItem::Previous(prev) = &items[0] else {
            panic!("前へ first: {items:?}")
        };
        assert!(
            prev.contains("order=asc") && prev.ends_with("&page=59"),
            "{prev}"
        );
    }

    #[test]
    fn sorting_words() {
        assert_eq!(aria_sort(Order::Newest), "descending");
        assert_eq!(aria_sort(Order::Oldest), "ascending");
        assert_eq!(sort_action(Order::Newest), "（古い順に並べ替え）");
    }
}
