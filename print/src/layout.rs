//! A4 pages of positioned text, rules and fills, from a [`Document`].
//!
//! Coordinates are PDF points (1/72 inch) from the page's top-left corner, `y` growing
//! downwards; a text's `y` is its baseline. The PDF writer only places what is here.
//!
//! Every page carries the bank name, the title with the screen ID, 操作者 and 印刷日時 at the
//! top and 「n / N」 at the bottom. Text wraps within its box (at any character: Japanese has
//! no spaces, and a long login ID must not overflow); a table's heading row is repeated on
//! each page it continues on; a row taller than a whole page is split between pages.
//!
//! The page, from the top (all sizes are the constants below):
//!
//! - [`MARGIN_TOP`], then the page heading: a small line (bank name left, 「印刷日時：…」
//!   right), the title at [`TITLE_SIZE`] followed by 「［screen ID］」 (small), a small line
//!   with 「操作者：…」 on the right, [`HEADER_RULE_GAP`], a rule across the page,
//!   [`HEADER_BODY_GAP`]. Each line box is `size × LINE_HEIGHT` tall; the body starts below
//!   ([`body_top`]).
//! - The body, down to [`body_bottom`] (`height − MARGIN_BOTTOM`): nothing of the body is
//!   ever placed below it.
//! - The footer 「n / N」, centred, baseline [`FOOTER_BASELINE_FROM_BOTTOM`] above the paper's
//!   bottom edge (inside the bottom margin). It is always the last item of a page.
//!
//! Body blocks: a heading ([`HEADING_SIZE`], [`HEADING_SPACE_ABOVE`], a thin rule under it,
//! never the last thing on a page), a paragraph (body size, wrapped to the body width), fields
//! (a bordered two-column table, labels [`FIELD_LABEL_SHARE`] of the width) and tables
//! (bordered, heading row repeated on each page). Other blocks are [`BLOCK_SPACE`] apart.
//! A table row is `lines × line height + 2 × PAD_Y` tall; a row that does not fit in the rest
//! of a page but fits on an empty one moves to the next page whole; a taller one is split
//! line by line.

use crate::model::{Align, Block, Cell, Column, Document, Field, Mark, Orientation};

/// A4's short side in points.
pub const A4_SHORT: f32 = 595.28;
/// A4's long side in points.
pub const A4_LONG: f32 = 841.89;

/// Left and right page margin (pt).
pub const MARGIN_X: f32 = 36.0;
/// Top page margin (pt): the page heading starts here.
pub const MARGIN_TOP: f32 = 36.0;
/// Bottom page margin (pt): the body ends this far above the paper's edge.
pub const MARGIN_BOTTOM: f32 = 40.0;
/// The footer's baseline, this far above the paper's bottom edge (inside the margin).
pub const FOOTER_BASELINE_FROM_BOTTOM: f32 = 20.0;

/// Small text: the page heading's first and third lines and the footer (pt).
pub const SMALL_SIZE: f32 = 8.5;
/// The document title in the page heading (pt).
pub const TITLE_SIZE: f32 = 14.0;
/// Section headings ([`Block::Heading`]) (pt).
pub const HEADING_SIZE: f32 = 11.0;
/// Body text on portrait pages (pt).
pub const BODY_SIZE_PORTRAIT: f32 = 9.0;
/// Body text on landscape pages (pt): wide history tables.
pub const BODY_SIZE_LANDSCAPE: f32 = 8.0;
/// A line box is this many times the text size tall.
pub const LINE_HEIGHT: f32 = 1.45;
/// The font's ascent as a share of its size (BIZ UDPGothic: 1802/2048); a baseline sits this
/// far below the top of the text's em box, which is centred in its line box.
pub const ASCENT: f32 = 0.88;
/// The font's descent as a share of its size (BIZ UDPGothic: 246/2048).
pub const DESCENT: f32 = 0.12;

/// Horizontal padding inside a table cell (pt): text stays this far from the borders.
pub const PAD_X: f32 = 4.0;
/// Vertical padding inside a table cell (pt), above the first and below the last line.
pub const PAD_Y: f32 = 3.0;
/// A table column is at least this many body-size characters wide (plus padding), however
/// small its weight.
pub const MIN_COLUMN_CHARS: f32 = 2.0;
/// The label column's share of a [`Block::Fields`] table.
pub const FIELD_LABEL_SHARE: f32 = 0.3;

/// Between the page heading's last line and its rule (pt).
pub const HEADER_RULE_GAP: f32 = 3.0;
/// Between the page heading's rule and the body (pt).
pub const HEADER_BODY_GAP: f32 = 10.0;
/// The page heading's rule (pt).
pub const HEADER_RULE_WIDTH: f32 = 0.8;
/// Between the title and 「［screen ID］」 (pt).
pub const SCREEN_ID_GAP: f32 = 6.0;
/// The least gap between a left and a right text on one heading line (pt).
pub const LEFT_RIGHT_GAP: f32 = 12.0;

/// Above a section heading, unless it starts a page (pt).
pub const HEADING_SPACE_ABOVE: f32 = 10.0;
/// Between a section heading's text and the rule under it (pt).
pub const HEADING_RULE_GAP: f32 = 1.5;
/// Below a section heading's rule (pt).
pub const HEADING_SPACE_BELOW: f32 = 4.0;
/// The rule under a section heading (pt).
pub const HEADING_RULE_WIDTH: f32 = 0.5;
/// Between other blocks, unless one starts a page or follows a heading (pt).
pub const BLOCK_SPACE: f32 = 8.0;
/// Table borders (pt).
pub const BORDER_WIDTH: f32 = 0.5;

/// Characters that never start a line (kinsoku): closing brackets, punctuation, long vowel
/// mark, small kana, iteration marks.
pub const NO_LINE_START: &[char] = &[
    '、', '。', '，', '．', '）', '」', '』', '】', '〕', '〉', '》', '］', '｝', '〙', '〗', '！',
    '？', 'ー', '・', '：', '；', '…', '‥', '’', '”', '〟', '々', 'ゝ', 'ゞ', 'ヽ', 'ヾ', '゛',
    '゜', 'ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ', 'っ', 'ゃ', 'ゅ', 'ょ', 'ゎ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ',
    'ッ', 'ャ', 'ュ', 'ョ', 'ヮ', 'ヵ', 'ヶ', '％', ')', ']', '}', ',', '.', '!', '?', ':', ';',
    '%',
];
/// Characters that never end a line (kinsoku): opening brackets.
pub const NO_LINE_END: &[char] = &[
    '（', '「', '『', '【', '〔', '〈', '《', '［', '｛', '〘', '〖', '‘', '“', '(', '[', '{',
];

/// Slack for comparing accumulated float positions (pt).
const EPS: f32 = 0.01;

/// Text widths, from the font the PDF embeds.
pub trait Measure {
    /// The advance width of `text` set at `size` points, in points.
    fn width(&self, text: &str, size: f32) -> f32;

    /// The advance width of one character at `size` points. Wrapping measures character by
    /// character with this; a line's width is the sum of its characters' widths, so
    /// [`Measure::width`] must be that sum too (no kerning).
    fn char_width(&self, c: char, size: f32) -> f32 {
        let mut buf = [0u8; 4];
        self.width(c.encode_utf8(&mut buf), size)
    }
}

/// A fill's colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shade {
    /// Table headings and field labels (light grey).
    Heading,
    /// A changed/added/removed value (light yellow, as on screen; the mark's words say it
    /// too).
    Marked,
}

/// Something placed on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// One line of text, left end at `x`, baseline at `y`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
    },
    /// A straight rule.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    /// A filled rectangle (drawn before the text over it).
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        shade: Shade,
    },
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The page's width in points ([`page_size`]).
    pub width: f32,
    /// The page's height in points.
    pub height: f32,
    /// In drawing order: fills first where they lie under text. The page heading's items come
    /// first (the same on every page), the footer 「n / N」 is the last item.
    pub items: Vec<Item>,
}

/// The page's width and height in points.
pub fn page_size(orientation: Orientation) -> (f32, f32) {
    match orientation {
        Orientation::Portrait => (A4_SHORT, A4_LONG),
        Orientation::Landscape => (A4_LONG, A4_SHORT),
    }
}

/// The body text size for the orientation ([`BODY_SIZE_PORTRAIT`] or
/// [`BODY_SIZE_LANDSCAPE`]).
pub fn body_size(orientation: Orientation) -> f32 {
    match orientation {
        Orientation::Portrait => BODY_SIZE_PORTRAIT,
        Orientation::Landscape => BODY_SIZE_LANDSCAPE,
    }
}

/// The height of one line box of text at `size`.
pub fn line_height(size: f32) -> f32 {
    size * LINE_HEIGHT
}

/// The baseline of text at `size` in a line box whose top is at `top`: the em box
/// (ascent + descent = size) is centred in the line box.
pub fn baseline(top: f32, size: f32) -> f32 {
    top + (line_height(size) - size) / 2.0 + ASCENT * size
}

