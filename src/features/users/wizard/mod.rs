//! The 利用者登録 / 利用者変更 wizard: one route per step. [`WizardStep`] decides what a
//! step URL may show (the form, a redirect to the first step still invalid, or the
//! notice that the entry was not kept); each step page keeps its inputs in page signals
//! that are written back to the in-memory draft as the user types, so 「戻る」, the
//! browser's back button and the 「変更」 links of 確認 keep everything.

pub mod accounts;
pub mod basics;
pub mod confirm;
pub mod done;
pub mod logic;
pub mod rights;

use super::{step_path, use_users, UsersState};
use crate::api::use_api;
use crate::features::users::wizard::logic::{screen, Draft, Step, WizardMode};
use crate::kernel::paths;
use crate::ui::failure::LoadError;
use crate::ui::notice::{Loading, Notice, Tone};
use crate::ui::step_indicator::StepIndicator;
use crate::ui::title_bar::TitleBar;
use kanri_contract::api::FieldError;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use std::collections::HashSet;

/// 利用者登録's entry URL ([`paths::USER_NEW`], linked from other screens such as
/// ホーム's 「最近の操作」): starts a fresh draft, as 「新規登録」 does, and moves on to
/// 基本情報 in place of this URL.
#[component]
pub fn UserNewStartPage() -> impl IntoView {
    let users = use_users();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let mode = WizardMode::Register;
        let to = step_path(&mode, Step::Basics);
        users.begin(mode);
        navigate(
            &to,
            leptos_router::NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
    view! { <Loading /> }
}

/// The mode of the current URL: a change when it carries `:login_id`. A memo, so a
/// page re-renders when the browser moves between the change wizards of two users
/// (same route, other parameter).
pub fn use_mode(change: bool) -> Memo<WizardMode> {
    let params = use_params_map();
    Memo::new(move |_| {
        if change {
            let login_id = params.with(|p| p.get("login_id")).unwrap_or_default();
            WizardMode::Change { login_id }
        } else {
            WizardMode::Register
        }
    })
}

/// What a step URL shows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Gate {
    Ready,
    /// An earlier step is not valid yet.
    Redirect(Step),
    /// Step 1 opened by 「新規登録」/「変更」: load what the form needs.
    Start,
    /// No draft: reloaded or typed in.
    NotKept,
}

/// The frame of every input step: title, step indicator, and the gate in front of the
/// step's form (`children`, rendered once the draft is there).
#[component]
pub fn WizardStep(
    /// Registration or change.
    mode: WizardMode,
    /// This step.
    step: Step,
    /// The step's form.
    children: ChildrenFn,
) -> impl IntoView {
    let users = use_users();
    let gate = {
        let mode = mode.clone();
        Memo::new(move |_| {
            let from_draft = users.draft.with(|d| {
                d.as_ref()
                    .filter(|d| d.mode == mode)
                    .map(|d| d.may_open(step))
            });
            match from_draft {
                Some(Ok(())) => Gate::Ready,
                Some(Err(s)) => Gate::Redirect(s),
                None if step == Step::Basics && users.start.with(|s| s.as_ref() == Some(&mode)) => {
                    Gate::Start
                }
                None => Gate::NotKept,
            }
        })
    };
    let labels = Step::labels(&mode);
    let title = screen(&mode, step);
    let body = move || match gate.get() {
        Gate::Ready => children().into_any(),
        Gate::Redirect(s) => {
            // 内容確認 after a session end: 基本情報 opens with the passwords to enter again.
            if s == Step::Basics {
                users.draft.update_untracked(|d| {
                    if let Some(d) = d {
                        let again = d.passwords_to_enter_again();
                        if !again.is_empty() {
                            d.returned = again;
                        }
                    }
                });
            }
            view! { <Redirect path=step_path(&mode, s) /> }.into_any()
        }
        Gate::Start => view! { <StartDraft mode=mode.clone() /> }.into_any(),
        Gate::NotKept => view! { <NotKept mode=mode.clone() /> }.into_any(),
    };
    view! {
        <TitleBar screen=title />
        <StepIndicator steps=labels current=step.index() />
        {body.clone()}
    }
}

