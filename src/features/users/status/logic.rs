//! 利用者停止・解除 [BRSK016] and the management of the additional authentications
//! (ワンタイムパスワード, トランザクション認証, 追加認証（リスクベース認証）): one flow for
//! every [`StatusTask`] — select users on a list → confirm with the operator's 確認用
//! パスワード → result.
//!
//! Here: which rows can be selected and why not, the selection (toggle, 全選択 / 全解除,
//! pruning after a reload), what an action button does with the selection, the request,
//! the rows of the confirmation and the result, and how a refusal of 「実行」 is shown.
//! Which action applies to whom is the contract's rule ([`StatusAction::applies`]).

use crate::kernel::confirmation::{refusal, Refusal};
use crate::kernel::error::ApiError;
use crate::kernel::help::{self, Screen};
use kanri_contract::api::ErrorCode;
use kanri_contract::datetime::format_datetime;
use kanri_contract::user_status::{
    StatusAction, StatusActionDone, StatusActionRequest, StatusTask, UserStatus, UserStatusList,
    NOTHING_SELECTED, SELECTION_FIELD,
};
use kanri_contract::users::Confirmation;
use std::collections::BTreeSet;

/// The flow's steps.
pub const STEPS: &[&str] = &["利用者を選択", "内容確認", "処理完了"];

/// The screens of a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusStep {
    /// The users with a checkbox each, and the action buttons.
    List,
    /// The selected users before and after, the operator's confirmation, 「実行」.
    Confirm,
    /// The users after the action.
    Done,
}

impl StatusStep {
    pub const ALL: [StatusStep; 3] = [StatusStep::List, StatusStep::Confirm, StatusStep::Done];

    /// Its place in [`STEPS`] and in [`StatusTask::screen_ids`].
    pub fn index(self) -> usize {
        match self {
            StatusStep::List => 0,
            StatusStep::Confirm => 1,
            StatusStep::Done => 2,
        }
    }

    /// What the screen's title adds to the task's name.
    pub fn suffix(self) -> &'static str {
        match self {
            StatusStep::List => "",
            StatusStep::Confirm => "確認",
            StatusStep::Done => "結果",
        }
    }
}

/// The title of a task's screen: 「利用者停止・解除」, 「利用者停止・解除確認」, …
pub fn title(task: StatusTask, step: StatusStep) -> String {
    format!("{}{}", task.title(), step.suffix())
}

/// The DOM id of a row's checkbox (login IDs are 半角英数字; anything else is replaced
/// so the id stays valid).
pub fn pick_id(login_id: &str) -> String {
    let safe: String = login_id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("status-pick-{safe}")
}

/// The checkbox's label (read by screen readers): 「user01 佐藤　次郎を選択」.
pub fn pick_label(user: &UserStatus) -> String {
    format!("{} {}を選択", user.login_id, user.name)
}

/// The buttons of a task as named in sentences: 「停止」または「解除」.
pub fn buttons_phrase(task: StatusTask) -> String {
    task.actions()
        .iter()
        .map(|a| format!("「{}」", a.button()))
        .collect::<Vec<_>>()
        .join("または")
}

/// The sentence above the list.
pub fn list_intro(task: StatusTask) -> String {
    format!(
        "対象の利用者を選択し、{}ボタンを押してください。選択できない利用者には、その理由が表示されています。",
        buttons_phrase(task)
    )
}

/// Whether a row can be selected: some action of the task applies to the user; if none
/// does, the reasons (each once, in the order of the actions).
pub fn row_state(
    task: StatusTask,
    user: &UserStatus,
    list: &UserStatusList,
) -> Result<(), Vec<&'static str>> {
    let mut reasons = Vec::new();
    for action in task.actions() {
        match action.applies(user, &list.operator, list.operator_role) {
            Ok(()) => return Ok(()),
            Err(reason) => {
                if !reasons.contains(&reason) {
                    reasons.push(reason);
                }
            }
        }
    }
    Err(reasons)
}

/// Whether the row's checkbox is enabled.
pub fn selectable(task: StatusTask, user: &UserStatus, list: &UserStatusList) -> bool {
    row_state(task, user, list).is_ok()
}

