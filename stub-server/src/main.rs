//! `stub-server`: run the stand-in backend, reset its demo data, or issue a certificate.

use clap::{Parser, Subcommand};
use kanri_stub::app::{content_security_policy, router};
use kanri_stub::certificates;
use kanri_stub::db::Db;
use kanri_stub::history;
use kanri_stub::pki::Pki;
use kanri_stub::seed;
use kanri_stub::state::{
    AppState, Config, DEFAULT_CERT_APP_DOWNLOAD_URL, DEFAULT_CERT_APP_LAUNCH_URL,
    DEFAULT_CERT_NOTICE_DAYS,
};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Parser)]
#[command(about = "Stand-in for the bank's JSON backend (法人IB 管理)")]
struct Cli {
    /// Folder for the SQLite file and the generated certificates.
    #[arg(long, global = true, default_value = ".stub-data")]
    data: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API (and, with --dist, the SPA). Creates the demo data when missing;
    /// deletes operation-log rows older than the 6-month retention.
    Serve {
        /// Plain HTTP on this address (for `trunk serve`, which proxies /api here).
        #[arg(long)]
        http: Option<SocketAddr>,
        /// HTTPS with client-certificate verification on this address.
        #[arg(long)]
        https: Option<SocketAddr>,
        /// Folder of the SPA's release build to serve (e.g. dist).
        #[arg(long)]
        dist: Option<PathBuf>,
        /// Idle limit of a session in seconds.
        #[arg(long, default_value_t = 600)]
        idle_timeout_secs: u32,
        /// Days before expiry from which certificate renewal is suggested.
        #[arg(long, default_value_t = DEFAULT_CERT_NOTICE_DAYS)]
        cert_notice_days: u32,
        /// Plain HTTP preview only: behave as if this user's certificate was presented.
        #[arg(long)]
        as_certificate: Option<String>,
        /// Where the bank's 証明書発行アプリ is downloaded (BLGI005's download button).
        #[arg(long, default_value = DEFAULT_CERT_APP_DOWNLOAD_URL)]
        cert_app_download_url: String,
        /// The URL (scheme) that starts the installed 証明書発行アプリ (BLGI005's start button).
        #[arg(long, default_value = DEFAULT_CERT_APP_LAUNCH_URL)]
        cert_app_launch_url: String,
    },
    /// Delete the database and certificates and create fresh demo data.
    Reset {
        /// Also add this many users (and 3,000 operation-log rows of theirs): the
        /// benchmark's large company (scripts/bench.sh). The first is `benchadm1`.
        #[arg(long, default_value_t = 0)]
        bench_users: usize,
    },
    /// Print the Content-Security-Policy `serve --dist DIST` sends for this build: the
    /// SHA-256 hash of each inline script of DIST/index.html (Trunk's loader) included.
    /// The bank's backend must send the same value with this build.
    Csp {
        /// Folder of the SPA's release build (e.g. dist).
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
    },
    /// Issue a new client certificate to a certificate user whose 証明書状態 is 未発行,
    /// 失効済み or 有効期限切れ, as the bank's 証明書発行アプリ would (works while `serve`
    /// runs on the same data). Writes certs/users/LOGIN_ID.pem and .key.
    IssueCertificate {
        /// The user's ログインID.
        login_id: String,
        /// Days of validity.
        #[arg(long, default_value_t = 365)]
        days: u32,
    },
}

/// The CSP violation reports `serve` received (one JSON line each), in the data folder.
const CSP_REPORTS_FILE: &str = "csp-reports.log";

fn db_path(data: &Path) -> PathBuf {
    data.join("kanri.sqlite3")
}

fn certs_dir(data: &Path) -> PathBuf {
    data.join("certs")
}

/// Create the CA, certificates and seeded database from scratch.
fn reset(data: &Path, bench_users: usize) -> Result<(), Box<dyn std::error::Error>> {
    for f in [
        "kanri.sqlite3",
        "kanri.sqlite3-wal",
        "kanri.sqlite3-shm",
        CSP_REPORTS_FILE,
    ] {
        let p = data.join(f);
        if p.exists() {
            std::fs::remove_file(p)?;
        }
    }
    let certs = certs_dir(data);
    if certs.exists() {
        std::fs::remove_dir_all(&certs)?;
    }
    std::fs::create_dir_all(data)?;
    let pki = Pki::create(&certs)?;
    let db = Db::open(&db_path(data))?;
    seed::seed(&mut db.lock(), &pki)?;
    if bench_users > 0 {
        seed::seed_bench(&mut db.lock(), bench_users)?;
        println!("{bench_users} benchmark users added");
    }
    println!("demo data created in {}", data.display());
    Ok(())
}