/// Loads the company context (and, for a change, the user) and starts the draft.
#[component]
fn StartDraft(
    /// Registration or change.
    mode: WizardMode,
) -> impl IntoView {
    let api = use_api();
    let users = use_users();
    let load_mode = mode.clone();
    let loaded = LocalResource::new(move || {
        let mode = load_mode.clone();
        async move {
            let ctx = api.user_form_context().await?;
            Ok::<_, crate::api::ApiError>(match mode {
                WizardMode::Register => Draft::register(ctx),
                WizardMode::Change { login_id } => {
                    let user = api.user(&login_id).await?;
                    Draft::change(ctx, user)
                }
            })
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(draft)) = loaded.get() {
            users.start.set(None);
            users.draft.set(Some(draft));
        }
    });
    move || match loaded.get() {
        None | Some(Ok(_)) => view! { <Loading /> }.into_any(),
        Some(Err(e)) => view! {
            <LoadError
                what="画面"
                error=e
                retry=Callback::new(move |()| loaded.refetch())
                back_href=paths::USER_LIST
                back_label="利用者一覧へ"
            />
        }
        .into_any(),
    }
}

/// The entry was lost (reload, or a step URL typed in): say so, offer a fresh start.
#[component]
fn NotKept(
    /// Registration or change.
    mode: WizardMode,
) -> impl IntoView {
    let users = use_users();
    let navigate = use_navigate();
    let what = match &mode {
        WizardMode::Register => "利用者登録",
        WizardMode::Change { .. } => "利用者変更",
    };
    let restart = move |_| {
        users.begin(mode.clone());
        navigate(&step_path(&mode, Step::Basics), Default::default());
    };
    view! {
        <Notice tone=Tone::Warning heading="入力内容は保持されていません">
            <p>
                {format!("画面の再読み込みなどにより、{what}の入力内容は破棄されました。お客様の安全のため、パスワードを含む入力内容はブラウザに保存していません。お手数ですが、最初から入力してください。")}
            </p>
        </Notice>
        <div class="btn-row">
            <button type="button" class="btn" on:click=restart>
                "最初から入力する"
            </button>
            <a href=paths::USER_LIST class="btn btn-secondary">
                "利用者一覧へ"
            </a>
        </div>
    }
}

/// Per-step error handling shared by the input steps: live validation of the fields
/// the user has left, all errors on 「次へ」, and errors the backend sent back.
///
/// The inline errors follow the fields live; the error summary lists the errors of the
/// last 「次へ」 only (it takes focus when it changes, which must not happen each time
/// the user leaves a field).
#[derive(Clone, Copy)]
pub struct StepErrors {
    /// The inline errors.
    pub errors: RwSignal<Vec<FieldError>>,
    /// The summary's errors.
    shown: RwSignal<Vec<FieldError>>,
    /// Errors from the backend the rules cannot see (a login ID taken meanwhile): kept
    /// until the user leaves that field again.
    returned: RwSignal<Vec<FieldError>>,
    touched: RwSignal<HashSet<String>>,
    step: Step,
    users: UsersState,
}

impl StepErrors {
    /// The errors of `step`, starting with those the backend returned for it.
    pub fn new(step: Step) -> Self {
        let users = use_users();
        let mut mine = Vec::new();
        users.draft.update_untracked(|d| {
            if let Some(d) = d {
                mine = d.take_returned(step);
            }
        });
        // Errors the rules themselves find (e.g. the passwords to enter again after a
        // session end) clear as the field is corrected; only the backend's own stay
        // until their field is left.
        let rules = users
            .draft
            .with_untracked(|d| d.as_ref().map(|d| d.step_errors(step)))
            .unwrap_or_default();
        let backend_only: Vec<FieldError> = mine
            .iter()
            .filter(|e| !rules.contains(e))
            .cloned()
            .collect();
        Self {
            touched: RwSignal::new(mine.iter().map(|e| e.field.clone()).collect()),
            errors: RwSignal::new(mine.clone()),
            shown: RwSignal::new(mine),
            returned: RwSignal::new(backend_only),
            step,
            users,
        }
    }

