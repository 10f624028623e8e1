//! The status facts of one user (利用者区分, 認証方式, サービス状態, 証明書状態, dates) as
//! labelled rows, for 利用者照会 [BRSK011] and 利用者削除 [BRSK022, BRSK023]. The editable
//! data is shown by [`crate::features::users::logic::summary::sections`].

use crate::features::users::logic::summary::{sections, Section};
use crate::kernel::labels::auth_method_label;
use kanri_contract::datetime::format_datetime;
use kanri_contract::users::{UserDeleted, UserDetail, UserFormContext};

/// 証明書有効期限: `2026年12月01日 08時59分59秒`, or 「-」 without a certificate.
pub fn expiry_text(expires_at: Option<i64>) -> String {
    expires_at.map_or_else(|| "-".to_owned(), format_datetime)
}

/// The status rows of `user`, in screen order.
pub fn status_rows(user: &UserDetail) -> Vec<(&'static str, String)> {
    vec![
        ("利用者区分", user.role.label().to_owned()),
        ("認証方式", auth_method_label(user.auth_method).to_owned()),
        ("サービス状態", user.service_state.label().to_owned()),
        ("証明書状態", user.certificate.label().to_owned()),
        ("証明書有効期限", expiry_text(user.certificate_expires_at)),
        ("登録日時", format_datetime(user.registered_at)),
        ("最終更新日時", format_datetime(user.updated_at)),
    ]
}

/// The message of 利用者削除結果 [BRSK023].
pub const DELETED_MESSAGE: &str = "以下の利用者を削除しました。";
/// The heading of the rows of 利用者削除結果 (削除日時 and the status rows).
pub const DELETED_HEADING: &str = "削除結果";

/// The rows 利用者削除結果 shows before the status rows: 削除日時.
pub fn deleted_rows(done: &UserDeleted) -> Vec<(&'static str, String)> {
    vec![("削除日時", format_datetime(done.deleted_at))]
}

/// The user's data section by section, as 利用者照会 and 利用者削除 show it (no marks,
/// no passwords).
pub fn detail_sections(user: &UserDetail, ctx: &UserFormContext) -> Vec<Section> {
    sections(&user.profile, ctx, None, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kanri_contract::api::{AuthMethod, Role};
    use kanri_contract::users::{CertificateState, ServiceState, UserProfile};

    fn user() -> UserDetail {
        UserDetail {
            profile: UserProfile {
                login_id: "user01".into(),
                ..Default::default()
            },
            role: Role::General,
            auth_method: AuthMethod::Certificate,
            service_state: ServiceState::Locked,
            certificate: CertificateState::Issued,
            // 2026-11-30T23:59:59Z is 2026-12-01 08:59:59 in Tokyo.
            certificate_expires_at: Some(1_796_083_199),
            registered_at: 1_795_222_800,
            updated_at: 1_795_222_800,
        }
    }

    #[test]
    fn status_rows_use_the_contract_labels_and_japanese_dates() {
        let rows = status_rows(&user());
        let labels: Vec<_> = rows.iter().map(|(l, _)| *l).collect();
        assert_eq!(
            labels,
            [
                "利用者区分",
                "認証方式",
                "サービス状態",
                "証明書状態",
                "証明書有効期限",
                "登録日時",
                "最終更新日時"
            ]
        );
        assert_eq!(rows[0].1, "一般ユーザ");
        assert_eq!(rows[1].1, "電子証明書方式");
        assert_eq!(rows[2].1, "ロック中");
        assert_eq!(rows[3].1, "発行済み");
        assert_eq!(rows[4].1, "2026年12月01日 08時59分59秒");
        assert_eq!(rows[5].1, "2026年11月21日 10時00分00秒");
    }

    #[test]
    fn no_certificate_expiry_is_a_dash() {
        let mut u = user();
        u.auth_method = AuthMethod::Password;
        u.certificate = CertificateState::NotUsed;
        u.certificate_expires_at = None;
        let rows = status_rows(&u);
        assert_eq!(rows[1].1, "ID・パスワード方式");
        assert_eq!(rows[4].1, "-");
    }
}
