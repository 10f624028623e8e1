//! 利用者停止・解除 [BRSK016] and the management of the additional authentications
//! (ワンタイムパスワード, トランザクション認証, 追加認証（リスクベース認証）) of manual 000's
//! 作業内容選択: each user's states, the eight actions on them, which users an action
//! applies to, and the JSON bodies.
//!
//! Every task is the same flow: select users (only those the action applies to) →
//! confirm with the operator's 確認用パスワード → result. Endpoints:
//! `GET /api/users/statuses` ([`UserStatusList`]) and
//! `POST /api/users/statuses/{action}` ([`StatusActionRequest`] → [`StatusActionDone`]),
//! `{action}` being [`StatusAction::slug`]. See `docs/API.md`.

use crate::api::Role;
use crate::users::{may_change, Confirmation, ServiceState};
use serde::{Deserialize, Serialize};

/// Field path of 422 when no user is selected (or a selected one is not a candidate).
pub const SELECTION_FIELD: &str = "login_ids";

/// The message when nothing is selected.
pub const NOTHING_SELECTED: &str = "対象の利用者を選択してください。";

/// The state of one additional authentication of a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthState {
    /// 未登録: no token (or, for リスクベース認証, no answers) yet; the user registers at the
    /// next login.
    Unregistered,
    /// 利用中.
    Active,
    /// 利用停止中: locked after repeated wrong entries.
    Suspended,
}

impl AuthState {
    pub fn label(self) -> &'static str {
        match self {
            AuthState::Unregistered => "未登録",
            AuthState::Active => "利用中",
            AuthState::Suspended => "利用停止中",
        }
    }
}

/// The additional authentications an administrator manages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Authentication {
    /// ワンタイムパスワード.
    OneTimePassword,
    /// トランザクション認証.
    Transaction,
    /// 追加認証（リスクベース認証）.
    RiskBased,
}

impl Authentication {
    pub fn label(self) -> &'static str {
        match self {
            Authentication::OneTimePassword => "ワンタイムパスワード",
            Authentication::Transaction => "トランザクション認証",
            Authentication::RiskBased => "追加認証（リスクベース認証）",
        }
    }

    /// The column heading of its state in a list.
    pub fn state_heading(self) -> &'static str {
        match self {
            Authentication::OneTimePassword => "ワンタイムパスワード状態",
            Authentication::Transaction => "トランザクション認証状態",
            Authentication::RiskBased => "追加認証状態",
        }
    }
}

/// One user's states (a row of every list of these tasks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserStatus {
    pub login_id: String,
    pub name: String,
    /// 利用者区分.
    pub role: Role,
    /// サービス状態.
    pub service_state: ServiceState,
    /// The 確認用パスワード is locked after repeated wrong entries (lifted by 「解除」).
    pub confirm_password_locked: bool,
    pub one_time_password: AuthState,
    pub transaction: AuthState,
    pub risk_based: AuthState,
}

impl UserStatus {
    /// The state of `auth`.
    pub fn auth(&self, auth: Authentication) -> AuthState {
        match auth {
            Authentication::OneTimePassword => self.one_time_password,
            Authentication::Transaction => self.transaction,
            Authentication::RiskBased => self.risk_based,
        }
    }

    fn set_auth(&mut self, auth: Authentication, state: AuthState) {
        match auth {
            Authentication::OneTimePassword => self.one_time_password = state,
            Authentication::Transaction => self.transaction = state,
            Authentication::RiskBased => self.risk_based = state,
        }
    }

    /// サービス状態 as listed: 「利用可能」, 「利用停止中」, 「ロック中」, with
    /// 「（確認用パスワードロック中）」 when that lock is set too.
    pub fn service_label(&self) -> String {
        let mut s = self.service_state.label().to_owned();
        if self.confirm_password_locked {
            s.push_str("（確認用パスワードロック中）");
        }
        s
    }
}

/// `GET /api/users/statuses`: every user, by login ID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserStatusList {
    pub users: Vec<UserStatus>,
    /// The operator's login ID.
    pub operator: String,
    /// The operator's 利用者区分 (only the master user acts on the master user).
    pub operator_role: Role,
}

/// The eight actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusAction {
    /// 利用者停止: サービス状態 → 利用停止中; the user's sessions end and logins are refused.
    Stop,
    /// 利用者停止解除: lifts the stop, the ログインパスワード lock and the 確認用パスワード lock.
    Resume,
    OneTimePasswordUnlock,
    OneTimePasswordRevoke,
    TransactionUnlock,
    TransactionRevoke,
    RiskBasedUnlock,
    RiskBasedReset,
}

