//! 利用者管理 (manual 001): 利用者一覧, the registration and change form's
//! context, 利用者照会, 利用者登録, 利用者変更 and 利用者削除.
//!
//! Only users holding [`Permission::ManageUsers`] (the master user and 管理者ユーザ) may
//! call any of it (403 `forbidden` otherwise). Deleted users are invisible. Every mutating
//! call writes exactly one operation-log row: 正常, or 異常 with the reason. The order of
//! the checks of a mutation is: input rules (422) → 確認用パスワード lock (403) →
//! 確認用パスワード (422, five wrong entries lock it: 403) → login ID taken (409).
//!
//! A change or deletion that would leave a business set to ダブル承認 in 企業管理 with fewer
//! than two users holding its 承認 right is refused (422, with the input rules; see
//! [`company::approver_removal_errors`]), as 企業管理 refuses ダブル承認 without two.

use crate::admin::{
    check_confirmation, confirm, invalid, operator, parse, refuse, require_manager, run, Refusal,
};
use crate::auth::Authenticated;
use crate::error::{ApiError, ApiResult};
use crate::passwords;
use crate::state::AppState;
use crate::users::{self, User};
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use kanri_contract::api::{ErrorCode, FieldError, Role};
use kanri_contract::company;
use kanri_contract::rules::RuleError;
use kanri_contract::user_rules::{self, field, Mode, LIMIT_DIGITS};
use kanri_contract::users::{
    certificate_handling_offered, sort_users, CertificateHandling, CertificateState, Changed,
    DeleteUserRequest, Limit, LimitBusiness, Right, SortKey, SortOrder, UserChanged, UserDeleted,
    UserDetail, UserFormContext, UserList, UserProfile, UserRegistered, UserRequest, UserSummary,
};
use rusqlite::{params, Connection};

/// The operation log's business name.
pub const BUSINESS: &str = kanri_contract::history::business::USER_ADMIN;
pub const REGISTER: &str = kanri_contract::history::operations::USER_REGISTER;
pub const CHANGE: &str = kanri_contract::history::operations::USER_CHANGE;
pub const DELETE: &str = kanri_contract::history::operations::USER_DELETE;

/// The field path of the 管理者権限 choice.
pub const ADMIN_FIELD: &str = "user.admin";

/// The field path of 電子証明書の取扱い.
pub const CERTIFICATE_FIELD: &str = "user.certificate";

/// Largest amount of [`LIMIT_DIGITS`] digits.
const LIMIT_MAX: u64 = 999_999_999_999_999;

/// What the registration and change steps offer. The company's limit per business is the
/// users' cap of 企業管理 ([`crate::company::user_limit_caps`]): for 振込振替 the highest
/// 振込振替(合計) of the accounts (no longer the `transfer` row of `company_limits`, which
/// migration V4 removed), otherwise the 企業一日当たりの限度額 of the contracted businesses.
pub fn form_context(c: &Connection) -> rusqlite::Result<UserFormContext> {
    Ok(UserFormContext {
        services: users::company_services(c)?,
        accounts: users::company_accounts(c)?,
        company_limits: crate::company::user_limit_caps(c)?,
        one_time_password: users::company_uses_one_time_password(c)?,
    })
}

/// Everything about one user.
pub fn detail(
    c: &Connection,
    u: &User,
    now: i64,
    notice_days: u32,
) -> rusqlite::Result<UserDetail> {
    let (certificate, certificate_expires_at) = u.certificate_state(c, now, notice_days)?;
    Ok(UserDetail {
        profile: UserProfile {
            login_id: u.login_id.clone(),
            name: u.name.clone(),
            email: u.email.clone(),
            admin: u.role != Role::General,
            force_password_change: u.must_change_password,
            rights: users::rights_of(c, u.id)?,
            accounts: users::accounts_of(c, u.id)?,
            limits: users::limits_of(c, u.id)?,
        },
        role: u.role,
        auth_method: u.auth_method,
        service_state: u.service_state(),
        certificate,
        certificate_expires_at,
        registered_at: u.created_at,
        updated_at: u.updated_at,
    })
}

