//! Plain-Rust logic of the SPA, with unit tests; views stay thin and call into these.

pub mod cert_revoke;
pub mod certificate;
pub mod company_form;
pub mod diff;
pub mod fee_form;
pub mod help;
pub mod history;
pub mod home;
pub mod idempotency;
pub mod idle;
pub mod menu;
pub mod navigation;
pub mod pager;
pub mod password_form;
pub mod print;
pub mod print_status;
pub mod session_stash;
pub mod soft_keyboard;
pub mod text_size;
pub mod user_delete;
pub mod user_detail;
pub mod user_list;
pub mod user_status;
pub mod user_summary;
pub mod user_wizard;
