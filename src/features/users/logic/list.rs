//! 利用者一覧 [BRSK005]: the sort order kept in the URL, and what 「照会」「変更」「削除」 do
//! with the current selection.

use crate::kernel::pager::range_line;
use crate::kernel::paths;
use kanri_contract::money::format_yen;
use kanri_contract::users::{may_change, may_delete};
use kanri_contract::users::{SortKey, SortOrder, UserList, UserSummary};

/// The query parameter of the sort key.
pub const SORT_PARAM: &str = "sort";
/// The query parameter of the sort order.
pub const ORDER_PARAM: &str = "order";

/// The sort of the list from the URL query; a missing or unknown value reads as the
/// default (ログインID, 昇順), so a hand-edited URL still shows the list.
pub fn sort_from_query(sort: Option<&str>, order: Option<&str>) -> (SortKey, SortOrder) {
    sort_offered(&SortKey::ALL, sort, order)
}

/// A sort from the URL query where only `offered` keys may be chosen; anything else
/// reads as the default (ログインID, 昇順). Shared by every list with a sort control.
pub fn sort_offered(
    offered: &[SortKey],
    sort: Option<&str>,
    order: Option<&str>,
) -> (SortKey, SortOrder) {
    (
        sort.and_then(SortKey::parse)
            .filter(|k| offered.contains(k))
            .unwrap_or_default(),
        order.and_then(SortOrder::parse).unwrap_or_default(),
    )
}

/// The query parameter of the page shown (1-based; absent: the first).
pub const PAGE_PARAM: &str = "page";

/// The page of the URL query: a missing, unknown or zero value reads as the first (a page
/// past the last shows the last: the backend knows how many there are).
pub fn page_from_query(page: Option<&str>) -> u32 {
    page.and_then(|p| p.parse().ok()).unwrap_or(1).max(1)
}

/// The list's URL with this sort, at its first page (what 「再表示」 opens; a reload
/// keeps it).
pub fn list_href(sort: SortKey, order: SortOrder) -> String {
    sorted_href(paths::USER_LIST, sort, order)
}

/// The list's URL with this sort at `page` (the first page has no page parameter).
pub fn page_href(sort: SortKey, order: SortOrder, page: u32) -> String {
    let first = list_href(sort, order);
    if page <= 1 {
        first
    } else {
        format!("{first}&{PAGE_PARAM}={page}")
    }
}

/// 「1,011件の利用者が登録されています（並び順：利用者名・降順）。」, and on a list of
/// more than one page the rows shown: 「全1,011件中 51〜100件を表示」.
pub fn count_lines(list: &UserList, sort: SortKey, order: SortOrder) -> (String, Option<String>) {
    let count = format!(
        "{}件の利用者が登録されています（並び順：{}・{}）。",
        format_yen(u64::from(list.total)),
        sort.label(),
        order.label()
    );
    let range = (list.pages > 1)
        .then(|| list.shown_range())
        .flatten()
        .map(|(first, last)| range_line(list.total, first, last));
    (count, range)
}

/// `base` with the sort in its query.
pub fn sorted_href(base: &str, sort: SortKey, order: SortOrder) -> String {
    format!(
        "{base}?{SORT_PARAM}={}&{ORDER_PARAM}={}",
        sort.key(),
        order.key()
    )
}

/// The accessible name of a row's radio button: 「user01 佐藤　次郎を選択」.
pub fn select_label(user: &UserSummary) -> String {
    format!("{} {}を選択", user.login_id, user.name)
}

/// The DOM id of a row's radio button (login IDs are 半角英数字; anything else is
/// replaced so the id stays valid).
pub fn radio_id(login_id: &str) -> String {
    let safe: String = login_id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("user-pick-{safe}")
}

/// A button of the list that works on the selected user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListAction {
    /// 「照会」.
    View,
    /// 「変更」.
    Change,
    /// 「削除」.
    Delete,
}

impl ListAction {
    /// The message when no user is selected.
    pub fn no_selection_message(self) -> &'static str {
        match self {
            ListAction::View => "照会する利用者を選択してください。",
            ListAction::Change => "変更する利用者を選択してください。",
            ListAction::Delete => "削除する利用者を選択してください。",
        }
    }
}

