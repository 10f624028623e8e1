//! 企業管理 screens: 作業内容選択 [BKGK004], 企業情報照会 [BKGK005], 企業情報変更
//! [BKGK001] → 確認 [BKGK002] → 結果 [BKGK003], and the 手数料 screens ([`fees`]).
//!
//! [`CompanyState`] keeps the change being entered and the last result in memory only;
//! it is emptied when the user logs out, and a reload loses it (the pages then say so).

pub mod confirm;
pub mod done;
pub mod edit;
pub mod fees;
pub mod logic;
pub mod tasks;
pub mod view;

use crate::api::ApiError;
use crate::features::company::logic::CompanyForm;
use crate::kernel::paths;
use crate::ui::failure::LoadError;
use kanri_contract::api::FieldError;
use kanri_contract::company::{CompanyChanged, CompanyContext, CompanyInfo, CompanyView};
use leptos::prelude::*;

/// A change of the company being entered.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyDraft {
    /// The company as loaded (before, context, revision).
    pub view: CompanyView,
    /// What the operator typed.
    pub form: CompanyForm,
    /// The company the form describes, once 「変更」 found no error.
    pub after: Option<CompanyInfo>,
    /// Errors the backend gave on 「実行」 for fields of [BKGK001]: the form shows them
    /// when it opens next, and only then.
    pub returned: Vec<FieldError>,
    /// 「実行」 found the company changed by someone else: the draft was moved onto the
    /// latest data, and [BKGK001] says so when it opens next.
    pub rebased: bool,
}

impl CompanyDraft {
    /// A draft of `form` over the company as loaded.
    pub fn new(view: CompanyView, form: CompanyForm, after: Option<CompanyInfo>) -> Self {
        Self {
            view,
            form,
            after,
            returned: Vec::new(),
            rebased: false,
        }
    }
}

/// The state of 企業情報変更, provided by [`crate::shell::app::App`].
#[derive(Clone, Copy)]
pub struct CompanyState {
    pub draft: RwSignal<Option<CompanyDraft>>,
    /// The last change and the context to show it with ([BKGK003]).
    pub outcome: RwSignal<Option<(CompanyChanged, CompanyContext)>>,
}

impl CompanyState {
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

impl Default for CompanyState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_company() -> CompanyState {
    expect_context::<CompanyState>()
}

/// Why 企業情報 or a fee table could not be shown, with 「再読み込み」 and the way back
/// to 作業内容選択.
#[component]
pub fn CompanyLoadFailure(
    /// The failure.
    error: ApiError,
    /// Loads again.
    retry: Callback<()>,
    /// What could not be shown (「企業情報」, 「手数料情報」).
    #[prop(default = "企業情報")]
    what: &'static str,
) -> impl IntoView {
    view! {
        <LoadError
            what=what
            error=error
            retry=retry
            back_href=paths::COMPANY_TASKS
            back_label="作業内容選択へ"
        />
    }
}
