//! 利用者管理 (list, form context, view, registration, change, deletion) through the router.

mod common;

use axum::http::StatusCode;
use common::{call, harness, key, logged_in, parse, Answer, Client, Harness};
use kanri_contract::api::{ErrorCode, Permission, Role, Session};
use kanri_contract::company::{ApprovalMode, CompanyChangeRequest, CompanyView};
use kanri_contract::users::{
    CertificateHandling, CertificateState, Changed, Confirmation, Limit, LimitBusiness,
    PasswordEntry, Right, Service, ServiceState, UserChanged, UserDeleted, UserDetail,
    UserFormContext, UserInput, UserList, UserProfile, UserRegistered, UserRequest, RIGHT_GROUPS,
};
use kanri_stub::seed::{DEMO_CONFIRM_PASSWORD, DEMO_PASSWORD};
use serde_json::{json, Value};

fn entry(v: &str) -> Option<PasswordEntry> {
    Some(PasswordEntry {
        value: v.into(),
        again: v.into(),
    })
}

fn confirmation(password: &str) -> Confirmation {
    Confirmation {
        confirm_password: password.into(),
        one_time_password: None,
    }
}

fn limit(business: LimitBusiness, amount: u64) -> Limit {
    Limit { business, amount }
}

/// A valid registration of `login_id` by an operator whose 確認用パスワード is the demo one.
fn registration(login_id: &str) -> UserRequest {
    UserRequest {
        user: UserInput {
            profile: UserProfile {
                login_id: login_id.into(),
                name: "鈴木　花子".into(),
                email: "hanako.suzuki@example.co.jp".into(),
                admin: false,
                force_password_change: true,
                rights: vec![Right::TransferRegistered, Right::Balance],
                accounts: vec![1, 3],
                limits: vec![
                    limit(LimitBusiness::Transfer, 1_000_000),
                    limit(LimitBusiness::Bulk, 0),
                    limit(LimitBusiness::Salary, 0),
                    limit(LimitBusiness::Bonus, 0),
                ],
            },
            login_id_again: login_id.into(),
            email_again: "hanako.suzuki@example.co.jp".into(),
            login_password: entry("Pass1234"),
            confirm_password: entry("Conf5678"),
            certificate: CertificateHandling::Continue,
        },
        confirmation: confirmation(DEMO_CONFIRM_PASSWORD),
    }
}

/// A change request that keeps everything of `d`.
fn unchanged(d: &UserDetail) -> UserRequest {
    UserRequest {
        user: UserInput {
            profile: d.profile.clone(),
            login_id_again: d.profile.login_id.clone(),
            email_again: d.profile.email.clone(),
            login_password: None,
            confirm_password: None,
            certificate: CertificateHandling::Continue,
        },
        confirmation: confirmation(DEMO_CONFIRM_PASSWORD),
    }
}

fn body<T: serde::Serialize>(v: &T) -> Option<Value> {
    Some(serde_json::to_value(v).unwrap())
}

