//! 証明書失効確認 [BRSK019]: the target, the operator's 確認用パスワード (and ワンタイム
//! パスワード when the company uses one), 「実行」.

use crate::api::{use_api, Api, ApiError};
use crate::features::users::certificates::logic::{
    after_revocation, is_own, target, target_rows, AfterRevocation, OWN_WARNING, STEPS,
};
use crate::features::users::detail::{login_id_param, operator_login_id};
use crate::features::users::{use_users, Outcome};
use crate::kernel::help;
use crate::kernel::paths;
use crate::ui::confirmed_submit::{show_all, use_confirmed_submit, ExecuteButton};
use crate::ui::failure::{LoadError, SubmitError};
use crate::ui::form::ErrorSummary;
use crate::ui::notice::{Loading, Notice, Tone};
use crate::ui::operator_fields::{OperatorFields, OperatorInput};
use crate::ui::session::{use_auth, AuthState};
use crate::ui::step_indicator::StepIndicator;
use crate::ui::title_bar::TitleBar;
use kanri_contract::users::{RevokeCertificateRequest, UserFormContext, UserList};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// 証明書失効確認, for holders of 管理者権限.
#[component]
pub fn CertRevokeConfirmPage() -> impl IntoView {
    view! {
        <CertConfirmScreen />
    }
}

/// The list (the target is one of its rows) and the company context (ワンタイムパスワード).
async fn load(api: Api) -> Result<(UserList, UserFormContext), ApiError> {
    let (list, ctx) = futures::future::join(
        api.users(Default::default(), Default::default(), None),
        api.user_form_context(),
    )
    .await;
    Ok((list?, ctx?))
}

/// What 「実行」 sends: the target, the request, and the context kept with the result.
type Submission = (String, RevokeCertificateRequest, UserFormContext);

/// The confirmation. A target that is not in the list or has no certificate to revoke
/// gets the reason and the way back instead of the form; the operator's own certificate
/// gets a warning that revoking it ends the session.
#[component]
fn CertConfirmScreen() -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let users = use_users();
    let navigate = use_navigate();
    let login_id = login_id_param();
    let operator = operator_login_id();
    // The target is looked up again when the URL's user changes.
    let data = LocalResource::new(move || {
        login_id.track();
        load(api)
    });

    // The company's use of ワンタイムパスワード is known once the data has loaded.
    let submit = use_confirmed_submit(
        OperatorInput::new(false),
        move |(id, req, _): Submission, key| async move {
            api.revoke_certificate(&id, &req, &key).await
        },
        move |done, (_, _, ctx): Submission| {
            let navigate = navigate.clone();
            async move {
                let next = after_revocation(&done);
                users
                    .outcome
                    .set(Some((Outcome::CertificateRevoked(Box::new(done)), ctx)));
                // The confirmation of a revoked certificate has no use: replace it.
                let replace = NavigateOptions {
                    replace: true,
                    ..Default::default()
                };
                match next {
                    AfterRevocation::ShowResult(path) => navigate(&path, replace),
                    AfterRevocation::SignOff(path) => {
                        // The backend has ended the session. Leave the logged-in frame
                        // first, then let the app forget the session: the frame would
                        // otherwise open 「ログアウトしました」 without the reason.
                        navigate(&path, replace);
                        gloo_timers::future::TimeoutFuture::new(0).await;
                        api.clear();
                        auth.state.set(AuthState::SignedOff);
                    }
                }
            }
        },
        show_all,
    );
    let pending = submit.pending();

    view! {
        <TitleBar screen=help::CERT_REVOKE_CONFIRM />
        <StepIndicator steps=STEPS current=1 />
        {move || submit.failure.get().map(|failed| view! {
            <SubmitError heading="電子証明書を失効できませんでした" failed=failed retry=submit.retry() pending=pending />
        })}
        <ErrorSummary items=submit.summary() />
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let id = login_id.get_untracked();
                match data.await {
                    Err(e) => view! {
                        <LoadError
                            what="利用者情報"
                            error=e
                            retry=Callback::new(move |()| data.refetch())
                            back_href=paths::CERT_REVOKE_LIST
                            back_label="証明書失効 利用者一覧へ"
                        />
                    }
                        .into_any(),
                    Ok((list, ctx)) => match target(&list, &id) {
                        Err(problem) => view! {
                            <Notice tone=Tone::Error heading=problem.heading()>
                                <p>{problem.message()}</p>
                            </Notice>
                            <div class="btn-row">
                                <A href=paths::CERT_REVOKE_LIST attr:class="btn">
                                    "証明書失効 利用者一覧へ"
                                </A>
                            </div>
                        }
                            .into_any(),
                        Ok(user) => {
                            let own = is_own(&user.login_id, &operator.get_untracked(), &list);
                            let rows = target_rows(user)
                                .into_iter()
                                .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
                                .collect_view();
                            let one_time_password = ctx.one_time_password;
                            let submission = StoredValue::new((user.login_id.clone(), ctx));
                            let submit = submit.with_otp(one_time_password);
                            view! {
                                <p>
                                    "以下の利用者の証明書を失効します。内容を確認の上、「実行」ボタンを押してください。"
                                    {one_time_password.then_some(
                                        "ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。",
                                    )}
                                </p>
                                {own.then(|| view! {
                                    <Notice tone=Tone::Warning heading="ご自身の電子証明書です">
                                        <p>{OWN_WARNING}</p>
                                    </Notice>
                                })}
                                <section class="panel" aria-labelledby="cert-revoke-target-title">
                                    <h2 id="cert-revoke-target-title">"証明書失効の対象利用者"</h2>
                                    <dl class="summary-list">{rows}</dl>
                                </section>
                                <form
                                    novalidate
                                    on:submit=move |ev: leptos::ev::SubmitEvent| {
                                        ev.prevent_default();
                                        let (id, ctx) = submission.get_value();
                                        submit.submit(|confirmation| {
                                            Some((id, RevokeCertificateRequest { confirmation }, ctx))
                                        });
                                    }
                                >
                                    <OperatorFields input=submit.operator errors=submit.errors />
                                    <div class="btn-row">
                                        <ExecuteButton pending=pending />
                                        <A href=paths::CERT_REVOKE_LIST attr:class="btn btn-secondary">
                                            "戻る"
                                        </A>
                                    </div>
                                </form>
                            }
                                .into_any()
                        }
                    },
                }
            })}
        </Transition>
    }
}
