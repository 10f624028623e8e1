//! Plain logic shared by the 利用者管理 screens (no Leptos, no browser): the list, the
//! summaries of a user and 照会.

pub mod detail;
pub mod list;
pub mod print;
pub mod summary;
