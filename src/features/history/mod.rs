//! 操作履歴照会 [BSRR001] (manual 001, 「操作履歴照会」): the search 「操作履歴情報の検索」 and
//! 「操作履歴一覧」, 50 rows a page, sortable by 操作日時.
//!
//! The search lives in the URL (`/history?from=…`): the form writes a new URL, the page
//! reads it (back button, reload and bookmarks show the same rows), and every page link
//! and the sort are real links to such URLs. A URL that breaks the rules shows its errors
//! on the form.

pub mod logic;

use crate::api::{use_api, ApiError};
use crate::features::history::logic::{
    aria_sort, business_choices, dom_id, href, in_form_order, page_items, range_line,
    retention_hint, search_of_url, sort_action, user_choices, user_label, FieldMessage,
    HistoryForm, PageAhead, RESULT_FIELD,
};
use crate::kernel::help;
use crate::kernel::paths;
use crate::ui::failure::LoadError;
use crate::ui::form::{focus_id, ErrorSummary, SummaryItem};
use crate::ui::notice::{Loading, Notice, Tone};
use crate::ui::pager::Pager;
use crate::ui::print::{PrintButton, PrintSource};
use crate::ui::radios::Radios;
use crate::ui::title_bar::TitleBar;
use kanri_contract::datetime::format_datetime;
use kanri_contract::history::{
    field, truncated_message, HistoryContext, HistoryPage, HistoryQuery, Order, ResultFilter,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use stylers::style;

/// The id of the results' heading: where focus goes after a page link.
const RESULTS_TITLE: &str = "history-results-title";
/// The id of the 操作日時 sort button: focus stays on it after sorting.
const SORT_BUTTON: &str = "history-sort";

/// 操作履歴照会, for every logged-in user: their own operations, everyone's with
/// 全操作履歴照会. Loads what the search offers (`GET /api/history/context`) first.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let api = use_api();
    let context = LocalResource::new(move || async move { api.history_context().await });
    let retry = Callback::new(move |()| context.refetch());
    view! {
        <TitleBar screen=help::HISTORY />
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match context.await {
                    Ok(ctx) => view! { <HistoryScreen ctx=ctx /> }.into_any(),
                    Err(error) => view! { <ContextFailure error=error retry=retry /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Why the screen could not be opened, with 「再読み込み」 and the way back to 業務選択.
#[component]
fn ContextFailure(
    /// The failure.
    error: ApiError,
    /// Loads again.
    retry: Callback<()>,
) -> impl IntoView {
    view! {
        <LoadError
            what="操作履歴照会"
            error=error
            retry=retry
            back_href=paths::ADMIN
            back_label="業務選択へ"
        />
    }
}

/// The inputs of the search form as signals.
#[derive(Clone, Copy)]
struct Inputs {
    from: RwSignal<String>,
    to: RwSignal<String>,
    user: RwSignal<String>,
    business: RwSignal<String>,
    result: RwSignal<ResultFilter>,
}

impl Inputs {
    fn new(f: &HistoryForm) -> Self {
        Self {
            from: RwSignal::new(f.from.clone()),
            to: RwSignal::new(f.to.clone()),
            user: RwSignal::new(f.user.clone()),
            business: RwSignal::new(f.business.clone()),
            result: RwSignal::new(f.result),
        }
    }

    /// Show `f`. Only a value that differs is set: moving to another page of the same
    /// search changes nothing in the form, and must not wake each of the (up to a thousand)
    /// options of 利用者.
    fn set(&self, f: HistoryForm) {
        set_changed(self.from, f.from);
        set_changed(self.to, f.to);
        set_changed(self.user, f.user);
        set_changed(self.business, f.business);
        set_changed(self.result, f.result);
    }

    fn snapshot(&self) -> HistoryForm {
        HistoryForm {
            from: self.from.get_untracked(),
            to: self.to.get_untracked(),
            user: self.user.get_untracked(),
            business: self.business.get_untracked(),
            result: self.result.get_untracked(),
        }
    }
}

/// Set `signal` to `value` only if that changes it (what reads it is not woken for nothing).
fn set_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    signal.maybe_update(|v| {
        let changed = *v != value;
        if changed {
            *v = value;
        }
        changed
    });
}

/// The search form and the results of the URL's search.
#[component]
fn HistoryScreen(
    /// What the search offers: today, the retention, the operator, the users and 業務.
    ctx: HistoryContext,
) -> impl IntoView {
    let api = use_api();
    let navigate = use_navigate();
    let query = use_query_map();
    let may_view_all = ctx.may_view_all();
    let hint = retention_hint(&ctx);
    let (earliest, today) = (ctx.earliest.iso(), ctx.today.iso());
    let own_label = user_label(&ctx.own);
    let businesses = business_choices(&ctx);
    let ctx = StoredValue::new(ctx);

    // The search of the URL, or why it is not one; and the form showing the URL.
    let search = Memo::new(move |_| {
        query.with(|m| {
            ctx.with_value(|c| search_of_url(m.latest_values().map(|(k, v)| (k.as_ref(), v)), c))
        })
    });
    let url_form = Memo::new(move |_| {
        query.with(|m| {
            ctx.with_value(|c| {
                HistoryForm::of_pairs(m.latest_values().map(|(k, v)| (k.as_ref(), v)), c)
            })
        })
    });
    let inputs = Inputs::new(&url_form.get_untracked());
    let errors = RwSignal::new(Vec::<FieldMessage>::new());
    // The URL decides the form and its errors (a search, a link, back and forward).
    // (Any move, to another page too, shows the URL's search again in the form.)
    Effect::new(move |_| {
        inputs.set(url_form.get());
        set_changed(errors, search.with(|s| s.clone().err().unwrap_or_default()));
    });

    // The page after the one shown is fetched ahead (see `PageAhead`); a failure there is
    // not shown: 「次へ」 then asks again, and shows that answer.
    let ahead = StoredValue::new(PageAhead::default());
    let results = LocalResource::new(move || {
        let s = search.get();
        async move {
            let q = s.ok()?;
            let kept = ahead
                .try_update_value(|a| a.take(&q, js_sys::Date::now()))
                .flatten();
            let answer = match kept {
                Some(p) => Ok(p),
                None => api.history(&q).await,
            };
            if let Some(next) = answer.as_ref().ok().and_then(|p| PageAhead::next_of(&q, p)) {
                leptos::task::spawn_local(async move {
                    if let Ok(p) = api.history(&next).await {
                        // (Gone if the screen was left meanwhile.)
                        let _ = ahead.try_update_value(|a| a.keep(next, p, js_sys::Date::now()));
                    }
                });
            }
            Some(answer.map(|p| (q, p)))
        }
    });
    // The backend may refuse a search the SPA let through (its rules may differ): its
    // field errors go on the form like the SPA's own.
    Effect::new(move |_| {
        if let Some(Some(Err(e))) = results.get() {
            if !e.field_errors().is_empty() {
                errors.set(in_form_order(
                    e.field_errors().iter().map(FieldMessage::from).collect(),
                ));
            }
        }
    });

    let on_submit = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let order = search.with_untracked(|s| s.as_ref().map(|q| q.order).unwrap_or_default());
            match ctx.with_value(|c| inputs.snapshot().search(c, order)) {
                Err(e) => errors.set(e),
                Ok(q) if search.with_untracked(|s| s.as_ref() == Ok(&q)) => {
                    errors.set(Vec::new());
                    results.refetch();
                }
                Ok(q) => navigate(&href(&q), Default::default()),
            }
        }
    };

    let class = style! {
        .hs-form {
            display: flex;
            flex-wrap: wrap;
            align-items: flex-start;
            gap: 1rem 2rem;
        }
        .hs-form > legend {
            width: 100%;
        }
        .hs-group {
            min-width: 0;
            margin: 0;
            padding: 0;
            border: 0;
        }
        .hs-group > legend {
            padding: 0;
            font-weight: bold;
        }
        .hs-period {
            flex-basis: 100%;
        }
        .hs-dates {
            display: flex;
            flex-wrap: wrap;
            align-items: flex-end;
            gap: 0.5rem 1rem;
        }
        .hs-field {
            display: flex;
            flex-direction: column;
            align-items: flex-start;
            min-width: 0;
        }
        .hs-field.hs-invalid {
            padding-left: 0.75rem;
            border-left: 4px solid var(--color-error);
        }
        .hs-label {
            font-weight: bold;
        }
        .hs-dates .hs-label {
            font-weight: normal;
        }
        .hs-hint {
            display: block;
            margin: 0;
            color: var(--color-text-muted);
            font-size: 0.875rem;
        }
        .hs-error {
            display: block;
            color: var(--color-error);
            font-weight: bold;
        }
        .hs-input {
            max-width: 100%;
            min-height: 2.5rem;
            margin-top: 0.25rem;
            padding: 0.25rem 0.5rem;
            border: 2px solid var(--color-border-strong);
            border-radius: 0;
            background: var(--color-surface);
        }
        .hs-invalid .hs-input {
            border-color: var(--color-error);
        }
        .hs-tilde {
            padding-bottom: 0.5rem;
        }
        .hs-own {
            margin-top: 0.25rem;
            padding: 0.5rem 0;
        }
        .hs-submit {
            flex-basis: 100%;
        }
    };

    let summary = Signal::derive(move || {
        errors
            .read()
            .iter()
            .map(|e| SummaryItem {
                target: [field::FROM, field::TO, field::USER, field::BUSINESS]
                    .contains(&e.field.as_str())
                    .then(|| dom_id(&e.field)),
                message: e.message.clone(),
            })
            .collect::<Vec<_>>()
    });
    let error_of = move |f: &'static str| {
        Signal::derive(move || {
            errors
                .read()
                .iter()
                .find(|e| e.field == f)
                .map(|e| e.message.clone())
        })
    };
    // 「エラー：…」 under a label, with the id aria-describedby names.
    let error_text = move |f: &'static str| {
        let error = error_of(f);
        move || {
            error.get().map(|message| {
                view! { class = class,
                    <span class="hs-error" id=format!("{}-error", dom_id(f))>
                        <span class="visually-hidden">"エラー："</span>
                        {message}
                    </span>
                }
            })
        }
    };
    let described_by = move |f: &'static str, hint: Option<&'static str>| {
        let error = error_of(f);
        move || {
            let mut ids: Vec<String> = hint.map(str::to_owned).into_iter().collect();
            if error.read().is_some() {
                ids.push(format!("{}-error", dom_id(f)));
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };

    let date_field = move |f: &'static str, label: &'static str, value: RwSignal<String>| {
        let id = dom_id(f);
        let error = error_of(f);
        view! { class = class,
            <div class="hs-field" class:hs-invalid=move || error.read().is_some()>
                <label class="hs-label" for=id.clone()>{label}</label>
                {error_text(f)}
                <input
                    class="hs-input"
                    type="date"
                    id=id
                    min=earliest.clone()
                    max=today.clone()
                    required
                    aria-invalid=move || error.read().is_some().then_some("true")
                    aria-describedby=described_by(f, Some("history-period-hint"))
                    bind:value=value
                />
            </div>
        }
    };

    let user_part = if may_view_all {
        let error = error_of(field::USER);
        view! { class = class,
            <div class="hs-field" class:hs-invalid=move || error.read().is_some()>
                <label class="hs-label" for=dom_id(field::USER)>"利用者"</label>
                {error_text(field::USER)}
                <select
                    class="hs-input"
                    id=dom_id(field::USER)
                    aria-invalid=move || error.read().is_some().then_some("true")
                    aria-describedby=described_by(field::USER, None)
                    on:change=move |ev| inputs.user.set(event_target_value(&ev))
                >
                    // The choices follow the URL's search only, not each change: a select
                    // rebuilt under the keyboard would lose its focus.
                    {move || {
                        let chosen = url_form.with(|f| f.user.clone());
                        ctx.with_value(|c| user_choices(c, &chosen))
                            .unwrap_or_default()
                            .into_iter()
                            .map(|choice| {
                                let value = choice.value.clone();
                                view! { class = class,
                                    <option
                                        value=choice.value
                                        prop:selected=move || inputs.user.with(|u| *u == value)
                                    >
                                        {choice.label}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        }
        .into_any()
    } else {
        let error = error_of(field::USER);
        view! { class = class,
            <div
                class="hs-field"
                class:hs-invalid=move || error.read().is_some()
                role="group"
                aria-labelledby="history-user-label"
                aria-describedby=described_by(field::USER, Some("history-user-hint"))
            >
                <span class="hs-label" id="history-user-label">"利用者"</span>
                <span class="hs-hint" id="history-user-hint">
                    "ご自身の操作履歴のみ照会できます。"
                </span>
                {error_text(field::USER)}
                <span class="hs-own" id=dom_id(field::USER) tabindex="-1">{own_label}</span>
            </div>
        }
        .into_any()
    };

    let business_part = {
        let error = error_of(field::BUSINESS);
        view! { class = class,
            <div class="hs-field" class:hs-invalid=move || error.read().is_some()>
                <label class="hs-label" for=dom_id(field::BUSINESS)>"業務"</label>
                {error_text(field::BUSINESS)}
                <select
                    class="hs-input"
                    id=dom_id(field::BUSINESS)
                    aria-invalid=move || error.read().is_some().then_some("true")
                    aria-describedby=described_by(field::BUSINESS, None)
                    on:change=move |ev| inputs.business.set(event_target_value(&ev))
                >
                    {businesses
                        .into_iter()
                        .map(|choice| {
                            let value = choice.value.clone();
                            view! { class = class,
                                <option
                                    value=choice.value
                                    prop:selected=move || inputs.business.with(|b| *b == value)
                                >
                                    {choice.label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    };

    let result_part = view! {
        <Radios
            id=dom_id(RESULT_FIELD)
            name="history-result"
            legend="結果"
            options=ResultFilter::ALL
                .into_iter()
                .map(|r| (r, r.label().to_owned()))
                .collect()
            value=inputs.result
            on_choose=Callback::new(move |r| inputs.result.set(r))
            inline=true
        />
    };

    let intro = if may_view_all {
        "ご自身またはほかの利用者が行った操作の履歴を照会できます。"
    } else {
        "ご自身が行った操作の履歴を照会できます。"
    };

    view! { class = class,
        <p>
            {intro}
            "操作履歴を検索する場合は、「操作履歴情報の検索」に検索条件を入力し、「検索」ボタンを押してください。"
        </p>
        <ErrorSummary items=summary />
        <form novalidate on:submit=on_submit>
            <fieldset class="panel hs-form">
                <legend>
                    <h2>"操作履歴情報の検索"</h2>
                </legend>
                <fieldset class="hs-group hs-period">
                    <legend>"期間"</legend>
                    <span class="hs-hint" id="history-period-hint">{hint}</span>
                    <div class="hs-dates">
                        {date_field(field::FROM, "開始日", inputs.from)}
                        <span class="hs-tilde" aria-hidden="true">"〜"</span>
                        {date_field(field::TO, "終了日", inputs.to)}
                    </div>
                </fieldset>
                {user_part}
                {business_part}
                {result_part}
                <div class="hs-submit">
                    <button type="submit" class="btn">"検索"</button>
                </div>
            </fieldset>
        </form>
        <HistoryResults
            results=results
            ctx=ctx
            navigate_to=Callback::new(move |to: String| navigate(&to, Default::default()))
        />
    }
}

/// What [`HistoryResults`] shows: nothing to search (the URL broke the rules), or the
/// answer to a search with the search itself.
type Answer = Option<Result<(HistoryQuery, HistoryPage), ApiError>>;

/// 「操作履歴一覧」: the count, the truncation notice, the table, the page navigation. The
/// old table stays while the next page loads.
#[component]
fn HistoryResults(
    /// The answer to the URL's search.
    results: LocalResource<Answer>,
    /// What the search offers (the printout names the chosen user with it).
    ctx: StoredValue<HistoryContext>,
    /// Opens a URL of this screen (the sort).
    navigate_to: Callback<String>,
) -> impl IntoView {
    let pending = RwSignal::new(false);
    // Where focus goes once the next answer is shown (after a page link or the sort).
    let focus_next = StoredValue::new(None::<&'static str>);
    let class = style! {
        .hs-results {
            margin-top: 2rem;
        }
        .hs-results h2:focus {
            outline-offset: 0.25rem;
        }
        .hs-status {
            min-height: 1.5rem;
            margin: -0.5rem 0 0.25rem;
            color: var(--color-text-muted);
        }
        .hs-count {
            font-weight: bold;
        }
        .hs-order {
            margin-left: 0.5rem;
            font-weight: normal;
        }
        .hs-scroll {
            overflow-x: auto;
        }
        .hs-table thead th {
            white-space: nowrap;
        }
        .hs-sort {
            display: inline-flex;
            align-items: center;
            gap: 0.375rem;
            min-height: 2.75rem;
            padding: 0;
            border: 0;
            background: none;
            color: var(--color-link);
            font-weight: bold;
            text-decoration: underline;
            cursor: pointer;
        }
        .hs-results .hs-print {
            margin: 0 0 1rem;
        }
    };

    // A page link followed: focus the results afterwards.
    let remember = Callback::new(move |()| focus_next.set_value(Some(RESULTS_TITLE)));

    let api = use_api();
    // 「印刷」 prints the whole search (every row, not just this page).
    let print_source = move |q: HistoryQuery| {
        PrintSource::fetch(move || {
            let q = q.clone();
            // Taken before the fetch: the screen (and `ctx` with it) may be gone after it.
            let context = ctx.get_value();
            async move {
                let all = api.history_all(&q).await?;
                Ok(crate::features::history::logic::print::history_printout(
                    &all, &q, &context,
                ))
            }
        })
    };

    let table = move |q: HistoryQuery, p: HistoryPage| {
        let Some(line) = range_line(&p) else {
            return view! { class = class, <p>{crate::features::history::logic::print::NO_HISTORY}</p> }.into_any();
        };
        let sort_to = href(&q.reordered());
        let source = print_source(q.clone());
        let arrow = match q.order {
            Order::Newest => "▼",
            Order::Oldest => "▲",
        };
        let rows = p
            .rows
            .iter()
            .map(|r| {
                // Global classes only (style/base.css `.list-table`): see there.
                view! {
                    <tr>
                        <td class="nowrap">{format_datetime(r.at)}</td>
                        <td>{r.login_id.clone()}</td>
                        <td>{r.user_name.clone()}</td>
                        <td>{r.business.clone()}</td>
                        <td>{r.content()}</td>
                        <td class:failed=!r.ok>{r.result_label()}</td>
                    </tr>
                }
            })
            .collect_view();
        let pages = page_items(&q, &p);
        view! { class = class,
            <p class="hs-count">
                {line}
                <span class="hs-order">{format!("（{}）", q.order.label())}</span>
            </p>
            <div class="btn-row hs-print">
                <PrintButton source=source />
            </div>
            <div class="hs-scroll" role="region" aria-labelledby="history-caption" tabindex="0">
                <table class="list-table top hs-table">
                    <caption id="history-caption" class="visually-hidden">"操作履歴一覧"</caption>
                    <thead>
                        <tr>
                            <th scope="col" aria-sort=aria_sort(q.order)>
                                <button
                                    type="button"
                                    class="hs-sort"
                                    id=SORT_BUTTON
                                    on:click=move |_| {
                                        focus_next.set_value(Some(SORT_BUTTON));
                                        navigate_to.run(sort_to.clone());
                                    }
                                >
                                    "操作日時"
                                    <span class="visually-hidden">{sort_action(q.order)}</span>
                                    <span aria-hidden="true">{arrow}</span>
                                </button>
                            </th>
                            <th scope="col">"ログインID"</th>
                            <th scope="col">"利用者名"</th>
                            <th scope="col">"業務"</th>
                            <th scope="col">"操作内容"</th>
                            <th scope="col">"結果"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <Pager items=pages on_follow=remember />
        }
        .into_any()
    };

    view! { class = class,
        <div class="hs-results" aria-busy=move || pending.get().to_string()>
            <h2 id=RESULTS_TITLE tabindex="-1">"操作履歴一覧"</h2>
            <p class="hs-status" role="status">
                {move || pending.get().then_some("読み込み中です…")}
            </p>
            <Transition fallback=Loading set_pending=pending>
                {move || Suspend::new(async move {
                    let answer = results.await;
                    if let Some(id) = focus_next.get_value() {
                        focus_next.set_value(None);
                        request_animation_frame(move || focus_id(id));
                    }
                    match answer {
                        None => view! { class = class,
                            <p>
                                "検索条件に誤りがあるため、操作履歴を表示できません。「操作履歴情報の検索」で条件を修正し、「検索」ボタンを押してください。"
                            </p>
                        }
                        .into_any(),
                        Some(Ok((q, p))) => {
                            view! { class = class,
                                {p.truncated.then(|| view! {
                                    <Notice tone=Tone::Warning heading="表示件数の上限を超えました">
                                        <p>{truncated_message()}</p>
                                    </Notice>
                                })}
                                {table(q, p)}
                            }
                            .into_any()
                        }
                        Some(Err(e)) if e.status() == Some(422) => view! { class = class,
                            <p>
                                "検索条件に誤りがあるため、操作履歴を表示できません。「操作履歴情報の検索」で条件を修正し、「検索」ボタンを押してください。"
                            </p>
                            {e.field_errors().is_empty().then(|| view! { <p>{e.message()}</p> })}
                        }
                        .into_any(),
                        Some(Err(e)) => view! {
                            <LoadError
                                what="操作履歴"
                                error=e
                                retry=Callback::new(move |()| results.refetch())
                            />
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}