async fn detail(b: &mut Client<'_>, login_id: &str) -> UserDetail {
    let a = call(b, "GET", &format!("/api/users/{login_id}"), None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    parse(&a)
}

/// The 利用者管理 rows of the operation log: (operation, result, detail).
fn user_admin_log(h: &Harness) -> Vec<(String, String, String)> {
    let c = h.db.lock();
    let mut st = c
        .prepare(
            "SELECT operation, result, detail FROM operation_log WHERE business = '利用者管理' ORDER BY id",
        )
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn count_users(h: &Harness, login_id: &str) -> i64 {
    h.db.lock()
        .query_row(
            "SELECT COUNT(*) FROM users WHERE login_id = ?1",
            [login_id],
            |r| r.get(0),
        )
        .unwrap()
}

fn fields(a: &Answer) -> Vec<String> {
    a.error()
        .field_errors
        .into_iter()
        .map(|f| f.field)
        .collect()
}

#[tokio::test]
async fn the_list_is_sorted_shows_every_state_and_names_the_operator() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let a = call(&mut b, "GET", "/api/users", None).await;
    assert_eq!(a.status, StatusCode::OK);
    let list: UserList = parse(&a);
    assert_eq!(list.operator, "admin02");
    assert_eq!(list.operator_role, Role::Admin);
    assert_eq!((list.total, list.page, list.pages), (11, 1, 1));
    let ids: Vec<&str> = list.users.iter().map(|u| u.login_id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted);
    assert_eq!(ids.len(), 11);

    let row = |id: &str| list.users.iter().find(|u| u.login_id == id).unwrap();
    assert_eq!(row("master01").role, Role::Master);
    assert_eq!(row("master01").certificate, CertificateState::Issued);
    assert!(row("master01").certificate_expires_at.is_some());
    assert_eq!(row("admin01").certificate, CertificateState::Renewable);
    assert_eq!(row("admin02").certificate, CertificateState::NotUsed);
    assert_eq!(row("admin02").certificate_expires_at, None);
    assert_eq!(row("user02").certificate, CertificateState::Expired);
    assert_eq!(row("user03").certificate, CertificateState::Revoked);
    assert_eq!(row("user04").certificate, CertificateState::NotIssued);
    assert_eq!(row("user04").certificate_expires_at, None);
    assert_eq!(row("user06").service_state, ServiceState::Stopped);
    assert_eq!(row("user07").service_state, ServiceState::Locked);
    assert_eq!(row("user01").service_state, ServiceState::Available);

    let a = call(&mut b, "GET", "/api/users?sort=role&order=desc", None).await;
    let list: UserList = parse(&a);
    let ids: Vec<&str> = list.users.iter().map(|u| u.login_id.as_str()).collect();
    assert_eq!(ids.first(), Some(&"user08"));
    assert_eq!(&ids[8..], ["admin02", "admin01", "master01"]);

    // Unknown values read as the defaults.
    let a = call(&mut b, "GET", "/api/users?sort=password&order=up", None).await;
    assert_eq!(a.status, StatusCode::OK);
    let list: UserList = parse(&a);
    assert_eq!(list.users[0].login_id, "admin01");
}

#[tokio::test]
async fn a_general_user_is_refused_every_endpoint() {
    let h = harness();
    let mut b = logged_in(&h, "user08").await;
    for path in ["/api/users", "/api/users/form-context", "/api/users/user01"] {
        let a = call(&mut b, "GET", path, None).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(a.error().code, ErrorCode::Forbidden);
    }
    let del = json!({ "confirmation": { "confirm_password": DEMO_CONFIRM_PASSWORD } });
    for (method, path, body) in [
        ("POST", "/api/users", body(&registration("newuser1"))),
        ("PUT", "/api/users/user01", body(&registration("user01"))),
        ("DELETE", "/api/users/user01", Some(del)),
    ] {
        let a = call(&mut b, method, path, body).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{method} {path}");
        assert_eq!(a.error().code, ErrorCode::Forbidden);
    }
    assert_eq!(count_users(&h, "newuser1"), 0);
    let log = user_admin_log(&h);
    assert_eq!(log.len(), 3);
    assert!(log
        .iter()
        .all(|(_, r, d)| r == "異常" && d.contains("権限なし")));
}

#[tokio::test]
async fn the_form_context_has_the_contract_accounts_and_limits() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let a = call(&mut b, "GET", "/api/users/form-context", None).await;
    assert_eq!(a.status, StatusCode::OK);
    let ctx: UserFormContext = parse(&a);
    assert_eq!(a.body["services"], json!(["transfer", "bulk", "payroll"]));
    assert_eq!(
        ctx.accounts.iter().map(|a| a.id).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    assert_eq!(ctx.accounts[0].label(), "本店営業部(001) 普通 1234567");
    assert_eq!(ctx.company_limit(LimitBusiness::Transfer), Some(10_000_000));
    assert_eq!(ctx.company_limit(LimitBusiness::Bulk), Some(50_000_000));
    assert_eq!(ctx.company_limit(LimitBusiness::Salary), Some(30_000_000));
    assert_eq!(ctx.company_limit(LimitBusiness::Bonus), Some(30_000_000));
    // 口座振替 is not contracted: no cap (the users' caps come from 企業管理).
    assert_eq!(ctx.company_limit(LimitBusiness::Debit), None);
    assert_eq!(
        ctx.limit_businesses(),
        [
            LimitBusiness::Transfer,
            LimitBusiness::Bulk,
            LimitBusiness::Salary,
            LimitBusiness::Bonus
        ]
    );
    assert!(!ctx.one_time_password);
}

#[tokio::test]
async fn a_user_is_viewed_with_rights_accounts_and_limits_in_order() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let master = detail(&mut b, "master01").await;
    assert!(master.profile.admin);
    assert_eq!(master.role, Role::Master);
    let order: Vec<Right> = RIGHT_GROUPS
        .iter()
        .flat_map(|g| g.rights)
        .copied()
        .collect();
    let mut expected = order.clone();
    expected.retain(|r| master.profile.rights.contains(r));
    assert_eq!(master.profile.rights, expected);
    assert_eq!(
        master.profile.rights.len(),
        19,
        "all offered rights (25 less 口座振替) but 承認 of 給与・賞与振込"
    );
    assert!(!master.profile.rights.contains(&Right::ApprovePayroll));
    assert!(!master.profile.rights.contains(&Right::DebitScreen));
    assert_eq!(master.profile.accounts, [1, 2, 3, 4]);
    assert_eq!(
        master.profile.limits,
        [
            limit(LimitBusiness::Transfer, 10_000_000),
            limit(LimitBusiness::Bulk, 50_000_000),
            limit(LimitBusiness::Salary, 30_000_000),
            limit(LimitBusiness::Bonus, 30_000_000),
        ]
    );
    let viewer = detail(&mut b, "user08").await;
    assert!(!viewer.profile.admin);
    assert!(viewer.profile.rights.contains(&Right::ViewAllHistory));
    let first = detail(&mut b, "user05").await;
    assert!(first.profile.force_password_change);

    let a = call(&mut b, "GET", "/api/users/nobody99", None).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert_eq!(a.error().code, ErrorCode::NotFound);
}

