//! 電子証明書: refusals that say why, 証明書失効, 電子証明書の取扱い at a change, deletion,
//! and the issuing app's issuance, through the router.

mod common;

use axum::http::StatusCode;
use common::{
    call, harness, key, logged_in, logged_in_with_certificate, parse, Answer, Client, Harness,
};
use kanri_contract::api::{ErrorCode, PresentedCertificateStatus, Session};
use kanri_contract::users::{
    CertificateHandling, CertificateRevoked, CertificateState, Changed, Confirmation, UserChanged,
    UserDetail, UserInput, UserList, UserRequest,
};
use kanri_stub::certcheck;
use kanri_stub::certificates::{self, IssueError};
use kanri_stub::seed::{DEMO_CONFIRM_PASSWORD, DEMO_PASSWORD};
use kanri_stub::state::{DEFAULT_CERT_APP_DOWNLOAD_URL, DEFAULT_CERT_APP_LAUNCH_URL};
use serde_json::{json, Value};

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

fn confirmed(password: &str) -> Option<Value> {
    Some(json!({ "confirmation": { "confirm_password": password } }))
}

async fn revoke(b: &mut Client<'_>, login_id: &str, password: &str) -> Answer {
    let path = format!("/api/users/{login_id}/certificate/revoke");
    call(b, "POST", &path, confirmed(password)).await
}

