//! ホーム (トップページ) [BTOP001] as plain data: the rows of 「ログイン履歴」, the state of
//! 「お知らせ」 (which are open, read, being marked, failed) and the links of 「最近の操作」
//! (which screen each logged operation leads to, and whether this user may open it).

use crate::kernel::labels::auth_method_label;
use crate::kernel::menu::{MenuEntry, Requirement};
use crate::kernel::paths;
use kanri_contract::api::Permission;
use kanri_contract::datetime::format_datetime;
use kanri_contract::history::{business, operations};
use kanri_contract::home::{
    LoginRecord, NoticeItem, NoticeList, RecentOperation, LOGIN_HISTORY_LEN, RECENT_OPERATIONS_LEN,
};
use std::collections::{BTreeMap, BTreeSet};

// ---------------------------------------------------------------- ログイン履歴

/// One row of 「ログイン履歴」.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginRow {
    /// ログイン日時.
    pub at: String,
    /// ログイン方式.
    pub method: &'static str,
    /// This login (the newest one).
    pub current: bool,
}

/// The rows of 「ログイン履歴」: the latest [`LOGIN_HISTORY_LEN`] logins, newest first, the
/// first one being this login.
pub fn login_rows(logins: &[LoginRecord]) -> Vec<LoginRow> {
    let mut sorted: Vec<&LoginRecord> = logins.iter().collect();
    // The backend sends them newest first; a stable sort keeps that order for equal times.
    sorted.sort_by_key(|l| std::cmp::Reverse(l.at));
    sorted
        .into_iter()
        .take(LOGIN_HISTORY_LEN)
        .enumerate()
        .map(|(i, l)| LoginRow {
            at: format_datetime(l.at),
            method: auth_method_label(l.method),
            current: i == 0,
        })
        .collect()
}

// ---------------------------------------------------------------- お知らせ

/// 「お知らせ（未読2件）」.
pub fn notices_heading(unread: u32) -> String {
    format!("お知らせ（未読{unread}件）")
}

/// What the status region says after a notice was marked read.
pub fn unread_announcement(unread: u32) -> String {
    if unread == 0 {
        "お知らせを既読にしました。未読のお知らせはありません。".to_owned()
    } else {
        format!("お知らせを既読にしました。未読のお知らせは{unread}件です。")
    }
}

/// 「掲載日時 2026年11月21日 10時00分00秒」.
pub fn published_text(published_at: i64) -> String {
    format!("掲載日時 {}", format_datetime(published_at))
}

/// The DOM id of a notice's body (the disclosure button's `aria-controls`).
pub fn notice_body_id(id: i64) -> String {
    format!("home-notice-body-{id}")
}

/// The paragraphs of a notice's body: split at blank lines, each trimmed, none empty
/// (line breaks inside a paragraph are kept).
pub fn paragraphs(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut flush = |current: &mut Vec<&str>| {
        if !current.is_empty() {
            out.push(current.join("\n"));
            current.clear();
        }
    };
    for line in body.lines() {
        let line = line.trim();
        if line.is_empty() {
            flush(&mut current);
        } else {
            current.push(line);
        }
    }
    flush(&mut current);
    out
}

/// The 「お知らせ」 of the home page and what the user did with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeBoard {
    list: NoticeList,
    open: BTreeSet<i64>,
    marking: BTreeSet<i64>,
    /// Why marking failed, and whether sending it again may help.
    errors: BTreeMap<i64, (String, bool)>,
    announcement: String,
}

/// Newest first (a stable sort: the backend's order among equal times stays).
fn sorted(mut list: NoticeList) -> NoticeList {
    list.notices
        .sort_by_key(|n| std::cmp::Reverse(n.published_at));
    list
}

impl NoticeBoard {
    pub fn new(list: NoticeList) -> Self {
        Self {
            list: sorted(list),
            open: BTreeSet::new(),
            marking: BTreeSet::new(),
            errors: BTreeMap::new(),
            announcement: String::new(),
        }
    }

    /// The notices, newest first.
    pub fn notices(&self) -> &[NoticeItem] {
        &self.list.notices
    }

    /// 未読件数.
    pub fn unread(&self) -> u32 {
        self.list.unread
    }

    /// The heading of the section.
    pub fn heading(&self) -> String {
        notices_heading(self.unread())
    }