#[tokio::test]
async fn a_registered_user_logs_in_with_id_and_password_and_must_change_it() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let a = call(
        &mut b,
        "POST",
        "/api/users",
        body(&registration("suzuki01")),
    )
    .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let r: UserRegistered = parse(&a);
    assert_eq!(r.user.profile.login_id, "suzuki01");
    assert_eq!(r.user.role, Role::General);
    assert_eq!(
        r.user.auth_method,
        kanri_contract::api::AuthMethod::Password
    );
    assert_eq!(r.user.certificate, CertificateState::NotUsed);
    assert_eq!(r.user.service_state, ServiceState::Available);
    assert_eq!(
        r.user.profile.rights,
        [Right::TransferRegistered, Right::Balance]
    );
    assert_eq!(r.user.profile.accounts, [1, 3]);
    assert_eq!(r.user.registered_at, r.registered_at);
    assert_eq!(detail(&mut b, "suzuki01").await, r.user);

    let list: UserList = parse(&call(&mut b, "GET", "/api/users", None).await);
    assert!(list.users.iter().any(|u| u.login_id == "suzuki01"));

    let mut newcomer = Client::new(&h);
    let a = newcomer.login(Some("suzuki01"), "Pass1234", &key()).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let s: Session = parse(&a);
    assert!(s.must_change_password);
    assert_eq!(s.user.role, Role::General);
    assert!(s.permissions.is_empty());

    assert_eq!(
        user_admin_log(&h),
        [(
            "利用者登録".to_owned(),
            "正常".to_owned(),
            "ログインID：suzuki01".to_owned()
        )]
    );
}

#[tokio::test]
async fn an_admin_registration_gets_the_admin_role_and_the_history_right_its_permission() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let mut req = registration("kanri001");
    req.user.profile.admin = true;
    req.user.profile.force_password_change = false;
    req.user.profile.rights.push(Right::ViewAllHistory);
    let a = call(&mut b, "POST", "/api/users", body(&req)).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let mut newcomer = Client::new(&h);
    let s: Session = parse(&newcomer.login(Some("kanri001"), "Pass1234", &key()).await);
    assert_eq!(s.user.role, Role::Admin);
    assert!(!s.must_change_password);
    assert!(s.has(Permission::ManageUsers));
    assert!(s.has(Permission::ViewAllHistory));
}

#[tokio::test]
async fn bad_input_is_refused_with_field_paths_and_creates_nothing() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let mut req = registration("abc12");
    req.user.profile.name = "ｽｽﾞｷ".into();
    req.user.email_again = "other@example.co.jp".into();
    req.user.profile.accounts.clear();
    req.user.profile.limits[0].amount = 10_000_001;
    req.user.profile.rights.push(Right::DebitScreen);
    req.user.login_password = entry("abc12");
    req.confirmation.confirm_password.clear();
    let a = call(&mut b, "POST", "/api/users", body(&req)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.error().code, ErrorCode::ValidationFailed);
    assert_eq!(
        fields(&a),
        [
            "user.login_id",
            "user.login_password.value",
            "user.name",
            "user.email_again",
            "user.rights",
            "user.accounts",
            "user.limits.transfer",
            "confirmation.confirm_password",
        ]
    );
    assert_eq!(
        a.error().field_errors[0].message,
        "ログインIDは半角英数字6〜12文字で入力してください（現在5文字）。"
    );
    assert_eq!(count_users(&h, "abc12"), 0);
    let log = user_admin_log(&h);
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].1, "異常");
    assert!(log[0].2.contains("abc12") && log[0].2.contains("入力誤り"));

    // A body that is not a request at all is 400 in the error body, and logged too.
    let a = call(&mut b, "POST", "/api/users", Some(json!({ "user": 1 }))).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(a.error().code, ErrorCode::BadRequest);
    assert_eq!(user_admin_log(&h).len(), 2);
}

