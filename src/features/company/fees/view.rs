//! 手数料照会 [BKGK014 / BKGK024 / BKGK034]: one fee table as in force, read-only, with
//! 最終更新日時 and the way on to 「変更」.

use super::{fee_page, use_fees};
use crate::api::use_api;
use crate::features::company::fees::logic::{sections, FeeStep, STANDARD_NOTE};
use crate::features::company::CompanyLoadFailure;
use crate::kernel::paths;
use crate::ui::change_summary::ChangeSummary;
use crate::ui::notice::Loading;
use kanri_contract::datetime::format_datetime;
use kanri_contract::fees::FeeTable;
use leptos::prelude::*;
use leptos_router::components::A;

/// 手数料照会 of the table in the URL, for holders of 管理者権限.
#[component]
pub fn FeeViewPage() -> impl IntoView {
    fee_page(
        FeeStep::View,
        |table| view! { <FeeViewScreen table=table /> },
    )
}

/// 「最終更新日時」 (a table never changed has none).
pub fn updated_text(updated_at: i64) -> String {
    if updated_at > 0 {
        format_datetime(updated_at)
    } else {
        "変更履歴はありません".to_owned()
    }
}

/// The settings as tables (no marks), 最終更新日時, 「変更」 and 「戻る」. Opening it
/// abandons a change in progress (「変更」 starts from what is shown).
#[component]
fn FeeViewScreen(
    /// The table shown.
    table: FeeTable,
) -> impl IntoView {
    let api = use_api();
    use_fees().draft.set(None);
    let data = LocalResource::new(move || async move { api.fees(table).await });
    let retry = Callback::new(move |()| data.refetch());
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <CompanyLoadFailure error=error retry=retry what="手数料情報" /> }.into_any(),
                    Ok(v) => {
                        let summary = sections(table, None, &v.settings);
                        let on_standard = v.settings.use_standard;
                        view! {
                            <p>{format!("{}の設定内容です。", table.title())}</p>
                            <dl class="summary-list">
                                <dt>"最終更新日時"</dt>
                                <dd>{updated_text(v.updated_at)}</dd>
                            </dl>
                            {on_standard.then(|| view! {
                                <p>{format!("基準手数料を使用しています。{STANDARD_NOTE}")}</p>
                            })}
                            <ChangeSummary sections=summary id_prefix="fees-view" />
                            <div class="btn-row">
                                <A href=paths::fees_step(table, "edit") attr:class="btn">"変更"</A>
                                <A href=paths::COMPANY_TASKS attr:class="btn btn-secondary">
                                    "戻る"
                                </A>
                            </div>
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}
