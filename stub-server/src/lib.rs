//! The stand-in backend: a real server implementing the bank's JSON contract
//! (`docs/API.md`) for development, preview and end-to-end tests.
//!
//! - [`db`] / [`seed`]: SQLite file with a seeded demo company.
//! - [`pki`] / [`tls`]: demo CA, client certificates, HTTPS with client-certificate checks.
//! - [`sessions`] / [`guard`]: cookie sessions, idle timeout, CSRF and Idempotency-Key.
//! - [`auth`]: login, logout, session, own password change.
//! - [`admin`]: what every 管理 mutation shares (operation log, 確認用パスワード).
//! - [`user_admin`]: 利用者管理 (list, view, registration, change, deletion).
//! - [`company`] / [`fees`]: 企業管理 (企業情報, the three fee tables and the bank's standard fees).
//! - [`certificates`]: 証明書失効, and issuance as the bank's issuing app would.
//! - [`statuses`]: 利用者停止・解除 and the additional authentications' states.
//! - [`history`]: 操作履歴照会 (the search, the retention and its purge).
//! - [`home`]: ホーム (ログイン履歴, お知らせ, 最近の操作) and keeping a session alive.
//! - [`oplog`]: the operation log written by every state change.

pub mod admin;
pub mod app;
pub mod auth;
pub mod certcheck;
pub mod certificates;
pub mod company;
pub mod db;
pub mod error;
pub mod fees;
pub mod guard;
pub mod history;
pub mod home;
pub mod oplog;
pub mod passwords;
pub mod pki;
pub mod seed;
pub mod sessions;
pub mod state;
pub mod statuses;
pub mod tls;
pub mod user_admin;
pub mod users;
