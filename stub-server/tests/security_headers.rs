//! The security headers (README "Security headers the bank's backend must send")
//! on every kind of answer: the SPA's files and `index.html`, JSON 200/4xx/5xx, the
//! fallbacks (unknown `/api` path, missing file), 405, 413, the extractors' rejections, a
//! refused certificate, 304, HEAD and the CSP report endpoint itself; `no-store` on HTML
//! and everything under `/api`; HSTS only over HTTPS. And the CSP report endpoint: both
//! report formats are recorded, one JSON line each.

use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use kanri_contract::headers::{CSRF_TOKEN, IDEMPOTENCY_KEY};
use kanri_stub::app::{content_security_policy, parse_csp_reports, router, REPORTING_ENDPOINTS};
use kanri_stub::db::Db;
use kanri_stub::pki::{read_cert, Pki};
use kanri_stub::seed;
use kanri_stub::state::{
    AppState, Config, ConnInfo, DEFAULT_CERT_APP_DOWNLOAD_URL, DEFAULT_CERT_APP_LAUNCH_URL,
};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::Arc;
use tower::ServiceExt;

/// Trunk's release build in miniature: its inline loader, a hashed bundle, styles, the
/// favicon, the PDF worker and the font.
const INDEX: &str = "<!DOCTYPE html><html><head><script type=\"module\">\nimport init from '/kanri-1a2b.js';\nawait init();\n</script></head><body></body></html>";

struct Server {
    app: Router,
    db: Db,
    pki: Arc<Pki>,
    certs: tempfile::TempDir,
    /// The build and the CSP report file live here.
    dir: tempfile::TempDir,
    csp: String,
}

impl Server {
    fn reports_file(&self) -> PathBuf {
        self.dir.path().join("csp-reports.log")
    }
}

fn server(tls: bool) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(dist.join("fonts")).unwrap();
    for (name, body) in [
        ("index.html", INDEX.as_bytes()),
        (
            "kanri-1a2b.js",
            b"export default function init() {}".as_slice(),
        ),
        ("kanri-1a2b_bg.wasm", b"\0asm\x01\0\0\0".as_slice()),
        ("base-1a2b.css", b"body { margin: 0; }".as_slice()),
        ("stylers.css", b".x { color: red; }".as_slice()),
        (
            "favicon-1a2b.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".as_slice(),
        ),
        (
            "kanri-pdf-worker_loader.js",
            b"importScripts('./kanri-pdf-worker.js');".as_slice(),
        ),
        (
            "fonts/BIZUDPGothic-Regular.ttf",
            b"\0\x01\0\0font".as_slice(),
        ),
        ("fonts/OFL.txt", b"SIL OPEN FONT LICENSE".as_slice()),
    ] {
        std::fs::write(dist.join(name), body).unwrap();
    }
    let certs = tempfile::tempdir().unwrap();
    let pki = Arc::new(Pki::create(&certs.path().join("certs")).unwrap());
    let db = Db::in_memory().unwrap();
    seed::seed(&mut db.lock(), &pki).unwrap();
    let csp = content_security_policy(Some(INDEX));
    let state = AppState {
        db: db.clone(),
        pki: pki.clone(),
        config: Arc::new(Config {
            tls,
            idle_timeout_secs: 600,
            cert_notice_days: 40,
            as_certificate: None,
            csp: csp.clone(),
            csp_reports: Some(dir.path().join("csp-reports.log")),
            bank_name: "みなと銀行".into(),
            cert_app_download_url: DEFAULT_CERT_APP_DOWNLOAD_URL.into(),
            cert_app_launch_url: DEFAULT_CERT_APP_LAUNCH_URL.into(),
        }),
    };
    Server {
        app: router(state, Some(&dist)),
        db,
        pki,
        certs,
        dir,
        csp,
    }
}

struct Got {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Got {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or_default()
    }
}

async fn send(s: &Server, req: Request<Body>) -> Got {
    let res = s.app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    Got {
        status,
        headers,
        body,
    }
}

async fn get(s: &Server, path: &str) -> Got {
    send(s, Request::get(path).body(Body::empty()).unwrap()).await
}