async fn detail(b: &mut Client<'_>, login_id: &str) -> UserDetail {
    let a = call(b, "GET", &format!("/api/users/{login_id}"), None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    parse(&a)
}

async fn state_in_list(b: &mut Client<'_>, login_id: &str) -> CertificateState {
    let list: UserList = parse(&call(b, "GET", "/api/users", None).await);
    list.users
        .iter()
        .find(|u| u.login_id == login_id)
        .map(|u| u.certificate)
        .unwrap()
}

/// A change request keeping everything of `d`, with this 電子証明書の取扱い.
fn handling(d: &UserDetail, certificate: CertificateHandling) -> Option<Value> {
    let req = UserRequest {
        user: UserInput {
            profile: d.profile.clone(),
            login_id_again: d.profile.login_id.clone(),
            email_again: d.profile.email.clone(),
            login_password: None,
            confirm_password: None,
            certificate,
        },
        confirmation: Confirmation {
            confirm_password: DEMO_CONFIRM_PASSWORD.into(),
            one_time_password: None,
        },
    };
    Some(serde_json::to_value(req).unwrap())
}

/// Rows of the operation log: (business, operation, result, detail).
fn log(h: &Harness, operation: &str) -> Vec<(String, String, String, String)> {
    let c = h.db.lock();
    let mut st = c
        .prepare(
            "SELECT business, login_id, result, detail FROM operation_log WHERE operation = ?1 \
             ORDER BY id",
        )
        .unwrap();
    st.query_map([operation], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

fn row(business: &str, by: &str, result: &str, detail: &str) -> (String, String, String, String) {
    (business.into(), by.into(), result.into(), detail.into())
}

#[tokio::test]
async fn a_revoked_certificate_is_refused_on_its_next_request_and_at_login() {
    let h = harness();
    let mut holder = logged_in_with_certificate(&h, "user01").await;
    let mut admin = logged_in(&h, "admin02").await;
    let a = revoke(&mut admin, "user01", DEMO_CONFIRM_PASSWORD).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let r: CertificateRevoked = parse(&a);
    assert_eq!(r.user.login_id, "user01");
    assert_eq!(r.user.certificate, CertificateState::Revoked);
    assert!(r.user.certificate_expires_at.is_some());
    assert!(!r.own);
    assert!(a.cookie.is_none(), "the operator's session is untouched");

    let a = call(&mut holder, "GET", "/api/session", None).await;
    assert_eq!(
        refusal(&a),
        (
            ErrorCode::CertificateRefused,
            Some(PresentedCertificateStatus::Revoked),
            certcheck::REVOKED.into()
        )
    );
    let mut again = Client::new(&h).with_certificate_of("user01");
    let a = again.login(None, DEMO_PASSWORD, &key()).await;
    assert_eq!(refusal(&a).1, Some(PresentedCertificateStatus::Revoked));
    assert_eq!(
        again.context().await.certificate.unwrap().status,
        PresentedCertificateStatus::Revoked
    );

    assert_eq!(
        state_in_list(&mut admin, "user01").await,
        CertificateState::Revoked
    );
    assert_eq!(
        log(&h, "証明書失効"),
        [row("利用者管理", "admin02", "正常", "ログインID：user01")]
    );
    // An expired certificate can be revoked too.
    let a = revoke(&mut admin, "user02", DEMO_CONFIRM_PASSWORD).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(
        parse::<CertificateRevoked>(&a).user.certificate,
        CertificateState::Revoked
    );
}

#[tokio::test]
async fn only_managers_revoke_and_only_a_certificate_there_is() {
    let h = harness();
    let mut general = logged_in(&h, "user08").await;
    let a = revoke(&mut general, "user01", DEMO_CONFIRM_PASSWORD).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(a.error().code, ErrorCode::Forbidden);
    assert_eq!(a.error().certificate_status, None);

    let mut admin = logged_in(&h, "admin02").await;
    let a = revoke(&mut admin, "nobody99", DEMO_CONFIRM_PASSWORD).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    // Only the master user acts on the master user.
    let a = revoke(&mut admin, "master01", DEMO_CONFIRM_PASSWORD).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(
        a.error().message,
        "マスターユーザの利用者情報は、マスターユーザのみ変更できます。"
    );
    for id in ["user03", "user04", "admin02"] {
        // 失効済み, 未発行, ID・パスワード方式: asked before the password, which is not counted.
        let a = revoke(&mut admin, id, "Wrong1234").await;
        assert_eq!(a.status, StatusCode::CONFLICT, "{id}");
        assert_eq!(a.error().code, ErrorCode::Conflict);
        assert_eq!(a.error().message, certificates::NOTHING_TO_REVOKE);
    }
    let a = call(
        &mut admin,
        "POST",
        "/api/users/user01/certificate/revoke",
        Some(json!({ "confirmation": 1 })),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        state_in_list(&mut admin, "user01").await,
        CertificateState::Issued
    );
    let results: Vec<(String, String)> = log(&h, "証明書失効")
        .into_iter()
        .map(|(_, by, r, d)| (by, format!("{r} {d}")))
        .collect();
    assert_eq!(
        results,
        [
            (
                "user08".into(),
                "異常 ログインID：user01（権限なし）".into()
            ),
            (
                "admin02".into(),
                "異常 ログインID：nobody99（対象なし）".into()
            ),
            (
                "admin02".into(),
                "異常 ログインID：master01（マスターユーザの証明書）".into()
            ),
            (
                "admin02".into(),
                "異常 ログインID：user03（失効できる電子証明書なし）".into()
            ),
            (
                "admin02".into(),
                "異常 ログインID：user04（失効できる電子証明書なし）".into()
            ),
            (
                "admin02".into(),
                "異常 ログインID：admin02（失効できる電子証明書なし）".into()
            ),
            (
                "admin02".into(),
                "異常 ログインID：user01（要求形式誤り）".into()
            ),
        ]
    );
}

#[tokio::test]
async fn the_revocation_is_confirmed_like_every_user_admin_mutation() {
    let h = harness();
    let mut admin = logged_in(&h, "admin02").await;
    let a = revoke(&mut admin, "user01", "").await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        a.error().field_errors[0].field,
        "confirmation.confirm_password"
    );
    assert_eq!(a.error().field_errors[0].code, "required");
    for left in (1..=4u32).rev() {
        let a = revoke(&mut admin, "user01", "Wrong1234").await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(a.error().remaining_attempts, Some(left));
        assert_eq!(a.error().field_errors[0].code, "wrong_password");
    }
    let a = revoke(&mut admin, "user01", "Wrong1234").await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(a.error().code, ErrorCode::ConfirmPasswordLocked);
    // The lock is the operator's, for every mutation.
    let a = revoke(&mut admin, "user01", DEMO_CONFIRM_PASSWORD).await;
    assert_eq!(a.error().code, ErrorCode::ConfirmPasswordLocked);
    let a = call(
        &mut admin,
        "DELETE",
        "/api/users/user05",
        confirmed(DEMO_CONFIRM_PASSWORD),
    )
    .await;
    assert_eq!(a.error().code, ErrorCode::ConfirmPasswordLocked);
    assert_eq!(
        state_in_list(&mut admin, "user01").await,
        CertificateState::Issued
    );
}

#[tokio::test]
async fn revoking_ones_own_certificate_ends_every_own_session_and_clears_the_cookie() {
    let h = harness();
    let mut here = logged_in_with_certificate(&h, "admin01").await;
    let mut elsewhere = logged_in_with_certificate(&h, "admin01").await;
    let k = key();
    let a = here
        .send(
            "POST",
            "/api/users/admin01/certificate/revoke",
            confirmed(DEMO_CONFIRM_PASSWORD),
            Some(&k),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let r: CertificateRevoked = parse(&a);
    assert!(r.own);
    assert_eq!(r.user.certificate, CertificateState::Revoked);
    assert_eq!(a.cookie.as_deref(), Some("kanri_session="));
    for b in [&mut here, &mut elsewhere] {
        let a = call(b, "GET", "/api/session", None).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{}", a.body);
    }
    let mut again = Client::new(&h).with_certificate_of("admin01");
    let a = again.login(None, DEMO_PASSWORD, &key()).await;
    assert_eq!(refusal(&a).1, Some(PresentedCertificateStatus::Revoked));
    assert_eq!(
        log(&h, "証明書失効"),
        [row("利用者管理", "admin01", "正常", "ログインID：admin01")]
    );
}

#[tokio::test]
async fn reissue_at_a_change_leaves_the_user_not_issued_until_the_app_issues_one() {
    let h = harness();
    let old_certificate = Client::new(&h).with_certificate_of("user01").cert;
    let mut holder = logged_in_with_certificate(&h, "user01").await;
    let mut admin = logged_in(&h, "admin02").await;
    let before = detail(&mut admin, "user01").await;
    assert_eq!(before.certificate, CertificateState::Issued);
    let a = call(
        &mut admin,
        "PUT",
        "/api/users/user01",
        handling(&before, CertificateHandling::RevokeAndReissue),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let r: UserChanged = parse(&a);
    assert_eq!(r.changed, [Changed::Certificate]);
    assert_eq!(r.before, before);
    assert_eq!(r.after.certificate, CertificateState::NotIssued);
    assert_eq!(r.after.certificate_expires_at, None);
    assert_eq!(
        state_in_list(&mut admin, "user01").await,
        CertificateState::NotIssued
    );

    // The user's session is refused at once; nothing is left to revoke.
    let a = call(&mut holder, "GET", "/api/session", None).await;
    assert_eq!(refusal(&a).1, Some(PresentedCertificateStatus::Revoked));
    let a = revoke(&mut admin, "user01", DEMO_CONFIRM_PASSWORD).await;
    assert_eq!(a.status, StatusCode::CONFLICT);

    // The issuing app issues the new certificate: it opens a session, the old one does not.
    let issued = certificates::issue(&h.db, &h.pki, "user01", 365).unwrap();
    assert!(issued.cert_path.ends_with("certs/users/user01.pem"));
    assert_eq!(
        state_in_list(&mut admin, "user01").await,
        CertificateState::Issued
    );
    let mut renewed = logged_in_with_certificate(&h, "user01").await;
    let s: Session = parse(&call(&mut renewed, "GET", "/api/session", None).await);
    assert_eq!(s.certificate.unwrap().expires_at, issued.not_after);
    let mut old = Client::new(&h);
    old.cert = old_certificate;
    let a = old.login(None, DEMO_PASSWORD, &key()).await;
    assert_eq!(refusal(&a).1, Some(PresentedCertificateStatus::Revoked));

    assert_eq!(
        log(&h, "利用者変更"),
        [row("利用者管理", "admin02", "正常", "ログインID：user01")]
    );
    let serial = format!("シリアル番号：{}", issued.serial);
    assert_eq!(
        log(&h, "証明書発行"),
        [row("電子証明書", "user01", "正常", &serial)]
    );
}

#[tokio::test]
async fn revoke_at_a_change_leaves_the_certificate_revoked() {
    let h = harness();
    let mut admin = logged_in(&h, "admin02").await;
    let before = detail(&mut admin, "admin01").await;
    assert_eq!(before.certificate, CertificateState::Renewable);
    let mut req = handling(&before, CertificateHandling::Revoke).unwrap();
    req["user"]["name"] = json!("港　花");
    let a = call(&mut admin, "PUT", "/api/users/admin01", Some(req)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let r: UserChanged = parse(&a);
    assert_eq!(r.changed, [Changed::Certificate, Changed::Name]);
    assert_eq!(r.after.certificate, CertificateState::Revoked);
    assert_eq!(
        r.after.certificate_expires_at,
        before.certificate_expires_at
    );
    let mut holder = Client::new(&h).with_certificate_of("admin01");
    let a = holder.login(None, DEMO_PASSWORD, &key()).await;
    assert_eq!(refusal(&a).1, Some(PresentedCertificateStatus::Revoked));
}

#[tokio::test]
async fn the_handling_is_refused_where_it_is_not_offered() {
    let h = harness();
    let mut me = logged_in_with_certificate(&h, "admin01").await;
    let mut admin = logged_in(&h, "admin02").await;
    // The operator's own certificate; an ID・パスワード user; nothing left to revoke.
    for id in ["admin01", "user08", "user03", "user04"] {
        let b = if id == "admin01" { &mut me } else { &mut admin };
        let d = detail(b, id).await;
        for choice in [
            CertificateHandling::Revoke,
            CertificateHandling::RevokeAndReissue,
        ] {
            let a = call(b, "PUT", &format!("/api/users/{id}"), handling(&d, choice)).await;
            assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{id}");
            let e = a.error();
            assert_eq!(e.field_errors.len(), 1, "{id}: {:?}", e.field_errors);
            assert_eq!(e.field_errors[0].field, "user.certificate");
            assert_eq!(e.field_errors[0].code, "not_offered");
            assert_eq!(
                e.field_errors[0].message,
                "この利用者の電子証明書は、ここでは失効・再発行できません。"
            );
        }
        assert_eq!(detail(b, id).await, d);
    }
    // 継続 with nothing else is still "no change".
    let d = detail(&mut admin, "user01").await;
    let a = call(
        &mut admin,
        "PUT",
        "/api/users/user01",
        handling(&d, CertificateHandling::Continue),
    )
    .await;
    assert_eq!(a.error().field_errors[0].code, "no_change");
    // The error sits with the basic step's fields, before rights.
    let mut req = handling(&d, CertificateHandling::Revoke).unwrap();
    req["user"]["name"] = json!("x");
    req["user"]["rights"] = json!(["debit_screen"]);
    let d = detail(&mut admin, "user04").await;
    req["user"]["login_id"] = json!(d.profile.login_id);
    req["user"]["login_id_again"] = json!(d.profile.login_id);
    let a = call(&mut admin, "PUT", "/api/users/user04", Some(req)).await;
    let fields: Vec<String> = a
        .error()
        .field_errors
        .into_iter()
        .map(|f| f.field)
        .collect();
    assert_eq!(fields, ["user.name", "user.certificate", "user.rights"]);
}

#[tokio::test]
async fn a_deleted_users_certificate_is_refused_on_the_next_request_of_its_session() {
    let h = harness();
    let mut holder = logged_in_with_certificate(&h, "user01").await;
    let mut admin = logged_in(&h, "admin02").await;
    let a = call(
        &mut admin,
        "DELETE",
        "/api/users/user01",
        confirmed(DEMO_CONFIRM_PASSWORD),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let a = call(&mut holder, "GET", "/api/session", None).await;
    assert_eq!(
        refusal(&a),
        (
            ErrorCode::CertificateRefused,
            Some(PresentedCertificateStatus::Revoked),
            certcheck::REVOKED.into()
        )
    );
    assert_eq!(
        call(&mut holder, "GET", "/api/session", None).await.status,
        StatusCode::UNAUTHORIZED,
        "the session has ended"
    );
}

#[tokio::test]
async fn the_issuing_app_issues_only_to_certificate_users_without_a_usable_certificate() {
    let h = harness();
    let issued = certificates::issue(&h.db, &h.pki, "user04", 365).unwrap();
    assert!(issued.cert_path.exists() && issued.key_path.exists());
    let mut b = logged_in_with_certificate(&h, "user04").await;
    let s: Session = parse(&call(&mut b, "GET", "/api/session", None).await);
    assert!(!s.certificate.unwrap().renewal_notice);

    for (id, days) in [("user04", 365), ("user01", 365), ("admin01", 365)] {
        let e = certificates::issue(&h.db, &h.pki, id, days).unwrap_err();
        assert!(matches!(e, IssueError::NotIssuable { .. }), "{id}: {e}");
    }
    let e = certificates::issue(&h.db, &h.pki, "admin01", 365).unwrap_err();
    assert_eq!(
        e.to_string(),
        "ログインID admin01 の利用者の証明書状態は「更新可」です。発行できるのは、証明書状態が未発行・失効済み・有効期限切れの利用者です。"
    );
    assert!(matches!(
        certificates::issue(&h.db, &h.pki, "admin02", 365),
        Err(IssueError::PasswordUser(_))
    ));
    assert!(matches!(
        certificates::issue(&h.db, &h.pki, "nobody99", 365),
        Err(IssueError::UnknownUser(_))
    ));
    assert!(matches!(
        certificates::issue(&h.db, &h.pki, "user02", 0),
        Err(IssueError::Days(0))
    ));
    // 失効済み and 有効期限切れ users get one; a short one is 更新可 at once.
    certificates::issue(&h.db, &h.pki, "user03", 10).unwrap();
    certificates::issue(&h.db, &h.pki, "user02", 365).unwrap();
    let mut admin = logged_in(&h, "admin02").await;
    assert_eq!(
        state_in_list(&mut admin, "user03").await,
        CertificateState::Renewable
    );
    assert_eq!(
        state_in_list(&mut admin, "user02").await,
        CertificateState::Issued
    );
    let by: Vec<String> = log(&h, "証明書発行").into_iter().map(|r| r.1).collect();
    assert_eq!(by, ["user04", "user03", "user02"]);
}

#[test]
fn the_issuing_app_writes_beside_a_running_server() {
    use kanri_stub::db::Db;
    use kanri_stub::pki::Pki;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kanri.sqlite3");
    let pki = Pki::create(&dir.path().join("certs")).unwrap();
    let server = Db::open(&path).unwrap();
    kanri_stub::seed::seed(&mut server.lock(), &pki).unwrap();
    let count = |db: &Db| -> i64 {
        db.lock()
            .query_row("SELECT COUNT(*) FROM certificates", [], |r| r.get(0))
            .unwrap()
    };
    let before = count(&server);
    // The server is in the middle of a read: the issuance does not wait for it.
    let reading = server.lock();
    reading.execute_batch("BEGIN").unwrap();
    let _: i64 = reading
        .query_row("SELECT COUNT(*) FROM users", [], |r| r.get(0))
        .unwrap();
    let command = Db::open(&path).unwrap();
    let issued = certificates::issue(
        &command,
        &Pki::load(&dir.path().join("certs")).unwrap(),
        "user04",
        365,
    )
    .unwrap();
    reading.execute_batch("COMMIT").unwrap();
    drop(reading);
    assert_eq!(count(&server), before + 1);
    let owner: String = server
        .lock()
        .query_row(
            "SELECT u.login_id FROM certificates c JOIN users u ON u.id = c.user_id \
             WHERE c.fingerprint = ?1",
            [&issued.fingerprint],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(owner, "user04");
}
