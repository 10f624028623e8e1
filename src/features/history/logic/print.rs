//! What 操作履歴照会 prints: the whole search, landscape.

use crate::kernel::help;
use crate::kernel::print::{plain_fields, Printout};
use kanri_contract::datetime::format_datetime;
use kanri_contract::history::{
    truncated_message, HistoryAll, HistoryContext, HistoryQuery, UserFilter,
};
use kanri_contract::money::format_yen;
use kanri_print::model::{Align, Block, Cell, Column, Orientation, Table};

/// 利用者 of a search as printed: 「すべての利用者」 (as the search form says), or
/// 「山田　太郎（user01）」 (the login ID alone for someone the context does not list).
fn history_user(user: &UserFilter, ctx: &HistoryContext) -> String {
    match user {
        UserFilter::All => "すべての利用者".to_owned(),
        UserFilter::One(id) => ctx
            .users
            .iter()
            .flatten()
            .chain(std::iter::once(&ctx.own))
            .find(|u| u.login_id == *id)
            .map_or_else(|| id.clone(), |u| format!("{}（{}）", u.name, u.login_id)),
    }
}

/// The columns of the printed 操作履歴一覧 (weights in points of the ≈770 pt body of a
/// landscape A4 page, so that a typical row fits one line at 8 pt).
fn history_columns() -> Vec<Column> {
    vec![
        Column::new("No.", 34.0, Align::Right),
        Column::new("操作日時", 178.0, Align::Left),
        Column::new("ログインID", 80.0, Align::Left),
        Column::new("利用者名", 110.0, Align::Left),
        Column::new("業務", 70.0, Align::Left),
        Column::new("操作内容", 258.0, Align::Left),
        Column::new("結果", 40.0, Align::Center),
    ]
}

/// 操作履歴照会 [BSRR001], the whole search (landscape): 検索条件, 「全n件」 (and why the
/// search was cut), and every row numbered, in the search's order.
pub fn history_printout(all: &HistoryAll, query: &HistoryQuery, ctx: &HistoryContext) -> Printout {
    let conditions = [
        (
            "期間",
            format!("{}〜{}", query.from.japanese(), query.to.japanese()),
        ),
        ("利用者", history_user(&query.user, ctx)),
        (
            "業務",
            query
                .business
                .clone()
                .filter(|b| !b.is_empty())
                .unwrap_or_else(|| "すべて".to_owned()),
        ),
        ("結果", query.result.label().to_owned()),
        ("並び順", format!("操作日時の{}", query.order.label())),
    ];
    let mut blocks = vec![
        Block::Heading("検索条件".to_owned()),
        plain_fields(conditions),
        Block::Paragraph(format!("全{}件", format_yen(u64::from(all.total)))),
    ];
    if all.truncated {
        blocks.push(Block::Paragraph(truncated_message()));
    }
    let rows = all
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                Cell::plain((i + 1).to_string()),
                Cell::plain(format_datetime(r.at)),
                Cell::plain(r.login_id.clone()),
                Cell::plain(r.user_name.clone()),
                Cell::plain(r.business.clone()),
                Cell::plain(r.content()),
                Cell::plain(r.result_label()),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: history_columns(),
        rows,
    }));
    if all.rows.is_empty() {
        blocks.push(Block::Paragraph(NO_HISTORY.to_owned()));
    }
    Printout {
        screen: help::HISTORY,
        orientation: Orientation::Landscape,
        blocks,
    }
}

