//! The demo company: accounts and about ten users covering every role, certificate
//! state, service state and state of the additional authentications, and six months of
//! operation log ([`demo_history`]). README.md lists the same users for people.

use crate::company::{db_amount, set_daily_limit};
use crate::db::now;
use crate::fees;
use crate::passwords;
use crate::pki::{Pki, PkiError};
use crate::users::{self, enum_to_db, role_to_db};
use kanri_contract::api::{AuthMethod, Role};
use kanri_contract::company::{AccountLimits, ApprovalMode, ApprovalSetting, CompanyInfo};
use kanri_contract::datetime::Date;
use kanri_contract::fees::{FeeBand, FeeMethod, FeeSettings, FeeTable};
use kanri_contract::user_status::{AuthState, StatusAction};
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

/// 承認機能の利用有無 of the demo company: シングル承認 for every contracted service.
pub const APPROVALS: [(Service, ApprovalMode); 3] = [
    (Service::Transfer, ApprovalMode::Single),
    (Service::Bulk, ApprovalMode::Single),
    (Service::Payroll, ApprovalMode::Single),
];

const fn account_limits(
    account_id: i64,
    total: u64,
    ad_hoc: u64,
    registered: u64,
) -> AccountLimits {
    AccountLimits {
        account_id,
        total,
        ad_hoc,
        registered,
    }
}

/// 口座一日当たりの限度額 of accounts 1–4 (振込振替(合計) / (都度指定) / (事前登録), yen). The
/// highest 合計, 10,000,000円, is the users' 振込振替 cap.
pub const ACCOUNT_LIMITS: [AccountLimits; 4] = [
    account_limits(1, 10_000_000, 5_000_000, 10_000_000),
    account_limits(2, 10_000_000, 3_000_000, 10_000_000),
    account_limits(3, 5_000_000, 1_000_000, 5_000_000),
    account_limits(4, 3_000_000, 1_000_000, 3_000_000),
];

/// 企業一日当たりの限度額 (yen), in the `company_limits` table. 口座振替 is stored but not
/// contracted, so it is neither shown nor a cap.
pub const DAILY_LIMITS: [(LimitBusiness, u64); 4] = [
    (LimitBusiness::Bulk, 50_000_000),
    (LimitBusiness::Salary, 30_000_000),
    (LimitBusiness::Bonus, 30_000_000),
    (LimitBusiness::Debit, 20_000_000),
];

/// The demo company's cap of a user's 利用者一回当たり限度額 per business (yen): for 振込振替
/// the highest 振込振替(合計) of [`ACCOUNT_LIMITS`], otherwise [`DAILY_LIMITS`]
/// ([`CompanyInfo::user_limit_caps`]; a test keeps them in step).
pub const COMPANY_LIMITS: [(LimitBusiness, u64); 5] = [
    (LimitBusiness::Transfer, 10_000_000),
    (LimitBusiness::Bulk, 50_000_000),
    (LimitBusiness::Salary, 30_000_000),
    (LimitBusiness::Bonus, 30_000_000),
    (LimitBusiness::Debit, 20_000_000),
];

/// The demo company as 企業管理 shows it.
pub fn demo_company() -> CompanyInfo {
    CompanyInfo {
        name_kana: "カブシキガイシャミナトセイキ".into(),
        name: "株式会社みなと精機".into(),
        approvals: APPROVALS
            .iter()
            .map(|(service, mode)| ApprovalSetting {
                service: *service,
                mode: *mode,
            })
            .collect(),
        account_limits: ACCOUNT_LIMITS.to_vec(),
        daily_limits: DAILY_LIMITS
            .iter()
            .filter(|(b, _)| COMPANY_SERVICES.contains(&b.service()))
            .map(|(business, amount)| Limit {
                business: *business,
                amount: *amount,
            })
            .collect(),
    }
}

/// The demo company's fee tables: 先方負担手数料[振込振替] on the bank's standard;
/// 先方負担手数料[総合振込] its own (他行宛 above the standard, so 「手数料を読み込む」
/// visibly changes it), 適用最低支払金額 10,000円, 据置型; 当方負担手数料[総合振込] its own.
pub fn demo_fees(table: FeeTable) -> FeeSettings {
    let band = |from, to, same_branch, other_branch, other_bank| FeeBand {
        from,
        to,
        same_branch,
        other_branch,
        other_bank,
    };
    let settings = match table {
        FeeTable::PayeeTransfer => FeeSettings {
            use_standard: true,
            minimum: Some(1),
            method: None,
            bands: Vec::new(),
        },
        FeeTable::PayeeBulk => FeeSettings {
            use_standard: false,
            minimum: Some(10_000),
            method: Some(FeeMethod::Fixed),
            bands: vec![
                band(1, Some(29_999), 0, 110, 330),
                band(30_000, None, 0, 220, 550),
            ],
        },
        FeeTable::PayerBulk => FeeSettings {
            use_standard: false,
            minimum: None,
            method: None,
            bands: vec![
                band(1, Some(9_999), 0, 110, 220),
                band(10_000, Some(29_999), 0, 110, 330),
                band(30_000, None, 0, 220, 440),
            ],
        },
    };
    fees::resolved(&settings, table)
}

/// What a demo user does: decides their rights, accounts and limits. 全操作履歴照会 is not
/// part of it; it follows [`DemoUser::view_all_history`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duties {
    /// Every right the company offers except 承認 of 給与・賞与振込, every account, the
    /// company's limits. So the demo's only 給与・賞与振込 approver is user01
    /// ([`Duties::Approver`]): ダブル承認 of 給与・賞与振込 is refused in 企業管理, while
    /// 振込振替 and 総合振込 have four approvers.
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
                .filter(|r| !matches!(r, ViewAllHistory | ApprovePayroll))
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
    /// ワンタイムパスワード, トランザクション認証 and 追加認証（リスクベース認証）.
    pub one_time_password: AuthState,
    pub transaction: AuthState,
    pub risk_based: AuthState,
}

