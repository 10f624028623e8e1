//! The printed document as data.

use serde::{Deserialize, Serialize};

/// Which way up the A4 pages are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Orientation {
    #[default]
    Portrait,
    /// For wide tables (操作履歴照会).
    Landscape,
}

/// A document to print: the heading every page carries and the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// 「みなと銀行」.
    pub bank: String,
    /// The screen title, e.g. 「利用者登録結果」 (also the PDF's title).
    pub title: String,
    /// The screen ID, e.g. 「BRSK010」.
    pub screen_id: String,
    /// Who printed it, e.g. 「山田　太郎（master01）」.
    pub operator: String,
    /// When it was printed, the Japanese way (`2026年11月21日 10時00分00秒`).
    pub printed_at: String,
    pub orientation: Orientation,
    pub blocks: Vec<Block>,
}

/// One part of the body, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// A section heading (「基本情報」).
    Heading(String),
    /// A paragraph (「以下の内容で利用者登録が完了しました。」), wrapped to the width.
    Paragraph(String),
    /// Labelled values as a two-column table (label | value).
    Fields(Vec<Field>),
    /// A table with column headings, repeated at the top of each page it spans.
    Table(Table),
}

/// How a value relates to the one before a change (as on the screen: words, never colour
/// alone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mark {
    /// Changed; printed 「［変更］」 with 「変更前：…」 under the value.
    Changed { before: String },
    /// 「［追加］」.
    Added,
    /// 「［解除］」 (a removed table row: 「［削除］」).
    Removed { word: String },
}

impl Mark {
    /// The word printed after the value: 「［変更］」, 「［追加］」, 「［解除］」….
    pub fn tag(&self) -> String {
        match self {
            Mark::Changed { .. } => "［変更］".into(),
            Mark::Added => "［追加］".into(),
            Mark::Removed { word } => format!("［{word}］"),
        }
    }

    /// The old value line (「変更前：…」), for a change.
    pub fn before_line(&self) -> Option<String> {
        match self {
            Mark::Changed { before } => Some(format!("変更前：{before}")),
            _ => None,
        }
    }
}

/// A cell's text and, on change results, its mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<Mark>,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            mark: None,
        }
    }

    pub fn marked(text: impl Into<String>, mark: Option<Mark>) -> Self {
        Cell {
            text: text.into(),
            mark,
        }
    }

    /// The lines the cell prints before wrapping: the text with its mark's word, then
    /// 「変更前：…」 for a change.
    pub fn lines(&self) -> Vec<String> {
        match &self.mark {
            None => vec![self.text.clone()],
            Some(mark) => {
                let mut out = vec![format!("{} {}", self.text, mark.tag())];
                out.extend(mark.before_line());
                out
            }
        }
    }
}

/// A labelled value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub label: String,
    pub value: Cell,
}

impl Field {
    pub fn new(label: impl Into<String>, value: Cell) -> Self {
        Field {
            label: label.into(),
            value,
        }
    }
}

/// Horizontal alignment of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Align {
    #[default]
    Left,
    /// Amounts.
    Right,
    Center,
}

/// A column: heading, relative width, alignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub title: String,
    /// Share of the table width, relative to the other columns' weights.
    pub weight: f32,
    pub align: Align,
}

impl Column {
    pub fn new(title: impl Into<String>, weight: f32, align: Align) -> Self {
        Column {
            title: title.into(),
            weight,
            align,
        }
    }
}

/// A table. Each row has one cell per column (missing cells print empty); a whole
/// added/removed row carries its mark on its first cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}