/// What the history says when nothing matched.
pub const NO_HISTORY: &str = "該当する操作履歴はありません。";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::print::testing::*;
    use kanri_contract::datetime::Date;
    use kanri_contract::history::{HistoryRow, HistoryUser, Order, ResultFilter, MAX_ROWS};
    fn d(s: &str) -> Date {
        match Date::parse(s) {
            Some(d) => d,
            None => panic!("{s}"),
        }
    }

    fn history_ctx(all: bool) -> HistoryContext {
        let user = |id: &str, name: &str| HistoryUser {
            login_id: id.into(),
            name: name.into(),
        };
        HistoryContext {
            today: d("2026-11-21"),
            earliest: d("2026-05-21"),
            retention_months: 6,
            own: user("user01", "佐藤　次郎"),
            users: all.then(|| vec![user("master01", "港　太郎"), user("user01", "佐藤　次郎")]),
            businesses: vec![],
        }
    }

    fn query(user: UserFilter) -> HistoryQuery {
        HistoryQuery {
            from: d("2026-05-22"),
            to: d("2026-11-21"),
            user,
            business: None,
            result: ResultFilter::All,
            order: Order::Newest,
            page: 7,
        }
    }

    fn history_row(i: u32) -> HistoryRow {
        HistoryRow {
            at: AT - i64::from(i) * 60,
            login_id: "master01".into(),
            user_name: "港　太郎".into(),
            business: "利用者管理".into(),
            operation: "利用者停止".into(),
            detail: "ログインID：user06".into(),
            ok: i.is_multiple_of(2),
        }
    }

    fn history(n: u32, truncated: bool) -> HistoryAll {
        HistoryAll {
            rows: (0..n).map(history_row).collect(),
            total: n,
            truncated,
        }
    }

    #[test]
    fn history_prints_the_search_and_every_row_numbered_on_landscape() {
        let all = history(3, false);
        let mut q = query(UserFilter::All);
        q.business = Some("利用者管理".into());
        q.result = ResultFilter::Error;
        q.order = Order::Oldest;
        let p = history_printout(&all, &q, &history_ctx(true));
        assert_eq!(p.screen, help::HISTORY);
        assert_eq!(p.screen.title, "操作履歴照会");
        assert_eq!(p.orientation, Orientation::Landscape);
        assert_eq!(headings(&p), ["検索条件"]);
        let conditions: Vec<_> = fields(&p)
            .into_iter()
            .map(|f| (f.label.as_str(), f.value.text.as_str()))
            .collect();
        assert_eq!(
            conditions,
            [
                ("期間", "2026年05月22日〜2026年11月21日"),
                ("利用者", "すべての利用者"),
                ("業務", "利用者管理"),
                ("結果", "異常"),
                ("並び順", "操作日時の古い順"),
            ]
        );
        assert_eq!(paragraphs(&p), ["全3件"]);
        let t = tables(&p)[0];
        let titles: Vec<_> = t.columns.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "No.",
                "操作日時",
                "ログインID",
                "利用者名",
                "業務",
                "操作内容",
                "結果"
            ]
        );
        assert_eq!(t.columns[0].align, Align::Right);
        let width: f32 = t.columns.iter().map(|c| c.weight).sum();
        // 操作日時 (27 characters, ≈170 pt at 8 pt) gets at least that share of ≈770 pt.
        assert!(t.columns[1].weight / width * 770.0 >= 170.0);
        assert!(t.columns[0].weight < t.columns[2].weight);
        assert_eq!(t.rows.len(), 3);
        let texts = |r: &Vec<Cell>| r.iter().map(|c| c.text.clone()).collect::<Vec<_>>();
        assert_eq!(
            texts(&t.rows[0]),
            [
                "1",
                AT_TEXT,
                "master01",
                "港　太郎",
                "利用者管理",
                "利用者停止（ログインID：user06）",
                "正常"
            ]
        );
        assert_eq!(t.rows[2][0].text, "3");
        assert_eq!(t.rows[1][6].text, "異常");
        assert!(t.rows.iter().flatten().all(|c| c.mark.is_none()));
    }

    #[test]
    fn the_user_is_named_with_the_login_id() {
        let one = query(UserFilter::One("master01".into()));
        let p = history_printout(&history(1, false), &one, &history_ctx(true));
        assert_eq!(field(&p, "利用者").text, "港　太郎（master01）");
        assert_eq!(field(&p, "業務").text, "すべて");
        assert_eq!(field(&p, "結果").text, "すべて");
        assert_eq!(field(&p, "並び順").text, "操作日時の新しい順");
        // Without 全操作履歴照会 the context lists only the operator.
        let own = query(UserFilter::One("user01".into()));
        let p = history_printout(&history(1, false), &own, &history_ctx(false));
        assert_eq!(field(&p, "利用者").text, "佐藤　次郎（user01）");
        let gone = query(UserFilter::One("gone01".into()));
        let p = history_printout(&history(1, false), &gone, &history_ctx(true));
        assert_eq!(field(&p, "利用者").text, "gone01");
    }

    #[test]
    fn a_cut_search_says_so_and_prints_all_its_rows() {
        let all = history(MAX_ROWS, true);
        let p = history_printout(&all, &query(UserFilter::All), &history_ctx(true));
        assert_eq!(
            paragraphs(&p),
            ["全3,000件".to_owned(), truncated_message()]
        );
        let t = tables(&p)[0];
        assert_eq!(t.rows.len(), 3000);
        assert_eq!(t.rows[2999][0].text, "3000");
    }

    #[test]
    fn an_empty_search_prints_the_header_and_says_nothing_matched() {
        let p = history_printout(
            &history(0, false),
            &query(UserFilter::All),
            &history_ctx(true),
        );
        assert_eq!(paragraphs(&p), ["全0件", "該当する操作履歴はありません。"]);
        let t = tables(&p)[0];
        assert_eq!(t.columns.len(), 7);
        assert!(t.rows.is_empty());
        assert_eq!(p.blocks.last(), Some(&Block::Paragraph(NO_HISTORY.into())));
    }
}