/// The line above the table.
pub fn count_line(task: StatusTask, list: &UserStatusList) -> String {
    let n = list
        .users
        .iter()
        .filter(|u| selectable(task, u, list))
        .count();
    format!(
        "{}名の利用者のうち、選択できる利用者は{n}名です。",
        list.users.len()
    )
}

/// The selected users of a list (by login ID).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    ids: BTreeSet<String>,
}

impl Selection {
    pub fn contains(&self, login_id: &str) -> bool {
        self.ids.contains(login_id)
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Check (`on`) or uncheck a user's box.
    pub fn set(&mut self, login_id: &str, on: bool) {
        if on {
            self.ids.insert(login_id.to_owned());
        } else {
            self.ids.remove(login_id);
        }
    }

    /// 「全選択」: every selectable row.
    pub fn select_all(&mut self, task: StatusTask, list: &UserStatusList) {
        self.ids = list
            .users
            .iter()
            .filter(|u| selectable(task, u, list))
            .map(|u| u.login_id.clone())
            .collect();
    }

    /// 「全解除」.
    pub fn clear(&mut self) {
        self.ids.clear();
    }

    /// Whether every selectable row is selected (and there is one).
    pub fn all_selected(&self, task: StatusTask, list: &UserStatusList) -> bool {
        let mut any = false;
        for u in list.users.iter().filter(|u| selectable(task, u, list)) {
            any = true;
            if !self.contains(&u.login_id) {
                return false;
            }
        }
        any
    }

    /// Keep only users who are in `list` and selectable there (the list was loaded
    /// again: someone may have been deleted or changed meanwhile).
    pub fn retain_selectable(&mut self, task: StatusTask, list: &UserStatusList) {
        self.ids.retain(|id| {
            list.users
                .iter()
                .any(|u| &u.login_id == id && selectable(task, u, list))
        });
    }

    /// The selected users, in the order of the list.
    pub fn users<'a>(&self, list: &'a UserStatusList) -> Vec<&'a UserStatus> {
        list.users
            .iter()
            .filter(|u| self.contains(&u.login_id))
            .collect()
    }
}

/// A selected user the pressed action does not apply to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inapplicable {
    pub login_id: String,
    pub name: String,
    pub reason: &'static str,
}

/// Why an action button does not open the confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChooseError {
    /// Nothing is selected.
    NothingSelected,
    /// Some selected users are not ones the action applies to (e.g. 「停止」 with a
    /// stopped user selected).
    NotApplicable(StatusAction, Vec<Inapplicable>),
}

/// One line of the list's error summary: the checkbox to jump to (by login ID) and the
/// message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChooseMessage {
    pub login_id: Option<String>,
    pub message: String,
}

impl ChooseError {
    /// The lines of the error summary.
    pub fn messages(&self) -> Vec<ChooseMessage> {
        match self {
            ChooseError::NothingSelected => vec![ChooseMessage {
                login_id: None,
                message: NOTHING_SELECTED.to_owned(),
            }],
            ChooseError::NotApplicable(action, users) => users
                .iter()
                .map(|u| ChooseMessage {
                    login_id: Some(u.login_id.clone()),
                    message: format!(
                        "{} {}は「{}」の対象にできません（{}）。選択を外してください。",
                        u.login_id,
                        u.name,
                        action.button(),
                        u.reason.trim_end_matches('。')
                    ),
                })
                .collect(),
        }
    }
}

/// What the confirmation of an action shows and sends: the action and the selected users
/// as the list showed them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    pub action: StatusAction,
    pub users: Vec<UserStatus>,
}

impl Chosen {
    pub fn task(&self) -> StatusTask {
        StatusTask::of(self.action)
    }
}

/// What pressing `action`'s button does with the selection: the confirmation's data, or
/// what to tell the operator (nothing is unselected by it).
pub fn choose(
    action: StatusAction,
    selection: &Selection,
    list: &UserStatusList,
) -> Result<Chosen, ChooseError> {
    let users = selection.users(list);
    if users.is_empty() {
        return Err(ChooseError::NothingSelected);
    }
    let refused: Vec<Inapplicable> = users
        .iter()
        .filter_map(|u| {
            action
                .applies(u, &list.operator, list.operator_role)
                .err()
                .map(|reason| Inapplicable {
                    login_id: u.login_id.clone(),
                    name: u.name.clone(),
                    reason,
                })
        })
        .collect();
    if !refused.is_empty() {
        return Err(ChooseError::NotApplicable(action, refused));
    }
    Ok(Chosen {
        action,
        users: users.into_iter().cloned().collect(),
    })
}

