//! 企業管理 (企業情報 and the three fee tables) through the router.

mod common;

use axum::http::StatusCode;
use common::{call, harness, key, logged_in, parse, Answer, Client, Harness};
use kanri_contract::api::ErrorCode;
use kanri_contract::company::{
    AccountLimitKind, ApprovalMode, CompanyChangeRequest, CompanyChanged, CompanyItem, CompanyView,
};
use kanri_contract::fees::{FeeChangeRequest, FeeTable, FeeView, FeesChanged};
use kanri_contract::users::{Confirmation, LimitBusiness, Service, UserFormContext};
use kanri_stub::fees::standard;
use kanri_stub::seed::{DEMO_CONFIRM_PASSWORD, DEMO_PASSWORD};
use serde_json::{json, Value};

fn confirmation(password: &str) -> Confirmation {
    Confirmation {
        confirm_password: password.into(),
        one_time_password: None,
    }
}

fn body<T: serde::Serialize>(v: &T) -> Option<Value> {
    Some(serde_json::to_value(v).unwrap())
}

async fn company(b: &mut Client<'_>) -> CompanyView {
    let a = call(b, "GET", "/api/company", None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    parse(&a)
}

async fn fees(b: &mut Client<'_>, slug: &str) -> FeeView {
    let a = call(b, "GET", &format!("/api/company/fees/{slug}"), None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    parse(&a)
}

/// A change request that keeps everything of `v`.
fn unchanged(v: &CompanyView) -> CompanyChangeRequest {
    CompanyChangeRequest {
        company: v.company.clone(),
        revision: v.revision,
        confirmation: confirmation(DEMO_CONFIRM_PASSWORD),
    }
}

fn unchanged_fees(v: &FeeView) -> FeeChangeRequest {
    FeeChangeRequest {
        settings: v.settings.clone(),
        revision: v.revision,
        confirmation: confirmation(DEMO_CONFIRM_PASSWORD),
    }
}

fn set_approval(req: &mut CompanyChangeRequest, s: Service, mode: ApprovalMode) {
    for a in &mut req.company.approvals {
        if a.service == s {
            a.mode = mode;
        }
    }
}

fn set_daily(req: &mut CompanyChangeRequest, b: LimitBusiness, amount: u64) {
    for l in &mut req.company.daily_limits {
        if l.business == b {
            l.amount = amount;
        }
    }
}

/// The 企業管理 rows of the operation log: (operation, result, detail).
fn company_log(h: &Harness) -> Vec<(String, String, String)> {
    let c = h.db.lock();
    let mut st = c
        .prepare(
            "SELECT operation, result, detail FROM operation_log WHERE business = '企業管理' ORDER BY id",
        )
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn fields(a: &Answer) -> Vec<String> {
    a.error()
        .field_errors
        .into_iter()
        .map(|f| f.field)
        .collect()
}

#[tokio::test]
async fn an_administrator_sees_the_company_and_what_the_checks_need() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let v = company(&mut b).await;
    assert_eq!(v.company.name, "株式会社みなと精機");
    assert_eq!(v.company.name_kana, "カブシキガイシャミナトセイキ");
    assert_eq!(v.revision, 1);
    assert!(v.updated_at > 0);
    for s in [Service::Transfer, Service::Bulk, Service::Payroll] {
        assert_eq!(v.company.approval(s), Some(ApprovalMode::Single), "{s:?}");
    }
    assert_eq!(v.company.approval(Service::Debit), None);
    assert_eq!(v.company.account_limits.len(), 4);
    let a1 = v.company.account_limits(1).unwrap();
    assert_eq!(
        (a1.total, a1.ad_hoc, a1.registered),
        (10_000_000, 5_000_000, 10_000_000)
    );
    let a4 = v.company.account_limits(4).unwrap();
    assert_eq!(
        (a4.total, a4.ad_hoc, a4.registered),
        (3_000_000, 1_000_000, 3_000_000)
    );
    // Only the contracted businesses (no 口座振替).
    assert_eq!(
        v.company
            .daily_limits
            .iter()
            .map(|l| (l.business, l.amount))
            .collect::<Vec<_>>(),
        [
            (LimitBusiness::Bulk, 50_000_000),
            (LimitBusiness::Salary, 30_000_000),
            (LimitBusiness::Bonus, 30_000_000)
        ]
    );
    assert_eq!(
        v.context.services,
        [Service::Transfer, Service::Bulk, Service::Payroll]
    );
    assert_eq!(v.context.accounts.len(), 4);
    let ids = |s| -> Vec<String> {
        v.context
            .approvers(s)
            .iter()
            .map(|u| u.login_id.clone())
            .collect()
    };
    assert_eq!(
        ids(Service::Transfer),
        ["master01", "admin01", "admin02", "user01"]
    );
    assert_eq!(ids(Service::Bulk), ids(Service::Transfer));
    assert_eq!(ids(Service::Payroll), ["user01"]);
    assert_eq!(v.context.approvers(Service::Payroll)[0].name, "佐藤　次郎");
    assert_eq!(v.context.user_limits.len(), 11);
    assert_eq!(v.context.user_limits[0].user.login_id, "master01");
    assert!(!v.context.one_time_password);
    // The master user may look too.
    let mut m = Client::new(&h).with_certificate_of("master01");
    assert_eq!(
        m.login(None, DEMO_PASSWORD, &key()).await.status,
        StatusCode::OK
    );
    assert_eq!(company(&mut m).await, v);
}

#[tokio::test]
async fn a_general_user_is_refused_every_endpoint() {
    let h = harness();
    let mut admin = logged_in(&h, "admin02").await;
    let v = company(&mut admin).await;
    let f = fees(&mut admin, "payer-bulk").await;
    let mut b = logged_in(&h, "user08").await;
    for path in ["/api/company", "/api/company/fees/payer-bulk"] {
        let a = call(&mut b, "GET", path, None).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(a.error().code, ErrorCode::Forbidden);
    }
    let mut req = unchanged(&v);
    set_daily(&mut req, LimitBusiness::Bulk, 60_000_000);
    let mut fee_req = unchanged_fees(&f);
    fee_req.settings.use_standard = true;
    for (path, body) in [
        ("/api/company", body(&req)),
        ("/api/company/fees/payer-bulk", body(&fee_req)),
    ] {
        let a = call(&mut b, "PUT", path, body).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(a.error().code, ErrorCode::Forbidden);
    }
    assert_eq!(company(&mut admin).await, v);
    assert_eq!(fees(&mut admin, "payer-bulk").await, f);
    assert_eq!(
        company_log(&h),
        [
            ("企業情報変更".into(), "異常".into(), "権限なし".into()),
            (
                "当方負担手数料[総合振込]の変更".into(),
                "異常".into(),
                "権限なし".into()
            ),
        ]
    );
}

#[tokio::test]
async fn a_change_of_approval_and_daily_limit_reports_and_logs_what_changed() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let v = company(&mut b).await;
    let mut req = unchanged(&v);
    set_approval(&mut req, Service::Bulk, ApprovalMode::DoubleOrdered);
    set_daily(&mut req, LimitBusiness::Bulk, 60_000_000);
    let a = call(&mut b, "PUT", "/api/company", body(&req)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let changed: CompanyChanged = parse(&a);
    assert_eq!(changed.before, v.company);
    assert_eq!(
        changed.after.approval(Service::Bulk),
        Some(ApprovalMode::DoubleOrdered)
    );
    assert_eq!(
        changed.after.daily_limit(LimitBusiness::Bulk),
        Some(60_000_000)
    );
    assert_eq!(
        changed.changed,
        [
            CompanyItem::Approval(Service::Bulk),
            CompanyItem::DailyLimit(LimitBusiness::Bulk)
        ]
    );
    assert_eq!(
        a.body["changed"],
        json!([{ "item": "approval", "of": "bulk" }, { "item": "daily_limit", "of": "bulk" }])
    );
    assert!(changed.changed_at > 0);
    assert_eq!(
        company_log(&h),
        [(
            "企業情報変更".into(),
            "正常".into(),
            "承認機能の利用有無（総合振込）、企業一日当たりの限度額（総合振込）".into()
        )]
    );
    let now = company(&mut b).await;
    assert_eq!(now.revision, v.revision + 1);
    assert_eq!(now.updated_at, changed.changed_at);
    assert_eq!(now.company, changed.after);

    // Account limits and names too; the log names the account.
    let mut req = unchanged(&now);
    req.company.name = "株式会社みなと精機製作所".into();
    req.company.account_limits[2].ad_hoc = 2_000_000;
    let a = call(&mut b, "PUT", "/api/company", body(&req)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let changed: CompanyChanged = parse(&a);
    assert_eq!(
        changed.changed,
        [
            CompanyItem::Name,
            CompanyItem::AccountLimit(3, AccountLimitKind::AdHoc)
        ]
    );
    assert_eq!(
        company_log(&h)[1].2,
        "企業名、口座一日当たりの限度額（港南支店(125) 普通 0253226・振込振替(都度指定)）"
    );
    assert_eq!(company(&mut b).await.revision, v.revision + 2);
}

#[tokio::test]
async fn too_many_digits_are_refused_on_their_fields() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let v = company(&mut b).await;
    let mut req = unchanged(&v);
    req.company.account_limits[0].total = 1_000_000_000_000_000;
    set_daily(&mut req, LimitBusiness::Bulk, 1_000_000_000_000);
    let a = call(&mut b, "PUT", "/api/company", body(&req)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    let e = a.error();
    assert_eq!(e.code, ErrorCode::ValidationFailed);
    assert_eq!(
        fields(&a),
        [
            "company.account_limits.1.total",
            "company.daily_limits.bulk"
        ]
    );
    assert_eq!(
        e.field_errors[0].message,
        "口座一日当たりの限度額（本店営業部(001) 普通 1234567・振込振替(合計)）は半角数字15桁以内で入力してください。"
    );
    assert_eq!(
        e.field_errors[1].message,
        "企業一日当たりの限度額（総合振込）は半角数字12桁以内で入力してください。"
    );
    // The largest amounts of their digits are accepted.
    req.company.account_limits[0].total = 999_999_999_999_999;
    set_daily(&mut req, LimitBusiness::Bulk, 999_999_999_999);
    let a = call(&mut b, "PUT", "/api/company", body(&req)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let after = company(&mut b).await;
    assert_eq!(
        after.company.account_limits(1).unwrap().total,
        999_999_999_999_999
    );
    let log = company_log(&h);
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].1, "異常");
    assert!(log[0].2.ends_with("（入力誤り）"), "{}", log[0].2);
}

#[tokio::test]
async fn double_approval_of_payroll_needs_a_second_approver() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let v = company(&mut b).await;
    let mut req = unchanged(&v);
    set_approval(&mut req, Service::Payroll, ApprovalMode::DoubleUnordered);
    let a = call(&mut b, "PUT", "/api/company", body(&req)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    let e = a.error();
    assert_eq!(fields(&a), ["company.approvals.payroll"]);
    assert_eq!(e.field_errors[0].code, "too_few_approvers");
    assert!(
        e.field_errors[0]
            .message
            .contains("現在は佐藤　次郎（user01）のみ"),
        "{}",
        e.field_errors[0].message
    );
    // 総合振込 has four approvers.
    let mut req = unchanged(&v);
    set_approval(&mut req, Service::Bulk, ApprovalMode::DoubleUnordered);
    let a = call(&mut b, "PUT", "/api/company", body(&req)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
}

#[tokio::test]
async fn a_daily_limit_below_a_users_limit_names_the_users() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let v = company(&mut b).await;
    let mut req = unchanged(&v);
    // user01 (承認) has 20,000,000 for 総合振込; the administrators the company's 50,000,000.
    set_daily(&mut req, LimitBusiness::Bulk, 19_999_999);
    let a = call(&mut b, "PUT", "/api/company", body(&req)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    let e = a.error();
    assert_eq!(fields(&a), ["company.daily_limits.bulk"]);
    assert_eq!(e.field_errors[0].code, "below_user_limit");
    let m = &e.field_errors[0].message;
    assert!(
        m.starts_with("企業一日当たりの限度額（総合振込）を、利用者一回当たり限度額がこれを超える利用者がいる金額には下げられません"),
        "{m}"
    );
    assert!(m.contains("佐藤　次郎（user01）"), "{m}");
    assert!(m.contains("港　太郎（master01）"), "{m}");
    assert_eq!(company(&mut b).await, v);
}

#[tokio::test]
async fn wrong_confirm_passwords_count_down_then_lock() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let v = company(&mut b).await;
    let mut req = unchanged(&v);
    set_daily(&mut req, LimitBusiness::Salary, 35_000_000);
    req.confirmation = confirmation("Wrong1234");
    for left in (1..=4u32).rev() {
        let a = call(&mut b, "PUT", "/api/company", body(&req)).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
        let e = a.error();
        assert_eq!(e.code, ErrorCode::ValidationFailed);
        assert_eq!(e.remaining_attempts, Some(left));
        assert_eq!(fields(&a), ["confirmation.confirm_password"]);
        assert_eq!(e.field_errors[0].code, "wrong_password");
        assert_eq!(
            e.field_errors[0].message,
            "確認用パスワードが正しくありません。"
        );
    }
    let a = call(&mut b, "PUT", "/api/company", body(&req)).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(a.error().code, ErrorCode::ConfirmPasswordLocked);
    // Locked: the right password is refused too, here and for the fees and users.
    req.confirmation = confirmation(DEMO_CONFIRM_PASSWORD);
    let a = call(&mut b, "PUT", "/api/company", body(&req)).await;
    assert_eq!(a.error().code, ErrorCode::ConfirmPasswordLocked);
    let mut fee_req = unchanged_fees(&fees(&mut b, "payer-bulk").await);
    fee_req.settings.use_standard = true;
    let a = call(
        &mut b,
        "PUT",
        "/api/company/fees/payer-bulk",
        body(&fee_req),
    )
    .await;
    assert_eq!(a.error().code, ErrorCode::ConfirmPasswordLocked);
    let del = json!({ "confirmation": { "confirm_password": DEMO_CONFIRM_PASSWORD } });
    let a = call(&mut b, "DELETE", "/api/users/user01", Some(del)).await;
    assert_eq!(a.error().code, ErrorCode::ConfirmPasswordLocked);
    assert_eq!(company(&mut b).await, v);
    let log = company_log(&h);
    assert_eq!(log.len(), 7);
    assert!(log.iter().all(|(_, r, _)| r == "異常"));
    assert_eq!(
        log[0].2,
        "企業一日当たりの限度額（給与振込）（確認用パスワード誤り）"
    );
    assert!(log[4].2.ends_with("（確認用パスワード誤り・ロック）"));
    assert!(log[5].2.ends_with("（確認用パスワードロック中）"));
}

#[tokio::test]
async fn the_same_idempotency_key_changes_once() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let v = company(&mut b).await;
    let mut req = unchanged(&v);
    set_daily(&mut req, LimitBusiness::Bonus, 35_000_000);
    let k = key();
    let first = b.send("PUT", "/api/company", body(&req), Some(&k)).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let again = b.send("PUT", "/api/company", body(&req), Some(&k)).await;
    assert_eq!(again.status, StatusCode::OK);
    assert!(again.replayed);
    assert_eq!(again.body, first.body);
    assert_eq!(company(&mut b).await.revision, v.revision + 1);
    assert_eq!(company_log(&h).len(), 1);
}

#[tokio::test]
async fn a_stale_revision_is_a_conflict() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let v = company(&mut b).await;
    let mut first = unchanged(&v);
    set_daily(&mut first, LimitBusiness::Bonus, 35_000_000);
    let mut second = unchanged(&v);
    set_daily(&mut second, LimitBusiness::Salary, 35_000_000);
    let a = call(&mut b, "PUT", "/api/company", body(&first)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let a = call(&mut b, "PUT", "/api/company", body(&second)).await;
    assert_eq!(a.status, StatusCode::CONFLICT, "{}", a.body);
    let e = a.error();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert!(e.field_errors.is_empty());
    assert_eq!(
        e.message,
        "他の操作で企業情報が変更されています。最新の内容を表示して、もう一度変更してください。"
    );
    let now = company(&mut b).await;
    assert_eq!(
        now.company.daily_limit(LimitBusiness::Salary),
        Some(30_000_000)
    );
    assert_eq!(company_log(&h)[1].2, "他の操作による変更");
}

#[tokio::test]
async fn nothing_changed_is_refused_without_field_errors() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let v = company(&mut b).await;
    let mut req = unchanged(&v);
    // Even without a 確認用パスワード: there is nothing to confirm.
    req.confirmation = confirmation("");
    let a = call(&mut b, "PUT", "/api/company", body(&req)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let e = a.error();
    assert_eq!(e.code, ErrorCode::ValidationFailed);
    assert!(e.field_errors.is_empty());
    assert_eq!(e.message, "変更された項目はありません。");
    assert_eq!(e.remaining_attempts, None);
    assert_eq!(company(&mut b).await, v);
    assert_eq!(
        company_log(&h),
        [("企業情報変更".into(), "異常".into(), "変更なし".into())]
    );
}

#[tokio::test]
async fn the_users_caps_follow_the_company() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let v = company(&mut b).await;
    let mut req = unchanged(&v);
    // 振込振替: the highest 振込振替(合計) of the accounts.
    req.company.account_limits[3].total = 12_000_000;
    set_daily(&mut req, LimitBusiness::Salary, 40_000_000);
    let a = call(&mut b, "PUT", "/api/company", body(&req)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let a = call(&mut b, "GET", "/api/users/form-context", None).await;
    let ctx: UserFormContext = parse(&a);
    assert_eq!(ctx.company_limit(LimitBusiness::Transfer), Some(12_000_000));
    assert_eq!(ctx.company_limit(LimitBusiness::Bulk), Some(50_000_000));
    assert_eq!(ctx.company_limit(LimitBusiness::Salary), Some(40_000_000));
    assert_eq!(ctx.company_limit(LimitBusiness::Bonus), Some(30_000_000));

    // Lowering the highest 合計 below a user's 振込振替 limit names the users.
    let now = company(&mut b).await;
    let mut req = unchanged(&now);
    for l in &mut req.company.account_limits {
        l.total = l.total.min(9_000_000);
        // 都度指定 and 事前登録 stay within the 合計 (a rule of their own).
        l.ad_hoc = l.ad_hoc.min(l.total);
        l.registered = l.registered.min(l.total);
    }
    let a = call(&mut b, "PUT", "/api/company", body(&req)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    assert_eq!(
        fields(&a),
        [
            "company.account_limits.1.total",
            "company.account_limits.2.total",
            "company.account_limits.4.total"
        ]
    );
    assert!(a.error().field_errors[0].message.contains("master01"));
}

#[tokio::test]
async fn fee_tables_show_the_standard_and_the_companys_own() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let f = fees(&mut b, "payee-transfer").await;
    assert_eq!(f.table, FeeTable::PayeeTransfer);
    assert!(f.settings.use_standard);
    assert_eq!(f.settings.bands, standard(FeeTable::PayeeTransfer));
    assert_eq!(f.standard, standard(FeeTable::PayeeTransfer));
    assert_eq!(f.settings.minimum, Some(1));
    assert_eq!(f.settings.method, None);
    assert_eq!(f.revision, 1);
    assert!(!f.one_time_password);
    let f = fees(&mut b, "payee-bulk").await;
    assert!(!f.settings.use_standard);
    assert_eq!(f.settings.minimum, Some(10_000));
    assert_eq!(
        serde_json::to_value(f.settings.method).unwrap(),
        json!("fixed")
    );
    assert_ne!(f.settings.bands, f.standard);
    assert_eq!(f.settings.bands[1].other_bank, 550);
    assert_eq!(f.settings.bands[1].to, None);
    let f = fees(&mut b, "payer-bulk").await;
    assert_eq!(f.settings.bands.len(), 3);
    assert_eq!(f.settings.bands[1].from, 10_000);
    assert_eq!(f.settings.minimum, None);
    for method in ["GET", "PUT"] {
        let a = call(
            &mut b,
            method,
            "/api/company/fees/payer-transfer",
            Some(json!({})),
        )
        .await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{method}");
        assert_eq!(a.error().code, ErrorCode::NotFound);
    }
    assert_eq!(
        company_log(&h),
        [("手数料情報の変更".into(), "異常".into(), "対象なし".into())]
    );
}

#[tokio::test]
async fn a_gap_between_bands_is_refused_on_its_row() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let f = fees(&mut b, "payer-bulk").await;
    let mut req = unchanged_fees(&f);
    req.settings.bands[1].from = 10_001;
    let a = call(&mut b, "PUT", "/api/company/fees/payer-bulk", body(&req)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    assert_eq!(fields(&a), ["fees.bands.1.from"]);
    assert_eq!(
        a.error().field_errors[0].message,
        "振込金額範囲（2行目）の下限は10,000円にしてください（1行目の範囲との間にすき間があります）。"
    );
    assert_eq!(fees(&mut b, "payer-bulk").await, f);

    // A valid change of a fee is stored and logged.
    let mut req = unchanged_fees(&f);
    req.settings.bands[2].other_bank = 495;
    let a = call(&mut b, "PUT", "/api/company/fees/payer-bulk", body(&req)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let changed: FeesChanged = parse(&a);
    assert_eq!(changed.table, FeeTable::PayerBulk);
    assert_eq!(changed.before, f.settings);
    assert_eq!(changed.after.bands[2].other_bank, 495);
    let now = fees(&mut b, "payer-bulk").await;
    assert_eq!(now.settings, changed.after);
    assert_eq!(now.revision, f.revision + 1);
    assert_eq!(now.updated_at, changed.changed_at);
    assert_eq!(
        company_log(&h),
        [
            (
                "当方負担手数料[総合振込]の変更".into(),
                "異常".into(),
                "振込金額範囲・振込パターンごとの手数料（入力誤り）".into()
            ),
            (
                "当方負担手数料[総合振込]の変更".into(),
                "正常".into(),
                "振込金額範囲・振込パターンごとの手数料".into()
            ),
        ]
    );
    // The old revision is now stale (with the fees' own message); nothing changed is
    // refused.
    let a = call(&mut b, "PUT", "/api/company/fees/payer-bulk", body(&req)).await;
    assert_eq!(a.status, StatusCode::CONFLICT);
    let e = a.error();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert!(e.field_errors.is_empty());
    assert_eq!(
        e.message,
        "他の操作で手数料情報が変更されています。最新の内容を表示して、もう一度変更してください。"
    );
    assert_eq!(company_log(&h)[2].2, "他の操作による変更");
    let a = call(
        &mut b,
        "PUT",
        "/api/company/fees/payer-bulk",
        body(&unchanged_fees(&now)),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.error().field_errors.is_empty());
    assert_eq!(a.error().message, "変更された項目はありません。");
}

#[tokio::test]
async fn switching_to_the_standard_stores_the_standard_bands() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let f = fees(&mut b, "payee-bulk").await;
    let mut req = unchanged_fees(&f);
    req.settings.use_standard = true;
    // The sent bands are ignored (even invalid ones).
    req.settings.bands.clear();
    let a = call(&mut b, "PUT", "/api/company/fees/payee-bulk", body(&req)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let changed: FeesChanged = parse(&a);
    assert_eq!(changed.before, f.settings);
    assert!(changed.after.use_standard);
    assert_eq!(changed.after.bands, standard(FeeTable::PayeeBulk));
    assert_eq!(changed.after.minimum, Some(10_000));
    let now = fees(&mut b, "payee-bulk").await;
    assert!(now.settings.use_standard);
    assert_eq!(now.settings.bands, standard(FeeTable::PayeeBulk));
    assert_eq!(now.revision, 2);
    assert_eq!(
        company_log(&h),
        [(
            "先方負担手数料[総合振込]の変更".into(),
            "正常".into(),
            "基準手数料の使用、支払金額範囲・振込パターンごとの手数料".into()
        )]
    );
    // On the standard, other sent bands are no change.
    let mut req = unchanged_fees(&now);
    req.settings.bands[0].other_bank = 1;
    let a = call(&mut b, "PUT", "/api/company/fees/payee-bulk", body(&req)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.error().message, "変更された項目はありません。");
    // A 適用最低支払金額 where the table has none is refused.
    let p = fees(&mut b, "payer-bulk").await;
    let mut req = unchanged_fees(&p);
    req.settings.minimum = Some(1);
    let a = call(&mut b, "PUT", "/api/company/fees/payer-bulk", body(&req)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&a), ["fees.minimum"]);
    assert_eq!(a.error().field_errors[0].code, "not_offered");
}