    pub fn is_open(&self, id: i64) -> bool {
        self.open.contains(&id)
    }

    pub fn is_read(&self, id: i64) -> bool {
        self.list.notices.iter().any(|n| n.id == id && n.read)
    }

    /// Whether the request that marks `id` read is under way.
    pub fn is_marking(&self, id: i64) -> bool {
        self.marking.contains(&id)
    }

    /// Why `id` could not be marked read.
    pub fn error(&self, id: i64) -> Option<&str> {
        self.errors.get(&id).map(|(m, _)| m.as_str())
    }

    /// Whether 「再度既読にする」 is offered for `id` (its failure may pass).
    pub fn may_retry(&self, id: i64) -> bool {
        self.errors
            .get(&id)
            .is_some_and(|(_, retryable)| *retryable)
    }

    /// What the status region says (empty until a notice was marked read).
    pub fn announcement(&self) -> &str {
        &self.announcement
    }

    /// Open or close `id`. `true` when it must now be marked read: it was opened, is
    /// unread and no request for it is under way.
    pub fn toggle(&mut self, id: i64) -> bool {
        if !self.open.remove(&id) {
            self.open.insert(id);
            return self.start_marking(id);
        }
        false
    }

    /// 「再試行」 after a failure: `true` when a request must go.
    pub fn retry(&mut self, id: i64) -> bool {
        if self.errors.contains_key(&id) && !self.may_retry(id) {
            return false;
        }
        self.start_marking(id)
    }

    fn start_marking(&mut self, id: i64) -> bool {
        let known = self.list.notices.iter().any(|n| n.id == id);
        if !known || self.is_read(id) || self.marking.contains(&id) {
            return false;
        }
        self.errors.remove(&id);
        self.marking.insert(id);
        true
    }

    /// The backend marked `id` read and answered the list as it now stands.
    pub fn marked(&mut self, id: i64, answer: NoticeList) {
        self.marking.remove(&id);
        self.errors.remove(&id);
        self.list = sorted(answer);
        self.announcement = unread_announcement(self.list.unread);
    }

    /// Marking `id` read failed: it stays unread and says why; `retryable` when sending
    /// it again may succeed (see `ApiError::is_retryable`).
    pub fn failed(&mut self, id: i64, message: String, retryable: bool) {
        self.marking.remove(&id);
        self.errors.insert(id, (message, retryable));
    }
}

// ---------------------------------------------------------------- 最近の操作

/// Where an operation of the log leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// A screen the menus also open, for users who meet `requires`.
    Screen {
        href: &'static str,
        requires: Requirement,
    },
    /// 利用者登録: the wizard's first step, opened the way 「新規登録」 opens it
    /// (`UsersState::begin` before the step shows).
    StartRegistration,
    /// No screen of its own in this application; the reason is for the reader of the code.
    Unlinked(&'static str),
}

/// One operation name of the log and where it leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecentTarget {
    pub business: &'static str,
    pub operation: &'static str,
    pub link: Link,
}

const USERS: Requirement = Requirement::Permission(Permission::ManageUsers);
const COMPANY: Requirement = Requirement::Permission(Permission::ManageCompany);

const fn screen(
    business: &'static str,
    operation: &'static str,
    href: &'static str,
    requires: Requirement,
) -> RecentTarget {
    RecentTarget {
        business,
        operation,
        link: Link::Screen { href, requires },
    }
}

const fn unlinked(
    business: &'static str,
    operation: &'static str,
    why: &'static str,
) -> RecentTarget {
    RecentTarget {
        business,
        operation,
        link: Link::Unlinked(why),
    }
}

