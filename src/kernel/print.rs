//! 印刷: the parts every printout is made of, as a [`kanri_print::model::Document`] body.
//!
//! A screen builds a [`Printout`] from the same data it shows (the result it holds in
//! memory, or for 操作履歴照会 the whole search fetched on 「印刷」), with the helpers
//! here; each feature's printouts live in its own logic (`…::logic::print`);
//! [`crate::ui::print::PrintButton`] adds the bank, 操作者 and 印刷日時 and hands it
//! to the PDF worker. Plain functions, unit-tested; no view code here.

use crate::kernel::diff::{self, Body, Grid, Section};
use crate::kernel::help::Screen;
use kanri_contract::datetime::format_datetime;
use kanri_print::model::{Align, Block, Cell, Column, Document, Field, Mark, Orientation, Table};

/// The bank, as the header and every printed page name it.
pub const BANK_NAME: &str = "みなと銀行";

/// A screen's printout before the page heading is added.
#[derive(Debug, Clone, PartialEq)]
pub struct Printout {
    /// The screen printed: its title and screen ID head every page.
    pub screen: Screen,
    pub orientation: Orientation,
    pub blocks: Vec<Block>,
}

impl Printout {
    /// The document to print, with the bank, who prints it and when (Unix seconds, shown
    /// in JST).
    pub fn document(
        self,
        operator_login_id: &str,
        operator_name: &str,
        printed_at: i64,
    ) -> Document {
        Document {
            bank: BANK_NAME.to_string(),
            title: self.screen.title.to_string(),
            screen_id: self.screen.id.to_string(),
            operator: operator_line(operator_login_id, operator_name),
            printed_at: format_datetime(printed_at),
            orientation: self.orientation,
            blocks: self.blocks,
        }
    }
}

/// 操作者 as printed: 「山田　太郎（master01）」.
pub fn operator_line(login_id: &str, name: &str) -> String {
    format!("{name}（{login_id}）")
}

/// A diff mark as printed: 「［変更］」 with 「変更前：…」, 「［追加］」, 「［解除］」 (a whole
/// table row: 「［削除］」), as [`crate::ui::change_summary::ChangeSummary`] words
/// them.
fn print_mark(mark: &diff::Mark, table_row: bool) -> Option<Mark> {
    match mark {
        diff::Mark::Unchanged => None,
        diff::Mark::Changed { before } => Some(Mark::Changed {
            before: before.clone(),
        }),
        diff::Mark::Added => Some(Mark::Added),
        diff::Mark::Removed => Some(Mark::Removed {
            word: if table_row { "削除" } else { "解除" }.to_owned(),
        }),
    }
}

/// Labelled values without marks (status rows, 結果 rows, 検索条件).
pub fn plain_fields<L: Into<String>>(rows: impl IntoIterator<Item = (L, String)>) -> Block {
    Block::Fields(
        rows.into_iter()
            .map(|(label, value)| Field::new(label, Cell::plain(value)))
            .collect(),
    )
}

/// The date-time field of a result (登録日時, 変更日時 …).
pub fn when(label: &str, at: i64) -> Block {
    plain_fields([(label, format_datetime(at))])
}

/// Roughly how wide `text` prints, in full-width characters (half-width ones count
/// about half): a column's share of a table.
fn width_units(text: &str) -> f32 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.55 } else { 1.0 })
        .sum()
}

