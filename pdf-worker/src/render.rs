//! Document → PDF bytes: [`kanri_print::layout`] places everything, this module only draws it
//! with krilla, in the one embedded font ([`LoadedFont`]), which krilla writes as a subset
//! with a ToUnicode map (so the text can be selected, searched and extracted).
//!
//! Characters map to glyphs one to one through the font's `cmap`, and each glyph advances by
//! its `hmtx` width ([`FontMetrics`]): no shaping, no kerning. That is what the layout
//! measures with too, so every line is exactly as wide in the PDF as the layout planned.

use std::sync::Arc;

use kanri_print::layout::{layout, Item, Measure, Page, Shade};
use kanri_print::model::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::SerializeSettings;
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

/// The fill of [`Shade::Heading`]: table headings and field labels (light grey, #e6e6e6).
pub const HEADING_FILL: (u8, u8, u8) = (0xe6, 0xe6, 0xe6);
/// The fill of [`Shade::Marked`]: changed, added or removed values (light yellow, #fff3b0).
pub const MARKED_FILL: (u8, u8, u8) = (0xff, 0xf3, 0xb0);
/// The PDF's creator and author: the service that made it, after the bank's name.
pub const SERVICE: &str = "法人インターネットバンキング";
/// Characters the font must have to be taken for the Japanese font the PDF needs: a digit, a
/// kana, a kanji and the full-width space (as in 「山田　太郎」).
const REQUIRED_CHARS: [char; 5] = ['1', 'あ', 'ア', '印', '　'];

/// Why a PDF could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RenderError {
    /// The font bytes are not a usable TrueType/OpenType font with Japanese glyphs.
    #[error("the font could not be read: {0}")]
    FontInvalid(String),
    /// A page's size was not a positive, finite size.
    #[error("invalid page size {width} x {height}")]
    PageSize {
        /// The page's width in points.
        width: f32,
        /// The page's height in points.
        height: f32,
    },
    /// krilla could not write the PDF (e.g. embedding the font failed).
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// A PDF file made by [`render`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedPdf {
    /// The file's bytes (`%PDF-…`).
    pub bytes: Vec<u8>,
    /// How many pages it has (what [`kanri_print::layout::page_count`] says).
    pub pages: u32,
}

/// The PDF's font, read and checked once ([`LoadedFont::new`]) and then used for any number
/// of documents (the worker keeps it in memory across requests).
#[derive(Clone)]
pub struct LoadedFont {
    data: Arc<Vec<u8>>,
    font: Font,
}

impl std::fmt::Debug for LoadedFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadedFont")
            .field("bytes", &self.data.len())
            .finish_non_exhaustive()
    }
}

impl LoadedFont {
    /// Read `bytes` as a font (the first face of a collection) and check that it has glyphs
    /// for Japanese text; [`RenderError::FontInvalid`] if not.
    pub fn new(bytes: Vec<u8>) -> Result<LoadedFont, RenderError> {
        let data = Arc::new(bytes);
        // Check with skrifa first: it is what FontMetrics reads, and krilla reads it again.
        let metrics = FontMetrics::new(data.as_slice())?;
        if let Some(c) = REQUIRED_CHARS
            .into_iter()
            .find(|&c| metrics.glyph(c).0 == 0)
        {
            return Err(RenderError::FontInvalid(format!("no glyph for {c:?}")));
        }
        let font = Font::new(data.clone().into(), 0)
            .ok_or_else(|| RenderError::FontInvalid(String::from("rejected by the PDF writer")))?;
        Ok(LoadedFont { data, font })
    }

    /// The font's character → glyph mapping and advances, as a [`Measure`] for the layout.
    pub fn metrics(&self) -> FontMetrics<'_> {
        // `new` read these very bytes successfully, so this cannot fail; if it ever did, the
        // fallback measures nothing and maps everything to .notdef rather than panicking.
        FontMetrics::new(self.data.as_slice()).unwrap_or_else(|_| FontMetrics::empty())
    }

    /// The font file's size in bytes.
    pub fn len(&self) -> usize {
        self.data.len()
    }

    /// Whether the font file is empty (never, for a loaded font).
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }
}

