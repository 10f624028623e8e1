//! 企業情報変更 [BKGK001]: 企業情報, 承認機能の利用有無, 口座一日当たりの限度額,
//! 企業一日当たりの限度額 → 「変更」 → 確認.

use crate::api::use_api;
use crate::features::company::logic::{radio_id, target_id, CompanyForm, NOTHING_CHANGED};
use crate::features::company::{use_company, CompanyDraft, CompanyLoadFailure};
use crate::kernel::help;
use crate::kernel::password_form::dom_id;
use crate::kernel::paths;
use crate::ui::form::{focus_id, ErrorSummary, FormSection, SummaryItem, TextField};
use crate::ui::notice::{Loading, Notice, Tone};
use crate::ui::radios::Radios;
use crate::ui::step_indicator::StepIndicator;
use crate::ui::title_bar::TitleBar;
use kanri_contract::company::{
    field, hint, AccountLimitKind, ApprovalMode, CompanyView, ACCOUNT_LIMIT_DIGITS,
    DAILY_LIMIT_DIGITS,
};
use kanri_contract::users::{LimitBusiness, Service};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use stylers::style;

/// The steps of 企業情報変更, as in the manual.
pub const STEPS: &[&str] = &["企業情報・関係者変更", "変更内容を確認", "実行完了"];

/// 企業情報変更, for holders of 管理者権限.
#[component]
pub fn CompanyEditPage() -> impl IntoView {
    view! {
        <TitleBar screen=help::COMPANY_EDIT />
        <StepIndicator steps=STEPS current=0 />
        <EditScreen />
    }
}

/// The form, from the draft when coming back from 確認 (nothing typed is lost),
/// otherwise from the company as it is now.
#[component]
fn EditScreen() -> impl IntoView {
    let api = use_api();
    let state = use_company();
    if let Some(draft) = state.draft.get_untracked() {
        return view! { <CompanyFormView draft=draft /> }.into_any();
    }
    let data = LocalResource::new(move || async move { api.company().await });
    let retry = Callback::new(move |()| data.refetch());
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <CompanyLoadFailure error=error retry=retry /> }.into_any(),
                    Ok(view) => {
                        let draft = fresh_draft(view);
                        view! { <CompanyFormView draft=draft /> }.into_any()
                    }
                }
            })}
        </Transition>
    }
    .into_any()
}

fn fresh_draft(view: CompanyView) -> CompanyDraft {
    CompanyDraft::new(
        view.clone(),
        crate::features::company::logic::form_of(&view),
        None,
    )
}

/// The signals of the form's fields.
#[derive(Clone)]
struct Inputs {
    name_kana: RwSignal<String>,
    name: RwSignal<String>,
    approvals: Vec<(Service, RwSignal<ApprovalMode>)>,
    account_limits: Vec<(i64, [RwSignal<String>; 3])>,
    daily_limits: Vec<(LimitBusiness, RwSignal<String>)>,
}

impl Inputs {
    fn new(form: &CompanyForm) -> Self {
        Inputs {
            name_kana: RwSignal::new(form.name_kana.clone()),
            name: RwSignal::new(form.name.clone()),
            approvals: form
                .approvals
                .iter()
                .map(|(s, m)| (*s, RwSignal::new(*m)))
                .collect(),
            account_limits: form
                .account_limits
                .iter()
                .map(|(id, texts)| (*id, texts.clone().map(RwSignal::new)))
                .collect(),
            daily_limits: form
                .daily_limits
                .iter()
                .map(|(b, t)| (*b, RwSignal::new(t.clone())))
                .collect(),
        }
    }

    fn form(&self) -> CompanyForm {
        CompanyForm {
            name_kana: self.name_kana.get_untracked(),
            name: self.name.get_untracked(),
            approvals: self
                .approvals
                .iter()
                .map(|(s, m)| (*s, m.get_untracked()))
                .collect(),
            account_limits: self
                .account_limits
                .iter()
                .map(|(id, t)| (*id, t.map(|s| s.get_untracked())))
                .collect(),
            daily_limits: self
                .daily_limits
                .iter()
                .map(|(b, t)| (*b, t.get_untracked()))
                .collect(),
        }
    }
}

