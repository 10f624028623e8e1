//! The demo company: accounts and about ten users covering every role, certificate
//! state and service state. README.md lists the same users for people.

use crate::db::now;
use crate::passwords;
use crate::pki::{Pki, PkiError};
use crate::users::role_to_db;
use kanri_contract::api::{AuthMethod, Role};
use rusqlite::{params, Connection};

/// Login password of every demo user.
pub const DEMO_PASSWORD: &str = "Demo1234";
/// 確認用パスワード of every demo user.
pub const DEMO_CONFIRM_PASSWORD: &str = "Conf1234";

const DAY: i64 = 86_400;

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
    user(
        "user01",
        "佐藤　次郎",
        "jiro.sato@example.co.jp",
        Role::General,
        DemoCert::Issued,
    ),
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
    user(
        "user04",
        "田中　健太",
        "kenta.tanaka@example.co.jp",
        Role::General,
        DemoCert::NotIssued,
    ),
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
        "INSERT INTO company (id, name, name_kana) VALUES (1, ?1, ?2)",
        params!["株式会社みなと精機", "カブシキガイシャミナトセイキ"],
    )?;
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
}
