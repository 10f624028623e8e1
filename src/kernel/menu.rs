//! The 管理 menus ([BSSK001] 業務選択 and [BRSK001] 作業内容選択) as data.
//!
//! An entry shows when its screen exists (`href` is set) and the user holds its right.
//! Later issues add screens by filling in `href`.

use crate::kernel::paths;
use kanri_contract::api::Permission;

/// Who may use an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    /// Every logged-in user (own password, own history).
    Anyone,
    Permission(Permission),
}

/// One button of a menu screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MenuEntry {
    pub label: &'static str,
    pub description: &'static str,
    /// The screen; `None` while it is not built, which hides the entry.
    pub href: Option<&'static str>,
    pub requires: Requirement,
}

/// A headed group of entries (BRSK001).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MenuGroup {
    pub heading: &'static str,
    pub entries: &'static [MenuEntry],
}

const fn entry(
    label: &'static str,
    description: &'static str,
    href: Option<&'static str>,
    requires: Requirement,
) -> MenuEntry {
    MenuEntry {
        label,
        description,
        href,
        requires,
    }
}

const ADMIN: Requirement = Requirement::Permission(Permission::ManageUsers);

/// [BSSK001] 業務選択, with the manual's descriptions.
pub const BUSINESSES: &[MenuEntry] = &[
    entry(
        "企業管理",
        "企業情報の照会、変更が可能です。企業名の変更、承認方法の設定、データ受付の取引限度額の設定、口座メモの登録、為替手数料の設定を行います。",
        Some(paths::COMPANY_TASKS),
        Requirement::Permission(Permission::ManageCompany),
    ),
    entry(
        "利用者管理",
        "利用者情報の照会・新規登録・変更が可能です。パスワードの変更、利用者の利用権限設定、利用者のサービス停止などを行います。",
        Some(paths::USER_TASKS),
        Requirement::Anyone,
    ),
    entry(
        "操作履歴照会",
        "ご自身または他の利用者が行った操作の履歴照会を行うことができます。",
        Some(paths::HISTORY),
        Requirement::Anyone,
    ),
];

/// [BRSK001] 作業内容選択, grouped as in manual 000.
pub const USER_TASKS: &[MenuGroup] = &[
    MenuGroup {
        heading: "自身の情報の変更・照会",
        entries: &[entry(
            "パスワード変更",
            "ログインパスワード、確認用パスワードを変更できます。",
            Some(paths::PASSWORD_CHANGE),
            Requirement::Anyone,
        )],
    },
    MenuGroup {
        heading: "利用者情報の管理",
        entries: &[entry(
            "利用者情報の管理",
            "利用者情報の新規登録、登録されている利用者情報の照会、変更、または削除が可能です。",
            Some(paths::USER_LIST),
            ADMIN,
        )],
    },
    MenuGroup {
        heading: "利用者停止・解除",
        entries: &[entry(
            "利用者停止・解除",
            "利用者のサービス停止、停止解除が可能です。",
            Some(paths::STATUS_SERVICE),
            ADMIN,
        )],
    },
    MenuGroup {
        heading: "追加認証（リスクベース認証）の管理",
        entries: &[
            entry(
                "追加認証（リスクベース認証）の利用停止解除",
                "追加認証（リスクベース認証）の利用停止状態を解除できます。",
                Some(paths::STATUS_RISK_UNLOCK),
                ADMIN,
            ),
            entry(
                "追加認証（リスクベース認証）の回答リセット",
                "追加認証（リスクベース認証）で利用する回答をリセットできます。",
                Some(paths::STATUS_RISK_RESET),
                ADMIN,
            ),
        ],
    },
    MenuGroup {
        heading: "証明書失効",
        entries: &[entry(
            "証明書失効",
            "クライアント証明書の失効が可能です。",
            Some(paths::CERT_REVOKE_LIST),
            ADMIN,
        )],
    },
    MenuGroup {
        heading: "トランザクション認証の管理",
        entries: &[
            entry(
                "トランザクション認証の利用停止解除",
                "トランザクション認証の利用停止状態を解除できます。",
                Some(paths::STATUS_TRANSACTION_UNLOCK),
                ADMIN,
            ),
            entry(
                "トランザクション認証のトークン失効",
                "トランザクション認証用トークンの失効が可能です。トークン失効を行うと、選択された利用者はトランザクション認証が利用できなくなります。トークンの利用開始登録は、次回ログイン時に実施可能です。",
                Some(paths::STATUS_TRANSACTION_REVOKE),
                ADMIN,
            ),
        ],
    },
    MenuGroup {
        heading: "ワンタイムパスワードの管理",
        entries: &[
            entry(
                "ワンタイムパスワードの利用停止解除",
                "ワンタイムパスワードの利用停止状態を解除できます。",
                Some(paths::STATUS_OTP_UNLOCK),
                ADMIN,
            ),
            entry(
                "ワンタイムパスワードのトークン失効",
                "ワンタイムパスワード用トークンの失効が可能です。トークンの利用開始登録は、次回ログイン時に実施可能です。",
                Some(paths::STATUS_OTP_REVOKE),
                ADMIN,
            ),
        ],
    },
];