/// [BKGK001]'s form. Each field is checked when left; 「変更」 checks everything
/// (including the cross-checks against the company's users) and shows the errors in a
/// summary, or says that nothing was changed, or goes on to 確認.
#[component]
fn CompanyFormView(
    /// The loaded company and what was typed so far.
    draft: CompanyDraft,
) -> impl IntoView {
    let state = use_company();
    let navigate = use_navigate();
    let CompanyDraft {
        view: loaded,
        form,
        returned,
        rebased,
        ..
    } = draft;
    // Shown this once: the next visit of the form starts without them.
    state.draft.update_untracked(|d| {
        if let Some(d) = d {
            d.returned.clear();
            d.rebased = false;
        }
    });
    let loaded = StoredValue::new(loaded);
    let inputs = Inputs::new(&form);
    // Errors shown on the fields (live, or from the last 「変更」) and in the summary
    // (the last 「変更」 only: the summary takes focus when they change).
    let field_errors = RwSignal::new(returned.clone());
    let submitted = RwSignal::new(returned);
    let nothing_changed = RwSignal::new(false);

    let error_of = move |path: String| {
        Signal::derive(move || {
            field_errors
                .read()
                .iter()
                .find(|e| e.field == path)
                .map(|e| e.message.clone())
        })
    };
    let check_inputs = inputs.clone();
    let check = Callback::new(move |path: String| {
        let found = loaded.with_value(|v| check_inputs.form().errors(&v.company, &v.context));
        field_errors.update(|errs| {
            errs.retain(|e| e.field != path);
            errs.extend(found.into_iter().filter(|e| e.field == path));
        });
    });
    let amount_left = move |path: String, value: RwSignal<String>, digits: usize| {
        Callback::new(move |()| {
            if let Some(tidy) = CompanyForm::tidy_amount(&value.get_untracked(), digits) {
                value.set(tidy);
            }
            check.run(path.clone());
        })
    };

    // What is typed goes into the draft as it is typed, so a session that ends
    // meanwhile keeps it for the same user's next login. A field that loses focus
    // while the screen is taken down fires `change` after its signals are gone: then
    // there is nothing to keep (hence a plain closure: a `Callback` would itself be gone).
    let typed_inputs = inputs.clone();
    let keep_typed = std::rc::Rc::new(move || {
        let (Some(_), Some(view)) = (
            typed_inputs.name.try_get_untracked(),
            loaded.try_get_value(),
        ) else {
            return;
        };
        let form = typed_inputs.form();
        state.draft.try_update(|d| match d {
            Some(d) => d.form = form,
            None => *d = Some(CompanyDraft::new(view, form, None)),
        });
    });

    let submit_inputs = inputs.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = submit_inputs.form();
        let view = loaded.get_value();
        nothing_changed.set(false);
        match form.valid(&view.company, &view.context) {
            Err(errors) => {
                field_errors.set(errors.clone());
                submitted.set(errors);
            }
            Ok(after) if after == view.company => {
                field_errors.set(Vec::new());
                submitted.set(Vec::new());
                nothing_changed.set(true);
                request_animation_frame(|| focus_id("company-no-change"));
            }
            Ok(after) => {
                state
                    .draft
                    .set(Some(CompanyDraft::new(view, form, Some(after))));
                navigate(paths::COMPANY_CONFIRM, Default::default());
            }
        }
    };
    let summary_items = Signal::derive(move || {
        submitted
            .read()
            .iter()
            .map(|e| SummaryItem {
                target: Some(target_id(&e.field)),
                message: e.message.clone(),
            })
            .collect::<Vec<_>>()
    });

    let class = style! {
        .company-form fieldset.company-group {
            margin: 0 0 1.5rem;
        }
        .company-amounts {
            display: flex;
            flex-wrap: wrap;
            gap: 0 1.5rem;
        }
        .account-note {
            margin: 0 0 0.5rem;
            color: var(--color-text-muted);
        }
    };

    let ctx = loaded.with_value(|v| v.context.clone());
    let approvals = inputs
        .approvals
        .iter()
        .map(|(service, mode)| {
            let (service, mode) = (*service, *mode);
            let path = field::approval(service);
            let error = error_of(path.clone());
            let options = ApprovalMode::choices(service)
                .iter()
                .map(|m| (*m, m.label().to_owned()))
                .collect();
            let choose = Callback::new(move |m| {
                mode.set(m);
                check.run(path.clone());
            });
            view! { class = class,
                <Radios
                    id=radio_id(service, ApprovalMode::choices(service)[0])
                    name=dom_id(&field::approval(service))
                    legend=service.label()
                    options=options
                    value=mode
                    on_choose=choose
                    error=error
                    inline=true
                />
            }
        })
        .collect_view();

    let accounts = inputs
        .account_limits
        .iter()
        .map(|(id, texts)| {
            let account = ctx.account(*id).cloned();
            let legend = account.as_ref().map_or_else(String::new, |a| a.label());
            let memo = account
                .as_ref()
                .filter(|a| !a.memo.is_empty())
                .map(|a| format!("口座メモ：{}", a.memo));
            let fields = AccountLimitKind::ALL
                .into_iter()
                .zip(texts.iter().copied())
                .map(|(k, value)| {
                    let path = field::account_limit(*id, k);
                    view! {
                        <TextField
                            id=dom_id(&path)
                            label=k.label()
                            hint=hint::ACCOUNT_LIMIT
                            value=value
                            error=error_of(path.clone())
                            inputmode="numeric"
                            required=true
                            size=22
                            on_blur=amount_left(path, value, ACCOUNT_LIMIT_DIGITS)
                        />
                    }
                })
                .collect_view();
            view! { class = class,
                <fieldset class="company-group">
                    <legend>{legend}</legend>
                    {memo.map(|m| view! { class = class, <p class="account-note">{m}</p> })}
                    <div class="company-amounts">{fields}</div>
                </fieldset>
            }
        })
        .collect_view();

    let daily = inputs
        .daily_limits
        .iter()
        .map(|(b, value)| {
            let path = field::daily_limit(*b);
            let value = *value;
            view! {
                <TextField
                    id=dom_id(&path)
                    label=b.label()
                    hint=hint::DAILY_LIMIT
                    value=value
                    error=error_of(path.clone())
                    inputmode="numeric"
                    required=true
                    size=18
                    on_blur=amount_left(path, value, DAILY_LIMIT_DIGITS)
                />
            }
        })
        .collect_view();

    let name_kana_path = field::NAME_KANA.to_owned();
    let name_path = field::NAME.to_owned();
    view! { class = class,
        <p>
            "「企業情報」「承認機能の利用有無」「口座一日当たりの限度額」「企業一日当たりの限度額」を入力し、「変更」ボタンをクリックしてください。"
        </p>
        <ErrorSummary items=summary_items />
        {rebased.then(|| view! {
            <Notice tone=Tone::Warning heading="企業情報が他の操作により変更されていました">
                <p>
                    "最新の企業情報を読み込み、変更された項目の入力内容はそのまま残しました。内容を確認のうえ、もう一度「変更」ボタンをクリックしてください。"
                </p>
            </Notice>
        })}
        <div id="company-no-change" tabindex="-1" role="status">
            {move || nothing_changed.get().then(|| view! {
                <Notice tone=Tone::Warning heading=NOTHING_CHANGED>
                    <p>"変更する項目の内容を入力してから「変更」ボタンをクリックしてください。"</p>
                </Notice>
            })}
        </div>
        <form
            class="company-form"
            novalidate
            on:submit=on_submit
            on:input={
                let keep = keep_typed.clone();
                move |_| keep()
            }
            on:change=move |_| keep_typed()
        >
            <FormSection title="企業情報">
                <TextField
                    id=dom_id(field::NAME_KANA)
                    label="企業名(カナ)"
                    hint=hint::NAME_KANA
                    value=inputs.name_kana
                    error=error_of(name_kana_path.clone())
                    required=true
                    size=40
                    on_blur=Callback::new(move |()| check.run(name_kana_path.clone()))
                />
                <TextField
                    id=dom_id(field::NAME)
                    label="企業名"
                    hint=hint::NAME
                    value=inputs.name
                    error=error_of(name_path.clone())
                    required=true
                    size=40
                    on_blur=Callback::new(move |()| check.run(name_path.clone()))
                />
            </FormSection>
            <FormSection title="承認機能の利用有無">
                <p>"業務ごとに承認機能の利用有無を選択してください。ダブル承認は、その業務の承認権限を持つ利用者が2名以上必要です。"</p>
                {approvals}
            </FormSection>
            <FormSection title="口座一日当たりの限度額">
                <p>"口座一日当たりの限度額を口座ごとに入力してください。"</p>
                {accounts}
            </FormSection>
            <FormSection title="企業一日当たりの限度額">
                {daily}
            </FormSection>
            <div class="btn-row">
                <a href=paths::COMPANY_TASKS class="btn btn-secondary">"戻る"</a>
                <button type="submit" class="btn">"変更"</button>
            </div>
        </form>
    }
}