impl StatusAction {
    pub const ALL: [StatusAction; 8] = [
        StatusAction::Stop,
        StatusAction::Resume,
        StatusAction::OneTimePasswordUnlock,
        StatusAction::OneTimePasswordRevoke,
        StatusAction::TransactionUnlock,
        StatusAction::TransactionRevoke,
        StatusAction::RiskBasedUnlock,
        StatusAction::RiskBasedReset,
    ];

    /// The URL segment of `POST /api/users/statuses/{action}`.
    pub fn slug(self) -> &'static str {
        match self {
            StatusAction::Stop => "stop",
            StatusAction::Resume => "resume",
            StatusAction::OneTimePasswordUnlock => "otp-unlock",
            StatusAction::OneTimePasswordRevoke => "otp-revoke",
            StatusAction::TransactionUnlock => "transaction-unlock",
            StatusAction::TransactionRevoke => "transaction-revoke",
            StatusAction::RiskBasedUnlock => "risk-unlock",
            StatusAction::RiskBasedReset => "risk-reset",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.slug() == slug)
    }

    /// The button (「停止」, 「解除」, 「利用停止解除」, 「トークン失効」, 「回答リセット」).
    pub fn button(self) -> &'static str {
        match self {
            StatusAction::Stop => "停止",
            StatusAction::Resume => "解除",
            StatusAction::OneTimePasswordUnlock
            | StatusAction::TransactionUnlock
            | StatusAction::RiskBasedUnlock => "利用停止解除",
            StatusAction::OneTimePasswordRevoke | StatusAction::TransactionRevoke => "トークン失効",
            StatusAction::RiskBasedReset => "回答リセット",
        }
    }

    /// Its name in the operation log (業務 利用者管理) and on the confirm and result screens:
    /// 「利用者停止」「利用者停止解除」, and for the authentications the manual's name of the
    /// task (「ワンタイムパスワードのトークン失効」 …).
    pub fn operation(self) -> &'static str {
        match self {
            StatusAction::Stop => "利用者停止",
            StatusAction::Resume => "利用者停止解除",
            other => StatusTask::of(other).title(),
        }
    }

    /// The authentication it acts on (`None` for 停止・解除).
    pub fn authentication(self) -> Option<Authentication> {
        match self {
            StatusAction::Stop | StatusAction::Resume => None,
            StatusAction::OneTimePasswordUnlock | StatusAction::OneTimePasswordRevoke => {
                Some(Authentication::OneTimePassword)
            }
            StatusAction::TransactionUnlock | StatusAction::TransactionRevoke => {
                Some(Authentication::Transaction)
            }
            StatusAction::RiskBasedUnlock | StatusAction::RiskBasedReset => {
                Some(Authentication::RiskBased)
            }
        }
    }

    /// Whether the operator (`operator`, `operator_role`) may apply this action to `user`,
    /// and if not, why (shown beside the user, whose checkbox is then not offered).
    pub fn applies(
        self,
        user: &UserStatus,
        operator: &str,
        operator_role: Role,
    ) -> Result<(), &'static str> {
        if user.role == Role::Master && operator_role != Role::Master {
            may_change(user.role, operator_role)?;
        }
        match self {
            StatusAction::Stop => {
                if user.login_id == operator {
                    Err("ご自身のサービスは停止できません。")
                } else if user.service_state == ServiceState::Stopped {
                    Err("既に利用停止中です。")
                } else {
                    Ok(())
                }
            }
            StatusAction::Resume => {
                if user.service_state == ServiceState::Available && !user.confirm_password_locked {
                    Err("停止・ロックされていません。")
                } else {
                    Ok(())
                }
            }
            StatusAction::OneTimePasswordUnlock
            | StatusAction::TransactionUnlock
            | StatusAction::RiskBasedUnlock => {
                let auth = self
                    .authentication()
                    .unwrap_or(Authentication::OneTimePassword);
                match user.auth(auth) {
                    AuthState::Suspended => Ok(()),
                    _ => Err("利用停止中ではありません。"),
                }
            }
            StatusAction::OneTimePasswordRevoke | StatusAction::TransactionRevoke => {
                let auth = self
                    .authentication()
                    .unwrap_or(Authentication::OneTimePassword);
                match user.auth(auth) {
                    AuthState::Unregistered => Err("トークンが登録されていません。"),
                    _ => Ok(()),
                }
            }
            StatusAction::RiskBasedReset => match user.risk_based {
                AuthState::Unregistered => Err("回答が登録されていません。"),
                _ => Ok(()),
            },
        }
    }

    /// The user after the action.
    pub fn apply(self, user: &UserStatus) -> UserStatus {
        let mut after = user.clone();
        match self {
            StatusAction::Stop => after.service_state = ServiceState::Stopped,
            StatusAction::Resume => {
                after.service_state = ServiceState::Available;
                after.confirm_password_locked = false;
            }
            StatusAction::OneTimePasswordUnlock
            | StatusAction::TransactionUnlock
            | StatusAction::RiskBasedUnlock => {
                if let Some(auth) = self.authentication() {
                    after.set_auth(auth, AuthState::Active);
                }
            }
            StatusAction::OneTimePasswordRevoke
            | StatusAction::TransactionRevoke
            | StatusAction::RiskBasedReset => {
                if let Some(auth) = self.authentication() {
                    after.set_auth(auth, AuthState::Unregistered);
                }
            }
        }
        after
    }

    /// The manual's note shown on the list, confirm and result screens.
    pub fn note(self) -> &'static str {
        match self {
            StatusAction::Stop => "停止した利用者はログインできなくなります。ログイン中の場合は、次の操作からご利用いただけなくなります。",
            StatusAction::Resume => "停止を解除した利用者は、再びログインできるようになります。ログインパスワード・確認用パスワードのロックも解除されます。",
            StatusAction::OneTimePasswordUnlock => "利用停止を解除した利用者は、再びワンタイムパスワードを利用できるようになります。",
            StatusAction::OneTimePasswordRevoke => "トークン失効を行うと、選択された利用者はワンタイムパスワードが利用できなくなります。トークンの利用開始登録は、次回ログイン時に実施可能です。",
            StatusAction::TransactionUnlock => "利用停止を解除した利用者は、再びトランザクション認証を利用できるようになります。",
            StatusAction::TransactionRevoke => "トークン失効を行うと、選択された利用者はトランザクション認証が利用できなくなります。トークンの利用開始登録は、次回ログイン時に実施可能です。",
            StatusAction::RiskBasedUnlock => "利用停止を解除した利用者は、再び追加認証（リスクベース認証）を利用できるようになります。",
            StatusAction::RiskBasedReset => "回答をリセットすると、選択された利用者は次回ログイン時に追加認証（リスクベース認証）の質問と回答を再登録します。",
        }
    }

    /// The result screen's sentence.
    pub fn done_message(self) -> String {
        format!("以下の利用者の{}が完了しました。", self.operation())
    }
}