/// Every operation the backend logs (`history::operations::ALL`) and where 「最近の操作」
/// leads for it. Changes of one user lead to 利用者一覧 (the user is chosen there), as do
/// the menus.
pub const RECENT_TARGETS: &[RecentTarget] = &[
    unlinked(
        business::LOGIN,
        operations::CERTIFICATE_LOGIN,
        "logins are not operations of a screen",
    ),
    unlinked(
        business::LOGIN,
        operations::PASSWORD_LOGIN,
        "logins are not operations of a screen",
    ),
    unlinked(
        business::LOGIN,
        operations::LOGIN,
        "refused logins are not operations of a screen",
    ),
    unlinked(
        business::LOGIN,
        operations::LOGOUT,
        "logouts are not operations of a screen",
    ),
    screen(
        business::USER_ADMIN,
        operations::PASSWORD_CHANGE,
        paths::PASSWORD_CHANGE,
        Requirement::Anyone,
    ),
    RecentTarget {
        business: business::USER_ADMIN,
        operation: operations::USER_REGISTER,
        link: Link::StartRegistration,
    },
    screen(
        business::USER_ADMIN,
        operations::USER_CHANGE,
        paths::USER_LIST,
        USERS,
    ),
    screen(
        business::USER_ADMIN,
        operations::USER_DELETE,
        paths::USER_LIST,
        USERS,
    ),
    screen(
        business::USER_ADMIN,
        operations::CERTIFICATE_REVOKE,
        paths::CERT_REVOKE_LIST,
        USERS,
    ),
    screen(
        business::USER_ADMIN,
        operations::USER_STOP,
        paths::STATUS_SERVICE,
        USERS,
    ),
    screen(
        business::USER_ADMIN,
        operations::USER_RESUME,
        paths::STATUS_SERVICE,
        USERS,
    ),
    screen(
        business::USER_ADMIN,
        operations::ONE_TIME_PASSWORD_UNLOCK,
        paths::STATUS_OTP_UNLOCK,
        USERS,
    ),
    screen(
        business::USER_ADMIN,
        operations::ONE_TIME_PASSWORD_REVOKE,
        paths::STATUS_OTP_REVOKE,
        USERS,
    ),
    screen(
        business::USER_ADMIN,
        operations::TRANSACTION_UNLOCK,
        paths::STATUS_TRANSACTION_UNLOCK,
        USERS,
    ),
    screen(
        business::USER_ADMIN,
        operations::TRANSACTION_REVOKE,
        paths::STATUS_TRANSACTION_REVOKE,
        USERS,
    ),
    screen(
        business::USER_ADMIN,
        operations::RISK_BASED_UNLOCK,
        paths::STATUS_RISK_UNLOCK,
        USERS,
    ),
    screen(
        business::USER_ADMIN,
        operations::RISK_BASED_RESET,
        paths::STATUS_RISK_RESET,
        USERS,
    ),
    screen(
        business::COMPANY_ADMIN,
        operations::COMPANY_CHANGE,
        paths::COMPANY_EDIT,
        COMPANY,
    ),
    screen(
        business::COMPANY_ADMIN,
        operations::PAYEE_TRANSFER_FEES_CHANGE,
        paths::FEES_PAYEE_TRANSFER_EDIT,
        COMPANY,
    ),
    screen(
        business::COMPANY_ADMIN,
        operations::PAYEE_BULK_FEES_CHANGE,
        paths::FEES_PAYEE_BULK_EDIT,
        COMPANY,
    ),
    screen(
        business::COMPANY_ADMIN,
        operations::PAYER_BULK_FEES_CHANGE,
        paths::FEES_PAYER_BULK_EDIT,
        COMPANY,
    ),
    unlinked(
        business::COMPANY_ADMIN,
        operations::FEES_CHANGE,
        "a change of a fee table the backend does not know (always refused)",
    ),
    unlinked(
        business::CERTIFICATE,
        operations::CERTIFICATE_ISSUE,
        "issued by the bank's issuing app, not by a screen of this application",
    ),
];

/// Where (business, operation) leads; `None` for a name this SPA does not know.
pub fn target_of(business: &str, operation: &str) -> Option<&'static RecentTarget> {
    RECENT_TARGETS
        .iter()
        .find(|t| t.business == business && t.operation == operation)
}

/// The link of a row of 「最近の操作」.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecentLink {
    Screen(&'static str),
    /// 利用者登録 (see [`Link::StartRegistration`]).
    StartRegistration,
}

/// One row of 「最近の操作」.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentRow {
    /// The operation, as the log names it.
    pub label: String,
    /// 「最終操作日時 …」.
    pub at: String,
    /// The screen, when there is one and this user may open it (as the menus decide).
    pub link: Option<RecentLink>,
}

