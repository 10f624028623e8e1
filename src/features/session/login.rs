//! ログイン [BLGI001]: certificate users enter the password only; ID/password users both.

use crate::api::{submit_with_key, use_api, ApiError};
use crate::kernel::certificate::refusal;
use crate::kernel::help;
use crate::kernel::idempotency::SubmitKey;
use crate::kernel::paths;
use crate::kernel::stash::Destination;
use crate::ui::form::{ErrorSummary, SummaryItem, TextField};
use crate::ui::frame::PublicFrame;
use crate::ui::navigator::{current_query_param, use_navigator};
use crate::ui::notice::{Loading, Notice, Tone};
use crate::ui::session::{begin_session, use_auth, use_session_drafts, AuthState, Phase};
use crate::ui::title_bar::TitleBar;
use kanri_contract::api::{
    AuthContext, ErrorCode, FieldError, LoginRequest, PresentedCertificateStatus,
};
use kanri_contract::rules::RuleError;
use leptos::prelude::*;

const LOGIN_ID: &str = "login-id";
const PASSWORD: &str = "login-password";

/// The DOM id of an API field of the login request.
fn dom_id(field: &str) -> Option<&'static str> {
    match field {
        "login_id" => Some(LOGIN_ID),
        "password" => Some(PASSWORD),
        _ => None,
    }
}

/// How the login screen looks for the certificate the browser presented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A valid certificate: password only.
    Certificate,
    /// No certificate: login ID and password.
    IdPassword,
    /// A refused certificate: its reason, then the ID/password form.
    Refused(PresentedCertificateStatus),
}

fn mode(ctx: &AuthContext) -> Mode {
    match ctx.certificate.as_ref().map(|c| c.status) {
        None => Mode::IdPassword,
        Some(PresentedCertificateStatus::Valid) => Mode::Certificate,
        Some(s) => Mode::Refused(s),
    }
}

fn refusal_text(status: PresentedCertificateStatus) -> &'static str {
    match status {
        PresentedCertificateStatus::Expired => {
            "ご利用の電子証明書は有効期限が切れています。電子証明書を再取得のうえ、ログインしてください。"
        }
        PresentedCertificateStatus::Revoked => {
            "ご利用の電子証明書は失効しています。管理者に電子証明書の再発行を依頼してください。"
        }
        _ => "ご利用の電子証明書を確認できませんでした。当行が発行した電子証明書を選択してください。",
    }
}