/// The user's row of 利用者一覧 and 証明書失効 (same 証明書状態 as [`detail`]).
pub fn summary(
    c: &Connection,
    u: &User,
    now: i64,
    notice_days: u32,
) -> rusqlite::Result<UserSummary> {
    Ok(summary_with(u, u.certificate_state(c, now, notice_days)?))
}

/// The row with the user's 証明書状態 and end of validity.
fn summary_with(u: &User, certificate: (CertificateState, Option<i64>)) -> UserSummary {
    UserSummary {
        login_id: u.login_id.clone(),
        name: u.name.clone(),
        role: u.role,
        service_state: u.service_state(),
        certificate: certificate.0,
        certificate_expires_at: certificate.1,
    }
}

/// `sort`, `order` and `page` of the query; unknown or missing values read as the
/// defaults (no page: every user).
fn list_params(query: Option<&str>) -> (SortKey, SortOrder, Option<u32>) {
    let mut key = SortKey::default();
    let mut order = SortOrder::default();
    let mut page = None;
    for pair in query.unwrap_or_default().split('&') {
        match pair.split_once('=') {
            Some(("sort", v)) => key = SortKey::parse(v).unwrap_or_default(),
            Some(("order", v)) => order = SortOrder::parse(v).unwrap_or_default(),
            Some(("page", v)) => page = Some(v.parse().unwrap_or(1)),
            _ => {}
        }
    }
    (key, order, page)
}

/// `GET /api/users?sort=…&order=…[&page=…]`
pub async fn list(
    State(st): State<AppState>,
    auth: Authenticated,
    RawQuery(query): RawQuery,
) -> ApiResult<Json<UserList>> {
    require_manager(&auth)?;
    let (key, order, page) = list_params(query.as_deref());
    let now = crate::db::now();
    let c = st.db.lock();
    // Every user's newest certificate in one read (the sort may be by 証明書状態).
    let latest = users::latest_certificates(&c)?;
    let mut rows: Vec<UserSummary> = users::list(&c)?
        .iter()
        .map(|u| {
            let cert = latest.get(&u.id).copied();
            summary_with(
                u,
                u.certificate_state_of(cert, now, st.config.cert_notice_days),
            )
        })
        .collect();
    sort_users(&mut rows, key, order);
    Ok(Json(UserList::paged(
        rows,
        auth.user.login_id,
        auth.user.role,
        page,
    )))
}

/// `GET /api/users/form-context`
pub async fn context(
    State(st): State<AppState>,
    auth: Authenticated,
) -> ApiResult<Json<UserFormContext>> {
    require_manager(&auth)?;
    let c = st.db.lock();
    Ok(Json(form_context(&c)?))
}

/// `GET /api/users/{login_id}`
pub async fn view(
    State(st): State<AppState>,
    auth: Authenticated,
    Path(login_id): Path<String>,
) -> ApiResult<Json<UserDetail>> {
    require_manager(&auth)?;
    let c = st.db.lock();
    let user = users::by_login_id(&c, &login_id)?.ok_or_else(ApiError::not_found)?;
    Ok(Json(detail(
        &c,
        &user,
        crate::db::now(),
        st.config.cert_notice_days,
    )?))
}

/// The profile as stored: rights in matrix order, accounts ascending, one limit per
/// business in business order (duplicates dropped, the first one wins as in
/// [`UserProfile::limit`]).
fn normalised(p: &UserProfile) -> UserProfile {
    let mut accounts = p.accounts.clone();
    accounts.sort_unstable();
    accounts.dedup();
    UserProfile {
        rights: users::rights_in_order()
            .filter(|r| p.rights.contains(r))
            .collect(),
        accounts,
        limits: LimitBusiness::ALL
            .into_iter()
            .filter_map(|b| {
                p.limit(b).map(|amount| Limit {
                    business: b,
                    amount,
                })
            })
            .collect(),
        ..p.clone()
    }
}

