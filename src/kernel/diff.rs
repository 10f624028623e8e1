//! What a change altered, as shown on 確認 and 結果 screens: sections of labelled rows
//! or of tables, each value marked unchanged, changed (with the old value), added or
//! removed. One model for every change screen (利用者変更, 企業情報変更, 手数料の変更);
//! [`crate::ui::change_summary::ChangeSummary`] shows it.

/// How a value relates to the one before the change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    Unchanged,
    /// Changed; `before` is the old value as shown.
    Changed {
        before: String,
    },
    /// Newly granted / selected / a new table row.
    Added,
    /// Taken away / deselected / a table row that is gone (shown struck through).
    Removed,
}

impl Mark {
    pub fn is_change(&self) -> bool {
        *self != Mark::Unchanged
    }
}

/// One labelled row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub value: String,
    pub mark: Mark,
}

/// One cell of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub value: String,
    pub mark: Mark,
}

/// One row of a table: a heading cell (the row's name, e.g. an amount range) and cells.
/// `mark` is [`Mark::Added`] / [`Mark::Removed`] for a whole new / gone row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridRow {
    pub heading: Cell,
    pub cells: Vec<Cell>,
    pub mark: Mark,
}

/// A table: column headings (the first names the heading column) and rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub columns: Vec<String>,
    pub rows: Vec<GridRow>,
}

/// What a section holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Rows(Vec<Row>),
    Grid(Grid),
}

/// A titled section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Stable key: DOM ids, and which step a 「変更」 link goes back to.
    pub key: &'static str,
    pub title: String,
    pub body: Body,
    /// The 「変更」 link back to where the section is edited (check-answers pattern).
    pub edit_href: Option<String>,
}

impl Section {
    pub fn rows(key: &'static str, title: impl Into<String>, rows: Vec<Row>) -> Self {
        Section {
            key,
            title: title.into(),
            body: Body::Rows(rows),
            edit_href: None,
        }
    }

    pub fn grid(key: &'static str, title: impl Into<String>, grid: Grid) -> Self {
        Section {
            key,
            title: title.into(),
            body: Body::Grid(grid),
            edit_href: None,
        }
    }

    /// The labelled rows (none for a table).
    pub fn labelled_rows(&self) -> &[Row] {
        match &self.body {
            Body::Rows(rows) => rows,
            Body::Grid(_) => &[],
        }
    }

    /// How many values of the section are marked.
    pub fn change_count(&self) -> usize {
        match &self.body {
            Body::Rows(rows) => rows.iter().filter(|r| r.mark.is_change()).count(),
            Body::Grid(g) => g
                .rows
                .iter()
                .map(|r| {
                    if r.mark.is_change() {
                        1
                    } else {
                        usize::from(r.heading.mark.is_change())
                            + r.cells.iter().filter(|c| c.mark.is_change()).count()
                    }
                })
                .sum(),
        }
    }
}

/// How many values of `sections` are marked.
pub fn change_count(sections: &[Section]) -> usize {
    sections.iter().map(Section::change_count).sum()
}

/// A labelled row.
pub fn row(label: impl Into<String>, value: impl Into<String>, mark: Mark) -> Row {
    Row {
        label: label.into(),
        value: value.into(),
        mark,
    }
}

/// A scalar value now against the value before (`None`: nothing to compare with, e.g. a
/// registration).
pub fn compare(before: Option<&str>, now: &str) -> Mark {
    match before {
        Some(b) if b != now => Mark::Changed {
            before: b.to_owned(),
        },
        _ => Mark::Unchanged,
    }
}

/// Membership (a right, an account) now against before.
pub fn membership(had: Option<bool>, has: bool) -> Mark {
    match (had, has) {
        (Some(false), true) => Mark::Added,
        (Some(true), false) => Mark::Removed,
        _ => Mark::Unchanged,
    }
}

/// A table of `now` rows against `before` rows, aligned by position (rows that are the
/// same thing when they are at the same place, e.g. the company's accounts). See
/// [`keyed_grid`].
pub fn grid(columns: Vec<String>, before: Option<&[Vec<String>]>, now: &[Vec<String>]) -> Grid {
    let index = |rows: &[Vec<String>]| -> Vec<(usize, Vec<String>)> {
        rows.iter().cloned().enumerate().collect()
    };
    let before = before.map(index);
    keyed_grid(columns, before.as_deref(), &index(now))
}

