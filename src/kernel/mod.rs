//! Plain Rust shared by the features (no Leptos, no web-sys, nothing of `ui`, `shell`,
//! `api` or a feature): the screens' URLs, the help texts, menus, form errors, the change
//! summary's rows, paging, the idle clock, text size, navigation rules. Everything here
//! has unit tests and runs natively.

pub mod certificate;
pub mod confirmation;
pub mod described_by;
pub mod diff;
pub mod error;
pub mod help;
pub mod idempotency;
pub mod idle;
pub mod labels;
pub mod menu;
pub mod navigation;
pub mod pager;
pub mod password_form;
pub mod paths;
pub mod print;
pub mod print_status;
pub mod soft_keyboard;
pub mod stash;
pub mod text_size;