/// The login screen.
#[component]
pub fn LoginPage() -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let data = use_session_drafts();
    let navigator = use_navigator();

    // Why the user is here (session ended by itself), shown once.
    let reason = match auth.state.get_untracked() {
        AuthState::LoggedOut { reason } => reason,
        AuthState::TimedOut { reason } => {
            let why = reason.unwrap_or_else(|| "セッションがタイムアウトしました。".to_owned());
            Some(if data.has_kept.run(()) {
                format!("{why}同じ利用者でログインすると、入力途中の内容を復元します（パスワードは再度入力してください）。")
            } else {
                why
            })
        }
        _ => None,
    };
    // Set by a successful login on this screen (not by arriving here logged in).
    let just_logged_in = StoredValue::new(false);
    // Where that login goes: back to where a session of the same user ended by itself,
    // ホーム after another user's, else `next`.
    let destination = StoredValue::new(Destination::AsAsked);
    // Already logged in (e.g. the back button): go on.
    Effect::new(move |_| {
        if auth.state.read().phase() == Phase::LoggedIn {
            let mut next =
                destination.with_value(|d| d.path(current_query_param("next").as_deref()));
            // Right after a certificate login within the notice period: [BLGI005]
            // first, then on to where the user was going.
            let notice = auth
                .with_session(|s| s.certificate.as_ref().is_some_and(|c| c.renewal_notice))
                == Some(true);
            if notice && just_logged_in.get_value() {
                next = renewal_url(&next);
            }
            // A password that must be changed first: straight to that screen (the frame
            // would send the user there from any other).
            if auth.with_session(|s| s.must_change_password) == Some(true) {
                next = paths::PASSWORD_CHANGE.to_owned();
            }
            navigator.go(&next, true);
        }
    });

    let context = LocalResource::new(move || {
        // After a session ended by itself, first let its logout reach the backend.
        let ending = auth.ending.get();
        async move {
            if ending {
                futures::future::pending::<()>().await;
            }
            api.auth_context().await
        }
    });
    let login_id = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let field_errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<(String, Option<String>)>);
    let submit_key = StoredValue::new(SubmitKey::default());

    let login = Action::new_local(move |req: &LoginRequest| {
        let req = req.clone();
        async move {
            let r = &req;
            let result =
                submit_with_key(submit_key, r, |key| async move { api.login(r, &key).await }).await;
            match result {
                Ok(session) => {
                    password.set(String::new());
                    just_logged_in.set_value(true);
                    destination.set_value(begin_session(auth, data, session));
                }
                Err(e)
                    if matches!(
                        e.code(),
                        Some(ErrorCode::Unauthenticated | ErrorCode::SessionExpired)
                    ) =>
                {
                    // The anonymous session expired while the screen was open: get a new
                    // one, keep what was typed, and ask to press 「ログイン」 again.
                    context.refetch();
                    failure.set(Some((
                        "画面の有効期限が切れました".to_owned(),
                        Some(
                            "お手数ですが、もう一度「ログイン」ボタンを押してください。".to_owned(),
                        ),
                    )));
                }
                Err(e) => show_error(e, field_errors, failure),
            }
        }
    });

    let error_of = move |id: &'static str| {
        Signal::derive(move || {
            field_errors
                .read()
                .iter()
                .find(|e| dom_id(&e.field) == Some(id))
                .map(|e| e.message.clone())
        })
    };
    let summary = Signal::derive(move || {
        field_errors
            .read()
            .iter()
            .map(|e| SummaryItem {
                target: dom_id(&e.field).map(str::to_owned),
                message: e.message.clone(),
            })
            .collect::<Vec<_>>()
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent, mode: Mode| {
        ev.prevent_default();
        if login.pending().get_untracked() {
            return;
        }
        failure.set(None);
        let with_id = mode != Mode::Certificate;
        let mut errors = Vec::new();
        if with_id && login_id.with_untracked(|v| v.trim().is_empty()) {
            errors.push(RuleError::Required.to_field_error("login_id", "ログインID"));
        }
        if password.with_untracked(String::is_empty) {
            errors.push(RuleError::Required.to_field_error("password", "ログインパスワード"));
        }
        field_errors.set(errors);
        if !field_errors.read_untracked().is_empty() {
            return;
        }
        login.dispatch(LoginRequest {
            login_id: with_id.then(|| login_id.get_untracked().trim().to_owned()),
            password: password.get_untracked(),
        });
    };

    view! {
        <PublicFrame>
            <TitleBar screen=help::LOGIN />
            {reason.map(|r| view! { <Notice tone=Tone::Info heading="再度ログインしてください"><p>{r}</p></Notice> })}
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match context.await {
                        Err(e) => {
                            view! {
                                <Notice tone=Tone::Error heading="ログイン画面を表示できませんでした">
                                    <p>{e.message()}</p>
                                    <button type="button" class="btn" on:click=move |_| context.refetch()>
                                        "再試行"
                                    </button>
                                </Notice>
                            }
                                .into_any()
                        }
                        Ok(ctx) => {
                            let mode = mode(&ctx);
                            view! {
                                {match mode {
                                    Mode::Certificate => view! {
                                        <p>"電子証明書でログインされる方は、ログインIDの入力は不要です。"</p>
                                        <p>"ログインパスワードを入力の上、「ログイン」ボタンを押してください。"</p>
                                    }.into_any(),
                                    Mode::IdPassword => view! {
                                        <p>"ログインIDとログインパスワードを入力の上、「ログイン」ボタンを押してください。"</p>
                                    }.into_any(),
                                    Mode::Refused(status) => view! {
                                        <Notice tone=Tone::Error heading=refusal(status).heading>
                                            <p>{refusal_text(status)}</p>
                                        </Notice>
                                        <p>"ID・パスワード方式でご利用のお客様は、ログインIDとログインパスワードを入力の上、「ログイン」ボタンを押してください。"</p>
                                    }.into_any(),
                                }}
                                {move || failure.get().map(|(heading, message)| view! {
                                    <Notice tone=Tone::Error heading=heading>
                                        {message.map(|m| view! { <p>{m}</p> })}
                                    </Notice>
                                })}
                                <ErrorSummary items=summary />
                                <form novalidate on:submit=move |ev| on_submit(ev, mode) on:focusin=move |_| navigator.fetch_ahead() aria-labelledby="auth-items">
                                    <section class="panel">
                                        <h2 id="auth-items">"認証項目"</h2>
                                        {(mode != Mode::Certificate).then(|| view! {
                                            <TextField
                                                id=LOGIN_ID
                                                label="ログインID"
                                                value=login_id
                                                error=error_of(LOGIN_ID)
                                                autocomplete="username"
                                                required=true
                                            />
                                        })}
                                        <TextField
                                            id=PASSWORD
                                            label="ログインパスワード"
                                            hint="英字の大文字と小文字は区別されます。"
                                            value=password
                                            error=error_of(PASSWORD)
                                            input_type="password"
                                            autocomplete="current-password"
                                            required=true
                                        />
                                    </section>
                                    <div class="btn-row">
                                        <button type="submit" class="btn" disabled=move || login.pending().get()>
                                            {move || if login.pending().get() { "ログイン中…" } else { "ログイン" }}
                                        </button>
                                    </div>
                                </form>
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </PublicFrame>
    }
}

/// [BLGI005] with the screen to go to after 「確認」.
fn renewal_url(next: &str) -> String {
    if next == paths::HOME {
        paths::CERTIFICATE_RENEWAL.to_owned()
    } else {
        format!(
            "{}?next={}",
            paths::CERTIFICATE_RENEWAL,
            String::from(js_sys::encode_uri_component(next))
        )
    }
}

/// Put a failed login where the user sees it: field errors on fields, anything else in
/// the alert above the form (attempts left, lock, certificate, network).
fn show_error(
    e: ApiError,
    field_errors: RwSignal<Vec<FieldError>>,
    failure: RwSignal<Option<(String, Option<String>)>>,
) {
    if !e.field_errors().is_empty() {
        field_errors.set(e.field_errors().to_vec());
        return;
    }
    let status = match &e {
        ApiError::Rejected(b) => b.certificate_status,
        _ => None,
    };
    let heading = match e.code() {
        Some(ErrorCode::AccountLocked) => "ログインIDがロックされています",
        Some(ErrorCode::ServiceStopped) => "サービスが停止されています",
        // Refused while logging in (e.g. revoked after the screen opened): its reason.
        Some(ErrorCode::CertificateRefused) => status
            .map_or("電子証明書を確認できませんでした", |s| {
                refusal(s).heading
            }),
        Some(ErrorCode::CertificateRequired) => "電子証明書でログインしてください",
        _ if e.is_retryable() => "通信エラーが発生しました",
        _ => "ログインできませんでした",
    };
    let mut message = e.message();
    if let ApiError::Rejected(body) = &e {
        if let Some(n) = body.remaining_attempts {
            message.push_str(&format!("あと{n}回誤るとログインIDがロックされます。"));
        }
    }
    failure.set(Some((heading.to_owned(), Some(message))));
}
