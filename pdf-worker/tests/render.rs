//! The PDF writer on real documents in the real font: page count, progress, and — with
//! poppler's `pdftotext`/`pdfinfo`/`pdffonts` when they are on PATH — real, extractable
//! Japanese text, A4 pages and an embedded subset font.

use std::path::PathBuf;
use std::process::Command;

use kanri_pdf_worker::render::{render, LoadedFont, RenderError, RenderedPdf};
use kanri_print::layout::{page_count, Measure};
use kanri_print::model::{Align, Block, Cell, Column, Document, Field, Mark, Orientation, Table};

const FONT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../assets/fonts/BIZUDPGothic-Regular.ttf"
);

fn font_bytes() -> Vec<u8> {
    std::fs::read(FONT).unwrap_or_else(|e| panic!("read {FONT}: {e}"))
}

fn font() -> LoadedFont {
    LoadedFont::new(font_bytes()).expect("the committed font loads")
}

fn heading(title: &str, screen_id: &str, orientation: Orientation, blocks: Vec<Block>) -> Document {
    Document {
        bank: "みなと銀行".into(),
        title: title.into(),
        screen_id: screen_id.into(),
        operator: "master01（山田　太郎）".into(),
        printed_at: "2026年11月21日 10時00分00秒".into(),
        orientation,
        blocks,
    }
}

/// A change result: fields with a changed value, a table of limits with an amount.
fn result_doc() -> Document {
    heading(
        "利用者変更結果",
        "BRSK012",
        Orientation::Portrait,
        vec![
            Block::Paragraph("以下の内容で利用者情報を変更しました。".into()),
            Block::Heading("基本情報".into()),
            Block::Fields(vec![
                Field::new("ログインID", Cell::plain("user0001")),
                Field::new(
                    "利用者名",
                    Cell::marked(
                        "山田　太郎",
                        Some(Mark::Changed {
                            before: "山田　次郎".into(),
                        }),
                    ),
                ),
                Field::new("ログインパスワード", Cell::plain("********")),
                Field::new(
                    "メールアドレス",
                    Cell::plain("a-very-long-address-that-must-wrap-within-its-box@example.co.jp"),
                ),
            ]),
            Block::Heading("限度額".into()),
            Block::Table(Table {
                columns: vec![
                    Column::new("業務", 2.0, Align::Left),
                    Column::new("1回あたり限度額", 1.0, Align::Right),
                ],
                rows: vec![
                    vec![
                        Cell::plain("振込・振替"),
                        Cell::marked(
                            "1,000,000円",
                            Some(Mark::Changed {
                                before: "500,000円".into(),
                            }),
                        ),
                    ],
                    vec![
                        Cell::marked("総合振込", Some(Mark::Added)),
                        Cell::plain("3,000,000円"),
                    ],
                ],
            }),
        ],
    )
}

/// 操作履歴照会 with `n` rows, landscape, as the SPA builds it.
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
                Cell::plain(format!(
                    "2026年11月{:02}日 10時{:02}分{:02}秒",
                    1 + i % 28,
                    i % 60,
                    (i * 7) % 60
                )),
                Cell::plain(format!("user{i:04}")),
                Cell::plain(if i % 3 == 0 {
                    "山田　太郎"
                } else {
                    "みなと　花子（経理部　第一課　支払担当）"
                }),
                Cell::plain("利用者管理"),
                Cell::plain(if i % 5 == 0 {
                    "利用者変更（限度額：1,000,000円）"
                } else {
                    "利用者登録"
                }),
                Cell::plain(if i % 17 == 0 { "エラー" } else { "正常" }),
            ]
        })
        .collect();
    heading(
        "操作履歴照会",
        "BSRR001",
        Orientation::Landscape,
        vec![
            Block::Heading("検索条件".into()),
            Block::Fields(vec![
                Field::new("操作日", Cell::plain("2026年11月01日～2026年11月30日")),
                Field::new("利用者", Cell::plain("すべて")),
            ]),
            Block::Paragraph(format!("検索結果：{n}件")),
            Block::Table(Table { columns, rows }),
        ],
    )
}

