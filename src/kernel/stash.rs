//! Who a session that ended by itself belonged to, and where the next login goes: the
//! part of the stash's rules that the session screens and components need (the drafts
//! themselves are kept by the shell).

use crate::kernel::navigation::safe_next;
use crate::kernel::paths;

/// Whose session it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// 企業名 (one login ID per company).
    pub company: String,
    pub login_id: String,
}

/// Where to go after a login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Back to the screen the session ended on (its drafts are restored).
    Resume(String),
    /// ホーム: another user's session ended in this tab; `next` is theirs, not followed.
    Home,
    /// Where the login screen was asked to go (`next`), else ホーム.
    AsAsked,
}

impl Destination {
    /// The path to open, given the login screen's `next`.
    pub fn path(&self, next: Option<&str>) -> String {
        let home = || paths::HOME.to_owned();
        match self {
            Destination::Resume(p) => safe_next(Some(p)).unwrap_or_else(home),
            Destination::Home => home(),
            Destination::AsAsked => safe_next(next).unwrap_or_else(home),
        }
    }
}