/// The shared rules of the user part, then those of the confirmation. Besides the
/// contract's rules, a limit may have at most [`LIMIT_DIGITS`] digits (what the SPA's
/// amount field accepts).
fn input_errors(req: &UserRequest, ctx: &UserFormContext, mode: Mode) -> Vec<FieldError> {
    let mut e = user_rules::user_errors(&req.user, ctx, mode);
    for l in &req.user.profile.limits {
        let path = field::limit(l.business);
        if l.amount > LIMIT_MAX && !e.iter().any(|f| f.field == path) {
            e.push(
                RuleError::TooManyDigits { max: LIMIT_DIGITS }
                    .to_field_error(&path, &user_rules::label_of(&path)),
            );
        }
    }
    e
}

/// The refusals of [`company::approver_removal_errors`] for the user `login_id`, whose
/// rights after the change are `rights_after` (`None`: deleted).
fn approver_removal_errors(
    c: &Connection,
    login_id: &str,
    rights_after: Option<&[Right]>,
) -> rusqlite::Result<Vec<FieldError>> {
    Ok(company::approver_removal_errors(
        &crate::company::info(c)?,
        &crate::company::context(c)?.approvers,
        login_id,
        rights_after,
    ))
}

/// 409 with the message on `user.login_id`.
fn login_id_taken() -> Refusal {
    let error = ApiError {
        field_errors: vec![RuleError::Taken.to_field_error(field::LOGIN_ID, "ログインID")],
        ..ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::Conflict,
            "このログインIDは既に登録されています。別のログインIDを入力してください。",
        )
    };
    refuse(error, "ログインID重複")
}

fn role_of(p: &UserProfile) -> Role {
    if p.admin {
        Role::Admin
    } else {
        Role::General
    }
}

/// `POST /api/users`: 利用者登録 (ID・パスワード方式).
pub async fn register(
    State(st): State<AppState>,
    auth: Authenticated,
    body: Bytes,
) -> ApiResult<Response> {
    let req = parse::<UserRequest>(&body);
    let target = req
        .as_ref()
        .map(|r| r.user.profile.login_id.clone())
        .unwrap_or_default();
    let notice = st.config.cert_notice_days;
    let registered = run(&st, &auth, BUSINESS, REGISTER, &target, |c, now| {
        require_manager(&auth).map_err(|e| refuse(e, "権限なし"))?;
        let req = req?;
        let ctx = form_context(c)?;
        let mut errors = input_errors(&req, &ctx, Mode::Register);
        errors.extend(user_rules::confirmation_errors(
            &req.confirmation,
            ctx.one_time_password,
        ));
        let (Some(login_pw), Some(confirm_pw)) =
            (&req.user.login_password, &req.user.confirm_password)
        else {
            // The rules already name the missing password.
            return Err(invalid(errors));
        };
        if !errors.is_empty() {
            return Err(invalid(errors));
        }
        check_confirmation(c, &operator(c, &auth)?, &req.confirmation)?;
        let p = normalised(&req.user.profile);
        if users::by_login_id(c, &p.login_id)?.is_some() {
            return Err(login_id_taken());
        }
        c.execute(
            "INSERT INTO users (login_id, name, email, role, auth_method, password_hash, confirm_password_hash, \
             must_change_password, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'password', ?5, ?6, ?7, ?8, ?8)",
            params![
                p.login_id,
                p.name,
                p.email,
                users::role_to_db(role_of(&p)),
                passwords::hash(&login_pw.value),
                passwords::hash(&confirm_pw.value),
                p.force_password_change,
                now
            ],
        )?;
        let id = c.last_insert_rowid();
        users::set_rights_accounts_limits(c, id, &p.rights, &p.accounts, &p.limits)?;
        let user = users::by_id(c, id)?.ok_or_else(|| refuse(ApiError::internal(), "登録失敗"))?;
        Ok(UserRegistered {
            user: detail(c, &user, now, notice)?,
            registered_at: now,
        })
    })?;
    Ok((StatusCode::CREATED, Json(registered)).into_response())
}

