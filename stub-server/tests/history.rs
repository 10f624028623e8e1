//! 操作履歴照会 (`/api/history`) through the router: the form's context, the rules of a
//! search (422), whose rows one may see, paging and order, the 3,000-row cap, the seeded
//! history, and the retention's purge.

mod common;

use axum::http::StatusCode;
use common::{
    call, harness, logged_in, logged_in_with_certificate, parse, seeded_harness, Client, Harness,
};
use kanri_contract::datetime::Date;
use kanri_contract::history::{
    business, earliest, HistoryAll, HistoryContext, HistoryPage, HistoryQuery, ResultFilter,
    UserFilter, MAX_ROWS, PAGE_SIZE, RETENTION_MONTHS,
};
use kanri_contract::user_status::StatusAction;
use kanri_stub::history;
use kanri_stub::seed::{self, DEMO_CONFIRM_PASSWORD};
use serde_json::json;

fn today() -> Date {
    Date::of_unix(kanri_stub::db::now())
}

async fn search(b: &mut Client<'_>, q: &HistoryQuery) -> HistoryPage {
    let a = call(b, "GET", &format!("/api/history?{}", q.to_query()), None).await;
    assert_eq!(a.status, StatusCode::OK, "{}: {}", q.to_query(), a.body);
    parse(&a)
}

/// The fields of a 422 answer to the query string `qs`.
async fn refused(b: &mut Client<'_>, qs: &str) -> Vec<String> {
    let a = call(b, "GET", &format!("/api/history?{qs}"), None).await;
    assert_eq!(
        a.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{qs}: {}",
        a.body
    );
    a.error()
        .field_errors
        .into_iter()
        .map(|e| e.field)
        .collect()
}

fn query(from: Date, to: Date, user: UserFilter) -> HistoryQuery {
    HistoryQuery {
        from,
        to,
        ..HistoryQuery::default_for(today(), user)
    }
}

fn one(login_id: &str) -> UserFilter {
    UserFilter::One(login_id.into())
}

/// Insert `n` rows of `login_id` directly, at `at(i)`.
fn insert(h: &Harness, login_id: &str, n: usize, at: impl Fn(usize) -> i64) {
    let c = h.db.lock();
    let mut st = c
        .prepare(
            "INSERT INTO operation_log (at, login_id, user_name, business, operation, result, detail) \
             VALUES (?1, ?2, '試験　太郎', 'ログイン', 'ログアウト', ?3, ?4)",
        )
        .unwrap();
    for i in 0..n {
        let result = if i % 10 == 0 { "異常" } else { "正常" };
        st.execute(rusqlite::params![at(i), login_id, result, format!("行{i}")])
            .unwrap();
    }
}