const COMPANY: Requirement = Requirement::Permission(Permission::ManageCompany);

/// 企業管理 › 作業内容選択 [BKGK004], with the manual's descriptions.
pub const COMPANY_TASKS: &[MenuGroup] = &[
    MenuGroup {
        heading: "企業情報",
        entries: &[
            entry(
                "企業情報の照会",
                "企業名、承認機能の利用有無、口座一日当たりの限度額、企業一日当たりの限度額を照会できます。",
                Some(paths::COMPANY_VIEW),
                COMPANY,
            ),
            entry(
                "企業情報の変更",
                "企業名、承認機能の利用有無、口座一日当たりの限度額、企業一日当たりの限度額を変更できます。",
                Some(paths::COMPANY_EDIT),
                COMPANY,
            ),
        ],
    },
    MenuGroup {
        heading: "手数料情報",
        entries: &[
            entry(
                "先方負担手数料[振込振替]の変更",
                "振込振替業務で使用する先方負担手数料情報を変更できます。",
                Some(paths::FEES_PAYEE_TRANSFER_EDIT),
                COMPANY,
            ),
            entry(
                "先方負担手数料[総合振込]の変更",
                "総合振込業務で使用する先方負担手数料情報を変更できます。",
                Some(paths::FEES_PAYEE_BULK_EDIT),
                COMPANY,
            ),
            entry(
                "当方負担手数料[総合振込]の変更",
                "総合振込業務で使用する当方負担手数料情報を変更できます。",
                Some(paths::FEES_PAYER_BULK_EDIT),
                COMPANY,
            ),
            entry(
                "先方負担手数料[振込振替]の照会",
                "振込振替業務で使用する先方負担手数料情報を照会できます。",
                Some(paths::FEES_PAYEE_TRANSFER),
                COMPANY,
            ),
            entry(
                "先方負担手数料[総合振込]の照会",
                "総合振込業務で使用する先方負担手数料情報を照会できます。",
                Some(paths::FEES_PAYEE_BULK),
                COMPANY,
            ),
            entry(
                "当方負担手数料[総合振込]の照会",
                "総合振込業務で使用する当方負担手数料情報を照会できます。",
                Some(paths::FEES_PAYER_BULK),
                COMPANY,
            ),
        ],
    },
];

impl MenuEntry {
    /// Whether a user with rights `has` sees this entry.
    pub fn visible(&self, has: &impl Fn(Permission) -> bool) -> bool {
        self.href.is_some()
            && match self.requires {
                Requirement::Anyone => true,
                Requirement::Permission(p) => has(p),
            }
    }
}

