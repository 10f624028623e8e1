//! 手数料の変更結果 [BKGK013 / BKGK023 / BKGK033]: what was changed (before → after,
//! changed values in yellow) and 変更日時.

use super::{fee_page, use_fees};
use crate::features::company::fees::logic::print::fees_changed_printout;
use crate::features::company::fees::logic::{done_message, done_sections, FeeStep};
use crate::kernel::paths;
use crate::ui::change_summary::ChangeSummary;
use crate::ui::notice::{Notice, Tone};
use crate::ui::print::{PrintButton, PrintSource};
use kanri_contract::datetime::format_datetime;
use kanri_contract::fees::{FeeTable, FeesChanged};
use leptos::prelude::*;
use leptos_router::components::A;

/// 手数料の変更結果 of the table in the URL, for holders of 管理者権限.
#[component]
pub fn FeeDonePage() -> impl IntoView {
    fee_page(
        FeeStep::Done,
        |table| view! { <FeeDoneScreen table=table /> },
    )
}

/// The result of the change just made (kept in memory only: after a reload it is gone,
/// and the screen says so).
#[component]
fn FeeDoneScreen(
    /// The table changed.
    table: FeeTable,
) -> impl IntoView {
    let fees = use_fees();
    let result = Memo::new(move |_| {
        fees.outcome
            .with(|o| o.as_ref().filter(|d| d.table == table).cloned())
    });
    move || {
        match result.get() {
        Some(done) => done_view(done).into_any(),
        None => view! {
            <Notice tone=Tone::Warning heading="変更結果は表示できません">
                <p>
                    {format!("変更結果は、お客様の情報保護のため保存していません。画面を再読み込みした場合などは表示できません。変更されたかどうかは、{}照会でご確認ください。", table.title())}
                </p>
            </Notice>
            <div class="btn-row">
                <A href=paths::fees_view(table) attr:class="btn">{format!("{}照会へ", table.title())}</A>
                <A href=paths::COMPANY_TASKS attr:class="btn btn-secondary">"作業内容選択へ"</A>
            </div>
        }
        .into_any(),
    }
    }
}

/// 「以下の内容で…を変更しました。」, 変更日時, the change, and the ways on (with 「印刷」).
fn done_view(done: FeesChanged) -> impl IntoView {
    let table = done.table;
    let title = table.title();
    let summary = done_sections(&done);
    let printout = fees_changed_printout(&done);
    view! {
        <Notice tone=Tone::Success heading=format!("{title}を変更しました")>
            <p>{done_message(table)}</p>
        </Notice>
        <dl class="summary-list">
            <dt>"変更日時"</dt>
            <dd>{format_datetime(done.changed_at)}</dd>
        </dl>
        <ChangeSummary sections=summary id_prefix="fees-done" />
        <div class="btn-row">
            <A href=paths::COMPANY_TASKS attr:class="btn">"作業内容選択へ"</A>
            <A href=paths::fees_view(table) attr:class="btn btn-secondary">
                {format!("{title}照会へ")}
            </A>
            <PrintButton source=PrintSource::ready(printout) />
        </div>
    }
}