/// The width available to the body (between the side margins).
pub fn body_width(orientation: Orientation) -> f32 {
    page_size(orientation).0 - 2.0 * MARGIN_X
}

/// Where the body ends: nothing of the body is placed below this `y`.
pub fn body_bottom(orientation: Orientation) -> f32 {
    page_size(orientation).1 - MARGIN_BOTTOM
}

/// Where the body starts, below the page heading (the same on every page of `doc`). With a
/// one-line bank name, title and operator it is
/// `MARGIN_TOP + 2 × SMALL_SIZE × LINE_HEIGHT + TITLE_SIZE × LINE_HEIGHT + HEADER_RULE_GAP +
/// HEADER_BODY_GAP`.
pub fn body_top(doc: &Document, measure: &dyn Measure) -> f32 {
    page_heading(doc, measure).1
}

/// The number of pages `doc` lays out on (what the PDF will have).
pub fn page_count(doc: &Document, measure: &dyn Measure) -> usize {
    layout(doc, measure).len()
}

/// Column widths for `weights` over `total` points: proportional to the weights, but none
/// narrower than `min` (the others share what is left, proportionally). Weights that are not
/// positive numbers count as 0. If `min` does not fit that many times, the columns are equal.
/// The widths add up to `total`.
pub fn column_widths(weights: &[f32], total: f32, min: f32) -> Vec<f32> {
    let n = weights.len();
    if n == 0 {
        return Vec::new();
    }
    if min * n as f32 >= total {
        return vec![total / n as f32; n];
    }
    let weights: Vec<f32> = weights
        .iter()
        .map(|&w| if w.is_finite() && w > 0.0 { w } else { 0.0 })
        .collect();
    let mut fixed = vec![false; n];
    loop {
        let fixed_count = fixed.iter().filter(|&&f| f).count();
        let free = total - min * fixed_count as f32;
        let open = n - fixed_count;
        let sum: f32 = (0..n).filter(|&i| !fixed[i]).map(|i| weights[i]).sum();
        let share = |i: usize| {
            if sum > 0.0 {
                free * weights[i] / sum
            } else {
                free / open as f32
            }
        };
        let mut changed = false;
        for (i, f) in fixed.iter_mut().enumerate() {
            if !*f && share(i) < min {
                *f = true;
                changed = true;
            }
        }
        if !changed {
            return (0..n)
                .map(|i| if fixed[i] { min } else { share(i) })
                .collect();
        }
    }
}

/// `text` wrapped to lines no wider than `max_width` at `size`.
///
/// Breaks at every `'\n'`; otherwise between any two characters, except inside a run of
/// ASCII characters (a word, a number, a login ID), which breaks after a space when one is on
/// the line, and at any character when none is. Simple kinsoku: a line does not start with
/// [`NO_LINE_START`] nor end with [`NO_LINE_END`] (unless a line holds nothing else).
/// Spaces at a break are dropped. Empty text gives one empty line. Only a single character
/// wider than `max_width` can make a line wider than it.
pub fn wrap(text: &str, max_width: f32, size: f32, measure: &dyn Measure) -> Vec<String> {
    let mut out = Vec::new();
    wrap_into(text, max_width, size, measure, &mut out);
    out.into_iter().map(|l| l.text).collect()
}

/// Lay `doc` out on A4 pages (at least one).
pub fn layout(doc: &Document, measure: &dyn Measure) -> Vec<Page> {
    let mut w = Writer::new(doc, measure);
    for (i, block) in doc.blocks.iter().enumerate() {
        w.block(block, &doc.blocks[i + 1..]);
    }
    w.finish()
}

/// A wrapped line and its width.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    width: f32,
}

fn no_start(c: char) -> bool {
    NO_LINE_START.contains(&c)
}

fn no_end(c: char) -> bool {
    NO_LINE_END.contains(&c)
}

/// May a line break between `a` and `b`?
fn can_break(a: char, b: char) -> bool {
    if a == ' ' {
        return b != ' ';
    }
    if b == ' ' || no_start(b) || no_end(a) {
        return false;
    }
    !(a.is_ascii_graphic() && b.is_ascii_graphic())
}

fn wrap_into(text: &str, max: f32, size: f32, m: &dyn Measure, out: &mut Vec<Line>) {
    let mut chars: Vec<(char, f32)> = Vec::new();
    for hard in text.split('\n') {
        if let Some(line) = fits_as_is(hard, max, size, m) {
            out.push(line);
            continue;
        }
        chars.clear();
        for c in hard.chars() {
            let c = if c == '\t' { ' ' } else { c };
            if c.is_control() {
                continue;
            }
            chars.push((c, m.char_width(c, size)));
        }
        wrap_hard_line(&chars, max, out);
    }
}

/// The common case, without collecting characters: `hard` (no `'\n'`) as one line, if it
/// needs no wrapping and has nothing to drop but trailing spaces.
fn fits_as_is(hard: &str, max: f32, size: f32, m: &dyn Measure) -> Option<Line> {
    let mut w = 0.0;
    let mut ink_w = 0.0;
    let mut ink_end = 0;
    for (i, c) in hard.char_indices() {
        if c.is_control() {
            return None;
        }
        let cw = m.char_width(c, size);
        if c != ' ' {
            if i > 0 && w + cw > max {
                return None;
            }
            ink_w = w + cw;
            ink_end = i + c.len_utf8();
        }
        w += cw;
    }
    Some(Line {
        text: hard[..ink_end].to_owned(),
        width: ink_w,
    })
}

fn push_line(chars: &[(char, f32)], out: &mut Vec<Line>) {
    let mut end = chars.len();
    while end > 0 && chars[end - 1].0 == ' ' {
        end -= 1;
    }
    let part = &chars[..end];
    out.push(Line {
        text: part.iter().map(|&(c, _)| c).collect(),
        width: part.iter().fold(0.0, |w, &(_, cw)| w + cw),
    });
}

fn wrap_hard_line(chars: &[(char, f32)], max: f32, out: &mut Vec<Line>) {
    if chars.is_empty() {
        out.push(Line {
            text: String::new(),
            width: 0.0,
        });
        return;
    }
    let mut start = 0;
    while start < chars.len() {
        let mut w = 0.0;
        let mut i = start;
        // The last place the line may break, and whether anything but spaces comes before it.
        let mut opp = None;
        let mut seen_ink = false;
        let mut overflow = false;
        while i < chars.len() {
            let (c, cw) = chars[i];
            if i > start && can_break(chars[i - 1].0, c) && seen_ink {
                opp = Some(i);
            }
            // Spaces may hang past the edge: they are dropped at the break.
            if i > start && c != ' ' && w + cw > max {
                overflow = true;
                break;
            }
            seen_ink |= c != ' ';
            w += cw;
            i += 1;
        }
        if !overflow {
            push_line(&chars[start..], out);
            return;
        }
        let brk = match opp {
            Some(p) => p,
            None => {
                // No allowed break on the line: break before the character that does not
                // fit, one earlier if that would start a line with 「。」 or end one with 「（」.
                if i - start >= 2 && (no_start(chars[i].0) || no_end(chars[i - 1].0)) {
                    i - 1
                } else {
                    i
                }
            }
        };
        push_line(&chars[start..brk], out);
        start = brk;
        while start < chars.len() && chars[start].0 == ' ' {
            start += 1;
        }
    }
}

/// Wrap each of `texts` within `max` and concatenate the lines.
fn wrap_all<S: AsRef<str>>(texts: &[S], max: f32, size: f32, m: &dyn Measure) -> Vec<Line> {
    let mut out = Vec::new();
    for t in texts {
        wrap_into(t.as_ref(), max, size, m, &mut out);
    }
    out
}

