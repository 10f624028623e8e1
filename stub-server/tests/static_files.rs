//! The SPA's build served by `serve --dist`: content types, the SPA's `index.html` for
//! its own paths, 404 for a missing file (never `index.html`), and `Cache-Control` of the
//! PDF worker's un-hashed files and the fonts.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{seeded_harness_serving, Harness};
use kanri_stub::app::{FONT_CACHE_CONTROL, WORKER_CACHE_CONTROL};
use tower::ServiceExt;

const INDEX: &str = "<!DOCTYPE html><html><body>SPA</body></html>";

/// A build like Trunk's release build, with the PDF worker and the font.
fn dist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir(p.join("fonts")).unwrap();
    for (name, body) in [
        ("index.html", INDEX.as_bytes()),
        (
            "kanri-1a2b3c4d.js",
            b"export default function init() {}".as_slice(),
        ),
        ("kanri-1a2b3c4d_bg.wasm", b"\0asm\x01\0\0\0".as_slice()),
        (
            "kanri-pdf-worker_loader.js",
            b"importScripts('./kanri-pdf-worker.js');".as_slice(),
        ),
        ("kanri-pdf-worker.js", b"let wasm_bindgen;".as_slice()),
        ("kanri-pdf-worker_bg.wasm", b"\0asm\x01\0\0\0".as_slice()),
        (
            "fonts/BIZUDPGothic-Regular.ttf",
            b"\0\x01\0\0font".as_slice(),
        ),
        (
            "fonts/OFL.txt",
            "SIL OPEN FONT LICENSE Version 1.1".as_bytes(),
        ),
    ] {
        std::fs::write(p.join(name), body).unwrap();
    }
    dir
}

struct Got {
    status: StatusCode,
    content_type: String,
    cache_control: String,
    body: Vec<u8>,
}

async fn get(h: &Harness, path: &str) -> Got {
    let req = Request::builder().uri(path).body(Body::empty()).unwrap();
    let res = h.app.clone().oneshot(req).await.unwrap();
    let header = |name| {
        res.headers()
            .get(name)
            .map(|v: &axum::http::HeaderValue| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let (content_type, cache_control) =
        (header(header::CONTENT_TYPE), header(header::CACHE_CONTROL));
    let nosniff = header(header::X_CONTENT_TYPE_OPTIONS);
    assert_eq!(nosniff, "nosniff", "{path}: the security headers stay");
    let status = res.status();
    let body = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    Got {
        status,
        content_type,
        cache_control,
        body,
    }
}

#[tokio::test]
async fn the_worker_and_the_font_are_served_with_their_types_and_caching() {
    let dist = dist();
    let h = seeded_harness_serving(Some(dist.path()));
    for (path, content_type, cache) in [
        (
            "/kanri-pdf-worker_loader.js",
            "text/javascript",
            WORKER_CACHE_CONTROL,
        ),
        (
            "/kanri-pdf-worker.js",
            "text/javascript",
            WORKER_CACHE_CONTROL,
        ),
        (
            "/kanri-pdf-worker_bg.wasm",
            "application/wasm",
            WORKER_CACHE_CONTROL,
        ),
        (
            "/fonts/BIZUDPGothic-Regular.ttf",
            "font/ttf",
            FONT_CACHE_CONTROL,
        ),
        (
            "/fonts/OFL.txt",
            "text/plain; charset=utf-8",
            FONT_CACHE_CONTROL,
        ),
        // The main bundle as before.
        ("/kanri-1a2b3c4d.js", "text/javascript", "no-cache"),
        ("/kanri-1a2b3c4d_bg.wasm", "application/wasm", "no-cache"),
    ] {
        let g = get(&h, path).await;
        assert_eq!(g.status, StatusCode::OK, "{path}");
        assert_eq!(g.content_type, content_type, "{path}");
        assert_eq!(g.cache_control, cache, "{path}");
        let name = path.trim_start_matches('/');
        assert_eq!(
            g.body,
            std::fs::read(dist.path().join(name)).unwrap(),
            "{path}"
        );
    }
    assert_eq!(FONT_CACHE_CONTROL, "public, max-age=86400");
    assert_eq!(WORKER_CACHE_CONTROL, "no-cache");
}

#[tokio::test]
async fn the_spa_paths_get_index_html_and_a_missing_file_is_404() {
    let dist = dist();
    let h = seeded_harness_serving(Some(dist.path()));
    for path in ["/", "/login", "/admin/users/list", "/admin/users/u/user01"] {
        let g = get(&h, path).await;
        assert_eq!(g.status, StatusCode::OK, "{path}");
        assert!(g.content_type.starts_with("text/html"), "{path}");
        assert_eq!(g.cache_control, "no-store", "{path}");
        assert_eq!(g.body, INDEX.as_bytes(), "{path}");
    }
    for path in [
        "/fonts/BIZUDPGothic-Bold.ttf",
        "/fonts/missing.txt",
        "/kanri-pdf-worker_gone.js",
        "/kanri-pdf-worker_bg2.wasm",
        "/admin/kanri-pdf-worker.js",
        "/style-0000.css",
    ] {
        let g = get(&h, path).await;
        assert_eq!(g.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!g.content_type.starts_with("text/html"), "{path}");
        assert_ne!(g.body, INDEX.as_bytes(), "{path}: not the SPA");
        assert_ne!(
            g.cache_control, FONT_CACHE_CONTROL,
            "{path}: a 404 is not kept"
        );
    }
    // The API is still the API.
    let g = get(&h, "/api/nothing.json").await;
    assert_eq!(g.status, StatusCode::NOT_FOUND);
    assert!(g.content_type.starts_with("application/json"));
}