#[tokio::test]
async fn a_limit_above_the_company_limit_is_refused_on_its_field() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let mut req = registration("suzuki02");
    req.user.profile.limits[0].amount = 10_000_001;
    let a = call(&mut b, "POST", "/api/users", body(&req)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let e = &a.error().field_errors;
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].field, "user.limits.transfer");
    assert_eq!(e[0].code, "exceeds_limit");
    assert_eq!(
        e[0].message,
        "利用者一回当たり限度額（振込振替）は企業の限度額（10,000,000円）以下で入力してください。"
    );
    // The company's limit itself is accepted.
    req.user.profile.limits[0].amount = 10_000_000;
    let a = call(&mut b, "POST", "/api/users", body(&req)).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
}

#[tokio::test]
async fn a_login_id_in_use_is_a_conflict_on_the_field() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let a = call(&mut b, "POST", "/api/users", body(&registration("user01"))).await;
    assert_eq!(a.status, StatusCode::CONFLICT);
    let e = a.error();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert_eq!(e.field_errors.len(), 1);
    assert_eq!(e.field_errors[0].field, "user.login_id");
    assert_eq!(e.field_errors[0].code, "taken");
    assert_eq!(
        e.field_errors[0].message,
        "このログインIDは既に登録されています。別のログインIDを入力してください。"
    );
    assert_eq!(count_users(&h, "user01"), 1);
    let log = user_admin_log(&h);
    assert_eq!(log.len(), 1);
    assert!(log[0].2.contains("ログインID重複"));

    // Renaming a user to a taken login ID too.
    let d = detail(&mut b, "user02").await;
    let mut req = unchanged(&d);
    req.user.profile.login_id = "user03".into();
    req.user.login_id_again = "user03".into();
    let a = call(&mut b, "PUT", "/api/users/user02", body(&req)).await;
    assert_eq!(a.status, StatusCode::CONFLICT);
    assert_eq!(fields(&a), ["user.login_id"]);
}

#[tokio::test]
async fn wrong_confirm_passwords_count_down_then_lock() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let mut req = registration("suzuki03");
    req.confirmation = confirmation("Wrong1234");
    // A right one in between starts the count again.
    let a = call(&mut b, "POST", "/api/users", body(&req)).await;
    assert_eq!(a.error().remaining_attempts, Some(4));
    let mut right = registration("suzuki04");
    right.confirmation = confirmation(DEMO_CONFIRM_PASSWORD);
    assert_eq!(
        call(&mut b, "POST", "/api/users", body(&right))
            .await
            .status,
        StatusCode::CREATED
    );
    for left in (1..=4u32).rev() {
        let a = call(&mut b, "POST", "/api/users", body(&req)).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
        let e = a.error();
        assert_eq!(e.code, ErrorCode::ValidationFailed);
        assert_eq!(e.remaining_attempts, Some(left));
        assert_eq!(e.field_errors.len(), 1);
        assert_eq!(e.field_errors[0].field, "confirmation.confirm_password");
        assert_eq!(e.field_errors[0].code, "wrong_password");
        assert_eq!(
            e.field_errors[0].message,
            "確認用パスワードが正しくありません。"
        );
    }
    let a = call(&mut b, "POST", "/api/users", body(&req)).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(a.error().code, ErrorCode::ConfirmPasswordLocked);
    assert!(a.error().message.contains("ロックされています"));
    // Locked: even the right password is refused, for every mutation.
    let a = call(
        &mut b,
        "POST",
        "/api/users",
        body(&registration("suzuki05")),
    )
    .await;
    assert_eq!(a.error().code, ErrorCode::ConfirmPasswordLocked);
    let del = json!({ "confirmation": { "confirm_password": DEMO_CONFIRM_PASSWORD } });
    let a = call(&mut b, "DELETE", "/api/users/user01", Some(del)).await;
    assert_eq!(a.error().code, ErrorCode::ConfirmPasswordLocked);
    assert_eq!(count_users(&h, "suzuki03"), 0);
    assert_eq!(count_users(&h, "suzuki05"), 0);
    assert_eq!(count_users(&h, "user01"), 1);
    // Other operators are not affected.
    let mut c = Client::new(&h).with_certificate_of("admin01");
    assert_eq!(
        c.login(None, DEMO_PASSWORD, &key()).await.status,
        StatusCode::OK
    );
    let a = call(
        &mut c,
        "POST",
        "/api/users",
        body(&registration("suzuki05")),
    )
    .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
}

