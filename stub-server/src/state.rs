//! Shared state of the server and the per-connection facts handlers may read.

use crate::db::Db;
use crate::pki::{ChainVerdict, Pki};
use std::sync::Arc;

/// Settings fixed at start-up.
#[derive(Debug, Clone)]
pub struct Config {
    /// Served over TLS (cookies get `Secure`, HSTS is sent).
    pub tls: bool,
    /// Idle limit of a session.
    pub idle_timeout_secs: u32,
    /// Days before expiry from which the certificate renewal notice (BLGI005) is shown.
    pub cert_notice_days: u32,
    /// Plain-HTTP preview only: act as if this user's certificate had been presented.
    pub as_certificate: Option<String>,
    /// The Content-Security-Policy sent with every answer.
    pub csp: String,
    /// Where the CSP violation reports received are appended, one JSON line each
    /// (`serve` uses `csp-reports.log` in its data folder; the end-to-end run fails on
    /// any line). `None`: reports are only logged.
    pub csp_reports: Option<std::path::PathBuf>,
    /// The bank's name, for the SPA's header.
    pub bank_name: String,
    /// Where the bank's 証明書発行アプリ is downloaded (BLGI005).
    pub cert_app_download_url: String,
    /// The URL (scheme) that starts the installed 証明書発行アプリ (BLGI005).
    pub cert_app_launch_url: String,
}

/// Days before expiry from which renewal is suggested, unless `serve` is told otherwise.
pub const DEFAULT_CERT_NOTICE_DAYS: u32 = 40;

/// The demo's download address of the 証明書発行アプリ.
pub const DEFAULT_CERT_APP_DOWNLOAD_URL: &str =
    "https://www.minato-bank.example/ib/cert-app/download";
/// The demo's URL scheme of the installed 証明書発行アプリ.
pub const DEFAULT_CERT_APP_LAUNCH_URL: &str = "minato-cert-app://issue";

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub pki: Arc<Pki>,
    pub config: Arc<Config>,
}

/// Facts about the connection a request came on, inserted by the TLS accept loop.
#[derive(Debug, Clone, Default)]
pub struct ConnInfo {
    /// The verdict on the client certificate presented in the handshake, if any.
    pub presented: Option<ChainVerdict>,
}