/// A screen of 作業内容選択: 利用者停止・解除 offers two actions on one list, every other
/// task one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusTask {
    StopResume,
    OneTimePasswordUnlock,
    OneTimePasswordRevoke,
    TransactionUnlock,
    TransactionRevoke,
    RiskBasedUnlock,
    RiskBasedReset,
}

impl StatusTask {
    pub const ALL: [StatusTask; 7] = [
        StatusTask::StopResume,
        StatusTask::OneTimePasswordUnlock,
        StatusTask::OneTimePasswordRevoke,
        StatusTask::TransactionUnlock,
        StatusTask::TransactionRevoke,
        StatusTask::RiskBasedUnlock,
        StatusTask::RiskBasedReset,
    ];

    /// The URL segment of the task's screens.
    pub fn slug(self) -> &'static str {
        match self {
            StatusTask::StopResume => "service",
            other => other.actions()[0].slug(),
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.slug() == slug)
    }

    /// The task's name (作業内容選択's button, the list screen's title).
    pub fn title(self) -> &'static str {
        match self {
            StatusTask::StopResume => "利用者停止・解除",
            StatusTask::OneTimePasswordUnlock => "ワンタイムパスワードの利用停止解除",
            StatusTask::OneTimePasswordRevoke => "ワンタイムパスワードのトークン失効",
            StatusTask::TransactionUnlock => "トランザクション認証の利用停止解除",
            StatusTask::TransactionRevoke => "トランザクション認証のトークン失効",
            StatusTask::RiskBasedUnlock => "追加認証（リスクベース認証）の利用停止解除",
            StatusTask::RiskBasedReset => "追加認証（リスクベース認証）の回答リセット",
        }
    }

    /// The actions offered on the list, in button order.
    pub fn actions(self) -> &'static [StatusAction] {
        match self {
            StatusTask::StopResume => &[StatusAction::Stop, StatusAction::Resume],
            StatusTask::OneTimePasswordUnlock => &[StatusAction::OneTimePasswordUnlock],
            StatusTask::OneTimePasswordRevoke => &[StatusAction::OneTimePasswordRevoke],
            StatusTask::TransactionUnlock => &[StatusAction::TransactionUnlock],
            StatusTask::TransactionRevoke => &[StatusAction::TransactionRevoke],
            StatusTask::RiskBasedUnlock => &[StatusAction::RiskBasedUnlock],
            StatusTask::RiskBasedReset => &[StatusAction::RiskBasedReset],
        }
    }

    /// The task an action belongs to.
    pub fn of(action: StatusAction) -> Self {
        Self::ALL
            .into_iter()
            .find(|t| t.actions().contains(&action))
            .unwrap_or(StatusTask::StopResume)
    }

    /// The screen IDs of the list, the confirmation and the result. BRSK016 is the
    /// manual's; the others are ours (the manuals show none).
    pub fn screen_ids(self) -> [&'static str; 3] {
        match self {
            StatusTask::StopResume => ["BRSK016", "BRSK017", "BRSK024"],
            StatusTask::OneTimePasswordUnlock => ["BRSK031", "BRSK032", "BRSK033"],
            StatusTask::OneTimePasswordRevoke => ["BRSK034", "BRSK035", "BRSK036"],
            StatusTask::TransactionUnlock => ["BRSK041", "BRSK042", "BRSK043"],
            StatusTask::TransactionRevoke => ["BRSK044", "BRSK045", "BRSK046"],
            StatusTask::RiskBasedUnlock => ["BRSK051", "BRSK052", "BRSK053"],
            StatusTask::RiskBasedReset => ["BRSK054", "BRSK055", "BRSK056"],
        }
    }

    /// The authentication whose state the list shows beside サービス状態.
    pub fn authentication(self) -> Option<Authentication> {
        self.actions()[0].authentication()
    }
}