/// A table of `now` rows against `before` rows, matched by key (e.g. a fee band by its
/// 下限, so that inserting a band does not shift the others): each cell compared with the
/// cell of the same row and column; a row whose key is new is added; an old row whose
/// key is gone is shown as removed (with its old values, after the others). Each row is
/// its heading followed by its cells.
pub fn keyed_grid<K: PartialEq>(
    columns: Vec<String>,
    before: Option<&[(K, Vec<String>)]>,
    now: &[(K, Vec<String>)],
) -> Grid {
    let cell = |value: &str, mark: Mark| Cell {
        value: value.to_owned(),
        mark,
    };
    let plain = |r: &[String], mark: Mark| {
        let (heading, cells) = split(r);
        GridRow {
            heading: cell(&heading, Mark::Unchanged),
            cells: cells.iter().map(|c| cell(c, Mark::Unchanged)).collect(),
            mark,
        }
    };
    let mut rows = Vec::new();
    for (key, r) in now {
        let old = before.map(|b| b.iter().find(|(k, _)| k == key));
        match old {
            None => rows.push(plain(r, Mark::Unchanged)),
            Some(None) => rows.push(plain(r, Mark::Added)),
            Some(Some((_, o))) => {
                let (heading, cells) = split(r);
                let (old_heading, old_cells) = split(o);
                rows.push(GridRow {
                    heading: cell(&heading, compare(Some(&old_heading), &heading)),
                    cells: cells
                        .iter()
                        .enumerate()
                        .map(|(j, c)| cell(c, compare(old_cells.get(j).map(String::as_str), c)))
                        .collect(),
                    mark: Mark::Unchanged,
                })
            }
        }
    }
    for (key, o) in before.unwrap_or_default() {
        if !now.iter().any(|(k, _)| k == key) {
            rows.push(plain(o, Mark::Removed));
        }
    }
    Grid { columns, rows }
}

fn split(r: &[String]) -> (String, Vec<String>) {
    match r.split_first() {
        Some((h, rest)) => (h.clone(), rest.to_vec()),
        None => (String::new(), Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|s| (*s).to_owned()).collect())
            .collect()
    }

    fn cols() -> Vec<String> {
        vec!["範囲".into(), "当店宛".into(), "他行宛".into()]
    }

    #[test]
    fn scalars_and_membership() {
        assert_eq!(compare(None, "a"), Mark::Unchanged);
        assert_eq!(compare(Some("a"), "a"), Mark::Unchanged);
        assert_eq!(
            compare(Some("a"), "b"),
            Mark::Changed { before: "a".into() }
        );
        assert_eq!(membership(None, true), Mark::Unchanged);
        assert_eq!(membership(Some(false), true), Mark::Added);
        assert_eq!(membership(Some(true), false), Mark::Removed);
        assert_eq!(membership(Some(true), true), Mark::Unchanged);
    }

    #[test]
    fn a_table_marks_exactly_the_changed_cells() {
        let before = table(&[
            &["1円〜29,999円", "0円", "330円"],
            &["30,000円以上", "0円", "550円"],
        ]);
        let now = table(&[
            &["1円〜29,999円", "0円", "330円"],
            &["30,000円以上", "0円", "660円"],
        ]);
        let g = grid(cols(), Some(&before), &now);
        assert_eq!(
            g.rows[0]
                .cells
                .iter()
                .filter(|c| c.mark.is_change())
                .count(),
            0
        );
        assert_eq!(g.rows[1].cells[0].mark, Mark::Unchanged);
        assert_eq!(
            g.rows[1].cells[1].mark,
            Mark::Changed {
                before: "550円".into()
            }
        );
        let s = Section::grid("fees", "手数料", g);
        assert_eq!(s.change_count(), 1);
    }

    #[test]
    fn added_and_removed_rows() {
        let before = table(&[&["1円以上", "0円", "330円"]]);
        let now = table(&[
            &["1円〜9,999円", "0円", "220円"],
            &["10,000円以上", "0円", "330円"],
        ]);
        let g = grid(cols(), Some(&before), &now);
        assert_eq!(
            g.rows[0].heading.mark,
            Mark::Changed {
                before: "1円以上".into()
            }
        );
        assert_eq!(g.rows[1].mark, Mark::Added);
        assert_eq!(change_count(&[Section::grid("f", "f", g)]), 3);

        let g = grid(cols(), Some(&now), &before);
        assert_eq!(g.rows.len(), 2);
        assert_eq!(g.rows[1].mark, Mark::Removed);
        assert_eq!(g.rows[1].heading.value, "10,000円以上");
    }

    #[test]
    fn keyed_rows_do_not_shift_when_one_is_inserted() {
        let before = vec![
            (1u64, vec!["1円〜29,999円".to_owned(), "330円".to_owned()]),
            (30_000, vec!["30,000円以上".to_owned(), "550円".to_owned()]),
        ];
        let now = vec![
            (1u64, vec!["1円〜9,999円".to_owned(), "330円".to_owned()]),
            (
                10_000,
                vec!["10,000円〜29,999円".to_owned(), "330円".to_owned()],
            ),
            (30_000, vec!["30,000円以上".to_owned(), "550円".to_owned()]),
        ];
        let g = keyed_grid(cols(), Some(&before), &now);
        assert!(g.rows[0].heading.mark.is_change());
        assert_eq!(g.rows[1].mark, Mark::Added);
        assert_eq!(g.rows[2].mark, Mark::Unchanged);
        assert_eq!(change_count(&[Section::grid("f", "f", g)]), 2);
        // And back: the 10,000 band is removed, listed after the others.
        let g = keyed_grid(cols(), Some(&now), &before);
        assert_eq!(g.rows[2].mark, Mark::Removed);
        assert_eq!(g.rows[2].heading.value, "10,000円〜29,999円");
    }

    #[test]
    fn without_before_nothing_is_marked() {
        let now = table(&[&["1円以上", "0円", "330円"]]);
        let g = grid(cols(), None, &now);
        assert_eq!(change_count(&[Section::grid("f", "f", g)]), 0);
        let s = Section::rows("r", "r", vec![row("a", "b", Mark::Unchanged)]);
        assert_eq!(s.change_count(), 0);
    }
}
