//! 法人インターネットバンキング 管理 — the SPA.
//!
//! Where things live (lowest layer first; a layer imports only those before it, and
//! `src/layers_tests.rs` fails the test command on anything else):
//! - [`kernel`]: plain Rust shared by the features (URLs, help texts, menus, form errors,
//!   change summaries, paging, the idle clock, text size). No Leptos, no browser.
//! - [`api`]: the one API client and its typed errors.
//! - [`ui`]: reusable components (form parts, notices, the public frame, pager, print
//!   button, software keyboard) and the app-wide context they read (login state, idle
//!   limit, 文字サイズ, the navigator).
//! - [`features`]: one folder per feature (session, home, help, users, company, history)
//!   with its screens and its plain flow logic (`logic.rs` / `logic/`). A feature never
//!   imports another.
//! - [`shell`]: the app itself: the route tables that compose the features, the
//!   logged-in frame, the lazily loaded parts, the flows' state across a session.
//! - Shared JSON types and field rules come from the `kanri-contract` crate.

pub mod api;
pub mod features;
pub mod kernel;
pub mod shell;
pub mod ui;

pub use shell::app::App;

#[cfg(test)]
mod layers_tests;
#[cfg(test)]
mod style_tests;