#[tokio::test]
async fn the_context_offers_everyone_only_with_the_right() {
    let h = harness();
    let mut viewer = logged_in(&h, "user08").await;
    let a = call(&mut viewer, "GET", "/api/history/context", None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let ctx: HistoryContext = parse(&a);
    assert_eq!(ctx.today, today());
    assert_eq!(ctx.earliest, earliest(today()));
    assert_eq!(ctx.retention_months, RETENTION_MONTHS);
    assert_eq!(ctx.own.login_id, "user08");
    assert_eq!(ctx.own.name, "小林　誠");
    let users = ctx.users.clone().unwrap();
    assert_eq!(users.len(), seed::DEMO_USERS.len());
    assert_eq!(users[0].login_id, "admin01", "by login ID");
    assert_eq!(ctx.businesses, business::ALL);
    assert_eq!(ctx.default_user(), UserFilter::All);

    // 管理者 without 全操作履歴照会 see only their own history.
    let mut admin = logged_in(&h, "admin02").await;
    let ctx: HistoryContext = parse(&call(&mut admin, "GET", "/api/history/context", None).await);
    assert_eq!(ctx.users, None);
    assert_eq!(ctx.default_user(), one("admin02"));

    let mut anonymous = Client::new(&h);
    anonymous.context().await;
    let a = call(&mut anonymous, "GET", "/api/history/context", None).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    let a = call(&mut anonymous, "GET", "/api/history", None).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_search_outside_the_rules_is_refused_on_its_field() {
    let h = harness();
    let mut b = logged_in(&h, "admin02").await;
    let t = today();
    let first = earliest(t);
    let before = Date::of_unix(first.start_unix() - 1);
    let after = t.next_day();
    let q = |from: Date, to: Date| format!("from={}&to={}", from.iso(), to.iso());
    assert_eq!(refused(&mut b, &q(before, t)).await, ["from"]);
    assert_eq!(refused(&mut b, &q(t, after)).await, ["to"]);
    assert_eq!(
        refused(&mut b, &q(t, first)).await,
        ["from"],
        "from after to"
    );
    assert_eq!(refused(&mut b, "from=2026-02-30").await, ["from"]);
    assert_eq!(refused(&mut b, "to=yesterday").await, ["to"]);
    // Without 全操作履歴照会, nobody else's history.
    assert_eq!(refused(&mut b, "user=*").await, ["user"]);
    assert_eq!(refused(&mut b, "user=user01").await, ["user"]);
    assert_eq!(
        refused(&mut b, "business=%E6%8C%AF%E8%BE%BC").await,
        ["business"]
    );
    let a = call(
        &mut b,
        "GET",
        &format!("/api/history?{}", q(before, t)),
        None,
    )
    .await;
    let e = a.error();
    assert!(
        e.field_errors[0]
            .message
            .starts_with("操作履歴を照会できる期間は"),
        "{}",
        e.field_errors[0].message
    );
    // The first kept day and today are fine, and so is one's own login ID.
    let own = query(first, t, one("admin02"));
    assert_eq!(search(&mut b, &own).await.page, 1);
    // With the right, anyone.
    let mut viewer = logged_in(&h, "user08").await;
    let all = query(first, t, UserFilter::All);
    search(&mut viewer, &all).await;
    search(&mut viewer, &query(t, t, one("admin02"))).await;
}

#[tokio::test]
async fn a_user_without_the_right_sees_only_their_own_rows() {
    let h = seeded_harness();
    let mut b = logged_in_with_certificate(&h, "user01").await;
    // The default: today, their own, newest first; the login just made is the first row.
    let a = call(&mut b, "GET", "/api/history", None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let p: HistoryPage = parse(&a);
    assert_eq!(p.total as usize, seed::history_rows_today("user01") + 1);
    assert_eq!(p.rows[0].operation, "電子証明書ログイン");
    assert!(p.rows.iter().all(|r| r.login_id == "user01"));
    assert!(p.rows.iter().all(|r| r.user_name == "佐藤　次郎"));
    assert!(p.rows.windows(2).all(|w| w[0].at >= w[1].at));
    // Over the whole retention, still only their own.
    let t = today();
    let p = search(&mut b, &query(earliest(t), t, one("user01"))).await;
    assert!(p.total > 100, "{}", p.total);
    assert!(!p.truncated);
    assert!(p.rows.iter().all(|r| r.login_id == "user01"));
    assert_eq!(refused(&mut b, "user=*").await, ["user"]);
}

#[tokio::test]
async fn rows_of_an_earlier_holder_of_the_login_id_stay_hidden() {
    // A deleted user's login ID may be registered again: their rows (another user ID, or
    // none for a failed login before the account existed) are not the new user's.
    let h = seeded_harness();
    let mut b = logged_in_with_certificate(&h, "user01").await;
    let before: HistoryPage = parse(&call(&mut b, "GET", "/api/history", None).await);
    let now = kanri_stub::db::now();
    insert(&h, "user01", 5, |i| now - 120 - i as i64);
    let after: HistoryPage = parse(&call(&mut b, "GET", "/api/history", None).await);
    assert_eq!(after.total, before.total);
    assert!(after.rows.iter().all(|r| !r.detail.starts_with('行')));
    // Those who may see everyone see them under that login ID.
    let mut m = logged_in_with_certificate(&h, "master01").await;
    let t = today();
    let p = search(&mut m, &query(t, t, one("user01"))).await;
    assert_eq!(
        p.rows.iter().filter(|r| r.detail.starts_with('行')).count(),
        5
    );
}

#[tokio::test]
async fn pages_of_fifty_in_either_order() {
    let h = harness();
    let now = kanri_stub::db::now();
    // 50 rows in the last minutes, two of them at the same second; with the login: 51.
    insert(&h, "user08", 50, |i| {
        now - 200 + i as i64 * 3 - 3 * i64::from(i == 7)
    });
    let mut b = logged_in(&h, "user08").await;
    let t = today();
    let q = query(t.months_before(1), t, one("user08"));
    let first = search(&mut b, &q).await;
    assert_eq!((first.total, first.pages, first.page), (51, 2, 1));
    assert!(!first.truncated);
    assert_eq!(first.rows.len(), PAGE_SIZE as usize);
    assert_eq!(first.rows[0].operation, "ID・パスワードログイン");
    let second = search(&mut b, &q.with_page(2)).await;
    assert_eq!(second.rows.len(), 1);
    assert_eq!(second.rows[0].detail, "行0", "the oldest last");
    // A page past the end reads as the last.
    let past = search(&mut b, &q.with_page(9)).await;
    assert_eq!((past.page, past.rows.clone()), (2, second.rows.clone()));

    let oldest = search(&mut b, &q.reordered()).await;
    assert_eq!(oldest.rows[0].detail, "行0");
    let oldest2 = search(&mut b, &q.reordered().with_page(2)).await;
    assert_eq!(oldest2.rows.len(), 1);
    assert_eq!(oldest2.rows[0].operation, "ID・パスワードログイン");
    // The two orders are exactly each other's reverse (ties by the order of writing).
    let mut newest: Vec<_> = first.rows.iter().chain(&second.rows).cloned().collect();
    newest.reverse();
    let ascending: Vec<_> = oldest.rows.iter().chain(&oldest2.rows).cloned().collect();
    assert_eq!(newest, ascending);
    assert!(ascending.windows(2).all(|w| w[0].at <= w[1].at));

    // Filters: 結果 and 業務.
    let errors = search(
        &mut b,
        &HistoryQuery {
            result: ResultFilter::Error,
            ..q.clone()
        },
    )
    .await;
    assert_eq!(errors.total, 5);
    assert!(errors.rows.iter().all(|r| !r.ok));
    let company = search(
        &mut b,
        &HistoryQuery {
            business: Some(business::COMPANY_ADMIN.into()),
            ..q.clone()
        },
    )
    .await;
    assert_eq!((company.total, company.pages), (0, 1));
    assert!(company.rows.is_empty());
}

#[tokio::test]
async fn a_search_keeps_the_newest_three_thousand() {
    let h = harness();
    let now = kanri_stub::db::now();
    let t = today();
    let start = t.months_before(2).start_unix();
    // 3,100 rows, one every 10 minutes from two months ago.
    insert(&h, "user01", 3_100, |i| start + i as i64 * 600);
    assert!(start + 3_100 * 600 < now);
    let mut b = logged_in(&h, "user08").await;
    let q = query(earliest(t), t, UserFilter::All);
    let p = search(&mut b, &q).await;
    assert_eq!((p.total, p.truncated, p.pages), (MAX_ROWS, true, 60));
    assert_eq!(
        p.rows[0].operation, "ID・パスワードログイン",
        "the newest first"
    );
    assert_eq!(p.rows[1].detail, "行3099");
    let last = search(&mut b, &q.with_page(60)).await;
    assert_eq!(last.rows.len(), 50);
    // The kept rows are the newest 3,000: the login and rows 101..=3099.
    assert_eq!(last.rows[49].detail, "行101");
    let oldest = search(&mut b, &q.reordered()).await;
    assert_eq!(oldest.rows[0].detail, "行101");
    assert!(oldest.rows.windows(2).all(|w| w[0].at <= w[1].at));
    // A narrower search is not cut.
    let narrow = search(&mut b, &query(t, t, UserFilter::All)).await;
    assert!(!narrow.truncated);
}

#[tokio::test]
async fn the_seeded_history_fills_a_six_month_search_and_a_new_operation_comes_first() {
    let h = seeded_harness();
    let mut admin = logged_in_with_certificate(&h, "admin01").await;
    let t = today();
    let all = search(&mut admin, &query(earliest(t), t, UserFilter::All)).await;
    assert!(all.truncated, "more than 3,000 rows within six months");
    assert_eq!(all.total, MAX_ROWS);

    let a = call(
        &mut admin,
        "POST",
        &format!("/api/users/statuses/{}", StatusAction::Stop.slug()),
        Some(json!({
            "login_ids": ["user08"],
            "confirmation": { "confirm_password": DEMO_CONFIRM_PASSWORD },
        })),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    // Today's default search: everyone, newest first.
    let p: HistoryPage = parse(&call(&mut admin, "GET", "/api/history", None).await);
    let top = &p.rows[0];
    assert_eq!(
        (
            top.login_id.as_str(),
            top.user_name.as_str(),
            top.business.as_str(),
            top.operation.as_str(),
            top.content(),
            top.ok
        ),
        (
            "admin01",
            "港　花子",
            business::USER_ADMIN,
            "利用者停止",
            "利用者停止（ログインID：user08）".to_owned(),
            true
        )
    );
    let own_today: usize = seed::DEMO_USERS
        .iter()
        .map(|u| seed::history_rows_today(u.login_id))
        .sum();
    // The seeded rows of today, the login and the stop.
    assert_eq!(p.total as usize, own_today + 2);
    // Every business of the log is one of the search's choices.
    let businesses: Vec<String> = {
        let c = h.db.lock();
        let mut st = c
            .prepare("SELECT DISTINCT business FROM operation_log")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert!(businesses
        .iter()
        .all(|b| business::ALL.contains(&b.as_str())));
    assert_eq!(businesses.len(), business::ALL.len());
}

#[tokio::test]
async fn rows_older_than_the_retention_are_never_answered_and_purged() {
    let h = seeded_harness();
    let now = kanri_stub::db::now();
    let first = earliest(today()).start_unix();
    let count = |sql: &str| -> i64 { h.db.lock().query_row(sql, [first], |r| r.get(0)).unwrap() };
    let old = count("SELECT COUNT(*) FROM operation_log WHERE at < ?1");
    assert_eq!(old as usize, seed::HISTORY_OLD_ROWS);
    let kept = count("SELECT COUNT(*) FROM operation_log WHERE at >= ?1");
    assert_eq!(
        history::purge(&h.db.lock(), now).unwrap(),
        seed::HISTORY_OLD_ROWS
    );
    assert_eq!(count("SELECT COUNT(*) FROM operation_log WHERE at < ?1"), 0);
    assert_eq!(
        count("SELECT COUNT(*) FROM operation_log WHERE at >= ?1"),
        kept
    );
    assert_eq!(history::purge(&h.db.lock(), now).unwrap(), 0);
}

/// `GET /api/history/all` with the search `q`.
async fn search_all(b: &mut Client<'_>, q: &HistoryQuery) -> HistoryAll {
    let a = call(
        b,
        "GET",
        &format!("/api/history/all?{}", q.to_query()),
        None,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}: {}", q.to_query(), a.body);
    parse(&a)
}

/// Pages 1, 2, … of `/api/history` one after the other.
async fn every_page(b: &mut Client<'_>, q: &HistoryQuery) -> HistoryPage {
    let first = search(b, &q.with_page(1)).await;
    let mut rows = first.rows.clone();
    for page in 2..=first.pages {
        rows.extend(search(b, &q.with_page(page)).await.rows);
    }
    HistoryPage { rows, ..first }
}

#[tokio::test]
async fn the_whole_search_is_its_pages_one_after_the_other() {
    let h = seeded_harness();
    let mut admin = logged_in_with_certificate(&h, "admin01").await;
    let t = today();
    let q = query(earliest(t), t, UserFilter::All);
    for q in [q.clone(), q.reordered()] {
        let all = search_all(&mut admin, &q).await;
        assert_eq!(
            (all.total, all.truncated),
            (MAX_ROWS, true),
            "{:?}",
            q.order
        );
        assert_eq!(all.rows.len(), MAX_ROWS as usize);
        let pages = every_page(&mut admin, &q).await;
        assert_eq!(pages.pages, 60);
        assert_eq!(all.rows, pages.rows, "{:?}", q.order);
        // `page` is ignored.
        assert_eq!(search_all(&mut admin, &q.with_page(7)).await, all);
    }
    let newest = search_all(&mut admin, &q).await;
    assert_eq!(
        newest.rows[0].operation, "電子証明書ログイン",
        "the login just made"
    );
    assert!(newest.rows.windows(2).all(|w| w[0].at >= w[1].at));
    let oldest = search_all(&mut admin, &q.reordered()).await;
    let mut reversed = newest.rows.clone();
    reversed.reverse();
    assert_eq!(oldest.rows, reversed);

    // A search that is not cut: every row, the filters applied.
    let errors = HistoryQuery {
        result: ResultFilter::Error,
        business: Some(business::USER_ADMIN.into()),
        ..q.clone()
    };
    let all = search_all(&mut admin, &errors).await;
    assert!(!all.truncated);
    assert_eq!(all.total as usize, all.rows.len());
    assert!(all
        .rows
        .iter()
        .all(|r| !r.ok && r.business == business::USER_ADMIN));
    assert_eq!(all.rows, every_page(&mut admin, &errors).await.rows);
    // An empty search is an empty list.
    let none = search_all(
        &mut admin,
        &HistoryQuery {
            user: one("nobody99"),
            ..q.clone()
        },
    )
    .await;
    assert_eq!((none.total, none.truncated, none.rows.len()), (0, false, 0));
}

#[tokio::test]
async fn the_whole_search_of_a_user_without_the_right_is_their_own_rows() {
    let h = seeded_harness();
    let mut b = logged_in_with_certificate(&h, "user01").await;
    // A former holder of the login ID: not theirs (another user ID).
    let now = kanri_stub::db::now();
    insert(&h, "user01", 5, |i| now - 120 - i as i64);
    let t = today();
    let q = query(earliest(t), t, one("user01"));
    let all = search_all(&mut b, &q).await;
    assert!(all.total > 100, "{}", all.total);
    assert!(!all.truncated);
    assert!(all.rows.iter().all(|r| r.login_id == "user01"));
    assert!(all.rows.iter().all(|r| !r.detail.starts_with('行')));
    assert_eq!(all.rows, every_page(&mut b, &q).await.rows);
    // Without `user`: their own, as on /api/history.
    let a = call(
        &mut b,
        "GET",
        &format!("/api/history/all?from={}&to={}", earliest(t).iso(), t.iso()),
        None,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(parse::<HistoryAll>(&a), all);
}

#[tokio::test]
async fn the_whole_search_is_refused_as_a_page_is() {
    let h = seeded_harness();
    let t = today();
    let first = earliest(t);
    let before = Date::of_unix(first.start_unix() - 1);
    // A general user without 全操作履歴照会, an administrator without it, and a bad search.
    let mut user = logged_in_with_certificate(&h, "user01").await;
    let mut admin = logged_in(&h, "admin02").await;
    for (general, qs, fields) in [
        (true, "user=*".to_owned(), vec!["user"]),
        (true, "user=user02".to_owned(), vec!["user"]),
        (false, "user=*".to_owned(), vec!["user"]),
        (false, "from=2026-02-30".to_owned(), vec!["from"]),
        (false, "to=yesterday".to_owned(), vec!["to"]),
        (false, format!("from={}", before.iso()), vec!["from"]),
        (
            false,
            format!("from={}&to={}", t.iso(), first.iso()),
            vec!["from"],
        ),
        (
            false,
            "business=%E6%8C%AF%E8%BE%BC".to_owned(),
            vec!["business"],
        ),
    ] {
        let b = if general { &mut user } else { &mut admin };
        let all = call(b, "GET", &format!("/api/history/all?{qs}"), None).await;
        assert_eq!(
            all.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{qs}: {}",
            all.body
        );
        let e = all.error();
        assert_eq!(
            e.field_errors
                .iter()
                .map(|e| e.field.as_str())
                .collect::<Vec<_>>(),
            fields,
            "{qs}"
        );
        // Word for word the answer of /api/history (but for the reference ID).
        let page = call(b, "GET", &format!("/api/history?{qs}"), None).await;
        let without_reference = |v: &serde_json::Value| {
            let mut v = v.clone();
            v["reference_id"] = serde_json::Value::Null;
            v
        };
        assert_eq!(
            (all.status, without_reference(&all.body)),
            (page.status, without_reference(&page.body)),
            "{qs}"
        );
    }

    let mut anonymous = Client::new(&h);
    anonymous.context().await;
    let a = call(&mut anonymous, "GET", "/api/history/all", None).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    let a = call(&mut Client::new(&h), "GET", "/api/history/all?user=*", None).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
}