/// A font's `cmap` and horizontal metrics: which glyph prints a character and how far it
/// advances. It measures for the layout ([`Measure`], character by character, no kerning)
/// and gives the PDF writer the same glyphs and advances, so what is drawn is exactly as wide
/// as what was laid out.
///
/// A character the font lacks prints as glyph 0 (.notdef, an empty box) and advances by
/// .notdef's width — in the layout as in the PDF, so the layout still fits; such text is
/// still extractable (the ToUnicode map names the character).
pub struct FontMetrics<'a> {
    charmap: Option<Charmap<'a>>,
    metrics: Option<GlyphMetrics<'a>>,
    upem: f32,
}

impl<'a> FontMetrics<'a> {
    /// Read the tables of `data` (a font file, first face).
    pub fn new(data: &'a [u8]) -> Result<FontMetrics<'a>, RenderError> {
        let font = FontRef::new(data).map_err(|e| RenderError::FontInvalid(e.to_string()))?;
        // A truncated file (a download cut short) still has its table directory: every table
        // must lie within the data.
        let records = font.table_directory.table_records();
        if records.is_empty() {
            return Err(RenderError::FontInvalid(String::from("no tables")));
        }
        if let Some(r) = records.iter().find(|r| {
            (r.offset() as usize)
                .checked_add(r.length() as usize)
                .is_none_or(|end| end > data.len())
        }) {
            return Err(RenderError::FontInvalid(format!(
                "table {} is cut off",
                r.tag()
            )));
        }
        let upem = font
            .metrics(Size::unscaled(), LocationRef::default())
            .units_per_em;
        if upem == 0 {
            return Err(RenderError::FontInvalid(String::from("units per em is 0")));
        }
        Ok(FontMetrics {
            charmap: Some(font.charmap()),
            metrics: Some(font.glyph_metrics(Size::unscaled(), LocationRef::default())),
            upem: f32::from(upem),
        })
    }

    fn empty() -> FontMetrics<'static> {
        FontMetrics {
            charmap: None,
            metrics: None,
            upem: 1000.0,
        }
    }

    /// The glyph for `c` (0, .notdef, if the font has none) and its advance in em.
    pub fn glyph(&self, c: char) -> (u32, f32) {
        let gid = self
            .charmap
            .as_ref()
            .and_then(|m| m.map(c))
            .unwrap_or_default();
        let advance = self
            .metrics
            .as_ref()
            .and_then(|m| m.advance_width(gid))
            .unwrap_or(0.0);
        (gid.to_u32(), advance / self.upem)
    }

    /// `text` as glyphs, one per character, each naming its character's bytes in `text` (so
    /// krilla's ToUnicode map gives the text back).
    pub fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(i, c)| {
                let (gid, advance) = self.glyph(c);
                KrillaGlyph::new(
                    GlyphId::new(gid),
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    i..i + c.len_utf8(),
                    None,
                )
            })
            .collect()
    }
}

impl Measure for FontMetrics<'_> {
    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().fold(0.0, |w, c| w + self.char_width(c, size))
    }

    fn char_width(&self, c: char, size: f32) -> f32 {
        self.glyph(c).1 * size
    }
}

