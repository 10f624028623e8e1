//! The sort control of the user lists (利用者一覧 [BRSK005], 証明書失効 利用者一覧
//! [BRSK018]): 並び順, 昇順・降順 and 「再表示」.

use kanri_contract::users::{SortKey, SortOrder};
use leptos::prelude::*;
use stylers::style;

/// 並び順 (a select of `keys`), 昇順・降順 (radios) and 「再表示」 in their own form.
///
/// The choices follow `current` (the sort in the URL: back/forward, reload); 「再表示」
/// hands the chosen sort to `on_apply`, which opens the URL of that sort (or reloads the
/// list when it is the current one).
#[component]
pub fn SortControl(
    /// The sort keys offered, in order.
    keys: &'static [SortKey],
    /// The sort the list is shown in now.
    #[prop(into)]
    current: Signal<(SortKey, SortOrder)>,
    /// 「再表示」 with the chosen sort.
    on_apply: Callback<(SortKey, SortOrder)>,
    /// Prefix of the DOM ids and of the radios' name (`{prefix}-key`, `{prefix}-order`).
    #[prop(default = "user-sort")]
    id_prefix: &'static str,
) -> impl IntoView {
    let key_choice = RwSignal::new(current.get_untracked().0);
    let order_choice = RwSignal::new(current.get_untracked().1);
    Effect::new(move |_| {
        let (key, order) = current.get();
        key_choice.set(key);
        order_choice.set(order);
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_apply.run((key_choice.get_untracked(), order_choice.get_untracked()));
    };
    let key_id = format!("{id_prefix}-key");
    let order_name = format!("{id_prefix}-order");

    let class = style! {
        .sc-form {
            display: flex;
            flex-wrap: wrap;
            align-items: flex-end;
            gap: 1rem 1.5rem;
            margin-bottom: 1.5rem;
        }
        .sc-label {
            display: block;
            font-weight: bold;
        }
        .sc-form select {
            min-height: 2.5rem;
            margin-top: 0.25rem;
            padding: 0.25rem 0.5rem;
            border: 2px solid var(--color-border-strong);
        }
        .sc-order {
            margin: 0;
            padding: 0;
            border: 0;
        }
        .sc-order legend {
            padding: 0;
            font-weight: bold;
        }
        .sc-radio {
            display: inline-flex;
            align-items: center;
            gap: 0.375rem;
            min-height: 2.5rem;
            margin-right: 1rem;
        }
        .sc-radio input {
            width: 1.25rem;
            height: 1.25rem;
            margin: 0;
        }
    };

    let order_radio = move |order: SortOrder| {
        let id = format!("{order_name}-{}", order.key());
        view! { class = class,
            <span class="sc-radio">
                <input
                    type="radio"
                    id=id.clone()
                    name=order_name.clone()
                    value=order.key()
                    prop:checked=move || order_choice.get() == order
                    on:change=move |_| order_choice.set(order)
                />
                <label for=id>{order.label()}</label>
            </span>
        }
    };

    view! { class = class,
        <form class="sc-form" on:submit=on_submit aria-label="並び替え">
            <div>
                <label class="sc-label" for=key_id.clone()>"並び順"</label>
                <select
                    id=key_id
                    on:change=move |ev| {
                        if let Some(k) = SortKey::parse(&event_target_value(&ev)) {
                            key_choice.set(k);
                        }
                    }
                >
                    {keys
                        .iter()
                        .map(|&k| {
                            view! { class = class,
                                <option value=k.key() prop:selected=move || key_choice.get() == k>
                                    {k.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <fieldset class="sc-order">
                <legend>"昇順・降順"</legend>
                {order_radio(SortOrder::Asc)}
                {order_radio(SortOrder::Desc)}
            </fieldset>
            <button type="submit" class="btn btn-secondary">"再表示"</button>
        </form>
    }
}
