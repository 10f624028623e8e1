//! 証明書失効 [BRSK018–BRSK020]: which users can be chosen, the sort kept in the URL,
//! the target and result rows, and where a revocation leads (one's own certificate ends
//! the session).
//!
//! The confirmation (確認用パスワード, ワンタイムパスワード) and the refusal handling are
//! those of 利用者削除: [`crate::kernel::confirmation`].

use crate::features::users::logic::list::{sort_offered, sorted_href};
use crate::kernel::paths;
use kanri_contract::datetime::format_datetime;
use kanri_contract::users::{
    CertificateRevoked, CertificateState, SortKey, SortOrder, UserList, UserSummary,
};

/// The flow's steps, as in the manual (利用者を選択 › 証明書失効 › 失効完了).
pub const STEPS: &[&str] = &["利用者を選択", "証明書失効", "失効完了"];

/// The sort keys offered by the list: its columns the backend sorts by (サービス状態 is
/// not a column of this list).
pub const SORT_KEYS: &[SortKey] = &[
    SortKey::LoginId,
    SortKey::Name,
    SortKey::Role,
    SortKey::Certificate,
];

/// 「失効」 without a selection.
pub const NO_SELECTION: &str = "失効する利用者を選択してください。";
/// 「失効」 with a user whose certificate can no longer be revoked (the list was reloaded
/// and the state changed meanwhile).
pub const NOT_REVOCABLE: &str =
    "選択した利用者には失効できる電子証明書がありません。別の利用者を選択してください。";
/// Read after the name of a row that cannot be chosen (its radio is disabled).
pub const NOT_SELECTABLE_NOTE: &str = "（失効できる電子証明書がありません）";
/// The `reason` of 「ログアウトしました」 after revoking one's own certificate.
pub const LOGGED_OUT_REASON: &str = "certificate-revoked";
/// The close-browser advice after revoking one's own certificate (for 「ログアウトしました」
/// with [`LOGGED_OUT_REASON`]).
pub const CLOSE_BROWSER: &str = "「閉じる」ボタンを押して、ブラウザを閉じてください。";
/// The confirmation screen's warning when the target is the operator.
pub const OWN_WARNING: &str =
    "ご自身の電子証明書を失効すると、ログアウトします。失効後はすべてのブラウザを閉じてください。";

/// The list's sort from the URL query: a missing, unknown or not offered value reads as
/// the default (ログインID, 昇順).
pub fn sort_from_query(sort: Option<&str>, order: Option<&str>) -> (SortKey, SortOrder) {
    sort_offered(SORT_KEYS, sort, order)
}

/// The list's URL with this sort (what 「再表示」 opens; a reload keeps it).
pub fn list_href(sort: SortKey, order: SortOrder) -> String {
    sorted_href(paths::CERT_REVOKE_LIST, sort, order)
}

/// Whether the row's radio is enabled: the user has a certificate to revoke.
pub fn selectable(user: &UserSummary) -> bool {
    user.certificate.revocable()
}

/// 証明書有効期限 as shown: the date-time, or 「-」 without a certificate.
pub fn expiry_label(expires_at: Option<i64>) -> String {
    expires_at.map_or_else(|| "-".to_owned(), format_datetime)
}

/// The line above the table: how many users, how many with a certificate to revoke, and
/// the order.
pub fn count_line(list: &UserList, sort: SortKey, order: SortOrder) -> String {
    let revocable = list.users.iter().filter(|u| selectable(u)).count();
    format!(
        "{}件の利用者のうち、失効できる電子証明書がある利用者は{revocable}件です（並び順：{}・{}）。",
        list.users.len(),
        sort.label(),
        order.label()
    )
}

/// What 「失効」 does with the selection: the login ID to open, or the message to show
/// beside the button. A selection no longer in the list (it was reloaded) counts as none.
pub fn choose(selected: Option<&str>, list: &UserList) -> Result<String, &'static str> {
    let user = selected
        .and_then(|id| list.users.iter().find(|u| u.login_id == id))
        .ok_or(NO_SELECTION)?;
    if !selectable(user) {
        return Err(NOT_REVOCABLE);
    }
    kanri_contract::users::may_revoke_certificate(
        user.role,
        &user.login_id,
        list.operator_role,
        &list.operator,
    )?;
    Ok(user.login_id.clone())
}

/// Why the confirmation cannot revoke the user of the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetProblem {
    /// Not in the list (deleted meanwhile, or a wrong URL).
    NotFound,
    /// In the list, without a certificate to revoke.
    NotRevocable(CertificateState),
}

