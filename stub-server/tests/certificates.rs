//! 電子証明書: refusals that say why, 証明書失効, 電子証明書の取扱い at a change, deletion,
//! and the issuing app's issuance, through the router.

mod common;

use axum::http::StatusCode;
use common::{call, harness, key, logged_in_with_certificate, parse, Answer, Client, Harness};
use kanri_contract::api::{ErrorCode, PresentedCertificateStatus, Session};
use kanri_stub::certcheck;
use kanri_stub::seed::DEMO_PASSWORD;
use kanri_stub::state::{DEFAULT_CERT_APP_DOWNLOAD_URL, DEFAULT_CERT_APP_LAUNCH_URL};

/// The refusal's code, certificate status and message.
fn refusal(a: &Answer) -> (ErrorCode, Option<PresentedCertificateStatus>, String) {
    assert_eq!(a.status, StatusCode::FORBIDDEN, "{}", a.body);
    let e = a.error();
    (e.code, e.certificate_status, e.message)
}

fn set_sql(h: &Harness, sql: &str, login_id: &str) {
    h.db.lock().execute(sql, [login_id]).unwrap();
}

#[tokio::test]
async fn a_session_carries_the_issuing_apps_addresses() {
    let h = harness();
    let mut b = logged_in_with_certificate(&h, "admin01").await;
    let s: Session = parse(&call(&mut b, "GET", "/api/session", None).await);
    let cert = s.certificate.unwrap();
    assert!(cert.renewal_notice, "admin01 expires within 40 days");
    assert!((19..=20).contains(&cert.days_left), "{}", cert.days_left);
    assert_eq!(cert.app_download_url, DEFAULT_CERT_APP_DOWNLOAD_URL);
    assert_eq!(cert.app_launch_url, DEFAULT_CERT_APP_LAUNCH_URL);
}

#[tokio::test]
async fn a_refused_certificate_at_login_says_what_is_wrong() {
    let h = harness();
    let cases = [
        (
            Client::new(&h).with_certificate_of("user03"),
            PresentedCertificateStatus::Revoked,
            certcheck::REVOKED,
        ),
        (
            Client::new(&h).with_certificate_of("user02"),
            PresentedCertificateStatus::Expired,
            certcheck::EXPIRED,
        ),
        (
            Client::new(&h).with_unknown_certificate(),
            PresentedCertificateStatus::Unknown,
            certcheck::UNKNOWN,
        ),
    ];
    for (mut b, status, message) in cases {
        let a = b.login(None, DEMO_PASSWORD, &key()).await;
        assert_eq!(
            refusal(&a),
            (ErrorCode::CertificateRefused, Some(status), message.into())
        );
    }
    assert!(certcheck::REVOKED.starts_with("この電子証明書は失効しています。"));
    assert!(certcheck::EXPIRED.starts_with("この電子証明書は有効期限が切れています。"));
    // Other errors carry no certificate status.
    let mut b = Client::new(&h);
    let a = b.login(Some("admin02"), "Wrong0000", &key()).await;
    assert_eq!(a.error().certificate_status, None);
    assert!(a.body["certificate_status"].is_null());
}

#[tokio::test]
async fn a_bound_session_is_refused_at_once_with_the_reason_and_ended() {
    let h = harness();
    // (what the next request presents, the expected status)
    type Present = fn(Client<'_>) -> Client<'_>;
    let cases: [(Present, PresentedCertificateStatus, &str); 4] = [
        (
            |b| b.without_certificate(),
            PresentedCertificateStatus::Unknown,
            certcheck::MISSING,
        ),
        (
            |b| b.with_unknown_certificate(),
            PresentedCertificateStatus::Unknown,
            certcheck::UNKNOWN,
        ),
        (
            |b| b.with_certificate_of("master01"),
            PresentedCertificateStatus::Valid,
            certcheck::DIFFERENT,
        ),
        (
            |b| b.with_certificate_of("user03"),
            PresentedCertificateStatus::Revoked,
            certcheck::REVOKED,
        ),
    ];
    for (present, status, message) in cases {
        let b = logged_in_with_certificate(&h, "user01").await;
        let cookie = b.cookie.clone();
        let mut other = present(Client::new(&h));
        other.cookie = cookie.clone();
        let a = call(&mut other, "GET", "/api/session", None).await;
        assert_eq!(
            refusal(&a),
            (ErrorCode::CertificateRefused, Some(status), message.into()),
            "{status:?}"
        );
        // The session has ended: its own certificate no longer opens it.
        let mut b = Client::new(&h).with_certificate_of("user01");
        b.cookie = cookie;
        assert_eq!(
            call(&mut b, "GET", "/api/session", None).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
}

#[tokio::test]
async fn a_bound_session_is_refused_on_the_request_right_after_a_revocation_or_expiry() {
    for (sql, status) in [
        (
            "UPDATE certificates SET revoked_at = 1 WHERE user_id = \
             (SELECT id FROM users WHERE login_id = ?1)",
            PresentedCertificateStatus::Revoked,
        ),
        (
            "UPDATE certificates SET not_after = 1 WHERE user_id = \
             (SELECT id FROM users WHERE login_id = ?1)",
            PresentedCertificateStatus::Expired,
        ),
    ] {
        let h = harness();
        let mut b = logged_in_with_certificate(&h, "user01").await;
        assert_eq!(
            call(&mut b, "GET", "/api/session", None).await.status,
            StatusCode::OK
        );
        set_sql(&h, sql, "user01");
        let a = call(&mut b, "GET", "/api/users", None).await;
        assert_eq!(refusal(&a).1, Some(status));
    }
}
