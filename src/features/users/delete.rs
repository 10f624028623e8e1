//! 利用者削除確認 [BRSK022] and 利用者削除結果 [BRSK023].

use crate::api::{submit_with_key, use_api};
use crate::features::users::detail::{
    load_user, login_id_param, operator_login_id, LoadFailure, UserDetailView,
};
use crate::features::users::logic::detail::{deleted_rows, DELETED_HEADING, DELETED_MESSAGE};
use crate::features::users::logic::print::user_deleted_printout;
use crate::features::users::{use_users, Outcome};
use crate::kernel::confirmation::{dom_id, refusal};
use crate::kernel::help;
use crate::kernel::idempotency::SubmitKey;
use crate::kernel::paths;
use crate::ui::failure::{Failed, SubmitError};
use crate::ui::form::{ErrorSummary, SummaryItem};
use crate::ui::notice::{Loading, Notice, Tone};
use crate::ui::operator_fields::{OperatorFields, OperatorInput};
use crate::ui::print::{PrintButton, PrintSource};
use crate::ui::require::RequirePermission;
use crate::ui::title_bar::TitleBar;
use kanri_contract::api::{FieldError, Permission};
use kanri_contract::users::{DeleteUserRequest, UserDeleted, UserFormContext};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// 利用者削除確認, for holders of 管理者権限.
#[component]
pub fn UserDeletePage() -> impl IntoView {
    view! {
        <RequirePermission permission=Permission::ManageUsers>
            <DeleteScreen />
        </RequirePermission>
    }
}

/// What 「実行」 sends: the target, the request, and the context to show the result with.
type Submission = (String, DeleteUserRequest, UserFormContext);

/// The confirmation: the user's data, the operator's 確認用パスワード (and ワンタイム
/// パスワード when the company uses one), 「実行」. The master user and the operator
/// themself get the reason instead of 「実行」.
#[component]
fn DeleteScreen() -> impl IntoView {
    let api = use_api();
    let users = use_users();
    let navigate = use_navigate();
    let login_id = login_id_param();
    let operator = operator_login_id();
    let data = LocalResource::new(move || load_user(api, login_id.get()));
    let retry = Callback::new(move |()| data.refetch());

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
                api.delete_user(target, body, &key).await
            })
            .await;
            match result {
                Ok(done) => {
                    operator_input.clear();
                    users
                        .outcome
                        .set(Some((Outcome::Deleted(Box::new(done)), ctx)));
                    // The confirmation of a deleted user has no use: replace it.
                    navigate(
                        &paths::user_deleted(&id),
                        NavigateOptions {
                            replace: true,
                            ..Default::default()
                        },
                    );
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
        let req = DeleteUserRequest {
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
        <TitleBar screen=help::USER_DELETE_CONFIRM />
        {move || failure.get().map(|failed| view! {
            <SubmitError heading="利用者を削除できませんでした" failed=failed retry=resend pending=pending />
        })}
        <ErrorSummary items=summary />
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <LoadFailure error=error retry=retry /> }.into_any(),
                    Ok((user, ctx)) => {
                        let id = user.profile.login_id.clone();
                        let one_time_password = ctx.one_time_password;
                        match user.deletable_by(&operator.get_untracked()) {
                            Err(why) => view! {
                                <Notice tone=Tone::Error heading="この利用者は削除できません">
                                    <p>{why}</p>
                                </Notice>
                                <UserDetailView user=user ctx=ctx />
                                <div class="btn-row">
                                    <A href=paths::USER_LIST attr:class="btn btn-secondary">"戻る"</A>
                                </div>
                            }
                                .into_any(),
                            Ok(()) => {
                                let submission = StoredValue::new((id, one_time_password, ctx.clone()));
                                view! {
                                    <p>
                                        "以下の利用者を削除します。内容を確認の上、確認用パスワードを入力し、「実行」ボタンを押してください。"
                                        {one_time_password.then_some(
                                            "ワンタイムパスワードご利用企業さまはワンタイムパスワードも入力してください。",
                                        )}
                                    </p>
                                    <Notice tone=Tone::Warning heading="電子証明書の失効について">
                                        <p>
                                            "削除した利用者の電子証明書は失効します。削除後、この利用者はログインできなくなります。"
                                        </p>
                                    </Notice>
                                    <UserDetailView user=user ctx=ctx />
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
                                            <A href=paths::USER_LIST attr:class="btn btn-secondary">"戻る"</A>
                                        </div>
                                    </form>
                                }
                                    .into_any()
                            }
                        }
                    }
                }
            })}
        </Transition>
    }
}

/// 利用者削除結果, for holders of 管理者権限.
#[component]
pub fn UserDeletedPage() -> impl IntoView {
    view! {
        <RequirePermission permission=Permission::ManageUsers>
            <DeletedScreen />
        </RequirePermission>
    }
}

/// The result of the deletion just made (kept in memory only: after a reload it is gone,
/// and the screen says so).
#[component]
fn DeletedScreen() -> impl IntoView {
    let users = use_users();
    let login_id = login_id_param();
    let result = Memo::new(move |_| {
        users.outcome.with(|o| match o {
            Some((Outcome::Deleted(done), ctx)) if done.user.profile.login_id == login_id.get() => {
                Some(((**done).clone(), ctx.clone()))
            }
            _ => None,
        })
    });
    view! {
        <TitleBar screen=help::USER_DELETE_DONE />
        {move || match result.get() {
            Some((done, ctx)) => deleted_view(done, ctx).into_any(),
            None => view! {
                <Notice tone=Tone::Warning heading="削除結果は表示できません">
                    <p>
                        "削除結果は、お客様の情報保護のため保存していません。画面を再読み込みした場合などは表示できません。削除されたかどうかは、利用者一覧でご確認ください。"
                    </p>
                </Notice>
                <div class="btn-row">
                    <A href=paths::USER_LIST attr:class="btn">"利用者一覧へ"</A>
                </div>
            }
                .into_any(),
        }}
    }
}

/// 「以下の利用者を削除しました。」, the user's data with 削除日時, and the ways on (with
/// 「印刷」).
fn deleted_view(done: UserDeleted, ctx: UserFormContext) -> impl IntoView {
    let deleted_at = deleted_rows(&done);
    let printout = user_deleted_printout(&done, &ctx);
    view! {
        <Notice tone=Tone::Success heading="利用者を削除しました">
            <p>{DELETED_MESSAGE}</p>
        </Notice>
        <UserDetailView user=done.user ctx=ctx extra_rows=deleted_at heading=DELETED_HEADING />
        <div class="btn-row">
            <A href=paths::HOME attr:class="btn">"ホームへ"</A>
            <A href=paths::USER_LIST attr:class="btn btn-secondary">"利用者一覧へ"</A>
            <PrintButton source=PrintSource::ready(printout) />
        </div>
    }
}
