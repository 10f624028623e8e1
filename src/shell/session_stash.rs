//! What survives a session that ended by itself (idle limit, or the backend's 401) until
//! the next login in this tab, and the rules of that:
//!
//! - kept: whose it was (company and login ID), the screen they were on, and the drafts
//!   of the flows (利用者登録・変更, 企業情報変更, 手数料の変更, 利用者停止・解除 …) with
//!   every password emptied; fetched data (lists, results) is not kept;
//! - the same user logs in again: the drafts come back and the app returns to that
//!   screen (the passwords must be entered again);
//! - another user logs in: it is dropped and the app opens ホーム, whatever `next` says;
//! - 「ログアウト」 drops it.
//!
//! It is a Rust value in memory only (a context of the app), never in web storage: a
//! reload or closing the tab loses it.

use crate::features::company::fees::logic::FeeDraft;
use crate::features::company::CompanyDraft;
use crate::features::users::status::logic::{Chosen, Selection};
use crate::features::users::step_path;
use crate::features::users::wizard::logic::{Draft, Step, WizardMode};
use crate::kernel::stash::{Destination, Owner};
use kanri_contract::user_status::StatusTask;

/// What was being entered in the flows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drafts {
    /// 利用者登録・変更 (the draft of the wizard).
    pub user: Option<Draft>,
    /// 「新規登録」/「変更」 pressed, the draft not loaded yet.
    pub user_start: Option<WizardMode>,
    /// 企業情報変更.
    pub company: Option<CompanyDraft>,
    /// 手数料の変更.
    pub fee: Option<FeeDraft>,
    /// The selection on a list of 利用者停止・解除 (or another status task).
    pub status_selection: Option<(StatusTask, Selection)>,
    /// The action chosen on that list (its confirmation's data).
    pub status_chosen: Option<Chosen>,
}

impl Drafts {
    /// Empty every password the drafts hold; whether there was one. (The
    /// confirmations' 確認用パスワード of the operator lives in the page, never in a
    /// draft.)
    fn scrub_passwords(&mut self) -> bool {
        let Some(d) = &mut self.user else {
            return false;
        };
        let b = &d.basics;
        let had = [
            &b.login_password,
            &b.login_password_again,
            &b.confirm_password,
            &b.confirm_password_again,
        ]
        .iter()
        .any(|p| !p.is_empty());
        d.clear_passwords();
        // A registration always needs them; a change only when 「変更する」 was checked.
        d.passwords_to_reenter = d.mode == WizardMode::Register
            || d.basics.change_login_password
            || d.basics.change_confirm_password;
        had
    }
}

/// The stash of one session.
#[derive(Debug, Clone, PartialEq)]
struct Stash {
    owner: Owner,
    path: String,
    drafts: Drafts,
    passwords_dropped: bool,
}

/// What a login takes from the stash.
#[derive(Debug, Clone, PartialEq)]
pub struct Takeover {
    pub to: Destination,
    /// The drafts to restore (empty unless the same user).
    pub drafts: Drafts,
    /// Passwords typed before were emptied: the restored screens ask for them again.
    pub passwords_dropped: bool,
}

/// The one stash of this tab (at most one session ended by itself before the next
/// login).
#[derive(Debug, Default)]
pub struct StashSlot(Option<Stash>);

impl StashSlot {
    /// Keep what `owner` was doing on `path` (passwords emptied), replacing any older
    /// stash.
    pub fn keep(&mut self, owner: Owner, path: &str, mut drafts: Drafts) {
        let passwords_dropped = drafts.scrub_passwords();
        let path = resume_path(path, &drafts);
        self.0 = Some(Stash {
            owner,
            path,
            drafts,
            passwords_dropped,
        });
    }