#[tokio::test]
async fn the_same_idempotency_key_registers_one_user() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let k = key();
    let first = b
        .send(
            "POST",
            "/api/users",
            body(&registration("double01")),
            Some(&k),
        )
        .await;
    assert_eq!(first.status, StatusCode::CREATED);
    let again = b
        .send(
            "POST",
            "/api/users",
            body(&registration("double01")),
            Some(&k),
        )
        .await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert!(again.replayed);
    assert_eq!(again.body, first.body);
    assert_eq!(count_users(&h, "double01"), 1);
    assert_eq!(user_admin_log(&h).len(), 1);
}

#[tokio::test]
async fn a_change_of_rights_and_limits_reports_what_changed() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let before = detail(&mut b, "user02").await;
    let mut req = unchanged(&before);
    let p = &mut req.user.profile;
    p.rights.retain(|r| *r != Right::BulkScreen);
    p.rights.push(Right::ApproveTransfer);
    p.accounts.push(4);
    p.limits[0].amount = 2_000_000;
    let a = call(&mut b, "PUT", "/api/users/user02", body(&req)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let r: UserChanged = parse(&a);
    assert_eq!(
        r.changed,
        [
            Changed::Right(Right::BulkScreen),
            Changed::Right(Right::ApproveTransfer),
            Changed::Account(4),
            Changed::Limit(LimitBusiness::Transfer),
        ]
    );
    assert_eq!(r.before, before);
    assert!(r.after.profile.rights.contains(&Right::ApproveTransfer));
    assert!(!r.after.profile.rights.contains(&Right::BulkScreen));
    assert_eq!(r.after.profile.accounts, [1, 2, 4]);
    assert_eq!(
        r.after.profile.limit(LimitBusiness::Transfer),
        Some(2_000_000)
    );
    assert_eq!(r.after.updated_at, r.changed_at);
    assert_eq!(detail(&mut b, "user02").await, r.after);
    let log = user_admin_log(&h);
    assert_eq!(
        log,
        [(
            "利用者変更".to_owned(),
            "正常".to_owned(),
            "ログインID：user02".to_owned()
        )]
    );
}

#[tokio::test]
async fn the_history_right_and_the_session_permission_stay_in_step() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let d = detail(&mut b, "user08").await;
    let mut req = unchanged(&d);
    req.user
        .profile
        .rights
        .retain(|r| *r != Right::ViewAllHistory);
    let a = call(&mut b, "PUT", "/api/users/user08", body(&req)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(
        parse::<UserChanged>(&a).changed,
        [Changed::Right(Right::ViewAllHistory)]
    );
    let mut viewer = Client::new(&h);
    let s: Session = parse(&viewer.login(Some("user08"), DEMO_PASSWORD, &key()).await);
    assert!(!s.has(Permission::ViewAllHistory));
}

