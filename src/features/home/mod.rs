//! ホーム (トップページ) [BTOP001]: welcome, ログイン情報, 電子証明書, and from
//! `GET /api/home` 「ログイン履歴」, 「お知らせ」 and 「最近の操作」 (the rules are in
//! [`crate::features::home::logic`]).

pub mod business_select;
pub mod logic;

use crate::api::{submit_with_key, use_api};
use crate::features::home::logic::{
    login_rows, notice_body_id, paragraphs, published_text, recent_rows, LoginRow, NoticeBoard,
    RecentLink, RecentRow,
};
use crate::kernel::certificate::days_left_text;
use crate::kernel::help;
use crate::kernel::idempotency::SubmitKey;
use crate::kernel::paths;
use crate::ui::notice::{Loading, Notice, Tone};
use crate::ui::session::use_auth;
use crate::ui::title_bar::TitleBar;
use kanri_contract::datetime::format_datetime;
use kanri_contract::home::{NoticeItem, NoticeList};
use leptos::prelude::*;
use leptos_router::components::A;
use stylers::style;

/// Welcome, company, this and the previous login, the certificate, and the user's
/// ログイン履歴, お知らせ and 最近の操作.
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
                }
            })
        }}
        <HomeActivity />
        <p>
            <A href=paths::ADMIN attr:class="btn">
                "管理メニューへ ›"
            </A>
        </p>
    }
}

/// 「ログイン履歴」「お知らせ」「最近の操作」 from `GET /api/home`; while it loads
/// [`Loading`], and when it fails the reason with 「再読み込み」 (the rest of the page stays).
#[component]
fn HomeActivity() -> impl IntoView {
    let api = use_api();
    let data = LocalResource::new(move || async move { api.home().await });
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(home) => view! {
                        <LoginHistory rows=login_rows(&home.logins) />
                        <NoticesPanel list=home.notices />
                        <RecentOperations recent=home.recent />
                    }
                        .into_any(),
                    Err(e) => view! {
                        <Notice tone=Tone::Error heading="ログイン履歴・お知らせ・最近の操作を表示できませんでした">
                            <p>{e.message()}</p>
                            <button type="button" class="btn" on:click=move |_| data.refetch()>
                                "再読み込み"
                            </button>
                        </Notice>
                    }
                        .into_any(),
                }
            })}
        </Transition>
    }
}

