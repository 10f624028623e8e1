//! 企業情報変更結果 [BKGK003]: 「以下の内容で企業情報を変更しました。」 with the same
//! highlighting as 確認.

use crate::features::company::edit::STEPS;
use crate::features::company::logic::print::company_changed_printout;
use crate::features::company::logic::{done_sections, DONE_MESSAGE, DONE_NOTE};
use crate::features::company::use_company;
use crate::kernel::help;
use crate::kernel::paths;
use crate::ui::change_summary::ChangeSummary;
use crate::ui::notice::{Notice, Tone};
use crate::ui::print::{PrintButton, PrintSource};
use crate::ui::step_indicator::StepIndicator;
use crate::ui::title_bar::TitleBar;
use kanri_contract::datetime::format_datetime;
use leptos::prelude::*;

/// 企業情報変更結果, for holders of 管理者権限.
#[component]
pub fn CompanyDonePage() -> impl IntoView {
    view! {
        <TitleBar screen=help::COMPANY_DONE />
        <StepIndicator steps=STEPS current=2 />
        <DoneScreen />
    }
}

/// The result as the backend answered it (before and after), or — after a reload — why
/// it is no longer shown.
#[component]
fn DoneScreen() -> impl IntoView {
    let state = use_company();
    let Some((done, ctx)) = state.outcome.get_untracked() else {
        return view! {
            <Notice tone=Tone::Warning heading="結果は表示できません">
                <p>"画面の再読み込みなどにより、処理結果の表示は終了しました。変更の内容は企業情報の照会からご確認ください。"</p>
            </Notice>
            <div class="btn-row">
                <a href=paths::COMPANY_VIEW class="btn">"企業情報の照会へ"</a>
            </div>
        }
        .into_any();
    };
    let summary = done_sections(&done, &ctx);
    let printout = company_changed_printout(&done, &ctx);
    view! {
        <Notice tone=Tone::Success heading=DONE_MESSAGE>
            <p>{DONE_NOTE}</p>
            <p>{format!("変更日時：{}", format_datetime(done.changed_at))}</p>
        </Notice>
        <ChangeSummary sections=summary id_prefix="result" />
        <div class="btn-row">
            <a href=paths::COMPANY_TASKS class="btn">"作業内容選択へ"</a>
            <a href=paths::COMPANY_VIEW class="btn btn-secondary">"企業情報の照会へ"</a>
            <PrintButton source=PrintSource::ready(printout) />
        </div>
    }
    .into_any()
}
