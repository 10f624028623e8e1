//! 利用者停止・解除 and the additional authentications (`/api/users/statuses`) through the
//! router: the list, every action's effect, the refusals in their order, the one log row,
//! and what a stop does to the stopped user's session and login.

mod common;

use axum::http::StatusCode;
use common::{
    call, harness, key, logged_in, logged_in_with_certificate, parse, Answer, Client, Harness,
};
use kanri_contract::api::{ErrorCode, Role};
use kanri_contract::user_status::{
    AuthState, StatusAction, StatusActionDone, UserStatus, UserStatusList, NOTHING_SELECTED,
    SELECTION_FIELD,
};
use kanri_contract::users::ServiceState;
use kanri_stub::seed::{DEMO_CONFIRM_PASSWORD, DEMO_PASSWORD};
use serde_json::{json, Value};

fn request(ids: &[&str], password: &str) -> Option<Value> {
    Some(json!({
        "login_ids": ids,
        "confirmation": { "confirm_password": password },
    }))
}

async fn act(b: &mut Client<'_>, action: StatusAction, ids: &[&str], password: &str) -> Answer {
    let path = format!("/api/users/statuses/{}", action.slug());
    call(b, "POST", &path, request(ids, password)).await
}

async fn list(b: &mut Client<'_>) -> UserStatusList {
    let a = call(b, "GET", "/api/users/statuses", None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    parse(&a)
}

async fn status(b: &mut Client<'_>, login_id: &str) -> UserStatus {
    list(b)
        .await
        .users
        .into_iter()
        .find(|u| u.login_id == login_id)
        .unwrap_or_else(|| panic!("{login_id} listed"))
}

/// Rows of the operation log of business 利用者管理 with this operation:
/// (login ID, result, detail).
fn log(h: &Harness, operation: &str) -> Vec<(String, String, String)> {
    let c = h.db.lock();
    let mut st = c
        .prepare(
            "SELECT login_id, result, detail FROM operation_log \
             WHERE business = '利用者管理' AND operation = ?1 ORDER BY id",
        )
        .unwrap();
    st.query_map([operation], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn row(by: &str, result: &str, detail: &str) -> (String, String, String) {
    (by.into(), result.into(), detail.into())
}

fn refusal(a: &Answer, status: StatusCode, code: ErrorCode) -> String {
    assert_eq!(a.status, status, "{}", a.body);
    let e = a.error();
    assert_eq!(e.code, code);
    e.message
}

#[tokio::test]
async fn the_list_holds_every_user_with_the_seeded_states() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let l = list(&mut b).await;
    assert_eq!(l.operator, "admin02");
    assert_eq!(l.operator_role, Role::Admin);
    let ids: Vec<&str> = l.users.iter().map(|u| u.login_id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "by login ID");
    assert_eq!(ids.len(), 11);
    let states = |id: &str| {
        let u = l.users.iter().find(|u| u.login_id == id).unwrap();
        (
            u.service_state,
            u.one_time_password,
            u.transaction,
            u.risk_based,
        )
    };
    use AuthState::{Active as A, Suspended as S, Unregistered as U};
    use ServiceState::{Available, Locked, Stopped};
    assert_eq!(states("master01"), (Available, A, A, A));
    assert_eq!(states("admin02"), (Available, U, U, U));
    assert_eq!(states("user01"), (Available, S, A, A));
    assert_eq!(states("user02"), (Available, A, S, S));
    assert_eq!(states("user03"), (Available, U, U, A));
    assert_eq!(states("user04"), (Available, A, A, U));
    assert_eq!(states("user05"), (Available, U, U, U));
    assert_eq!(states("user06"), (Stopped, S, S, S));
    assert_eq!(states("user07"), (Locked, A, U, S));
    assert_eq!(states("user08"), (Available, A, A, A));
    assert!(l.users.iter().all(|u| !u.confirm_password_locked));
    // Deleted users are not listed.
    h.db.lock()
        .execute(
            "UPDATE users SET deleted_at = 1 WHERE login_id = 'user05'",
            [],
        )
        .unwrap();
    assert_eq!(list(&mut b).await.users.len(), 10);
}

#[tokio::test]
async fn only_administrators_list_and_act() {
    let h = harness();
    let mut b = logged_in(&h, "user08").await;
    let a = call(&mut b, "GET", "/api/users/statuses", None).await;
    refusal(&a, StatusCode::FORBIDDEN, ErrorCode::Forbidden);
    let a = act(
        &mut b,
        StatusAction::Stop,
        &["user01"],
        DEMO_CONFIRM_PASSWORD,
    )
    .await;
    refusal(&a, StatusCode::FORBIDDEN, ErrorCode::Forbidden);
    assert_eq!(
        log(&h, "利用者停止"),
        [row("user08", "異常", "ログインID：user01（権限なし）")]
    );
    let mut anonymous = Client::new(&h);
    anonymous.context().await;
    let a = call(&mut anonymous, "GET", "/api/users/statuses", None).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
}

/// (action, target, what the target's status is after it).
type Effect = (StatusAction, &'static str, fn(&mut UserStatus));

fn effects() -> [Effect; 8] {
    [
        (StatusAction::Stop, "user02", |u| {
            u.service_state = ServiceState::Stopped
        }),
        (StatusAction::Resume, "user06", |u| {
            u.service_state = ServiceState::Available
        }),
        (StatusAction::OneTimePasswordUnlock, "user01", |u| {
            u.one_time_password = AuthState::Active
        }),
        (StatusAction::OneTimePasswordRevoke, "user02", |u| {
            u.one_time_password = AuthState::Unregistered
        }),
        (StatusAction::TransactionUnlock, "user02", |u| {
            u.transaction = AuthState::Active
        }),
        (StatusAction::TransactionRevoke, "user01", |u| {
            u.transaction = AuthState::Unregistered
        }),
        (StatusAction::RiskBasedUnlock, "user07", |u| {
            u.risk_based = AuthState::Active
        }),
        (StatusAction::RiskBasedReset, "user03", |u| {
            u.risk_based = AuthState::Unregistered
        }),
    ]
}

#[tokio::test]
async fn every_action_changes_only_its_own_state_and_logs_one_row() {
    let all = effects();
    assert_eq!(all.len(), StatusAction::ALL.len());
    for (action, target, expect) in all {
        let h = harness();
        let mut b = logged_in(&h, "admin02").await;
        let before = list(&mut b).await.users;
        let a = act(&mut b, action, &[target], DEMO_CONFIRM_PASSWORD).await;
        assert_eq!(a.status, StatusCode::OK, "{action:?}: {}", a.body);
        let done: StatusActionDone = parse(&a);
        assert_eq!(done.action, action);
        let mut wanted = before
            .iter()
            .find(|u| u.login_id == target)
            .unwrap()
            .clone();
        expect(&mut wanted);
        assert_eq!(done.users, [wanted.clone()], "{action:?}");
        assert!(done.done_at > 0);
        // The list agrees, and nobody else changed.
        let after = list(&mut b).await.users;
        for (x, y) in before.iter().zip(&after) {
            if x.login_id == target {
                assert_eq!(y, &wanted, "{action:?}");
            } else {
                assert_eq!(x, y, "{action:?} left {} alone", x.login_id);
            }
        }
        assert_eq!(
            log(&h, action.operation()),
            [row("admin02", "正常", &format!("ログインID：{target}"))],
            "{action:?}"
        );
        // The same action again is refused: the state has moved.
        let again = act(&mut b, action, &[target], DEMO_CONFIRM_PASSWORD).await;
        assert_eq!(again.status, StatusCode::CONFLICT, "{action:?}");
    }
}

#[tokio::test]
async fn several_users_at_once_in_the_order_of_the_request() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let a = act(
        &mut b,
        StatusAction::Stop,
        &["user08", "user01", "user08"],
        DEMO_CONFIRM_PASSWORD,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let done: StatusActionDone = parse(&a);
    let ids: Vec<&str> = done.users.iter().map(|u| u.login_id.as_str()).collect();
    assert_eq!(ids, ["user08", "user01"]);
    assert!(done
        .users
        .iter()
        .all(|u| u.service_state == ServiceState::Stopped));
    assert_eq!(
        log(&h, "利用者停止"),
        [row("admin02", "正常", "ログインID：user08、user01")]
    );
}

#[tokio::test]
async fn resume_lifts_the_stop_and_both_locks() {
    let h = harness();
    h.db.lock()
        .execute(
            "UPDATE users SET confirm_locked = 1, confirm_failed_attempts = 5 \
             WHERE login_id = 'user08'",
            [],
        )
        .unwrap();
    let mut b = logged_in(&h, "admin02").await;
    let u = status(&mut b, "user08").await;
    assert!(u.confirm_password_locked);
    assert_eq!(u.service_label(), "利用可能（確認用パスワードロック中）");
    // A locked user may be stopped, and then reads as stopped.
    let a = act(
        &mut b,
        StatusAction::Stop,
        &["user07"],
        DEMO_CONFIRM_PASSWORD,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(
        status(&mut b, "user07").await.service_state,
        ServiceState::Stopped
    );
    let a = act(
        &mut b,
        StatusAction::Resume,
        &["user07", "user08", "user06"],
        DEMO_CONFIRM_PASSWORD,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let done: StatusActionDone = parse(&a);
    for u in &done.users {
        assert_eq!(u.service_state, ServiceState::Available, "{}", u.login_id);
        assert!(!u.confirm_password_locked, "{}", u.login_id);
    }
    let counters: Vec<(i64, bool, i64, bool, bool)> = {
        let c = h.db.lock();
        let mut st = c
            .prepare(
                "SELECT failed_attempts, locked, confirm_failed_attempts, confirm_locked, \
                 service_stopped FROM users WHERE login_id IN ('user06', 'user07', 'user08')",
            )
            .unwrap();
        st.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    };
    assert_eq!(counters, vec![(0, false, 0, false, false); 3]);
    // The formerly locked user logs in again.
    logged_in(&h, "user07").await;
}

#[tokio::test]
async fn the_operator_cannot_stop_themself() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let a = act(
        &mut b,
        StatusAction::Stop,
        &["user01", "admin02"],
        DEMO_CONFIRM_PASSWORD,
    )
    .await;
    assert_eq!(
        refusal(&a, StatusCode::FORBIDDEN, ErrorCode::Forbidden),
        "ご自身のサービスは停止できません。"
    );
    assert_eq!(
        status(&mut b, "user01").await.service_state,
        ServiceState::Available,
        "nothing is changed"
    );
    assert_eq!(
        log(&h, "利用者停止"),
        [row(
            "admin02",
            "異常",
            "ログインID：user01、admin02（本人の停止）"
        )]
    );
}

#[tokio::test]
async fn only_the_master_user_acts_on_the_master_user() {
    let h = harness();
    let mut admin = logged_in(&h, "admin02").await;
    for action in [StatusAction::Stop, StatusAction::OneTimePasswordRevoke] {
        let a = act(&mut admin, action, &["master01"], DEMO_CONFIRM_PASSWORD).await;
        assert_eq!(
            refusal(&a, StatusCode::FORBIDDEN, ErrorCode::Forbidden),
            "マスターユーザの利用者情報は、マスターユーザのみ変更できます。"
        );
    }
    let mut master = logged_in_with_certificate(&h, "master01").await;
    assert_eq!(list(&mut master).await.operator_role, Role::Master);
    let a = act(
        &mut master,
        StatusAction::OneTimePasswordRevoke,
        &["master01", "admin02"],
        DEMO_CONFIRM_PASSWORD,
    )
    .await;
    // admin02 has no token: the whole action is refused for their state.
    assert_eq!(a.status, StatusCode::CONFLICT, "{}", a.body);
    let a = act(
        &mut master,
        StatusAction::OneTimePasswordRevoke,
        &["master01"],
        DEMO_CONFIRM_PASSWORD,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let done: StatusActionDone = parse(&a);
    assert_eq!(done.users[0].one_time_password, AuthState::Unregistered);
}

#[tokio::test]
async fn a_changed_state_is_a_conflict_and_nothing_is_applied() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let a = act(
        &mut b,
        StatusAction::Stop,
        &["user01", "user06"],
        DEMO_CONFIRM_PASSWORD,
    )
    .await;
    assert_eq!(
        refusal(&a, StatusCode::CONFLICT, ErrorCode::Conflict),
        "選択された利用者の状態が変更されています（user06：既に利用停止中です。）。一覧を再表示して、選択し直してください。"
    );
    assert_eq!(
        status(&mut b, "user01").await.service_state,
        ServiceState::Available
    );
    assert_eq!(
        log(&h, "利用者停止"),
        [row(
            "admin02",
            "異常",
            "ログインID：user01、user06（状態変更済み）"
        )]
    );
}

#[tokio::test]
async fn the_selection_is_checked_before_anything_else() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let a = act(&mut b, StatusAction::Stop, &[], DEMO_CONFIRM_PASSWORD).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    let e = a.error();
    assert_eq!(e.field_errors.len(), 1);
    assert_eq!(e.field_errors[0].field, SELECTION_FIELD);
    assert_eq!(e.field_errors[0].message, NOTHING_SELECTED);
    // Even with a wrong 確認用パスワード, which is then not counted.
    let a = act(&mut b, StatusAction::Stop, &[], "Wrong0000").await;
    assert_eq!(a.error().field_errors[0].field, SELECTION_FIELD);
    let many: Vec<String> = (0..101).map(|i| format!("user{i:03}")).collect();
    let ids: Vec<&str> = many.iter().map(String::as_str).collect();
    let a = act(&mut b, StatusAction::Stop, &ids, DEMO_CONFIRM_PASSWORD).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.error().field_errors[0].field, SELECTION_FIELD);
    // An unknown (or deleted) user.
    let a = act(
        &mut b,
        StatusAction::Stop,
        &["user01", "nobody99"],
        DEMO_CONFIRM_PASSWORD,
    )
    .await;
    refusal(&a, StatusCode::NOT_FOUND, ErrorCode::NotFound);
    // A malformed body, an unknown action.
    let a = call(
        &mut b,
        "POST",
        "/api/users/statuses/stop",
        Some(json!({ "login_ids": "user01" })),
    )
    .await;
    refusal(&a, StatusCode::BAD_REQUEST, ErrorCode::BadRequest);
    let a = call(
        &mut b,
        "POST",
        "/api/users/statuses/pause",
        request(&["user01"], DEMO_CONFIRM_PASSWORD),
    )
    .await;
    refusal(&a, StatusCode::NOT_FOUND, ErrorCode::NotFound);
    let c = h.db.lock();
    let wrong: i64 = c
        .query_row(
            "SELECT confirm_failed_attempts FROM users WHERE login_id = 'admin02'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(wrong, 0);
}

#[tokio::test]
async fn a_wrong_confirm_password_is_counted_and_changes_nothing() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let a = act(&mut b, StatusAction::Stop, &["user01"], "Wrong0000").await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    let e = a.error();
    assert_eq!(e.remaining_attempts, Some(4));
    assert_eq!(e.field_errors[0].field, "confirmation.confirm_password");
    assert_eq!(e.field_errors[0].code, "wrong_password");
    assert_eq!(
        status(&mut b, "user01").await.service_state,
        ServiceState::Available
    );
    assert_eq!(
        log(&h, "利用者停止"),
        [row(
            "admin02",
            "異常",
            "ログインID：user01（確認用パスワード誤り）"
        )]
    );
    let a = act(&mut b, StatusAction::Stop, &["user01"], "").await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        a.error().remaining_attempts,
        None,
        "a missing one is not counted"
    );
}

#[tokio::test]
async fn an_idempotent_retry_is_answered_from_storage() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let k = key();
    let body = request(&["user08"], DEMO_CONFIRM_PASSWORD);
    let first = b
        .send("POST", "/api/users/statuses/stop", body.clone(), Some(&k))
        .await;
    assert_eq!(first.status, StatusCode::OK);
    let again = b
        .send("POST", "/api/users/statuses/stop", body, Some(&k))
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert!(again.replayed);
    assert_eq!(again.body, first.body);
    assert_eq!(log(&h, "利用者停止").len(), 1);
    // Without a key, nothing is done.
    let a = b
        .send(
            "POST",
            "/api/users/statuses/resume",
            request(&["user08"], DEMO_CONFIRM_PASSWORD),
            None,
        )
        .await;
    assert_eq!(a.status, StatusCode::PRECONDITION_REQUIRED);
}

