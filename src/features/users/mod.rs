//! 利用者管理 screens: 利用者一覧 [BRSK005], the 登録 / 変更 wizard [BRSK006–BRSK015,
//! BRSK021], 照会 [BRSK011], 削除 [BRSK022–BRSK023], 証明書失効 [BRSK018–BRSK020], and
//! 利用者停止・解除 with the additional authentications' tasks ([`status`]).
//!
//! [`UsersState`] holds the wizard's draft and the last results in memory only; it is
//! emptied when the user logs out, and a reload loses it (the pages then say so).

pub mod certificates;
pub mod delete;
pub mod detail;
pub mod list;
pub mod logic;
pub mod password;
pub mod sort_control;
pub mod status;
pub mod tasks;
pub mod view;
pub mod wizard;

use crate::features::users::wizard::logic::{Draft, WizardMode};
use crate::kernel::paths;
use kanri_contract::users::{
    CertificateRevoked, UserChanged, UserDeleted, UserFormContext, UserRegistered,
};
use leptos::prelude::*;

/// A finished operation, kept for its result screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Registered(Box<UserRegistered>),
    Changed(Box<UserChanged>),
    Deleted(Box<UserDeleted>),
    /// 証明書失効 [BRSK020].
    CertificateRevoked(Box<CertificateRevoked>),
}

/// The state of 利用者管理, provided by [`crate::shell::app::App`].
#[derive(Clone, Copy)]
pub struct UsersState {
    /// The registration or change being entered.
    pub draft: RwSignal<Option<Draft>>,
    /// Set by 「新規登録」/「変更」 just before opening step 1: a step 1 without a draft
    /// and without this was reloaded or typed in.
    pub start: RwSignal<Option<WizardMode>>,
    /// The last finished operation and the company context to show it with.
    pub outcome: RwSignal<Option<(Outcome, UserFormContext)>>,
}

impl UsersState {
    pub fn new() -> Self {
        Self {
            draft: RwSignal::new(None),
            start: RwSignal::new(None),
            outcome: RwSignal::new(None),
        }
    }

    /// Forget everything (logout, session end).
    pub fn reset(&self) {
        self.draft.set(None);
        self.start.set(None);
        self.outcome.set(None);
    }

    /// Begin a registration or change: the next step-1 screen starts a fresh draft.
    pub fn begin(&self, mode: WizardMode) {
        self.draft.set(None);
        self.start.set(Some(mode));
    }
}

impl Default for UsersState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_users() -> UsersState {
    expect_context::<UsersState>()
}

/// The URL of a wizard step in `mode`.
pub fn step_path(mode: &WizardMode, step: crate::features::users::wizard::logic::Step) -> String {
    match mode {
        WizardMode::Register => paths::user_new(step.slug()),
        WizardMode::Change { login_id } => paths::user_edit(login_id, step.slug()),
    }
}
