//! The one API client of the SPA. Every call to the backend goes through [`Api`].

mod client;
mod history;
mod statuses;

pub use crate::kernel::error::ApiError;
pub use client::{new_idempotency_key, submit_with_key, use_api, Api};