    fn rule_errors(&self) -> Vec<FieldError> {
        self.users
            .draft
            .with_untracked(|d| d.as_ref().map(|d| d.step_errors(self.step)))
            .unwrap_or_default()
    }

    /// The step's errors now, for the fields already left, plus the backend's.
    pub fn revalidate(&self) {
        let t = self.touched.get_untracked();
        let rules: Vec<FieldError> = self
            .rule_errors()
            .into_iter()
            .filter(|e| t.contains(&e.field))
            .collect();
        self.errors
            .set(merge(rules, &self.returned.get_untracked()));
    }

    /// Mark `field` as left (dropping the backend's error on it), then revalidate.
    pub fn left(&self, field: &str) {
        self.touched.update(|t| {
            t.insert(field.to_owned());
        });
        self.returned.update(|r| r.retain(|e| e.field != field));
        self.revalidate();
    }

    /// A callback for `TextField::on_blur`.
    pub fn on_blur(self, field: &'static str) -> Callback<()> {
        Callback::new(move |_| self.left(field))
    }

    /// All errors of the step (「次へ」), shown in the summary too; true when none.
    pub fn check_all(&self) -> bool {
        let all = merge(self.rule_errors(), &self.returned.get_untracked());
        self.touched
            .update(|t| t.extend(all.iter().map(|e| e.field.clone())));
        let ok = all.is_empty();
        self.errors.set(all.clone());
        self.shown.set(all);
        ok
    }

    /// The error of `field`, for its input.
    pub fn of(self, field: String) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || {
            errors
                .read()
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    }

    /// The error summary's items (links go to `dom_id(field)`).
    pub fn summary(self) -> Signal<Vec<crate::ui::form::SummaryItem>> {
        crate::ui::form::field_summary(self.shown)
    }
}

/// The rules' errors plus the backend's on fields the rules found nothing wrong with.
fn merge(rules: Vec<FieldError>, returned: &[FieldError]) -> Vec<FieldError> {
    let extra: Vec<FieldError> = returned
        .iter()
        .filter(|r| !rules.iter().any(|e| e.field == r.field))
        .cloned()
        .collect();
    extra.into_iter().chain(rules).collect()
}

/// The DOM id of a field path (`user.login_id` → `user-login_id`).
pub use crate::kernel::password_form::dom_id;

/// Whether the step was opened by a 「変更」 link of 確認 (`?from=confirm`).
pub fn use_from_confirm() -> bool {
    use_query_map().with_untracked(|q| q.get("from").as_deref() == Some("confirm"))
}

/// 「次へ」: back to 確認 when the user came from there and all is valid, else the next
/// step.
pub fn after_next(users: UsersState, mode: &WizardMode, step: Step, from_confirm: bool) -> String {
    let ready = users.draft.with_untracked(|d| {
        d.as_ref()
            .is_some_and(|d| d.may_open(Step::Confirm).is_ok())
    });
    let next = if from_confirm && ready {
        Step::Confirm
    } else {
        step.next().unwrap_or(Step::Confirm)
    };
    step_path(mode, next)
}

/// 「戻る」: the previous step (step 1 goes back to the list).
pub fn back_path(mode: &WizardMode, step: Step) -> String {
    match step.prev() {
        Some(prev) => step_path(mode, prev),
        None => paths::USER_LIST.to_owned(),
    }
}

/// Apply `f` to the draft (if any).
pub fn edit_draft(users: UsersState, f: impl FnOnce(&mut Draft)) {
    users.draft.update(|d| {
        if let Some(d) = d {
            f(d);
        }
    });
}
