//! Step 5: 利用者登録結果 [BRSK010] / 利用者変更結果 [BRSK021].

use super::{screen, use_mode};
use crate::features::users::logic::print::{user_changed_printout, user_registered_printout};
use crate::features::users::logic::summary::{
    changed_sections, registered_sections, CHANGED_MESSAGE, REGISTERED_MESSAGE,
};
use crate::features::users::wizard::logic::{Step, WizardMode};
use crate::features::users::{use_users, Outcome};
use crate::kernel::paths;
use crate::ui::change_summary::ChangeSummary;
use crate::ui::notice::{Notice, Tone};
use crate::ui::print::{PrintButton, PrintSource};
use crate::ui::step_indicator::StepIndicator;
use crate::ui::title_bar::TitleBar;
use kanri_contract::datetime::format_datetime;
use leptos::prelude::*;

/// The result of 利用者登録 or 利用者変更 (memory only: a reload cannot show it again).
#[component]
pub fn UserDonePage(
    /// A change of the user in the URL rather than a registration.
    change: bool,
) -> impl IntoView {
    let mode = use_mode(change).get_untracked();
    let users = use_users();
    let register = mode == WizardMode::Register;
    let labels = Step::labels(&mode);
    let title = screen(&mode, Step::Done);
    let body = move || {
        let shown = users.outcome.with(|o| match o {
            Some((Outcome::Registered(r), ctx)) if register => Some((
                REGISTERED_MESSAGE,
                registered_sections(r, ctx),
                ("登録日時", r.registered_at),
                user_registered_printout(r, ctx),
            )),
            Some((Outcome::Changed(c), ctx)) if !register => Some((
                CHANGED_MESSAGE,
                changed_sections(c, ctx),
                ("変更日時", c.changed_at),
                user_changed_printout(c, ctx),
            )),
            _ => None,
        });
        match shown {
            Some((message, summary, (when_label, at), printout)) => view! {
                <Notice tone=Tone::Success heading=message>
                    <p>{format!("{when_label}：{}", format_datetime(at))}</p>
                </Notice>
                <ChangeSummary sections=summary id_prefix="result" />
                <div class="btn-row">
                    <a href=paths::HOME class="btn btn-secondary">"ホームへ"</a>
                    <a href=paths::USER_LIST class="btn">"利用者一覧へ"</a>
                    <PrintButton source=PrintSource::ready(printout) />
                </div>
            }
            .into_any(),
            None => view! {
                <Notice tone=Tone::Warning heading="結果は表示できません">
                    <p>"画面の再読み込みなどにより、処理結果の表示は終了しました。登録・変更の内容は利用者一覧からご確認ください。"</p>
                </Notice>
                <div class="btn-row">
                    <a href=paths::HOME class="btn btn-secondary">"ホームへ"</a>
                    <a href=paths::USER_LIST class="btn">"利用者一覧へ"</a>
                </div>
            }
            .into_any(),
        }
    };
    view! {
        <TitleBar screen=title />
        <StepIndicator steps=labels current=Step::Done.index() />
        {body}
    }
}