/// An amount as shown: digits with separators, maybe followed by 円.
fn is_amount(text: &str) -> bool {
    let t = text.trim();
    let t = t.strip_suffix('円').unwrap_or(t);
    t.chars().any(|c| c.is_ascii_digit()) && t.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// A value that says nothing about the kind of a column (「未設定」 in an amount column).
fn is_neutral(text: &str) -> bool {
    matches!(text.trim(), "" | "-" | "未設定" | "なし")
}

/// Right for a column of amounts (its title says 円, or every value is one), else left.
fn column_align(title: &str, values: &[&str]) -> Align {
    let amounts =
        values.iter().any(|v| is_amount(v)) && values.iter().all(|v| is_amount(v) || is_neutral(v));
    if amounts || title.contains("（円）") {
        Align::Right
    } else {
        Align::Left
    }
}

/// A diff table as printed: the heading cell first (carrying a whole row's 「追加」 /
/// 「削除」), columns as wide as their longest text, amounts right-aligned.
fn grid_table(g: &Grid) -> Table {
    let rows: Vec<Vec<Cell>> = g
        .rows
        .iter()
        .map(|r| {
            let heading_mark = if r.mark.is_change() {
                &r.mark
            } else {
                &r.heading.mark
            };
            std::iter::once(Cell::marked(
                r.heading.value.clone(),
                print_mark(heading_mark, true),
            ))
            .chain(
                r.cells
                    .iter()
                    .map(|c| Cell::marked(c.value.clone(), print_mark(&c.mark, false))),
            )
            .collect()
        })
        .collect();
    let columns = g
        .columns
        .iter()
        .enumerate()
        .map(|(i, title)| {
            let cells: Vec<&Cell> = rows.iter().filter_map(|r| r.get(i)).collect();
            let widest = cells
                .iter()
                .flat_map(|c| c.lines())
                .map(|l| width_units(&l))
                .fold(width_units(title), f32::max);
            let values: Vec<&str> = cells.iter().map(|c| c.text.as_str()).collect();
            let align = if i == 0 {
                Align::Left
            } else {
                column_align(title, &values)
            };
            Column::new(title.clone(), widest.clamp(4.0, 30.0), align)
        })
        .collect();
    Table { columns, rows }
}

/// The diff model of a 確認 / 結果 screen as printed: per section its heading, then its
/// labelled rows (marks with their words and 「変更前：…」) or its table.
pub fn section_blocks(sections: &[Section]) -> Vec<Block> {
    let mut out = Vec::new();
    for s in sections {
        out.push(Block::Heading(s.title.clone()));
        out.push(match &s.body {
            Body::Rows(rows) => Block::Fields(
                rows.iter()
                    .map(|r| {
                        Field::new(
                            r.label.clone(),
                            Cell::marked(r.value.clone(), print_mark(&r.mark, false)),
                        )
                    })
                    .collect(),
            ),
            Body::Grid(g) => Block::Table(grid_table(g)),
        });
    }
    out
}

/// A result screen's printout: its message, the date-time field, then `rest`.
pub fn result_printout(
    screen: Screen,
    message: impl Into<String>,
    when_block: Option<Block>,
    rest: Vec<Block>,
) -> Printout {
    let mut blocks = vec![Block::Paragraph(message.into())];
    blocks.extend(when_block);
    blocks.extend(rest);
    Printout {
        screen,
        orientation: Orientation::Portrait,
        blocks,
    }
}

#[cfg(test)]
pub mod testing {
    //! What the printouts' tests share: a time, accounts, and readers of a printout.
    use super::*;
    use kanri_contract::users::Account;

    /// 2026-11-21 10:00:00 JST.
    pub const AT: i64 = 1_795_222_800;
    pub const AT_TEXT: &str = "2026年11月21日 10時00分00秒";

    pub fn accounts() -> Vec<Account> {
        vec![
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
        ]
    }

    pub fn paragraphs(p: &Printout) -> Vec<&str> {
        p.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    pub fn headings(p: &Printout) -> Vec<&str> {
        p.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    pub fn fields(p: &Printout) -> Vec<&Field> {
        p.blocks
            .iter()
            .flat_map(|b| match b {
                Block::Fields(f) => f.iter().collect(),
                _ => Vec::new(),
            })
            .collect()
    }

    pub fn field<'a>(p: &'a Printout, label: &str) -> &'a Cell {
        match fields(p).into_iter().find(|f| f.label == label) {
            Some(f) => &f.value,
            None => panic!("no field {label} in {p:?}"),
        }
    }

    pub fn tables(p: &Printout) -> Vec<&Table> {
        p.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;
    use crate::kernel::help;

    #[test]
    fn the_document_carries_the_screen_the_operator_and_the_time() {
        let p = result_printout(
            help::HISTORY,
            "メッセージ",
            Some(when("変更日時", AT)),
            vec![],
        );
        assert_eq!(field(&p, "変更日時"), &Cell::plain(AT_TEXT));
        let d = p.document("master01", "港　太郎", AT);
        assert_eq!(d.bank, "みなと銀行");
        assert_eq!(d.title, "操作履歴照会");
        assert_eq!(d.screen_id, "BSRR001");
        assert_eq!(d.operator, "港　太郎（master01）");
        assert_eq!(d.printed_at, AT_TEXT);
        assert_eq!(d.orientation, Orientation::Portrait);
    }

    #[test]
    fn section_blocks_word_the_marks_as_the_screen() {
        use crate::kernel::diff::{grid, row, Mark as M};
        let sections = vec![
            Section::rows(
                "r",
                "行",
                vec![
                    row("a", "1", M::Unchanged),
                    row("b", "2", M::Changed { before: "1".into() }),
                    row("c", "3", M::Added),
                    row("d", "4", M::Removed),
                ],
            ),
            Section::grid(
                "g",
                "表",
                grid(
                    vec!["範囲".into(), "手数料".into(), "備考".into()],
                    Some(&[
                        vec!["A".into(), "100円".into(), "x".into()],
                        vec!["B".into(), "未設定".into(), "y".into()],
                    ]),
                    &[vec!["A".into(), "110円".into(), "x".into()]],
                ),
            ),
        ];
        let b = section_blocks(&sections);
        assert_eq!(b.len(), 4);
        assert_eq!(b[0], Block::Heading("行".into()));
        let Block::Fields(f) = &b[1] else {
            panic!("{:?}", b[1]);
        };
        let marks: Vec<_> = f.iter().map(|f| f.value.mark.clone()).collect();
        assert_eq!(
            marks,
            [
                None,
                Some(Mark::Changed { before: "1".into() }),
                Some(Mark::Added),
                Some(Mark::Removed {
                    word: "解除".into()
                })
            ]
        );
        assert_eq!(b[2], Block::Heading("表".into()));
        let Block::Table(t) = &b[3] else {
            panic!("{:?}", b[3]);
        };
        let aligns: Vec<_> = t.columns.iter().map(|c| c.align).collect();
        assert_eq!(aligns, [Align::Left, Align::Right, Align::Left]);
        assert_eq!(
            t.rows[1][0].mark,
            Some(Mark::Removed {
                word: "削除".into()
            })
        );
        assert_eq!(t.rows[1][1].text, "未設定");
    }
}
