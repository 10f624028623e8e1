//! 証明書更新選択 [BLGI005] and 電子証明書を確認できません [BLGI006].

use crate::kernel::certificate::{days_left_text, parse_status, refusal};
use crate::kernel::help;
use crate::kernel::navigation::safe_next;
use crate::kernel::paths;
use crate::ui::frame::PublicFrame;
use crate::ui::notice::{Notice, Tone};
use crate::ui::session::use_auth;
use crate::ui::title_bar::TitleBar;
use kanri_contract::datetime::format_datetime;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Shown after login when the certificate expires within the notice period, and from
/// the top page's 「更新」: download or start the 証明書発行アプリ, or 「確認」 to go on.
#[component]
pub fn CertificateRenewalPage() -> impl IntoView {
    let auth = use_auth();
    let query = use_query_map();
    let next = move || {
        safe_next(query.read().get("next").as_deref()).unwrap_or_else(|| paths::HOME.to_owned())
    };
    let certificate = move || auth.with_session(|s| s.certificate.clone()).flatten();
    view! {
        <TitleBar screen=help::CERTIFICATE_RENEWAL />
        {move || match certificate() {
            None => view! {
                <Notice tone=Tone::Info heading="電子証明書をご利用ではありません">
                    <p>"ID・パスワード方式でログインしているため、電子証明書の更新はありません。"</p>
                </Notice>
            }
            .into_any(),
            Some(c) => view! {
                <Notice tone=Tone::Warning heading=days_left_text(c.days_left)>
                    <p>{format!("有効期限：{}", format_datetime(c.expires_at))}</p>
                </Notice>
                <p>"ご利用環境での電子証明書更新にはアプリのダウンロードが必要です。"</p>
                <p>
                    "ダウンロードしていない場合は、「証明書発行アプリのダウンロード」ボタンを押してください。ダウンロード後にアプリのインストールを行い、アプリより電子証明書更新を行ってください。電子証明書更新後、ログイン画面から取引を継続してください。"
                </p>
                <p>"アプリをインストール済の場合は、「証明書発行アプリの起動」ボタンを押してください。"</p>
                <p>"電子証明書を更新せず、操作を継続する場合は「確認」ボタンを押してください。"</p>
                <div class="btn-row">
                    <a class="btn btn-secondary" href=c.app_download_url target="_blank" rel="noopener">
                        "証明書発行アプリのダウンロード"
                        <span class="visually-hidden">"（新しいタブで開きます）"</span>
                    </a>
                    <a class="btn btn-secondary" href=c.app_launch_url>
                        "証明書発行アプリの起動"
                    </a>
                </div>
            }
            .into_any(),
        }}
        <div class="btn-row">
            <a class="btn" href=next>"確認 ›"</a>
        </div>
    }
}

/// Why the certificate is refused (from `?status=`) and what to do next. The session has
/// ended: the backend refused the certificate on the very request that led here.
#[component]
pub fn CertificateRefusedPage() -> impl IntoView {
    let query = use_query_map();
    let r = refusal(parse_status(
        query.read_untracked().get("status").as_deref(),
    ));
    view! {
        <PublicFrame>
            <TitleBar screen=help::CERTIFICATE_REFUSED />
            <Notice tone=Tone::Error heading=r.heading>
                <p>{r.reason}</p>
            </Notice>
            <section class="panel" aria-labelledby="next-steps">
                <h2 id="next-steps">"このあとの操作"</h2>
                <ol>
                    {r.next_steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}
                </ol>
            </section>
            <div class="btn-row">
                <a class="btn btn-secondary" href=paths::LOGIN>"ログイン画面へ"</a>
            </div>
        </PublicFrame>
    }
}
