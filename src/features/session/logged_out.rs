//! ログアウト [BLGI002].

use crate::api::use_api;
use crate::kernel::help;
use crate::kernel::paths;
use crate::ui::frame::PublicFrame;
use crate::ui::notice::{Notice, Tone};
use crate::ui::session::{retry_sign_off, use_auth};
use crate::ui::title_bar::TitleBar;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// 「ログアウトしました」, advising to close every browser window (certificate sessions).
/// `?reason=certificate-revoked`: the user revoked their own certificate (BRSK020).
#[component]
pub fn LoggedOutPage() -> impl IntoView {
    let own_certificate_revoked =
        use_query_map().read_untracked().get("reason").as_deref() == Some("certificate-revoked");
    view! {
        <PublicFrame>
            <TitleBar screen=help::LOGGED_OUT />
            {own_certificate_revoked.then(|| view! {
                <Notice tone=Tone::Warning heading="ご自身の電子証明書を失効しました">
                    <p>"電子証明書を失効したため、ログアウトしました。「閉じる」ボタンを押して、ブラウザを閉じてください。再度ブラウザを起動する前に、一度すべてのブラウザを閉じてください。"</p>
                    <p>"電子証明書を再取得する場合は、管理者に再発行を依頼のうえ、証明書発行アプリから取得してください。"</p>
                    <button
                        type="button"
                        class="btn"
                        on:click=|_| {
                            if let Some(w) = web_sys::window() {
                                let _ = w.close();
                            }
                        }
                    >
                        "閉じる"
                    </button>
                    <p>"ブラウザが閉じない場合は、ブラウザの「×」ボタンですべてのウィンドウを閉じてください。"</p>
                </Notice>
            })}
            <LogoutOutcome />
            <p>
                "電子証明書をご利用のお客様は、セキュリティ保護のため、開いているすべてのブラウザを閉じてください。"
            </p>
            <p>
                <A href=paths::LOGIN>"ログイン画面へ"</A>
            </p>
        </PublicFrame>
    }
}

/// 「ログアウトしました」, or, when the backend did not confirm the end of the session,
/// why, with 「再試行」 (the app has forgotten the user either way).
#[component]
fn LogoutOutcome() -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let retry = Action::new_local(move |_: &()| retry_sign_off(api, auth));
    move || {
        match auth.logout_failed.get() {
        None => view! {
            <Notice tone=Tone::Success heading="ログアウトしました">
                <p>"ご利用ありがとうございました。"</p>
            </Notice>
        }
        .into_any(),
        Some(failure) => view! {
            <Notice tone=Tone::Error heading="ログアウトを完了できませんでした">
                <p>{failure.message}</p>
                <p>
                    "この画面にお客様の情報は表示されませんが、サーバー上のログイン状態が残っている可能性があります。安全のため、開いているすべてのブラウザを閉じてください。"
                </p>
                {failure.retryable.then(|| view! {
                    <button
                        type="button"
                        class="btn"
                        disabled=move || retry.pending().get()
                        on:click=move |_| {
                            retry.dispatch(());
                        }
                    >
                        "再試行"
                    </button>
                })}
            </Notice>
        }
        .into_any(),
    }
    }
}
