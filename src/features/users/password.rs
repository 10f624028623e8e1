//! パスワード変更 [BRSK002] and its result [BRSK003]; also the forced change at first login.

use crate::api::{submit_with_key, use_api};
use crate::kernel::help;
use crate::kernel::idempotency::SubmitKey;
use crate::kernel::password_form::{dom_id, field, PasswordForm, PasswordSection};
use crate::kernel::paths;
use crate::ui::failure::{Failed, SubmitError};
use crate::ui::form::{CheckboxField, ErrorSummary, FormSection, SummaryItem, TextField};
use crate::ui::notice::{Notice, Tone};
use crate::ui::session::{use_auth, AuthState};
use crate::ui::step_indicator::StepIndicator;
use crate::ui::title_bar::TitleBar;
use kanri_contract::api::{FieldError, PasswordChangeRequest, PasswordChangeResult, PasswordKind};
use kanri_contract::datetime::format_datetime;
use kanri_contract::rules::CREDENTIAL_HINT;
use leptos::prelude::*;
use leptos_router::components::{Redirect, A};
use leptos_router::hooks::use_navigate;
use std::collections::HashSet;

const STEPS: &[&str] = &["パスワードを入力", "変更完了"];

/// The last successful change, for the result screen (memory only).
#[derive(Clone, Copy)]
pub struct LastPasswordChange(pub RwSignal<Option<PasswordChangeResult>>);

impl Default for LastPasswordChange {
    fn default() -> Self {
        Self(RwSignal::new(None))
    }
}

/// The inputs of one section, as signals.
#[derive(Clone, Copy)]
struct SectionInputs {
    kind: PasswordKind,
    change: RwSignal<bool>,
    current: RwSignal<String>,
    new: RwSignal<String>,
    new_again: RwSignal<String>,
}

impl SectionInputs {
    fn new(kind: PasswordKind, change: bool) -> Self {
        Self {
            kind,
            change: RwSignal::new(change),
            current: RwSignal::new(String::new()),
            new: RwSignal::new(String::new()),
            new_again: RwSignal::new(String::new()),
        }
    }

    fn snapshot(&self) -> PasswordSection {
        PasswordSection {
            change: self.change.get_untracked(),
            current: self.current.get_untracked(),
            new: self.new.get_untracked(),
            new_again: self.new_again.get_untracked(),
        }
    }

    fn clear(&self) {
        self.current.set(String::new());
        self.new.set(String::new());
        self.new_again.set(String::new());
    }
}