#[tokio::test]
async fn a_stopped_user_is_logged_out_and_refused_until_resumed() {
    let h = harness();
    let mut user = logged_in(&h, "user08").await;
    let mut other_tab = logged_in(&h, "user08").await;
    let mut cert_user = logged_in_with_certificate(&h, "user01").await;
    let mut admin = logged_in(&h, "admin02").await;
    let a = act(
        &mut admin,
        StatusAction::Stop,
        &["user08", "user01"],
        DEMO_CONFIRM_PASSWORD,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    for b in [&mut user, &mut other_tab, &mut cert_user] {
        let a = call(b, "GET", "/api/session", None).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{}", a.body);
    }
    assert_eq!(
        h.db.lock()
            .query_row(
                "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id \
                 WHERE u.login_id IN ('user08', 'user01')",
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap(),
        0
    );
    let mut again = Client::new(&h);
    let a = again.login(Some("user08"), DEMO_PASSWORD, &key()).await;
    assert_eq!(
        refusal(&a, StatusCode::FORBIDDEN, ErrorCode::ServiceStopped),
        "このログインIDはサービスが停止されています。管理者にお問い合わせください。"
    );
    let mut again = Client::new(&h).with_certificate_of("user01");
    let a = again.login(None, DEMO_PASSWORD, &key()).await;
    refusal(&a, StatusCode::FORBIDDEN, ErrorCode::ServiceStopped);

    let a = act(
        &mut admin,
        StatusAction::Resume,
        &["user08", "user01"],
        DEMO_CONFIRM_PASSWORD,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    logged_in(&h, "user08").await;
    logged_in_with_certificate(&h, "user01").await;
}
