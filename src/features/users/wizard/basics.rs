//! Step 1: 利用者登録[基本情報] [BRSK006] / 利用者変更[基本情報] [BRSK012].

use super::{
    after_next, back_path, edit_draft, use_from_confirm, use_mode, StepErrors, WizardStep,
};
use crate::features::users::use_users;
use crate::features::users::wizard::logic::{Basics, Step, WizardMode};
use crate::ui::form::{CheckboxField, ErrorSummary, FormSection, TextField};
use crate::ui::radios::Radios;
use crate::ui::session::use_auth;
use kanri_contract::api::Role;
use kanri_contract::user_rules::{field, hint};
use kanri_contract::users::{certificate_handling_offered, CertificateHandling};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use stylers::style;

/// Step 1 of 利用者登録 (`change = false`) or 利用者変更 (`change = true`).
#[component]
pub fn UserBasicsPage(
    /// A change of the user in the URL rather than a registration.
    change: bool,
) -> impl IntoView {
    let mode = use_mode(change);
    move || {
        let mode = mode.get();
        view! {
            <WizardStep mode=mode.clone() step=Step::Basics>
                <BasicsForm mode=mode.clone() />
            </WizardStep>
        }
    }
}

/// The inputs of step 1 as signals.
#[derive(Clone, Copy)]
struct Inputs {
    login_id: RwSignal<String>,
    login_id_again: RwSignal<String>,
    change_login_password: RwSignal<bool>,
    login_password: RwSignal<String>,
    login_password_again: RwSignal<String>,
    force_password_change: RwSignal<bool>,
    change_confirm_password: RwSignal<bool>,
    confirm_password: RwSignal<String>,
    confirm_password_again: RwSignal<String>,
    name: RwSignal<String>,
    email: RwSignal<String>,
    email_again: RwSignal<String>,
    admin: RwSignal<bool>,
    certificate: RwSignal<CertificateHandling>,
}

impl Inputs {
    fn new(b: &Basics) -> Self {
        Self {
            login_id: RwSignal::new(b.login_id.clone()),
            login_id_again: RwSignal::new(b.login_id_again.clone()),
            change_login_password: RwSignal::new(b.change_login_password),
            login_password: RwSignal::new(b.login_password.clone()),
            login_password_again: RwSignal::new(b.login_password_again.clone()),
            force_password_change: RwSignal::new(b.force_password_change),
            change_confirm_password: RwSignal::new(b.change_confirm_password),
            confirm_password: RwSignal::new(b.confirm_password.clone()),
            confirm_password_again: RwSignal::new(b.confirm_password_again.clone()),
            name: RwSignal::new(b.name.clone()),
            email: RwSignal::new(b.email.clone()),
            email_again: RwSignal::new(b.email_again.clone()),
            admin: RwSignal::new(b.admin),
            certificate: RwSignal::new(b.certificate),
        }
    }

    /// Tracked: the write-back effect re-runs on every keystroke.
    fn snapshot(&self) -> Basics {
        Basics {
            login_id: self.login_id.get(),
            login_id_again: self.login_id_again.get(),
            change_login_password: self.change_login_password.get(),
            login_password: self.login_password.get(),
            login_password_again: self.login_password_again.get(),
            force_password_change: self.force_password_change.get(),
            change_confirm_password: self.change_confirm_password.get(),
            confirm_password: self.confirm_password.get(),
            confirm_password_again: self.confirm_password_again.get(),
            name: self.name.get(),
            email: self.email.get(),
            email_again: self.email_again.get(),
            admin: self.admin.get(),
            certificate: self.certificate.get(),
        }
    }
}

/// Why 管理者権限 cannot be changed for this user, if it cannot.
fn admin_locked_reason(role: Option<Role>, is_self: bool) -> Option<&'static str> {
    if role == Some(Role::Master) {
        Some("マスターユーザの管理者権限は変更できません。")
    } else if is_self {
        Some("ご自身の管理者権限は変更できません。")
    } else {
        None
    }
}