/// `POST /api/users/statuses/{action}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusActionRequest {
    /// The selected users (at least one; each one the action applies to).
    pub login_ids: Vec<String>,
    pub confirmation: Confirmation,
}

/// The answer: the users after the action, in the order of the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusActionDone {
    pub action: StatusAction,
    pub users: Vec<UserStatus>,
    pub done_at: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(login_id: &str, role: Role) -> UserStatus {
        UserStatus {
            login_id: login_id.into(),
            name: "佐藤　次郎".into(),
            role,
            service_state: ServiceState::Available,
            confirm_password_locked: false,
            one_time_password: AuthState::Active,
            transaction: AuthState::Suspended,
            risk_based: AuthState::Unregistered,
        }
    }

    #[test]
    fn slugs_round_trip_and_every_action_has_one_task() {
        for a in StatusAction::ALL {
            assert_eq!(StatusAction::from_slug(a.slug()), Some(a));
            assert!(StatusTask::of(a).actions().contains(&a));
        }
        for t in StatusTask::ALL {
            assert_eq!(StatusTask::from_slug(t.slug()), Some(t));
        }
        let ids: std::collections::HashSet<_> = StatusTask::ALL
            .iter()
            .flat_map(|t| t.screen_ids())
            .collect();
        assert_eq!(ids.len(), 21, "screen IDs are unique");
    }

    #[test]
    fn the_operator_cannot_stop_themself_and_only_the_master_acts_on_the_master() {
        let me = user("admin01", Role::Admin);
        assert_eq!(
            StatusAction::Stop.applies(&me, "admin01", Role::Admin),
            Err("ご自身のサービスは停止できません。")
        );
        let other = user("user01", Role::General);
        assert_eq!(
            StatusAction::Stop.applies(&other, "admin01", Role::Admin),
            Ok(())
        );
        let master = user("master01", Role::Master);
        assert!(StatusAction::Stop
            .applies(&master, "admin01", Role::Admin)
            .is_err());
        assert!(StatusAction::OneTimePasswordRevoke
            .applies(&master, "admin01", Role::Admin)
            .is_err());
        assert_eq!(
            StatusAction::OneTimePasswordRevoke.applies(&master, "master01", Role::Master),
            Ok(())
        );
        assert!(StatusAction::Stop
            .applies(&master, "master01", Role::Master)
            .is_err());
    }

    #[test]
    fn stop_and_resume_follow_the_service_state() {
        let mut u = user("user01", Role::General);
        assert!(StatusAction::Resume
            .applies(&u, "admin01", Role::Admin)
            .is_err());
        let stopped = StatusAction::Stop.apply(&u);
        assert_eq!(stopped.service_state, ServiceState::Stopped);
        assert!(StatusAction::Stop
            .applies(&stopped, "admin01", Role::Admin)
            .is_err());
        assert_eq!(
            StatusAction::Resume.applies(&stopped, "admin01", Role::Admin),
            Ok(())
        );
        assert_eq!(
            StatusAction::Resume.apply(&stopped).service_state,
            ServiceState::Available
        );
        // A lock (login or 確認用パスワード) is lifted by 解除 too; a locked user may be
        // stopped (a stop outranks a lock in サービス状態).
        u.service_state = ServiceState::Locked;
        assert_eq!(
            StatusAction::Resume.applies(&u, "admin01", Role::Admin),
            Ok(())
        );
        assert_eq!(
            StatusAction::Stop.applies(&u, "admin01", Role::Admin),
            Ok(())
        );
        u.service_state = ServiceState::Available;
        u.confirm_password_locked = true;
        assert_eq!(u.service_label(), "利用可能（確認用パスワードロック中）");
        assert_eq!(
            StatusAction::Resume.applies(&u, "admin01", Role::Admin),
            Ok(())
        );
        assert!(!StatusAction::Resume.apply(&u).confirm_password_locked);
    }

    #[test]
    fn authentication_actions_apply_only_in_their_state() {
        let u = user("user01", Role::General);
        // OTP 利用中: revocable, not unlockable.
        assert!(StatusAction::OneTimePasswordUnlock
            .applies(&u, "a", Role::Admin)
            .is_err());
        assert_eq!(
            StatusAction::OneTimePasswordRevoke.applies(&u, "a", Role::Admin),
            Ok(())
        );
        assert_eq!(
            StatusAction::OneTimePasswordRevoke
                .apply(&u)
                .one_time_password,
            AuthState::Unregistered
        );
        // Transaction 利用停止中: both.
        assert_eq!(
            StatusAction::TransactionUnlock.applies(&u, "a", Role::Admin),
            Ok(())
        );
        assert_eq!(
            StatusAction::TransactionUnlock.apply(&u).transaction,
            AuthState::Active
        );
        assert_eq!(
            StatusAction::TransactionRevoke.applies(&u, "a", Role::Admin),
            Ok(())
        );
        // Risk-based 未登録: nothing to reset or unlock.
        assert!(StatusAction::RiskBasedReset
            .applies(&u, "a", Role::Admin)
            .is_err());
        assert!(StatusAction::RiskBasedUnlock
            .applies(&u, "a", Role::Admin)
            .is_err());
        // An action changes only its own authentication.
        let after = StatusAction::TransactionRevoke.apply(&u);
        assert_eq!(after.one_time_password, u.one_time_password);
        assert_eq!(after.risk_based, u.risk_based);
        assert_eq!(after.service_state, u.service_state);
    }

    #[test]
    fn an_action_never_applies_twice() {
        let states = [
            AuthState::Unregistered,
            AuthState::Active,
            AuthState::Suspended,
        ];
        let services = [
            ServiceState::Available,
            ServiceState::Stopped,
            ServiceState::Locked,
        ];
        for s in services {
            for o in states {
                for t in states {
                    for r in states {
                        for locked in [false, true] {
                            let u = UserStatus {
                                service_state: s,
                                confirm_password_locked: locked,
                                one_time_password: o,
                                transaction: t,
                                risk_based: r,
                                ..user("user01", Role::General)
                            };
                            for a in StatusAction::ALL {
                                if a.applies(&u, "admin01", Role::Admin).is_ok() {
                                    let after = a.apply(&u);
                                    assert_ne!(after, u, "{a:?} changes something");
                                    assert!(
                                        a.applies(&after, "admin01", Role::Admin).is_err(),
                                        "{a:?} applied twice to {u:?}"
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn operations_are_worded_as_in_the_manual() {
        assert_eq!(StatusAction::Stop.operation(), "利用者停止");
        assert_eq!(
            StatusAction::OneTimePasswordRevoke.operation(),
            "ワンタイムパスワードのトークン失効"
        );
        assert_eq!(
            StatusAction::RiskBasedReset.done_message(),
            "以下の利用者の追加認証（リスクベース認証）の回答リセットが完了しました。"
        );
    }

    #[test]
    fn json_uses_snake_case() {
        let json = serde_json::to_value(user("user01", Role::General)).unwrap();
        assert_eq!(json["one_time_password"], "active");
        assert_eq!(json["transaction"], "suspended");
        assert_eq!(
            serde_json::to_value(StatusAction::RiskBasedReset).unwrap(),
            "risk_based_reset"
        );
    }
}
