//! Japanese labels of the contract's values that several features show.

use kanri_contract::api::AuthMethod;

/// 電子証明書方式 / ID・パスワード方式.
pub fn auth_method_label(m: AuthMethod) -> &'static str {
    match m {
        AuthMethod::Certificate => "電子証明書方式",
        AuthMethod::Password => "ID・パスワード方式",
    }
}