    /// Drop it (「ログアウト」).
    pub fn clear(&mut self) {
        self.0 = None;
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// `who` logged in: the stash is emptied in any case; its drafts come back only to
    /// the same user.
    pub fn take_for(&mut self, who: &Owner) -> Takeover {
        let nothing = |to| Takeover {
            to,
            drafts: Drafts::default(),
            passwords_dropped: false,
        };
        match self.0.take() {
            Some(s) if s.owner == *who => Takeover {
                to: Destination::Resume(s.path),
                drafts: s.drafts,
                passwords_dropped: s.passwords_dropped,
            },
            Some(_) => nothing(Destination::Home),
            None => nothing(Destination::AsAsked),
        }
    }
}

/// The screen to come back to: `path`, except a step of the 利用者登録・変更 wizard the
/// draft may no longer open (内容確認 needs the emptied passwords): then the first step
/// to fill in again (基本情報).
fn resume_path(path: &str, drafts: &Drafts) -> String {
    let Some(d) = &drafts.user else {
        return path.to_owned();
    };
    let bare = path.split('?').next().unwrap_or_default();
    let step = Step::ALL
        .into_iter()
        .find(|s| step_path(&d.mode, *s) == bare);
    match step.map(|s| d.may_open(s)) {
        Some(Err(first)) => step_path(&d.mode, first),
        _ => path.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::users::wizard::logic::Basics;
    use crate::kernel::paths;
    use kanri_contract::users::UserFormContext;

    const SECRETS: [&str; 4] = ["Login123", "Login123x", "Confirm9", "Confirm9x"];

    fn owner(login_id: &str) -> Owner {
        Owner {
            company: "株式会社みなと精機".into(),
            login_id: login_id.into(),
        }
    }

    fn draft_with_passwords() -> Draft {
        let mut d = Draft::register(UserFormContext {
            services: Vec::new(),
            accounts: Vec::new(),
            company_limits: Vec::new(),
            one_time_password: false,
        });
        d.basics = Basics {
            login_id: "newuser1".into(),
            login_id_again: "newuser1".into(),
            login_password: SECRETS[0].into(),
            login_password_again: SECRETS[1].into(),
            confirm_password: SECRETS[2].into(),
            confirm_password_again: SECRETS[3].into(),
            name: "新規　利用者".into(),
            email: "new@example.co.jp".into(),
            email_again: "new@example.co.jp".into(),
            ..d.basics
        };
        d.accounts.insert(1);
        d
    }

    fn drafts() -> Drafts {
        Drafts {
            user: Some(draft_with_passwords()),
            user_start: None,
            status_selection: Some((StatusTask::StopResume, Selection::default())),
            ..Drafts::default()
        }
    }

    #[test]
    fn the_same_user_gets_the_drafts_and_the_screen_back_once() {
        let mut slot = StashSlot::default();
        slot.keep(owner("master01"), "/admin/users/new/rights", drafts());
        assert!(!slot.is_empty());
        let t = slot.take_for(&owner("master01"));
        // The registration's passwords were emptied: the same step opens; 内容確認 will
        // ask for them on 基本情報.
        assert_eq!(t.to, Destination::Resume("/admin/users/new/rights".into()));
        assert_eq!(t.to.path(Some("/admin/company")), "/admin/users/new/rights");
        assert!(t.passwords_dropped);
        let user = t.drafts.user.expect("the wizard's draft");
        assert_eq!(user.basics.name, "新規　利用者");
        assert!(user.accounts.contains(&1));
        assert!(t.drafts.status_selection.is_some());
        // Taken: a second login finds nothing.
        assert!(slot.is_empty());
        assert_eq!(slot.take_for(&owner("master01")).to, Destination::AsAsked);
    }

    #[test]
    fn a_step_without_passwords_to_enter_again_is_resumed_as_it_was() {
        let mut d = draft_with_passwords();
        d.mode = WizardMode::Change {
            login_id: "newuser1".into(),
        };
        d.basics.change_login_password = false;
        d.basics.change_confirm_password = false;
        d.clear_passwords();
        let path = "/admin/users/u/newuser1/edit/rights?from=confirm";
        let mut slot = StashSlot::default();
        let drafts = Drafts {
            user: Some(d),
            ..Drafts::default()
        };
        slot.keep(owner("master01"), path, drafts);
        let t = slot.take_for(&owner("master01"));
        assert_eq!(t.to, Destination::Resume(path.into()));
        assert!(!t.passwords_dropped);
        // Any other screen is resumed as it was.
        slot.keep(
            owner("master01"),
            "/admin/company/info/edit",
            Drafts::default(),
        );
        assert_eq!(
            slot.take_for(&owner("master01")).to,
            Destination::Resume("/admin/company/info/edit".into())
        );
    }

    #[test]
    fn no_password_survives_the_stash() {
        let mut slot = StashSlot::default();
        slot.keep(owner("master01"), "/admin/users/new/basic", drafts());
        // Nothing in the stash, in any field, spells a password.
        let dump = format!("{slot:?}");
        for secret in SECRETS {
            assert!(!dump.contains(secret), "{secret} kept");
        }
        let b = slot
            .take_for(&owner("master01"))
            .drafts
            .user
            .expect("draft")
            .basics;
        assert!(b.login_password.is_empty() && b.login_password_again.is_empty());
        assert!(b.confirm_password.is_empty() && b.confirm_password_again.is_empty());
        // The choice to set them stays: they are required again.
        assert!(b.change_login_password && b.change_confirm_password);
        assert_eq!(b.login_id, "newuser1");
    }

    #[test]
    fn another_user_gets_nothing_and_goes_home_whatever_next_says() {
        let mut slot = StashSlot::default();
        slot.keep(owner("master01"), "/admin/users/new/rights", drafts());
        let t = slot.take_for(&owner("admin01"));
        assert_eq!(t.to, Destination::Home);
        assert_eq!(t.to.path(Some("/admin/users/new/rights")), paths::HOME);
        assert_eq!(t.drafts, Drafts::default());
        assert!(!t.passwords_dropped);
        // And the first user, logging in after, gets nothing either.
        assert_eq!(slot.take_for(&owner("master01")).to, Destination::AsAsked);
    }

    #[test]
    fn the_same_login_id_of_another_company_is_another_user() {
        let mut slot = StashSlot::default();
        slot.keep(owner("master01"), "/home", drafts());
        let other = Owner {
            company: "他社株式会社".into(),
            login_id: "master01".into(),
        };
        assert_eq!(slot.take_for(&other).to, Destination::Home);
    }

    #[test]
    fn logout_drops_it() {
        let mut slot = StashSlot::default();
        slot.keep(owner("master01"), "/admin/company/info/edit", drafts());
        slot.clear();
        let t = slot.take_for(&owner("master01"));
        assert_eq!(t.to, Destination::AsAsked);
        assert_eq!(t.drafts, Drafts::default());
    }

    #[test]
    fn without_a_stash_next_is_followed_if_it_is_ours() {
        assert_eq!(
            Destination::AsAsked.path(Some("/admin/users")),
            "/admin/users"
        );
        assert_eq!(
            Destination::AsAsked.path(Some("https://evil.example")),
            paths::HOME
        );
        assert_eq!(Destination::AsAsked.path(None), paths::HOME);
        assert_eq!(Destination::Resume("//evil".into()).path(None), paths::HOME);
    }
}
