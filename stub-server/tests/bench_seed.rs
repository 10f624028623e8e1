//! The benchmark's large company (`reset --bench-users N`): the users and their history
//! are there, valid under the contract's rules, and usable through the API.

mod common;

use axum::http::StatusCode;
use common::{call, logged_in, parse, seeded_harness};
use kanri_contract::rules;
use kanri_contract::user_rules;
use kanri_contract::users::UserList;
use kanri_stub::seed::{self, BENCH_ADMIN, BENCH_HISTORY_ROWS, DEMO_USERS};
use std::collections::HashSet;

#[test]
fn the_bench_users_follow_the_input_rules_and_are_unique() {
    let users = seed::bench_users(1_000);
    assert_eq!(users.len(), 1_000);
    assert_eq!(users[0].login_id, BENCH_ADMIN);
    let mut ids = HashSet::new();
    for u in &users {
        rules::login_id(&u.login_id).unwrap_or_else(|e| panic!("{}: {e:?}", u.login_id));
        user_rules::user_name(&u.name).unwrap_or_else(|e| panic!("{}: {e:?}", u.name));
        user_rules::email(&u.email).unwrap_or_else(|e| panic!("{}: {e:?}", u.email));
        assert!(ids.insert(u.login_id.clone()), "{} twice", u.login_id);
        assert!(DEMO_USERS.iter().all(|d| d.login_id != u.login_id));
    }
    // Varied: stopped, locked, first-login, administrators, certificate users.
    assert!(users.iter().filter(|u| u.stopped).count() >= 10);
    assert!(users.iter().filter(|u| u.locked).count() >= 10);
    assert!(users.iter().filter(|u| u.must_change_password).count() >= 10);
    assert!(users.iter().filter(|u| u.certificate).count() >= 100);
    assert!(
        users
            .iter()
            .filter(|u| u.role == kanri_contract::api::Role::Admin)
            .count()
            >= 50
    );
}

#[tokio::test]
async fn a_bench_reset_has_1000_more_users_and_3000_more_history_rows() {
    let h = seeded_harness();
    let count = |sql: &str| -> i64 { h.db.lock().query_row(sql, [], |r| r.get(0)).unwrap() };
    let users_before = count("SELECT COUNT(*) FROM users");
    let log_before = count("SELECT COUNT(*) FROM operation_log");
    seed::seed_bench(&mut h.db.lock(), 1_000).unwrap();
    assert_eq!(count("SELECT COUNT(*) FROM users"), users_before + 1_000);
    assert_eq!(
        count("SELECT COUNT(*) FROM operation_log"),
        log_before + BENCH_HISTORY_ROWS as i64
    );

    // The bench administrator logs in with ID and password and lists every user.
    let mut b = logged_in(&h, BENCH_ADMIN).await;
    let a = call(&mut b, "GET", "/api/users", None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let list: UserList = parse(&a);
    assert_eq!(list.users.len() as i64, users_before + 1_000);

    // 利用者一覧 asks for one page of 50 of the whole order.
    let all_by_name: Vec<String> = {
        let a = call(&mut b, "GET", "/api/users?sort=name&order=desc", None).await;
        parse::<UserList>(&a)
            .users
            .into_iter()
            .map(|u| u.login_id)
            .collect()
    };
    let a = call(
        &mut b,
        "GET",
        "/api/users?sort=name&order=desc&page=3",
        None,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let page: UserList = parse(&a);
    assert_eq!(i64::from(page.total), users_before + 1_000);
    assert_eq!((page.page, page.pages), (3, page.total.div_ceil(50)));
    let ids: Vec<String> = page.users.into_iter().map(|u| u.login_id).collect();
    assert_eq!(ids, all_by_name[100..150]);
    assert_eq!(page.operator, BENCH_ADMIN);
    assert_eq!(page.operator_role, kanri_contract::api::Role::Admin);
}
