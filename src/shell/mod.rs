//! The shell composes the features into one app: [`app::App`], the route tables
//! ([`routes`]), the logged-in frame ([`frame`]), the lazily loaded parts ([`part`]), the
//! flows' state kept across a session ([`user_data`], [`session_stash`]). It is the only
//! place that knows every feature.

pub mod app;
pub mod frame;
pub mod idle_dialog;
pub mod not_found;
pub mod part;
pub mod routes;
pub mod session_stash;
pub mod user_data;
