//! The features: each folder holds its screens, its plain flow logic (`logic.rs` or
//! `logic/`, no Leptos and no browser, with unit tests), its API calls and its routes. A
//! feature never imports another one; what two features share lives in
//! [`crate::kernel`] (plain) or [`crate::ui`] (components).

pub mod company;
pub mod help;
pub mod history;
pub mod home;
pub mod session;
pub mod users;