/// Lay `doc` out ([`kanri_print::layout::layout`]) and write it as a PDF in `font`, calling
/// `progress(done, total)` after each page is drawn (the last call is `(total, total)`; then
/// the file is finished: the font subset and compression).
///
/// The PDF's title is the document's title, its creator and author 「{bank}
/// 法人インターネットバンキング」, its language Japanese.
pub fn render(
    doc: &Document,
    font: &LoadedFont,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<RenderedPdf, RenderError> {
    let metrics = font.metrics();
    let pages = layout(doc, &metrics);
    let total = u32::try_from(pages.len()).unwrap_or(u32::MAX);

    let settings = SerializeSettings {
        enable_tagging: false,
        ..SerializeSettings::default()
    };
    let mut pdf = krilla::Document::new_with(settings);
    let service = match doc.bank.trim() {
        "" => String::from(SERVICE),
        bank => format!("{bank} {SERVICE}"),
    };
    pdf.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .authors(vec![service.clone()])
            .creator(service)
            .language(String::from("ja")),
    );

    let painter = Painter {
        font: font.font.clone(),
        metrics: &metrics,
    };
    for (i, page) in pages.iter().enumerate() {
        let size = PageSettings::from_wh(page.width, page.height).ok_or(RenderError::PageSize {
            width: page.width,
            height: page.height,
        })?;
        let mut pdf_page = pdf.start_page_with(size);
        let mut surface = pdf_page.surface();
        painter.page(&mut surface, page);
        surface.finish();
        pdf_page.finish();
        progress(u32::try_from(i + 1).unwrap_or(u32::MAX), total);
    }

    let bytes = pdf.finish().map_err(|e| RenderError::Pdf(e.to_string()))?;
    Ok(RenderedPdf {
        bytes,
        pages: total,
    })
}

/// Draws laid-out pages.
struct Painter<'a> {
    font: Font,
    metrics: &'a FontMetrics<'a>,
}

/// What the surface's fill is set to, so it is changed only when needed.
#[derive(Clone, Copy, PartialEq)]
enum Paint {
    /// Black, for text.
    Text,
    Shade(Shade),
}

impl Painter<'_> {
    fn page(&self, s: &mut Surface, page: &Page) {
        let mut state = State {
            // krilla's initial state: a black fill and no stroke.
            fill: Some(Paint::Text),
            stroke: None,
        };
        for item in &page.items {
            match item {
                Item::Text { x, y, size, text } => {
                    if text.is_empty() {
                        continue;
                    }
                    state.set(s, Some(Paint::Text), None);
                    let glyphs = self.metrics.glyphs(text);
                    s.draw_glyphs(
                        Point::from_xy(*x, *y),
                        &glyphs,
                        self.font.clone(),
                        text,
                        *size,
                        false,
                    );
                }
                Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                } => {
                    let mut pb = PathBuilder::new();
                    pb.move_to(*x1, *y1);
                    pb.line_to(*x2, *y2);
                    let Some(path) = pb.finish() else { continue };
                    state.set(s, None, Some(*width));
                    s.draw_path(&path);
                }
                Item::Fill { x, y, w, h, shade } => {
                    let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else {
                        continue;
                    };
                    let mut pb = PathBuilder::new();
                    pb.push_rect(rect);
                    let Some(path) = pb.finish() else { continue };
                    state.set(s, Some(Paint::Shade(*shade)), None);
                    s.draw_path(&path);
                }
            }
        }
    }
}

/// The surface's current fill and stroke width, so they are set only when they change.
struct State {
    fill: Option<Paint>,
    stroke: Option<f32>,
}

impl State {
    fn set(&mut self, s: &mut Surface, fill_: Option<Paint>, stroke: Option<f32>) {
        if self.fill != fill_ {
            s.set_fill(fill_.map(fill));
            self.fill = fill_;
        }
        if self.stroke != stroke {
            s.set_stroke(stroke.map(|width| Stroke {
                width,
                ..Stroke::default()
            }));
            self.stroke = stroke;
        }
    }
}

fn fill(paint: Paint) -> Fill {
    let (r, g, b) = match paint {
        Paint::Text => return Fill::default(),
        Paint::Shade(Shade::Heading) => HEADING_FILL,
        Paint::Shade(Shade::Marked) => MARKED_FILL,
    };
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::default(),
    }
}