/// 「ログイン履歴」: the latest logins as a table, this one marked 「今回」.
#[component]
fn LoginHistory(
    /// The rows, newest first.
    rows: Vec<LoginRow>,
) -> impl IntoView {
    let class = style! {
        .home-login-scroll {
            overflow-x: auto;
        }
        .home-login-table {
            width: 100%;
            border-collapse: collapse;
        }
        .home-login-table caption {
            margin-bottom: 0.5rem;
            text-align: left;
        }
        .home-login-table th, .home-login-table td {
            padding: 0.5rem 0.75rem;
            border: 1px solid var(--color-border);
            text-align: left;
            vertical-align: middle;
        }
        .home-login-table thead th {
            background: var(--color-bg);
        }
        .home-login-current {
            display: inline-block;
            margin-left: 0.5rem;
            padding: 0 0.5rem;
            border-radius: var(--radius);
            background: var(--color-brand);
            color: var(--color-surface);
            font-size: var(--text-sm);
            font-weight: bold;
        }
    };
    let body = if rows.is_empty() {
        view! { class = class, <p>"ログイン履歴はありません。"</p> }.into_any()
    } else {
        let rows = rows
            .into_iter()
            .map(|r| {
                view! { class = class,
                    <tr>
                        <td>
                            {r.at}
                            {r.current.then(|| view! { class = class, <span class="home-login-current">"今回"</span> })}
                        </td>
                        <td>{r.method}</td>
                    </tr>
                }
            })
            .collect_view();
        view! { class = class,
            <div class="home-login-scroll" role="region" aria-labelledby="home-login-caption" tabindex="0">
                <table class="home-login-table">
                    <caption id="home-login-caption">"直近のログイン（新しい順）"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"ログイン日時"</th>
                            <th scope="col">"ログイン方式"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! { class = class,
        <section class="panel" aria-labelledby="home-logins">
            <h2 id="home-logins">"ログイン履歴"</h2>
            {body}
            <p>"身に覚えのないログインがある場合は、お取引店までご連絡ください。"</p>
        </section>
    }
}

/// 「お知らせ」: the unread count in the heading (and a status when it changes), each
/// notice's title a disclosure button; opening an unread one marks it read.
#[component]
fn NoticesPanel(
    /// The user's notices and the unread count, as `GET /api/home` gave them.
    list: NoticeList,
) -> impl IntoView {
    let api = use_api();
    let board = RwSignal::new(NoticeBoard::new(list));
    // Memos: the rows (and the focus on their buttons) stay while a notice is marked read.
    let ids =
        Memo::new(move |_| board.with(|b| b.notices().iter().map(|n| n.id).collect::<Vec<_>>()));
    let empty = Memo::new(move |_| ids.with(Vec::is_empty));
    let item =
        move |id: i64| board.with_untracked(|b| b.notices().iter().find(|n| n.id == id).cloned());
    let mark = move |id: i64, key: StoredValue<SubmitKey>| {
        leptos::task::spawn_local(async move {
            let result = submit_with_key(key, &id, move |k: String| async move {
                api.mark_notice_read(id, &k).await
            })
            .await;
            board.try_update(|b| match result {
                Ok(answer) => b.marked(id, answer),
                Err(e) => b.failed(id, e.message(), e.is_retryable()),
            });
        });
    };

    let class = style! {
        .home-notice-list {
            margin: 0;
            padding: 0;
            list-style: none;
        }
        .home-notice {
            padding: 0.75rem 0;
            border-bottom: 1px solid var(--color-border);
        }
        .home-notice-meta {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            gap: 0.25rem 0.75rem;
            margin: 0;
            color: var(--color-text-muted);
            font-size: var(--text-sm);
        }
        .home-badge {
            padding: 0 0.5rem;
            border: 2px solid var(--color-brand);
            border-radius: var(--radius);
            color: var(--color-brand);
            font-weight: bold;
        }
        .home-badge.home-important {
            border-color: var(--color-error);
            background: var(--color-error-tint);
            color: var(--color-error);
        }
        .home-notice-title {
            margin: 0.25rem 0 0;
            font-size: var(--text-md);
        }
        .home-notice-toggle {
            display: flex;
            align-items: flex-start;
            gap: 0.5rem;
            width: 100%;
            min-height: 2.75rem;
            padding: 0.5rem 0;
            border: none;
            background: none;
            color: var(--color-link);
            font: inherit;
            font-weight: bold;
            text-align: left;
            text-decoration: underline;
            cursor: pointer;
        }
        .home-notice-chevron {
            flex: none;
            transition: transform 0.1s;
        }
        .home-notice-toggle[aria-expanded="true"] .home-notice-chevron {
            transform: rotate(90deg);
        }
        .home-notice-body {
            margin: 0.25rem 0 0.5rem 1.5rem;
            padding: 0.75rem 1rem;
            border-left: 4px solid var(--color-brand-tint);
            background: var(--color-bg);
        }
        .home-notice-body p {
            margin: 0 0 0.5rem;
            white-space: pre-line;
        }
        .home-notice-error {
            margin: 0.5rem 0;
            color: var(--color-error);
            font-weight: bold;
        }
    };

    let row = move |id: i64| {
        let Some(n): Option<NoticeItem> = item(id) else {
            return ().into_any();
        };
        let key = StoredValue::new(SubmitKey::default());
        let body_id = notice_body_id(id);
        let title = n.title.clone();
        let open = move || board.with(|b| b.is_open(id));
        let unread = move || board.with(|b| !b.is_read(id));
        let error = move || board.with(|b| b.error(id).map(|m| (m.to_owned(), b.may_retry(id))));
        let toggle = move |_| {
            if board.try_update(|b| b.toggle(id)) == Some(true) {
                mark(id, key);
            }
        };
        let retry = move |_| {
            if board.try_update(|b| b.retry(id)) == Some(true) {
                mark(id, key);
            }
        };
        let body = paragraphs(&n.body)
            .into_iter()
            .map(|p| view! { class = class, <p>{p}</p> })
            .collect_view();
        view! { class = class,
            <li class="home-notice">
                <p class="home-notice-meta">
                    <span>{published_text(n.published_at)}</span>
                    {n.important.then(|| view! { class = class, <span class="home-badge home-important">"重要"</span> })}
                    {move || unread().then(|| view! { class = class, <span class="home-badge">"未読"</span> })}
                </p>
                <h3 class="home-notice-title">
                    <button
                        type="button"
                        class="home-notice-toggle"
                        aria-expanded=move || open().to_string()
                        aria-controls=body_id.clone()
                        on:click=toggle
                    >
                        <span class="home-notice-chevron" aria-hidden="true">"▶"</span>
                        <span>{n.title.clone()}</span>
                    </button>
                </h3>
                <div id=body_id.clone() class="home-notice-body" hidden=move || !open()>
                    {body}
                </div>
                <div role="alert">
                    {move || error().map(|(message, may_retry)| view! { class = class,
                        <p class="home-notice-error">
                            {format!("「{title}」を既読にできませんでした。{message}")}
                        </p>
                        {may_retry.then(|| view! {
                            <button type="button" class="btn btn-secondary" on:click=retry>
                                "再度既読にする"
                            </button>
                        })}
                    })}
                </div>
            </li>
        }
        .into_any()
    };

    view! { class = class,
        <section class="panel" aria-labelledby="home-notices">
            <h2 id="home-notices">{move || board.with(NoticeBoard::heading)}</h2>
            <p role="status" class="visually-hidden">
                {move || board.with(|b| b.announcement().to_owned())}
            </p>
            {move || {
                if empty.get() {
                    view! { class = class, <p>"現在、お知らせはありません。"</p> }.into_any()
                } else {
                    view! { class = class,
                        <ul class="home-notice-list">
                            <For each=move || ids.get() key=|id| *id let:id>
                                {row(id)}
                            </For>
                        </ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// 「最近の操作」: the user's latest operations, each linked to its screen when the
/// user may open it, with 「最終操作日時」.
#[component]
fn RecentOperations(
    /// The operations, as `GET /api/home` gave them.
    recent: Vec<kanri_contract::home::RecentOperation>,
) -> impl IntoView {
    let auth = use_auth();
    let rows = move || {
        auth.with_session(|s| recent_rows(&recent, |p| s.has(p)))
            .unwrap_or_default()
    };
    let class = style! {
        .home-recent-list {
            margin: 0;
            padding: 0;
            list-style: none;
        }
        .home-recent-item {
            display: flex;
            flex-wrap: wrap;
            align-items: baseline;
            justify-content: space-between;
            gap: 0.25rem 1.5rem;
            padding: 0.5rem 0;
            border-bottom: 1px solid var(--color-border);
        }
        .home-recent-item a {
            display: inline-block;
            padding: 0.5rem 0;
            font-weight: bold;
        }
        .home-recent-label {
            font-weight: bold;
        }
        .home-recent-at {
            color: var(--color-text-muted);
            font-size: var(--text-sm);
        }
    };
    let label = move |r: RecentRow| match r.link {
        Some(RecentLink::Screen(href)) => {
            view! { class = class, <a href=href>{r.label}</a> }.into_any()
        }
        // 利用者登録 opens the wizard as 「新規登録」 does: its entry URL starts a fresh
        // draft.
        Some(RecentLink::StartRegistration) => {
            view! { class = class, <a href=paths::USER_NEW>{r.label}</a> }.into_any()
        }
        None => {
            view! { class = class, <span class="home-recent-label">{r.label}</span> }.into_any()
        }
    };
    view! { class = class,
        <section class="panel" aria-labelledby="home-recent">
            <h2 id="home-recent">"最近の操作"</h2>
            {move || {
                let rows = rows();
                if rows.is_empty() {
                    view! { class = class, <p>"最近の操作はありません。"</p> }.into_any()
                } else {
                    view! { class = class,
                        <ul class="home-recent-list">
                            {rows
                                .into_iter()
                                .map(|r| {
                                    let at = r.at.clone();
                                    view! { class = class,
                                        <li class="home-recent-item">
                                            {label(r)}
                                            <span class="home-recent-at">{at}</span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
