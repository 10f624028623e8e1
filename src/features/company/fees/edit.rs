//! 手数料の変更 (input) [BKGK011 / BKGK021 / BKGK031]: 適用最低支払金額 (先方負担),
//! 手数料計算方法 (先方負担手数料[総合振込]), 基準手数料 「使用する(常に最新の基準手数料を
//! 使用する)」, 「手数料を読み込む」 and the band table (範囲 × 振込パターン), with live
//! validation and an error summary on 「変更」.

use super::{fee_page, use_fees};
use crate::api::use_api;
use crate::features::company::fees::logic::{
    band_rows, columns, BandPart, ErrorState, FeeDraft, FeeStep, MINIMUM_HINT, STANDARD_NOTE,
};
use crate::features::company::CompanyLoadFailure;
use crate::kernel::password_form::dom_id;
use crate::kernel::paths;
use crate::ui::form::{focus_id, ErrorSummary, FormSection, SummaryItem, TextField};
use crate::ui::notice::{Loading, Notice, Tone};
use crate::ui::radios::Radios;
use kanri_contract::fees::{field, label_of, FeeMethod, FeeTable, MAX_BANDS};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use stylers::style;

/// 手数料の変更 of the table in the URL, for holders of 管理者権限.
#[component]
pub fn FeeEditPage() -> impl IntoView {
    fee_page(
        FeeStep::Edit,
        |table| view! { <FeeEditScreen table=table /> },
    )
}

/// The form once a draft of this table is there (kept from 確認 or a returned error);
/// otherwise the table is loaded and a draft started.
#[component]
fn FeeEditScreen(
    /// The table changed.
    table: FeeTable,
) -> impl IntoView {
    let fees = use_fees();
    let ready = Memo::new(move |_| {
        fees.draft
            .with(|d| d.as_ref().is_some_and(|d| d.table() == table))
    });
    move || {
        if ready.get() {
            view! { <FeeEditForm table=table /> }.into_any()
        } else {
            view! { <StartFeeDraft table=table /> }.into_any()
        }
    }
}

/// Loads the table and starts the draft from it.
#[component]
fn StartFeeDraft(
    /// The table to load.
    table: FeeTable,
) -> impl IntoView {
    let api = use_api();
    let fees = use_fees();
    let loaded = LocalResource::new(move || async move { api.fees(table).await });
    Effect::new(move |_| {
        if let Some(Ok(v)) = loaded.get() {
            fees.draft.set(Some(FeeDraft::new(v)));
        }
    });
    let retry = Callback::new(move |()| loaded.refetch());
    move || match loaded.get() {
        None | Some(Ok(_)) => view! { <Loading /> }.into_any(),
        Some(Err(error)) => {
            view! { <CompanyLoadFailure error=error retry=retry what="手数料情報" /> }.into_any()
        }
    }
}

/// Apply `f` to the draft (if any).
fn edit(draft: RwSignal<Option<FeeDraft>>, f: impl FnOnce(&mut FeeDraft)) {
    draft.update(|d| {
        if let Some(d) = d {
            f(d);
        }
    });
}

/// What the cells of the band table share.
#[derive(Clone, Copy)]
struct Cells {
    class: &'static str,
    table: FeeTable,
    draft: RwSignal<Option<FeeDraft>>,
    errors: RwSignal<ErrorState>,
    /// A cell was left (row id, part).
    leave: Callback<(u32, BandPart)>,
    /// 「この行を削除」 (row id).
    remove: Callback<u32>,
}