/// The form of step 1 (rendered once the draft exists); its inputs are written back to
/// the draft as they change.
#[component]
fn BasicsForm(
    /// Registration or change.
    mode: WizardMode,
) -> impl IntoView {
    let users = use_users();
    let auth = use_auth();
    let navigate = use_navigate();
    let from_confirm = use_from_confirm();
    let Some((basics, original)) = users
        .draft
        .with_untracked(|d| d.as_ref().map(|d| (d.basics.clone(), d.original.clone())))
    else {
        return ().into_any();
    };
    let register = mode == WizardMode::Register;
    let inputs = Inputs::new(&basics);
    Effect::new(move |_| {
        let b = inputs.snapshot();
        edit_draft(users, |d| d.basics = b);
    });
    let errors = StepErrors::new(Step::Basics);
    // Refusals the backend gives on 管理者権限 (the master user, oneself).
    let admin_error = errors.of("user.admin".to_owned());
    let certificate_error = errors.of("user.certificate".to_owned());
    let operator = auth
        .with_session(|s| s.user.login_id.clone())
        .unwrap_or_default();
    let certificate_offered = original.as_ref().is_some_and(|o| {
        certificate_handling_offered(o.auth_method, o.certificate, &o.profile.login_id, &operator)
    });
    let certificate_status = original.as_ref().map(|o| {
        let until = o
            .certificate_expires_at
            .map_or("-".to_owned(), kanri_contract::datetime::format_datetime);
        (o.certificate.label(), until)
    });
    let admin_locked = admin_locked_reason(
        original.as_ref().map(|o| o.role),
        original
            .as_ref()
            .is_some_and(|o| o.profile.login_id == operator),
    );

    let next_mode = mode.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if errors.check_all() {
            navigate(
                &after_next(users, &next_mode, Step::Basics, from_confirm),
                Default::default(),
            );
        }
    };
    let class = style! {
        .choice-note {
            flex-basis: 100%;
            margin: 0;
            color: var(--color-text-muted);
        }
    };
    let password_part = move |title: &'static str,
                              change: RwSignal<bool>,
                              value: RwSignal<String>,
                              again: RwSignal<String>,
                              paths: (&'static str, &'static str),
                              id: &'static str| {
        view! {
            <FormSection title={title}>
                {(!register).then(|| view! {
                    <CheckboxField id=format!("change-{id}") label="変更する" checked=change />
                })}
                <Show when=move || register || change.get()>
                    <TextField
                        id=super::dom_id(paths.0)
                        label=title
                        hint=hint::CREDENTIAL
                        value=value
                        error=errors.of(paths.0.to_owned())
                        input_type="password"
                        autocomplete="new-password"
                        required=true
                        on_blur=errors.on_blur(paths.0)
                    />
                    <TextField
                        id=super::dom_id(paths.1)
                        label=format!("{title}（確認のため再入力）")
                        value=again
                        error=errors.of(paths.1.to_owned())
                        input_type="password"
                        autocomplete="new-password"
                        required=true
                        on_blur=errors.on_blur(paths.1)
                    />
                </Show>
            </FormSection>
        }
    };
    let back = back_path(&mode, Step::Basics);
    view! { class = class,
        <p>"以下の項目を入力の上、「次へ」ボタンを押してください。"</p>
        <ErrorSummary items=errors.summary() />
        <form novalidate on:submit=on_submit>
            <FormSection title="ログインID">
                <TextField
                    id=super::dom_id(field::LOGIN_ID)
                    label="ログインID"
                    hint=hint::CREDENTIAL
                    value=inputs.login_id
                    error=errors.of(field::LOGIN_ID.to_owned())
                    autocomplete="off"
                    required=true
                    size=14
                    on_blur=errors.on_blur(field::LOGIN_ID)
                />
                <TextField
                    id=super::dom_id(field::LOGIN_ID_AGAIN)
                    label="ログインID（確認のため再入力）"
                    value=inputs.login_id_again
                    error=errors.of(field::LOGIN_ID_AGAIN.to_owned())
                    autocomplete="off"
                    required=true
                    size=14
                    on_blur=errors.on_blur(field::LOGIN_ID_AGAIN)
                />
            </FormSection>
            {password_part(
                "ログインパスワード",
                inputs.change_login_password,
                inputs.login_password,
                inputs.login_password_again,
                (field::LOGIN_PASSWORD, field::LOGIN_PASSWORD_AGAIN),
                "login_password",
            )}
            <div class="panel">
                <CheckboxField
                    id="force_password_change"
                    label="ログイン時に強制変更する"
                    checked=inputs.force_password_change
                />
                <p class="choice-note">"チェックすると、この利用者は次回ログイン時にログインパスワードの変更が必要になります。"</p>
            </div>
            {password_part(
                "確認用パスワード",
                inputs.change_confirm_password,
                inputs.confirm_password,
                inputs.confirm_password_again,
                (field::CONFIRM_PASSWORD, field::CONFIRM_PASSWORD_AGAIN),
                "confirm_password",
            )}
            <FormSection title="利用者情報">
                <TextField
                    id=super::dom_id(field::NAME)
                    label="利用者名"
                    hint=hint::NAME
                    value=inputs.name
                    error=errors.of(field::NAME.to_owned())
                    autocomplete="off"
                    required=true
                    size=32
                    on_blur=errors.on_blur(field::NAME)
                />
                <TextField
                    id=super::dom_id(field::EMAIL)
                    label="メールアドレス"
                    hint=hint::EMAIL
                    value=inputs.email
                    error=errors.of(field::EMAIL.to_owned())
                    autocomplete="off"
                    required=true
                    size=40
                    on_blur=errors.on_blur(field::EMAIL)
                />
                <TextField
                    id=super::dom_id(field::EMAIL_AGAIN)
                    label="メールアドレス（確認のため再入力）"
                    value=inputs.email_again
                    error=errors.of(field::EMAIL_AGAIN.to_owned())
                    autocomplete="off"
                    required=true
                    size=40
                    on_blur=errors.on_blur(field::EMAIL_AGAIN)
                />
                // The first radio carries the field's id: the error summary links here.
                <Radios
                    id="user-admin"
                    name="admin"
                    legend="管理者権限"
                    options=vec![(false, "付与しない".to_owned()), (true, "付与する".to_owned())]
                    value=inputs.admin
                    on_choose=Callback::new(move |admin| inputs.admin.set(admin))
                    error=admin_error
                    note=admin_locked.map(str::to_owned)
                    disabled=admin_locked.is_some()
                    inline=true
                />
            </FormSection>
            {certificate_offered.then(|| {
                let (state, until) = certificate_status.clone().unwrap_or_default();
                view! { class = class,
                    <FormSection title="利用者電子証明書情報">
                        <p>"電子証明書の再発行、失効を行う場合は選択してください。"</p>
                        <dl class="summary-list">
                            <dt>"電子証明書ステータス"</dt>
                            <dd>{state}</dd>
                            <dt>"電子証明書有効期間終了日時"</dt>
                            <dd>{until}</dd>
                        </dl>
                        <Radios
                            id="user-certificate"
                            name="certificate"
                            legend="電子証明書の取扱い"
                            options=CertificateHandling::ALL
                                .into_iter()
                                .map(|h| (h, h.label().to_owned()))
                                .collect()
                            value=inputs.certificate
                            on_choose=Callback::new(move |h| inputs.certificate.set(h))
                            error=certificate_error
                            note=Some("再発行を選択すると、現在の電子証明書はすぐに失効し、利用者が証明書発行アプリで新しい電子証明書を取得するまで「未発行」となります。".to_owned())
                        />
                    </FormSection>
                }
            })}
            <div class="btn-row">
                <a href=back class="btn btn-secondary">"戻る"</a>
                <button type="submit" class="btn">"次へ"</button>
            </div>
        </form>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_right_is_locked_for_the_master_and_oneself() {
        assert!(admin_locked_reason(Some(Role::Master), false).is_some());
        assert!(admin_locked_reason(Some(Role::Admin), true).is_some());
        assert_eq!(admin_locked_reason(Some(Role::General), false), None);
        assert_eq!(admin_locked_reason(None, false), None);
    }
}
