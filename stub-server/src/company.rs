//! 企業管理 › 企業情報 (manual 001 "企業情報の変更"): 照会 (`GET /api/company`)
//! and 変更 (`PUT /api/company`) of the company's names, 承認機能の利用有無,
//! 口座一日当たりの限度額 and 企業一日当たりの限度額, and the users' caps that follow from them.
//!
//! Only users holding [`Permission::ManageCompany`](kanri_contract::api::Permission) (the
//! master user and 管理者ユーザ) may call it (403 `forbidden` otherwise). Every change writes
//! exactly one operation-log row (業務 企業管理, 操作 企業情報変更), naming the changed items.
//! The order of the checks of a change is: 管理者権限 (403) → body (400) → revision (409) →
//! no change (422 without field errors) → input rules and cross-checks (422) →
//! 確認用パスワード lock (403) → 確認用パスワード (422, five wrong entries lock it: 403).

use crate::admin::{
    check_confirmation, invalid, operator, parse, refuse, require_company_manager, run_about,
    Refusal,
};
use crate::auth::Authenticated;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::users::{self, enum_from_db, enum_to_db};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kanri_contract::api::ErrorCode;
use kanri_contract::company::{
    self, account_limit_label, approval_label, daily_limit_label, AccountLimits, ApprovalMode,
    ApprovalSetting, Approvers, CompanyChangeRequest, CompanyChanged, CompanyContext, CompanyInfo,
    CompanyItem, CompanyView, UserLimits, UserRef, DAILY_LIMIT_BUSINESSES,
};
use kanri_contract::user_rules;
use kanri_contract::users::{Limit, LimitBusiness, Right, Service};
use rusqlite::{params, Connection, Row};

/// The operation log's business name (also of the fee changes).
pub const BUSINESS: &str = kanri_contract::history::business::COMPANY_ADMIN;
/// The operation log's name of a change of the company.
pub const CHANGE: &str = kanri_contract::history::operations::COMPANY_CHANGE;

/// The message of 409 when the data changed since the change started.
pub const STALE_MESSAGE: &str =
    "他の操作で企業情報が変更されています。最新の内容を表示して、もう一度変更してください。";

/// The message of 422 when the request changes nothing.
pub const NO_CHANGE_MESSAGE: &str = "変更された項目はありません。";

/// 409 `conflict`: the revision sent is not the current one.
pub fn stale() -> Refusal {
    refuse(
        ApiError::new(StatusCode::CONFLICT, ErrorCode::Conflict, STALE_MESSAGE),
        "他の操作による変更",
    )
}

/// 422 `validation_failed` without field errors: nothing differs from the current data.
pub fn no_change() -> Refusal {
    refuse(
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::ValidationFailed,
            NO_CHANGE_MESSAGE,
        ),
        "変更なし",
    )
}

/// An amount as stored. Amounts that passed the rules (at most 15 digits) always fit; a
/// larger one is an error (a 500 refusal in a handler), never cut.
pub fn db_amount(amount: u64) -> rusqlite::Result<i64> {
    i64::try_from(amount).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

/// A stored amount (the schema keeps them non-negative).
pub fn from_db_amount(r: &Row<'_>, idx: usize) -> rusqlite::Result<u64> {
    let v: i64 = r.get(idx)?;
    u64::try_from(v).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(idx, v))
}

/// The 承認 right of each service.
pub fn approve_right(service: Service) -> Right {
    match service {
        Service::Transfer => Right::ApproveTransfer,
        Service::Bulk => Right::ApproveBulk,
        Service::Payroll => Right::ApprovePayroll,
        Service::Debit => Right::ApproveDebit,
    }
}