/// The page heading's items and where the body starts.
fn page_heading(doc: &Document, m: &dyn Measure) -> (Vec<Item>, f32) {
    let (width, _) = page_size(doc.orientation);
    let left = MARGIN_X;
    let right = width - MARGIN_X;
    let avail = right - left;
    let mut items = Vec::new();
    let text = |items: &mut Vec<Item>, x: f32, top: f32, size: f32, t: String| {
        if !t.is_empty() {
            items.push(Item::Text {
                x,
                y: baseline(top, size),
                size,
                text: t,
            });
        }
    };
    let small_lh = line_height(SMALL_SIZE);
    let mut y = MARGIN_TOP;

    // Line 1: bank name left, 印刷日時 right (stacked if they cannot share the line).
    let printed = wrap_all(
        &[format!("印刷日時：{}", doc.printed_at)],
        avail,
        SMALL_SIZE,
        m,
    );
    let printed_w = printed.iter().fold(0.0f32, |a, l| a.max(l.width));
    let left_room = avail - printed_w - LEFT_RIGHT_GAP;
    let side_by_side = left_room >= avail / 3.0;
    let bank = wrap_all(
        &[doc.bank.as_str()],
        if side_by_side { left_room } else { avail },
        SMALL_SIZE,
        m,
    );
    for (k, l) in bank.iter().enumerate() {
        text(
            &mut items,
            left,
            y + k as f32 * small_lh,
            SMALL_SIZE,
            l.text.clone(),
        );
    }
    if !side_by_side {
        y += bank.len() as f32 * small_lh;
    }
    for (k, l) in printed.iter().enumerate() {
        let x = (right - l.width).max(left);
        text(
            &mut items,
            x,
            y + k as f32 * small_lh,
            SMALL_SIZE,
            l.text.clone(),
        );
    }
    y += if side_by_side {
        bank.len().max(printed.len())
    } else {
        printed.len()
    } as f32
        * small_lh;

    // Line 2: the title, then 「［screen ID］」 small on the same baseline if it fits.
    let title_lh = line_height(TITLE_SIZE);
    let title = wrap_all(&[doc.title.as_str()], avail, TITLE_SIZE, m);
    let mut title_baseline = baseline(y, TITLE_SIZE);
    for l in &title {
        title_baseline = baseline(y, TITLE_SIZE);
        text(&mut items, left, y, TITLE_SIZE, l.text.clone());
        y += title_lh;
    }
    if !doc.screen_id.trim().is_empty() {
        let id = format!("［{}］", doc.screen_id.trim());
        let id_lines = wrap_all(&[id.as_str()], avail, SMALL_SIZE, m);
        let last_w = title.last().map_or(0.0, |l| l.width);
        let id_w = id_lines.first().map_or(0.0, |l| l.width);
        if id_lines.len() == 1 && last_w + SCREEN_ID_GAP + id_w <= avail {
            let x = if last_w > 0.0 {
                left + last_w + SCREEN_ID_GAP
            } else {
                left
            };
            items.push(Item::Text {
                x,
                y: title_baseline,
                size: SMALL_SIZE,
                text: id,
            });
        } else {
            for l in id_lines {
                text(&mut items, left, y, SMALL_SIZE, l.text);
                y += small_lh;
            }
        }
    }

    // Line 3: 操作者, right-aligned.
    let operator = wrap_all(&[format!("操作者：{}", doc.operator)], avail, SMALL_SIZE, m);
    for l in operator {
        let x = (right - l.width).max(left);
        text(&mut items, x, y, SMALL_SIZE, l.text);
        y += small_lh;
    }

    y += HEADER_RULE_GAP;
    items.push(Item::Line {
        x1: left,
        y1: y,
        x2: right,
        y2: y,
        width: HEADER_RULE_WIDTH,
    });
    y += HEADER_BODY_GAP;
    (items, y)
}

/// A table cell's wrapped lines.
#[derive(Clone)]
struct CellBox {
    lines: Vec<Line>,
    shade: Option<Shade>,
    align: Align,
}

/// A table row, wrapped.
#[derive(Clone)]
struct RowBox {
    cells: Vec<CellBox>,
    /// The most lines of any cell (at least 1).
    lines: usize,
}

impl RowBox {
    fn new(cells: Vec<CellBox>) -> RowBox {
        let lines = cells
            .iter()
            .map(|c| c.lines.len())
            .max()
            .unwrap_or(1)
            .max(1);
        RowBox { cells, lines }
    }

    fn height(&self, lh: f32) -> f32 {
        self.lines as f32 * lh + 2.0 * PAD_Y
    }
}

/// A bordered table's column edges (`columns + 1` x positions) and its heading row, if any.
struct Grid {
    xs: Vec<f32>,
    heading: Option<RowBox>,
}

impl Grid {
    fn inner(&self, col: usize) -> f32 {
        self.xs[col + 1] - self.xs[col] - 2.0 * PAD_X
    }
}

fn edges(widths: &[f32], left: f32, right: f32) -> Vec<f32> {
    let mut xs = Vec::with_capacity(widths.len() + 1);
    let mut x = left;
    xs.push(x);
    for (i, w) in widths.iter().enumerate() {
        x = if i + 1 == widths.len() { right } else { x + w };
        xs.push(x);
    }
    xs
}

/// A table being closed on the current page: its borders are drawn when it ends there.
struct Frame {
    top: f32,
    bottom: f32,
    xs: Vec<f32>,
}

struct Writer<'m> {
    m: &'m dyn Measure,
    width: f32,
    height: f32,
    size: f32,
    lh: f32,
    top: f32,
    bottom: f32,
    header: Vec<Item>,
    pages: Vec<Page>,
    current: Vec<Item>,
    y: f32,
    /// Nothing of the body is on the current page yet.
    at_top: bool,
    /// The last thing placed is a section heading: what follows starts on this page.
    keep: bool,
    frame: Option<Frame>,
}

