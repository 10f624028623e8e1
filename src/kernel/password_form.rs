//! The password change form ([BRSK002]) as plain data: which parts are changed, what the
//! request is, and which errors to show (through the contract's rules).

use kanri_contract::api::{FieldError, PasswordChange, PasswordChangeRequest, PasswordKind};
use kanri_contract::rules;

/// One part of the form (ログインパスワード or 確認用パスワード).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PasswordSection {
    /// 「変更する」 is checked.
    pub change: bool,
    pub current: String,
    pub new: String,
    pub new_again: String,
}

impl PasswordSection {
    fn to_change(&self) -> Option<PasswordChange> {
        self.change.then(|| PasswordChange {
            current: self.current.clone(),
            new: self.new.clone(),
            new_again: self.new_again.clone(),
        })
    }
}

/// The whole form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PasswordForm {
    pub login: PasswordSection,
    pub confirm: PasswordSection,
}

impl PasswordForm {
    /// The request. At a forced change the login password part is always sent.
    pub fn request(&self, forced: bool) -> PasswordChangeRequest {
        let mut login = self.login.clone();
        login.change |= forced;
        PasswordChangeRequest {
            login_password: login.to_change(),
            confirm_password: self.confirm.to_change(),
        }
    }

    /// Every error of the form, in field order.
    pub fn validate(&self, login_id: &str, forced: bool) -> Vec<FieldError> {
        rules::password_change_request(login_id, &self.request(forced), forced)
    }
}

/// The DOM id of an API field path (`login_password.new` → `login_password-new`).
pub fn dom_id(field: &str) -> String {
    field.replace('.', "-")
}

/// The API field path of one input.
pub fn field(kind: PasswordKind, part: &str) -> String {
    format!("{}.{part}", kind.field_prefix())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> PasswordSection {
        PasswordSection {
            change: true,
            current: "Demo1234".into(),
            new: "Newpass99".into(),
            new_again: "Newpass99".into(),
        }
    }

    #[test]
    fn only_checked_parts_are_sent() {
        let form = PasswordForm {
            login: filled(),
            confirm: PasswordSection {
                current: "x".into(),
                ..Default::default()
            },
        };
        let req = form.request(false);
        assert!(req.login_password.is_some());
        assert!(req.confirm_password.is_none());
        assert!(form.validate("user01", false).is_empty());
    }

    #[test]
    fn a_forced_change_always_sends_the_login_password() {
        let form = PasswordForm {
            login: PasswordSection {
                change: false,
                ..filled()
            },
            ..Default::default()
        };
        assert!(form.request(true).login_password.is_some());
        assert!(form.validate("user05", true).is_empty());
    }

    #[test]
    fn errors_name_the_fields_the_view_knows() {
        let form = PasswordForm {
            login: PasswordSection {
                change: true,
                current: "Demo1234".into(),
                new: "user05".into(),
                new_again: "x".into(),
            },
            ..Default::default()
        };
        let errs = form.validate("user05", false);
        let ids: Vec<_> = errs.iter().map(|e| dom_id(&e.field)).collect();
        assert_eq!(ids, ["login_password-new", "login_password-new_again"]);
        assert_eq!(
            field(PasswordKind::Confirm, "current"),
            "confirm_password.current"
        );
    }

    #[test]
    fn nothing_selected_is_an_error() {
        let errs = PasswordForm::default().validate("user01", false);
        assert_eq!(errs[0].field, "change");
    }
}