/// Render `doc`, checking the progress calls: once per page, `(1, N)` … `(N, N)`.
fn render_checked(doc: &Document, font: &LoadedFont) -> RenderedPdf {
    let mut calls = Vec::new();
    let pdf = render(doc, font, &mut |done, total| calls.push((done, total)))
        .expect("the document renders");
    let n = pdf.pages;
    assert_eq!(
        n as usize,
        page_count(doc, &font.metrics()),
        "the PDF has the pages the layout has"
    );
    assert_eq!(calls, (1..=n).map(|d| (d, n)).collect::<Vec<_>>());
    assert!(pdf.bytes.starts_with(b"%PDF-"), "a PDF file");
    assert!(pdf.bytes.len() > 1000);
    // For review: `KANRI_PDF_OUT=/some/dir cargo test -p kanri-pdf-worker` keeps the files.
    if let Some(dir) = std::env::var_os("KANRI_PDF_OUT") {
        let name = format!("{}-{}.pdf", doc.screen_id, pdf.pages);
        std::fs::write(PathBuf::from(dir).join(name), &pdf.bytes).expect("write KANRI_PDF_OUT");
    }
    pdf
}

/// Run a poppler tool on `pdf` (written to a temporary file; `after` follows the file's
/// name), or `None` if it is not installed.
fn poppler(tool: &str, before: &[&str], after: &[&str], pdf: &[u8], name: &str) -> Option<String> {
    let path: PathBuf = std::env::temp_dir().join(format!(
        "kanri-pdf-worker-{}-{name}-{tool}.pdf",
        std::process::id()
    ));
    std::fs::write(&path, pdf).expect("write the PDF to a temporary file");
    let out = Command::new(tool)
        .args(before)
        .arg(&path)
        .args(after)
        .output();
    let _ = std::fs::remove_file(&path);
    match out {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "note: {tool} is not on PATH; its checks are skipped (install poppler-utils)"
            );
            None
        }
        Err(e) => panic!("{tool}: {e}"),
        Ok(out) => {
            assert!(out.status.success(), "{tool} failed: {out:?}");
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
    }
}

/// `pdfinfo` says A4 in `orientation` and `pages` pages.
fn check_info(pdf: &RenderedPdf, orientation: Orientation, name: &str) {
    let Some(info) = poppler("pdfinfo", &[], &[], &pdf.bytes, name) else {
        return;
    };
    let size = match orientation {
        Orientation::Portrait => "595.28 x 841.89 pts (A4)",
        Orientation::Landscape => "841.89 x 595.28 pts (A4)",
    };
    assert!(
        info.lines()
            .any(|l| l.starts_with("Page size:") && l.contains(size)),
        "{info}"
    );
    assert!(
        info.lines().any(|l| l.starts_with("Pages:")
            && l.split_whitespace().nth(1) == Some(pdf.pages.to_string().as_str())),
        "{info}"
    );
}

/// `pdffonts` lists exactly one font, BIZ UDPGothic, embedded and subset.
fn check_fonts(pdf: &RenderedPdf, name: &str) {
    let Some(fonts) = poppler("pdffonts", &[], &[], &pdf.bytes, name) else {
        return;
    };
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 1, "{fonts}");
    let row = rows[0];
    assert!(row.contains("+BIZUDPGothic"), "{fonts}");
    // Columns: name type encoding emb sub uni object ID.
    assert!(
        row.contains(" yes yes yes "),
        "embedded, subset, with ToUnicode: {fonts}"
    );
}

/// The PDF's text by `pdftotext -layout`, pages separated by form feeds.
///
/// pdftotext prints the full-width space U+3000 (which the PDF's ToUnicode map does give)
/// as a word gap, an ASCII space: 「山田　太郎」 reads 「山田 太郎」.
fn text_of(pdf: &RenderedPdf, name: &str) -> Option<String> {
    poppler(
        "pdftotext",
        &["-enc", "UTF-8", "-layout"],
        &["-"],
        &pdf.bytes,
        name,
    )
}

#[test]
fn a_result_document_renders_with_real_japanese_text() {
    let font = font();
    let doc = result_doc();
    let pdf = render_checked(&doc, &font);
    assert_eq!(pdf.pages, 1);
    check_info(&pdf, Orientation::Portrait, "result");
    check_fonts(&pdf, "result");
    if let Some(text) = text_of(&pdf, "result") {
        for want in [
            "みなと銀行",
            "利用者変更結果",
            "［BRSK012］",
            "操作者：master01（山田 太郎）",
            "印刷日時：2026年11月21日 10時00分00秒",
            "山田 太郎 ［変更］",
            "変更前：山田 次郎",
            "1,000,000円",
            "総合振込 ［追加］",
        ] {
            assert!(text.contains(want), "{want:?} not in:\n{text}");
        }
        // 「1 / 1」: `-layout` reads 「1/1」 (poppler takes evenly spaced characters for one
        // word); `-raw` keeps the spaces.
        assert!(text.contains("1/1"), "{text}");
    }
    if let Some(raw) = poppler(
        "pdftotext",
        &["-enc", "UTF-8", "-raw"],
        &["-"],
        &pdf.bytes,
        "result-raw",
    ) {
        assert!(raw.lines().any(|l| l == "1 / 1"), "{raw}");
    }
}