/// The refusals of the 管理者権限 choice at a change: the master user stays master, and
/// nobody removes their own 管理者権限.
fn admin_error(target: &User, operator_id: i64, after: &UserProfile) -> Option<FieldError> {
    let message = if target.role == Role::Master && !after.admin {
        "マスターユーザの管理者権限は変更できません。"
    } else if target.id == operator_id && target.role != Role::General && !after.admin {
        "ご自身の管理者権限は変更できません。"
    } else {
        return None;
    };
    Some(FieldError {
        field: ADMIN_FIELD.into(),
        code: "unchangeable".into(),
        message: message.into(),
    })
}

/// What a change changes: the profile's items, with the passwords that were sent and a
/// 電子証明書の取扱い other than 継続 right after the login ID (the order of [`Changed`]).
fn changes(before: &UserProfile, after: &UserProfile, req: &UserRequest) -> Vec<Changed> {
    let mut changed = before.changes(after);
    let at = usize::from(changed.first() == Some(&Changed::LoginId));
    let mut extra = Vec::new();
    if req.user.login_password.is_some() {
        extra.push(Changed::LoginPassword);
    }
    if req.user.confirm_password.is_some() {
        extra.push(Changed::ConfirmPassword);
    }
    if req.user.certificate != CertificateHandling::Continue {
        extra.push(Changed::Certificate);
    }
    changed.splice(at..at, extra);
    changed
}

/// The refusal of a 電子証明書の取扱い other than 継続 where it is not offered: ID・パスワード
/// users, users without a certificate to revoke, and the operator's own certificate.
fn certificate_error(
    target: &User,
    state: CertificateState,
    operator: &str,
    handling: CertificateHandling,
) -> Option<FieldError> {
    (handling != CertificateHandling::Continue
        && !certificate_handling_offered(target.auth_method, state, &target.login_id, operator))
    .then(|| FieldError {
        field: CERTIFICATE_FIELD.into(),
        code: "not_offered".into(),
        message: "この利用者の電子証明書は、ここでは失効・再発行できません。".into(),
    })
}