/// The link of `target` for a user with rights `has` (the menus' rule: the screen exists
/// and the user meets its requirement).
fn link_for(target: &RecentTarget, has: &impl Fn(Permission) -> bool) -> Option<RecentLink> {
    let (href, requires, link) = match target.link {
        Link::Unlinked(_) => return None,
        Link::Screen { href, requires } => (href, requires, RecentLink::Screen(href)),
        Link::StartRegistration => (paths::USER_NEW, USERS, RecentLink::StartRegistration),
    };
    let entry = MenuEntry {
        label: target.operation,
        description: "",
        href: Some(href),
        requires,
    };
    entry.visible(has).then_some(link)
}

/// The rows of 「最近の操作」: the latest [`RECENT_OPERATIONS_LEN`] operations, newest first,
/// linked where a screen exists and the user may use it.
pub fn recent_rows(recent: &[RecentOperation], has: impl Fn(Permission) -> bool) -> Vec<RecentRow> {
    let mut sorted: Vec<&RecentOperation> = recent.iter().collect();
    sorted.sort_by_key(|r| std::cmp::Reverse(r.at));
    sorted
        .into_iter()
        .take(RECENT_OPERATIONS_LEN)
        .map(|r| RecentRow {
            label: r.operation.clone(),
            at: format!("最終操作日時 {}", format_datetime(r.at)),
            link: target_of(&r.business, &r.operation).and_then(|t| link_for(t, &has)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::menu::{BUSINESSES, COMPANY_TASKS, USER_TASKS};
    use kanri_contract::api::AuthMethod;
    use kanri_contract::fees::FeeTable;
    use kanri_contract::user_status::{StatusAction, StatusTask};
    use proptest::prelude::*;

    // 2026-11-21 10:00:00 JST.
    const T: i64 = 1_795_222_800;

    fn notice(id: i64, published_at: i64, read: bool) -> NoticeItem {
        NoticeItem {
            id,
            published_at,
            title: format!("お知らせ{id}"),
            body: "本文".into(),
            important: id == 1,
            read,
        }
    }

    fn list(notices: Vec<NoticeItem>) -> NoticeList {
        let unread = notices.iter().filter(|n| !n.read).count() as u32;
        NoticeList { notices, unread }
    }

    #[test]
    fn login_rows_are_newest_first_with_this_login_marked() {
        assert_eq!(format_datetime(T), "2026年11月21日 10時00分00秒");
        let logins = [
            LoginRecord {
                at: T - 86_400,
                method: AuthMethod::Password,
            },
            LoginRecord {
                at: T,
                method: AuthMethod::Certificate,
            },
            LoginRecord {
                at: T - 2 * 86_400,
                method: AuthMethod::Certificate,
            },
            LoginRecord {
                at: T - 3 * 86_400,
                method: AuthMethod::Certificate,
            },
        ];
        let rows = login_rows(&logins);
        assert_eq!(
            rows,
            [
                LoginRow {
                    at: "2026年11月21日 10時00分00秒".into(),
                    method: "電子証明書方式",
                    current: true,
                },
                LoginRow {
                    at: "2026年11月20日 10時00分00秒".into(),
                    method: "ID・パスワード方式",
                    current: false,
                },
                LoginRow {
                    at: "2026年11月19日 10時00分00秒".into(),
                    method: "電子証明書方式",
                    current: false,
                },
            ]
        );
        assert!(login_rows(&[]).is_empty());
    }

    #[test]
    fn the_heading_and_status_say_the_unread_count() {
        assert_eq!(notices_heading(2), "お知らせ（未読2件）");
        assert_eq!(notices_heading(0), "お知らせ（未読0件）");
        assert_eq!(
            unread_announcement(1),
            "お知らせを既読にしました。未読のお知らせは1件です。"
        );
        assert_eq!(
            unread_announcement(0),
            "お知らせを既読にしました。未読のお知らせはありません。"
        );
        assert_eq!(published_text(T), "掲載日時 2026年11月21日 10時00分00秒");
        assert_eq!(notice_body_id(7), "home-notice-body-7");
    }

    #[test]
    fn bodies_split_into_paragraphs_at_blank_lines() {
        assert_eq!(
            paragraphs("一行目\n二行目\n\n  \n三段落目 \r\n\n"),
            ["一行目\n二行目", "三段落目"]
        );
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n \n").is_empty());
    }

    proptest! {
        #[test]
        fn paragraphs_keep_every_character_and_hold_no_blank_line(body in "[あ-ん a-z\n\r]{0,80}") {
            let ps = paragraphs(&body);
            for p in &ps {
                prop_assert!(!p.is_empty());
                prop_assert!(p.lines().all(|l| !l.trim().is_empty()));
            }
            let kept: String = ps.concat().chars().filter(|c| !c.is_whitespace()).collect();
            let given: String = body.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(kept, given);
        }
    }

    #[test]
    fn opening_an_unread_notice_marks_it_read_once() {
        let mut b = NoticeBoard::new(list(vec![
            notice(1, T - 100, false),
            notice(2, T, false),
            notice(3, T - 200, true),
        ]));
        assert_eq!(
            b.notices().iter().map(|n| n.id).collect::<Vec<_>>(),
            [2, 1, 3],
            "newest first"
        );
        assert_eq!(b.heading(), "お知らせ（未読2件）");
        assert_eq!(b.announcement(), "");
        // Opening an unread notice asks for the mark; a second open while under way does not.
        assert!(b.toggle(1));
        assert!(b.is_open(1) && b.is_marking(1));
        assert!(!b.toggle(1), "closing");
        assert!(!b.is_open(1));
        assert!(!b.toggle(1), "reopened while the request is under way");
        b.marked(
            1,
            list(vec![
                notice(2, T, false),
                notice(1, T - 100, true),
                notice(3, T - 200, true),
            ]),
        );
        assert!(b.is_read(1) && !b.is_marking(1));
        assert_eq!(b.heading(), "お知らせ（未読1件）");
        assert_eq!(
            b.announcement(),
            "お知らせを既読にしました。未読のお知らせは1件です。"
        );
        // Read notices open and close without a request.
        assert!(!b.toggle(1));
        assert!(!b.toggle(3));
        assert!(b.is_open(3));
        // Unknown ids never ask.
        assert!(!b.toggle(99));
    }

    #[test]
    fn a_refused_mark_is_not_offered_again() {
        let mut b = NoticeBoard::new(list(vec![notice(1, T, false)]));
        assert!(b.toggle(1));
        b.failed(1, "見つかりません".into(), false);
        assert!(!b.may_retry(1));
        assert!(!b.retry(1));
        assert_eq!(b.error(1), Some("見つかりません"));
    }

    #[test]
    fn a_failed_mark_keeps_the_notice_unread_and_can_be_retried() {
        let mut b = NoticeBoard::new(list(vec![notice(1, T, false), notice(2, T - 1, false)]));
        assert!(b.toggle(1));
        b.failed(1, "通信エラー".into(), true);
        assert!(!b.is_read(1) && !b.is_marking(1));
        assert!(b.may_retry(1));
        assert_eq!(b.error(1), Some("通信エラー"));
        assert_eq!(b.unread(), 2);
        assert!(b.is_open(1), "the body stays open");
        // The rest of the list still works.
        assert!(b.toggle(2));
        b.marked(2, list(vec![notice(1, T, false), notice(2, T - 1, true)]));
        assert_eq!(b.error(1), Some("通信エラー"));
        assert_eq!(b.unread(), 1);
        // 「再試行」 asks again and clears the message.
        assert!(b.retry(1));
        assert_eq!(b.error(1), None);
        assert!(!b.retry(1), "already under way");
        b.marked(1, list(vec![notice(1, T, true), notice(2, T - 1, true)]));
        assert_eq!(b.heading(), "お知らせ（未読0件）");
        assert!(!b.retry(1), "already read");
    }

    #[test]
    fn every_logged_operation_is_mapped_or_deliberately_unlinked() {
        for op in operations::ALL {
            let targets: Vec<_> = RECENT_TARGETS
                .iter()
                .filter(|t| t.operation == op)
                .collect();
            assert_eq!(targets.len(), 1, "{op} is mapped exactly once");
            assert!(business::ALL.contains(&targets[0].business), "{op}");
        }
        assert_eq!(RECENT_TARGETS.len(), operations::ALL.len());
        // Logins are never screens of their own.
        assert!(RECENT_TARGETS
            .iter()
            .filter(|t| t.business == business::LOGIN)
            .all(|t| matches!(t.link, Link::Unlinked(_))));
    }

    /// Every linked screen is one the menus offer, under the same requirement.
    #[test]
    fn links_lead_where_the_menus_lead_under_the_same_rights() {
        let menu: Vec<MenuEntry> = BUSINESSES
            .iter()
            .copied()
            .chain(
                USER_TASKS
                    .iter()
                    .chain(COMPANY_TASKS)
                    .flat_map(|g| g.entries.iter().copied()),
            )
            .collect();
        for t in RECENT_TARGETS {
            if let Link::Screen { href, requires } = t.link {
                let entry = menu
                    .iter()
                    .find(|e| e.href == Some(href))
                    .unwrap_or_else(|| panic!("{} leads to a menu screen", t.operation));
                assert_eq!(entry.requires, requires, "{}", t.operation);
            }
        }
        // 利用者登録 starts from 利用者一覧's 「新規登録」, for the same right.
        let list = menu.iter().find(|e| e.href == Some(paths::USER_LIST));
        assert_eq!(list.map(|e| e.requires), Some(USERS));
    }

    #[test]
    fn status_and_fee_operations_lead_to_their_own_screen() {
        for action in StatusAction::ALL {
            let t = target_of(business::USER_ADMIN, action.operation()).expect("mapped");
            let want = paths::status_list(StatusTask::of(action));
            assert!(
                matches!(t.link, Link::Screen { href, .. } if href == want),
                "{action:?}"
            );
        }
        for table in FeeTable::ALL {
            let t = target_of(business::COMPANY_ADMIN, operations::fee_change(Some(table)))
                .expect("mapped");
            let want = paths::fees_step(table, "edit");
            assert!(
                matches!(t.link, Link::Screen { href, .. } if href == want),
                "{table:?}"
            );
        }
    }

    fn op(at: i64, business: &str, operation: &str) -> RecentOperation {
        RecentOperation {
            at,
            business: business.into(),
            operation: operation.into(),
        }
    }

    #[test]
    fn recent_rows_link_only_what_the_user_may_open() {
        let recent = [
            op(T, business::USER_ADMIN, operations::PASSWORD_CHANGE),
            op(T - 10, business::USER_ADMIN, operations::USER_REGISTER),
            op(T - 20, business::COMPANY_ADMIN, operations::COMPANY_CHANGE),
            op(T - 30, business::CERTIFICATE, operations::CERTIFICATE_ISSUE),
            op(T - 40, business::USER_ADMIN, "未知の操作"),
            op(T - 50, business::USER_ADMIN, operations::CERTIFICATE_REVOKE),
        ];
        let admin = recent_rows(&recent, |_| true);
        assert_eq!(admin.len(), RECENT_OPERATIONS_LEN);
        assert_eq!(
            admin[0],
            RecentRow {
                label: "パスワード変更".into(),
                at: "最終操作日時 2026年11月21日 10時00分00秒".into(),
                link: Some(RecentLink::Screen(paths::PASSWORD_CHANGE)),
            }
        );
        assert_eq!(admin[1].link, Some(RecentLink::StartRegistration));
        assert_eq!(admin[2].link, Some(RecentLink::Screen(paths::COMPANY_EDIT)));
        assert_eq!(admin[3].link, None, "issued outside the application");
        assert_eq!(admin[4].label, "未知の操作");
        assert_eq!(admin[4].link, None);

        // A user who lost 管理者権限 still sees the rows, linked only to the own screens.
        let general = recent_rows(&recent, |_| false);
        assert_eq!(
            general.iter().map(|r| r.link.clone()).collect::<Vec<_>>(),
            [
                Some(RecentLink::Screen(paths::PASSWORD_CHANGE)),
                None,
                None,
                None,
                None
            ]
        );
        // 利用者管理 only: company screens stay unlinked.
        let users = recent_rows(&recent, |p| p == Permission::ManageUsers);
        assert_eq!(users[1].link, Some(RecentLink::StartRegistration));
        assert_eq!(users[2].link, None);
    }

    #[test]
    fn recent_rows_are_newest_first() {
        let recent = [
            op(T - 10, business::USER_ADMIN, operations::USER_CHANGE),
            op(T, business::USER_ADMIN, operations::USER_DELETE),
        ];
        let rows = recent_rows(&recent, |_| true);
        assert_eq!(rows[0].label, "利用者削除");
        assert_eq!(rows[1].label, "利用者変更");
        assert_eq!(rows[1].link, Some(RecentLink::Screen(paths::USER_LIST)));
        assert!(recent_rows(&[], |_| true).is_empty());
    }
}