#[test]
fn a_3000_row_history_renders_landscape_with_every_page_numbered() {
    let font = font();
    let doc = history_doc(3000);
    let started = std::time::Instant::now();
    let pdf = render_checked(&doc, &font);
    let n = pdf.pages;
    assert!(n > 50, "3,000 rows take many pages, not {n}");
    // A figure for the record, not a test (`--nocapture` shows it).
    eprintln!(
        "3,000-row history: {n} pages, {} bytes, rendered (with a second layout for the \
         page count) in {:?}",
        pdf.bytes.len(),
        started.elapsed()
    );
    check_info(&pdf, Orientation::Landscape, "history");
    check_fonts(&pdf, "history");
    if let Some(text) = text_of(&pdf, "history") {
        for want in [
            "操作履歴照会",
            "検索結果：3000件",
            "山田 太郎",
            "1,000,000円",
            "user3000",
            "1 / ",
            &format!("{n} / {n}"),
        ] {
            assert!(text.contains(want), "{want:?} not in the text");
        }
        // The heading row is on every page: one form feed between pages.
        assert_eq!(text.matches("操作日時").count(), n as usize);
        assert_eq!(text.matches('\u{c}').count(), n as usize);
    }
}

#[test]
fn the_font_measures_as_it_draws() {
    let font = font();
    let m = font.metrics();
    let text = "利用者登録結果 user0001（山田　太郎）1,000,000円";
    let sum: f32 = text.chars().map(|c| m.char_width(c, 9.0)).sum();
    assert!((m.width(text, 9.0) - sum).abs() < 1e-3);
    // Japanese characters are about an em wide, digits narrower.
    let kanji = m.char_width('印', 10.0);
    assert!((8.0..=10.5).contains(&kanji), "{kanji}");
    assert!(m.char_width('1', 10.0) < kanji);
    // A character the font lacks is .notdef, with .notdef's advance, in the layout as in
    // the PDF.
    let (gid, advance) = m.glyph('\u{E000}');
    assert_eq!(gid, 0);
    assert_eq!(m.glyph('\u{E001}'), (0, advance));
    assert!((m.char_width('\u{E000}', 10.0) - advance * 10.0).abs() < 1e-4);
    let glyphs = m.glyphs("あ\u{E000}い");
    assert_eq!(glyphs.len(), 3);
}

#[test]
fn text_the_font_lacks_still_renders() {
    let font = font();
    let doc = heading(
        "利用者登録結果",
        "BRSK010",
        Orientation::Portrait,
        vec![Block::Paragraph(
            "私用領域の文字\u{E000}\u{E001}と絵文字😀".into(),
        )],
    );
    let pdf = render_checked(&doc, &font);
    assert_eq!(pdf.pages, 1);
}

#[test]
fn an_empty_document_is_one_page() {
    let font = font();
    let mut doc = heading("", "", Orientation::Portrait, Vec::new());
    doc.bank = String::new();
    let pdf = render_checked(&doc, &font);
    assert_eq!(pdf.pages, 1);
}

#[test]
fn the_loaded_font_is_reused_for_several_documents() {
    let font = font();
    let a = render_checked(&result_doc(), &font);
    let b = render_checked(&history_doc(40), &font.clone());
    let c = render_checked(&result_doc(), &font);
    assert_eq!(a.pages, 1);
    assert!(b.pages >= 1);
    assert_eq!(a.bytes.len(), c.bytes.len());
}

#[test]
fn invalid_font_bytes_are_an_error_not_a_panic() {
    let bytes = font_bytes();
    for bad in [
        Vec::new(),
        b"<!DOCTYPE html><html><body>Not Found</body></html>".to_vec(),
        vec![0u8; 4096],
        bytes[..12].to_vec(),
        bytes[..2000].to_vec(),
        bytes[..bytes.len() / 2].to_vec(),
    ] {
        let len = bad.len();
        match LoadedFont::new(bad) {
            Err(RenderError::FontInvalid(why)) => assert!(!why.is_empty()),
            other => panic!("{len} bytes: {other:?}"),
        }
    }
}