/// The password change form. At a forced change (first login) the login password part
/// is mandatory and the menus are hidden until it is done.
#[component]
pub fn PasswordChangePage() -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let last = expect_context::<LastPasswordChange>();
    let navigate = use_navigate();
    let forced = auth
        .state
        .with_untracked(|s| matches!(s, AuthState::LoggedIn(s) if s.must_change_password));
    let login_id = StoredValue::new(auth.state.with_untracked(|s| match s {
        AuthState::LoggedIn(s) => s.user.login_id.clone(),
        _ => String::new(),
    }));

    let login = SectionInputs::new(PasswordKind::Login, forced);
    let confirm = SectionInputs::new(PasswordKind::Confirm, false);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // The summary lists the errors of the last submission only: it takes focus when it
    // changes, which must not happen on every field the user leaves.
    let shown = RwSignal::new(Vec::<FieldError>::new());
    let touched = RwSignal::new(HashSet::<String>::new());
    let failure = RwSignal::new(None::<Failed>);
    let submit_key = StoredValue::new(SubmitKey::default());

    let form = move || PasswordForm {
        login: login.snapshot(),
        confirm: confirm.snapshot(),
    };
    // Live validation: the errors of the fields the user has left.
    let revalidate = move || {
        let all = login_id.with_value(|id| form().validate(id, forced));
        let t = touched.get_untracked();
        errors.set(all.into_iter().filter(|e| t.contains(&e.field)).collect());
    };
    let blur = move |f: String| {
        Callback::new(move |_| {
            touched.update(|t| {
                t.insert(f.clone());
            });
            revalidate();
        })
    };

    // The request last sent: 「再試行」 sends it again (the same body, so the same key).
    let sent = StoredValue::new(None::<PasswordChangeRequest>);
    let submit = Action::new_local(move |req: &PasswordChangeRequest| {
        let navigate = navigate.clone();
        let req = req.clone();
        async move {
            let r = &req;
            let result = submit_with_key(submit_key, r, |key| async move {
                api.change_password(r, &key).await
            })
            .await;
            match result {
                Ok(done) => {
                    login.clear();
                    confirm.clear();
                    sent.try_set_value(None);
                    if forced {
                        auth.state.update(|s| {
                            if let AuthState::LoggedIn(s) = s {
                                s.must_change_password = false;
                            }
                        });
                    }
                    last.0.set(Some(done));
                    navigate(paths::PASSWORD_CHANGED, Default::default());
                }
                Err(e) if !e.field_errors().is_empty() => {
                    failure.try_set(None);
                    errors.try_set(e.field_errors().to_vec());
                    shown.try_set(e.field_errors().to_vec());
                }
                Err(e) => {
                    failure.try_set(Some(Failed::of(&e)));
                }
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if submit.pending().get_untracked() {
            return;
        }
        failure.set(None);
        let all = login_id.with_value(|id| form().validate(id, forced));
        touched.update(|t| t.extend(all.iter().map(|e| e.field.clone())));
        errors.set(all.clone());
        shown.set(all);
        if errors.read_untracked().is_empty() {
            let req = form().request(forced);
            sent.set_value(Some(req.clone()));
            submit.dispatch(req);
        }
    };
    let resend = Callback::new(move |()| {
        if let Some(req) = sent.get_value() {
            if !submit.pending().get_untracked() {
                submit.dispatch(req);
            }
        }
    });
    let pending = submit.pending();

    let summary = Signal::derive(move || {
        shown
            .read()
            .iter()
            .map(|e| SummaryItem {
                target: Some(match e.field.as_str() {
                    "change" | "login_password" => "change-login_password".to_owned(),
                    f => dom_id(f),
                }),
                message: e.message.clone(),
            })
            .collect::<Vec<_>>()
    });
    let error_of = move |f: String| {
        Signal::derive(move || {
            errors
                .read()
                .iter()
                .find(|e| e.field == f)
                .map(|e| e.message.clone())
        })
    };

    let section = move |s: SectionInputs| {
        let labels = s.kind.labels();
        let prefix = s.kind.field_prefix();
        let (current_ac, new_ac) = match s.kind {
            PasswordKind::Login => ("current-password", "new-password"),
            PasswordKind::Confirm => ("off", "off"),
        };
        let locked = forced && s.kind == PasswordKind::Login;
        view! {
            <FormSection title={s.kind.label()}>
                {locked.then(|| view! {
                    <p>"初回ログインのため、ログインパスワードの変更が必要です。"</p>
                })}
                <CheckboxField
                    id=format!("change-{prefix}")
                    label="変更する"
                    checked=s.change
                    disabled=Signal::stored(locked)
                />
                <Show when=move || s.change.get()>
                    <TextField
                        id=dom_id(&field(s.kind, "current"))
                        label=labels.current.clone()
                        value=s.current
                        error=error_of(field(s.kind, "current"))
                        input_type="password"
                        autocomplete=current_ac
                        required=true
                        on_blur=blur(field(s.kind, "current"))
                    />
                    <TextField
                        id=dom_id(&field(s.kind, "new"))
                        label=labels.new.clone()
                        hint=CREDENTIAL_HINT
                        value=s.new
                        error=error_of(field(s.kind, "new"))
                        input_type="password"
                        autocomplete=new_ac
                        required=true
                        on_blur=blur(field(s.kind, "new"))
                    />
                    <TextField
                        id=dom_id(&field(s.kind, "new_again"))
                        label=labels.new_again.clone()
                        value=s.new_again
                        error=error_of(field(s.kind, "new_again"))
                        input_type="password"
                        autocomplete=new_ac
                        required=true
                        on_blur=blur(field(s.kind, "new_again"))
                    />
                </Show>
            </FormSection>
        }
    };

    view! {
        <TitleBar screen=help::PASSWORD_CHANGE />
        <StepIndicator steps=STEPS current=0 />
        {forced.then(|| view! {
            <Notice tone=Tone::Warning heading="パスワードの変更をお願いします">
                <p>"お客様の安全のため、初回ログイン時はログインパスワードの変更が必要です。変更が完了するまで、他の操作はご利用いただけません。"</p>
            </Notice>
        })}
        <p>"変更するパスワードの「変更する」を選択し、現在のパスワードと新しいパスワードを入力してください。"</p>
        {move || failure.get().map(|failed| view! {
            <SubmitError heading="パスワードを変更できませんでした" failed=failed retry=resend pending=pending />
        })}
        <ErrorSummary items=summary />
        <form novalidate on:submit=on_submit>
            {section(login)}
            {section(confirm)}
            <div class="btn-row">
                <button type="submit" class="btn" disabled=move || submit.pending().get()>
                    {move || if submit.pending().get() { "変更中…" } else { "変更" }}
                </button>
                {(!forced).then(|| view! {
                    <A href=paths::USER_TASKS attr:class="btn btn-secondary">"戻る"</A>
                })}
            </div>
        </form>
    }
}

/// The result of a password change.
#[component]
pub fn PasswordChangedPage() -> impl IntoView {
    let last = expect_context::<LastPasswordChange>();
    move || match last.0.get() {
        None => view! { <Redirect path=paths::PASSWORD_CHANGE /> }.into_any(),
        Some(done) => {
            let what: Vec<_> = done.changed.iter().map(|k| k.label()).collect();
            view! {
                <TitleBar screen=help::PASSWORD_CHANGED />
                <StepIndicator steps=STEPS current=1 />
                <Notice tone=Tone::Success heading="パスワードを変更しました">
                    <p>"次回のログインから新しいパスワードをご利用ください。"</p>
                </Notice>
                <section class="panel" aria-labelledby="result-title">
                    <h2 id="result-title">"変更内容"</h2>
                    <dl class="summary-list">
                        <dt>"変更したパスワード"</dt>
                        <dd>{what.join("、")}</dd>
                        <dt>"変更日時"</dt>
                        <dd>{format_datetime(done.changed_at)}</dd>
                    </dl>
                </section>
                <div class="btn-row">
                    <A href=paths::HOME attr:class="btn">"ホームへ"</A>
                    <A href=paths::USER_TASKS attr:class="btn btn-secondary">"作業内容選択へ"</A>
                </div>
            }
            .into_any()
        }
    }
}