/// The headers every answer carries, whatever it is.
fn assert_security_headers(s: &Server, g: &Got, what: &str, tls: bool) {
    let csp = g.header("content-security-policy");
    assert_eq!(csp, s.csp, "{what}");
    for directive in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
        "style-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "report-uri /api/csp-report",
        "report-to csp-endpoint",
    ] {
        assert!(csp.contains(directive), "{what}: {directive} in {csp}");
    }
    for never in ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*"] {
        assert!(!csp.contains(never), "{what}: {never} in {csp}");
    }
    for (name, value) in [
        ("reporting-endpoints", REPORTING_ENDPOINTS),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("x-frame-options", "DENY"),
        ("cross-origin-opener-policy", "same-origin"),
        ("cross-origin-resource-policy", "same-origin"),
        (
            "permissions-policy",
            "camera=(), microphone=(), geolocation=(), payment=()",
        ),
    ] {
        assert_eq!(g.header(name), value, "{what}: {name}");
    }
    assert_eq!(REPORTING_ENDPOINTS, "csp-endpoint=\"/api/csp-report\"");
    if tls {
        assert_eq!(
            g.header("strict-transport-security"),
            "max-age=31536000",
            "{what}"
        );
    } else {
        assert!(
            !g.headers.contains_key("strict-transport-security"),
            "{what}: no HSTS over plain HTTP"
        );
    }
    assert_eq!(
        g.headers.get_all("content-security-policy").iter().count(),
        1,
        "{what}"
    );
    assert_eq!(
        g.headers.get_all(header::CACHE_CONTROL).iter().count(),
        1,
        "{what}"
    );
}

fn is_json(g: &Got) -> bool {
    g.header("content-type").starts_with("application/json")
}

#[tokio::test]
async fn the_inline_loader_is_allowed_by_its_hash_and_nothing_else_inline() {
    let s = server(true);
    // sha256 of the script's text between the tags, as the browser computes it.
    let script = "\nimport init from '/kanri-1a2b.js';\nawait init();\n";
    use base64::Engine;
    use sha2::Digest;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script));
    assert!(s.csp.contains(&format!(
        "script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}';"
    )));
    assert_eq!(s.csp.matches("'sha256-").count(), 1);
    // Without a build (API only) there is no hash at all.
    let bare = content_security_policy(None);
    assert!(bare.contains("script-src 'self' 'wasm-unsafe-eval';"));
}

#[tokio::test]
async fn the_spa_files_carry_the_headers_and_their_caching() {
    let s = server(true);
    for (path, content_type, cache) in [
        ("/", "text/html", "no-store"),
        ("/index.html", "text/html", "no-store"),
        // The SPA's own paths: index.html.
        ("/admin/users/list", "text/html", "no-store"),
        ("/kanri-1a2b.js", "text/javascript", "no-cache"),
        ("/kanri-1a2b_bg.wasm", "application/wasm", "no-cache"),
        ("/base-1a2b.css", "text/css", "no-cache"),
        ("/stylers.css", "text/css", "no-cache"),
        ("/favicon-1a2b.svg", "image/svg+xml", "no-cache"),
        ("/kanri-pdf-worker_loader.js", "text/javascript", "no-cache"),
        (
            "/fonts/BIZUDPGothic-Regular.ttf",
            "font/ttf",
            "public, max-age=86400",
        ),
        (
            "/fonts/OFL.txt",
            "text/plain; charset=utf-8",
            "public, max-age=86400",
        ),
    ] {
        let g = get(&s, path).await;
        assert_eq!(g.status, StatusCode::OK, "{path}");
        assert!(g.header("content-type").starts_with(content_type), "{path}");
        assert_eq!(g.header("cache-control"), cache, "{path}");
        assert_security_headers(&s, &g, path, true);
    }
    // A missing file: 404, not index.html, with the headers.
    let g = get(&s, "/kanri-0000.js").await;
    assert_eq!(g.status, StatusCode::NOT_FOUND);
    assert_ne!(g.body, INDEX.as_bytes());
    assert_security_headers(&s, &g, "missing file", true);
    // HEAD, and a revalidation answered 304.
    let g = send(&s, Request::head("/").body(Body::empty()).unwrap()).await;
    assert_eq!(g.status, StatusCode::OK);
    assert_eq!(g.header("cache-control"), "no-store");
    assert_security_headers(&s, &g, "HEAD /", true);
    let modified = get(&s, "/kanri-1a2b.js")
        .await
        .header("last-modified")
        .to_owned();
    let g = send(
        &s,
        Request::get("/kanri-1a2b.js")
            .header(header::IF_MODIFIED_SINCE, modified)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(g.status, StatusCode::NOT_MODIFIED);
    assert_security_headers(&s, &g, "304", true);
}

/// A browser's session before login: cookie and CSRF token.
async fn anonymous_session(s: &Server) -> (String, String) {
    let g = get(s, "/api/auth/context").await;
    assert_eq!(g.status, StatusCode::OK);
    let cookie = g.header("set-cookie").split(';').next().unwrap().to_owned();
    let body: Value = serde_json::from_slice(&g.body).unwrap();
    (cookie, body["csrf_token"].as_str().unwrap().to_owned())
}

fn mutating(
    method: &str,
    path: &str,
    cookie: &str,
    csrf: &str,
    key: &str,
) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(path)
        .header(header::COOKIE, cookie)
        .header(CSRF_TOKEN, csrf)
        .header(IDEMPOTENCY_KEY, key)
        .header(header::CONTENT_TYPE, "application/json")
}

