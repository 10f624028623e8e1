//! ホーム (トップページ) [BTOP001].

use crate::components::title_bar::TitleBar;
use crate::logic::certificate::days_left_text;
use crate::logic::help;
use crate::routes::paths;
use crate::state::use_auth;
use kanri_contract::datetime::format_datetime;
use leptos::prelude::*;
use leptos_router::components::A;

/// Welcome, company, this and the previous login.
#[component]
pub fn HomePage() -> impl IntoView {
    let auth = use_auth();
    view! {
        <TitleBar screen=help::HOME />
        {move || {
            auth.with_session(|s| {
                let previous = s
                    .previous_login_at
                    .map(format_datetime)
                    .unwrap_or_else(|| "今回が初めてのログインです".to_owned());
                view! {
                    <p class="welcome">
                        {format!("{} 様、いつもご利用いただきありがとうございます。", s.user.name)}
                    </p>
                    <section class="panel" aria-labelledby="login-info">
                        <h2 id="login-info">"ログイン情報"</h2>
                        <dl class="summary-list">
                            <dt>"企業名"</dt>
                            <dd>{s.company.name.clone()}</dd>
                            <dt>"利用者区分"</dt>
                            <dd>{s.user.role.label()}</dd>
                            <dt>"今回ログイン日時"</dt>
                            <dd>{format_datetime(s.logged_in_at)}</dd>
                            <dt>"前回ログイン日時"</dt>
                            <dd>{previous}</dd>
                        </dl>
                        <p>
                            "前回ログイン日時に身に覚えがない場合は、お取引店までご連絡ください。"
                        </p>
                    </section>
                    {s.certificate.clone().map(|c| view! {
                        <section class="panel" aria-labelledby="certificate-info">
                            <h2 id="certificate-info">"電子証明書"</h2>
                            <dl class="summary-list">
                                <dt>"電子証明書有効期限"</dt>
                                <dd>
                                    {format_datetime(c.expires_at)}
                                    {c.renewal_notice.then(|| format!("（{}）", days_left_text(c.days_left)))}
                                </dd>
                            </dl>
                            <a href=paths::CERTIFICATE_RENEWAL class="btn btn-secondary" aria-label="更新（電子証明書）">
                                "更新"
                            </a>
                        </section>
                    })}
                    <p>
                        <A href=paths::ADMIN attr:class="btn">
                            "管理メニューへ ›"
                        </A>
                    </p>
                }
            })
        }}
    }
}
