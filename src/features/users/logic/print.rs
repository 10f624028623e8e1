//! What the 利用者管理 results print: 利用者登録結果, 利用者変更結果, 利用者削除結果 and
//! 証明書失効結果.

use crate::features::users::certificates::logic as cert_revoke;
use crate::features::users::logic::{detail as user_detail, summary as user_summary};
use crate::kernel::help;
use crate::kernel::print::{plain_fields, result_printout, section_blocks, when, Printout};
use kanri_contract::users::{
    CertificateRevoked, UserChanged, UserDeleted, UserFormContext, UserRegistered,
};
use kanri_print::model::Block;

/// 利用者登録結果 [BRSK010]: the message, 登録日時 and the user as registered (passwords
/// masked).
pub fn user_registered_printout(done: &UserRegistered, ctx: &UserFormContext) -> Printout {
    result_printout(
        help::USER_NEW_DONE,
        user_summary::REGISTERED_MESSAGE,
        Some(when("登録日時", done.registered_at)),
        section_blocks(&user_summary::registered_sections(done, ctx)),
    )
}

/// 利用者変更結果 [BRSK021]: the message, 変更日時 and the user after the change with what
/// changed marked (passwords never shown).
pub fn user_changed_printout(done: &UserChanged, ctx: &UserFormContext) -> Printout {
    result_printout(
        help::USER_EDIT_DONE,
        user_summary::CHANGED_MESSAGE,
        Some(when("変更日時", done.changed_at)),
        section_blocks(&user_summary::changed_sections(done, ctx)),
    )
}

/// 利用者削除結果 [BRSK023]: the message, 削除結果 (削除日時 and the status rows) and the
/// user's data, as [`crate::features::users::detail::UserDetailView`] shows them.
pub fn user_deleted_printout(done: &UserDeleted, ctx: &UserFormContext) -> Printout {
    let mut rest = vec![
        Block::Heading(user_detail::DELETED_HEADING.to_owned()),
        plain_fields(
            user_detail::deleted_rows(done)
                .into_iter()
                .chain(user_detail::status_rows(&done.user)),
        ),
    ];
    rest.extend(section_blocks(&user_detail::detail_sections(
        &done.user, ctx,
    )));
    result_printout(
        help::USER_DELETE_DONE,
        user_detail::DELETED_MESSAGE,
        None,
        rest,
    )
}

