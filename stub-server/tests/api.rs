//! The stand-in backend's contract, driven in-process through the router.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{harness, log_rows, Client};
use kanri_contract::api::{ErrorCode, Session};
use kanri_stub::seed;
use serde_json::json;
use tower::ServiceExt;

#[tokio::test]
async fn id_password_login_opens_a_session_and_logs_it() {
    let h = harness();
    let mut b = Client::new(&h);
    let a = b
        .login(Some("admin02"), seed::DEMO_PASSWORD, "key-login-0001")
        .await;
    assert_eq!(a.status, StatusCode::OK);
    let session: Session = serde_json::from_value(a.body).unwrap();
    assert_eq!(session.user.name, "山田　一郎");
    assert!(session.previous_login_at.is_some());
    let cookie = a.cookie.unwrap();
    assert!(cookie.starts_with("kanri_session="));

    let me = b.send("GET", "/api/session", None, None).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(
        log_rows(&h, "admin02"),
        [("ID・パスワードログイン".to_owned(), "正常".to_owned())]
    );

    let out = b
        .send("DELETE", "/api/session", None, Some("key-logout-001"))
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    let me = b.send("GET", "/api/session", None, None).await;
    assert_eq!(me.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_retried_login_is_answered_from_storage_not_run_twice() {
    let h = harness();
    let mut b = Client::new(&h);
    b.context().await;
    let anon_cookie = b.cookie.clone();
    let body = json!({ "login_id": "user08", "password": "Wrong9999" });
    let first = b
        .send(
            "POST",
            "/api/session",
            Some(body.clone()),
            Some("key-retry-0001"),
        )
        .await;
    assert_eq!(first.status, StatusCode::UNAUTHORIZED);
    assert_eq!(first.error().remaining_attempts, Some(4));

    // The same request again (a double click, a retry after a lost answer).
    b.cookie = anon_cookie;
    let again = b
        .send(
            "POST",
            "/api/session",
            Some(body.clone()),
            Some("key-retry-0001"),
        )
        .await;
    assert!(again.replayed);
    assert_eq!(
        again.error().remaining_attempts,
        Some(4),
        "the wrong password was counted once"
    );

    // The same key for something else is refused.
    let other = b
        .send(
            "POST",
            "/api/session",
            Some(json!({ "login_id": "user08", "password": "x" })),
            Some("key-retry-0001"),
        )
        .await;
    assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(other.error().code, ErrorCode::IdempotencyKeyReused);
}

#[tokio::test]
async fn mutations_need_a_key_a_session_and_its_csrf_token() {
    let h = harness();
    let mut b = Client::new(&h);
    let body = Some(json!({ "login_id": "admin02", "password": "Demo1234" }));
    let no_key = b.send("POST", "/api/session", body.clone(), None).await;
    assert_eq!(no_key.status, StatusCode::PRECONDITION_REQUIRED);
    let no_session = b
        .send("POST", "/api/session", body.clone(), Some("key-csrf-00001"))
        .await;
    assert_eq!(no_session.status, StatusCode::UNAUTHORIZED);
    b.context().await;
    b.csrf = Some("forged".into());
    let forged = b
        .send("POST", "/api/session", body, Some("key-csrf-00002"))
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(forged.error().code, ErrorCode::CsrfFailed);
}

#[tokio::test]
async fn certificate_login_needs_no_id_and_stays_bound_to_the_certificate() {
    let h = harness();
    let mut b = Client::new(&h).with_certificate_of("master01");
    let ctx = b.context().await;
    assert_eq!(
        ctx.certificate.unwrap().status,
        kanri_contract::api::PresentedCertificateStatus::Valid
    );
    let a = b.login(None, seed::DEMO_PASSWORD, "key-cert-00001").await;
    assert_eq!(a.status, StatusCode::OK);
    let s: Session = serde_json::from_value(a.body).unwrap();
    assert_eq!(s.user.login_id, "master01");
    assert!(!s.certificate.unwrap().renewal_notice);

    // The same session cookie with another user's certificate is refused and ended.
    let other = Client::new(&h).with_certificate_of("user01");
    b.cert = other.cert;
    let a = b.send("GET", "/api/session", None, None).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(a.error().code, ErrorCode::CertificateRefused);
    b.cert = Client::new(&h).with_certificate_of("master01").cert;
    assert_eq!(
        b.send("GET", "/api/session", None, None).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_revoked_certificate_ends_the_session_on_its_next_request() {
    let h = harness();
    let mut b = Client::new(&h).with_certificate_of("user01");
    assert_eq!(
        b.login(None, seed::DEMO_PASSWORD, "key-revoke-001")
            .await
            .status,
        StatusCode::OK
    );
    h.db.lock().execute("UPDATE certificates SET revoked_at = 1 WHERE user_id = (SELECT id FROM users WHERE login_id = 'user01')", []).unwrap();
    let a = b.send("GET", "/api/session", None, None).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert!(a.error().message.contains("失効"));
}

#[tokio::test]
async fn refused_certificates_cannot_log_in_and_say_why() {
    let h = harness();
    for (user, word) in [("user02", "有効期限"), ("user03", "失効")] {
        let mut b = Client::new(&h).with_certificate_of(user);
        let a = b
            .login(None, seed::DEMO_PASSWORD, &format!("key-refused-{user}"))
            .await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{user}");
        assert_eq!(a.error().code, ErrorCode::CertificateRefused);
        assert!(
            a.error().message.contains(word),
            "{user}: {}",
            a.error().message
        );
    }
    // A certificate user cannot fall back to ID and password.
    let mut b = Client::new(&h);
    let a = b
        .login(Some("user01"), seed::DEMO_PASSWORD, "key-refused-idpw")
        .await;
    assert_eq!(a.error().code, ErrorCode::CertificateRequired);
}

#[tokio::test]
async fn five_wrong_passwords_lock_the_id() {
    let h = harness();
    let mut b = Client::new(&h);
    for n in 1..=4u32 {
        let a = b
            .login(Some("admin02"), "Wrong0000", &format!("key-lock-{n:04}"))
            .await;
        assert_eq!(a.error().remaining_attempts, Some(5 - n));
    }
    let a = b.login(Some("admin02"), "Wrong0000", "key-lock-0005").await;
    assert_eq!(a.error().code, ErrorCode::AccountLocked);
    let a = b
        .login(Some("admin02"), seed::DEMO_PASSWORD, "key-lock-0006")
        .await;
    assert_eq!(a.error().code, ErrorCode::AccountLocked);
    assert!(log_rows(&h, "admin02").iter().all(|(_, r)| r == "異常"));
}

#[tokio::test]
async fn password_change_uses_the_shared_rules_and_clears_the_forced_flag() {
    let h = harness();
    let mut b = Client::new(&h);
    let a = b
        .login(Some("user05"), seed::DEMO_PASSWORD, "key-pw-000001")
        .await;
    let s: Session = serde_json::from_value(a.body).unwrap();
    assert!(s.must_change_password);

    let bad = json!({ "login_password": { "current": "Demo1234", "new": "abc12", "new_again": "abc12" }, "confirm_password": null });
    let a = b
        .send("PUT", "/api/me/password", Some(bad), Some("key-pw-000002"))
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let e = a.error();
    assert_eq!(e.field_errors[0].field, "login_password.new");
    assert_eq!(
        e.field_errors[0].message,
        "新しいログインパスワードは半角英数字6〜12文字で入力してください（現在5文字）。"
    );

    let only_confirm = json!({ "login_password": null, "confirm_password": { "current": "Conf1234", "new": "Kakunin99", "new_again": "Kakunin99" } });
    let a = b
        .send(
            "PUT",
            "/api/me/password",
            Some(only_confirm),
            Some("key-pw-000003"),
        )
        .await;
    assert_eq!(a.error().field_errors[0].field, "login_password");

    let good = json!({ "login_password": { "current": "Demo1234", "new": "Sakura2026", "new_again": "Sakura2026" }, "confirm_password": null });
    let a = b
        .send("PUT", "/api/me/password", Some(good), Some("key-pw-000004"))
        .await;
    assert_eq!(a.status, StatusCode::OK);
    let me: Session =
        serde_json::from_value(b.send("GET", "/api/session", None, None).await.body).unwrap();
    assert!(!me.must_change_password);

    let mut fresh = Client::new(&h);
    assert_eq!(
        fresh
            .login(Some("user05"), "Sakura2026", "key-pw-000005")
            .await
            .status,
        StatusCode::OK
    );
    assert!(log_rows(&h, "user05").contains(&("パスワード変更".to_owned(), "正常".to_owned())));
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let h = harness();
    let res = h
        .app
        .clone()
        .oneshot(Request::get("/api/nothing").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let hd = res.headers();
    assert!(hd["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));
    assert_eq!(hd["x-content-type-options"], "nosniff");
    assert_eq!(hd["cache-control"], "no-store");
    assert_eq!(hd["strict-transport-security"], "max-age=31536000");
    assert!(hd.contains_key("x-reference-id"));
}
