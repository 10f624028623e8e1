//! The demo company: accounts and about ten users covering every role, certificate
//! state and service state. README.md lists the same users for people.

use crate::db::now;
use crate::passwords;
use crate::pki::{Pki, PkiError};
use crate::users::{self, enum_to_db, role_to_db};
use kanri_contract::api::{AuthMethod, Role};
use kanri_contract::users::{Limit, LimitBusiness, Right, Service};
use rusqlite::{params, Connection};

/// Login password of every demo user.
pub const DEMO_PASSWORD: &str = "Demo1234";
/// 確認用パスワード of every demo user.
pub const DEMO_CONFIRM_PASSWORD: &str = "Conf1234";

const DAY: i64 = 86_400;

/// The demo company's contracted services: not 口座振替, so the screens' filtering of
/// uncontracted rights and limits is visible.
pub const COMPANY_SERVICES: [Service; 3] = [Service::Transfer, Service::Bulk, Service::Payroll];

/// The demo company's limit per business (yen).
pub const COMPANY_LIMITS: [(LimitBusiness, u64); 5] = [
    (LimitBusiness::Transfer, 10_000_000),
    (LimitBusiness::Bulk, 50_000_000),
    (LimitBusiness::Salary, 30_000_000),
    (LimitBusiness::Bonus, 30_000_000),
    (LimitBusiness::Debit, 20_000_000),
];

/// What a demo user does: decides their rights, accounts and limits. 全操作履歴照会 is not
/// part of it; it follows [`DemoUser::view_all_history`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duties {
    /// Every right the company offers, every account, the company's limits.
    Full,
    /// 振込振替 and 総合振込 by screen, and 照会.
    Clerk,
    /// 承認 of everything contracted, 全取引照会, 照会.
    Approver,
    /// 給与・賞与振込, 残高照会.
    Payroll,
    /// 照会 only.
    Viewer,
}

impl Duties {
    /// The rights of these duties (before filtering by the contract).
    pub fn rights(self) -> Vec<Right> {
        use Right::*;
        match self {
            Duties::Full => users::rights_in_order()
                .filter(|r| *r != ViewAllHistory)
                .collect(),
            Duties::Clerk => vec![
                TransferRegistered,
                TransferUserRegistered,
                TransferViewAll,
                BulkScreen,
                Balance,
                Statement,
                TransactionHistory,
            ],
            Duties::Approver => vec![
                TransferViewAll,
                BulkViewAll,
                PayrollViewAll,
                ApproveTransfer,
                ApproveBulk,
                ApprovePayroll,
                Balance,
                Statement,
                TransactionHistory,
            ],
            Duties::Payroll => vec![
                PayrollScreen,
                PayrollFile,
                PayrollViewAll,
                PayrollPayees,
                Balance,
            ],
            Duties::Viewer => vec![Balance, Statement, TransactionHistory],
        }
    }

    /// The account ids of these duties (the demo company has accounts 1–4).
    pub fn accounts(self) -> Vec<i64> {
        match self {
            Duties::Full | Duties::Approver | Duties::Viewer => vec![1, 2, 3, 4],
            Duties::Clerk => vec![1, 2],
            Duties::Payroll => vec![3],
        }
    }

    /// The limit of `business` (at most the company's).
    pub fn limit(self, business: LimitBusiness, company: u64) -> u64 {
        use LimitBusiness::*;
        let amount = match (self, business) {
            (Duties::Full, _) => company,
            (Duties::Clerk, Transfer) => 1_000_000,
            (Duties::Clerk, Bulk) => 5_000_000,
            (Duties::Approver, Transfer) => 5_000_000,
            (Duties::Approver, Bulk) => 20_000_000,
            (Duties::Approver, Salary | Bonus) => 10_000_000,
            (Duties::Payroll, Salary | Bonus) => 20_000_000,
            _ => 0,
        };
        amount.min(company)
    }
}