#[tokio::test]
async fn every_kind_of_api_answer_carries_the_headers_and_no_store() {
    let s = server(true);
    let mut answers: Vec<(&str, Got)> = Vec::new();
    // 200 JSON (and the session cookie).
    answers.push(("200 JSON", get(&s, "/api/auth/context").await));
    // 401 JSON.
    answers.push(("401", get(&s, "/api/home").await));
    // 404 JSON: an unknown /api path, with or without a dot.
    answers.push(("404 /api", get(&s, "/api/no/such/thing").await));
    answers.push(("404 /api .json", get(&s, "/api/nothing.json").await));
    // 405: GET on a POST-only route.
    answers.push(("405", get(&s, "/api/session/keep-alive").await));
    // 428 JSON: a mutation without Idempotency-Key.
    answers.push((
        "428",
        send(
            &s,
            Request::post("/api/session").body(Body::empty()).unwrap(),
        )
        .await,
    ));
    let (cookie, csrf) = anonymous_session(&s).await;
    // 413 JSON: a body over the limit.
    answers.push((
        "413",
        send(
            &s,
            mutating("POST", "/api/session", &cookie, &csrf, "key-security-413")
                .body(Body::from(vec![b' '; 2 << 20]))
                .unwrap(),
        )
        .await,
    ));
    // The JSON extractor's own rejection (plain text).
    answers.push((
        "400 extractor",
        send(
            &s,
            mutating("POST", "/api/session", &cookie, &csrf, "key-security-400")
                .body(Body::from("{not json"))
                .unwrap(),
        )
        .await,
    ));
    // 401 JSON: wrong password.
    answers.push((
        "401 login",
        send(
            &s,
            mutating("POST", "/api/session", &cookie, &csrf, "key-security-401")
                .body(Body::from(
                    json!({ "login_id": "admin02", "password": "Wrong0000" }).to_string(),
                ))
                .unwrap(),
        )
        .await,
    ));
    // 403 certificate_refused: a certificate of an unknown issuer.
    let der = read_cert(&s.certs.path().join("certs/unknown/client.pem")).unwrap();
    let mut req = mutating("POST", "/api/session", &cookie, &csrf, "key-security-403")
        .body(Body::from(json!({ "password": "Demo1234" }).to_string()))
        .unwrap();
    req.extensions_mut().insert(ConnInfo {
        presented: Some(s.pki.judge(&[der], kanri_stub::db::now())),
    });
    let refused = send(&s, req).await;
    answers.push(("403 certificate", refused));
    // The CSP report endpoint: 204, and 415 for another content type.
    answers.push((
        "204 csp-report",
        send(
            &s,
            Request::post("/api/csp-report")
                .header(header::CONTENT_TYPE, "application/csp-report")
                .body(Body::from(r#"{"csp-report":{"blocked-uri":"inline"}}"#))
                .unwrap(),
        )
        .await,
    ));
    answers.push((
        "415 csp-report",
        send(
            &s,
            Request::post("/api/csp-report")
                .header(header::CONTENT_TYPE, "text/plain")
                .body(Body::from("x"))
                .unwrap(),
        )
        .await,
    ));
    answers.push((
        "413 csp-report",
        send(
            &s,
            Request::post("/api/csp-report")
                .header(header::CONTENT_TYPE, "application/csp-report")
                .body(Body::from(vec![b' '; 100_000]))
                .unwrap(),
        )
        .await,
    ));
    // 500 JSON: the database fails.
    s.db.lock().execute_batch("DROP TABLE sessions").unwrap();
    answers.push(("500", get(&s, "/api/auth/context").await));

    let expected = [
        ("200 JSON", StatusCode::OK, true),
        ("401", StatusCode::UNAUTHORIZED, true),
        ("404 /api", StatusCode::NOT_FOUND, true),
        ("404 /api .json", StatusCode::NOT_FOUND, true),
        ("405", StatusCode::METHOD_NOT_ALLOWED, false),
        ("428", StatusCode::PRECONDITION_REQUIRED, true),
        ("413", StatusCode::PAYLOAD_TOO_LARGE, true),
        ("400 extractor", StatusCode::BAD_REQUEST, false),
        ("401 login", StatusCode::UNAUTHORIZED, true),
        ("403 certificate", StatusCode::FORBIDDEN, true),
        ("204 csp-report", StatusCode::NO_CONTENT, false),
        ("415 csp-report", StatusCode::UNSUPPORTED_MEDIA_TYPE, true),
        ("413 csp-report", StatusCode::PAYLOAD_TOO_LARGE, false),
        ("500", StatusCode::INTERNAL_SERVER_ERROR, true),
    ];
    assert_eq!(answers.len(), expected.len());
    for ((what, g), (name, status, json)) in answers.iter().zip(expected) {
        assert_eq!(*what, name);
        assert_eq!(
            g.status,
            status,
            "{what}: {}",
            String::from_utf8_lossy(&g.body)
        );
        assert_eq!(is_json(g), json, "{what}: {}", g.header("content-type"));
        assert_eq!(g.header("cache-control"), "no-store", "{what}");
        assert_security_headers(&s, g, what, true);
    }
}

#[tokio::test]
async fn plain_http_has_the_same_headers_without_hsts() {
    let s = server(false);
    for path in ["/", "/kanri-1a2b.js", "/api/auth/context", "/api/nothing"] {
        let g = get(&s, path).await;
        assert_security_headers(&s, &g, path, false);
    }
}

async fn report(s: &Server, content_type: &str, body: &str) -> StatusCode {
    let req = Request::post("/api/csp-report")
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body.to_owned()))
        .unwrap();
    send(s, req).await.status
}

