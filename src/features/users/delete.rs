//! 利用者削除確認 [BRSK022] and 利用者削除結果 [BRSK023].

use crate::api::use_api;
use crate::features::users::detail::{
    load_user, login_id_param, operator_login_id, LoadFailure, UserDetailView,
};
use crate::features::users::logic::detail::{deleted_rows, DELETED_HEADING, DELETED_MESSAGE};
use crate::features::users::logic::print::user_deleted_printout;
use crate::features::users::{use_users, Outcome};
use crate::kernel::help;
use crate::kernel::paths;
use crate::ui::confirmed_submit::{show_all, use_confirmed_submit, ExecuteButton};
use crate::ui::failure::SubmitError;
use crate::ui::form::ErrorSummary;
use crate::ui::notice::{Loading, Notice, Tone};
use crate::ui::operator_fields::{OperatorFields, OperatorInput};
use crate::ui::print::{PrintButton, PrintSource};
use crate::ui::title_bar::TitleBar;
use kanri_contract::users::{DeleteUserRequest, UserDeleted, UserFormContext};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// 利用者削除確認, for holders of 管理者権限.
#[component]
pub fn UserDeletePage() -> impl IntoView {
    view! {
        <DeleteScreen />
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
    let submit = use_confirmed_submit(
        OperatorInput::new(false),
        move |(id, req, _): Submission, key| async move { api.delete_user(&id, &req, &key).await },
        move |done, (id, _, ctx): Submission| {
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
            std::future::ready(())
        },
        show_all,
    );
    let pending = submit.pending();

    view! {
        <TitleBar screen=help::USER_DELETE_CONFIRM />
        {move || submit.failure.get().map(|failed| view! {
            <SubmitError heading="利用者を削除できませんでした" failed=failed retry=submit.retry() pending=pending />
        })}
        <ErrorSummary items=submit.summary() />
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
                                let submission = StoredValue::new((id, ctx.clone()));
                                let submit = submit.with_otp(one_time_password);
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
                                        on:submit=move |ev: leptos::ev::SubmitEvent| {
                                            ev.prevent_default();
                                            let (id, ctx) = submission.get_value();
                                            submit.submit(|confirmation| {
                                                Some((id, DeleteUserRequest { confirmation }, ctx))
                                            });
                                        }
                                    >
                                        <OperatorFields input=submit.operator errors=submit.errors />
                                        <div class="btn-row">
                                            <ExecuteButton pending=pending />
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
        <DeletedScreen />
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