impl DemoUser {
    /// The user's rights under the demo contract: the duties' rights the company offers,
    /// plus 全操作履歴照会 exactly when `view_all_history`.
    pub fn rights(&self) -> Vec<Right> {
        rights_under_contract(self.duties, self.view_all_history)
    }

    /// The user's limits: one per business of the contracted services.
    pub fn limits(&self) -> Vec<Limit> {
        limits_under_contract(self.duties)
    }
}

/// The rights of `duties` the demo company offers, plus 全操作履歴照会 exactly when
/// `view_all_history`.
fn rights_under_contract(duties: Duties, view_all_history: bool) -> Vec<Right> {
    let mut held = duties.rights();
    if view_all_history {
        held.push(Right::ViewAllHistory);
    }
    users::rights_in_order()
        .filter(|r| held.contains(r) && r.offered(&COMPANY_SERVICES))
        .collect()
}

/// The limits of `duties`: one per business of the contracted services.
fn limits_under_contract(duties: Duties) -> Vec<Limit> {
    COMPANY_LIMITS
        .iter()
        .filter(|(b, _)| COMPANY_SERVICES.contains(&b.service()))
        .map(|(b, company)| Limit {
            business: *b,
            amount: duties.limit(*b, *company),
        })
        .collect()
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
        one_time_password: AuthState::Active,
        transaction: AuthState::Active,
        risk_based: AuthState::Active,
    }
}