/// The certificate a demo user starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoCert {
    /// 発行済み: valid for most of a year.
    Issued,
    /// 更新可: valid, but expiring within the 40-day notice period.
    Renewable,
    /// 有効期限切れ.
    Expired,
    /// 失効済み.
    Revoked,
    /// 未発行 (a certificate user still to obtain one).
    NotIssued,
    /// ID/password user: no certificate at all.
    None,
}

/// One demo user.
pub struct DemoUser {
    pub login_id: &'static str,
    pub name: &'static str,
    pub email: &'static str,
    pub role: Role,
    pub cert: DemoCert,
    pub must_change_password: bool,
    pub locked: bool,
    pub stopped: bool,
    pub view_all_history: bool,
    pub duties: Duties,
}

impl DemoUser {
    /// The user's rights under the demo contract: the duties' rights the company offers,
    /// plus 全操作履歴照会 exactly when `view_all_history`.
    pub fn rights(&self) -> Vec<Right> {
        let mut held = self.duties.rights();
        if self.view_all_history {
            held.push(Right::ViewAllHistory);
        }
        users::rights_in_order()
            .filter(|r| held.contains(r) && r.offered(&COMPANY_SERVICES))
            .collect()
    }

    /// The user's limits: one per business of the contracted services.
    pub fn limits(&self) -> Vec<Limit> {
        COMPANY_LIMITS
            .iter()
            .filter(|(b, _)| COMPANY_SERVICES.contains(&b.service()))
            .map(|(b, company)| Limit {
                business: *b,
                amount: self.duties.limit(*b, *company),
            })
            .collect()
    }
}

const fn user(
    login_id: &'static str,
    name: &'static str,
    email: &'static str,
    role: Role,
    cert: DemoCert,
) -> DemoUser {
    DemoUser {
        login_id,
        name,
        email,
        role,
        cert,
        must_change_password: false,
        locked: false,
        stopped: false,
        view_all_history: false,
        duties: match role {
            Role::Master | Role::Admin => Duties::Full,
            Role::General => Duties::Clerk,
        },
    }
}

/// The demo users, in registration order.
pub const DEMO_USERS: &[DemoUser] = &[
    DemoUser {
        view_all_history: true,
        ..user(
            "master01",
            "港　太郎",
            "taro.minato@example.co.jp",
            Role::Master,
            DemoCert::Issued,
        )
    },
    DemoUser {
        view_all_history: true,
        ..user(
            "admin01",
            "港　花子",
            "hanako.minato@example.co.jp",
            Role::Admin,
            DemoCert::Renewable,
        )
    },
    user(
        "admin02",
        "山田　一郎",
        "ichiro.yamada@example.co.jp",
        Role::Admin,
        DemoCert::None,
    ),
    DemoUser {
        duties: Duties::Approver,
        ..user(
            "user01",
            "佐藤　次郎",
            "jiro.sato@example.co.jp",
            Role::General,
            DemoCert::Issued,
        )
    },
    user(
        "user02",
        "鈴木　三郎",
        "saburo.suzuki@example.co.jp",
        Role::General,
        DemoCert::Expired,
    ),
    user(
        "user03",
        "高橋　美咲",
        "misaki.takahashi@example.co.jp",
        Role::General,
        DemoCert::Revoked,
    ),
    DemoUser {
        duties: Duties::Payroll,
        ..user(
            "user04",
            "田中　健太",
            "kenta.tanaka@example.co.jp",
            Role::General,
            DemoCert::NotIssued,
        )
    },
    DemoUser {
        must_change_password: true,
        ..user(
            "user05",
            "伊藤　由美",
            "yumi.ito@example.co.jp",
            Role::General,
            DemoCert::None,
        )
    },
    DemoUser {
        stopped: true,
        ..user(
            "user06",
            "渡辺　大輔",
            "daisuke.watanabe@example.co.jp",
            Role::General,
            DemoCert::None,
        )
    },
    DemoUser {
        locked: true,
        duties: Duties::Payroll,
        ..user(
            "user07",
            "中村　恵子",
            "keiko.nakamura@example.co.jp",
            Role::General,
            DemoCert::None,
        )
    },
    DemoUser {
        view_all_history: true,
        duties: Duties::Viewer,
        ..user(
            "user08",
            "小林　誠",
            "makoto.kobayashi@example.co.jp",
            Role::General,
            DemoCert::None,
        )
    },
];