#[cfg(test)]
const MASTER_NOT_DELETABLE: &str = "マスターユーザは削除できません。";
#[cfg(test)]
const SELF_NOT_DELETABLE: &str = "ご自身の利用者情報は削除できません。";

/// What a button does with the selection: the login ID of the user to open, or the
/// message to show beside the buttons (nothing else happens then). A selection that is
/// no longer in the list (it was reloaded) counts as none.
pub fn choose(
    action: ListAction,
    selected: Option<&str>,
    list: &UserList,
) -> Result<String, &'static str> {
    let user = selected
        .and_then(|id| list.users.iter().find(|u| u.login_id == id))
        .ok_or(action.no_selection_message())?;
    match action {
        ListAction::Delete => may_delete(user.role, &user.login_id, &list.operator)?,
        ListAction::Change => may_change(user.role, list.operator_role)?,
        ListAction::View => {}
    }
    Ok(user.login_id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kanri_contract::api::{AuthMethod, Role};
    use kanri_contract::users::{CertificateState, ServiceState, UserDetail, UserProfile};

    fn row(id: &str, name: &str, role: Role) -> UserSummary {
        UserSummary {
            login_id: id.into(),
            name: name.into(),
            role,
            service_state: ServiceState::Available,
            certificate: CertificateState::Issued,
            certificate_expires_at: None,
        }
    }

    fn list() -> UserList {
        UserList {
            users: vec![
                row("master01", "港　太郎", Role::Master),
                row("admin01", "港　花子", Role::Admin),
                row("user01", "佐藤　次郎", Role::General),
            ],
            operator: "admin01".into(),
            operator_role: Role::Admin,
            total: 0,
            page: 1,
            pages: 1,
        }
    }

    #[test]
    fn pages_are_kept_in_the_url_and_bad_ones_read_as_the_first() {
        assert_eq!(page_from_query(None), 1);
        assert_eq!(page_from_query(Some("0")), 1);
        assert_eq!(page_from_query(Some("-3")), 1);
        assert_eq!(page_from_query(Some("x")), 1);
        assert_eq!(page_from_query(Some("7")), 7);
        assert_eq!(
            page_href(SortKey::Name, SortOrder::Desc, 3),
            "/admin/users/list?sort=name&order=desc&page=3"
        );
        assert_eq!(
            page_href(SortKey::Name, SortOrder::Desc, 1),
            list_href(SortKey::Name, SortOrder::Desc)
        );
    }

    #[test]
    fn the_count_line_says_how_many_and_which_are_shown() {
        let users: Vec<UserSummary> = (1..=1011)
            .map(|i| row(&format!("user{i:04}"), "x", Role::General))
            .collect();
        let l = UserList::paged(users.clone(), "admin01".into(), Role::Admin, Some(2));
        let (count, range) = count_lines(&l, SortKey::Name, SortOrder::Desc);
        assert_eq!(
            count,
            "1,011件の利用者が登録されています（並び順：利用者名・降順）。"
        );
        assert_eq!(range.as_deref(), Some("全1,011件中 51〜100件を表示"));
        let one_page = UserList::paged(users[..3].to_vec(), "admin01".into(), Role::Admin, Some(1));
        assert_eq!(
            count_lines(&one_page, SortKey::LoginId, SortOrder::Asc).1,
            None
        );
    }

    #[test]
    fn unknown_query_values_read_as_the_defaults() {
        assert_eq!(
            sort_from_query(None, None),
            (SortKey::LoginId, SortOrder::Asc)
        );
        assert_eq!(
            sort_from_query(Some("name"), Some("desc")),
            (SortKey::Name, SortOrder::Desc)
        );
        assert_eq!(
            sort_from_query(Some("'; drop"), Some("down")),
            (SortKey::LoginId, SortOrder::Asc)
        );
        assert_eq!(
            sort_from_query(Some("certificate"), Some("sideways")),
            (SortKey::Certificate, SortOrder::Asc)
        );
    }

    #[test]
    fn the_list_href_round_trips_through_the_query() {
        assert_eq!(
            list_href(SortKey::Name, SortOrder::Desc),
            "/admin/users/list?sort=name&order=desc"
        );
        for key in SortKey::ALL {
            for order in [SortOrder::Asc, SortOrder::Desc] {
                let href = list_href(key, order);
                let query = href.split_once('?').map(|(_, q)| q).unwrap_or_default();
                let mut sort = None;
                let mut ord = None;
                for pair in query.split('&') {
                    match pair.split_once('=') {
                        Some((SORT_PARAM, v)) => sort = Some(v),
                        Some((ORDER_PARAM, v)) => ord = Some(v),
                        _ => {}
                    }
                }
                assert_eq!(sort_from_query(sort, ord), (key, order));
            }
        }
    }

    #[test]
    fn the_radio_names_the_row() {
        let u = row("user01", "佐藤　次郎", Role::General);
        assert_eq!(select_label(&u), "user01 佐藤　次郎を選択");
        assert_eq!(radio_id("user01"), "user-pick-user01");
        assert_eq!(radio_id("a b\"c"), "user-pick-a_b_c");
    }

    #[test]
    fn buttons_without_a_selection_ask_for_one() {
        let l = list();
        assert_eq!(
            choose(ListAction::View, None, &l),
            Err("照会する利用者を選択してください。")
        );
        assert_eq!(
            choose(ListAction::Change, None, &l),
            Err("変更する利用者を選択してください。")
        );
        assert_eq!(
            choose(ListAction::Delete, None, &l),
            Err("削除する利用者を選択してください。")
        );
    }

    #[test]
    fn a_selection_no_longer_in_the_list_counts_as_none() {
        assert_eq!(
            choose(ListAction::View, Some("gone01"), &list()),
            Err("照会する利用者を選択してください。")
        );
    }

    #[test]
    fn view_opens_anyone_change_all_but_the_master_for_an_admin() {
        let l = list();
        for id in ["master01", "admin01", "user01"] {
            assert_eq!(choose(ListAction::View, Some(id), &l), Ok(id.to_owned()));
        }
        for id in ["admin01", "user01"] {
            assert_eq!(choose(ListAction::Change, Some(id), &l), Ok(id.to_owned()));
        }
        assert_eq!(
            choose(ListAction::Change, Some("master01"), &l),
            Err("マスターユーザの利用者情報は、マスターユーザのみ変更できます。")
        );
        let mut by_master = list();
        by_master.operator = "master01".into();
        by_master.operator_role = Role::Master;
        assert_eq!(
            choose(ListAction::Change, Some("master01"), &by_master),
            Ok("master01".to_owned())
        );
    }

    #[test]
    fn the_master_and_the_operator_cannot_be_deleted() {
        let l = list();
        assert_eq!(
            choose(ListAction::Delete, Some("master01"), &l),
            Err(MASTER_NOT_DELETABLE)
        );
        assert_eq!(
            choose(ListAction::Delete, Some("admin01"), &l),
            Err(SELF_NOT_DELETABLE)
        );
        assert_eq!(
            choose(ListAction::Delete, Some("user01"), &l),
            Ok("user01".to_owned())
        );
    }

    #[test]
    fn the_master_operator_gets_the_master_message() {
        let mut l = list();
        l.operator = "master01".into();
        l.operator_role = Role::Master;
        assert_eq!(
            choose(ListAction::Delete, Some("master01"), &l),
            Err(MASTER_NOT_DELETABLE)
        );
    }

    #[test]
    fn the_messages_are_the_contracts() {
        let detail = |id: &str, role| UserDetail {
            profile: UserProfile {
                login_id: id.into(),
                ..Default::default()
            },
            role,
            auth_method: AuthMethod::Password,
            service_state: ServiceState::Available,
            certificate: CertificateState::NotUsed,
            certificate_expires_at: None,
            registered_at: 0,
            updated_at: 0,
        };
        assert_eq!(
            detail("master01", Role::Master).deletable_by("admin01"),
            Err(MASTER_NOT_DELETABLE)
        );
        assert_eq!(
            detail("admin01", Role::Admin).deletable_by("admin01"),
            Err(SELF_NOT_DELETABLE)
        );
    }
}
