//! 手数料情報 (manual 001 "手数料情報の変更"): 先方負担手数料[振込振替] [BKGK011–014],
//! 先方負担手数料[総合振込] [BKGK021–024] and 当方負担手数料[総合振込] [BKGK031–034], each
//! with 照会, 変更 (input) → 確認 → 結果. Every page reads the table from the `:table`
//! route parameter (an unknown one shows a not-found notice).
//!
//! [`FeeState`] keeps the change being entered and the last result in memory only; it is
//! emptied when the user logs out, and a reload loses it (the pages then say so). The
//! rules and the editing live in [`crate::features::company::fees::logic`].

pub mod confirm;
pub mod done;
pub mod edit;
pub mod logic;
pub mod view;

pub use confirm::FeeConfirmPage;
pub use done::FeeDonePage;
pub use edit::FeeEditPage;
pub use view::FeeViewPage;

use crate::features::company::fees::logic::{FeeDraft, FeeStep, STEPS};
use crate::kernel::help;
use crate::kernel::paths;
use crate::ui::notice::{Notice, Tone};
use crate::ui::step_indicator::StepIndicator;
use crate::ui::title_bar::TitleBar;
use kanri_contract::fees::{FeeTable, FeesChanged};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The state of 手数料情報の変更, provided by [`crate::shell::app::App`].
#[derive(Clone, Copy)]
pub struct FeeState {
    /// The change being entered (of one table).
    pub draft: RwSignal<Option<FeeDraft>>,
    /// The last change ([`FeeStep::Done`]).
    pub outcome: RwSignal<Option<FeesChanged>>,
}

impl FeeState {
    pub fn new() -> Self {
        Self {
            draft: RwSignal::new(None),
            outcome: RwSignal::new(None),
        }
    }

    /// Forget everything (logout, session end).
    pub fn reset(&self) {
        self.draft.set(None);
        self.outcome.set(None);
    }
}

impl Default for FeeState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_fees() -> FeeState {
    expect_context::<FeeState>()
}

/// The table of the URL (`None`: not a table). A memo, so a page re-renders when the
/// browser moves between two tables' screens (same route, other parameter).
pub fn use_table() -> Memo<Option<FeeTable>> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .with(|p| p.get("table"))
            .and_then(|slug| FeeTable::from_slug(&slug))
    })
}

/// The frame of every fee screen: the permission gate, title bar (and step indicator
/// within the change), and `body` for the table of the URL; an unknown table gets the
/// not-found notice.
pub fn fee_page<V: IntoView + 'static>(step: FeeStep, body: fn(FeeTable) -> V) -> impl IntoView {
    let table = use_table();
    view! {
        {move || match table.get() {
            None => view! { <UnknownTable /> }.into_any(),
            Some(t) => view! {
                <TitleBar screen=logic::fee_screen(t, step) />
                {step.index().map(|i| view! { <StepIndicator steps=STEPS current=i /> })}
                {body(t)}
            }
                .into_any(),
        }}
    }
}

/// A fee URL with a table that does not exist.
#[component]
fn UnknownTable() -> impl IntoView {
    view! {
        <TitleBar screen=help::NOT_FOUND />
        <Notice tone=Tone::Error heading="ページが見つかりません">
            <p>"指定された手数料情報はありません。URLに誤りがないかご確認ください。"</p>
        </Notice>
        <div class="btn-row">
            <A href=paths::COMPANY_TASKS attr:class="btn">"作業内容選択へ"</A>
        </div>
    }
}
