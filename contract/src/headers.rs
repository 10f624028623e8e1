//! HTTP conventions of the API.
//!
//! - Every request under `/api/` is JSON (`Content-Type: application/json`).
//! - Every mutating request (`POST`, `PUT`, `PATCH`, `DELETE`) carries
//!   [`IDEMPOTENCY_KEY`], a fresh UUID per user action. A retry of the same action reuses
//!   the key; the backend then answers with the stored first answer instead of running the
//!   action again. Reusing a key for a different request is answered with 422
//!   `idempotency_key_reused`; a duplicate that arrives while the first is still running
//!   with 409 `idempotency_in_progress`.
//! - Every mutating request carries [`CSRF_TOKEN`], the token of the current session
//!   (before login: the token of the anonymous session from `GET /api/auth/context`).

/// Header naming a mutating request for replay protection (a UUID).
pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";
/// Header carrying the session's anti-CSRF token.
pub const CSRF_TOKEN: &str = "X-CSRF-Token";
/// Response header the backend sets on every error: the reference ID also in the body.
pub const REFERENCE_ID: &str = "X-Reference-Id";
/// Name of the session cookie (HttpOnly, SameSite=Strict, Secure under TLS).
pub const SESSION_COOKIE: &str = "kanri_session";