/// A demo user with these states of ワンタイムパスワード, トランザクション認証 and
/// 追加認証（リスクベース認証）.
const fn with_auth(
    u: DemoUser,
    one_time_password: AuthState,
    transaction: AuthState,
    risk_based: AuthState,
) -> DemoUser {
    DemoUser {
        one_time_password,
        transaction,
        risk_based,
        ..u
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
    with_auth(
        user(
            "admin02",
            "山田　一郎",
            "ichiro.yamada@example.co.jp",
            Role::Admin,
            DemoCert::None,
        ),
        AuthState::Unregistered,
        AuthState::Unregistered,
        AuthState::Unregistered,
    ),
    with_auth(
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
        AuthState::Suspended,
        AuthState::Active,
        AuthState::Active,
    ),
    with_auth(
        user(
            "user02",
            "鈴木　三郎",
            "saburo.suzuki@example.co.jp",
            Role::General,
            DemoCert::Expired,
        ),
        AuthState::Active,
        AuthState::Suspended,
        AuthState::Suspended,
    ),
    with_auth(
        user(
            "user03",
            "高橋　美咲",
            "misaki.takahashi@example.co.jp",
            Role::General,
            DemoCert::Revoked,
        ),
        AuthState::Unregistered,
        AuthState::Unregistered,
        AuthState::Active,
    ),
    with_auth(
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
        AuthState::Active,
        AuthState::Active,
        AuthState::Unregistered,
    ),
    with_auth(
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
        AuthState::Unregistered,
        AuthState::Unregistered,
        AuthState::Unregistered,
    ),
    with_auth(
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
        AuthState::Suspended,
        AuthState::Suspended,
        AuthState::Suspended,
    ),
    with_auth(
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
        AuthState::Active,
        AuthState::Unregistered,
        AuthState::Suspended,
    ),
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
/// One user row, as both the demo seed and the benchmark's 1,000 users insert it
/// (`?13` is both `created_at` and `updated_at`).
const INSERT_USER: &str =
    "INSERT INTO users (login_id, name, email, role, auth_method, password_hash, confirm_password_hash, \
     must_change_password, failed_attempts, locked, service_stopped, view_all_history, created_at, updated_at, \
     otp_state, transaction_state, risk_state) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?15, ?16)";

/// One row of `users` as both seeds write it (the demo's users and the benchmark's).
struct UserRow<'a> {
    login_id: &'a str,
    name: &'a str,
    email: &'a str,
    role: Role,
    /// 電子証明書方式 rather than ID・パスワード方式.
    certificate: bool,
    must_change_password: bool,
    locked: bool,
    stopped: bool,
    view_all_history: bool,
    created: i64,
    /// ワンタイムパスワード, トランザクション認証 and 追加認証（リスクベース認証）.
    auth: [AuthState; 3],
}

/// Insert `u` with the two password hashes (computed once per seed: Argon2 is slow on
/// purpose); its row id.
fn insert_user(
    tx: &rusqlite::Transaction,
    u: &UserRow,
    login_hash: &str,
    confirm_hash: &str,
) -> rusqlite::Result<i64> {
    tx.execute(
        INSERT_USER,
        params![
            u.login_id,
            u.name,
            u.email,
            role_to_db(u.role),
            if u.certificate {
                "certificate"
            } else {
                "password"
            },
            login_hash,
            confirm_hash,
            u.must_change_password,
            if u.locked {
                crate::users::MAX_FAILED_ATTEMPTS
            } else {
                0
            },
            u.locked,
            u.stopped,
            u.view_all_history,
            u.created,
            enum_to_db(&u.auth[0]),
            enum_to_db(&u.auth[1]),
            enum_to_db(&u.auth[2]),
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn seed(c: &mut Connection, pki: &Pki) -> Result<(), SeedError> {
    let now = now();
    let tx = c.transaction()?;
    let company = demo_company();
    tx.execute(
        "INSERT INTO company (id, name, name_kana, one_time_password, revision, updated_at) \
         VALUES (1, ?1, ?2, 0, 1, ?3)",
        params![company.name, company.name_kana, now - 30 * DAY],
    )?;
    for s in COMPANY_SERVICES {
        tx.execute(
            "INSERT INTO company_services (service) VALUES (?1)",
            [enum_to_db(&s)],
        )?;
    }
    for (s, mode) in APPROVALS {
        tx.execute(
            "INSERT OR REPLACE INTO company_approvals (service, mode) VALUES (?1, ?2)",
            params![enum_to_db(&s), enum_to_db(&mode)],
        )?;
    }
    // The 企業一日当たりの限度額; the users' 振込振替 cap follows the accounts' limits.
    for (b, amount) in DAILY_LIMITS {
        set_daily_limit(&tx, b, db_amount(amount)?)?;
    }
    for t in FeeTable::ALL {
        fees::store(&tx, t, &demo_fees(t), 1, now - 30 * DAY)?;
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
    for l in ACCOUNT_LIMITS {
        tx.execute(
            "INSERT OR REPLACE INTO account_limits (account_id, total, ad_hoc, registered) \
             VALUES (?1, ?2, ?3, ?4)",
            params![
                l.account_id,
                db_amount(l.total)?,
                db_amount(l.ad_hoc)?,
                db_amount(l.registered)?
            ],
        )?;
    }
    // Hash once: Argon2 is deliberately slow.
    let login_hash = passwords::hash(DEMO_PASSWORD);
    let confirm_hash = passwords::hash(DEMO_CONFIRM_PASSWORD);
    let mut user_ids = Vec::with_capacity(DEMO_USERS.len());
    for (i, u) in DEMO_USERS.iter().enumerate() {
        let method = match u.cert {
            DemoCert::None => AuthMethod::Password,
            _ => AuthMethod::Certificate,
        };
        let user_id = insert_user(
            &tx,
            &UserRow {
                login_id: u.login_id,
                name: u.name,
                email: u.email,
                role: u.role,
                certificate: method == AuthMethod::Certificate,
                must_change_password: u.must_change_password,
                locked: u.locked,
                stopped: u.stopped,
                view_all_history: u.view_all_history,
                created: now - (400 - i as i64) * DAY,
                auth: [u.one_time_password, u.transaction, u.risk_based],
            },
            &login_hash,
            &confirm_hash,
        )?;
        user_ids.push(user_id);
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
                    "INSERT INTO login_history (user_id, at, method) VALUES (?1, ?2, ?3)",
                    params![
                        user_id,
                        now - k * DAY - (i as i64) * 3_600 - 1_800,
                        enum_to_db(&method)
                    ],
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
    store_history(&tx, &user_ids, &demo_history(now))?;
    for n in demo_notices(now) {
        tx.execute(
            "INSERT INTO notices (published_at, title, body, important) VALUES (?1, ?2, ?3, ?4)",
            params![n.published_at, n.title, n.body, n.important],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// One seeded お知らせ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoNotice {
    pub published_at: i64,
    pub title: &'static str,
    pub body: String,
    pub important: bool,
}

/// 09:00 JST on the day `days` days before the one of `now`.
fn morning_before(now: i64, days: i64) -> i64 {
    Date::of_unix(now - days * DAY).start_unix() + 9 * 3_600
}

/// 「2026年11月28日（土）」.
fn date_with_weekday(d: Date) -> String {
    const DAYS: [&str; 7] = ["日", "月", "火", "水", "木", "金", "土"];
    let wd = weekday(d.start_unix()) as usize;
    format!("{}（{}）", d.japanese(), DAYS[wd % 7])
}

/// The bank's お知らせ of a reset at `now`: four, published at 09:00 on days shortly before
/// (the newest the day before), 「システムメンテナンスのお知らせ」 重要; read by nobody. Their
/// dates (the maintenance a week after `now`, the fee revision on the first of a month
/// ahead, the coming year-end) follow `now`.
pub fn demo_notices(now: i64) -> Vec<DemoNotice> {
    let maintenance = date_with_weekday(Date::of_unix(now + 7 * DAY));
    let ahead = Date::of_unix(now + 45 * DAY);
    let revision = Date::new(ahead.year, ahead.month, 1).unwrap_or(ahead);
    // The year-end still ahead (or under way in the first days of January).
    let year = Date::of_unix(now - 4 * DAY).year;
    let year_end = |y: i64, m: u32, d: u32| {
        Date::new(y, m, d)
            .map(date_with_weekday)
            .unwrap_or_default()
    };
    vec![
        DemoNotice {
            published_at: morning_before(now, 1),
            title: "システムメンテナンスのお知らせ",
            body: format!(
                "システムメンテナンスのため、下記の日時に法人インターネットバンキングの全サービスを休止いたします。\n\n\
                 休止日時：{maintenance} 午前0時00分から午前6時00分まで\n\
                 対象：法人インターネットバンキングの全サービス（ログイン、管理業務を含みます）\n\n\
                 休止時間中はログインを含むすべてのお取引がご利用いただけません。お振込みなどのお手続きは、休止時間を避けてお早めにお済ませください。\n\n\
                 お客様にはご不便をおかけいたしますが、ご理解とご協力を賜りますようお願い申し上げます。"
            ),
            important: true,
        },
        DemoNotice {
            published_at: morning_before(now, 3),
            title: "電子証明書の更新についてのお願い",
            body: "電子証明書方式をご利用のお客様へのお願いです。\n\n\
                   電子証明書の有効期限は、発行日から1年間です。有効期限の40日前から、ログイン後に更新のご案内を表示いたします。\n\n\
                   有効期限を過ぎますと、電子証明書方式でのログインができなくなります。ご案内が表示されましたら、お早めに証明書発行アプリで電子証明書を更新してください。\n\n\
                   電子証明書の有効期限は、ホーム画面の「電子証明書有効期限」でご確認いただけます。"
                .to_owned(),
            important: false,
        },
        DemoNotice {
            published_at: morning_before(now, 5),
            title: "振込手数料改定のお知らせ",
            body: format!(
                "{}のお取扱い分から、法人インターネットバンキングでお取扱いする振込手数料を改定いたします。\n\n\
                 改定後の手数料は、当行ホームページの「手数料一覧」でご確認ください。先方負担手数料をご登録のお客様は、「管理」の「企業管理」から、手数料情報の登録内容をあわせてご確認ください。\n\n\
                 今後とも、みなと銀行をご愛顧賜りますようお願い申し上げます。",
                date_with_weekday(revision)
            ),
            important: false,
        },
        DemoNotice {
            published_at: morning_before(now, 8),
            title: "年末年始の営業についてのご案内",
            body: format!(
                "{}から{}までは、休業とさせていただきます。休業期間中は、お振込みなどの資金移動のお取扱いを休止いたします。\n\n\
                 休業期間中に受け付けたお振込みは、休業明けの営業日に順次お取扱いいたします。振込指定日は、休業期間を避けてご指定ください。\n\n\
                 照会および管理業務（利用者管理、企業管理、操作履歴照会）は、休業期間中もご利用いただけます。",
                year_end(year, 12, 31),
                year_end(year + 1, 1, 3)
            ),
            important: false,
        },
    ]
}

/// Seeded operation-log rows on days before today, within the retention (the last
/// [`HISTORY_DAYS`] days; more than [`kanri_contract::history::MAX_ROWS`], so a 6-month
/// search of every user is cut).
pub const HISTORY_PAST_ROWS: usize = 3_950;
/// Days before today the seeded rows within the retention are spread over (the retention
/// is 6 months, at least 181 days).
pub const HISTORY_DAYS: i64 = 180;
/// Seeded rows older than the retention (190 to 240 days old): never answered, deleted
/// when `serve` starts.
pub const HISTORY_OLD_ROWS: usize = 300;
/// Rows of today per user: user01 (the general user of the demo walkthroughs) has more.
pub fn history_rows_today(login_id: &str) -> usize {
    match login_id {
        "user01" => 8,
        "admin01" | "master01" => 5,
        _ => 3,
    }
}
/// The newest seeded row is at least this long before the seed time, so that anything
/// done after a reset is the newest row of today.
pub const HISTORY_GAP_SECS: i64 = 60;

/// One seeded row of the operation log: `user` indexes [`DEMO_USERS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistorySeedRow {
    pub at: i64,
    pub user: usize,
    pub business: &'static str,
    pub operation: String,
    pub ok: bool,
    pub detail: String,
}

/// A small linear congruential generator: the seeded history is the same at every reset
/// (relative to the seed time).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    fn below(&mut self, n: u32) -> u32 {
        self.next() % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u32) as usize]
    }
}

/// How often each demo user appears (by position in [`DEMO_USERS`]).
const HISTORY_WEIGHTS: [u32; 11] = [3, 4, 3, 5, 3, 2, 3, 1, 1, 2, 3];

fn weighted_user(rng: &mut Lcg) -> usize {
    let total: u32 = HISTORY_WEIGHTS.iter().sum();
    let mut r = rng.below(total);
    for (i, w) in HISTORY_WEIGHTS.iter().enumerate() {
        if r < *w {
            return i.min(DEMO_USERS.len() - 1);
        }
        r -= w;
    }
    0
}

/// A plausible operation of `u`: logins and logouts mostly, 管理 work for administrators,
/// about one in ten refused.
fn demo_operation(rng: &mut Lcg, u: &DemoUser) -> (&'static str, String, bool, String) {
    use kanri_contract::history::{business, operations as op};
    let login = || {
        let how = if u.cert == DemoCert::None {
            op::PASSWORD_LOGIN
        } else {
            op::CERTIFICATE_LOGIN
        };
        (business::LOGIN, how.to_owned(), true, String::new())
    };
    let admin = u.role != Role::General;
    let r = rng.below(100);
    match r {
        0..=34 => login(),
        35..=62 => (business::LOGIN, op::LOGOUT.into(), true, String::new()),
        63..=69 => (
            business::LOGIN,
            op::LOGIN.into(),
            false,
            "ログインパスワード誤り".into(),
        ),
        70..=74 => {
            let ok = rng.below(5) > 0;
            let detail = if ok {
                rng.pick(&[
                    "ログインパスワード",
                    "確認用パスワード",
                    "ログインパスワード・確認用パスワード",
                ])
                .to_string()
            } else {
                "入力誤り".into()
            };
            (business::USER_ADMIN, op::PASSWORD_CHANGE.into(), ok, detail)
        }
        75..=91 if admin => {
            // Targets consistent with the seeded states (user06 stopped, user03's
            // certificate revoked, …).
            let (operation, targets): (&str, &[&str]) = *rng.pick(&[
                (
                    op::USER_CHANGE,
                    &["user01", "user02", "user04", "user08"][..],
                ),
                (op::USER_CHANGE, &["user03", "user05", "user07"][..]),
                (op::USER_REGISTER, &["user04", "user05", "user08"][..]),
                (StatusAction::Stop.operation(), &["user06"][..]),
                (
                    StatusAction::Resume.operation(),
                    &["user01", "user04", "user08"][..],
                ),
                (op::CERTIFICATE_REVOKE, &["user03"][..]),
                (
                    StatusAction::OneTimePasswordRevoke.operation(),
                    &["user03", "user05"][..],
                ),
                (
                    StatusAction::TransactionUnlock.operation(),
                    &["user01", "user04"][..],
                ),
                (
                    StatusAction::RiskBasedReset.operation(),
                    &["user04", "user05"][..],
                ),
            ]);
            let target = rng.pick(targets);
            let ok = rng.below(10) > 0;
            let detail = if ok {
                format!("ログインID：{target}")
            } else {
                format!(
                    "ログインID：{target}（{}）",
                    rng.pick(&["確認用パスワード誤り", "入力誤り"])
                )
            };
            (business::USER_ADMIN, operation.into(), ok, detail)
        }
        92..=97 if admin => {
            let (operation, subject) = match rng.below(4) {
                0 => (op::COMPANY_CHANGE, "承認機能の利用有無（総合振込）"),
                1 => (
                    op::COMPANY_CHANGE,
                    "口座一日当たりの限度額（本店営業部 普通 1234567）",
                ),
                2 => (fees::operation(Some(FeeTable::PayeeBulk)), "手数料テーブル"),
                _ => (fees::operation(Some(FeeTable::PayerBulk)), "手数料テーブル"),
            };
            let ok = rng.below(8) > 0;
            let detail = if ok {
                subject.to_owned()
            } else {
                format!("{subject}（確認用パスワード誤り）")
            };
            (business::COMPANY_ADMIN, operation.into(), ok, detail)
        }
        98..=99 if u.cert != DemoCert::None => (
            business::CERTIFICATE,
            op::CERTIFICATE_ISSUE.into(),
            true,
            format!("シリアル番号：{:016X}", u64::from(rng.next()) << 16),
        ),
        _ => login(),
    }
}

/// The JST weekday of the day starting at `day_start` (0 = Sunday).
fn weekday(day_start: i64) -> i64 {
    ((day_start + kanri_contract::datetime::JST_OFFSET_SECS).div_euclid(DAY) + 4).rem_euclid(7)
}

/// A time of business hours (08:00–19:59 JST) on a weekday (rarely on a weekend) between
/// `days.start()` and `days.end()` days before today.
fn past_time(rng: &mut Lcg, today_start: i64, days: std::ops::RangeInclusive<i64>) -> i64 {
    let span = (days.end() - days.start() + 1) as u32;
    let mut day_start = today_start - (days.start() + i64::from(rng.below(span))) * DAY;
    for _ in 0..3 {
        if !matches!(weekday(day_start), 0 | 6) || rng.below(8) == 0 {
            break;
        }
        day_start = today_start - (days.start() + i64::from(rng.below(span))) * DAY;
    }
    day_start + 8 * 3_600 + i64::from(rng.below(12 * 3_600))
}

/// The seeded operation log of a reset at `now`: [`HISTORY_PAST_ROWS`] rows over the last
/// [`HISTORY_DAYS`] days before today, [`history_rows_today`] rows of each user today (up
/// to [`HISTORY_GAP_SECS`] before `now`; none in the first minute of a day), and
/// [`HISTORY_OLD_ROWS`] rows older than the retention. The same for every reset.
pub fn demo_history(now: i64) -> Vec<HistorySeedRow> {
    let today_start = kanri_contract::datetime::Date::of_unix(now).start_unix();
    let mut rng = Lcg(0x6b61_6e72_6932_3032);
    let mut rows = Vec::with_capacity(HISTORY_PAST_ROWS + HISTORY_OLD_ROWS + 64);
    for _ in 0..HISTORY_PAST_ROWS {
        let user = weighted_user(&mut rng);
        let at = past_time(&mut rng, today_start, 1..=HISTORY_DAYS);
        rows.push(seeded_row(&mut rng, at, user, false));
    }
    for _ in 0..HISTORY_OLD_ROWS {
        let user = weighted_user(&mut rng);
        let at = past_time(&mut rng, today_start, 190..=240);
        rows.push(seeded_row(&mut rng, at, user, false));
    }
    let last = now - HISTORY_GAP_SECS;
    let first = today_start.max(last - 8 * 3_600);
    if last >= first {
        let span = (last - first + 1) as u32;
        for (user, u) in DEMO_USERS.iter().enumerate() {
            for _ in 0..history_rows_today(u.login_id) {
                let at = first + i64::from(rng.below(span));
                rows.push(seeded_row(&mut rng, at, user, true));
            }
        }
    }
    rows
}

/// One seeded row of `DEMO_USERS[user]` at `at`; today a stopped or locked user is only
/// refused at the login.
fn seeded_row(rng: &mut Lcg, at: i64, user: usize, today: bool) -> HistorySeedRow {
    let u = &DEMO_USERS[user];
    let (business, operation, ok, detail) = if today && (u.stopped || u.locked) {
        let why = if u.stopped {
            "サービス停止中"
        } else {
            "ロック中"
        };
        (
            kanri_contract::history::business::LOGIN,
            kanri_contract::history::operations::LOGIN.to_owned(),
            false,
            why.to_owned(),
        )
    } else {
        demo_operation(rng, u)
    };
    HistorySeedRow {
        at,
        user,
        business,
        operation,
        ok,
        detail,
    }
}

/// Write the seeded history (`user_ids[i]` is the id of `DEMO_USERS[i]`) with one
/// prepared statement.
fn store_history(
    tx: &Connection,
    user_ids: &[i64],
    rows: &[HistorySeedRow],
) -> rusqlite::Result<()> {
    let mut st = tx.prepare(
        "INSERT INTO operation_log (at, user_id, login_id, user_name, business, operation, result, detail) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for r in rows {
        let u = &DEMO_USERS[r.user];
        st.execute(params![
            r.at,
            user_ids.get(r.user),
            u.login_id,
            u.name,
            r.business,
            r.operation,
            if r.ok { "正常" } else { "異常" },
            r.detail
        ])?;
    }
    Ok(())
}

// ---- The benchmark company (`reset --bench-users N`, scripts/bench.sh) ----

/// The bench company's administrator (ID/password login, 全操作履歴照会): the benchmark
/// logs in as this user. Password [`DEMO_PASSWORD`], 確認用パスワード [`DEMO_CONFIRM_PASSWORD`].
pub const BENCH_ADMIN: &str = "benchadm1";
/// The bench administrator's 利用者名.
pub const BENCH_ADMIN_NAME: &str = "検証　管理者";
/// Operation-log rows of the bench users added by [`seed_bench`] (on top of the demo's).
pub const BENCH_HISTORY_ROWS: usize = 3_000;

/// Family names (kanji, romaji) of the bench users.
const BENCH_FAMILY: [(&str, &str); 40] = [
    ("佐藤", "sato"),
    ("鈴木", "suzuki"),
    ("高橋", "takahashi"),
    ("田中", "tanaka"),
    ("伊藤", "ito"),
    ("渡辺", "watanabe"),
    ("山本", "yamamoto"),
    ("中村", "nakamura"),
    ("小林", "kobayashi"),
    ("加藤", "kato"),
    ("吉田", "yoshida"),
    ("山田", "yamada"),
    ("佐々木", "sasaki"),
    ("山口", "yamaguchi"),
    ("松本", "matsumoto"),
    ("井上", "inoue"),
    ("木村", "kimura"),
    ("林", "hayashi"),
    ("斎藤", "saito"),
    ("清水", "shimizu"),
    ("山崎", "yamazaki"),
    ("森", "mori"),
    ("池田", "ikeda"),
    ("橋本", "hashimoto"),
    ("阿部", "abe"),
    ("石川", "ishikawa"),
    ("山下", "yamashita"),
    ("中島", "nakajima"),
    ("石井", "ishii"),
    ("小川", "ogawa"),
    ("前田", "maeda"),
    ("岡田", "okada"),
    ("長谷川", "hasegawa"),
    ("藤田", "fujita"),
    ("後藤", "goto"),
    ("近藤", "kondo"),
    ("村上", "murakami"),
    ("遠藤", "endo"),
    ("青木", "aoki"),
    ("坂本", "sakamoto"),
];

/// Given names (kanji, romaji) of the bench users.
const BENCH_GIVEN: [(&str, &str); 30] = [
    ("翔太", "shota"),
    ("蓮", "ren"),
    ("大翔", "hiroto"),
    ("陽斗", "haruto"),
    ("健一", "kenichi"),
    ("誠", "makoto"),
    ("浩二", "koji"),
    ("直樹", "naoki"),
    ("拓也", "takuya"),
    ("隆", "takashi"),
    ("和也", "kazuya"),
    ("修", "osamu"),
    ("聡", "satoshi"),
    ("亮", "ryo"),
    ("大輔", "daisuke"),
    ("陽菜", "hina"),
    ("結衣", "yui"),
    ("美咲", "misaki"),
    ("葵", "aoi"),
    ("さくら", "sakura"),
    ("恵子", "keiko"),
    ("裕子", "yuko"),
    ("由美", "yumi"),
    ("真由美", "mayumi"),
    ("智子", "tomoko"),
    ("直美", "naomi"),
    ("久美子", "kumiko"),
    ("明美", "akemi"),
    ("彩", "aya"),
    ("舞", "mai"),
];

/// One user of the benchmark company.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchUser {
    pub login_id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// 電子証明書方式 (未発行: no certificate is issued) rather than ID・パスワード方式.
    pub certificate: bool,
    pub must_change_password: bool,
    pub locked: bool,
    pub stopped: bool,
    pub view_all_history: bool,
    pub duties: Duties,
    pub auth: [AuthState; 3],
}

/// The `count` users of the benchmark company, the same for every reset: first
/// [`BENCH_ADMIN`], then users named from common Japanese names (ログインID
/// `<family><4 digits>`), about one in ten an administrator, with every duty, some stopped,
/// locked, to change their password at the next login or certificate users without a
/// certificate yet.
pub fn bench_users(count: usize) -> Vec<BenchUser> {
    const AUTH: [AuthState; 3] = [
        AuthState::Active,
        AuthState::Suspended,
        AuthState::Unregistered,
    ];
    (0..count)
        .map(|i| {
            if i == 0 {
                return BenchUser {
                    login_id: BENCH_ADMIN.into(),
                    name: BENCH_ADMIN_NAME.into(),
                    email: "bench.admin@example.co.jp".into(),
                    role: Role::Admin,
                    certificate: false,
                    must_change_password: false,
                    locked: false,
                    stopped: false,
                    view_all_history: true,
                    duties: Duties::Full,
                    auth: [AuthState::Active; 3],
                };
            }
            let (family, family_r) = BENCH_FAMILY[i % BENCH_FAMILY.len()];
            let (given, given_r) =
                BENCH_GIVEN[(i / BENCH_FAMILY.len() + i * 7) % BENCH_GIVEN.len()];
            let role = if i % 10 == 0 {
                Role::Admin
            } else {
                Role::General
            };
            let duties = match role {
                Role::Master | Role::Admin => Duties::Full,
                Role::General => [
                    Duties::Clerk,
                    Duties::Approver,
                    Duties::Payroll,
                    Duties::Viewer,
                    Duties::Clerk,
                ][i % 5],
            };
            let family_id: String = family_r.chars().take(8).collect();
            BenchUser {
                login_id: format!("{family_id}{i:04}"),
                name: format!("{family}　{given}"),
                email: format!("{given_r}.{family_r}{i:04}@example.co.jp"),
                role,
                certificate: i % 3 == 0,
                must_change_password: i % 40 == 3,
                locked: i % 50 == 13,
                stopped: i % 50 == 27,
                view_all_history: i % 25 == 0,
                duties,
                auth: [AUTH[i % 3], AUTH[(i / 3) % 3], AUTH[(i / 9) % 3]],
            }
        })
        .collect()
}

/// Add the [`bench_users`] (`count`) and [`BENCH_HISTORY_ROWS`] operation-log rows of
/// theirs over the last [`HISTORY_DAYS`] days to a database [`seed`] filled, with the same
/// inserts and rules as the demo users. For the benchmark only (a 1,000-user company).
pub fn seed_bench(c: &mut Connection, count: usize) -> Result<(), SeedError> {
    use kanri_contract::history::{business, operations as op};
    let now = now();
    let tx = c.transaction()?;
    let login_hash = passwords::hash(DEMO_PASSWORD);
    let confirm_hash = passwords::hash(DEMO_CONFIRM_PASSWORD);
    let bench = bench_users(count);
    let mut ids = Vec::with_capacity(bench.len());
    for (i, u) in bench.iter().enumerate() {
        let id = insert_user(
            &tx,
            &UserRow {
                login_id: &u.login_id,
                name: &u.name,
                email: &u.email,
                role: u.role,
                certificate: u.certificate,
                must_change_password: u.must_change_password,
                locked: u.locked,
                stopped: u.stopped,
                view_all_history: u.view_all_history,
                created: now - (300 - (i % 290) as i64) * DAY,
                auth: u.auth,
            },
            &login_hash,
            &confirm_hash,
        )?;
        ids.push(id);
        users::set_rights_accounts_limits(
            &tx,
            id,
            &rights_under_contract(u.duties, u.view_all_history),
            &u.duties.accounts(),
            &limits_under_contract(u.duties),
        )?;
    }
    let today_start = Date::of_unix(now).start_unix();
    let mut rng = Lcg(0x6265_6e63_6832_3032);
    let mut st = tx.prepare(
        "INSERT INTO operation_log (at, user_id, login_id, user_name, business, operation, result, detail) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let rows = if bench.is_empty() {
        0
    } else {
        BENCH_HISTORY_ROWS
    };
    for _ in 0..rows {
        let k = rng.below(bench.len() as u32) as usize;
        let u = &bench[k];
        let at = past_time(&mut rng, today_start, 1..=HISTORY_DAYS);
        let login = if u.certificate {
            op::CERTIFICATE_LOGIN
        } else {
            op::PASSWORD_LOGIN
        };
        let (business, operation, ok, detail) = match rng.below(10) {
            0..=4 => (business::LOGIN, login, true, String::new()),
            5..=7 => (business::LOGIN, op::LOGOUT, true, String::new()),
            8 => (
                business::LOGIN,
                op::LOGIN,
                false,
                "ログインパスワード誤り".to_owned(),
            ),
            _ => (
                business::USER_ADMIN,
                op::PASSWORD_CHANGE,
                true,
                "ログインパスワード".to_owned(),
            ),
        };
        st.execute(params![
            at,
            ids[k],
            u.login_id,
            u.name,
            business,
            operation,
            if ok { "正常" } else { "異常" },
            detail
        ])?;
    }
    drop(st);
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
    use kanri_contract::company::{self, Approvers, CompanyContext, UserLimits, UserRef};
    use kanri_contract::users::Account;
    use kanri_contract::{rules, user_rules};

    #[test]
    fn demo_notices_are_published_just_before_the_reset_and_name_dates_ahead() {
        for (y, m, d) in [(2026, 11, 21), (2026, 12, 30), (2027, 1, 2), (2027, 1, 10)] {
            let now = Date::new(y, m, d).unwrap().start_unix() + 8 * 3_600;
            let notices = demo_notices(now);
            assert_eq!(notices.len(), 4);
            assert!(notices
                .windows(2)
                .all(|w| w[0].published_at > w[1].published_at));
            assert!(notices
                .iter()
                .all(|n| n.published_at < now && now - n.published_at <= 9 * DAY));
            assert_eq!(
                notices.iter().filter(|n| n.important).count(),
                1,
                "only the maintenance"
            );
            let year_end = if m == 1 && d <= 4 { y - 1 } else { y };
            let last = &notices[3];
            assert!(
                last.body.starts_with(&format!("{year_end}年12月31日（")),
                "{}",
                last.body
            );
            assert!(last.body.contains(&format!("{}年01月03日（", year_end + 1)));
            assert!(notices[0]
                .body
                .contains(&date_with_weekday(Date::of_unix(now + 7 * DAY))));
        }
        // 2026-11-21 is a Saturday.
        assert_eq!(
            date_with_weekday(Date::new(2026, 11, 21).unwrap()),
            "2026年11月21日（土）"
        );
    }

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
        // Every action of 利用者停止・解除 and the authentications applies to someone.
        for state in [
            AuthState::Unregistered,
            AuthState::Active,
            AuthState::Suspended,
        ] {
            assert!(DEMO_USERS
                .iter()
                .any(|u| u.one_time_password == state && u.role == Role::General));
            assert!(DEMO_USERS
                .iter()
                .any(|u| u.transaction == state && u.role == Role::General));
            assert!(DEMO_USERS
                .iter()
                .any(|u| u.risk_based == state && u.role == Role::General));
        }
        assert!(DEMO_USERS.iter().any(|u| u.stopped));
        assert!(DEMO_USERS.iter().any(|u| u.must_change_password));
    }

    #[test]
    fn demo_users_are_valid_under_the_demo_contract() {
        use kanri_contract::users::{UserFormContext, UserInput, UserProfile};
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
        // Every offered right but 承認 of 給与・賞与振込.
        assert!(!master.rights().contains(&Right::ApprovePayroll));
        assert_eq!(
            master.rights().len(),
            users::rights_in_order()
                .filter(|r| r.offered(&COMPANY_SERVICES))
                .count()
                - 1
        );
    }

    /// The 企業管理 context of the demo data, as `GET /api/company` builds it.
    fn demo_context() -> CompanyContext {
        let refs = |u: &DemoUser| UserRef {
            login_id: u.login_id.into(),
            name: u.name.into(),
        };
        CompanyContext {
            services: COMPANY_SERVICES.to_vec(),
            accounts: (1..=4)
                .map(|id| Account {
                    id,
                    branch_name: "本店営業部".into(),
                    branch_code: "001".into(),
                    kind: "普通".into(),
                    number: format!("123456{id}"),
                    memo: String::new(),
                })
                .collect(),
            approvers: COMPANY_SERVICES
                .iter()
                .map(|s| Approvers {
                    service: *s,
                    users: DEMO_USERS
                        .iter()
                        .filter(|u| u.rights().contains(&crate::company::approve_right(*s)))
                        .map(refs)
                        .collect(),
                })
                .collect(),
            user_limits: DEMO_USERS
                .iter()
                .map(|u| UserLimits {
                    user: refs(u),
                    limits: u.limits(),
                })
                .collect(),
            one_time_password: false,
        }
    }

    #[test]
    fn the_demo_company_passes_the_company_rules() {
        let c = demo_company();
        let ctx = demo_context();
        assert_eq!(company::change_errors(&c, &c, &ctx), vec![]);
        let approvers = |s| -> Vec<String> {
            ctx.approvers(s)
                .iter()
                .map(|u| u.login_id.clone())
                .collect()
        };
        assert_eq!(approvers(Service::Payroll), ["user01"]);
        assert!(approvers(Service::Transfer).len() >= 2);
        assert!(approvers(Service::Bulk).len() >= 2);
        // ダブル承認 of 給与・賞与振込 is refused, of 総合振込 accepted.
        let mut double = c.clone();
        for a in &mut double.approvals {
            a.mode = ApprovalMode::DoubleUnordered;
        }
        let e = company::change_errors(&c, &double, &ctx);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].field, "company.approvals.payroll");
    }

    #[test]
    fn the_users_caps_are_the_company_limits() {
        let caps = demo_company().user_limit_caps();
        let contracted: Vec<Limit> = COMPANY_LIMITS
            .iter()
            .filter(|(b, _)| COMPANY_SERVICES.contains(&b.service()))
            .map(|(business, amount)| Limit {
                business: *business,
                amount: *amount,
            })
            .collect();
        assert_eq!(caps, contracted);
        for (b, amount) in DAILY_LIMITS {
            assert!(COMPANY_LIMITS.contains(&(b, amount)), "{b:?}");
        }
    }

    #[test]
    fn the_demo_fee_tables_pass_the_fee_rules() {
        for t in FeeTable::ALL {
            let s = demo_fees(t);
            assert_eq!(
                kanri_contract::fees::settings_errors(&s, t),
                vec![],
                "{t:?}"
            );
            assert_eq!(
                kanri_contract::fees::band_errors(&s.bands, t),
                vec![],
                "{t:?}"
            );
        }
        assert_eq!(
            demo_fees(FeeTable::PayeeTransfer).bands,
            fees::standard(FeeTable::PayeeTransfer)
        );
        // 「手数料を読み込む」 changes something in the tables of their own.
        for t in [FeeTable::PayeeBulk, FeeTable::PayerBulk] {
            assert!(!demo_fees(t).use_standard);
            assert_ne!(demo_fees(t).bands, fees::standard(t), "{t:?}");
        }
    }

    #[test]
    fn the_seeded_history_is_fixed_spread_and_kept_before_the_seed_time() {
        use kanri_contract::datetime::Date;
        use kanri_contract::history::{business, earliest, MAX_ROWS};
        let today = Date::parse("2026-11-21").unwrap();
        let now = today.start_unix() + 14 * 3_600;
        let rows = demo_history(now);
        assert_eq!(rows, demo_history(now), "the same at every reset");
        let first = earliest(today).start_unix();
        let kept: Vec<_> = rows.iter().filter(|r| r.at >= first).collect();
        let old = rows.len() - kept.len();
        assert_eq!(old, HISTORY_OLD_ROWS);
        assert!(rows
            .iter()
            .filter(|r| r.at < first)
            .all(|r| r.at < first - 5 * DAY));
        assert!(kept.len() > MAX_ROWS as usize + 500, "{}", kept.len());
        assert!(rows.iter().all(|r| r.at <= now - HISTORY_GAP_SECS));
        assert!(rows.iter().all(|r| business::ALL.contains(&r.business)));
        let errors = kept.iter().filter(|r| !r.ok).count();
        assert!(
            (kept.len() / 20..kept.len() / 5).contains(&errors),
            "{errors} of {}",
            kept.len()
        );
        for (i, u) in DEMO_USERS.iter().enumerate() {
            let own: Vec<_> = kept.iter().filter(|r| r.user == i).collect();
            let today_rows = own.iter().filter(|r| r.at >= today.start_unix()).count();
            assert_eq!(today_rows, history_rows_today(u.login_id), "{}", u.login_id);
            assert!(own.len() > 100, "{}: {}", u.login_id, own.len());
            // Over the months, not in one week.
            let oldest = own.iter().map(|r| r.at).min().unwrap_or(now);
            assert!(oldest < now - 150 * DAY, "{}", u.login_id);
        }
        for b in business::ALL {
            assert!(kept.iter().any(|r| r.business == b && r.ok), "{b}");
        }
        // The issuing app logs only issuances; every other 業務 has refusals too.
        for b in [
            business::LOGIN,
            business::USER_ADMIN,
            business::COMPANY_ADMIN,
        ] {
            assert!(kept.iter().any(|r| r.business == b && !r.ok), "{b}");
        }
        // General users do no 管理 work; certificate issuance only for certificate users.
        for r in &kept {
            let u = &DEMO_USERS[r.user];
            if u.role == Role::General && r.business == business::USER_ADMIN {
                assert_eq!(r.operation, "パスワード変更");
            }
            assert!(u.role != Role::General || r.business != business::COMPANY_ADMIN);
            assert!(u.cert != DemoCert::None || r.business != business::CERTIFICATE);
        }
        // In the first minute of a day there is no room for today's rows.
        let early = demo_history(today.start_unix() + 30);
        assert!(early.iter().all(|r| r.at < today.start_unix()));
    }
}
