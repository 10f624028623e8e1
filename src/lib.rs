//! 法人インターネットバンキング 管理 — the SPA.
//!
//! Where things live:
//! - [`routes`]: every screen's URL and the route table (one place), in a part of its own
//!   with the router; [`navigator`]: moving on with or without it (the first download
//!   shows the login screen without the router).
//! - [`pages`]: one `…Page` component per screen; thin views over [`logic`].
//! - [`components`]: the frame, form parts, step indicator, notices.
//! - [`logic`]: plain Rust (menus, forms, text size, navigation) with unit tests.
//! - [`api`]: the one API client and its typed errors.
//! - [`print_client`]: the PDF worker (started on the first 「印刷」) seen from the SPA.
//! - [`state`]: login state and the 文字サイズ preference, provided as context.
//! - Shared JSON types and field rules come from the `kanri-contract` crate.

pub mod api;
pub mod app;
pub mod components;
pub mod dom;
pub mod logic;
pub mod navigator;
pub mod pages;
pub mod print_client;
pub mod routes;
pub mod state;

pub use app::App;

#[cfg(test)]
mod style_tests;
