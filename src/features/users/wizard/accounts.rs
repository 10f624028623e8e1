//! Step 3: 利用者登録[口座] [BRSK008] / 利用者変更[口座] [BRSK014]: 利用可能口座 and
//! 利用者一回当たり限度額 per contracted business, with the company's limit beside each.

use super::{
    after_next, back_path, dom_id, edit_draft, use_from_confirm, use_mode, StepErrors, WizardStep,
};
use crate::features::users::use_users;
use crate::features::users::wizard::logic::{Step, WizardMode};
use crate::ui::form::{ErrorSummary, FormSection, TextField};
use kanri_contract::money::{format_yen, parse_amount};
use kanri_contract::user_rules::{field, limit_label, LIMIT_DIGITS};
use kanri_contract::users::LimitBusiness;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeSet;
use stylers::style;

/// Step 3 of 利用者登録 or 利用者変更.
#[component]
pub fn UserAccountsPage(
    /// A change of the user in the URL rather than a registration.
    change: bool,
) -> impl IntoView {
    let mode = use_mode(change);
    move || {
        let mode = mode.get();
        view! {
            <WizardStep mode=mode.clone() step=Step::Accounts>
                <AccountsForm mode=mode.clone() />
            </WizardStep>
        }
    }
}

/// The hint of a limit field: the company's limit and the rule.
pub fn limit_hint(company: Option<u64>) -> String {
    match company {
        Some(l) => format!("企業の限度額：{}円　半角数字で入力（円）", format_yen(l)),
        None => "半角数字で入力（円）".to_owned(),
    }
}

/// The accounts and limits of step 3; written back to the draft as they change.
#[component]
fn AccountsForm(
    /// Registration or change.
    mode: WizardMode,
) -> impl IntoView {
    let users = use_users();
    let navigate = use_navigate();
    let from_confirm = use_from_confirm();
    let Some((ctx, accounts, limits)) = users.draft.with_untracked(|d| {
        d.as_ref()
            .map(|d| (d.ctx.clone(), d.accounts.clone(), d.limits.clone()))
    }) else {
        return ().into_any();
    };
    let selected = RwSignal::new(accounts);
    let limit_inputs: Vec<(LimitBusiness, RwSignal<String>)> = ctx
        .limit_businesses()
        .into_iter()
        .map(|b| {
            (
                b,
                RwSignal::new(limits.get(&b).cloned().unwrap_or_default()),
            )
        })
        .collect();
    let inputs_for_effect = limit_inputs.clone();
    Effect::new(move |_| {
        let a = selected.get();
        let l: Vec<(LimitBusiness, String)> = inputs_for_effect
            .iter()
            .map(|(b, s)| (*b, s.get()))
            .collect();
        edit_draft(users, |d| {
            d.accounts = a;
            d.limits = l.into_iter().collect();
        });
    });
    let errors = StepErrors::new(Step::Accounts);
    let accounts_error = errors.of(field::ACCOUNTS.to_owned());

    let next_mode = mode.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if errors.check_all() {
            navigate(
                &after_next(users, &next_mode, Step::Accounts, from_confirm),
                Default::default(),
            );
        }
    };
    let class = style! {
        .accounts {
            margin: 0;
            padding: 0;
            list-style: none;
        }
        .accounts label {
            display: flex;
            align-items: center;
            gap: 0.75rem;
            min-height: 2.75rem;
        }
        .accounts input {
            width: 1.5rem;
            height: 1.5rem;
            margin: 0;
        }
        .accounts-error {
            display: block;
            margin-bottom: 0.5rem;
            color: var(--color-error);
            font-weight: bold;
        }
        .accounts-invalid {
            padding-left: 0.75rem;
            border-left: 4px solid var(--color-error);
        }
    };
    let account_boxes = ctx
        .accounts
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let id_num = a.id;
            // The first box carries the group's id: the error summary links there.
            let id = if i == 0 {
                dom_id(field::ACCOUNTS)
            } else {
                format!("account-{id_num}")
            };
            let memo = if a.memo.is_empty() {
                String::new()
            } else {
                format!("（{}）", a.memo)
            };
            let label = format!("{}{memo}", a.label());
            let label_for = id.clone();
            view! { class = class,
                <li>
                    <label for=label_for>
                        <input
                            type="checkbox"
                            id=id
                            prop:checked=move || selected.with(|s| s.contains(&id_num))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                selected.update(|s: &mut BTreeSet<i64>| {
                                    if on {
                                        s.insert(id_num);
                                    } else {
                                        s.remove(&id_num);
                                    }
                                });
                                errors.left(field::ACCOUNTS);
                            }
                        />
                        {label}
                    </label>
                </li>
            }
        })
        .collect_view();
    let limit_fields = limit_inputs
        .into_iter()
        .map(|(b, value)| {
            let path = field::limit(b);
            let left = path.clone();
            // Leaving the field shows the amount with separators (if it is one).
            let on_blur = Callback::new(move |_| {
                if let Ok(n) = parse_amount(&value.get_untracked(), LIMIT_DIGITS) {
                    value.set(format_yen(n));
                }
                errors.left(&left);
            });
            view! {
                <TextField
                    id=dom_id(&path)
                    label=limit_label(b)
                    hint=limit_hint(ctx.company_limit(b))
                    value=value
                    error=errors.of(path.clone())
                    autocomplete="off"
                    inputmode="numeric"
                    required=true
                    size=20
                    on_blur=on_blur
                />
            }
        })
        .collect_view();
    let back = back_path(&mode, Step::Accounts);
    view! { class = class,
        <p>"利用可能口座を選択し、利用者一回当たり限度額を業務ごとに入力の上、「次へ」ボタンを押してください。"</p>
        <ErrorSummary items=errors.summary() />
        <form novalidate on:submit=on_submit>
            <fieldset
                class="panel"
                class:accounts-invalid=move || accounts_error.read().is_some()
                aria-describedby=move || accounts_error.read().is_some().then_some("accounts-error")
            >
                <legend>
                    <h2>"利用可能口座"</h2>
                </legend>
                <p>"この利用者が利用できる口座をチェックしてください（1つ以上）。"</p>
                {move || accounts_error.get().map(|e| view! { class = class,
                    <span class="accounts-error" id="accounts-error">
                        <span class="visually-hidden">"エラー："</span>
                        {e}
                    </span>
                })}
                <ul class="accounts">{account_boxes}</ul>
            </fieldset>
            <FormSection title="限度額">
                <p>"利用者一回当たり限度額を業務ごとに入力してください。企業の限度額を超える金額は設定できません。"</p>
                {limit_fields}
            </FormSection>
            <div class="btn-row">
                <a href=back class="btn btn-secondary">"戻る"</a>
                <button type="submit" class="btn">"次へ"</button>
            </div>
        </form>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_company_limit_is_shown_with_separators() {
        assert_eq!(
            limit_hint(Some(10_000_000)),
            "企業の限度額：10,000,000円　半角数字で入力（円）"
        );
        assert_eq!(limit_hint(None), "半角数字で入力（円）");
    }
}
