//! Messages between the SPA (main thread) and the PDF worker.
//!
//! Every message is a JavaScript object `{ json: string, pdf?: ArrayBuffer }`: `json` is
//! one of the types below as JSON; `pdf` (transferred, not copied) comes with
//! [`Reply::Done`]. The worker is `kanri-pdf-worker_loader.js` at the site root
//! ([`WORKER_SCRIPT`]); it answers [`Reply::Ready`] once its WebAssembly is running, and
//! only then does the SPA send [`Request`]s.

use crate::model::Document;
use serde::{Deserialize, Serialize};

/// The worker's script (Trunk's loader shim for `data-type="worker"`), at the site root.
pub const WORKER_SCRIPT: &str = "/kanri-pdf-worker_loader.js";

/// The embedded font (BIZ UDPゴシック, SIL Open Font License), copied into the build by Trunk.
pub const FONT_PATH: &str = "/fonts/BIZUDPGothic-Regular.ttf";

/// Make the PDF of `document`. `font_url` is where the worker fetches the font on first use
/// (then kept in the worker's memory).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Chosen by the SPA; every reply names it.
    pub id: u32,
    pub font_url: String,
    pub document: Document,
}

/// What the worker is doing, for the progress indication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// Fetching the font (first use only).
    Font,
    /// Laying out and writing pages: `done` of `total`.
    Pages { done: u32, total: u32 },
}

/// Why the worker could not make the PDF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Failure {
    /// The font could not be fetched (network, HTTP status).
    FontFetch(String),
    /// The fetched font could not be read.
    FontInvalid,
    /// The request could not be read.
    BadRequest(String),
    /// Writing the PDF failed.
    Render(String),
}

/// The worker's answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reply {
    /// The worker has started and takes requests.
    Ready,
    Progress {
        id: u32,
        stage: Stage,
    },
    /// The PDF is in the message's `pdf` ArrayBuffer.
    Done {
        id: u32,
        pages: u32,
        bytes: u32,
    },
    Failed {
        id: u32,
        failure: Failure,
    },
}

impl Reply {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("\"Ready\""))
    }

    pub fn from_json(s: &str) -> Option<Reply> {
        serde_json::from_str(s).ok()
    }
}

impl Request {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(s: &str) -> Result<Request, String> {
        serde_json::from_str(s).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Orientation};

    #[test]
    fn messages_round_trip() {
        let req = Request {
            id: 7,
            font_url: "https://example.invalid/fonts/x.ttf".into(),
            document: Document {
                bank: "みなと銀行".into(),
                title: "利用者登録結果".into(),
                screen_id: "BRSK010".into(),
                operator: "master01（山田　太郎）".into(),
                printed_at: "2026年11月21日 10時00分00秒".into(),
                orientation: Orientation::Portrait,
                blocks: vec![Block::Paragraph(
                    "以下の内容で利用者登録が完了しました。".into(),
                )],
            },
        };
        assert_eq!(Request::from_json(&req.to_json()), Ok(req));
        for reply in [
            Reply::Ready,
            Reply::Progress {
                id: 1,
                stage: Stage::Pages { done: 3, total: 60 },
            },
            Reply::Done {
                id: 1,
                pages: 60,
                bytes: 1234,
            },
            Reply::Failed {
                id: 1,
                failure: Failure::FontFetch("404".into()),
            },
        ] {
            assert_eq!(Reply::from_json(&reply.to_json()), Some(reply));
        }
        assert!(Request::from_json("{").is_err());
    }
}
