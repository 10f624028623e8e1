//! A user shown as labelled rows, section by section (確認, 結果, 照会, 削除 screens),
//! with what a change altered marked in words, not only by colour.

use kanri_contract::money::format_yen;
use kanri_contract::user_rules::limit_label;
use kanri_contract::users::{
    Changed, UserChanged, UserFormContext, UserProfile, UserRegistered, RIGHT_GROUPS,
};

use crate::kernel::diff::{compare as compare_str, membership, row};
pub use crate::kernel::diff::{Mark, Row, Section};

/// The sections of a user, in wizard order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// 利用者基本情報 (step 1).
    Basics,
    /// サービス利用権限 (step 2).
    Rights,
    /// 利用可能口座 (step 3).
    Accounts,
    /// 限度額 (step 3).
    Limits,
}

impl SectionKind {
    pub const ALL: [SectionKind; 4] = [
        SectionKind::Basics,
        SectionKind::Rights,
        SectionKind::Accounts,
        SectionKind::Limits,
    ];

    /// The [`Section::key`] of this kind.
    pub fn key(self) -> &'static str {
        match self {
            SectionKind::Basics => "basics",
            SectionKind::Rights => "rights",
            SectionKind::Accounts => "accounts",
            SectionKind::Limits => "limits",
        }
    }

    pub fn of(section: &Section) -> Option<SectionKind> {
        SectionKind::ALL
            .into_iter()
            .find(|k| k.key() == section.key)
    }
}

fn compare(before: Option<String>, now: &str) -> Mark {
    compare_str(before.as_deref(), now)
}

/// 付与する / 付与しない.
pub fn admin_label(admin: bool) -> &'static str {
    if admin {
        "付与する"
    } else {
        "付与しない"
    }
}

/// する / しない.
pub fn force_label(force: bool) -> &'static str {
    if force {
        "する"
    } else {
        "しない"
    }
}

/// The sections of `user`. `before` (a change) marks what differs; `password_rows` are
/// inserted after the login ID (the caller knows whether passwords are new, changed or
/// hidden).
pub fn sections(
    user: &UserProfile,
    ctx: &UserFormContext,
    before: Option<&UserProfile>,
    password_rows: Vec<Row>,
) -> Vec<Section> {
    let mut basics = vec![row(
        "ログインID",
        &user.login_id,
        compare(before.map(|b| b.login_id.clone()), &user.login_id),
    )];
    basics.extend(password_rows);
    basics.push(row(
        "ログイン時に強制変更する",
        force_label(user.force_password_change),
        compare(
            before.map(|b| force_label(b.force_password_change).to_owned()),
            force_label(user.force_password_change),
        ),
    ));
    basics.push(row(
        "利用者名",
        &user.name,
        compare(before.map(|b| b.name.clone()), &user.name),
    ));
    basics.push(row(
        "メールアドレス",
        &user.email,
        compare(before.map(|b| b.email.clone()), &user.email),
    ));
    basics.push(row(
        "管理者権限",
        admin_label(user.admin),
        compare(
            before.map(|b| admin_label(b.admin).to_owned()),
            admin_label(user.admin),
        ),
    ));

    let mut rights = Vec::new();
    for g in RIGHT_GROUPS {
        for r in g.offered(&ctx.services) {
            let has = user.rights.contains(&r);
            let mark = membership(before.map(|b| b.rights.contains(&r)), has);
            if has || mark == Mark::Removed {
                rights.push(row(g.title, r.label(), mark));
            }
        }
    }
    if rights.is_empty() {
        rights.push(row("サービス利用権限", "なし", Mark::Unchanged));
    }

    let mut accounts = Vec::new();
    for a in &ctx.accounts {
        let has = user.accounts.contains(&a.id);
        let mark = membership(before.map(|b| b.accounts.contains(&a.id)), has);
        if has || mark == Mark::Removed {
            let memo = if a.memo.is_empty() {
                String::new()
            } else {
                format!("（{}）", a.memo)
            };
            accounts.push(row(
                format!("{}({})", a.branch_name, a.branch_code),
                format!("{} {}{memo}", a.kind, a.number),
                mark,
            ));
        }
    }

    let yen = |v: Option<u64>| v.map_or("未設定".to_owned(), |a| format!("{}円", format_yen(a)));
    let limits = ctx
        .limit_businesses()
        .into_iter()
        .map(|b| {
            let now = yen(user.limit(b));
            let mark = compare(before.map(|p| yen(p.limit(b))), &now);
            row(limit_label(b), now, mark)
        })
        .collect();

    vec![
        Section::rows(SectionKind::Basics.key(), "利用者基本情報", basics),
        Section::rows(SectionKind::Rights.key(), "サービス利用権限", rights),
        Section::rows(SectionKind::Accounts.key(), "利用可能口座", accounts),
        Section::rows(SectionKind::Limits.key(), "利用者一回当たり限度額", limits),
    ]
}

/// The message of 利用者登録結果 [BRSK010].
pub const REGISTERED_MESSAGE: &str = "以下の内容で利用者登録が完了しました。";

