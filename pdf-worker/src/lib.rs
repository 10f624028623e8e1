//! The PDF worker: [`render::render`] turns a [`kanri_print::model::Document`] into PDF bytes
//! (layout by [`kanri_print::layout`], text in the embedded font, subset); `main.rs` is the
//! Web Worker around it (messages of [`kanri_print::protocol`]), built by Trunk as
//! `kanri-pdf-worker_loader.js` / `.js` / `_bg.wasm`.
//!
//! The worker answers `Ready` on start, then takes requests one at a time in the order they
//! come: on the first, it fetches the font (`Progress(Font)`) and keeps it in memory for the
//! next ones; it lays out and draws the pages (`Progress(Pages)`, see [`progress_due`]) and
//! sends `Done` with the file's bytes as a transferred `ArrayBuffer`, or `Failed`.

#![warn(missing_docs)]

pub mod render;

use kanri_print::protocol::Failure;
use render::RenderError;

/// Whether page `done` of `total` is reported as progress: every page of a document under
/// [`EVERY_PAGE_BELOW`] pages, otherwise every [`PROGRESS_STEP`]th page; always the last.
pub fn progress_due(done: u32, total: u32) -> bool {
    done >= total || total < EVERY_PAGE_BELOW || done.is_multiple_of(PROGRESS_STEP)
}

/// Documents shorter than this report every page.
pub const EVERY_PAGE_BELOW: u32 = 20;
/// Longer documents report every this many pages (and the last).
pub const PROGRESS_STEP: u32 = 5;

/// The protocol's failure for a [`RenderError`].
pub fn failure_of(error: &RenderError) -> Failure {
    match error {
        RenderError::FontInvalid(_) => Failure::FontInvalid,
        other => Failure::Render(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reported(total: u32) -> Vec<u32> {
        (1..=total).filter(|&d| progress_due(d, total)).collect()
    }

    #[test]
    fn short_documents_report_every_page() {
        assert_eq!(reported(1), [1]);
        assert_eq!(reported(3), [1, 2, 3]);
        assert_eq!(reported(19), (1..=19).collect::<Vec<_>>());
    }

    #[test]
    fn long_documents_report_every_fifth_page_and_the_last() {
        assert_eq!(reported(20), [5, 10, 15, 20]);
        assert_eq!(reported(23), [5, 10, 15, 20, 23]);
        let r = reported(177);
        assert_eq!(r.len(), 36);
        assert_eq!(r.last(), Some(&177));
    }

    #[test]
    fn render_errors_map_to_protocol_failures() {
        assert_eq!(
            failure_of(&RenderError::FontInvalid("x".into())),
            Failure::FontInvalid
        );
        assert!(matches!(
            failure_of(&RenderError::Pdf("boom".into())),
            Failure::Render(m) if m.contains("boom")
        ));
    }
}
