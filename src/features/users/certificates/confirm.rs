//! 証明書失効確認 [BRSK019]: the target, the operator's 確認用パスワード (and ワンタイム
//! パスワード when the company uses one), 「実行」.

use crate::api::{submit_with_key, use_api, Api, ApiError};
use crate::features::users::certificates::logic::{
    after_revocation, is_own, target, target_rows, AfterRevocation, OWN_WARNING, STEPS,
};
use crate::features::users::detail::{login_id_param, operator_login_id};
use crate::features::users::{use_users, Outcome};
use crate::kernel::confirmation::{dom_id, refusal};
use crate::kernel::help;
use crate::kernel::idempotency::SubmitKey;
use crate::kernel::paths;
use crate::ui::failure::{Failed, LoadError, SubmitError};
use crate::ui::form::{ErrorSummary, SummaryItem};
use crate::ui::notice::{Loading, Notice, Tone};
use crate::ui::operator_fields::{OperatorFields, OperatorInput};
use crate::ui::require::RequirePermission;
use crate::ui::session::{use_auth, AuthState};
use crate::ui::step_indicator::StepIndicator;
use crate::ui::title_bar::TitleBar;
use kanri_contract::api::{FieldError, Permission};
use kanri_contract::users::{RevokeCertificateRequest, UserFormContext, UserList};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// 証明書失効確認, for holders of 管理者権限.
#[component]
pub fn CertRevokeConfirmPage() -> impl IntoView {
    view! {
        <RequirePermission permission=Permission::ManageUsers>
            <CertConfirmScreen />
        </RequirePermission>
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
    let operator_input = OperatorInput::new(false);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<Failed>);
    let submit_key = StoredValue::new(SubmitKey::default());
    // The submission last sent: 「再試行」 sends it again (the same body, so the same key).
    let last = StoredValue::new(None::<Submission>);

    let submit = Action::new_local(move |input: &Submission| {
        let navigate = navigate.clone();
        let (id, req, ctx) = input.clone();
        async move {
            let (target, body) = (&id, &req);
            let result = submit_with_key(submit_key, body, |key| async move {
                api.revoke_certificate(target, body, &key).await
            })
            .await;
            match result {
                Ok(done) => {
                    operator_input.clear();
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
                Err(e) => {
                    let r = refusal(&e);
                    if r.clear_password {
                        operator_input.clear();
                    }
                    errors.try_set(r.field_errors);
                    failure.try_set(r.message.map(|m| Failed::with_message(m, &e)));
                }
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent,
                          submission: (String, bool, UserFormContext)| {
        ev.prevent_default();
        if submit.pending().get_untracked() {
            return;
        }
        let (id, one_time_password, ctx) = submission;
        failure.set(None);
        let operator = operator_input.with_otp(one_time_password);
        let req = RevokeCertificateRequest {
            confirmation: operator.confirmation(),
        };
        errors.set(operator.errors());
        if errors.read_untracked().is_empty() {
            last.set_value(Some((id.clone(), req.clone(), ctx.clone())));
            submit.dispatch((id, req, ctx));
        }
    };
    let resend = Callback::new(move |()| {
        if let Some(s) = last.get_value() {
            if !submit.pending().get_untracked() {
                submit.dispatch(s);
            }
        }
    });
    let pending = submit.pending();

    // Only the errors of the last submission (client checks or the backend's answer).
    let summary = Signal::derive(move || {
        errors
            .read()
            .iter()
            .map(|e| SummaryItem {
                target: dom_id(&e.field).map(str::to_owned),
                message: e.message.clone(),
            })
            .collect::<Vec<_>>()
    });

    view! {
        <TitleBar screen=help::CERT_REVOKE_CONFIRM />
        <StepIndicator steps=STEPS current=1 />
        {move || failure.get().map(|failed| view! {
            <SubmitError heading="電子証明書を失効できませんでした" failed=failed retry=resend pending=pending />
        })}
        <ErrorSummary items=summary />
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
                            let submission =
                                StoredValue::new((user.login_id.clone(), one_time_password, ctx));
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
                                    on:submit=move |ev| on_submit(ev, submission.get_value())
                                >
                                    <OperatorFields input=operator_input.with_otp(one_time_password) errors=errors />
                                    <div class="btn-row">
                                        <button
                                            type="submit"
                                            class="btn"
                                            disabled=move || submit.pending().get()
                                        >
                                            {move || if submit.pending().get() { "処理中…" } else { "実行" }}
                                        </button>
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
