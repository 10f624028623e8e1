//! The router: `/api` (JSON) and, when a `dist/` folder is given, the SPA itself.

use crate::error::ApiError;
use crate::state::AppState;
use crate::{auth, certificates, company, fees, guard, history, home, statuses, user_admin};
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use base64::Engine;
use kanri_contract::api::ErrorCode;
use sha2::{Digest, Sha256};
use std::path::Path;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// The whole application.
pub fn router(state: AppState, dist: Option<&Path>) -> Router {
    let api = Router::new()
        .route("/auth/context", get(auth::context))
        .route(
            "/session",
            get(auth::current).post(auth::login).delete(auth::logout),
        )
        .route("/session/keep-alive", post(home::keep_alive))
        .route("/me/password", axum::routing::put(auth::change_password))
        .route("/home", get(home::view))
        .route("/notices/{id}/read", post(home::mark_read))
        .route("/users", get(user_admin::list).post(user_admin::register))
        .route("/users/form-context", get(user_admin::context))
        .route("/users/statuses", get(statuses::list))
        .route("/users/statuses/{action}", post(statuses::act))
        .route(
            "/users/{login_id}",
            get(user_admin::view)
                .put(user_admin::change)
                .delete(user_admin::delete),
        )
        .route(
            "/users/{login_id}/certificate/revoke",
            post(certificates::revoke),
        )
        .route("/company", get(company::view).put(company::change))
        .route("/history", get(history::search))
        .route("/history/all", get(history::search_all))
        .route("/history/context", get(history::context))
        .route("/company/fees/{slug}", get(fees::view).put(fees::change))
        .fallback(|| async { ApiError::not_found() })
        .layer(middleware::from_fn_with_state(state.clone(), guard::guard));
    let api = Router::new()
        .route(
            "/csp-report",
            post(csp_report).layer(DefaultBodyLimit::max(CSP_REPORT_LIMIT)),
        )
        .merge(api);
    let mut app = Router::new().nest("/api", api);
    if let Some(dist) = dist {
        let site = Site::new(dist);
        app = app.fallback(move |req: Request| site.clone().serve(req));
    }
    app.layer(middleware::from_fn_with_state(
        state.clone(),
        security_headers,
    ))
    .with_state(state)
}

/// The SPA's release build (`dist/`) as a site: its files, and `index.html` for the SPA's
/// own paths (so a reload of `/admin/users/list` works).
#[derive(Clone)]
struct Site {
    /// The files only: a missing one is 404.
    files: ServeDir,
    /// The files, `index.html` for anything missing.
    spa: ServeDir<ServeFile>,
}

/// `Cache-Control` of the fonts (`/fonts/…`): not content-hashed, but they never change
/// within a release.
pub const FONT_CACHE_CONTROL: &str = "public, max-age=86400";
/// `Cache-Control` of the PDF worker (`/kanri-pdf-worker…`): Trunk does not hash the
/// names of a worker's files, so they are revalidated on every use.
pub const WORKER_CACHE_CONTROL: &str = "no-cache";

impl Site {
    fn new(dist: &Path) -> Self {
        Self {
            files: ServeDir::new(dist),
            spa: ServeDir::new(dist).fallback(ServeFile::new(dist.join("index.html"))),
        }
    }

    /// A path whose last segment has an extension (`/fonts/x.ttf`, `/app-1a2b.js`) names
    /// a file, and a missing one is 404 — never `index.html`, which the SPA or its worker
    /// would take for the script, module or font it asked for. Any other path is the
    /// SPA's (no route of the SPA has a dot in its last segment; login IDs are
    /// alphanumeric).
    async fn serve(self, req: Request) -> Response {
        let path = req.uri().path().to_owned();
        let answer = if names_a_file(&path) {
            self.files.oneshot(req).await
        } else {
            self.spa.oneshot(req).await
        };
        let mut res = match answer {
            Ok(res) => res.map(axum::body::Body::new),
            Err(never) => match never {},
        };
        let h = res.headers_mut();
        // mime_guess gives `text/plain` without a charset (the font's OFL.txt).
        if h.get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes() == b"text/plain")
        {
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            );
        }
        let served = res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED;
        let cache = if path.starts_with("/fonts/") {
            Some(FONT_CACHE_CONTROL)
        } else if path.starts_with("/kanri-pdf-worker") {
            Some(WORKER_CACHE_CONTROL)
        } else {
            None
        };
        if let Some(cache) = cache.filter(|_| served) {
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        }
        res
    }
}

/// Whether the last segment of `path` has an extension (`.js`, `.ttf`, …).
fn names_a_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}

/// Largest CSP violation report accepted (a browser's are a few hundred bytes).
const CSP_REPORT_LIMIT: usize = 64 * 1024;

/// The name of the reporting endpoint in `Reporting-Endpoints` and the CSP's `report-to`.
pub const CSP_REPORT_GROUP: &str = "csp-endpoint";

/// `Reporting-Endpoints`: where the Reporting API delivers the CSP's `report-to` reports.
pub const REPORTING_ENDPOINTS: &str = "csp-endpoint=\"/api/csp-report\"";

