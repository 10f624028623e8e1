//! Reusable components and the app-wide context they read (who is logged in, the idle
//! limit, the 文字サイズ preference, the navigator). Each component is small, documented
//! and owns its scoped styles. Nothing here knows a feature.

pub mod change_summary;
pub mod clock;
pub mod confirmed_submit;
pub mod dom;
pub mod failure;
pub mod form;
pub mod frame;
pub mod menu_list;
pub mod navigator;
pub mod notice;
pub mod operator_fields;
pub mod pager;
pub mod print;
pub mod print_client;
pub mod radios;
pub mod require;
pub mod session;
pub mod soft_keyboard;
pub mod step_indicator;
pub mod text_size;
pub mod title_bar;