/// `issue-certificate`: what the bank's issuing app does, on the data folder of a running
/// (or stopped) server.
fn issue_certificate(
    data: &Path,
    login_id: &str,
    days: u32,
) -> Result<(), Box<dyn std::error::Error>> {
    let certs = certs_dir(data);
    if !db_path(data).exists() || !Pki::ca_cert_path(&certs).exists() {
        return Err(format!(
            "no demo data in {} (run `stub-server --data {} reset` first)",
            data.display(),
            data.display()
        )
        .into());
    }
    let pki = Pki::load(&certs)?;
    let db = Db::open(&db_path(data))?;
    let issued = certificates::issue(&db, &pki, login_id, days)?;
    println!(
        "issued a certificate for {login_id} (serial {}, valid until {}): {} and {}",
        issued.serial,
        kanri_contract::datetime::format_datetime(issued.not_after),
        issued.cert_path.display(),
        issued.key_path.display()
    );
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let cli = Cli::parse();
    match cli.command {
        Command::Reset { bench_users } => reset(&cli.data, bench_users),
        Command::Csp { dist } => {
            let index = std::fs::read_to_string(dist.join("index.html"))
                .map_err(|e| format!("{}: {e}", dist.join("index.html").display()))?;
            println!("{}", content_security_policy(Some(&index)));
            Ok(())
        }
        Command::IssueCertificate { login_id, days } => {
            if let Err(e) = issue_certificate(&cli.data, &login_id, days) {
                eprintln!("stub-server issue-certificate: {e}");
                std::process::exit(1);
            }
            Ok(())
        }
        Command::Serve {
            http,
            https,
            dist,
            idle_timeout_secs,
            cert_notice_days,
            as_certificate,
            cert_app_download_url,
            cert_app_launch_url,
        } => {
            if !db_path(&cli.data).exists() || !Pki::ca_cert_path(&certs_dir(&cli.data)).exists() {
                reset(&cli.data, 0)?;
            }
            if http.is_none() && https.is_none() {
                return Err("give --http ADDR and/or --https ADDR".into());
            }
            let pki = Arc::new(Pki::load(&certs_dir(&cli.data))?);
            let index = match &dist {
                Some(d) => Some(std::fs::read_to_string(d.join("index.html")).map_err(|e| {
                    format!(
                        "{}: {e} (build the SPA first: trunk build --release)",
                        d.join("index.html").display()
                    )
                })?),
                None => None,
            };
            let db = Db::open(&db_path(&cli.data))?;
            // The operation log keeps RETENTION_MONTHS months: older rows go at start-up.
            let purged = history::purge(&db.lock(), kanri_stub::db::now())?;
            if purged > 0 {
                println!(
                    "stub-server: {purged} operation-log rows older than the retention deleted"
                );
            }
            let make_state = |tls| AppState {
                db: db.clone(),
                pki: pki.clone(),
                config: Arc::new(Config {
                    tls,
                    idle_timeout_secs,
                    cert_notice_days,
                    as_certificate: if tls { None } else { as_certificate.clone() },
                    csp: content_security_policy(index.as_deref()),
                    csp_reports: Some(cli.data.join(CSP_REPORTS_FILE)),
                    bank_name: "みなと銀行".into(),
                    cert_app_download_url: cert_app_download_url.clone(),
                    cert_app_launch_url: cert_app_launch_url.clone(),
                }),
            };
            let mut tasks = tokio::task::JoinSet::new();
            if let Some(addr) = http {
                let app = router(make_state(false), dist.as_deref());
                let listener = tokio::net::TcpListener::bind(addr).await?;
                println!("stub-server: http://{addr}");
                tasks.spawn(async move {
                    if let Err(e) = axum::serve(listener, app).await {
                        tracing::error!("http server: {e}");
                    }
                });
            }
            if let Some(addr) = https {
                let app = router(make_state(true), dist.as_deref());
                let config = kanri_stub::tls::server_config(&pki)?;
                let listener = tokio::net::TcpListener::bind(addr).await?;
                println!(
                    "stub-server: https://{addr} (client certificates in {})",
                    certs_dir(&cli.data).display()
                );
                tasks.spawn(kanri_stub::tls::serve(listener, config, pki.clone(), app));
            }
            tokio::select! {
                _ = tasks.join_next() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            Ok(())
        }
    }
}