/// The entries of `entries` the user sees.
pub fn visible_entries(
    entries: &'static [MenuEntry],
    has: impl Fn(Permission) -> bool,
) -> Vec<MenuEntry> {
    entries
        .iter()
        .filter(|e| e.visible(&has))
        .copied()
        .collect()
}

/// The groups (with their visible entries) the user sees; empty groups are dropped.
pub fn visible_groups(
    groups: &'static [MenuGroup],
    has: impl Fn(Permission) -> bool,
) -> Vec<(&'static str, Vec<MenuEntry>)> {
    groups
        .iter()
        .map(|g| (g.heading, visible_entries(g.entries, &has)))
        .filter(|(_, e)| !e.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_task_is_offered_to_administrators_under_its_title() {
        use kanri_contract::user_status::StatusTask;
        let admin = visible_groups(USER_TASKS, |p| p == Permission::ManageUsers);
        let entries: Vec<MenuEntry> = admin.into_iter().flat_map(|(_, e)| e).collect();
        for task in StatusTask::ALL {
            let entry = entries
                .iter()
                .find(|e| e.label == task.title())
                .unwrap_or_else(|| panic!("{} is offered", task.title()));
            assert_eq!(
                entry.href.map(str::to_owned),
                Some(paths::status_list(task))
            );
            assert_eq!(entry.requires, ADMIN);
        }
        // Every entry of 作業内容選択 now leads somewhere.
        assert!(USER_TASKS
            .iter()
            .flat_map(|g| g.entries)
            .all(|e| e.href.is_some()));
    }

    const SAMPLE: &[MenuEntry] = &[
        entry("自分", "", Some("/a"), Requirement::Anyone),
        entry("管理者だけ", "", Some("/b"), ADMIN),
        entry("未実装", "", None, Requirement::Anyone),
    ];

    #[test]
    fn entries_follow_rights_and_hide_missing_screens() {
        let general = visible_entries(SAMPLE, |_| false);
        assert_eq!(
            general.iter().map(|e| e.label).collect::<Vec<_>>(),
            ["自分"]
        );
        let admin = visible_entries(SAMPLE, |p| p == Permission::ManageUsers);
        assert_eq!(
            admin.iter().map(|e| e.label).collect::<Vec<_>>(),
            ["自分", "管理者だけ"]
        );
    }

    #[test]
    fn every_user_reaches_the_own_password_change() {
        let groups = visible_groups(USER_TASKS, |_| false);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].0, "自身の情報の変更・照会");
        assert_eq!(groups[0].1[0].href, Some(paths::PASSWORD_CHANGE));
        assert!(visible_entries(BUSINESSES, |_| false)
            .iter()
            .any(|e| e.label == "利用者管理"));
    }

    #[test]
    fn every_user_reaches_the_own_history() {
        let general = visible_entries(BUSINESSES, |_| false);
        let history = general.iter().find(|e| e.label == "操作履歴照会");
        assert_eq!(history.and_then(|e| e.href), Some(paths::HISTORY));
    }

    #[test]
    fn company_management_is_for_administrators_only() {
        assert!(visible_groups(COMPANY_TASKS, |_| false).is_empty());
        assert!(!visible_entries(BUSINESSES, |_| false)
            .iter()
            .any(|e| e.label == "企業管理"));
        let admin = visible_groups(COMPANY_TASKS, |p| p == Permission::ManageCompany);
        assert_eq!(admin.len(), 2);
        assert_eq!(admin[1].1.len(), 6);
    }

    #[test]
    fn brsk001_keeps_the_manuals_group_order() {
        let headings: Vec<_> = USER_TASKS.iter().map(|g| g.heading).collect();
        assert_eq!(
            headings,
            [
                "自身の情報の変更・照会",
                "利用者情報の管理",
                "利用者停止・解除",
                "追加認証（リスクベース認証）の管理",
                "証明書失効",
                "トランザクション認証の管理",
                "ワンタイムパスワードの管理"
            ]
        );
    }
}