/// 証明書失効結果 [BRSK020]: the message and 証明書の失効結果 (with 失効日時).
pub fn certificate_revoked_printout(done: &CertificateRevoked) -> Printout {
    result_printout(
        help::CERT_REVOKE_DONE,
        cert_revoke::REVOKED_MESSAGE,
        None,
        vec![
            Block::Heading(cert_revoke::RESULT_HEADING.to_owned()),
            plain_fields(cert_revoke::result_rows(done)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::print::testing::*;
    use kanri_contract::api::{AuthMethod, Role};
    use kanri_contract::users::{
        CertificateState, Changed, Limit, LimitBusiness, PasswordEntry, Right, ServiceState,
        UserDetail, UserInput, UserProfile, UserSummary,
    };
    use kanri_print::model::{Cell, Orientation};
    use kanri_print::model::{Field, Mark};
    fn user_ctx() -> UserFormContext {
        UserFormContext {
            services: vec![Service::Transfer],
            accounts: accounts(),
            company_limits: vec![],
            one_time_password: false,
        }
    }

    use kanri_contract::users::Service;

    fn profile() -> UserProfile {
        UserProfile {
            login_id: "user01".into(),
            name: "佐藤　次郎".into(),
            email: "sato@example.jp".into(),
            rights: vec![Right::TransferViewAll],
            accounts: vec![1],
            limits: vec![Limit {
                business: LimitBusiness::Transfer,
                amount: 1_500_000,
            }],
            ..Default::default()
        }
    }

    fn detail(profile: UserProfile) -> UserDetail {
        UserDetail {
            profile,
            role: Role::General,
            auth_method: AuthMethod::Certificate,
            service_state: ServiceState::Available,
            certificate: CertificateState::Issued,
            certificate_expires_at: None,
            registered_at: AT,
            updated_at: AT,
        }
    }

    #[test]
    fn a_registration_prints_its_message_time_and_sections_with_masked_passwords() {
        // The request carried passwords; the answer and the printout never do.
        let input = UserInput {
            profile: profile(),
            login_id_again: "user01".into(),
            email_again: "sato@example.jp".into(),
            login_password: Some(PasswordEntry {
                value: "Login1234".into(),
                again: "Login1234".into(),
            }),
            confirm_password: Some(PasswordEntry {
                value: "Conf5678".into(),
                again: "Conf5678".into(),
            }),
            certificate: Default::default(),
        };
        let done = UserRegistered {
            user: detail(input.profile.clone()),
            registered_at: AT,
        };
        let p = user_registered_printout(&done, &user_ctx());
        assert_eq!(p.screen, help::USER_NEW_DONE);
        assert_eq!(p.screen.title, "利用者登録結果");
        assert_eq!(p.orientation, Orientation::Portrait);
        assert_eq!(
            p.blocks[0],
            Block::Paragraph("以下の内容で利用者登録が完了しました。".into())
        );
        assert_eq!(field(&p, "登録日時"), &Cell::plain(AT_TEXT));
        assert_eq!(
            headings(&p),
            [
                "利用者基本情報",
                "サービス利用権限",
                "利用可能口座",
                "利用者一回当たり限度額"
            ]
        );
        assert_eq!(field(&p, "ログインパスワード").text, "********");
        assert_eq!(field(&p, "確認用パスワード").text, "********");
        assert_eq!(field(&p, "利用者名").text, "佐藤　次郎");
        assert_eq!(
            field(&p, "本店営業部(001)").text,
            "普通 1234567（運転資金）"
        );
        assert!(fields(&p).iter().all(|f| f.value.mark.is_none()));
        let all = format!("{p:?}");
        for secret in &["Login1234", "Conf5678"] {
            assert!(!all.contains(secret), "{secret} printed");
        }
        // The page shows the same sections.
        assert_eq!(
            p.blocks[2..].to_vec(),
            section_blocks(&user_summary::registered_sections(&done, &user_ctx()))
        );
        assert_eq!(
            crate::features::users::wizard::logic::screen(
                &crate::features::users::wizard::logic::WizardMode::Register,
                crate::features::users::wizard::logic::Step::Done
            ),
            p.screen
        );
    }

    fn changed_user() -> UserChanged {
        let before = detail(profile());
        let mut after_profile = profile();
        after_profile.name = "佐藤　二郎".into();
        after_profile.rights = vec![Right::TransferRegistered];
        after_profile.accounts = vec![1, 2];
        let mut after = detail(after_profile);
        after.certificate = CertificateState::Revoked;
        UserChanged {
            before,
            after,
            changed: vec![
                Changed::LoginPassword,
                Changed::Certificate,
                Changed::Name,
                Changed::Right(Right::TransferRegistered),
                Changed::Right(Right::TransferViewAll),
                Changed::Account(2),
            ],
            changed_at: AT,
        }
    }

    #[test]
    fn a_change_prints_its_marks_with_the_old_values() {
        let done = changed_user();
        let p = user_changed_printout(&done, &user_ctx());
        assert_eq!(p.screen, help::USER_EDIT_DONE);
        assert_eq!(p.screen.id, "BRSK021");
        assert_eq!(
            paragraphs(&p)[0],
            "以下の内容で利用者情報を変更しました。変更した内容には「変更」「追加」「解除」と表示されています。"
        );
        assert_eq!(field(&p, "変更日時").text, AT_TEXT);
        let name = field(&p, "利用者名");
        assert_eq!(name.text, "佐藤　二郎");
        assert_eq!(
            name.mark,
            Some(Mark::Changed {
                before: "佐藤　次郎".into()
            })
        );
        assert_eq!(name.lines(), ["佐藤　二郎 ［変更］", "変更前：佐藤　次郎"]);
        let password = field(&p, "ログインパスワード");
        assert_eq!(password.text, "新しいパスワードに変更（********）");
        assert_eq!(field(&p, "確認用パスワード").text, "変更しない");
        assert_eq!(
            field(&p, "証明書状態").mark,
            Some(Mark::Changed {
                before: "発行済み".into()
            })
        );
        let rights: Vec<_> = fields(&p)
            .into_iter()
            .filter(|f| f.value.text == "依頼(事前登録口座)" || f.value.text == "全取引照会")
            .map(|f| f.value.mark.clone())
            .collect();
        assert_eq!(
            rights,
            [
                Some(Mark::Added),
                Some(Mark::Removed {
                    word: "解除".into()
                })
            ]
        );
        assert_eq!(field(&p, "港南支店(125)").mark, Some(Mark::Added));
        assert_eq!(
            p.blocks[2..].to_vec(),
            section_blocks(&user_summary::changed_sections(&done, &user_ctx()))
        );
    }

    #[test]
    fn a_deletion_prints_the_result_rows_and_the_users_data() {
        let done = UserDeleted {
            user: detail(profile()),
            deleted_at: AT + 60,
        };
        let p = user_deleted_printout(&done, &user_ctx());
        assert_eq!(p.screen, help::USER_DELETE_DONE);
        assert_eq!(p.screen.title, "利用者削除結果");
        assert_eq!(paragraphs(&p), ["以下の利用者を削除しました。"]);
        assert_eq!(headings(&p)[0], "削除結果");
        let Block::Fields(result) = &p.blocks[2] else {
            panic!("{:?}", p.blocks[2]);
        };
        let labels: Vec<_> = result.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "削除日時",
                "利用者区分",
                "認証方式",
                "サービス状態",
                "証明書状態",
                "証明書有効期限",
                "登録日時",
                "最終更新日時"
            ]
        );
        assert_eq!(result[0].value.text, "2026年11月21日 10時01分00秒");
        assert_eq!(result[5].value.text, "-");
        assert_eq!(
            &headings(&p)[1..],
            [
                "利用者基本情報",
                "サービス利用権限",
                "利用可能口座",
                "利用者一回当たり限度額"
            ]
        );
        assert!(!fields(&p).iter().any(|f| f.label.contains("パスワード")));
    }

    fn revoked() -> CertificateRevoked {
        CertificateRevoked {
            user: UserSummary {
                login_id: "user01".into(),
                name: "佐藤　次郎".into(),
                role: Role::General,
                service_state: ServiceState::Available,
                certificate: CertificateState::Revoked,
                certificate_expires_at: None,
            },
            revoked_at: AT,
            own: false,
        }
    }

    #[test]
    fn a_revocation_prints_the_result_rows() {
        let done = revoked();
        let p = certificate_revoked_printout(&done);
        assert_eq!(p.screen, help::CERT_REVOKE_DONE);
        assert_eq!(paragraphs(&p), ["以下の利用者の証明書を失効しました。"]);
        assert_eq!(headings(&p), ["証明書の失効結果"]);
        let expected: Vec<Field> = cert_revoke::result_rows(&done)
            .into_iter()
            .map(|(l, v)| Field::new(l, Cell::plain(v)))
            .collect();
        assert_eq!(p.blocks[2], Block::Fields(expected));
        assert_eq!(field(&p, "失効日時").text, AT_TEXT);
        assert_eq!(field(&p, "証明書状態").text, "失効済み");
    }
}