/// One amount input of the band table: its own (visually hidden) label named like the
/// field's messages, its error under it.
fn amount_cell(c: Cells, id: u32, i: usize, part: BandPart) -> impl IntoView {
    let class = c.class;
    let path = part.path(i);
    let input_id = dom_id(&path);
    let error_id = format!("{input_id}-error");
    let label = label_of(&path, c.table);
    let draft = c.draft;
    let value = Memo::new(move |_| {
        draft.with(|d| {
            d.as_ref()
                .and_then(|d| d.form.band(id))
                .map(|b| part.text(b).to_owned())
                .unwrap_or_default()
        })
    });
    let errors = c.errors;
    let error = Memo::new(move |_| errors.with(|e| e.of(&path).map(str::to_owned)));
    // The last row's empty 上限 says what it means.
    let open_id = format!("{input_id}-open");
    let open_ended = Memo::new(move |_| {
        part == BandPart::To
            && draft.with(|d| {
                d.as_ref().is_some_and(|d| {
                    d.form.bands.len() == i + 1
                        && d.form.band(id).is_some_and(|b| b.to.trim().is_empty())
                })
            })
    });
    let described = {
        let (error_id, open_id) = (error_id.clone(), open_id.clone());
        move || {
            let mut ids = Vec::new();
            if open_ended.get() {
                ids.push(open_id.clone());
            }
            if error.with(|e| e.is_some()) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let wide = matches!(part, BandPart::From | BandPart::To);
    let size = if wide { 15 } else { 7 };
    let leave = c.leave;
    view! { class = class,
        <td class="fee-cell" class:fee-invalid=move || error.with(|e| e.is_some())>
            <label class="visually-hidden" for=input_id.clone()>{label}</label>
            <input
                class="fee-input"
                class:fee-wide=wide
                id=input_id
                type="text"
                inputmode="numeric"
                autocomplete="off"
                spellcheck="false"
                size=size
                aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    edit(draft, |d| {
                        if let Some(b) = d.form.band_mut(id) {
                            *part.text_mut(b) = text;
                        }
                    });
                }
                on:blur=move |_| leave.run((id, part))
            />
            {move || open_ended.get().then(|| view! { class = class,
                <span class="fee-open" id=open_id.clone()>"上限なし"</span>
            })}
            {move || error.get().map(|m| view! { class = class,
                <span class="fee-cell-error" id=error_id.clone()>
                    <span class="visually-hidden">"エラー："</span>
                    {m}
                </span>
            })}
        </td>
    }
}

/// One row of the editable band table.
fn band_row(c: Cells, id: u32, i: usize) -> impl IntoView {
    let class = c.class;
    let draft = c.draft;
    let removable =
        Memo::new(move |_| draft.with(|d| d.as_ref().is_some_and(|d| d.form.can_remove())));
    let remove = c.remove;
    let row = i + 1;
    let cells = BandPart::ALL
        .into_iter()
        .map(|part| amount_cell(c, id, i, part))
        .collect_view();
    view! { class = class,
        <tr>
            <th scope="row" class="fee-row-head">{format!("{row}行目")}</th>
            {cells}
            <td class="fee-cell">
                <Show when=move || removable.get()>
                    <button
                        type="button"
                        class="btn-outline fee-remove"
                        on:click=move |_| remove.run(id)
                    >
                        "この行を削除"
                        <span class="visually-hidden">{format!("（{row}行目）")}</span>
                    </button>
                </Show>
            </td>
        </tr>
    }
}

/// The input form of a change of `table`.
#[component]
fn FeeEditForm(
    /// The table changed.
    table: FeeTable,
) -> impl IntoView {
    let class = style! {
        .fee-scroll {
            overflow-x: auto;
            margin-bottom: 1rem;
        }
        .fee-table {
            border-collapse: collapse;
        }
        .fee-table caption {
            margin-bottom: 0.5rem;
            font-weight: bold;
            text-align: left;
        }
        .fee-table th, .fee-table td {
            padding: 0.375rem 0.5rem;
            border: 1px solid var(--color-border);
            text-align: left;
            vertical-align: top;
        }
        .fee-table th {
            background: var(--color-bg);
        }
        .fee-table td.fee-amount {
            text-align: right;
        }
        .fee-row-head {
            white-space: nowrap;
        }
        .fee-input {
            width: 6rem;
            min-height: 2.5rem;
            padding: 0.25rem 0.5rem;
            border: 2px solid var(--color-border-strong);
            border-radius: 0;
            text-align: right;
        }
        .fee-input.fee-wide {
            width: 10rem;
        }
        .fee-invalid .fee-input {
            border-color: var(--color-error);
        }
        .fee-cell-error {
            display: block;
            max-width: 12rem;
            color: var(--color-error);
            font-size: 0.875rem;
            font-weight: bold;
        }
        .fee-field-error {
            display: block;
            margin-bottom: 0.5rem;
            color: var(--color-error);
            font-weight: bold;
        }
        .fee-note {
            color: var(--color-text-muted);
            font-size: 0.875rem;
        }
        .fee-choice {
            display: flex;
            align-items: center;
            gap: 0.5rem;
            margin-bottom: 0.5rem;
        }
        .fee-choice input {
            width: 1.5rem;
            height: 1.5rem;
            margin: 0;
        }
        .fee-tools {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            gap: 0.75rem;
            margin-bottom: 1rem;
        }
        .fee-remove {
            white-space: nowrap;
        }
        .fee-open {
            display: block;
            color: var(--color-text-muted);
            font-size: 0.875rem;
        }
    };

    let fees = use_fees();
    let navigate = use_navigate();
    let draft = fees.draft;
    // Shown this once: the next visit of the input starts without them.
    let returned = draft
        .try_update_untracked(|d| d.as_mut().map(|d| std::mem::take(&mut d.returned)))
        .flatten()
        .unwrap_or_default();
    let errors = RwSignal::new(ErrorState::with_returned(returned));
    // The error summary's items: set on 「変更」 (and cleared when a row goes), not on
    // every field left, as the summary takes focus whenever they are set.
    let summary_items = move || {
        errors.with_untracked(|e| {
            e.summary
                .iter()
                .map(|f| SummaryItem {
                    target: Some(dom_id(&f.field)),
                    message: f.message.clone(),
                })
                .collect::<Vec<_>>()
        })
    };
    let summary = RwSignal::new(summary_items());
    let no_change = RwSignal::new(false);
    // Announced to screen readers (rows added / removed, the standard loaded).
    let status = RwSignal::new(String::new());
    let rules =
        move || draft.with_untracked(|d| d.as_ref().map(FeeDraft::errors).unwrap_or_default());
    let text_of = move |path: &'static str| {
        draft.with_untracked(|d| {
            d.as_ref()
                .and_then(|d| d.form.text(path).map(str::to_owned))
                .unwrap_or_default()
        })
    };

    // 適用最低支払金額: the text field's own signal, written back to the draft.
    let minimum = RwSignal::new(text_of(field::MINIMUM));
    Effect::new(move |_| {
        let text = minimum.get();
        edit(draft, |d| {
            if d.form.minimum != text {
                d.form.minimum = text;
            }
        });
    });
    let minimum_left = Callback::new(move |()| {
        edit(draft, |d| d.form.tidy(field::MINIMUM));
        minimum.set(text_of(field::MINIMUM));
        errors.try_update(|e| e.left(field::MINIMUM, rules()));
    });
    let error_of = move |path: &'static str| {
        Signal::derive(move || errors.with(|e| e.of(path).map(str::to_owned)))
    };

    let use_standard =
        Memo::new(move |_| draft.with(|d| d.as_ref().is_some_and(|d| d.form.use_standard)));
    let method = Memo::new(move |_| draft.with(|d| d.as_ref().and_then(|d| d.form.method)));
    let can_add = Memo::new(move |_| draft.with(|d| d.as_ref().is_some_and(|d| d.form.can_add())));
    let rows = Memo::new(move |_| {
        draft.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.form
                        .bands
                        .iter()
                        .enumerate()
                        .map(|(i, b)| (b.id, i))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let standard_rows = draft.with_untracked(|d| {
        d.as_ref()
            .map(|d| band_rows(&d.view.standard))
            .unwrap_or_default()
    });

    // Leaving a cell tidies it and validates it. When a pointer press moved the focus
    // (e.g. onto 「変更」 or 「この行を削除」), wait for the release: showing an error at
    // once would shift the layout under the pointer and swallow the click.
    let run_leave = move |(id, part): (u32, BandPart)| {
        let Some(i) = draft.with_untracked(|d| d.as_ref().and_then(|d| d.form.index_of(id))) else {
            return;
        };
        let path = part.path(i);
        edit(draft, |d| {
            d.form.tidy(&path);
            if part == BandPart::To {
                d.form.fill_next_from(i);
            }
        });
        errors.try_update(|e| e.left(&path, rules()));
    };
    let pointer_down = StoredValue::new(false);
    let pending = StoredValue::new(Vec::<(u32, BandPart)>::new());
    let leave = Callback::new(move |target: (u32, BandPart)| {
        if pointer_down.try_get_value() == Some(true) {
            pending.try_update_value(|p| p.push(target));
        } else {
            request_animation_frame(move || run_leave(target));
        }
    });
    let release = move || {
        pointer_down.try_set_value(false);
        let due = pending.try_update_value(std::mem::take).unwrap_or_default();
        if !due.is_empty() {
            request_animation_frame(move || due.into_iter().for_each(run_leave));
        }
    };
    let down = window_event_listener(leptos::ev::pointerdown, move |_| {
        pointer_down.try_set_value(true);
    });
    let up = window_event_listener(leptos::ev::pointerup, move |_| release());
    let cancel = window_event_listener(leptos::ev::pointercancel, move |_| release());
    on_cleanup(move || {
        down.remove();
        up.remove();
        cancel.remove();
    });

    let remove = Callback::new(move |id: u32| {
        let Some(i) = draft.with_untracked(|d| d.as_ref().and_then(|d| d.form.index_of(id))) else {
            return;
        };
        let mut removed = false;
        edit(draft, |d| removed = d.form.remove_band(i));
        if removed {
            errors.update(|e| e.band_removed(i, rules()));
            summary.set(summary_items());
            status.set(format!("{}行目を削除しました。", i + 1));
            request_animation_frame(|| focus_id(&dom_id(field::BANDS)));
        }
    });
    let add = move |_| {
        let mut added = None;
        edit(draft, |d| {
            added = d.form.add_band().and_then(|id| {
                let i = d.form.index_of(id)?;
                let from_empty = d.form.bands[i].from.is_empty();
                Some((
                    i,
                    if from_empty {
                        BandPart::From
                    } else {
                        BandPart::To
                    },
                ))
            });
        });
        if let Some((i, part)) = added {
            errors.update(|e| e.revalidate(rules()));
            status.set(format!("{}行目を追加しました。", i + 1));
            request_animation_frame(move || focus_id(&dom_id(&part.path(i))));
        }
    };
    let load_standard = move |_| {
        edit(draft, FeeDraft::load_standard);
        errors.update(|e| e.bands_replaced(rules()));
        status.set("基準手数料を読み込みました。".to_owned());
    };

    let cells = Cells {
        class,
        table,
        draft,
        errors,
        leave,
        remove,
    };

    let submit_navigate = navigate.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = minimum.get_untracked();
        edit(draft, |d| {
            d.form.minimum = typed;
            d.form.tidy_all();
        });
        minimum.set(text_of(field::MINIMUM));
        no_change.set(false);
        let valid = errors.try_update(|e| e.check_all(rules())).unwrap_or(false);
        summary.set(summary_items());
        if !valid {
            return;
        }
        if draft.with_untracked(|d| d.as_ref().is_some_and(FeeDraft::is_unchanged)) {
            no_change.set(true);
            request_animation_frame(|| focus_id("fees-no-change"));
            return;
        }
        submit_navigate(&paths::fees_step(table, "confirm"), Default::default());
    };
    // 「戻る」 abandons the change. The draft goes once the page has: while it is still
    // there, an empty draft would start loading the table again.
    let back = move |_| {
        navigate(paths::COMPANY_TASKS, Default::default());
        request_animation_frame(move || draft.set(None));
    };

    let method_error = Memo::new(move |_| errors.with(|e| e.of(field::METHOD).map(str::to_owned)));
    let bands_error = Memo::new(move |_| errors.with(|e| e.of(field::BANDS).map(str::to_owned)));
    let range = table.range_label();
    let title = table.title();
    let bands_id = dom_id(field::BANDS);
    let use_standard_id = dom_id(field::USE_STANDARD);
    let bands_error_id = format!("{bands_id}-error");

    let method_panel = table.has_method().then(|| {
        let options = FeeMethod::ALL
            .into_iter()
            .map(|m| (Some(m), m.label().to_owned()))
            .collect();
        let choose = Callback::new(move |m: Option<FeeMethod>| {
            edit(draft, |d| d.form.method = m);
            errors.update(|e| e.left(field::METHOD, rules()));
        });
        view! { class = class,
            <Radios
                id=dom_id(field::METHOD)
                name="fees-method"
                legend="手数料計算方法"
                options=options
                value=method
                on_choose=choose
                error=method_error
                panel=true
                required=true
            />
        }
    });

    let editable_table = move || {
        view! { class = class,
            <div class="fee-scroll">
                <table class="fee-table" id=bands_id.clone() tabindex="-1">
                    <caption>{format!("{range}と振込パターンごとの手数料（単位：円）")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"行"</th>
                            <th scope="col">{format!("{range}（下限）")}</th>
                            <th scope="col">{format!("{range}（上限）")}</th>
                            <th scope="col">"当店宛"</th>
                            <th scope="col">"本支店宛"</th>
                            <th scope="col">"他行宛"</th>
                            <th scope="col"><span class="visually-hidden">"行の操作"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|k| *k let:k>
                            {band_row(cells, k.0, k.1)}
                        </For>
                    </tbody>
                </table>
            </div>
            <div class="fee-tools">
                <button
                    type="button"
                    class="btn-outline"
                    disabled=move || !can_add.get()
                    on:click=add
                >
                    "範囲を追加"
                </button>
                <span class="fee-note">{format!("（{MAX_BANDS}行まで）")}</span>
            </div>
        }
    };
    let standard_table = {
        let standard_rows = standard_rows.clone();
        move || {
            let head = columns(table)
                .into_iter()
                .map(|c| view! { class = class, <th scope="col">{c}</th> })
                .collect_view();
            let body = standard_rows
                .clone()
                .into_iter()
                .map(|r| {
                    let mut cells = r.into_iter();
                    let heading = cells.next().unwrap_or_default();
                    let amounts = cells
                        .map(|v| view! { class = class, <td class="fee-amount">{v}</td> })
                        .collect_view();
                    view! { class = class,
                        <tr>
                            <th scope="row">{heading}</th>
                            {amounts}
                        </tr>
                    }
                })
                .collect_view();
            view! { class = class,
                <div class="fee-scroll">
                    <table class="fee-table" id=dom_id(field::BANDS) tabindex="-1">
                        <caption>{format!("基準手数料（{range}と振込パターンごとの手数料）")}</caption>
                        <thead><tr>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            }
        }
    };

    view! { class = class,
        <p>
            {if table.has_minimum() {
                format!("{title}の「適用最低支払金額」「{range}」「振込パターンごとの手数料」を入力し、「変更」ボタンをクリックしてください。")
            } else {
                format!("{title}の「{range}」「振込パターンごとの手数料」を入力し、「変更」ボタンをクリックしてください。")
            }}
        </p>
        <div id="fees-no-change" tabindex="-1" role="status">
            {move || no_change.get().then(|| view! {
                <Notice tone=Tone::Warning heading="変更内容がありません">
                    <p>"変更された項目はありません。"</p>
                </Notice>
            })}
        </div>
        <ErrorSummary items=summary />
        <form novalidate on:submit=on_submit>
            {table.has_minimum().then(|| view! { class = class,
                <div class="panel">
                    <TextField
                        id=dom_id(field::MINIMUM)
                        label="適用最低支払金額"
                        hint=MINIMUM_HINT
                        value=minimum
                        error=error_of(field::MINIMUM)
                        required=true
                        size=18
                        inputmode="numeric"
                        on_blur=minimum_left
                    />
                </div>
            })}
            {method_panel}
            <FormSection title="基準手数料">
                <div class="fee-choice">
                    <input
                        type="checkbox"
                        id=use_standard_id.clone()
                        aria-describedby="fees-use_standard-note"
                        prop:checked=move || use_standard.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            edit(draft, |d| d.form.use_standard = on);
                            errors.update(|e| e.revalidate(rules()));
                        }
                    />
                    <label for=use_standard_id>"使用する(常に最新の基準手数料を使用する)"</label>
                </div>
                <p class="fee-note" id="fees-use_standard-note">{STANDARD_NOTE}</p>
            </FormSection>
            <section class="panel" aria-labelledby="fees-bands-title">
                <h2 id="fees-bands-title">{format!("{range}・振込パターンごとの手数料")}</h2>
                <p class="fee-note">
                    {format!("{range}は半角数字12桁以内、手数料は半角数字5桁以内で入力してください（単位：円）。最初の行の下限は1円、次の行の下限は前の行の上限の次の金額です。最後の行の上限を空欄にすると「上限なし」になります。")}
                </p>
                <div class="fee-tools">
                    <button
                        type="button"
                        class="btn-outline"
                        disabled=move || use_standard.get()
                        on:click=load_standard
                    >
                        "手数料を読み込む"
                    </button>
                    <span class="fee-note">"当社所定の振込手数料（基準手数料）を読み込みます。"</span>
                </div>
                <p class="visually-hidden" role="status">{move || status.get()}</p>
                {move || bands_error.get().map(|m| view! { class = class,
                    <span class="fee-field-error" id=bands_error_id.clone()>
                        <span class="visually-hidden">"エラー："</span>
                        {m}
                    </span>
                })}
                {move || {
                    if use_standard.get() {
                        standard_table().into_any()
                    } else {
                        editable_table().into_any()
                    }
                }}
            </section>
            <div class="btn-row">
                <button type="button" class="btn btn-secondary" on:click=back>"戻る"</button>
                <button type="submit" class="btn">"変更"</button>
            </div>
        </form>
    }
}