/// Fill an empty database with the demo company, issuing client certificates with `pki`.
pub fn seed(c: &mut Connection, pki: &Pki) -> Result<(), SeedError> {
    let now = now();
    let tx = c.transaction()?;
    tx.execute(
        "INSERT INTO company (id, name, name_kana, one_time_password) VALUES (1, ?1, ?2, 0)",
        params!["株式会社みなと精機", "カブシキガイシャミナトセイキ"],
    )?;
    for s in COMPANY_SERVICES {
        tx.execute(
            "INSERT INTO company_services (service) VALUES (?1)",
            [enum_to_db(&s)],
        )?;
    }
    for (b, amount) in COMPANY_LIMITS {
        tx.execute(
            "INSERT INTO company_limits (business, amount) VALUES (?1, ?2)",
            params![enum_to_db(&b), i64::try_from(amount).unwrap_or(i64::MAX)],
        )?;
    }
    for (branch, code, kind, number, memo) in [
        ("本店営業部", "001", "普通", "1234567", "運転資金"),
        ("本店営業部", "001", "当座", "7654321", "支払用"),
        ("港南支店", "125", "普通", "0253226", "給与支払用"),
        ("横浜駅前支店", "210", "普通", "3141592", "売上入金"),
    ] {
        tx.execute(
            "INSERT INTO accounts (branch_name, branch_code, kind, number, memo) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![branch, code, kind, number, memo],
        )?;
    }
    // Hash once: Argon2 is deliberately slow.
    let login_hash = passwords::hash(DEMO_PASSWORD);
    let confirm_hash = passwords::hash(DEMO_CONFIRM_PASSWORD);
    for (i, u) in DEMO_USERS.iter().enumerate() {
        let method = match u.cert {
            DemoCert::None => AuthMethod::Password,
            _ => AuthMethod::Certificate,
        };
        let created = now - (400 - i as i64) * DAY;
        tx.execute(
            "INSERT INTO users (login_id, name, email, role, auth_method, password_hash, confirm_password_hash, \
             must_change_password, failed_attempts, locked, service_stopped, view_all_history, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
            params![
                u.login_id,
                u.name,
                u.email,
                role_to_db(u.role),
                if method == AuthMethod::Certificate { "certificate" } else { "password" },
                login_hash,
                confirm_hash,
                u.must_change_password,
                if u.locked { crate::users::MAX_FAILED_ATTEMPTS } else { 0 },
                u.locked,
                u.stopped,
                u.view_all_history,
                created,
            ],
        )?;
        let user_id = tx.last_insert_rowid();
        users::set_rights_accounts_limits(
            &tx,
            user_id,
            &u.rights(),
            &u.duties.accounts(),
            &u.limits(),
        )?;
        // Earlier logins, for the top page's ログイン履歴 (not for the first-login user).
        if !u.must_change_password {
            for k in [3i64, 2, 1] {
                tx.execute(
                    "INSERT INTO login_history (user_id, at) VALUES (?1, ?2)",
                    params![user_id, now - k * DAY - (i as i64) * 3_600 - 1_800],
                )?;
            }
        }
        let validity = match u.cert {
            DemoCert::Issued | DemoCert::Revoked => Some((now - 30 * DAY, now + 335 * DAY)),
            DemoCert::Renewable => Some((now - 345 * DAY, now + 20 * DAY)),
            DemoCert::Expired => Some((now - 400 * DAY, now - 3 * DAY)),
            DemoCert::NotIssued | DemoCert::None => None,
        };
        if let Some((nb, na)) = validity {
            let issued = pki.issue_client(u.login_id, u.name, nb, na)?;
            tx.execute(
                "INSERT INTO certificates (user_id, serial, fingerprint, not_before, not_after, revoked_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    user_id,
                    issued.serial,
                    issued.fingerprint,
                    nb,
                    na,
                    (u.cert == DemoCert::Revoked).then_some(now - 2 * DAY),
                ],
            )?;
        }
    }
    tx.commit()?;
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("certificates: {0}")]
    Pki(#[from] PkiError),
}