/// The company as [BKGK001] edits it: a setting per contracted service, limits per account
/// (in account order) and per contracted business of [`DAILY_LIMIT_BUSINESSES`]. A setting
/// without a stored value is left out (the form then asks for it).
pub fn info(c: &Connection) -> rusqlite::Result<CompanyInfo> {
    let (name_kana, name): (String, String) = c.query_row(
        "SELECT name_kana, name FROM company WHERE id = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let services = users::company_services(c)?;
    let mut st = c.prepare("SELECT service, mode FROM company_approvals")?;
    let stored: Vec<(Service, ApprovalMode)> = st
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .iter()
        .filter_map(|(s, m)| Some((enum_from_db(s)?, enum_from_db(m)?)))
        .collect();
    let approvals = services
        .iter()
        .filter_map(|s| {
            stored
                .iter()
                .find(|(f, _)| f == s)
                .map(|(service, mode)| ApprovalSetting {
                    service: *service,
                    mode: *mode,
                })
        })
        .collect();
    let mut st = c.prepare(
        "SELECT l.account_id, l.total, l.ad_hoc, l.registered FROM account_limits l \
         JOIN accounts a ON a.id = l.account_id ORDER BY a.id",
    )?;
    let account_limits = st
        .query_map([], |r| {
            Ok(AccountLimits {
                account_id: r.get(0)?,
                total: from_db_amount(r, 1)?,
                ad_hoc: from_db_amount(r, 2)?,
                registered: from_db_amount(r, 3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // `company_limits` holds the 企業一日当たりの限度額 (its former `transfer` row is gone
    // since migration V4: the 振込振替 cap follows the accounts' 振込振替(合計)).
    let daily = users::company_limits(c)?;
    let daily_limits = DAILY_LIMIT_BUSINESSES
        .into_iter()
        .filter(|b| services.contains(&b.service()))
        .filter_map(|b| daily.iter().find(|l| l.business == b).copied())
        .collect();
    Ok(CompanyInfo {
        name_kana,
        name,
        approvals,
        account_limits,
        daily_limits,
    })
}

/// The most a user's 利用者一回当たり限度額 may be, per business: for 振込振替 the highest
/// 振込振替(合計) of the accounts, otherwise the 企業一日当たりの限度額
/// ([`CompanyInfo::user_limit_caps`]). The `transfer` row of `company_limits` is not read.
pub fn user_limit_caps(c: &Connection) -> rusqlite::Result<Vec<Limit>> {
    Ok(info(c)?.user_limit_caps())
}

/// The users of the cross-checks: (not deleted) users in registration order.
fn users_in_registration_order(c: &Connection) -> rusqlite::Result<Vec<(i64, UserRef)>> {
    let mut st = c.prepare(
        "SELECT id, login_id, name FROM users WHERE deleted_at IS NULL ORDER BY created_at, id",
    )?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get(0)?,
            UserRef {
                login_id: r.get(1)?,
                name: r.get(2)?,
            },
        ))
    })?;
    rows.collect()
}

/// What the screens and the cross-checks need: the contract, the accounts, per contracted
/// service the users holding its 承認 right, and every user's limits.
pub fn context(c: &Connection) -> rusqlite::Result<CompanyContext> {
    let services = users::company_services(c)?;
    let people = users_in_registration_order(c)?;
    let mut rights = Vec::with_capacity(people.len());
    let mut user_limits = Vec::with_capacity(people.len());
    for (id, user) in &people {
        rights.push(users::rights_of(c, *id)?);
        user_limits.push(UserLimits {
            user: user.clone(),
            limits: users::limits_of(c, *id)?,
        });
    }
    let approvers = services
        .iter()
        .map(|s| Approvers {
            service: *s,
            users: people
                .iter()
                .zip(&rights)
                .filter(|(_, held)| held.contains(&approve_right(*s)))
                .map(|((_, u), _)| u.clone())
                .collect(),
        })
        .collect();
    Ok(CompanyContext {
        services,
        accounts: users::company_accounts(c)?,
        approvers,
        user_limits,
        one_time_password: users::company_uses_one_time_password(c)?,
    })
}

/// The company's revision and 最終更新日時.
pub fn revision(c: &Connection) -> rusqlite::Result<(i64, i64)> {
    c.query_row(
        "SELECT revision, updated_at FROM company WHERE id = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// The label of a changed item, for the operation log.
pub fn item_label(item: CompanyItem, ctx: &CompanyContext) -> String {
    match item {
        CompanyItem::NameKana => "企業名(カナ)".into(),
        CompanyItem::Name => "企業名".into(),
        CompanyItem::Approval(s) => approval_label(s),
        CompanyItem::AccountLimit(id, k) => account_limit_label(ctx.account(id), k),
        CompanyItem::DailyLimit(b) => daily_limit_label(b),
    }
}

/// Store the settings of `after` that the rules accepted, in one go.
fn store(
    c: &Connection,
    after: &CompanyInfo,
    ctx: &CompanyContext,
    now: i64,
) -> rusqlite::Result<()> {
    c.execute(
        "UPDATE company SET name_kana = ?1, name = ?2, revision = revision + 1, updated_at = ?3 \
         WHERE id = 1",
        params![after.name_kana, after.name, now],
    )?;
    for s in &ctx.services {
        if let Some(mode) = after.approval(*s) {
            c.execute(
                "INSERT OR REPLACE INTO company_approvals (service, mode) VALUES (?1, ?2)",
                params![enum_to_db(s), enum_to_db(&mode)],
            )?;
        }
    }
    for a in &ctx.accounts {
        if let Some(l) = after.account_limits(a.id) {
            c.execute(
                "INSERT OR REPLACE INTO account_limits (account_id, total, ad_hoc, registered) \
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    a.id,
                    db_amount(l.total)?,
                    db_amount(l.ad_hoc)?,
                    db_amount(l.registered)?
                ],
            )?;
        }
    }
    for b in ctx.daily_limit_businesses() {
        if let Some(amount) = after.daily_limit(b) {
            set_daily_limit(c, b, db_amount(amount)?)?;
        }
    }
    Ok(())
}

/// Set one 企業一日当たりの限度額.
pub fn set_daily_limit(c: &Connection, b: LimitBusiness, amount: i64) -> rusqlite::Result<()> {
    c.execute(
        "INSERT OR REPLACE INTO company_limits (business, amount) VALUES (?1, ?2)",
        params![enum_to_db(&b), amount],
    )?;
    Ok(())
}

/// `GET /api/company`: the company, what the checks need, its revision.
pub async fn view(State(st): State<AppState>, auth: Authenticated) -> ApiResult<Json<CompanyView>> {
    require_company_manager(&auth)?;
    let c = st.db.lock();
    let (revision, updated_at) = revision(&c)?;
    Ok(Json(CompanyView {
        company: info(&c)?,
        context: context(&c)?,
        revision,
        updated_at,
    }))
}

/// `PUT /api/company`: 企業情報の変更 ([BKGK002] 「実行」).
pub async fn change(
    State(st): State<AppState>,
    auth: Authenticated,
    body: Bytes,
) -> ApiResult<Json<CompanyChanged>> {
    let req = parse::<CompanyChangeRequest>(&body);
    run_about(
        &st,
        &auth,
        BUSINESS,
        CHANGE,
        String::new(),
        |c, now, subject| {
            require_company_manager(&auth).map_err(|e| refuse(e, "権限なし"))?;
            let req = req?;
            let (current, _) = revision(c)?;
            if req.revision != current {
                return Err(stale());
            }
            let before = info(c)?;
            let ctx = context(c)?;
            let changed = before.changes(&req.company);
            if changed.is_empty() {
                return Err(no_change());
            }
            *subject = changed
                .iter()
                .map(|i| item_label(*i, &ctx))
                .collect::<Vec<_>>()
                .join("、");
            let mut errors = company::change_errors(&before, &req.company, &ctx);
            errors.extend(user_rules::confirmation_errors(
                &req.confirmation,
                ctx.one_time_password,
            ));
            if !errors.is_empty() {
                return Err(invalid(errors));
            }
            check_confirmation(c, &operator(c, &auth)?, &req.confirmation)?;
            store(c, &req.company, &ctx, now)?;
            let after = info(c)?;
            Ok(CompanyChanged {
                changed: before.changes(&after),
                before,
                after,
                changed_at: now,
            })
        },
    )
    .map(Json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_service_has_its_approval_right() {
        for s in Service::ALL {
            assert_eq!(approve_right(s).service(), Some(s));
            assert!(approve_right(s).full_label().contains("承認"), "{s:?}");
        }
    }
}
