//! The 確認項目 of a 管理 confirmation screen: the operator's 確認用パスワード (with the
//! software keyboard) and, when the company uses one, the ワンタイムパスワード.

use crate::kernel::password_form::dom_id;
use crate::kernel::soft_keyboard::CharRule;
use crate::ui::form::{FormSection, TextField};
use kanri_contract::api::FieldError;
use kanri_contract::user_rules::{self, field};
use kanri_contract::users::Confirmation;
use leptos::prelude::*;

/// What the operator types to confirm, as signals owned by the page.
#[derive(Clone, Copy)]
pub struct OperatorInput {
    pub confirm_password: RwSignal<String>,
    pub one_time_password: RwSignal<String>,
    /// The company uses ワンタイムパスワード.
    pub uses_otp: bool,
}

impl OperatorInput {
    pub fn new(uses_otp: bool) -> Self {
        Self {
            confirm_password: RwSignal::new(String::new()),
            one_time_password: RwSignal::new(String::new()),
            uses_otp,
        }
    }

    /// The confirmation as sent (see [`crate::kernel::confirmation::request`]).
    pub fn confirmation(&self) -> Confirmation {
        crate::kernel::confirmation::request(
            &self.confirm_password.get_untracked(),
            &self.one_time_password.get_untracked(),
            self.uses_otp,
        )
        .confirmation
    }

    /// The same signals for a company that does (not) use ワンタイムパスワード (known
    /// once the screen's data has loaded).
    pub fn with_otp(self, uses_otp: bool) -> Self {
        Self { uses_otp, ..self }
    }

    /// The form rules of the confirmation (whether it is right is the backend's business).
    pub fn errors(&self) -> Vec<FieldError> {
        user_rules::confirmation_errors(&self.confirmation(), self.uses_otp)
    }

    /// Forget what was typed (after a final answer). Safe after the page is gone.
    pub fn clear(&self) {
        self.confirm_password.try_set(String::new());
        self.one_time_password.try_set(String::new());
    }
}

/// The 「確認項目」 panel: 確認用パスワード and, if used, ワンタイムパスワード, each with its
/// error from `errors` (field paths `confirmation.confirm_password` /
/// `confirmation.one_time_password`, DOM ids by [`dom_id`]).
#[component]
pub fn OperatorFields(
    /// The signals to bind.
    input: OperatorInput,
    /// The errors of the last submission (other fields' errors are ignored).
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let error_of = move |f: &'static str| {
        Signal::derive(move || {
            errors
                .read()
                .iter()
                .find(|e| e.field == f)
                .map(|e| e.message.clone())
        })
    };
    view! {
        <FormSection title="確認項目">
            <TextField
                id=dom_id(field::OPERATOR_PASSWORD)
                label="確認用パスワード"
                hint="操作されている方（ご自身）の確認用パスワードを入力してください。英字の大文字と小文字は区別されます。"
                value=input.confirm_password
                error=error_of(field::OPERATOR_PASSWORD)
                input_type="password"
                autocomplete="off"
                required=true
            />
            {input.uses_otp.then(|| view! {
                <TextField
                    id=dom_id(field::ONE_TIME_PASSWORD)
                    label="ワンタイムパスワード"
                    hint="トークンに表示された6桁の数字"
                    value=input.one_time_password
                    error=error_of(field::ONE_TIME_PASSWORD)
                    input_type="password"
                    autocomplete="one-time-code"
                    inputmode="numeric"
                    required=true
                    size=8
                    chars=CharRule::Digits
                />
            })}
        </FormSection>
    }
}
