//! The contract between the SPA and the bank's JSON backend.
//!
//! Everything both sides must agree on lives here as plain Rust: the JSON bodies
//! ([`api`]), the HTTP conventions ([`headers`]), the field rules ([`rules`]) and the
//! Japanese date-time format ([`datetime`]). The SPA uses the rules for live validation,
//! the stand-in backend uses the very same code to answer 422. The API itself is
//! documented for the bank's backend team in `docs/API.md`.

pub mod api;
pub mod company;
pub mod datetime;
pub mod fees;
pub mod headers;
pub mod history;
pub mod home;
pub mod money;
pub mod rules;
pub mod user_rules;
pub mod user_status;
pub mod users;
