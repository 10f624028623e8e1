//! 印刷 (PDF), in plain Rust.
//!
//! - [`model`]: what a printed document holds (bank, title, screen ID, operator, print
//!   date-time, paragraphs, labelled fields and tables with their marks). The SPA builds it
//!   from a result screen's data; it is all the worker gets.
//! - [`layout`]: A4 pages of positioned text, rules and fills: wrapping long text,
//!   table headers repeated on every page, 「n / N」 page numbers. Pure, with a
//!   [`layout::Measure`] for text widths, so it is tested without a font.
//! - [`protocol`]: the messages between the SPA and the PDF Web Worker.
//!
//! The SPA uses [`model`] and [`protocol`] only; the layout and the PDF writer live in the
//! worker (`pdf-worker/`), loaded on first use, so none of it is in the first page load.

pub mod layout;
pub mod model;
pub mod protocol;