impl TargetProblem {
    pub fn heading(self) -> &'static str {
        match self {
            TargetProblem::NotFound => "指定された利用者は見つかりませんでした",
            TargetProblem::NotRevocable(_) => "この利用者の電子証明書は失効できません",
        }
    }

    pub fn message(self) -> String {
        match self {
            TargetProblem::NotFound => "この利用者は既に削除されたか、URLが誤っている可能性があります。証明書失効 利用者一覧から利用者を選択し直してください。".to_owned(),
            TargetProblem::NotRevocable(state) => format!(
                "この利用者の証明書状態は「{}」のため、失効できる電子証明書がありません。証明書失効 利用者一覧から利用者を選択し直してください。",
                state.label()
            ),
        }
    }
}

/// The user of the URL in the list, if their certificate can be revoked.
pub fn target<'a>(list: &'a UserList, login_id: &str) -> Result<&'a UserSummary, TargetProblem> {
    let user = list
        .users
        .iter()
        .find(|u| u.login_id == login_id)
        .ok_or(TargetProblem::NotFound)?;
    if selectable(user) {
        Ok(user)
    } else {
        Err(TargetProblem::NotRevocable(user.certificate))
    }
}

/// Whether the target is the operator: the session's login ID, or the list's `operator`
/// when the session does not say (it always does while logged in).
pub fn is_own(target: &str, session_operator: &str, list: &UserList) -> bool {
    let operator = if session_operator.is_empty() {
        list.operator.as_str()
    } else {
        session_operator
    };
    !operator.is_empty() && target == operator
}

/// 証明書失効の対象利用者 [BRSK019].
pub fn target_rows(user: &UserSummary) -> Vec<(&'static str, String)> {
    vec![
        ("ログインID", user.login_id.clone()),
        ("利用者名", user.name.clone()),
        ("証明書状態", user.certificate.label().to_owned()),
        ("証明書有効期限", expiry_label(user.certificate_expires_at)),
    ]
}

/// 証明書の失効結果 [BRSK020].
pub fn result_rows(done: &CertificateRevoked) -> Vec<(&'static str, String)> {
    vec![
        ("ログインID", done.user.login_id.clone()),
        ("利用者名", done.user.name.clone()),
        ("証明書状態", done.user.certificate.label().to_owned()),
        ("失効日時", format_datetime(done.revoked_at)),
    ]
}

/// Where the app goes after a revocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterRevocation {
    /// One's own certificate: the session has ended; 「ログアウトしました」 with the reason.
    SignOff(String),
    /// Someone else's: 証明書失効結果.
    ShowResult(String),
}

/// 「ログアウトしました」 for a revoked own certificate.
pub fn logged_out_href() -> String {
    format!("{}?reason={LOGGED_OUT_REASON}", paths::LOGGED_OUT)
}

/// Where the answer leads.
pub fn after_revocation(done: &CertificateRevoked) -> AfterRevocation {
    if done.own {
        AfterRevocation::SignOff(logged_out_href())
    } else {
        AfterRevocation::ShowResult(paths::cert_revoked(&done.user.login_id))
    }
}

