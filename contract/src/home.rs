//! ホーム (トップページ): ログイン履歴, お知らせ, 最近の操作, and keeping a session alive.

use crate::api::AuthMethod;
use serde::{Deserialize, Serialize};

/// How many logins 「ログイン履歴」 shows (this one included).
pub const LOGIN_HISTORY_LEN: usize = 3;
/// How many operations 「最近の操作」 shows.
pub const RECENT_OPERATIONS_LEN: usize = 5;

/// One successful login of the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginRecord {
    /// When (Unix seconds).
    pub at: i64,
    /// 電子証明書方式 or ID・パスワード方式.
    pub method: AuthMethod,
}

/// One お知らせ from the bank, and whether this user has read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeItem {
    pub id: i64,
    /// 掲載日時 (Unix seconds).
    pub published_at: i64,
    /// 件名.
    pub title: String,
    /// 本文 (plain text; paragraphs separated by blank lines).
    pub body: String,
    /// 重要なお知らせ.
    pub important: bool,
    /// Whether this user has marked it read.
    pub read: bool,
}

/// The user's お知らせ, newest first, with the number not yet read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeList {
    pub notices: Vec<NoticeItem>,
    /// 未読件数.
    pub unread: u32,
}

/// One of the user's latest operations (from the operation log), for 「最近の操作」.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentOperation {
    /// When it was last done (Unix seconds).
    pub at: i64,
    /// 業務 (see [`crate::history::business`]).
    pub business: String,
    /// 操作内容 (see [`crate::history::operations`]).
    pub operation: String,
}

/// `GET /api/home`: what ホーム shows besides the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeView {
    /// The latest [`LOGIN_HISTORY_LEN`] successful logins, newest first (this one first).
    pub logins: Vec<LoginRecord>,
    pub notices: NoticeList,
    /// The latest [`RECENT_OPERATIONS_LEN`] distinct operations (business + operation),
    /// newest first; logins and logouts are not included.
    pub recent: Vec<RecentOperation>,
}

/// `POST /api/session/keep-alive`: the session was extended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeepAlive {
    /// The backend's idle limit, counted again from now.
    pub idle_timeout_secs: u32,
}
