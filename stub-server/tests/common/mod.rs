//! The in-process harness shared by the backend's contract tests: a seeded in-memory
//! database, a fresh demo PKI, the router, and a browser-like client (cookie jar, CSRF
//! token, optional client certificate).

// Each test binary uses a different part of the harness.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use kanri_contract::api::{AuthContext, ErrorBody, Session};
use kanri_contract::headers::{CSRF_TOKEN, IDEMPOTENCY_KEY};
use kanri_stub::app::{content_security_policy, router};
use kanri_stub::db::Db;
use kanri_stub::pki::{read_cert, Pki};
use kanri_stub::seed;
use kanri_stub::state::{
    AppState, Config, ConnInfo, DEFAULT_CERT_APP_DOWNLOAD_URL, DEFAULT_CERT_APP_LAUNCH_URL,
};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tower::ServiceExt;

pub struct Harness {
    pub app: Router,
    pub db: Db,
    pub pki: Arc<Pki>,
    /// Holds the generated certificates for the test's lifetime.
    pub dir: tempfile::TempDir,
}

/// The demo company with an empty operation log: each test sees only its own rows.
pub fn harness() -> Harness {
    let h = seeded_harness();
    h.db.lock()
        .execute("DELETE FROM operation_log", [])
        .unwrap();
    h
}

/// The demo company exactly as a reset makes it, with the seeded operation log.
pub fn seeded_harness() -> Harness {
    seeded_harness_serving(None)
}

/// [`seeded_harness`] also serving the SPA's build from `dist` (as `serve --dist`).
pub fn seeded_harness_serving(dist: Option<&std::path::Path>) -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let pki = Arc::new(Pki::create(&dir.path().join("certs")).unwrap());
    let db = Db::in_memory().unwrap();
    seed::seed(&mut db.lock(), &pki).unwrap();
    let state = AppState {
        db: db.clone(),
        pki: pki.clone(),
        config: Arc::new(Config {
            tls: true,
            idle_timeout_secs: 600,
            cert_notice_days: 40,
            as_certificate: None,
            csp: content_security_policy(None),
            csp_reports: None,
            bank_name: "みなと銀行".into(),
            cert_app_download_url: DEFAULT_CERT_APP_DOWNLOAD_URL.into(),
            cert_app_launch_url: DEFAULT_CERT_APP_LAUNCH_URL.into(),
        }),
    };
    Harness {
        app: router(state, dist),
        db,
        pki,
        dir,
    }
}

pub struct Answer {
    pub status: StatusCode,
    pub cookie: Option<String>,
    pub replayed: bool,
    pub body: Value,
}

impl Answer {
    pub fn error(&self) -> ErrorBody {
        serde_json::from_value(self.body.clone()).unwrap()
    }
}

/// A browser: one cookie jar, optionally one client certificate.
pub struct Client<'a> {
    pub h: &'a Harness,
    pub cookie: Option<String>,
    pub csrf: Option<String>,
    pub cert: Option<ConnInfo>,
}

impl<'a> Client<'a> {
    pub fn new(h: &'a Harness) -> Self {
        Self {
            h,
            cookie: None,
            csrf: None,
            cert: None,
        }
    }

    pub fn with_certificate_of(mut self, login_id: &str) -> Self {
        let der = read_cert(&self.h.pki.client_paths(login_id).0).unwrap();
        self.cert = Some(ConnInfo {
            presented: Some(self.h.pki.judge(&[der], kanri_stub::db::now())),
        });
        self
    }

    /// Present the certificate of an issuer the bank does not know.
    pub fn with_unknown_certificate(mut self) -> Self {
        let der = read_cert(&self.h.dir.path().join("certs/unknown/client.pem")).unwrap();
        self.cert = Some(ConnInfo {
            presented: Some(self.h.pki.judge(&[der], kanri_stub::db::now())),
        });
        self
    }