/// CSP violation reports, both kinds: `report-uri`'s (`application/csp-report`, one
/// `{"csp-report": {…}}`) and the Reporting API's for `report-to`
/// (`application/reports+json`, an array of `{"type": "csp-violation", "body": {…}}`).
/// Each is logged and, with [`Config::csp_reports`](crate::state::Config), appended to
/// that file as one JSON line `{"content_type": …, "report": …}` so that a run can be
/// checked for them.
async fn csp_report(State(st): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let reports = match parse_csp_reports(content_type, &body) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    let essence = media_type(content_type);
    let mut lines = String::new();
    for report in &reports {
        tracing::warn!(target: "csp", "CSP violation: {report}");
        let line = serde_json::json!({ "content_type": essence, "report": report });
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    if let Some(path) = st.config.csp_reports.as_deref() {
        if let Err(e) = append(path, &lines).await {
            tracing::error!(target: "csp", "{}: {e}", path.display());
            return ApiError::internal().into_response();
        }
    }
    StatusCode::NO_CONTENT.into_response()
}

/// The media type of a `Content-Type` value, without parameters, in lower case.
fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Append `text` to the file at `path` (created when missing).
async fn append(path: &Path, text: &str) -> std::io::Result<()> {
    use tokio::io::AsyncWriteExt;
    let mut f = tokio::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .await?;
    f.write_all(text.as_bytes()).await?;
    f.flush().await
}

/// The reports in a body of the content type `content_type` (see [`csp_report`]);
/// `application/json` is taken as either shape.
pub fn parse_csp_reports(
    content_type: &str,
    body: &[u8],
) -> Result<Vec<serde_json::Value>, ApiError> {
    let essence = media_type(content_type);
    if !matches!(
        essence.as_str(),
        "application/csp-report" | "application/reports+json" | "application/json"
    ) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::BadRequest,
            "送信内容の形式が正しくありません。",
        ));
    }
    let bad = || {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::BadRequest,
            "送信内容の形式が正しくありません。",
        )
    };
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|_| bad())?;
    match value {
        serde_json::Value::Array(items) if items.iter().all(|i| i.is_object()) => Ok(items),
        serde_json::Value::Object(ref o) if o.contains_key("csp-report") => Ok(vec![value]),
        _ => Err(bad()),
    }
}

/// The Content-Security-Policy for a build whose `index.html` is `index_html`: Trunk's
/// inline loader script is allowed by its hash, nothing else inline.
pub fn content_security_policy(index_html: Option<&str>) -> String {
    let hashes: String = index_html
        .map(inline_scripts)
        .unwrap_or_default()
        .iter()
        .map(|s| {
            let digest = Sha256::digest(s.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self'; font-src 'self'; connect-src 'self'; worker-src 'self'; \
         frame-src blob:; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         report-uri /api/csp-report; report-to {CSP_REPORT_GROUP}"
    )
}

/// The contents of `<script>` elements without `src`.
fn inline_scripts(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        rest = &rest[start..];
        let Some(tag_end) = rest.find('>') else { break };
        let tag = &rest[..tag_end];
        let body = &rest[tag_end + 1..];
        let Some(close) = body.find("</script>") else {
            break;
        };
        if !tag.contains("src=") {
            out.push(body[..close].to_owned());
        }
        rest = &body[close..];
    }
    out
}

/// Security headers on every answer (files, the SPA's `index.html`, every `/api` answer
/// including errors, 404, 405 and 413, and the extractors' rejections: this layer wraps
/// the whole router, fallbacks included); `no-store` on HTML, JSON and anything under
/// `/api`, whatever its type (a 204, an extractor's plain-text rejection).
async fn security_headers(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let api = req.uri().path() == "/api" || req.uri().path().starts_with("/api/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let mut set = |name: &'static str, value: &str| {
        if let Ok(v) = HeaderValue::from_str(value) {
            h.insert(name, v);
        }
    };
    set("content-security-policy", &st.config.csp);
    set("reporting-endpoints", REPORTING_ENDPOINTS);
    set("x-content-type-options", "nosniff");
    set("referrer-policy", "no-referrer");
    set("x-frame-options", "DENY");
    set("cross-origin-opener-policy", "same-origin");
    set("cross-origin-resource-policy", "same-origin");
    set(
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), payment=()",
    );
    if st.config.tls {
        set("strict-transport-security", "max-age=31536000");
    }
    let content_type = h
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let cache = if api
        || content_type.starts_with("text/html")
        || content_type.starts_with("application/json")
    {
        "no-store"
    } else {
        "no-cache"
    };
    if api || !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_with_an_extension_names_a_file() {
        for p in [
            "/kanri-pdf-worker_bg.wasm",
            "/fonts/BIZUDPGothic-Regular.ttf",
            "/fonts/OFL.txt",
            "/app-1a2b3c.js",
        ] {
            assert!(names_a_file(p), "{p}");
        }
        for p in [
            "/",
            "/admin/users/list",
            "/admin/users/u/user01",
            "/help/BSRR001",
            "/fonts/",
        ] {
            assert!(!names_a_file(p), "{p}");
        }
    }

    #[test]
    fn csp_allows_only_hashed_inline_scripts() {
        let html =
            r#"<html><script src="/a.js"></script><script type="module">init();</script></html>"#;
        let csp = content_security_policy(Some(html));
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
        assert_eq!(csp.matches("'sha256-").count(), 1);
        assert!(!csp.contains("unsafe-inline"));
        assert!(!csp.contains("'unsafe-eval'"));
        for d in [
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'none'",
        ] {
            assert!(csp.contains(d), "{d}");
        }
    }
}
