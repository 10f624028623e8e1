//! Reusable components. Each is small, documented, and owns its scoped styles.

pub mod change_summary;
pub mod clock;
pub mod failure;
pub mod form;
pub mod frame;
pub mod idle_dialog;
pub mod notice;
pub mod operator_fields;
pub mod pager;
pub mod part;
pub mod print;
pub mod require;
pub mod soft_keyboard;
pub mod step_indicator;
pub mod text_size;
pub mod title_bar;