impl<'m> Writer<'m> {
    fn new(doc: &Document, m: &'m dyn Measure) -> Writer<'m> {
        let (width, height) = page_size(doc.orientation);
        let (header, top) = page_heading(doc, m);
        let size = body_size(doc.orientation);
        Writer {
            m,
            width,
            height,
            size,
            lh: line_height(size),
            top,
            bottom: height - MARGIN_BOTTOM,
            current: header.clone(),
            header,
            pages: Vec::new(),
            y: top,
            at_top: true,
            keep: false,
            frame: None,
        }
    }

    fn body_height(&self) -> f32 {
        self.bottom - self.top
    }

    fn left(&self) -> f32 {
        MARGIN_X
    }

    fn right(&self) -> f32 {
        self.width - MARGIN_X
    }

    fn fits(&self, h: f32) -> bool {
        self.y + h <= self.bottom + EPS
    }

    fn new_page(&mut self) {
        self.close_frame();
        let items = std::mem::replace(&mut self.current, self.header.clone());
        self.pages.push(Page {
            width: self.width,
            height: self.height,
            items,
        });
        self.y = self.top;
        self.at_top = true;
        self.keep = false;
    }

    fn finish(mut self) -> Vec<Page> {
        self.close_frame();
        let items = std::mem::take(&mut self.current);
        self.pages.push(Page {
            width: self.width,
            height: self.height,
            items,
        });
        let total = self.pages.len();
        let y = self.height - FOOTER_BASELINE_FROM_BOTTOM;
        for (i, page) in self.pages.iter_mut().enumerate() {
            let text = format!("{} / {}", i + 1, total);
            let w = self.m.width(&text, SMALL_SIZE);
            page.items.push(Item::Text {
                x: (self.width - w) / 2.0,
                y,
                size: SMALL_SIZE,
                text,
            });
        }
        self.pages
    }

    /// A line of text whose line box (at `size`) starts at `top`.
    fn text(&mut self, x: f32, top: f32, size: f32, text: &str) {
        if !text.is_empty() {
            self.current.push(Item::Text {
                x,
                y: baseline(top, size),
                size,
                text: text.to_owned(),
            });
        }
        self.at_top = false;
        self.keep = false;
    }

    fn block(&mut self, block: &Block, rest: &[Block]) {
        let gap = if self.at_top || self.keep {
            0.0
        } else if matches!(block, Block::Heading(_)) {
            HEADING_SPACE_ABOVE
        } else {
            BLOCK_SPACE
        };
        match block {
            Block::Heading(text) => self.heading(text, rest, gap),
            Block::Paragraph(text) => self.paragraph(text, gap),
            Block::Fields(fields) => {
                let grid = self.fields_grid();
                let m = self.m;
                let size = self.size;
                self.grid(
                    &grid,
                    fields.len(),
                    |i| field_row(&grid, &fields[i], size, m),
                    gap,
                );
            }
            Block::Table(table) => {
                if table.columns.is_empty() {
                    return;
                }
                let grid = self.table_grid(&table.columns);
                let m = self.m;
                let size = self.size;
                let columns = &table.columns;
                self.grid(
                    &grid,
                    table.rows.len(),
                    |i| table_row(&grid, columns, &table.rows[i], size, m),
                    gap,
                );
            }
        }
    }

    fn heading_lines(&self, text: &str) -> Vec<Line> {
        wrap_all(&[text], self.right() - self.left(), HEADING_SIZE, self.m)
    }

    fn heading_height(lines: usize) -> f32 {
        lines as f32 * line_height(HEADING_SIZE) + HEADING_RULE_GAP + HEADING_SPACE_BELOW
    }

    fn heading(&mut self, text: &str, rest: &[Block], mut gap: f32) {
        let lines = self.heading_lines(text);
        let own = Self::heading_height(lines.len());
        let need = own + self.lead(rest, self.body_height() - own);
        if !self.at_top && !self.keep && !self.fits(gap + need) {
            self.new_page();
            gap = 0.0;
        }
        self.y += gap;
        let hlh = line_height(HEADING_SIZE);
        for l in &lines {
            if !self.fits(hlh) && !self.at_top {
                self.new_page();
            }
            let (x, top) = (self.left(), self.y);
            self.text(x, top, HEADING_SIZE, &l.text);
            self.y += hlh;
        }
        if self.fits(HEADING_RULE_GAP) {
            let y = self.y + HEADING_RULE_GAP;
            self.current.push(Item::Line {
                x1: self.left(),
                y1: y,
                x2: self.right(),
                y2: y,
                width: HEADING_RULE_WIDTH,
            });
        }
        self.y += HEADING_RULE_GAP + HEADING_SPACE_BELOW;
        self.keep = true;
    }

    /// How much of `blocks` must fit on a page with a heading before it (the heading needs
    /// `budget` less than a whole page's body): the first line of a paragraph, the first row
    /// of fields or a table (with the table's heading row), or its first line if the whole
    /// row could not go with the heading anyway. Blocks that print nothing are skipped.
    fn lead(&self, blocks: &[Block], budget: f32) -> f32 {
        let Some((first, rest)) = blocks.split_first() else {
            return 0.0;
        };
        let min_row = self.lh + 2.0 * PAD_Y;
        match first {
            Block::Heading(text) => {
                let own = Self::heading_height(self.heading_lines(text).len());
                own + self.lead(rest, budget - own)
            }
            Block::Paragraph(text) => {
                if self.paragraph_lines(text).is_empty() {
                    self.lead(rest, budget)
                } else {
                    self.lh
                }
            }
            Block::Fields(fields) => match fields.first() {
                None => self.lead(rest, budget),
                Some(field) => {
                    let h =
                        field_row(&self.fields_grid(), field, self.size, self.m).height(self.lh);
                    if h <= budget + EPS {
                        h
                    } else {
                        min_row
                    }
                }
            },
            Block::Table(table) => {
                if table.columns.is_empty() {
                    return self.lead(rest, budget);
                }
                let grid = self.table_grid(&table.columns);
                let hh = grid.heading.as_ref().map_or(0.0, |h| h.height(self.lh));
                hh + match table.rows.first() {
                    None => 0.0,
                    Some(row) => {
                        let h = table_row(&grid, &table.columns, row, self.size, self.m)
                            .height(self.lh);
                        if hh + h <= budget + EPS {
                            h
                        } else {
                            min_row
                        }
                    }
                }
            }
        }
    }

    /// A paragraph's lines, without blank lines at either end.
    fn paragraph_lines(&self, text: &str) -> Vec<Line> {
        let mut lines = wrap_all(&[text], self.right() - self.left(), self.size, self.m);
        while lines.last().is_some_and(|l| l.text.is_empty()) {
            lines.pop();
        }
        let lead = lines.iter().take_while(|l| l.text.is_empty()).count();
        lines.drain(..lead);
        lines
    }

    fn paragraph(&mut self, text: &str, mut gap: f32) {
        for l in self.paragraph_lines(text) {
            if l.text.is_empty() {
                // A blank line is only space: dropped at a page break.
                if !self.at_top && self.fits(gap + self.lh) {
                    self.y += gap + self.lh;
                    gap = 0.0;
                }
                continue;
            }
            if !self.at_top && !self.fits(gap + self.lh) {
                self.new_page();
                gap = 0.0;
            }
            self.y += gap;
            gap = 0.0;
            let (x, top, size) = (self.left(), self.y, self.size);
            self.text(x, top, size, &l.text);
            self.y += self.lh;
        }
    }

    fn fields_grid(&self) -> Grid {
        let (left, right) = (self.left(), self.right());
        let widths = column_widths(
            &[FIELD_LABEL_SHARE, 1.0 - FIELD_LABEL_SHARE],
            right - left,
            self.min_column(),
        );
        Grid {
            xs: edges(&widths, left, right),
            heading: None,
        }
    }

    fn min_column(&self) -> f32 {
        2.0 * PAD_X + MIN_COLUMN_CHARS * self.size
    }

    fn table_grid(&self, columns: &[Column]) -> Grid {
        let (left, right) = (self.left(), self.right());
        let weights: Vec<f32> = columns.iter().map(|c| c.weight).collect();
        let widths = column_widths(&weights, right - left, self.min_column());
        let mut grid = Grid {
            xs: edges(&widths, left, right),
            heading: None,
        };
        let cells = columns
            .iter()
            .enumerate()
            .map(|(i, c)| CellBox {
                lines: wrap_all(&[c.title.as_str()], grid.inner(i), self.size, self.m),
                shade: Some(Shade::Heading),
                align: Align::Center,
            })
            .collect();
        grid.heading = Some(RowBox::new(cells));
        grid
    }

    /// Lay out `count` rows of a bordered table (`row(i)` wraps row `i`), with its heading
    /// row (if any) at the top of every page it is on.
    fn grid(&mut self, grid: &Grid, count: usize, mut row: impl FnMut(usize) -> RowBox, gap: f32) {
        let lh = self.lh;
        let hh = grid.heading.as_ref().map_or(0.0, |h| h.height(lh));
        let mut gap = gap;
        if count == 0 {
            if let Some(head) = &grid.heading {
                if !self.at_top && !self.fits(gap + hh) {
                    self.new_page();
                    gap = 0.0;
                }
                self.y += gap;
                self.segment(grid, &mut head.clone(), 0, head.lines);
                self.close_frame();
            }
            return;
        }
        for i in 0..count {
            let mut row = row(i);
            let h = row.height(lh);
            let head_h = if self.frame.is_none() { hh } else { 0.0 };
            if self.fits(gap + head_h + h) {
                self.y += gap;
                gap = 0.0;
                self.whole_row(grid, &mut row);
                continue;
            }
            if !self.at_top && !self.keep && hh + h <= self.body_height() + EPS {
                self.new_page();
                gap = 0.0;
                self.whole_row(grid, &mut row);
                continue;
            }
            // Taller than a page (or kept with its heading): split line by line.
            let mut k = 0;
            while k < row.lines {
                let head_h = if self.frame.is_none() { hh } else { 0.0 };
                let room = self.bottom - self.y - gap - head_h - 2.0 * PAD_Y;
                let mut n = if room > 0.0 {
                    ((room + EPS) / lh).floor() as usize
                } else {
                    0
                };
                n = n.min(row.lines - k);
                if n == 0 {
                    if self.at_top {
                        n = 1;
                    } else {
                        self.new_page();
                        gap = 0.0;
                        continue;
                    }
                }
                self.y += gap;
                gap = 0.0;
                if self.frame.is_none() {
                    if let Some(head) = &grid.heading {
                        self.segment(grid, &mut head.clone(), 0, head.lines);
                    }
                }
                self.segment(grid, &mut row, k, n);
                k += n;
                if k < row.lines {
                    self.new_page();
                }
            }
        }
        self.close_frame();
    }

    /// A row that fits here, after the heading row if the table is not on this page yet.
    fn whole_row(&mut self, grid: &Grid, row: &mut RowBox) {
        if self.frame.is_none() {
            if let Some(head) = &grid.heading {
                self.segment(grid, &mut head.clone(), 0, head.lines);
            }
        }
        let lines = row.lines;
        self.segment(grid, row, 0, lines);
    }

    /// Lines `from..from + n` of `row`, at the current `y`: fills, the top border, text.
    fn segment(&mut self, grid: &Grid, row: &mut RowBox, from: usize, n: usize) {
        let lh = self.lh;
        let h = n as f32 * lh + 2.0 * PAD_Y;
        let y0 = self.y;
        let xs = &grid.xs;
        let last = xs.len() - 1;
        match &mut self.frame {
            Some(f) => f.bottom = y0 + h,
            None => {
                self.frame = Some(Frame {
                    top: y0,
                    bottom: y0 + h,
                    xs: xs.clone(),
                })
            }
        }
        for (c, cell) in row.cells.iter().enumerate() {
            if let Some(shade) = cell.shade {
                self.current.push(Item::Fill {
                    x: xs[c],
                    y: y0,
                    w: xs[c + 1] - xs[c],
                    h,
                    shade,
                });
            }
        }
        self.current.push(Item::Line {
            x1: xs[0],
            y1: y0,
            x2: xs[last],
            y2: y0,
            width: BORDER_WIDTH,
        });
        let size = self.size;
        for (c, cell) in row.cells.iter_mut().enumerate() {
            let left = xs[c] + PAD_X;
            let right = xs[c + 1] - PAD_X;
            for (k, l) in cell.lines.iter_mut().enumerate().skip(from).take(n) {
                if l.text.is_empty() {
                    continue;
                }
                let x = match cell.align {
                    Align::Left => left,
                    Align::Right => (right - l.width).max(left),
                    Align::Center => (left + (right - left - l.width) / 2.0).max(left),
                };
                let top = y0 + PAD_Y + (k - from) as f32 * lh;
                self.current.push(Item::Text {
                    x,
                    y: baseline(top, size),
                    size,
                    // Each line is placed once: move it.
                    text: std::mem::take(&mut l.text),
                });
            }
        }
        self.y = y0 + h;
        self.at_top = false;
        self.keep = false;
    }

    /// Draw the open table's vertical borders and bottom border on this page.
    fn close_frame(&mut self) {
        if let Some(f) = self.frame.take() {
            for &x in &f.xs {
                self.current.push(Item::Line {
                    x1: x,
                    y1: f.top,
                    x2: x,
                    y2: f.bottom,
                    width: BORDER_WIDTH,
                });
            }
            if let (Some(&x1), Some(&x2)) = (f.xs.first(), f.xs.last()) {
                self.current.push(Item::Line {
                    x1,
                    y1: f.bottom,
                    x2,
                    y2: f.bottom,
                    width: BORDER_WIDTH,
                });
            }
        }
    }
}

/// A [`Block::Fields`] row: the label (grey) and the value with its mark's lines (yellow when
/// marked).
fn field_row(grid: &Grid, field: &Field, size: f32, m: &dyn Measure) -> RowBox {
    RowBox::new(vec![
        CellBox {
            lines: wrap_all(&[field.label.as_str()], grid.inner(0), size, m),
            shade: Some(Shade::Heading),
            align: Align::Left,
        },
        CellBox {
            lines: wrap_all(&field.value.lines(), grid.inner(1), size, m),
            shade: field.value.mark.as_ref().map(|_| Shade::Marked),
            align: Align::Left,
        },
    ])
}

/// A [`Block::Table`] row: one cell per column (missing cells empty, extra ones ignored);
/// a row added or removed as a whole (its first cell's mark) is yellow throughout.
fn table_row(
    grid: &Grid,
    columns: &[Column],
    cells: &[Cell],
    size: f32,
    m: &dyn Measure,
) -> RowBox {
    let whole = cells
        .first()
        .and_then(|c| c.mark.as_ref())
        .is_some_and(|mark| !matches!(mark, Mark::Changed { .. }));
    let boxes = columns
        .iter()
        .enumerate()
        .map(|(i, col)| {
            let cell = cells.get(i);
            let lines = match cell {
                Some(Cell { text, mark: None }) => wrap_all(&[text], grid.inner(i), size, m),
                Some(cell) => wrap_all(&cell.lines(), grid.inner(i), size, m),
                None => wrap_all(&[""], grid.inner(i), size, m),
            };
            let marked = whole || cell.is_some_and(|c| c.mark.is_some());
            CellBox {
                lines,
                shade: marked.then_some(Shade::Marked),
                align: col.align,
            }
        })
        .collect();
    RowBox::new(boxes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Table;
    use proptest::prelude::*;

    /// CJK (any non-ASCII) characters are `size` wide, ASCII ones half that.
    struct Fake;

    impl Measure for Fake {
        fn width(&self, text: &str, size: f32) -> f32 {
            text.chars().fold(0.0, |w, c| w + self.char_width(c, size))
        }

        fn char_width(&self, c: char, size: f32) -> f32 {
            if c.is_ascii() {
                0.5 * size
            } else {
                size
            }
        }
    }

    /// Only `width`: `char_width` is the trait's default.
    struct WidthOnly;

    impl Measure for WidthOnly {
        fn width(&self, text: &str, size: f32) -> f32 {
            Fake.width(text, size)
        }
    }

    const TOL: f32 = 0.02;

    fn doc(orientation: Orientation, blocks: Vec<Block>) -> Document {
        Document {
            bank: "みなと銀行".into(),
            title: "利用者登録結果".into(),
            screen_id: "BRSK010".into(),
            operator: "master01（山田　太郎）".into(),
            printed_at: "2026年11月21日 10時00分00秒".into(),
            orientation,
            blocks,
        }
    }

    /// `(x, baseline, size, text)` of every text on the page.
    fn texts(page: &Page) -> Vec<(f32, f32, f32, &str)> {
        page.items
            .iter()
            .filter_map(|i| match i {
                Item::Text { x, y, size, text } => Some((*x, *y, *size, text.as_str())),
                _ => None,
            })
            .collect()
    }

    /// The items between the page heading and the footer.
    fn body<'a>(doc: &Document, page: &'a Page) -> &'a [Item] {
        let header = page_heading(doc, &Fake).0.len();
        &page.items[header..page.items.len() - 1]
    }