/// The body of 「実行」.
pub fn request(chosen: &Chosen, confirmation: Confirmation) -> StatusActionRequest {
    StatusActionRequest {
        login_ids: chosen.users.iter().map(|u| u.login_id.clone()).collect(),
        confirmation,
    }
}

/// The heading of the state an action changes: サービス状態, or the authentication's.
pub fn state_heading(action: StatusAction) -> &'static str {
    action
        .authentication()
        .map_or("サービス状態", |a| a.state_heading())
}

/// The value of that state for a user.
pub fn state_label(action: StatusAction, user: &UserStatus) -> String {
    match action.authentication() {
        Some(a) => user.auth(a).label().to_owned(),
        None => user.service_label(),
    }
}

/// A row of the confirmation's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmRow {
    pub login_id: String,
    pub name: String,
    pub role: &'static str,
    /// The state now.
    pub before: String,
    /// The state after the action.
    pub after: String,
}

/// The confirmation's rows: each user's state now and after the action.
pub fn confirm_rows(chosen: &Chosen) -> Vec<ConfirmRow> {
    chosen
        .users
        .iter()
        .map(|u| ConfirmRow {
            login_id: u.login_id.clone(),
            name: u.name.clone(),
            role: u.role.label(),
            before: state_label(chosen.action, u),
            after: state_label(chosen.action, &chosen.action.apply(u)),
        })
        .collect()
}

/// A row of the result's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoneRow {
    pub login_id: String,
    pub name: String,
    pub role: &'static str,
    /// The state after the action, as the backend says.
    pub state: String,
}

/// The result's rows, in the order of the answer.
pub fn done_rows(done: &StatusActionDone) -> Vec<DoneRow> {
    done.users
        .iter()
        .map(|u| DoneRow {
            login_id: u.login_id.clone(),
            name: u.name.clone(),
            role: u.role.label(),
            state: state_label(done.action, u),
        })
        .collect()
}

/// 処理日時 of the result.
pub fn done_time(done: &StatusActionDone) -> String {
    format_datetime(done.done_at)
}

/// How a refused 「実行」 is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The selection no longer holds (409: a user's state changed meanwhile; 404: a user
    /// is gone): the message, and the way back to the list, which loads the users again.
    Stale(String),
    /// The backend refuses the selection itself (422 on `login_ids`: none, or too many
    /// at once): the message, and the way back to the list to select again.
    Reselect(String),
    /// The operator's fields (wrong 確認用パスワード with the attempts left) or a message
    /// (403 lock or no right; network and 5xx, where the input is kept for a retry).
    Refused(Refusal),
}

/// Sort the backend's refusal of 「実行」.
pub fn failure(e: &ApiError) -> Failure {
    if let Some(f) = e
        .field_errors()
        .iter()
        .find(|f| f.field == SELECTION_FIELD || f.field.starts_with("login_ids."))
    {
        return Failure::Reselect(f.message.clone());
    }
    let stale = match e {
        ApiError::Rejected(b) => b.code == ErrorCode::Conflict || b.code == ErrorCode::NotFound,
        other => matches!(other.status(), Some(404 | 409)),
    };
    if stale {
        return Failure::Stale(e.message());
    }
    Failure::Refused(refusal(e))
}

