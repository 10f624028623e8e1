//! 証明書失効結果 [BRSK020].

use crate::features::users::certificates::logic::{
    result_rows, RESULT_HEADING, REVOKED_MESSAGE, STEPS,
};
use crate::features::users::detail::login_id_param;
use crate::features::users::logic::print::certificate_revoked_printout;
use crate::features::users::{use_users, Outcome};
use crate::kernel::help;
use crate::kernel::paths;
use crate::ui::notice::{Notice, Tone};
use crate::ui::print::{PrintButton, PrintSource};
use crate::ui::step_indicator::StepIndicator;
use crate::ui::title_bar::TitleBar;
use kanri_contract::users::CertificateRevoked;
use leptos::prelude::*;
use leptos_router::components::A;

/// 証明書失効結果, for holders of 管理者権限.
#[component]
pub fn CertRevokedPage() -> impl IntoView {
    view! {
        <CertDoneScreen />
    }
}

/// The result of the revocation just made (kept in memory only: after a reload it is
/// gone, and the screen says so).
#[component]
fn CertDoneScreen() -> impl IntoView {
    let users = use_users();
    let login_id = login_id_param();
    let result = Memo::new(move |_| {
        users.outcome.with(|o| match o {
            Some((Outcome::CertificateRevoked(done), _))
                if done.user.login_id == login_id.get() =>
            {
                Some((**done).clone())
            }
            _ => None,
        })
    });
    view! {
        <TitleBar screen=help::CERT_REVOKE_DONE />
        <StepIndicator steps=STEPS current=2 />
        {move || match result.get() {
            Some(done) => revoked_view(done).into_any(),
            None => view! {
                <Notice tone=Tone::Warning heading="失効結果は表示できません">
                    <p>
                        "失効結果は、お客様の情報保護のため保存していません。画面を再読み込みした場合などは表示できません。失効されたかどうかは、証明書失効 利用者一覧の証明書状態でご確認ください。"
                    </p>
                </Notice>
                <div class="btn-row">
                    <A href=paths::CERT_REVOKE_LIST attr:class="btn">"証明書失効 利用者一覧へ"</A>
                </div>
            }
                .into_any(),
        }}
    }
}

/// 「以下の利用者の証明書を失効しました。」, the result rows and the ways on (with 「印刷」).
/// (One's own revocation never comes here: it ends on 「ログアウトしました」 with the
/// close-browser advice.)
fn revoked_view(done: CertificateRevoked) -> impl IntoView {
    let printout = certificate_revoked_printout(&done);
    let rows = result_rows(&done)
        .into_iter()
        .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
        .collect_view();
    view! {
        <Notice tone=Tone::Success heading="証明書を失効しました">
            <p>{REVOKED_MESSAGE}</p>
        </Notice>
        <section class="panel" aria-labelledby="cert-revoked-title">
            <h2 id="cert-revoked-title">{RESULT_HEADING}</h2>
            <dl class="summary-list">{rows}</dl>
        </section>
        <div class="btn-row">
            <A href=paths::HOME attr:class="btn">"ホームへ"</A>
            <A href=paths::CERT_REVOKE_LIST attr:class="btn btn-secondary">"証明書失効 利用者一覧へ"</A>
            <PrintButton source=PrintSource::ready(printout) />
        </div>
    }
}