    /// Present no certificate at all (the connection has none).
    pub fn without_certificate(mut self) -> Self {
        self.cert = Some(ConnInfo { presented: None });
        self
    }

    pub async fn send(
        &mut self,
        method: &str,
        path: &str,
        body: Option<Value>,
        key: Option<&str>,
    ) -> Answer {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(c) = &self.cookie {
            req = req.header(header::COOKIE, c);
        }
        if let Some(k) = key {
            req = req.header(IDEMPOTENCY_KEY, k);
            if let Some(t) = &self.csrf {
                req = req.header(CSRF_TOKEN, t);
            }
        }
        let mut req = match body {
            Some(b) => req
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(b.to_string())),
            None => req.body(Body::empty()),
        }
        .unwrap();
        if let Some(c) = &self.cert {
            req.extensions_mut().insert(c.clone());
        }
        let res = self.h.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let cookie = res
            .headers()
            .get(header::SET_COOKIE)
            .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned());
        if let Some(c) = &cookie {
            self.cookie = Some(c.clone());
        }
        let replayed = res.headers().contains_key("idempotent-replayed");
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap()
        };
        Answer {
            status,
            cookie,
            replayed,
            body,
        }
    }

    pub async fn context(&mut self) -> AuthContext {
        let a = self.send("GET", "/api/auth/context", None, None).await;
        assert_eq!(a.status, StatusCode::OK);
        let ctx: AuthContext = serde_json::from_value(a.body).unwrap();
        self.csrf = Some(ctx.csrf_token.clone());
        ctx
    }

    pub async fn login(&mut self, login_id: Option<&str>, password: &str, key: &str) -> Answer {
        self.context().await;
        let a = self
            .send(
                "POST",
                "/api/session",
                Some(json!({ "login_id": login_id, "password": password })),
                Some(key),
            )
            .await;
        if a.status == StatusCode::OK {
            let s: Session = serde_json::from_value(a.body.clone()).unwrap();
            self.csrf = Some(s.csrf_token);
        }
        a
    }
}

pub fn log_rows(h: &Harness, login_id: &str) -> Vec<(String, String)> {
    let c = h.db.lock();
    let mut st = c
        .prepare("SELECT operation, result FROM operation_log WHERE login_id = ?1 ORDER BY id")
        .unwrap();
    st.query_map([login_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

static KEYS: AtomicUsize = AtomicUsize::new(0);

/// A fresh Idempotency-Key.
pub fn key() -> String {
    format!("key-auto-{:06}", KEYS.fetch_add(1, Ordering::Relaxed))
}

/// One call; mutating calls get a fresh Idempotency-Key (and the CSRF token).
pub async fn call(b: &mut Client<'_>, method: &str, path: &str, body: Option<Value>) -> Answer {
    let key = (method != "GET").then(key);
    b.send(method, path, body, key.as_deref()).await
}

/// A browser logged in with ID and password.
pub async fn logged_in<'a>(h: &'a Harness, login_id: &str) -> Client<'a> {
    let mut b = Client::new(h);
    let a = b.login(Some(login_id), seed::DEMO_PASSWORD, &key()).await;
    assert_eq!(a.status, StatusCode::OK, "login {login_id}: {}", a.body);
    b
}

/// A browser presenting the user's client certificate, logged in with it.
pub async fn logged_in_with_certificate<'a>(h: &'a Harness, login_id: &str) -> Client<'a> {
    let mut b = Client::new(h).with_certificate_of(login_id);
    let a = b.login(None, seed::DEMO_PASSWORD, &key()).await;
    assert_eq!(a.status, StatusCode::OK, "login {login_id}: {}", a.body);
    b
}

/// The body as `T`, or a panic showing it.
pub fn parse<T: serde::de::DeserializeOwned>(a: &Answer) -> T {
    serde_json::from_value(a.body.clone()).unwrap_or_else(|e| panic!("{e}: {}", a.body))
}
