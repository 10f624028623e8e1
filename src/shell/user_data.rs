//! Everything the flows hold for the logged-in user, and the drafts kept from a session
//! that ended by itself ([`crate::shell::session_stash`]). The shell is the one place
//! that lists the flows; the session screens and the frame reach this through
//! [`SessionDrafts`].

use crate::features::company::fees::FeeState;
use crate::features::company::CompanyState;
use crate::features::users::password::LastPasswordChange;
use crate::features::users::status::StatusState;
use crate::features::users::UsersState;
use crate::kernel::stash::{Destination, Owner};
use crate::shell::session_stash::{Drafts, StashSlot};
use crate::ui::session::SessionDrafts;
use leptos::prelude::*;

/// Everything the flows hold for the logged-in user, and the stash of a session that
/// ended by itself. Held by [`crate::shell::app::App`], which provides each flow's state as
/// its own context and [`SessionDrafts`] over the whole.
#[derive(Clone, Copy)]
pub struct UserData {
    pub users: UsersState,
    pub company: CompanyState,
    pub fees: FeeState,
    pub statuses: StatusState,
    pub last_password_change: LastPasswordChange,
    stash: StoredValue<StashSlot>,
    /// Drafts were given back at this login: `Some(passwords_dropped)` (the frame says
    /// so until the user moves on).
    pub restored: RwSignal<Option<bool>>,
}

impl UserData {
    pub fn new() -> Self {
        Self {
            users: UsersState::new(),
            company: CompanyState::new(),
            fees: FeeState::new(),
            statuses: StatusState::new(),
            last_password_change: LastPasswordChange::default(),
            stash: StoredValue::new(StashSlot::default()),
            restored: RwSignal::new(None),
        }
    }

    /// Empty every flow's state (not the stash).
    pub fn clear(&self) {
        self.users.reset();
        self.company.reset();
        self.fees.reset();
        self.statuses.reset();
        self.last_password_change.0.set(None);
        self.restored.set(None);
    }

    /// The drafts as they stand (read without tracking).
    fn drafts(&self) -> Drafts {
        Drafts {
            user: self.users.draft.get_untracked(),
            user_start: self.users.start.get_untracked(),
            company: self.company.draft.get_untracked(),
            fee: self.fees.draft.get_untracked(),
            status_selection: self.statuses.selection.get_untracked(),
            status_chosen: self.statuses.chosen.get_untracked(),
        }
    }

    fn restore(&self, d: Drafts) {
        self.users.draft.set(d.user);
        self.users.start.set(d.user_start);
        self.company.draft.set(d.company);
        self.fees.draft.set(d.fee);
        self.statuses.selection.set(d.status_selection);
        self.statuses.chosen.set(d.status_chosen);
    }

    /// The session of `owner` ended by itself on `path`: keep its drafts (passwords
    /// emptied) for their next login in this tab. Call before the state is emptied.
    pub fn stash(&self, owner: Owner, path: &str) {
        let drafts = self.drafts();
        self.stash
            .update_value(|slot| slot.keep(owner, path, drafts));
    }

    /// Drop the stash (「ログアウト」).
    pub fn drop_stash(&self) {
        self.stash.update_value(StashSlot::clear);
    }

    /// Whether a stash waits for its user.
    pub fn has_stash(&self) -> bool {
        self.stash.with_value(|s| !s.is_empty())
    }

    /// A session of `owner` begins: empty everything (an answer of the old session may
    /// have arrived meanwhile), give the stash back if it is theirs (else drop it), and
    /// say where to go.
    pub fn begin(&self, owner: &Owner) -> Destination {
        self.clear();
        let Some(t) = self.stash.try_update_value(|slot| slot.take_for(owner)) else {
            return Destination::AsAsked;
        };
        if matches!(t.to, Destination::Resume(_)) {
            self.restore(t.drafts);
            self.restored.set(Some(t.passwords_dropped));
        }
        t.to
    }
}

impl Default for UserData {
    fn default() -> Self {
        Self::new()
    }
}

/// The flows' state as the session screens and the frame see it.
pub fn session_drafts(data: UserData) -> SessionDrafts {
    SessionDrafts {
        begin: Callback::new(move |owner: Owner| data.begin(&owner)),
        keep: Callback::new(move |(owner, path): (Owner, String)| data.stash(owner, &path)),
        has_kept: Callback::new(move |()| data.has_stash()),
        drop_kept: Callback::new(move |()| data.drop_stash()),
        restored: data.restored,
    }
}