#[cfg(test)]
mod tests {
    use super::*;
    use kanri_contract::{rules, user_rules};

    #[test]
    fn demo_credentials_follow_the_rules() {
        for u in DEMO_USERS {
            assert_eq!(rules::login_id(u.login_id), Ok(()), "{}", u.login_id);
            assert_eq!(user_rules::user_name(u.name), Ok(()), "{}", u.name);
            assert_eq!(user_rules::email(u.email), Ok(()), "{}", u.email);
        }
        assert_eq!(rules::password(DEMO_PASSWORD), Ok(()));
        assert_eq!(rules::password(DEMO_CONFIRM_PASSWORD), Ok(()));
    }

    #[test]
    fn demo_company_covers_every_role_and_state() {
        use std::collections::HashSet;
        let roles: HashSet<_> = DEMO_USERS.iter().map(|u| u.role).collect();
        assert_eq!(roles.len(), 3);
        for c in [
            DemoCert::Issued,
            DemoCert::Renewable,
            DemoCert::Expired,
            DemoCert::Revoked,
            DemoCert::NotIssued,
        ] {
            assert!(DEMO_USERS.iter().any(|u| u.cert == c), "{c:?}");
        }
        assert!(DEMO_USERS.iter().any(|u| u.locked));
        assert!(DEMO_USERS.iter().any(|u| u.stopped));
        assert!(DEMO_USERS.iter().any(|u| u.must_change_password));
    }

    #[test]
    fn demo_users_are_valid_under_the_demo_contract() {
        use kanri_contract::users::{Account, UserFormContext, UserInput, UserProfile};
        let ctx = UserFormContext {
            services: COMPANY_SERVICES.to_vec(),
            accounts: (1..=4)
                .map(|id| Account {
                    id,
                    branch_name: "本店営業部".into(),
                    branch_code: "001".into(),
                    kind: "普通".into(),
                    number: "1234567".into(),
                    memo: String::new(),
                })
                .collect(),
            company_limits: COMPANY_LIMITS
                .iter()
                .map(|(b, a)| Limit {
                    business: *b,
                    amount: *a,
                })
                .collect(),
            one_time_password: false,
        };
        for u in DEMO_USERS {
            let input = UserInput {
                profile: UserProfile {
                    login_id: u.login_id.into(),
                    name: u.name.into(),
                    email: u.email.into(),
                    admin: u.role != Role::General,
                    force_password_change: u.must_change_password,
                    rights: u.rights(),
                    accounts: u.duties.accounts(),
                    limits: u.limits(),
                },
                login_id_again: u.login_id.into(),
                email_again: u.email.into(),
                login_password: None,
                confirm_password: None,
                certificate: Default::default(),
            };
            let errors = user_rules::user_errors(&input, &ctx, user_rules::Mode::Change);
            assert!(errors.is_empty(), "{}: {errors:?}", u.login_id);
            assert_eq!(
                u.rights().contains(&Right::ViewAllHistory),
                u.view_all_history,
                "{}",
                u.login_id
            );
        }
        let master = &DEMO_USERS[0];
        assert_eq!(master.duties, Duties::Full);
        assert!(master.rights().iter().all(|r| r.offered(&COMPANY_SERVICES)));
        assert_eq!(
            master.rights().len(),
            users::rights_in_order()
                .filter(|r| r.offered(&COMPANY_SERVICES))
                .count()
        );
    }
}