    fn body_texts<'a>(doc: &Document, page: &'a Page) -> Vec<(f32, f32, f32, &'a str)> {
        body(doc, page)
            .iter()
            .filter_map(|i| match i {
                Item::Text { x, y, size, text } => Some((*x, *y, *size, text.as_str())),
                _ => None,
            })
            .collect()
    }

    fn find(pages: &[Page], text: &str) -> Vec<(usize, f32, f32, f32)> {
        pages
            .iter()
            .enumerate()
            .flat_map(|(p, page)| {
                texts(page)
                    .into_iter()
                    .filter(move |t| t.3 == text)
                    .map(move |(x, y, size, _)| (p, x, y, size))
            })
            .collect()
    }

    fn lines_para(prefix: &str, n: usize) -> String {
        (1..=n)
            .map(|i| format!("{prefix}{i}"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    // ---- wrapping ----

    #[test]
    fn wrap_breaks_japanese_at_any_character() {
        assert_eq!(
            wrap("あいうえおかきくけこさ", 50.0, 10.0, &Fake),
            ["あいうえお", "かきくけこ", "さ"]
        );
    }

    #[test]
    fn wrap_honours_newlines_and_empty_text() {
        assert_eq!(wrap("あ\n\nい", 100.0, 10.0, &Fake), ["あ", "", "い"]);
        assert_eq!(wrap("あ\r\nい", 100.0, 10.0, &Fake), ["あ", "い"]);
        assert_eq!(wrap("", 100.0, 10.0, &Fake), [""]);
    }

    #[test]
    fn wrap_prefers_spaces_between_ascii_words() {
        assert_eq!(
            wrap("alpha beta gamma", 60.0, 10.0, &Fake),
            ["alpha beta", "gamma"]
        );
        // Several spaces at a break are dropped, not carried to the next line.
        assert_eq!(
            wrap("alpha beta    gamma", 60.0, 10.0, &Fake),
            ["alpha beta", "gamma"]
        );
    }

    #[test]
    fn wrap_breaks_a_long_ascii_run_anywhere() {
        assert_eq!(
            wrap("abcdefghijklmnopqrstuvwxyz", 50.0, 10.0, &Fake),
            ["abcdefghij", "klmnopqrst", "uvwxyz"]
        );
        assert_eq!(
            wrap("ID: averyveryverylongloginid", 50.0, 10.0, &Fake),
            ["ID:", "averyveryv", "erylonglog", "inid"]
        );
    }

    #[test]
    fn wrap_keeps_an_ascii_word_after_japanese_together() {
        assert_eq!(
            wrap("ログインIDはuser0001です", 90.0, 10.0, &Fake),
            ["ログインIDは", "user0001です"]
        );
    }

    #[test]
    fn wrap_does_not_start_a_line_with_closing_punctuation() {
        assert_eq!(
            wrap("あいうえお。かき", 50.0, 10.0, &Fake),
            ["あいうえ", "お。かき"]
        );
        assert_eq!(
            wrap("あいうえおー」かき", 50.0, 10.0, &Fake),
            ["あいうえ", "おー」かき"]
        );
    }

    #[test]
    fn wrap_does_not_end_a_line_with_an_opening_bracket() {
        assert_eq!(
            wrap("あいう「えお」", 40.0, 10.0, &Fake),
            ["あいう", "「えお」"]
        );
        assert_eq!(
            wrap("山田（太郎）", 30.0, 10.0, &Fake),
            ["山田", "（太", "郎）"]
        );
    }

    #[test]
    fn wrap_forces_a_break_when_nothing_else_is_allowed() {
        // Only closing punctuation: it must still wrap, one character at a time at worst.
        let lines = wrap("。。。。。。。", 30.0, 10.0, &Fake);
        assert_eq!(lines.concat(), "。。。。。。。");
        assert!(lines.iter().all(|l| Fake.width(l, 10.0) <= 30.0));
        // A character wider than the box still goes somewhere.
        assert_eq!(wrap("あい", 5.0, 10.0, &Fake), ["あ", "い"]);
    }

    #[test]
    fn default_char_width_uses_width() {
        assert_eq!(WidthOnly.char_width('あ', 9.0), 9.0);
        assert_eq!(WidthOnly.char_width('a', 9.0), 4.5);
        assert_eq!(
            wrap("abc def あいう", 30.0, 10.0, &WidthOnly),
            wrap("abc def あいう", 30.0, 10.0, &Fake)
        );
    }

    // ---- columns ----

    #[test]
    fn column_widths_are_proportional_with_a_minimum() {
        assert_eq!(column_widths(&[1.0, 3.0], 400.0, 10.0), [100.0, 300.0]);
        assert_eq!(
            column_widths(&[0.01, 1.0, 1.0], 300.0, 50.0),
            [50.0, 125.0, 125.0]
        );
        assert_eq!(
            column_widths(&[f32::NAN, -1.0, 2.0], 300.0, 30.0),
            [30.0, 30.0, 240.0]
        );
        assert_eq!(column_widths(&[0.0, 0.0], 300.0, 30.0), [150.0, 150.0]);
        assert_eq!(column_widths(&[1.0, 9.0], 50.0, 30.0), [25.0, 25.0]);
        assert!(column_widths(&[], 300.0, 30.0).is_empty());
    }

    // ---- the page ----

    #[test]
    fn page_sizes_are_a4() {
        assert_eq!(page_size(Orientation::Portrait), (595.28, 841.89));
        assert_eq!(page_size(Orientation::Landscape), (841.89, 595.28));
        let pages = layout(&doc(Orientation::Landscape, vec![]), &Fake);
        assert_eq!((pages[0].width, pages[0].height), (A4_LONG, A4_SHORT));
    }

    #[test]
    fn empty_document_has_one_page_with_heading_and_footer() {
        let d = doc(Orientation::Portrait, vec![]);
        let pages = layout(&d, &Fake);
        assert_eq!(pages.len(), 1);
        assert_eq!(page_count(&d, &Fake), 1);
        assert!(body(&d, &pages[0]).is_empty());
        assert_eq!(texts(&pages[0]).last().map(|t| t.3), Some("1 / 1"));
    }

    #[test]
    fn every_page_has_the_page_heading_and_n_of_n() {
        let d = doc(
            Orientation::Portrait,
            vec![Block::Paragraph(lines_para("行", 150))],
        );
        let pages = layout(&d, &Fake);
        assert_eq!(pages.len(), 3);
        let right = A4_SHORT - MARGIN_X;
        for (i, page) in pages.iter().enumerate() {
            let t = texts(page);
            let get = |s: &str| t.iter().find(|x| x.3 == s).copied();
            let bank = get("みなと銀行").expect("bank");
            assert_eq!((bank.0, bank.2), (MARGIN_X, SMALL_SIZE));
            let printed = get("印刷日時：2026年11月21日 10時00分00秒").expect("printed");
            assert!((printed.0 + Fake.width(printed.3, SMALL_SIZE) - right).abs() < TOL);
            assert_eq!(printed.1, bank.1, "same line");
            let title = get("利用者登録結果").expect("title");
            assert_eq!((title.0, title.2), (MARGIN_X, TITLE_SIZE));
            assert!(title.1 > bank.1);
            let id = get("［BRSK010］").expect("screen id");
            assert_eq!(id.2, SMALL_SIZE);
            assert_eq!(id.1, title.1, "on the title's baseline");
            assert!(id.0 >= title.0 + Fake.width(title.3, TITLE_SIZE));
            let op = get("操作者：master01（山田　太郎）").expect("operator");
            assert!((op.0 + Fake.width(op.3, SMALL_SIZE) - right).abs() < TOL);
            assert!(op.1 > title.1);
            // The footer, centred, last.
            let Some(Item::Text { x, y, size, text }) = page.items.last() else {
                panic!("footer last");
            };
            assert_eq!(text, &format!("{} / 3", i + 1));
            assert_eq!(*size, SMALL_SIZE);
            assert!((x + Fake.width(text, SMALL_SIZE) / 2.0 - A4_SHORT / 2.0).abs() < TOL);
            assert_eq!(*y, A4_LONG - FOOTER_BASELINE_FROM_BOTTOM);
            // The same heading on every page.
            assert_eq!(page.items[..5], pages[0].items[..5]);
        }
        // Lines 1..150 in order, each once.
        let body: Vec<String> = pages
            .iter()
            .flat_map(|p| body_texts(&d, p).into_iter().map(|t| t.3.to_owned()))
            .collect();
        assert_eq!(
            body,
            (1..=150).map(|i| format!("行{i}")).collect::<Vec<_>>()
        );
    }

    #[test]
    fn body_top_is_below_the_three_heading_lines_and_the_rule() {
        let d = doc(Orientation::Portrait, vec![]);
        let expected = MARGIN_TOP
            + 2.0 * SMALL_SIZE * LINE_HEIGHT
            + TITLE_SIZE * LINE_HEIGHT
            + HEADER_RULE_GAP
            + HEADER_BODY_GAP;
        assert!((body_top(&d, &Fake) - expected).abs() < 1e-3);
        assert!((expected - 93.95).abs() < 1e-3);
    }

    #[test]
    fn a_long_page_heading_wraps_within_the_margins() {
        let mut d = doc(Orientation::Portrait, vec![]);
        d.bank = "とても長い銀行名".repeat(10);
        d.title = "長いタイトル".repeat(12);
        d.operator = "x".repeat(300);
        let pages = layout(&d, &Fake);
        for (x, _, size, text) in texts(&pages[0]) {
            assert!(x >= MARGIN_X - TOL);
            assert!(
                x + Fake.width(text, size) <= A4_SHORT - MARGIN_X + TOL,
                "{text}"
            );
        }
        assert!(body_top(&d, &Fake) > 93.95 + 3.0 * line_height(SMALL_SIZE));
    }

    // ---- blocks ----

    #[test]
    fn fields_are_a_bordered_two_column_table() {
        let d = doc(
            Orientation::Portrait,
            vec![Block::Fields(vec![
                Field::new("ログインID", Cell::plain("user0001")),
                Field::new(
                    "利用者名",
                    Cell::marked(
                        "山田　花子",
                        Some(Mark::Changed {
                            before: "山田　太郎".into(),
                        }),
                    ),
                ),
            ])],
        );
        let pages = layout(&d, &Fake);
        let items = body(&d, &pages[0]);
        let top = body_top(&d, &Fake);
        let width = A4_SHORT - 2.0 * MARGIN_X;
        let label_w = width * FIELD_LABEL_SHARE;
        let row1 = line_height(BODY_SIZE_PORTRAIT) + 2.0 * PAD_Y;
        let row2 = 2.0 * line_height(BODY_SIZE_PORTRAIT) + 2.0 * PAD_Y;
        let fills: Vec<_> = items
            .iter()
            .filter_map(|i| match i {
                Item::Fill { x, y, w, h, shade } => Some((*x, *y, *w, *h, *shade)),
                _ => None,
            })
            .collect();
        assert_eq!(fills.len(), 3);
        let near = |a: f32, b: f32| (a - b).abs() < TOL;
        assert!(near(fills[0].0, MARGIN_X) && near(fills[0].1, top) && near(fills[0].2, label_w));
        assert!(near(fills[0].3, row1) && fills[0].4 == Shade::Heading);
        assert!(near(fills[1].1, top + row1) && near(fills[1].3, row2));
        assert_eq!(fills[1].4, Shade::Heading);
        assert!(near(fills[2].0, MARGIN_X + label_w) && near(fills[2].1, top + row1));
        assert!(near(fills[2].2, width - label_w) && fills[2].4 == Shade::Marked);
        let t = body_texts(&d, &pages[0]);
        let names: Vec<&str> = t.iter().map(|x| x.3).collect();
        assert_eq!(
            names,
            [
                "ログインID",
                "user0001",
                "利用者名",
                "山田　花子 ［変更］",
                "変更前：山田　太郎"
            ]
        );
        assert!(near(t[1].0, MARGIN_X + label_w + PAD_X));
        assert!(near(t[4].1 - t[3].1, line_height(BODY_SIZE_PORTRAIT)));
        // Borders: three horizontal rules and three verticals spanning both rows.
        let verticals = items
            .iter()
            .filter(|i| matches!(i, Item::Line { x1, x2, y1, y2, .. } if x1 == x2 && near(*y1, top) && near(*y2, top + row1 + row2)))
            .count();
        assert_eq!(verticals, 3);
        let horizontals = items
            .iter()
            .filter(|i| matches!(i, Item::Line { y1, y2, .. } if y1 == y2))
            .count();
        assert_eq!(horizontals, 3);
    }

    #[test]
    fn table_heading_repeats_on_every_page_and_alignment_is_honoured() {
        let rows: Vec<Vec<Cell>> = (1..=120)
            .map(|i| {
                vec![
                    Cell::plain(i.to_string()),
                    Cell::plain(format!("{}円", i * 1000)),
                    Cell::plain("中"),
                ]
            })
            .collect();
        let d = doc(
            Orientation::Portrait,
            vec![Block::Table(Table {
                columns: vec![
                    Column::new("No.", 1.0, Align::Right),
                    Column::new("金額", 2.0, Align::Right),
                    Column::new("区分", 1.0, Align::Center),
                ],
                rows,
            })],
        );
        let pages = layout(&d, &Fake);
        assert!(pages.len() >= 3);
        let width = A4_SHORT - 2.0 * MARGIN_X;
        let xs = [
            MARGIN_X,
            MARGIN_X + width / 4.0,
            MARGIN_X + width * 0.75,
            A4_SHORT - MARGIN_X,
        ];
        for page in &pages {
            let t = body_texts(&d, page);
            assert_eq!(t[0].3, "No.");
            assert_eq!(t[1].3, "金額");
            assert_eq!(t[2].3, "区分");
            // Headings centred.
            assert!((t[1].0 + Fake.width("金額", 9.0) / 2.0 - (xs[1] + xs[2]) / 2.0).abs() < TOL);
            let first_fill = body(&d, page).iter().find_map(|i| match i {
                Item::Fill { shade, .. } => Some(*shade),
                _ => None,
            });
            assert_eq!(first_fill, Some(Shade::Heading));
            for row in t[3..].chunks(3) {
                assert!((row[0].0 + Fake.width(row[0].3, 9.0) - (xs[1] - PAD_X)).abs() < TOL);
                assert!((row[1].0 + Fake.width(row[1].3, 9.0) - (xs[2] - PAD_X)).abs() < TOL);
                assert!(
                    (row[2].0 + Fake.width("中", 9.0) / 2.0 - (xs[2] + xs[3]) / 2.0).abs() < TOL
                );
            }
        }
        let numbers: Vec<String> = pages
            .iter()
            .flat_map(|p| {
                body_texts(&d, p)[3..]
                    .chunks(3)
                    .map(|r| r[0].3.to_owned())
                    .collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(
            numbers,
            (1..=120).map(|i| i.to_string()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_wholly_added_row_is_marked_throughout() {
        let d = doc(
            Orientation::Portrait,
            vec![Block::Table(Table {
                columns: vec![
                    Column::new("口座", 1.0, Align::Left),
                    Column::new("名義", 1.0, Align::Left),
                ],
                rows: vec![
                    vec![
                        Cell::marked("001", Some(Mark::Added)),
                        Cell::plain("ミナト"),
                    ],
                    vec![Cell::plain("002"), Cell::plain("ヤマダ")],
                ],
            })],
        );
        let pages = layout(&d, &Fake);
        let marked = body(&d, &pages[0])
            .iter()
            .filter(|i| {
                matches!(
                    i,
                    Item::Fill {
                        shade: Shade::Marked,
                        ..
                    }
                )
            })
            .count();
        assert_eq!(marked, 2);
        let t: Vec<&str> = body_texts(&d, &pages[0]).iter().map(|t| t.3).collect();
        assert_eq!(
            t,
            ["口座", "名義", "001 ［追加］", "ミナト", "002", "ヤマダ"]
        );
    }

    #[test]
    fn a_row_that_does_not_fit_moves_whole_to_the_next_page() {
        // 50 paragraph lines leave 707.94 − 50 × 13.05 = 55.44 pt: less than the 10-line row
        // (136.5 pt) that follows, which fits on an empty page.
        let d = doc(
            Orientation::Portrait,
            vec![
                Block::Paragraph(lines_para("行", 50)),
                Block::Fields(vec![Field::new("備考", Cell::plain(lines_para("値", 10)))]),
            ],
        );
        let pages = layout(&d, &Fake);
        assert_eq!(pages.len(), 2);
        assert_eq!(find(&pages, "備考")[0].0, 1);
        for i in 1..=10 {
            assert_eq!(find(&pages, &format!("値{i}"))[0].0, 1);
        }
        assert_eq!(find(&pages, "行50")[0].0, 0);
    }

    #[test]
    fn a_row_taller_than_a_page_is_split_line_by_line() {
        let d = doc(
            Orientation::Portrait,
            vec![
                Block::Paragraph("前文".into()),
                Block::Fields(vec![Field::new("備考", Cell::plain(lines_para("値", 130)))]),
            ],
        );
        let pages = layout(&d, &Fake);
        assert_eq!(pages.len(), 3);
        let bottom = body_bottom(Orientation::Portrait);
        let lh = line_height(BODY_SIZE_PORTRAIT);
        let mut seen = Vec::new();
        for (p, page) in pages.iter().enumerate() {
            let t = body_texts(&d, page);
            for x in &t {
                assert!(x.1 + DESCENT * x.2 <= bottom - PAD_Y + TOL);
            }
            seen.extend(
                t.iter()
                    .filter(|x| x.3.starts_with('値'))
                    .map(|x| x.3.to_owned()),
            );
            // Each page but the last is filled to within a line of the bottom.
            if p + 1 < pages.len() {
                let last = t.last().expect("text");
                let line_bottom = last.1 - baseline(0.0, BODY_SIZE_PORTRAIT) + lh;
                assert!(bottom - (line_bottom + PAD_Y) < lh);
            }
        }
        assert_eq!(
            seen,
            (1..=130).map(|i| format!("値{i}")).collect::<Vec<_>>()
        );
        // The split row starts on the first page, right after the paragraph.
        assert_eq!(find(&pages, "値1")[0].0, 0);
        assert_eq!(find(&pages, "備考").len(), 1);
    }

    #[test]
    fn a_heading_is_kept_with_the_next_block() {
        // Heading: 10 (space) + 15.95 (line) + 1.5 + 4 = 31.45 pt; the first field row 19.05.
        // 51 paragraph lines leave 707.94 − 665.55 = 42.39 pt: the heading alone would fit.
        let blocks = |lines: usize| {
            vec![
                Block::Paragraph(lines_para("行", lines)),
                Block::Heading("基本情報".into()),
                Block::Fields(vec![
                    Field::new("ログインID", Cell::plain("user0001")),
                    Field::new("利用者名", Cell::plain("山田　太郎")),
                ]),
            ]
        };
        let d = doc(Orientation::Portrait, blocks(51));
        let pages = layout(&d, &Fake);
        assert_eq!(pages.len(), 2);
        assert_eq!(
            find(&pages, "基本情報"),
            vec![(
                1,
                MARGIN_X,
                baseline(body_top(&d, &Fake), HEADING_SIZE),
                HEADING_SIZE
            )]
        );
        assert_eq!(find(&pages, "ログインID")[0].0, 1);
        assert_eq!(body_texts(&d, &pages[0]).last().map(|t| t.3), Some("行51"));
        // With 48 lines there is room for all of it (81.54 pt for 69.55).
        let d = doc(Orientation::Portrait, blocks(48));
        let pages = layout(&d, &Fake);
        assert_eq!(pages.len(), 1);
    }

    #[test]
    fn a_heading_is_kept_with_a_table_and_its_heading_row() {
        // Needs 31.45 + 19.05 (heading row) + 19.05 (first row) = 69.55 pt; 49 lines leave 68.49.
        let d = doc(
            Orientation::Portrait,
            vec![
                Block::Paragraph(lines_para("行", 49)),
                Block::Heading("口座".into()),
                Block::Table(Table {
                    columns: vec![Column::new("支店", 1.0, Align::Left)],
                    rows: vec![vec![Cell::plain("本店")]],
                }),
            ],
        );
        let pages = layout(&d, &Fake);
        assert_eq!(pages.len(), 2);
        assert_eq!(find(&pages, "口座")[0].0, 1);
        assert_eq!(find(&pages, "支店")[0].0, 1);
    }

    // ---- the 3,000-row history ----

    fn history_doc(n: usize) -> Document {
        let columns = vec![
            Column::new("No.", 0.6, Align::Right),
            Column::new("操作日時", 2.2, Align::Left),
            Column::new("ログインID", 1.2, Align::Left),
            Column::new("利用者名", 1.4, Align::Left),
            Column::new("業務", 1.4, Align::Left),
            Column::new("操作内容", 2.4, Align::Left),
            Column::new("結果", 0.8, Align::Center),
        ];
        let rows = (1..=n)
            .map(|i| {
                vec![
                    Cell::plain(i.to_string()),
                    Cell::plain("2026年11月21日 10時00分00秒"),
                    Cell::plain(format!("user{i:04}")),
                    Cell::plain("山田　太郎"),
                    Cell::plain("利用者管理"),
                    Cell::plain("利用者登録"),
                    Cell::plain("正常"),
                ]
            })
            .collect();
        let mut d = doc(
            Orientation::Landscape,
            vec![
                Block::Paragraph(format!("検索結果：{n}件")),
                Block::Table(Table { columns, rows }),
            ],
        );
        d.title = "操作履歴照会".into();
        d.screen_id = "BRSR001".into();
        d
    }

    #[test]
    fn history_of_3000_rows_paginates_as_the_geometry_says() {
        let d = history_doc(3000);
        let pages = layout(&d, &Fake);

        // By hand: landscape body text 8 pt, line 11.6 pt, a one-line row 17.6 pt.
        let lh = BODY_SIZE_LANDSCAPE * LINE_HEIGHT;
        let row = lh + 2.0 * PAD_Y;
        let top = MARGIN_TOP
            + 2.0 * SMALL_SIZE * LINE_HEIGHT
            + TITLE_SIZE * LINE_HEIGHT
            + HEADER_RULE_GAP
            + HEADER_BODY_GAP;
        let bottom = A4_SHORT - MARGIN_BOTTOM;
        // Page 1: the paragraph line, the block space, the heading row, then rows.
        let first = ((bottom - top - lh - BLOCK_SPACE - row) / row).floor() as usize;
        // Other pages: the heading row, then rows.
        let per_page = ((bottom - top - row) / row).floor() as usize;
        assert_eq!((first, per_page), (24, 25));
        let expected = (3000 - first).div_ceil(per_page) + 1;
        assert_eq!(expected, 121);
        assert_eq!(pages.len(), expected);
        assert_eq!(page_count(&d, &Fake), expected);

        let titles = [
            "No.",
            "操作日時",
            "ログインID",
            "利用者名",
            "業務",
            "操作内容",
            "結果",
        ];
        let mut numbers = Vec::new();
        for (p, page) in pages.iter().enumerate() {
            assert_eq!((page.width, page.height), (A4_LONG, A4_SHORT));
            let t = body_texts(&d, page);
            let t = if p == 0 {
                assert_eq!(t[0].3, "検索結果：3000件");
                &t[1..]
            } else {
                &t[..]
            };
            let heading: Vec<&str> = t[..7].iter().map(|x| x.3).collect();
            assert_eq!(heading, titles, "page {}", p + 1);
            let rows = t[7..].chunks(7);
            let expected_rows = if p == 0 {
                first
            } else if p + 1 < pages.len() {
                per_page
            } else {
                (3000 - first) - (pages.len() - 2) * per_page
            };
            assert_eq!(rows.len(), expected_rows, "page {}", p + 1);
            for r in rows {
                assert_eq!(r.len(), 7);
                assert_eq!(r[1].3, "2026年11月21日 10時00分00秒");
                assert_eq!(r[2].3, format!("user{:0>4}", r[0].3));
                numbers.push(r[0].3.parse::<usize>().expect("a row number"));
            }
            assert_eq!(
                texts(page).last().map(|x| x.3.to_owned()),
                Some(format!("{} / {}", p + 1, expected))
            );
        }
        assert_eq!(numbers, (1..=3000).collect::<Vec<_>>());
    }

    // ---- properties ----

    fn token() -> impl Strategy<Value = String> {
        prop_oneof![
            5 => prop::sample::select(vec![
                'あ', '漢', '字', '利', '用', '者', '山', '田', '　', 'ア', 'ッ', 'ー', '。', '、',
                '「', '」', '（', '）', '！', '？', '・', '円', '¥',
            ])
            .prop_map(String::from),
            2 => "[a-zA-Z0-9@._()-]{1,40}",
            1 => Just(" ".to_string()),
            1 => Just("\n".to_string()),
        ]
    }

    fn text(max_tokens: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(token(), 0..max_tokens).prop_map(|v| v.concat())
    }

    /// A column title as the SPA writes them: a few words, no line breaks.
    fn title() -> impl Strategy<Value = String> {
        prop_oneof!["[あ漢字利用者名円ー（）]{0,6}", "[a-zA-Z.]{1,8}",]
    }

    fn mark() -> impl Strategy<Value = Option<Mark>> {
        prop_oneof![
            3 => Just(None),
            1 => text(8).prop_map(|before| Some(Mark::Changed { before })),
            1 => Just(Some(Mark::Added)),
            1 => Just(Some(Mark::Removed { word: "削除".into() })),
        ]
    }

    fn cell() -> impl Strategy<Value = Cell> {
        (text(30), mark()).prop_map(|(t, m)| Cell::marked(t, m))
    }

    fn align() -> impl Strategy<Value = Align> {
        prop_oneof![Just(Align::Left), Just(Align::Right), Just(Align::Center)]
    }

    fn table() -> impl Strategy<Value = Table> {
        (1usize..8).prop_flat_map(|n| {
            (
                prop::collection::vec(
                    (title(), 0.1f32..5.0, align()).prop_map(|(t, w, a)| Column::new(t, w, a)),
                    n,
                ),
                prop::collection::vec(prop::collection::vec(cell(), 0..=n + 1), 0..20),
            )
                .prop_map(|(columns, rows)| Table { columns, rows })
        })
    }

    fn block() -> impl Strategy<Value = Block> {
        prop_oneof![
            2 => text(12).prop_map(Block::Heading),
            2 => text(200).prop_map(Block::Paragraph),
            2 => prop::collection::vec(
                (text(8), cell()).prop_map(|(l, c)| Field::new(l, c)),
                0..6
            )
            .prop_map(Block::Fields),
            1 => table().prop_map(Block::Table),
        ]
    }

    fn document() -> impl Strategy<Value = Document> {
        (
            prop_oneof![Just(Orientation::Portrait), Just(Orientation::Landscape)],
            text(20),
            text(30),
            "[A-Z0-9]{0,10}",
            text(20),
            text(15),
            prop::collection::vec(block(), 0..10),
        )
            .prop_map(
                |(orientation, bank, title, screen_id, operator, printed_at, blocks)| Document {
                    bank,
                    title,
                    screen_id,
                    operator,
                    printed_at,
                    orientation,
                    blocks,
                },
            )
    }

    /// Does `doc` print anything in its body?
    fn prints_something(doc: &Document) -> bool {
        doc.blocks.iter().any(|b| match b {
            Block::Heading(_) => true,
            Block::Paragraph(t) => !wrap(t, 1000.0, 9.0, &Fake).iter().all(|l| l.is_empty()),
            Block::Fields(f) => !f.is_empty(),
            Block::Table(t) => !t.columns.is_empty(),
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn text_never_leaves_its_box(d in document()) {
            let pages = layout(&d, &Fake);
            let (w, _) = page_size(d.orientation);
            let header = page_heading(&d, &Fake).0.len();
            for page in &pages {
                let verticals: Vec<(f32, f32, f32)> = page.items[header..page.items.len() - 1]
                    .iter()
                    .filter_map(|i| match i {
                        Item::Line { x1, y1, x2, y2, .. } if x1 == x2 => Some((*x1, *y1, *y2)),
                        _ => None,
                    })
                    .collect();
                for (i, item) in page.items.iter().enumerate() {
                    let Item::Text { x, y, size, text } = item else { continue };
                    prop_assert!(!text.is_empty());
                    let right_end = x + Fake.width(text, *size);
                    prop_assert!(*x >= MARGIN_X - TOL, "{text} at {x}");
                    prop_assert!(right_end <= w - MARGIN_X + TOL, "{text} ends at {right_end}");
                    // Inside a table: between the borders either side, less the padding.
                    if i < header || i + 1 == page.items.len() {
                        continue;
                    }
                    let edges: Vec<f32> = verticals
                        .iter()
                        .filter(|(_, y1, y2)| y1 <= y && y <= y2)
                        .map(|v| v.0)
                        .collect();
                    if edges.is_empty() {
                        continue;
                    }
                    let left = edges.iter().copied().filter(|e| *e <= *x).fold(f32::MIN, f32::max);
                    let right = edges.iter().copied().filter(|e| *e > *x).fold(f32::MAX, f32::min);
                    prop_assert!(*x >= left + PAD_X - TOL, "{text} at {x}, cell from {left}");
                    prop_assert!(right_end <= right - PAD_X + TOL, "{text} ends at {right_end}, cell to {right}");
                }
            }
        }

        #[test]
        fn nothing_is_placed_below_the_bottom_margin(d in document()) {
            let pages = layout(&d, &Fake);
            let (w, h) = page_size(d.orientation);
            let top = body_top(&d, &Fake);
            let bottom = body_bottom(d.orientation);
            let n = pages.len();
            let header = page_heading(&d, &Fake).0;
            for (p, page) in pages.iter().enumerate() {
                prop_assert_eq!((page.width, page.height), (w, h));
                prop_assert_eq!(&page.items[..header.len()], &header[..]);
                let footer = format!("{} / {}", p + 1, n);
                let is_footer = matches!(page.items.last(), Some(Item::Text { text, y, size, .. })
                    if *text == footer && y + DESCENT * size <= h - 12.0);
                prop_assert!(is_footer);
                let items = &page.items[header.len()..page.items.len() - 1];
                if items.is_empty() {
                    prop_assert_eq!(n, 1);
                    prop_assert!(!prints_something(&d));
                }
                for item in items {
                    let (y_min, y_max) = match item {
                        Item::Text { y, size, .. } => (y - ASCENT * size, y + DESCENT * size),
                        Item::Line { y1, y2, .. } => (y1.min(*y2), y1.max(*y2)),
                        Item::Fill { y, h, .. } => (*y, y + h),
                    };
                    prop_assert!(y_min >= top - TOL, "{item:?} above the body");
                    prop_assert!(y_max <= bottom + TOL, "{item:?} below the body");
                }
            }
        }

        #[test]
        fn a_heading_never_ends_a_page(d in document()) {
            let pages = layout(&d, &Fake);
            let header = page_heading(&d, &Fake).0.len();
            for page in &pages[..pages.len() - 1] {
                let last = page.items[header..page.items.len() - 1].iter().rev().find_map(|i| match i {
                    Item::Text { size, .. } => Some(*size),
                    _ => None,
                });
                prop_assert!(last != Some(HEADING_SIZE));
            }
        }

        #[test]
        fn wrapping_keeps_every_character_and_fits(t in text(120), max in 10.0f32..300.0) {
            let lines = wrap(&t, max, 10.0, &Fake);
            for l in &lines {
                prop_assert!(Fake.width(l, 10.0) <= max + 1e-3 || l.chars().count() == 1, "{l:?}");
                prop_assert!(!l.ends_with(' '));
            }
            let strip = |s: &str| s.chars().filter(|c| *c != ' ' && *c != '\n').collect::<String>();
            prop_assert_eq!(strip(&lines.concat()), strip(&t));
            prop_assert!(lines.len() > t.matches('\n').count());
        }
    }
}
