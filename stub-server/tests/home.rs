//! ホーム through the router: ログイン履歴 (`GET /api/home`), お知らせ and marking one read
//! (`POST /api/notices/{id}/read`), 最近の操作, and keeping the session alive
//! (`POST /api/session/keep-alive`) — with the idle limit driven by moving the session's
//! `last_seen_at` back in the database (the harness has no clock of its own).

mod common;

use axum::http::StatusCode;
use common::{
    call, harness, key, log_rows, logged_in, logged_in_with_certificate, parse, seeded_harness,
    Client, Harness,
};
use kanri_contract::api::{AuthMethod, ErrorCode, Session};
use kanri_contract::history::{business, operations};
use kanri_contract::home::{
    HomeView, KeepAlive, NoticeList, RecentOperation, LOGIN_HISTORY_LEN, RECENT_OPERATIONS_LEN,
};
use kanri_stub::home::NOTICE_NOT_FOUND;
use kanri_stub::seed;
use serde_json::json;

const EXPIRED_MESSAGE: &str = "セッションがタイムアウトしました。再度ログインしてください。";

async fn home(b: &mut Client<'_>) -> HomeView {
    let a = call(b, "GET", "/api/home", None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    parse(&a)
}

async fn session(b: &mut Client<'_>) -> Session {
    let a = call(b, "GET", "/api/session", None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    parse(&a)
}

fn user_id(h: &Harness, login_id: &str) -> i64 {
    h.db.lock()
        .query_row(
            "SELECT id FROM users WHERE login_id = ?1",
            [login_id],
            |r| r.get(0),
        )
        .unwrap()
}

/// The session ID in the browser's cookie.
fn session_id(b: &Client<'_>) -> String {
    let cookie = b.cookie.as_deref().expect("a session cookie");
    cookie.split_once('=').expect("name=value").1.to_owned()
}

fn last_seen(h: &Harness, b: &Client<'_>) -> i64 {
    h.db.lock()
        .query_row(
            "SELECT last_seen_at FROM sessions WHERE id = ?1",
            [session_id(b)],
            |r| r.get(0),
        )
        .unwrap()
}

/// Make the browser's session look idle for `secs` seconds.
fn idle_for(h: &Harness, b: &Client<'_>, secs: i64) {
    let n =
        h.db.lock()
            .execute(
                "UPDATE sessions SET last_seen_at = ?1 WHERE id = ?2",
                rusqlite::params![kanri_stub::db::now() - secs, session_id(b)],
            )
            .unwrap();
    assert_eq!(n, 1);
}

/// Let `secs` seconds pass for the browser's session (its last activity moves back).
fn pass(h: &Harness, b: &Client<'_>, secs: i64) {
    let n =
        h.db.lock()
            .execute(
                "UPDATE sessions SET last_seen_at = last_seen_at - ?1 WHERE id = ?2",
                rusqlite::params![secs, session_id(b)],
            )
            .unwrap();
    assert_eq!(n, 1);
}

// ---- ログイン履歴 ----

#[tokio::test]
async fn login_history_shows_this_login_first_then_the_earlier_ones_with_their_method() {
    let h = harness();
    // A refused login is not a login.
    let mut wrong = Client::new(&h);
    let a = wrong.login(Some("admin02"), "Wrong999", &key()).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);

    let mut b = logged_in(&h, "admin02").await;
    let s = session(&mut b).await;
    let v = home(&mut b).await;
    assert_eq!(v.logins.len(), LOGIN_HISTORY_LEN);
    assert_eq!(v.logins[0].at, s.logged_in_at, "this login first");
    assert_eq!(v.logins[1].at, s.previous_login_at.unwrap());
    assert!(
        v.logins.windows(2).all(|w| w[0].at > w[1].at),
        "newest first"
    );
    assert!(v.logins.iter().all(|l| l.method == AuthMethod::Password));

    // Two more logins: only the latest three are shown, the current one first.
    let _second = logged_in(&h, "admin02").await;
    let mut third = logged_in(&h, "admin02").await;
    let v = home(&mut third).await;
    let now = kanri_stub::db::now();
    assert_eq!(v.logins.len(), LOGIN_HISTORY_LEN);
    assert!(v.logins.iter().all(|l| now - l.at < 60), "{:?}", v.logins);
    let admin02 = user_id(&h, "admin02");
    let ids: Vec<i64> =
        h.db.lock()
            .prepare("SELECT at FROM login_history WHERE user_id = ?1 ORDER BY id DESC LIMIT 3")
            .unwrap()
            .query_map([admin02], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
    assert_eq!(v.logins.iter().map(|l| l.at).collect::<Vec<_>>(), ids);
}

#[tokio::test]
async fn certificate_logins_are_shown_as_such_and_a_first_login_has_only_itself() {
    let h = harness();
    let mut b = logged_in_with_certificate(&h, "master01").await;
    let v = home(&mut b).await;
    assert_eq!(v.logins.len(), LOGIN_HISTORY_LEN);
    assert!(v.logins.iter().all(|l| l.method == AuthMethod::Certificate));
    let method: String =
        h.db.lock()
            .query_row(
                "SELECT method FROM login_history ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
    assert_eq!(method, "certificate");

    // user05 logs in for the first time (no earlier logins are seeded).
    let mut first = logged_in(&h, "user05").await;
    let s = session(&mut first).await;
    assert!(s.must_change_password);
    let v = home(&mut first).await;
    assert_eq!(v.logins.len(), 1);
    assert_eq!(v.logins[0].at, s.logged_in_at);
    assert_eq!(v.logins[0].method, AuthMethod::Password);
}

// ---- お知らせ ----

#[tokio::test]
async fn the_seeded_notices_are_listed_newest_first_and_unread() {
    let h = harness();
    let mut b = logged_in(&h, "user08").await;
    let v = home(&mut b).await;
    let n = &v.notices;
    assert_eq!(n.notices.len(), 4);
    assert_eq!(n.unread, 4);
    assert!(n.notices.iter().all(|x| !x.read));
    assert!(n
        .notices
        .windows(2)
        .all(|w| w[0].published_at > w[1].published_at));
    let now = kanri_stub::db::now();
    assert!(n
        .notices
        .iter()
        .all(|x| x.published_at < now && now - x.published_at < 10 * 86_400));
    assert_eq!(n.notices[0].title, "システムメンテナンスのお知らせ");
    let important: Vec<_> = n
        .notices
        .iter()
        .filter(|x| x.important)
        .map(|x| x.title.as_str())
        .collect();
    assert_eq!(important, ["システムメンテナンスのお知らせ"]);
    assert!(n.notices.iter().all(|x| !x.body.is_empty()));
}

#[tokio::test]
async fn marking_a_notice_read_is_per_user_idempotent_and_not_logged() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let mut other = logged_in(&h, "user08").await;
    let list = home(&mut b).await.notices;
    let second = list.notices[1].id;

    let a = call(&mut b, "POST", &format!("/api/notices/{second}/read"), None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let after: NoticeList = parse(&a);
    assert_eq!(after.unread, 3);
    assert_eq!(
        after
            .notices
            .iter()
            .filter(|n| n.read)
            .map(|n| n.id)
            .collect::<Vec<_>>(),
        [second]
    );
    // The same order and notices as before, only the flag changed.
    assert_eq!(
        after.notices.iter().map(|n| n.id).collect::<Vec<_>>(),
        list.notices.iter().map(|n| n.id).collect::<Vec<_>>()
    );
    let read_at = |h: &Harness| -> i64 {
        h.db.lock()
            .query_row(
                "SELECT read_at FROM notice_reads WHERE notice_id = ?1",
                [second],
                |r| r.get(0),
            )
            .unwrap()
    };
    let first_read = read_at(&h);

    // Again (a new action, a new key): fine, nothing changes.
    let a = call(&mut b, "POST", &format!("/api/notices/{second}/read"), None).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(!a.replayed);
    assert_eq!(parse::<NoticeList>(&a), after);
    assert_eq!(read_at(&h), first_read);
    assert_eq!(home(&mut b).await.notices, after);

    // Another user's flags are their own.
    let theirs = home(&mut other).await.notices;
    assert_eq!(theirs.unread, 4);
    assert!(theirs.notices.iter().all(|n| !n.read));

    // Reading is not an operation of the administration.
    assert_eq!(
        log_rows(&h, "admin02"),
        [(operations::PASSWORD_LOGIN.to_owned(), "正常".to_owned())]
    );
}

#[tokio::test]
async fn an_unknown_notice_is_404_in_japanese() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    for id in ["999999", "abc", "-1"] {
        let a = call(&mut b, "POST", &format!("/api/notices/{id}/read"), None).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{id}");
        let e = a.error();
        assert_eq!(e.code, ErrorCode::NotFound);
        assert_eq!(e.message, NOTICE_NOT_FOUND);
    }
    assert_eq!(home(&mut b).await.notices.unread, 4);
}

#[tokio::test]
async fn marking_read_needs_the_csrf_token_a_key_and_a_login() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let id = home(&mut b).await.notices.notices[0].id;
    let path = format!("/api/notices/{id}/read");

    let token = b.csrf.take();
    let a = b.send("POST", &path, None, Some(&key())).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(a.error().code, ErrorCode::CsrfFailed);
    b.csrf = Some("forged".into());
    let a = b.send("POST", &path, None, Some(&key())).await;
    assert_eq!(a.error().code, ErrorCode::CsrfFailed);
    b.csrf = token;

    let a = b.send("POST", &path, None, None).await;
    assert_eq!(a.status, StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(a.error().code, ErrorCode::IdempotencyKeyMissing);
    assert_eq!(home(&mut b).await.notices.unread, 4, "nothing was marked");

    // Before login (the anonymous session and its token): 401.
    let mut anonymous = Client::new(&h);
    anonymous.context().await;
    let a = call(&mut anonymous, "POST", &path, None).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    assert_eq!(a.error().code, ErrorCode::Unauthenticated);
}

#[tokio::test]
async fn a_retried_mark_read_is_answered_from_storage() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let ids: Vec<i64> = home(&mut b)
        .await
        .notices
        .notices
        .iter()
        .map(|n| n.id)
        .collect();
    let path = format!("/api/notices/{}/read", ids[0]);
    let k = key();
    let first = b.send("POST", &path, None, Some(&k)).await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(!first.replayed);
    assert_eq!(parse::<NoticeList>(&first).unread, 3);

    // Meanwhile another notice is read; the retry still gets the first answer.
    let a = call(
        &mut b,
        "POST",
        &format!("/api/notices/{}/read", ids[1]),
        None,
    )
    .await;
    assert_eq!(parse::<NoticeList>(&a).unread, 2);
    let again = b.send("POST", &path, None, Some(&k)).await;
    assert_eq!(again.status, StatusCode::OK);
    assert!(again.replayed);
    assert_eq!(again.body, first.body);

    // The same key for another notice is refused.
    let other = format!("/api/notices/{}/read", ids[2]);
    let a = b.send("POST", &other, None, Some(&k)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.error().code, ErrorCode::IdempotencyKeyReused);
    assert_eq!(home(&mut b).await.notices.unread, 2);
}

// ---- 最近の操作 ----

fn insert_op(h: &Harness, login_id: &str, at: i64, business: &str, operation: &str, ok: bool) {
    let user_id = user_id(h, login_id);
    h.db.lock()
        .execute(
            "INSERT INTO operation_log (at, user_id, login_id, user_name, business, operation, result, detail) \
             VALUES (?1, ?2, ?3, 'x', ?4, ?5, ?6, '')",
            rusqlite::params![
                at,
                user_id,
                login_id,
                business,
                operation,
                if ok { "正常" } else { "異常" }
            ],
        )
        .unwrap();
}

fn pairs(recent: &[RecentOperation]) -> Vec<(i64, &str, &str)> {
    recent
        .iter()
        .map(|r| (r.at, r.business.as_str(), r.operation.as_str()))
        .collect()
}

#[tokio::test]
async fn recent_operations_are_distinct_newest_first_successful_and_without_logins() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    assert!(home(&mut b).await.recent.is_empty(), "a login is not one");

    let t = kanri_stub::db::now() - 10_000;
    use business::{CERTIFICATE, COMPANY_ADMIN, LOGIN, USER_ADMIN};
    use operations as op;
    insert_op(&h, "admin02", t + 50, USER_ADMIN, op::USER_DELETE, true);
    insert_op(&h, "admin02", t + 100, USER_ADMIN, op::USER_CHANGE, true);
    insert_op(
        &h,
        "admin02",
        t + 200,
        COMPANY_ADMIN,
        op::COMPANY_CHANGE,
        true,
    );
    insert_op(
        &h,
        "admin02",
        t + 300,
        USER_ADMIN,
        op::PASSWORD_CHANGE,
        true,
    );
    insert_op(&h, "admin02", t + 400, USER_ADMIN, op::USER_STOP, true);
    insert_op(&h, "admin02", t + 500, USER_ADMIN, op::USER_CHANGE, true);
    insert_op(
        &h,
        "admin02",
        t + 600,
        CERTIFICATE,
        op::CERTIFICATE_ISSUE,
        true,
    );
    // Refused, a login or a logout, or someone else's: never shown.
    insert_op(&h, "admin02", t + 900, USER_ADMIN, op::USER_REGISTER, false);
    insert_op(&h, "admin02", t + 950, LOGIN, op::LOGIN, false);
    insert_op(&h, "admin02", t + 1000, LOGIN, op::PASSWORD_LOGIN, true);
    insert_op(&h, "admin02", t + 1001, LOGIN, op::LOGOUT, true);
    insert_op(
        &h,
        "user08",
        t + 2000,
        COMPANY_ADMIN,
        op::PAYEE_BULK_FEES_CHANGE,
        true,
    );

    let recent = home(&mut b).await.recent;
    assert_eq!(recent.len(), RECENT_OPERATIONS_LEN);
    assert_eq!(
        pairs(&recent),
        [
            (t + 600, CERTIFICATE, op::CERTIFICATE_ISSUE),
            (t + 500, USER_ADMIN, op::USER_CHANGE),
            (t + 400, USER_ADMIN, op::USER_STOP),
            (t + 300, USER_ADMIN, op::PASSWORD_CHANGE),
            (t + 200, COMPANY_ADMIN, op::COMPANY_CHANGE),
        ]
    );

    // Done now through the API: it moves to the top, and the oldest drops out.
    let change = json!({ "login_password": null, "confirm_password": {
        "current": seed::DEMO_CONFIRM_PASSWORD, "new": "Kakunin99", "new_again": "Kakunin99" } });
    let a = call(&mut b, "PUT", "/api/me/password", Some(change)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let recent = home(&mut b).await.recent;
    let now = kanri_stub::db::now();
    assert_eq!(recent[0].operation, op::PASSWORD_CHANGE);
    assert!(now - recent[0].at < 60);
    assert_eq!(
        pairs(&recent[1..]),
        [
            (t + 600, CERTIFICATE, op::CERTIFICATE_ISSUE),
            (t + 500, USER_ADMIN, op::USER_CHANGE),
            (t + 400, USER_ADMIN, op::USER_STOP),
            (t + 200, COMPANY_ADMIN, op::COMPANY_CHANGE),
        ]
    );
}

#[tokio::test]
async fn the_seeded_history_gives_known_recent_operations() {
    let h = seeded_harness();
    for login_id in ["admin02", "user08"] {
        let mut b = logged_in(&h, login_id).await;
        let recent = home(&mut b).await.recent;
        assert!(!recent.is_empty(), "{login_id}");
        assert!(recent.len() <= RECENT_OPERATIONS_LEN);
        assert!(recent.windows(2).all(|w| w[0].at >= w[1].at));
        for r in &recent {
            assert_ne!(r.business, business::LOGIN);
            assert!(business::ALL.contains(&r.business.as_str()), "{r:?}");
            assert!(operations::ALL.contains(&r.operation.as_str()), "{r:?}");
        }
    }
}

#[tokio::test]
async fn every_operation_the_seeded_log_holds_is_a_known_one() {
    let h = seeded_harness();
    let names: Vec<String> =
        h.db.lock()
            .prepare("SELECT DISTINCT operation FROM operation_log")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
    assert!(names.len() > 10);
    for n in names {
        assert!(operations::ALL.contains(&n.as_str()), "{n}");
    }
}

// ---- keep-alive and the idle limit ----

#[tokio::test]
async fn keep_alive_restarts_the_idle_limit_and_is_not_logged() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    pass(&h, &b, 500);
    let before = kanri_stub::db::now();
    let a = call(&mut b, "POST", "/api/session/keep-alive", None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(parse::<KeepAlive>(&a).idle_timeout_secs, 600);
    assert!(last_seen(&h, &b) >= before);
    // 500 + 500 seconds since the login, but only 500 since the keep-alive: still in.
    pass(&h, &b, 500);
    let a = call(&mut b, "POST", "/api/session/keep-alive", None).await;
    assert_eq!(a.status, StatusCode::OK);
    pass(&h, &b, 500);
    assert_eq!(session(&mut b).await.user.login_id, "admin02");
    assert_eq!(
        log_rows(&h, "admin02"),
        [(operations::PASSWORD_LOGIN.to_owned(), "正常".to_owned())]
    );
}

#[tokio::test]
async fn keep_alive_after_the_idle_limit_is_401_and_the_session_is_gone() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    idle_for(&h, &b, 601);
    let a = call(&mut b, "POST", "/api/session/keep-alive", None).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    let e = a.error();
    assert_eq!(e.code, ErrorCode::SessionExpired);
    assert_eq!(e.message, EXPIRED_MESSAGE);
    let a = call(&mut b, "GET", "/api/home", None).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    assert_eq!(a.error().code, ErrorCode::Unauthenticated);
}

#[tokio::test]
async fn keep_alive_needs_csrf_and_a_logged_in_session() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    b.csrf = Some("forged".into());
    let a = b
        .send("POST", "/api/session/keep-alive", None, Some(&key()))
        .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(a.error().code, ErrorCode::CsrfFailed);

    let mut anonymous = Client::new(&h);
    anonymous.context().await;
    let a = call(&mut anonymous, "POST", "/api/session/keep-alive", None).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    assert_eq!(a.error().code, ErrorCode::Unauthenticated);
}

#[tokio::test]
async fn any_authenticated_read_counts_as_activity_and_an_idle_one_expires() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    for path in ["/api/home", "/api/session", "/api/history/context"] {
        pass(&h, &b, 500);
        let before = kanri_stub::db::now();
        let a = call(&mut b, "GET", path, None).await;
        assert_eq!(a.status, StatusCode::OK, "{path}: {}", a.body);
        assert!(last_seen(&h, &b) >= before, "{path} touched the session");
    }
    idle_for(&h, &b, 601);
    let a = call(&mut b, "GET", "/api/home", None).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    let e = a.error();
    assert_eq!(e.code, ErrorCode::SessionExpired);
    assert_eq!(e.message, EXPIRED_MESSAGE);
}