/// The screen of `step` of the task `task`.
pub fn status_screen(task: kanri_contract::user_status::StatusTask, step: StatusStep) -> Screen {
    use kanri_contract::user_status::StatusTask::*;
    use StatusStep::{Confirm, Done, List};
    match (task, step) {
        (StopResume, List) => help::STATUS_SERVICE_LIST,
        (StopResume, Confirm) => help::STATUS_SERVICE_CONFIRM,
        (StopResume, Done) => help::STATUS_SERVICE_DONE,
        (OneTimePasswordUnlock, List) => help::STATUS_OTP_UNLOCK_LIST,
        (OneTimePasswordUnlock, Confirm) => help::STATUS_OTP_UNLOCK_CONFIRM,
        (OneTimePasswordUnlock, Done) => help::STATUS_OTP_UNLOCK_DONE,
        (OneTimePasswordRevoke, List) => help::STATUS_OTP_REVOKE_LIST,
        (OneTimePasswordRevoke, Confirm) => help::STATUS_OTP_REVOKE_CONFIRM,
        (OneTimePasswordRevoke, Done) => help::STATUS_OTP_REVOKE_DONE,
        (TransactionUnlock, List) => help::STATUS_TRANSACTION_UNLOCK_LIST,
        (TransactionUnlock, Confirm) => help::STATUS_TRANSACTION_UNLOCK_CONFIRM,
        (TransactionUnlock, Done) => help::STATUS_TRANSACTION_UNLOCK_DONE,
        (TransactionRevoke, List) => help::STATUS_TRANSACTION_REVOKE_LIST,
        (TransactionRevoke, Confirm) => help::STATUS_TRANSACTION_REVOKE_CONFIRM,
        (TransactionRevoke, Done) => help::STATUS_TRANSACTION_REVOKE_DONE,
        (RiskBasedUnlock, List) => help::STATUS_RISK_UNLOCK_LIST,
        (RiskBasedUnlock, Confirm) => help::STATUS_RISK_UNLOCK_CONFIRM,
        (RiskBasedUnlock, Done) => help::STATUS_RISK_UNLOCK_DONE,
        (RiskBasedReset, List) => help::STATUS_RISK_RESET_LIST,
        (RiskBasedReset, Confirm) => help::STATUS_RISK_RESET_CONFIRM,
        (RiskBasedReset, Done) => help::STATUS_RISK_RESET_DONE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_screen_has_the_tasks_title_and_id() {
        use kanri_contract::user_status::StatusTask;
        for t in StatusTask::ALL {
            for step in StatusStep::ALL {
                let s = status_screen(t, step);
                assert_eq!(s.title, title(t, step));
                assert_eq!(s.id, t.screen_ids()[step.index()]);
                assert_eq!(help::by_id(s.id), Some(s));
            }
        }
        assert_eq!(help::STATUS_SERVICE_LIST.id, "BRSK016");
    }

    use kanri_contract::api::{ErrorBody, FieldError, Role};
    use kanri_contract::user_rules::field;
    use kanri_contract::user_status::{AuthState, Authentication};
    use kanri_contract::users::ServiceState;

    fn user(id: &str, role: Role) -> UserStatus {
        UserStatus {
            login_id: id.into(),
            name: format!("{id}の名前"),
            role,
            service_state: ServiceState::Available,
            confirm_password_locked: false,
            one_time_password: AuthState::Active,
            transaction: AuthState::Unregistered,
            risk_based: AuthState::Suspended,
        }
    }

    /// The list as admin01 sees it.
    fn list() -> UserStatusList {
        let mut stopped = user("user06", Role::General);
        stopped.service_state = ServiceState::Stopped;
        stopped.one_time_password = AuthState::Suspended;
        let mut locked = user("user07", Role::General);
        locked.service_state = ServiceState::Locked;
        let mut confirm_locked = user("user08", Role::General);
        confirm_locked.confirm_password_locked = true;
        let mut unregistered = user("user05", Role::General);
        unregistered.one_time_password = AuthState::Unregistered;
        unregistered.risk_based = AuthState::Unregistered;
        UserStatusList {
            users: vec![
                user("master01", Role::Master),
                user("admin01", Role::Admin),
                user("user01", Role::General),
                unregistered,
                stopped,
                locked,
                confirm_locked,
            ],
            operator: "admin01".into(),
            operator_role: Role::Admin,
        }
    }

    fn ids(users: &[&UserStatus]) -> Vec<String> {
        users.iter().map(|u| u.login_id.clone()).collect()
    }

    fn selectable_ids(task: StatusTask, l: &UserStatusList) -> Vec<String> {
        l.users
            .iter()
            .filter(|u| selectable(task, u, l))
            .map(|u| u.login_id.clone())
            .collect()
    }

    #[test]
    fn titles_and_screens_follow_the_task() {
        assert_eq!(
            title(StatusTask::StopResume, StatusStep::List),
            "利用者停止・解除"
        );
        assert_eq!(
            title(StatusTask::StopResume, StatusStep::Confirm),
            "利用者停止・解除確認"
        );
        assert_eq!(
            title(StatusTask::OneTimePasswordRevoke, StatusStep::Done),
            "ワンタイムパスワードのトークン失効結果"
        );
        for step in StatusStep::ALL {
            assert_eq!(STEPS.len(), 3);
            assert!(step.index() < STEPS.len());
        }
        assert_eq!(
            buttons_phrase(StatusTask::StopResume),
            "「停止」または「解除」"
        );
        assert_eq!(
            buttons_phrase(StatusTask::RiskBasedReset),
            "「回答リセット」"
        );
        assert!(list_intro(StatusTask::StopResume).contains("「停止」または「解除」ボタン"));
    }

    #[test]
    fn a_row_is_selectable_when_some_action_of_the_task_applies() {
        let l = list();
        // 停止・解除: the operator, and the master (by an administrator), cannot be
        // chosen; everyone else can (停止 or 解除).
        assert_eq!(
            selectable_ids(StatusTask::StopResume, &l),
            ["user01", "user05", "user06", "user07", "user08"]
        );
        assert_eq!(
            row_state(StatusTask::StopResume, &l.users[1], &l),
            Err(vec![
                "ご自身のサービスは停止できません。",
                "停止・ロックされていません。"
            ])
        );
        // The same reason of both actions is given once.
        assert_eq!(
            row_state(StatusTask::StopResume, &l.users[0], &l),
            Err(vec![
                "マスターユーザの利用者情報は、マスターユーザのみ変更できます。"
            ])
        );
        assert_eq!(
            selectable_ids(StatusTask::OneTimePasswordUnlock, &l),
            ["user06"]
        );
        assert_eq!(
            row_state(StatusTask::OneTimePasswordUnlock, &l.users[2], &l),
            Err(vec!["利用停止中ではありません。"])
        );
        assert_eq!(
            selectable_ids(StatusTask::RiskBasedReset, &l),
            ["admin01", "user01", "user06", "user07", "user08"]
        );
        assert_eq!(
            row_state(StatusTask::RiskBasedReset, &l.users[3], &l),
            Err(vec!["回答が登録されていません。"])
        );
        assert_eq!(
            count_line(StatusTask::OneTimePasswordUnlock, &l),
            "7名の利用者のうち、選択できる利用者は1名です。"
        );
    }

    #[test]
    fn the_master_acts_on_the_master_but_never_stops_themself() {
        let mut l = list();
        l.operator = "master01".into();
        l.operator_role = Role::Master;
        assert_eq!(
            row_state(StatusTask::StopResume, &l.users[0], &l),
            Err(vec![
                "ご自身のサービスは停止できません。",
                "停止・ロックされていません。"
            ])
        );
        assert!(selectable(StatusTask::RiskBasedReset, &l.users[0], &l));
        assert!(selectable(StatusTask::StopResume, &l.users[1], &l));
    }

    #[test]
    fn selection_toggles_selects_all_and_none() {
        let l = list();
        let task = StatusTask::StopResume;
        let mut s = Selection::default();
        assert!(s.is_empty());
        s.set("user01", true);
        s.set("user06", true);
        s.set("user06", true);
        assert_eq!(s.len(), 2);
        s.set("user01", false);
        assert_eq!(ids(&s.users(&l)), ["user06"]);
        assert!(!s.all_selected(task, &l));
        s.select_all(task, &l);
        assert_eq!(ids(&s.users(&l)), selectable_ids(task, &l));
        assert!(s.all_selected(task, &l));
        assert!(!s.contains("admin01") && !s.contains("master01"));
        s.clear();
        assert!(s.is_empty());
        // No selectable row: nothing is "all selected".
        let none = UserStatusList {
            users: vec![user("admin01", Role::Admin)],
            ..list()
        };
        assert!(!Selection::default().all_selected(task, &none));
    }

    #[test]
    fn a_reloaded_list_drops_users_gone_or_no_longer_selectable() {
        let task = StatusTask::OneTimePasswordUnlock;
        let mut l = list();
        let mut s = Selection::default();
        s.select_all(task, &l);
        s.set("gone01", true);
        assert_eq!(s.len(), 2);
        s.retain_selectable(task, &l);
        assert_eq!(ids(&s.users(&l)), ["user06"]);
        // Unlocked by someone else meanwhile.
        l.users[4].one_time_password = AuthState::Active;
        s.retain_selectable(task, &l);
        assert!(s.is_empty());
    }

    #[test]
    fn an_action_needs_a_selection() {
        let l = list();
        let e = choose(StatusAction::Stop, &Selection::default(), &l).unwrap_err();
        assert_eq!(e, ChooseError::NothingSelected);
        assert_eq!(
            e.messages(),
            [ChooseMessage {
                login_id: None,
                message: "対象の利用者を選択してください。".into()
            }]
        );
        // A selection no longer in the list counts as none.
        let mut s = Selection::default();
        s.set("gone01", true);
        assert_eq!(
            choose(StatusAction::Stop, &s, &l),
            Err(ChooseError::NothingSelected)
        );
    }

    #[test]
    fn an_action_names_the_selected_users_it_does_not_apply_to() {
        let l = list();
        let mut s = Selection::default();
        for id in ["user01", "user06", "user07"] {
            s.set(id, true);
        }
        // 停止: user06 is stopped already; user07 (locked) may be stopped.
        let Err(e) = choose(StatusAction::Stop, &s, &l) else {
            panic!("user06 is stopped")
        };
        assert_eq!(
            e.messages(),
            [ChooseMessage {
                login_id: Some("user06".into()),
                message: "user06 user06の名前は「停止」の対象にできません（既に利用停止中です）。選択を外してください。".into()
            }]
        );
        // 解除: user01 is neither stopped nor locked.
        let Err(ChooseError::NotApplicable(action, users)) = choose(StatusAction::Resume, &s, &l)
        else {
            panic!("user01 is available")
        };
        assert_eq!(action, StatusAction::Resume);
        assert_eq!(users.len(), 1);
        assert_eq!(users[0].login_id, "user01");
        assert_eq!(users[0].reason, "停止・ロックされていません。");
        // The selection is kept as it was.
        assert_eq!(s.len(), 3);
        s.set("user01", false);
        let chosen = choose(StatusAction::Resume, &s, &l).unwrap();
        assert_eq!(chosen.task(), StatusTask::StopResume);
        assert_eq!(
            chosen
                .users
                .iter()
                .map(|u| u.login_id.as_str())
                .collect::<Vec<_>>(),
            ["user06", "user07"]
        );
    }

    #[test]
    fn the_request_carries_the_chosen_users_in_list_order() {
        let l = list();
        let mut s = Selection::default();
        s.set("user08", true);
        s.set("user06", true);
        let chosen = choose(StatusAction::Resume, &s, &l).unwrap();
        let c = Confirmation {
            confirm_password: "Conf1234".into(),
            one_time_password: None,
        };
        let r = request(&chosen, c.clone());
        assert_eq!(r.login_ids, ["user06", "user08"]);
        assert_eq!(r.confirmation, c);
    }

    #[test]
    fn rows_show_the_state_the_action_changes_before_and_after() {
        let l = list();
        let mut s = Selection::default();
        s.set("user06", true);
        s.set("user08", true);
        let chosen = choose(StatusAction::Resume, &s, &l).unwrap();
        assert_eq!(state_heading(chosen.action), "サービス状態");
        let rows = confirm_rows(&chosen);
        assert_eq!(
            rows[0],
            ConfirmRow {
                login_id: "user06".into(),
                name: "user06の名前".into(),
                role: "一般ユーザ",
                before: "利用停止中".into(),
                after: "利用可能".into(),
            }
        );
        assert_eq!(rows[1].before, "利用可能（確認用パスワードロック中）");
        assert_eq!(rows[1].after, "利用可能");

        let mut s = Selection::default();
        s.set("user06", true);
        let chosen = choose(StatusAction::OneTimePasswordUnlock, &s, &l).unwrap();
        assert_eq!(state_heading(chosen.action), "ワンタイムパスワード状態");
        let row = &confirm_rows(&chosen)[0];
        assert_eq!(
            (row.before.as_str(), row.after.as_str()),
            ("利用停止中", "利用中")
        );
        assert_eq!(
            state_heading(StatusAction::RiskBasedReset),
            Authentication::RiskBased.state_heading()
        );
    }

    #[test]
    fn the_result_shows_the_new_states_and_the_time() {
        let mut after = user("user07", Role::General);
        after.risk_based = AuthState::Unregistered;
        let done = StatusActionDone {
            action: StatusAction::RiskBasedReset,
            users: vec![after],
            done_at: 0,
        };
        assert_eq!(
            done_rows(&done),
            [DoneRow {
                login_id: "user07".into(),
                name: "user07の名前".into(),
                role: "一般ユーザ",
                state: "未登録".into(),
            }]
        );
        assert_eq!(done_time(&done), "1970年01月01日 09時00分00秒");
    }

    fn rejected(status: u16, code: ErrorCode, fields: Vec<FieldError>) -> ApiError {
        ApiError::Rejected(ErrorBody {
            status,
            code,
            message: "他の操作により利用者の状態が変更されています。".into(),
            field_errors: fields,
            reference_id: None,
            remaining_attempts: Some(2),
            certificate_status: None,
            retry_after_secs: None,
        })
    }

    fn fe(field: &str, message: &str) -> FieldError {
        FieldError {
            field: field.into(),
            code: "x".into(),
            message: message.into(),
        }
    }

    #[test]
    fn a_wrong_password_stays_on_its_field_with_the_attempts_left() {
        let e = rejected(
            422,
            ErrorCode::ValidationFailed,
            vec![fe(
                field::OPERATOR_PASSWORD,
                "確認用パスワードが正しくありません。",
            )],
        );
        let Failure::Refused(r) = failure(&e) else {
            panic!("on the field")
        };
        assert_eq!(
            r.field_errors[0].message,
            "確認用パスワードが正しくありません。（あと2回誤るとロックされます）"
        );
        assert_eq!(r.message, None);
        assert!(r.clear_password);
    }

    #[test]
    fn a_changed_or_missing_user_or_a_refused_selection_sends_back_to_the_list() {
        assert_eq!(
            failure(&rejected(409, ErrorCode::Conflict, vec![])),
            Failure::Stale("他の操作により利用者の状態が変更されています。".into())
        );
        assert!(matches!(
            failure(&ApiError::Status {
                status: 409,
                retry_after_secs: None,
                reference_id: None
            }),
            Failure::Stale(_)
        ));
        assert!(matches!(
            failure(&rejected(404, ErrorCode::NotFound, vec![])),
            Failure::Stale(_)
        ));
        assert_eq!(
            failure(&rejected(
                422,
                ErrorCode::ValidationFailed,
                vec![fe(SELECTION_FIELD, NOTHING_SELECTED)]
            )),
            Failure::Reselect(NOTHING_SELECTED.into())
        );
    }

    #[test]
    fn a_lock_or_a_refusal_is_a_message_and_a_network_failure_keeps_the_input() {
        for code in [ErrorCode::ConfirmPasswordLocked, ErrorCode::Forbidden] {
            let Failure::Refused(r) = failure(&rejected(403, code, vec![])) else {
                panic!("a message")
            };
            assert!(r.field_errors.is_empty());
            assert!(r.message.is_some());
            assert!(r.clear_password);
        }
        for e in [
            ApiError::Network,
            ApiError::Timeout,
            rejected(503, ErrorCode::Unavailable, vec![]),
        ] {
            let Failure::Refused(r) = failure(&e) else {
                panic!("retry")
            };
            assert!(r.message.is_some());
            assert!(!r.clear_password, "{e:?}");
        }
    }

    #[test]
    fn pick_ids_are_valid_dom_ids() {
        assert_eq!(pick_id("user01"), "status-pick-user01");
        assert_eq!(pick_id("a b/"), "status-pick-a_b_");
        assert_eq!(
            pick_label(&user("user01", Role::General)),
            "user01 user01の名前を選択"
        );
    }
}