/// `PUT /api/users/{login_id}`: 利用者変更. 電子証明書の取扱い 「失効し、再発行する」 revokes
/// the certificate and leaves the user 未発行 until the issuing app issues a new one;
/// 「失効する」 revokes it (失効済み). Either way the user's sessions end.
pub async fn change(
    State(st): State<AppState>,
    auth: Authenticated,
    Path(login_id): Path<String>,
    body: Bytes,
) -> ApiResult<Json<UserChanged>> {
    let req = parse::<UserRequest>(&body);
    let notice = st.config.cert_notice_days;
    run(&st, &auth, BUSINESS, CHANGE, &login_id, |c, now| {
        require_manager(&auth).map_err(|e| refuse(e, "権限なし"))?;
        let req = req?;
        let target = users::by_login_id(c, &login_id)?
            .ok_or_else(|| refuse(ApiError::not_found(), "対象なし"))?;
        if let Err(why) = kanri_contract::users::may_change(target.role, auth.user.role) {
            return Err(refuse(
                ApiError::new(StatusCode::FORBIDDEN, ErrorCode::Forbidden, why),
                "マスターユーザの変更",
            ));
        }
        let before = detail(c, &target, now, notice)?;
        let ctx = form_context(c)?;
        let after = normalised(&req.user.profile);

        let mut errors = input_errors(&req, &ctx, Mode::Change);
        // The basic step's choices: after its fields, before rights, accounts and limits.
        let choices: Vec<FieldError> = admin_error(&target, auth.user.id, &after)
            .into_iter()
            .chain(certificate_error(
                &target,
                before.certificate,
                &auth.user.login_id,
                req.user.certificate,
            ))
            .collect();
        let at = errors
            .iter()
            .position(|f| {
                f.field.starts_with(field::RIGHTS)
                    || f.field.starts_with(field::ACCOUNTS)
                    || f.field.starts_with("user.limits")
            })
            .unwrap_or(errors.len());
        errors.splice(at..at, choices);
        // ダブル承認 keeps two approvers: with the rights, before accounts and limits.
        let approvals = approver_removal_errors(c, &target.login_id, Some(&after.rights))?;
        let at = errors
            .iter()
            .position(|f| {
                f.field.starts_with(field::ACCOUNTS) || f.field.starts_with("user.limits")
            })
            .unwrap_or(errors.len());
        errors.splice(at..at, approvals);
        errors.extend(user_rules::confirmation_errors(
            &req.confirmation,
            ctx.one_time_password,
        ));
        if !errors.is_empty() {
            return Err(invalid(errors));
        }
        let changed = changes(&before.profile, &after, &req);
        if changed.is_empty() {
            return Err(refuse(
                ApiError::validation(vec![FieldError {
                    field: "user".into(),
                    code: "no_change".into(),
                    message: "変更内容がありません。".into(),
                }]),
                "変更なし",
            ));
        }

        check_confirmation(c, &operator(c, &auth)?, &req.confirmation)?;
        if after.login_id != target.login_id && users::by_login_id(c, &after.login_id)?.is_some()
        {
            return Err(login_id_taken());
        }
        let role = match target.role {
            Role::Master => Role::Master,
            _ => role_of(&after),
        };
        c.execute(
            "UPDATE users SET login_id = ?1, name = ?2, email = ?3, role = ?4, must_change_password = ?5, \
             updated_at = ?6 WHERE id = ?7",
            params![
                after.login_id,
                after.name,
                after.email,
                users::role_to_db(role),
                after.force_password_change,
                now,
                target.id
            ],
        )?;
        if let Some(pw) = &req.user.login_password {
            c.execute(
                "UPDATE users SET password_hash = ?1 WHERE id = ?2",
                params![passwords::hash(&pw.value), target.id],
            )?;
            if target.id != auth.user.id {
                users::end_sessions(c, target.id)?;
            }
        }
        if let Some(pw) = &req.user.confirm_password {
            c.execute(
                "UPDATE users SET confirm_password_hash = ?1 WHERE id = ?2",
                params![passwords::hash(&pw.value), target.id],
            )?;
        }
        users::set_rights_accounts_limits(c, target.id, &after.rights, &after.accounts, &after.limits)?;
        match req.user.certificate {
            CertificateHandling::Continue => {}
            handling => {
                users::revoke_certificates(c, target.id, now)?;
                users::set_certificate_pending(
                    c,
                    target.id,
                    handling == CertificateHandling::RevokeAndReissue,
                )?;
            }
        }
        let updated = users::by_id(c, target.id)?
            .ok_or_else(|| refuse(ApiError::internal(), "変更失敗"))?;
        Ok(UserChanged {
            before,
            after: detail(c, &updated, now, notice)?,
            changed,
            changed_at: now,
        })
    })
    .map(Json)
}

