//! One `…Page` component per screen.

pub mod business_select;
pub mod certificate;
pub mod company;
pub mod help;
pub mod history;
pub mod home;
pub mod logged_out;
pub mod login;
pub mod menu_list;
pub mod not_found;
pub mod password_change;
pub mod timed_out;
pub mod user_tasks;
pub mod users;
