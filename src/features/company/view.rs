//! 企業情報照会 [BKGK005]: the company as it is, read-only, with the way on to 「変更」.

use crate::api::use_api;
use crate::features::company::logic::sections;
use crate::features::company::{use_company, CompanyLoadFailure};
use crate::kernel::help;
use crate::kernel::paths;
use crate::ui::change_summary::ChangeSummary;
use crate::ui::notice::Loading;
use crate::ui::title_bar::TitleBar;
use kanri_contract::datetime::format_datetime;
use leptos::prelude::*;
use leptos_router::components::A;

/// 企業情報照会, for holders of 管理者権限.
#[component]
pub fn CompanyViewPage() -> impl IntoView {
    view! {
        <CompanyViewScreen />
    }
}

/// The sections of the manual's screens without marks, and 最終更新日時.
#[component]
fn CompanyViewScreen() -> impl IntoView {
    let api = use_api();
    use_company().draft.set(None);
    let data = LocalResource::new(move || async move { api.company().await });
    let retry = Callback::new(move |()| data.refetch());
    view! {
        <TitleBar screen=help::COMPANY_VIEW />
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <CompanyLoadFailure error=error retry=retry /> }.into_any(),
                    Ok(v) => {
                        let summary = sections(&v.company, &v.context, None);
                        view! {
                            <p>"登録されている企業情報です。"</p>
                            <p>{format!("最終更新日時：{}", format_datetime(v.updated_at))}</p>
                            <ChangeSummary sections=summary id_prefix="company" />
                            <div class="btn-row">
                                <A href=paths::COMPANY_EDIT attr:class="btn">"変更"</A>
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