/// `DELETE /api/users/{login_id}`: 利用者削除. The user disappears, their login ID may be
/// registered again, their certificates are revoked and their sessions end (one opened
/// with a certificate on its next request, refused as `revoked`). An approver whom a
/// business in ダブル承認 needs (fewer than two would be left) is not deleted (422).
pub async fn delete(
    State(st): State<AppState>,
    auth: Authenticated,
    Path(login_id): Path<String>,
    body: Bytes,
) -> ApiResult<Json<UserDeleted>> {
    let req = parse::<DeleteUserRequest>(&body);
    let notice = st.config.cert_notice_days;
    run(&st, &auth, BUSINESS, DELETE, &login_id, |c, now| {
        require_manager(&auth).map_err(|e| refuse(e, "権限なし"))?;
        let req = req?;
        let target = users::by_login_id(c, &login_id)?
            .ok_or_else(|| refuse(ApiError::not_found(), "対象なし"))?;
        let user = detail(c, &target, now, notice)?;
        if let Err(why) = user.deletable_by(&auth.user.login_id) {
            return Err(refuse(
                ApiError::new(StatusCode::FORBIDDEN, ErrorCode::Forbidden, why),
                "削除不可",
            ));
        }
        // ダブル承認 keeps two approvers: 422 with the message alone (the delete screen has
        // no field to point at), before the 確認用パスワード is looked at.
        let approvals = approver_removal_errors(c, &target.login_id, None)?;
        if !approvals.is_empty() {
            let message: String = approvals.iter().map(|e| e.message.as_str()).collect();
            return Err(refuse(
                ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    ErrorCode::ValidationFailed,
                    message,
                ),
                "ダブル承認の承認者不足",
            ));
        }
        confirm(c, &auth, &req.confirmation)?;
        // '#' never occurs in a login ID, so the rewritten one frees the ID for reuse.
        c.execute(
            "UPDATE users SET deleted_at = ?1, updated_at = ?1, login_id = login_id || '#deleted' || id \
             WHERE id = ?2",
            params![now, target.id],
        )?;
        users::revoke_certificates(c, target.id, now)?;
        Ok(UserDeleted {
            user,
            deleted_at: now,
        })
    })
    .map(Json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kanri_contract::users::{PasswordEntry, Right, UserInput};

    #[test]
    fn unknown_list_parameters_read_as_the_defaults() {
        use SortKey::*;
        assert_eq!(list_params(None), (LoginId, SortOrder::Asc, None));
        assert_eq!(
            list_params(Some("sort=certificate&order=desc&page=3")),
            (Certificate, SortOrder::Desc, Some(3))
        );
        assert_eq!(
            list_params(Some("sort=drop&order=sideways&x&page=last")),
            (LoginId, SortOrder::Asc, Some(1))
        );
    }

    #[test]
    fn the_stored_profile_is_ordered_and_without_duplicates() {
        let p = UserProfile {
            rights: vec![Right::Balance, Right::TransferRegistered, Right::Balance],
            accounts: vec![3, 1, 3],
            limits: vec![
                Limit {
                    business: LimitBusiness::Bulk,
                    amount: 2,
                },
                Limit {
                    business: LimitBusiness::Transfer,
                    amount: 1,
                },
                Limit {
                    business: LimitBusiness::Bulk,
                    amount: 9,
                },
            ],
            ..Default::default()
        };
        let n = normalised(&p);
        assert_eq!(n.rights, [Right::TransferRegistered, Right::Balance]);
        assert_eq!(n.accounts, [1, 3]);
        assert_eq!(
            n.limits,
            [
                Limit {
                    business: LimitBusiness::Transfer,
                    amount: 1
                },
                Limit {
                    business: LimitBusiness::Bulk,
                    amount: 2
                }
            ]
        );
    }

    #[test]
    fn sent_passwords_and_the_certificate_handling_are_listed_right_after_the_login_id() {
        let before = UserProfile {
            login_id: "user01".into(),
            ..Default::default()
        };
        let mut after = before.clone();
        after.login_id = "user09".into();
        after.name = "x".into();
        let entry = Some(PasswordEntry::default());
        let mut req = UserRequest {
            user: UserInput {
                login_password: entry.clone(),
                confirm_password: entry,
                ..Default::default()
            },
            ..Default::default()
        };
        assert_eq!(
            changes(&before, &after, &req),
            [
                Changed::LoginId,
                Changed::LoginPassword,
                Changed::ConfirmPassword,
                Changed::Name
            ]
        );
        assert_eq!(
            changes(&before, &before, &req),
            [Changed::LoginPassword, Changed::ConfirmPassword]
        );
        req.user.login_password = None;
        req.user.confirm_password = None;
        assert!(changes(&before, &before, &req).is_empty());
        req.user.certificate = CertificateHandling::Revoke;
        assert_eq!(changes(&before, &before, &req), [Changed::Certificate]);
        assert_eq!(
            changes(&before, &after, &req),
            [Changed::LoginId, Changed::Certificate, Changed::Name]
        );
    }
}