/// The message of 証明書失効結果 [BRSK020].
pub const REVOKED_MESSAGE: &str = "以下の利用者の証明書を失効しました。";
/// The heading of [`result_rows`].
pub const RESULT_HEADING: &str = "証明書の失効結果";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::users::logic::list::{ORDER_PARAM, SORT_PARAM};
    use kanri_contract::api::Role;
    use kanri_contract::users::ServiceState;
    use CertificateState::*;

    fn row(id: &str, certificate: CertificateState) -> UserSummary {
        UserSummary {
            login_id: id.into(),
            name: format!("{id}の名前"),
            role: Role::General,
            service_state: ServiceState::Available,
            certificate,
            certificate_expires_at: certificate.revocable().then_some(1_797_000_000),
        }
    }

    fn list() -> UserList {
        UserList {
            users: vec![
                row("admin01", Renewable),
                row("admin02", NotUsed),
                row("user01", Issued),
                row("user02", Expired),
                row("user03", NotIssued),
                row("user04", Revoked),
            ],
            operator: "admin01".into(),
            operator_role: Role::Admin,
            total: 0,
            page: 1,
            pages: 1,
        }
    }

    #[test]
    fn only_users_with_a_certificate_to_revoke_are_selectable() {
        let ids: Vec<_> = list()
            .users
            .iter()
            .filter(|u| selectable(u))
            .map(|u| u.login_id.clone())
            .collect();
        assert_eq!(ids, ["admin01", "user01", "user02"]);
    }

    #[test]
    fn only_the_master_revokes_the_masters_certificate() {
        let mut l = list();
        let mut master = row("master01", Issued);
        master.role = kanri_contract::api::Role::Master;
        l.users.push(master);
        assert_eq!(
            choose(Some("master01"), &l),
            Err("マスターユーザの利用者情報は、マスターユーザのみ変更できます。")
        );
        l.operator = "master01".into();
        l.operator_role = Role::Master;
        assert_eq!(
            choose(Some("master01"), &l),
            Err("マスターユーザご自身の電子証明書は失効できません。お取引店へお問い合わせください。")
        );
        assert_eq!(choose(Some("user01"), &l), Ok("user01".to_owned()));
    }

    #[test]
    fn revoke_without_a_selection_asks_for_one() {
        let l = list();
        assert_eq!(choose(None, &l), Err("失効する利用者を選択してください。"));
        assert_eq!(choose(Some("gone01"), &l), Err(NO_SELECTION));
    }

    #[test]
    fn revoke_opens_a_revocable_user_and_refuses_the_others() {
        let l = list();
        for id in ["admin01", "user01", "user02"] {
            assert_eq!(choose(Some(id), &l), Ok(id.to_owned()));
        }
        for id in ["admin02", "user03", "user04"] {
            assert_eq!(choose(Some(id), &l), Err(NOT_REVOCABLE));
        }
    }

    #[test]
    fn the_sort_round_trips_through_the_url_and_service_state_is_not_offered() {
        assert_eq!(
            list_href(SortKey::Certificate, SortOrder::Desc),
            "/admin/users/certificates?sort=certificate&order=desc"
        );
        for &key in SORT_KEYS {
            for order in [SortOrder::Asc, SortOrder::Desc] {
                let href = list_href(key, order);
                let query = href.split_once('?').map(|(_, q)| q).unwrap_or_default();
                let (mut s, mut o) = (None, None);
                for pair in query.split('&') {
                    match pair.split_once('=') {
                        Some((SORT_PARAM, v)) => s = Some(v),
                        Some((ORDER_PARAM, v)) => o = Some(v),
                        _ => {}
                    }
                }
                assert_eq!(sort_from_query(s, o), (key, order));
            }
        }
        assert_eq!(
            sort_from_query(Some("service_state"), Some("desc")),
            (SortKey::LoginId, SortOrder::Desc)
        );
        assert_eq!(
            sort_from_query(Some("<script>"), None),
            (SortKey::LoginId, SortOrder::Asc)
        );
    }

    #[test]
    fn an_expiry_is_a_date_time_or_a_dash() {
        assert_eq!(expiry_label(None), "-");
        assert_eq!(expiry_label(Some(0)), "1970年01月01日 09時00分00秒");
    }

    #[test]
    fn the_count_line_says_how_many_can_be_revoked() {
        assert_eq!(
            count_line(&list(), SortKey::Name, SortOrder::Desc),
            "6件の利用者のうち、失効できる電子証明書がある利用者は3件です（並び順：利用者名・降順）。"
        );
    }

    #[test]
    fn the_target_must_be_in_the_list_and_revocable() {
        let l = list();
        assert_eq!(
            target(&l, "user01").map(|u| u.login_id.as_str()),
            Ok("user01")
        );
        assert_eq!(target(&l, "gone01"), Err(TargetProblem::NotFound));
        assert_eq!(
            target(&l, "user04"),
            Err(TargetProblem::NotRevocable(Revoked))
        );
        let m = TargetProblem::NotRevocable(NotIssued).message();
        assert!(m.starts_with("この利用者の証明書状態は「未発行」のため"));
        assert!(TargetProblem::NotFound.message().contains("利用者一覧"));
    }

    #[test]
    fn own_means_the_session_user_or_else_the_lists_operator() {
        let l = list();
        assert!(is_own("admin01", "admin01", &l));
        assert!(!is_own("user01", "admin01", &l));
        assert!(is_own("admin01", "", &l));
        assert!(is_own("master01", "master01", &l));
        let nobody = UserList {
            users: vec![],
            operator: String::new(),
            operator_role: Role::Admin,
            total: 0,
            page: 1,
            pages: 1,
        };
        assert!(!is_own("", "", &nobody));
    }

    #[test]
    fn rows_show_the_target_and_the_result() {
        let u = row("user01", Issued);
        let labels: Vec<_> = target_rows(&u).into_iter().map(|(l, _)| l).collect();
        assert_eq!(
            labels,
            ["ログインID", "利用者名", "証明書状態", "証明書有効期限"]
        );
        assert_eq!(target_rows(&u)[2].1, "発行済み");
        let done = CertificateRevoked {
            user: row("user01", Revoked),
            revoked_at: 0,
            own: false,
        };
        assert_eq!(
            result_rows(&done),
            [
                ("ログインID", "user01".to_owned()),
                ("利用者名", "user01の名前".to_owned()),
                ("証明書状態", "失効済み".to_owned()),
                ("失効日時", "1970年01月01日 09時00分00秒".to_owned()),
            ]
        );
    }

    #[test]
    fn ones_own_certificate_signs_off_others_show_the_result() {
        let mut done = CertificateRevoked {
            user: row("user01", Revoked),
            revoked_at: 0,
            own: false,
        };
        assert_eq!(
            after_revocation(&done),
            AfterRevocation::ShowResult("/admin/users/certificates/user01/done".into())
        );
        done.own = true;
        assert_eq!(
            after_revocation(&done),
            AfterRevocation::SignOff("/logged-out?reason=certificate-revoked".into())
        );
    }
}