#[tokio::test]
async fn a_new_login_password_ends_the_users_sessions_and_is_reported() {
    let h = harness();
    let mut user = logged_in(&h, "user08").await;
    let mut b = logged_in(&h, "admin02").await;
    let d = detail(&mut b, "user08").await;
    let mut req = unchanged(&d);
    req.user.login_password = entry("Newpass99");
    req.user.profile.force_password_change = true;
    let a = call(&mut b, "PUT", "/api/users/user08", body(&req)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(
        parse::<UserChanged>(&a).changed,
        [Changed::LoginPassword, Changed::ForcePasswordChange]
    );
    assert_eq!(
        call(&mut user, "GET", "/api/session", None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let mut again = Client::new(&h);
    let s: Session = parse(&again.login(Some("user08"), "Newpass99", &key()).await);
    assert!(s.must_change_password);
    // The operator's own session is untouched.
    assert_eq!(
        call(&mut b, "GET", "/api/session", None).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn nothing_changed_is_refused() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let d = detail(&mut b, "user01").await;
    let a = call(&mut b, "PUT", "/api/users/user01", body(&unchanged(&d))).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let e = a.error();
    assert_eq!(e.field_errors.len(), 1);
    assert_eq!(e.field_errors[0].field, "user");
    assert_eq!(e.field_errors[0].code, "no_change");
    assert_eq!(e.field_errors[0].message, "変更内容がありません。");
    assert_eq!(detail(&mut b, "user01").await, d);
}

#[tokio::test]
async fn the_master_stays_master_and_nobody_drops_their_own_admin_right() {
    let h = harness();
    // Only the master user changes the master user (an admin could otherwise take over
    // the account by changing its login ID or passwords).
    let mut b = logged_in(&h, "admin02").await;
    let master = detail(&mut b, "master01").await;
    let mut req = unchanged(&master);
    req.user.profile.name = "港　太一".into();
    let a = call(&mut b, "PUT", "/api/users/master01", body(&req)).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(
        a.error().message,
        "マスターユーザの利用者情報は、マスターユーザのみ変更できます。"
    );

    let mut m = Client::new(&h).with_certificate_of("master01");
    let a = m.login(None, DEMO_PASSWORD, &key()).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let mut req = unchanged(&master);
    req.user.profile.admin = false;
    let a = call(&mut m, "PUT", "/api/users/master01", body(&req)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let e = a.error();
    assert_eq!(e.field_errors[0].field, "user.admin");
    assert_eq!(
        e.field_errors[0].message,
        "マスターユーザの管理者権限は変更できません。"
    );

    // Other changes of the master user by the master are fine, and the master stays master.
    let mut req = unchanged(&master);
    req.user.profile.name = "港　太一".into();
    let a = call(&mut m, "PUT", "/api/users/master01", body(&req)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let r: UserChanged = parse(&a);
    assert_eq!(r.changed, [Changed::Name]);
    assert_eq!(r.after.role, Role::Master);

    let me = detail(&mut b, "admin02").await;
    let mut req = unchanged(&me);
    req.user.profile.admin = false;
    let a = call(&mut b, "PUT", "/api/users/admin02", body(&req)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        a.error().field_errors[0].message,
        "ご自身の管理者権限は変更できません。"
    );

    // Another admin can be made a general user.
    let admin01 = detail(&mut b, "admin01").await;
    let mut req = unchanged(&admin01);
    req.user.profile.admin = false;
    let r: UserChanged = parse(&call(&mut b, "PUT", "/api/users/admin01", body(&req)).await);
    assert_eq!(r.changed, [Changed::Admin]);
    assert_eq!(r.after.role, Role::General);
}

#[tokio::test]
async fn the_master_user_and_the_operator_cannot_be_deleted() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let del = json!({ "confirmation": { "confirm_password": DEMO_CONFIRM_PASSWORD } });
    for (id, message) in [
        ("master01", "マスターユーザは削除できません。"),
        ("admin02", "ご自身の利用者情報は削除できません。"),
    ] {
        let a = call(
            &mut b,
            "DELETE",
            &format!("/api/users/{id}"),
            Some(del.clone()),
        )
        .await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{id}");
        assert_eq!(a.error().code, ErrorCode::Forbidden);
        assert_eq!(a.error().message, message);
        assert_eq!(count_users(&h, id), 1);
    }
    let log = user_admin_log(&h);
    assert_eq!(log.len(), 2);
    assert!(log
        .iter()
        .all(|(op, r, _)| op == "利用者削除" && r == "異常"));
}

#[tokio::test]
async fn a_deleted_user_is_gone_cannot_log_in_and_frees_the_login_id() {
    let h = harness();
    let mut victim = logged_in(&h, "user05").await;
    let mut b = logged_in(&h, "admin02").await;
    let before = detail(&mut b, "user05").await;
    let del = json!({ "confirmation": { "confirm_password": DEMO_CONFIRM_PASSWORD } });
    let a = call(&mut b, "DELETE", "/api/users/user05", Some(del.clone())).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let r: UserDeleted = parse(&a);
    assert_eq!(r.user, before);

    assert_eq!(
        call(&mut b, "GET", "/api/users/user05", None).await.status,
        StatusCode::NOT_FOUND
    );
    let list: UserList = parse(&call(&mut b, "GET", "/api/users", None).await);
    assert!(list.users.iter().all(|u| !u.login_id.starts_with("user05")));
    assert_eq!(
        call(&mut victim, "GET", "/api/session", None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let mut again = Client::new(&h);
    let a = again.login(Some("user05"), DEMO_PASSWORD, &key()).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    assert_eq!(a.error().code, ErrorCode::InvalidCredentials);
    assert_eq!(a.error().remaining_attempts, None, "like an unknown ID");

    // Deleting again: not found.
    let a = call(&mut b, "DELETE", "/api/users/user05", Some(del.clone())).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);

    let a = call(&mut b, "POST", "/api/users", body(&registration("user05"))).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let a = again.login(Some("user05"), "Pass1234", &key()).await;
    assert_eq!(a.status, StatusCode::OK);
}

#[tokio::test]
async fn deleting_a_certificate_user_revokes_the_certificate() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let del = json!({ "confirmation": { "confirm_password": DEMO_CONFIRM_PASSWORD } });
    let a = call(&mut b, "DELETE", "/api/users/user01", Some(del)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let mut holder = Client::new(&h).with_certificate_of("user01");
    let a = holder.login(None, DEMO_PASSWORD, &key()).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(a.error().code, ErrorCode::CertificateRefused);
    let revoked: i64 =
        h.db.lock()
            .query_row(
                "SELECT COUNT(*) FROM certificates WHERE revoked_at IS NOT NULL AND user_id = \
             (SELECT id FROM users WHERE login_id LIKE 'user01#deleted%')",
                [],
                |r| r.get(0),
            )
            .unwrap();
    assert_eq!(revoked, 1);
}

#[tokio::test]
async fn every_mutating_call_writes_exactly_one_log_row() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let mut bad = registration("logtest1");
    bad.user.profile.name = "x".into();
    let mut wrong = registration("logtest1");
    wrong.confirmation = confirmation("Wrong1234");
    let del = json!({ "confirmation": { "confirm_password": DEMO_CONFIRM_PASSWORD } });
    let mut calls = vec![
        ("POST", "/api/users".to_owned(), body(&bad)),
        ("POST", "/api/users".to_owned(), body(&wrong)),
        (
            "POST",
            "/api/users".to_owned(),
            body(&registration("logtest1")),
        ),
        (
            "POST",
            "/api/users".to_owned(),
            body(&registration("logtest1")),
        ),
    ];
    let mut change = registration("logtest1");
    change.user.login_password = None;
    change.user.confirm_password = None;
    change.user.profile.name = "鈴木　花".into();
    calls.push(("PUT", "/api/users/logtest1".into(), body(&change)));
    calls.push(("DELETE", "/api/users/logtest1".into(), Some(del)));
    for (method, path, body) in calls {
        call(&mut b, method, &path, body).await;
    }
    let log: Vec<(String, String, String)> = user_admin_log(&h);
    let summary: Vec<(&str, &str)> = log
        .iter()
        .map(|(op, r, _)| (op.as_str(), r.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("利用者登録", "異常"),
            ("利用者登録", "異常"),
            ("利用者登録", "正常"),
            ("利用者登録", "異常"),
            ("利用者変更", "正常"),
            ("利用者削除", "正常"),
        ]
    );
    assert!(log[0].2.contains("入力誤り"));
    assert!(log[1].2.contains("確認用パスワード誤り"));
    assert!(log[3].2.contains("ログインID重複"));
    assert!(log.iter().all(|(_, _, d)| d.contains("logtest1")));
}

/// Set 承認機能の利用有無 of `service` in 企業管理.
async fn set_approval(b: &mut Client<'_>, service: Service, mode: ApprovalMode) {
    let a = call(b, "GET", "/api/company", None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let v: CompanyView = parse(&a);
    let mut company = v.company;
    for s in &mut company.approvals {
        if s.service == service {
            s.mode = mode;
        }
    }
    let req = CompanyChangeRequest {
        company,
        revision: v.revision,
        confirmation: confirmation(DEMO_CONFIRM_PASSWORD),
    };
    let a = call(b, "PUT", "/api/company", body(&req)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
}

/// A change of `login_id` without `right`.
async fn without_right(b: &mut Client<'_>, login_id: &str, right: Right) -> UserRequest {
    let d = detail(b, login_id).await;
    assert!(d.profile.rights.contains(&right), "{login_id}");
    let mut req = unchanged(&d);
    req.user.profile.rights.retain(|r| *r != right);
    req
}

const BULK_CHANGE_REFUSED: &str = "総合振込の承認は企業管理でダブル承認に設定されているため、承認権限を持つ利用者が2名未満になる変更はできません（変更後1名）。先に企業管理で承認機能の利用有無を変更してください。";

const BULK_DELETE_REFUSED: &str = "総合振込の承認は企業管理でダブル承認に設定されているため、承認権限を持つ利用者が2名未満になる削除はできません（削除後1名）。先に企業管理で承認機能の利用有無を変更してください。";

#[tokio::test]
async fn double_approval_keeps_two_approvers_through_changes_and_deletions() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    // 総合振込 has four approvers: master01, admin01, admin02, user01.
    set_approval(&mut b, Service::Bulk, ApprovalMode::DoubleUnordered).await;

    // Two of them may give up the right (4 → 3 → 2), the operator themself too.
    for id in ["admin01", "admin02"] {
        let req = without_right(&mut b, id, Right::ApproveBulk).await;
        let a = call(&mut b, "PUT", &format!("/api/users/{id}"), body(&req)).await;
        assert_eq!(a.status, StatusCode::OK, "{id}: {}", a.body);
    }

    // A third would leave one: refused on the rights, with the other rules' errors, before
    // the 確認用パスワード is looked at.
    let before = detail(&mut b, "user01").await;
    let mut req = without_right(&mut b, "user01", Right::ApproveBulk).await;
    req.confirmation = confirmation("Wrong1234");
    let a = call(&mut b, "PUT", "/api/users/user01", body(&req)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    let e = a.error();
    assert_eq!(e.code, ErrorCode::ValidationFailed);
    assert_eq!(e.remaining_attempts, None);
    assert_eq!(fields(&a), ["user.rights"]);
    assert_eq!(e.field_errors[0].code, "double_approval_needs_two");
    assert_eq!(e.field_errors[0].message, BULK_CHANGE_REFUSED);
    req.user.profile.accounts.clear();
    let a = call(&mut b, "PUT", "/api/users/user01", body(&req)).await;
    assert_eq!(fields(&a), ["user.rights", "user.accounts"]);
    assert_eq!(detail(&mut b, "user01").await, before);

    // Other changes of an approver are fine, the 承認 right kept.
    let mut req = unchanged(&before);
    req.user
        .profile
        .rights
        .retain(|r| *r != Right::BulkScreen && *r != Right::ApprovePayroll);
    let a = call(&mut b, "PUT", "/api/users/user01", body(&req)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);

    // Deleting one of the last two: 422 with the message alone.
    let del = json!({ "confirmation": { "confirm_password": DEMO_CONFIRM_PASSWORD } });
    let a = call(&mut b, "DELETE", "/api/users/user01", Some(del.clone())).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    let e = a.error();
    assert_eq!(e.code, ErrorCode::ValidationFailed);
    assert!(e.field_errors.is_empty());
    assert_eq!(e.message, BULK_DELETE_REFUSED);
    assert_eq!(count_users(&h, "user01"), 1);
    // Someone who no longer approves 総合振込 may be deleted.
    let a = call(&mut b, "DELETE", "/api/users/admin01", Some(del)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);

    let log = user_admin_log(&h);
    let summary: Vec<(&str, &str)> = log
        .iter()
        .map(|(op, r, _)| (op.as_str(), r.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("利用者変更", "正常"),
            ("利用者変更", "正常"),
            ("利用者変更", "異常"),
            ("利用者変更", "異常"),
            ("利用者変更", "正常"),
            ("利用者削除", "異常"),
            ("利用者削除", "正常"),
        ]
    );
    assert_eq!(log[2].2, "ログインID：user01（入力誤り）");
    assert_eq!(log[5].2, "ログインID：user01（ダブル承認の承認者不足）");

    // Back to シングル承認 in 企業管理, the last two may go too.
    set_approval(&mut b, Service::Bulk, ApprovalMode::Single).await;
    let req = without_right(&mut b, "user01", Right::ApproveBulk).await;
    let a = call(&mut b, "PUT", "/api/users/user01", body(&req)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
}

#[tokio::test]
async fn double_ordered_counts_the_same() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    set_approval(&mut b, Service::Transfer, ApprovalMode::DoubleOrdered).await;
    for id in ["admin01", "user01"] {
        let req = without_right(&mut b, id, Right::ApproveTransfer).await;
        let a = call(&mut b, "PUT", &format!("/api/users/{id}"), body(&req)).await;
        assert_eq!(a.status, StatusCode::OK, "{id}: {}", a.body);
    }
    let req = without_right(&mut b, "admin02", Right::ApproveTransfer).await;
    let a = call(&mut b, "PUT", "/api/users/admin02", body(&req)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    assert_eq!(
        a.error().field_errors[0].message,
        "振込振替の承認は企業管理でダブル承認に設定されているため、承認権限を持つ利用者が2名未満になる変更はできません（変更後1名）。先に企業管理で承認機能の利用有無を変更してください。"
    );
}

#[tokio::test]
async fn with_single_approval_the_only_approver_may_go() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    // The demo: user01 is the only 給与・賞与振込 approver, シングル承認.
    let req = without_right(&mut b, "user01", Right::ApprovePayroll).await;
    let a = call(&mut b, "PUT", "/api/users/user01", body(&req)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let a = call(
        &mut b,
        "DELETE",
        "/api/users/user01",
        Some(json!({ "confirmation": { "confirm_password": DEMO_CONFIRM_PASSWORD } })),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
}