#[tokio::test]
async fn csp_reports_of_both_formats_are_recorded_one_line_each() {
    let s = server(true);
    assert!(!s.reports_file().exists());
    // report-uri's format.
    let legacy = json!({ "csp-report": {
        "document-uri": "https://127.0.0.1:8443/login",
        "effective-directive": "script-src-elem",
        "blocked-uri": "inline",
    }});
    assert_eq!(
        report(&s, "application/csp-report", &legacy.to_string()).await,
        StatusCode::NO_CONTENT
    );
    // The Reporting API's (report-to): a batch of two.
    let batch = json!([
        { "type": "csp-violation", "age": 0, "url": "https://127.0.0.1:8443/home",
          "body": { "effectiveDirective": "img-src", "blockedURL": "https://x.invalid/a.png" } },
        { "type": "csp-violation", "age": 5, "url": "https://127.0.0.1:8443/home",
          "body": { "effectiveDirective": "script-src-elem", "blockedURL": "inline" } },
    ]);
    assert_eq!(
        report(&s, "application/reports+json", &batch.to_string()).await,
        StatusCode::NO_CONTENT
    );
    let text = std::fs::read_to_string(s.reports_file()).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines,
        vec![
            json!({ "content_type": "application/csp-report", "report": legacy }),
            json!({ "content_type": "application/reports+json", "report": batch[0] }),
            json!({ "content_type": "application/reports+json", "report": batch[1] }),
        ]
    );
    // Neither a wrong type nor a malformed body is recorded.
    assert_eq!(
        report(&s, "text/plain", &legacy.to_string()).await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    for body in ["{", "42", "{\"x\":1}", "[1]"] {
        assert_eq!(
            report(&s, "application/csp-report", body).await,
            StatusCode::BAD_REQUEST,
            "{body}"
        );
    }
    assert_eq!(std::fs::read_to_string(s.reports_file()).unwrap(), text);
}

#[test]
fn the_report_parser_takes_the_content_type_parameters_and_case() {
    let one = br#"{"csp-report":{}}"#;
    assert_eq!(
        parse_csp_reports("Application/CSP-Report; charset=utf-8", one)
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        parse_csp_reports("application/json", br#"[{"type":"csp-violation"}]"#)
            .unwrap()
            .len(),
        1
    );
    assert!(parse_csp_reports("", one).is_err());
}
