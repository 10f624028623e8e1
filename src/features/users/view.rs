//! 利用者照会 [BRSK011]: one user, read-only, with the ways on to 「変更」 and 「削除」.

use crate::api::use_api;
use crate::features::users::detail::{
    load_user, login_id_param, operator_login_id, LoadFailure, UserDetailView,
};
use crate::features::users::wizard::logic::{Step, WizardMode};
use crate::features::users::{step_path, use_users};
use crate::kernel::help;
use crate::kernel::paths;
use crate::ui::notice::Loading;
use crate::ui::title_bar::TitleBar;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// 利用者照会, for holders of 管理者権限.
#[component]
pub fn UserViewPage() -> impl IntoView {
    view! {
        <ViewScreen />
    }
}

/// The user's status and data; 「変更」 always, 「削除」 only when the operator may delete
/// this user (otherwise the reason is shown).
#[component]
fn ViewScreen() -> impl IntoView {
    let api = use_api();
    let users = use_users();
    let navigate = use_navigate();
    let login_id = login_id_param();
    let operator = operator_login_id();
    let data = LocalResource::new(move || load_user(api, login_id.get()));
    let retry = Callback::new(move |()| data.refetch());

    let change = Callback::new(move |id: String| {
        let mode = WizardMode::Change { login_id: id };
        let path = step_path(&mode, Step::Basics);
        users.begin(mode);
        navigate(&path, Default::default());
    });

    view! {
        <TitleBar screen=help::USER_VIEW />
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <LoadFailure error=error retry=retry /> }.into_any(),
                    Ok((user, ctx)) => {
                        let id = user.profile.login_id.clone();
                        let deletable = user.deletable_by(&operator.get_untracked());
                        let (delete, reason) = match deletable {
                            Ok(()) => (
                                Some(view! {
                                    <A href=paths::user_delete(&id) attr:class="btn btn-secondary">
                                        "削除"
                                    </A>
                                }),
                                None,
                            ),
                            Err(why) => (None, Some(view! { <p>{why}</p> })),
                        };
                        let change_id = id.clone();
                        view! {
                            <p>"選択した利用者の登録内容です。"</p>
                            <UserDetailView user=user ctx=ctx />
                            {reason}
                            <div class="btn-row">
                                <button
                                    type="button"
                                    class="btn"
                                    on:click=move |_| change.run(change_id.clone())
                                >
                                    "変更"
                                </button>
                                {delete}
                                <A href=paths::USER_LIST attr:class="btn btn-secondary">
                                    "利用者一覧へ"
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
