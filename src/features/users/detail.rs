//! Parts shared by 利用者照会 [BRSK011] and 利用者削除 [BRSK022, BRSK023]: loading one
//! user with the company context, the user's status rows, and the load-failure notice.

use crate::api::{Api, ApiError};
use crate::features::users::logic::detail::{detail_sections, status_rows};
use crate::kernel::paths;
use crate::ui::change_summary::ChangeSummary;
use crate::ui::failure::LoadError;
use crate::ui::notice::{Notice, Tone};
use crate::ui::session::use_auth;
use kanri_contract::api::ErrorCode;
use kanri_contract::users::{UserDetail, UserFormContext};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The user and the company context (which services, accounts and limits to show).
pub type Loaded = (UserDetail, UserFormContext);

/// `GET /api/users/{login_id}` and `GET /api/users/form-context`, in parallel.
pub async fn load_user(api: Api, login_id: String) -> Result<Loaded, ApiError> {
    let (user, ctx) = futures::future::join(api.user(&login_id), api.user_form_context()).await;
    Ok((user?, ctx?))
}

/// The `:login_id` of the URL (empty when missing: the backend then answers 404).
pub fn login_id_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("login_id").unwrap_or_default())
}

/// The logged-in operator's login ID (who may not delete themself).
pub fn operator_login_id() -> Signal<String> {
    let auth = use_auth();
    Signal::derive(move || {
        auth.with_session(|s| s.user.login_id.clone())
            .unwrap_or_default()
    })
}

/// Whether the error means the user does not exist (deleted meanwhile, or a wrong URL).
pub fn is_not_found(e: &ApiError) -> bool {
    e.status() == Some(404) || e.code() == Some(ErrorCode::NotFound)
}

/// The status facts (利用者区分 … 最終更新日時) as a key–value list, then the user's data
/// section by section. Passwords are never shown.
#[component]
pub fn UserDetailView(
    /// The user.
    user: UserDetail,
    /// The company context.
    ctx: UserFormContext,
    /// Rows shown before the status rows (e.g. 削除日時 on the result screen).
    #[prop(optional)]
    extra_rows: Vec<(&'static str, String)>,
    /// The heading of the status rows.
    #[prop(default = "利用者の状態")]
    heading: &'static str,
) -> impl IntoView {
    let rows = extra_rows
        .into_iter()
        .chain(status_rows(&user))
        .map(|(label, value)| {
            view! {
                <dt>{label}</dt>
                <dd>{value}</dd>
            }
        })
        .collect_view();
    let summary = detail_sections(&user, &ctx);
    view! {
        <section class="panel" aria-labelledby="user-status-title">
            <h2 id="user-status-title">{heading}</h2>
            <dl class="summary-list">{rows}</dl>
        </section>
        <ChangeSummary sections=summary />
    }
}

/// Why the user could not be shown, with the way on: 404 gets its own wording and a link
/// to the list; other failures offer 「再読み込み」.
#[component]
pub fn LoadFailure(
    /// The failure.
    error: ApiError,
    /// Loads again.
    retry: Callback<()>,
) -> impl IntoView {
    if is_not_found(&error) {
        view! {
            <Notice tone=Tone::Error heading="指定された利用者は見つかりませんでした">
                <p>
                    "この利用者は既に削除されたか、URLが誤っている可能性があります。利用者一覧から利用者を選択し直してください。"
                </p>
            </Notice>
            <div class="btn-row">
                <A href=paths::USER_LIST attr:class="btn">"利用者一覧へ"</A>
            </div>
        }
        .into_any()
    } else {
        view! {
            <LoadError
                what="利用者情報"
                error=error
                retry=retry
                back_href=paths::USER_LIST
                back_label="利用者一覧へ"
            />
        }
        .into_any()
    }
}