/// The message of 利用者変更結果 [BRSK021].
pub const CHANGED_MESSAGE: &str =
    "以下の内容で利用者情報を変更しました。変更した内容には「変更」「追加」「解除」と表示されています。";

/// The password rows of the summary: masked at registration; at a change, whether
/// each password is being replaced. A password itself is never shown.
pub fn password_rows(register: bool, changed: &[Changed]) -> Vec<Row> {
    [
        ("ログインパスワード", Changed::LoginPassword),
        ("確認用パスワード", Changed::ConfirmPassword),
    ]
    .into_iter()
    .map(|(label, item)| {
        if register {
            row(label, "********", Mark::Unchanged)
        } else if changed.contains(&item) {
            row(
                label,
                "新しいパスワードに変更（********）",
                Mark::Changed {
                    before: "（表示しません）".into(),
                },
            )
        } else {
            row(label, "変更しない", Mark::Unchanged)
        }
    })
    .collect()
}

/// What 利用者登録結果 [BRSK010] shows (and prints) of the registered user.
pub fn registered_sections(done: &UserRegistered, ctx: &UserFormContext) -> Vec<Section> {
    sections(&done.user.profile, ctx, None, password_rows(true, &[]))
}

/// What 利用者変更結果 [BRSK021] shows (and prints): the user after the change, what
/// differs from before marked, the passwords said to change or not, and the 証明書状態
/// when the change did something to the certificate.
pub fn changed_sections(done: &UserChanged, ctx: &UserFormContext) -> Vec<Section> {
    let extra = password_rows(false, &done.changed)
        .into_iter()
        .chain(done.changed.contains(&Changed::Certificate).then(|| {
            row(
                "証明書状態",
                done.after.certificate.label(),
                Mark::Changed {
                    before: done.before.certificate.label().into(),
                },
            )
        }))
        .collect();
    sections(&done.after.profile, ctx, Some(&done.before.profile), extra)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kanri_contract::users::{Account, Limit, LimitBusiness, Right, Service};

    fn ctx() -> UserFormContext {
        UserFormContext {
            services: vec![Service::Transfer],
            accounts: vec![Account {
                id: 1,
                branch_name: "本店営業部".into(),
                branch_code: "001".into(),
                kind: "普通".into(),
                number: "1234567".into(),
                memo: "運転資金".into(),
            }],
            company_limits: vec![],
            one_time_password: false,
        }
    }

    fn user() -> UserProfile {
        UserProfile {
            login_id: "user01".into(),
            name: "佐藤　次郎".into(),
            email: "a@b.jp".into(),
            rights: vec![Right::TransferViewAll],
            accounts: vec![1],
            limits: vec![Limit {
                business: LimitBusiness::Transfer,
                amount: 1_500_000,
            }],
            ..Default::default()
        }
    }

    #[test]
    fn registration_shows_values_without_marks() {
        let s = sections(&user(), &ctx(), None, vec![]);
        assert_eq!(s.len(), 4);
        assert!(s
            .iter()
            .flat_map(|s| s.labelled_rows())
            .all(|r| r.mark == Mark::Unchanged));
        assert_eq!(s[2].labelled_rows()[0].value, "普通 1234567（運転資金）");
        assert_eq!(
            s[3].labelled_rows()[0].label,
            "利用者一回当たり限度額（振込振替）"
        );
        assert_eq!(s[3].labelled_rows()[0].value, "1,500,000円");
    }

    #[test]
    fn a_change_marks_changed_added_and_removed_items() {
        let before = user();
        let mut after = user();
        after.admin = true;
        after.rights = vec![Right::TransferRegistered];
        after.accounts = vec![];
        after.limits[0].amount = 2_000_000;
        let s = sections(&after, &ctx(), Some(&before), vec![]);
        let admin = s[0]
            .labelled_rows()
            .iter()
            .find(|r| r.label == "管理者権限")
            .unwrap();
        assert_eq!(
            admin.mark,
            Mark::Changed {
                before: "付与しない".into()
            }
        );
        let marks: Vec<_> = s[1]
            .labelled_rows()
            .iter()
            .map(|r| (&r.value[..], &r.mark))
            .collect();
        assert_eq!(
            marks,
            [
                ("依頼(事前登録口座)", &Mark::Added),
                ("全取引照会", &Mark::Removed)
            ]
        );
        assert_eq!(s[2].labelled_rows()[0].mark, Mark::Removed);
        assert_eq!(
            s[3].labelled_rows()[0].mark,
            Mark::Changed {
                before: "1,500,000円".into()
            }
        );
    }

    #[test]
    fn passwords_are_masked_or_said_to_change() {
        let reg = password_rows(true, &[]);
        assert!(reg.iter().all(|r| r.value == "********"));
        let change = password_rows(false, &[Changed::ConfirmPassword]);
        assert_eq!(change[0].value, "変更しない");
        assert!(matches!(change[1].mark, Mark::Changed { .. }));
    }
}
