//! Step 2: 利用者登録[権限] [BRSK007] / 利用者変更[権限] [BRSK013]: the サービス利用権限
//! matrix of the contracted services, with 「全選択」「全解除」 overall and per group.

use super::{
    after_next, back_path, edit_draft, use_from_confirm, use_mode, StepErrors, WizardStep,
};
use crate::features::users::use_users;
use crate::features::users::wizard::logic::{Step, WizardMode};
use crate::ui::form::{ErrorSummary, FormSection};
use kanri_contract::users::Right;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeSet;
use stylers::style;

/// Step 2 of 利用者登録 or 利用者変更.
#[component]
pub fn UserRightsPage(
    /// A change of the user in the URL rather than a registration.
    change: bool,
) -> impl IntoView {
    let mode = use_mode(change);
    move || {
        let mode = mode.get();
        view! {
            <WizardStep mode=mode.clone() step=Step::Rights>
                <RightsForm mode=mode.clone() />
            </WizardStep>
        }
    }
}

/// The matrix of step 2; the selection is written back to the draft as it changes.
#[component]
fn RightsForm(
    /// Registration or change.
    mode: WizardMode,
) -> impl IntoView {
    let users = use_users();
    let navigate = use_navigate();
    let from_confirm = use_from_confirm();
    let Some((selected, groups)) = users
        .draft
        .with_untracked(|d| d.as_ref().map(|d| (d.rights.clone(), d.offered_groups())))
    else {
        return ().into_any();
    };
    let selected = RwSignal::new(selected);
    Effect::new(move |_| {
        let r = selected.get();
        edit_draft(users, |d| d.rights = r);
    });
    let errors = StepErrors::new(Step::Rights);
    let all: Vec<Right> = groups.iter().flat_map(|g| g.2.clone()).collect();
    let set_all = move |rights: Vec<Right>, on: bool| {
        selected.update(|s| {
            for r in rights {
                if on {
                    s.insert(r);
                } else {
                    s.remove(&r);
                }
            }
        })
    };
    let next_mode = mode.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if errors.check_all() {
            navigate(
                &after_next(users, &next_mode, Step::Rights, from_confirm),
                Default::default(),
            );
        }
    };
    let class = style! {
        .bulk {
            display: flex;
            flex-wrap: wrap;
            gap: 0.5rem;
            margin-bottom: 1rem;
        }
        .rights {
            display: grid;
            grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
            gap: 0.25rem 1.5rem;
            margin: 0;
            padding: 0;
            list-style: none;
        }
        .rights label {
            display: flex;
            align-items: center;
            gap: 0.5rem;
            min-height: 2.75rem;
        }
        .rights input {
            width: 1.5rem;
            height: 1.5rem;
            margin: 0;
        }
    };
    let all_on = all.clone();
    let all_off = all.clone();
    let group_views = groups
        .into_iter()
        .map(|(key, title, rights)| {
            let on = rights.clone();
            let off = rights.clone();
            let boxes = rights
                .into_iter()
                .map(|r| {
                    // Labels repeat across groups; the id uses the right's place in the matrix.
                    let id = format!("right-{key}-{}", r as u8);
                    let label_for = id.clone();
                    view! { class = class,
                        <li>
                            <label for=label_for>
                                <input
                                    type="checkbox"
                                    id=id
                                    prop:checked=move || selected.with(|s| s.contains(&r))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        selected.update(|s: &mut BTreeSet<Right>| {
                                            if on {
                                                s.insert(r);
                                            } else {
                                                s.remove(&r);
                                            }
                                        });
                                    }
                                />
                                {r.label()}
                            </label>
                        </li>
                    }
                })
                .collect_view();
            view! { class = class,
                <FormSection title={title}>
                    <div class="bulk">
                        <button
                            type="button"
                            class="btn-outline"
                            aria-label=format!("全選択（{title}）")
                            on:click=move |_| set_all(on.clone(), true)
                        >
                            "全選択"
                        </button>
                        <button
                            type="button"
                            class="btn-outline"
                            aria-label=format!("全解除（{title}）")
                            on:click=move |_| set_all(off.clone(), false)
                        >
                            "全解除"
                        </button>
                    </div>
                    <ul class="rights">{boxes}</ul>
                </FormSection>
            }
        })
        .collect_view();
    let back = back_path(&mode, Step::Rights);
    view! { class = class,
        <p>"以下の項目を選択の上、「次へ」ボタンを押してください。ご契約のないサービスの権限は表示されません。"</p>
        <ErrorSummary items=errors.summary() />
        <form novalidate on:submit=on_submit>
            <h2 id="user-rights" tabindex="-1">"サービス利用権限"</h2>
            <div class="bulk">
                <button
                    type="button"
                    class="btn-outline"
                    aria-label="全選択（すべての権限）"
                    on:click=move |_| set_all(all_on.clone(), true)
                >
                    "全選択"
                </button>
                <button
                    type="button"
                    class="btn-outline"
                    aria-label="全解除（すべての権限）"
                    on:click=move |_| set_all(all_off.clone(), false)
                >
                    "全解除"
                </button>
            </div>
            {group_views}
            <div class="btn-row">
                <a href=back class="btn btn-secondary">"戻る"</a>
                <button type="submit" class="btn">"次へ"</button>
            </div>
        </form>
    }
    .into_any()
}
