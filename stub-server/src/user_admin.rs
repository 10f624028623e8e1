//! 利用者管理 (SPEC 3.6, manual 001): 利用者一覧, the registration and change form's
//! context, 利用者照会, 利用者登録, 利用者変更 and 利用者削除.
//!
//! Only users holding [`Permission::ManageUsers`] (the master user and 管理者ユーザ) may
//! call any of it (403 `forbidden` otherwise). Deleted users are invisible. Every mutating
//! call writes exactly one operation-log row: 正常, or 異常 with the reason. The order of
//! the checks of a mutation is: input rules (422) → 確認用パスワード lock (403) →
//! 確認用パスワード (422, five wrong entries lock it: 403) → login ID taken (409).

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
use kanri_contract::rules::RuleError;
use kanri_contract::user_rules::{self, field, Mode, LIMIT_DIGITS};
use kanri_contract::users::{
    sort_users, Changed, DeleteUserRequest, Limit, LimitBusiness, SortKey, SortOrder, UserChanged,
    UserDeleted, UserDetail, UserFormContext, UserList, UserProfile, UserRegistered, UserRequest,
    UserSummary,
};
use rusqlite::{params, Connection};

/// The operation log's business name.
pub const BUSINESS: &str = "利用者管理";
pub const REGISTER: &str = "利用者登録";
pub const CHANGE: &str = "利用者変更";
pub const DELETE: &str = "利用者削除";

/// The field path of the 管理者権限 choice.
pub const ADMIN_FIELD: &str = "user.admin";

/// Largest amount of [`LIMIT_DIGITS`] digits.
const LIMIT_MAX: u64 = 999_999_999_999_999;

/// What the registration and change steps offer.
pub fn form_context(c: &Connection) -> rusqlite::Result<UserFormContext> {
    Ok(UserFormContext {
        services: users::company_services(c)?,
        accounts: users::company_accounts(c)?,
        company_limits: users::company_limits(c)?,
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

/// `sort` and `order` of the query; unknown or missing values read as the defaults.
fn sort_params(query: Option<&str>) -> (SortKey, SortOrder) {
    let mut key = SortKey::default();
    let mut order = SortOrder::default();
    for pair in query.unwrap_or_default().split('&') {
        match pair.split_once('=') {
            Some(("sort", v)) => key = SortKey::parse(v).unwrap_or_default(),
            Some(("order", v)) => order = SortOrder::parse(v).unwrap_or_default(),
            _ => {}
        }
    }
    (key, order)
}

/// `GET /api/users?sort=…&order=…`
pub async fn list(
    State(st): State<AppState>,
    auth: Authenticated,
    RawQuery(query): RawQuery,
) -> ApiResult<Json<UserList>> {
    require_manager(&auth)?;
    let (key, order) = sort_params(query.as_deref());
    let now = crate::db::now();
    let c = st.db.lock();
    let mut rows = Vec::new();
    for u in users::list(&c)? {
        let (certificate, certificate_expires_at) =
            u.certificate_state(&c, now, st.config.cert_notice_days)?;
        rows.push(UserSummary {
            service_state: u.service_state(),
            login_id: u.login_id,
            name: u.name,
            role: u.role,
            certificate,
            certificate_expires_at,
        });
    }
    sort_users(&mut rows, key, order);
    Ok(Json(UserList {
        users: rows,
        operator: auth.user.login_id,
    }))
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

/// What a change changes, in screen order: the profile's items, with the passwords that
/// were sent right after the login ID.
fn changes(before: &UserProfile, after: &UserProfile, req: &UserRequest) -> Vec<Changed> {
    let mut changed = before.changes(after);
    let at = usize::from(changed.first() == Some(&Changed::LoginId));
    let mut passwords = Vec::new();
    if req.user.login_password.is_some() {
        passwords.push(Changed::LoginPassword);
    }
    if req.user.confirm_password.is_some() {
        passwords.push(Changed::ConfirmPassword);
    }
    changed.splice(at..at, passwords);
    changed
}

/// `PUT /api/users/{login_id}`: 利用者変更.
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
        if let Some(e) = admin_error(&target, auth.user.id, &after) {
            // After the basic fields, before rights, accounts and limits.
            let at = errors
                .iter()
                .position(|f| {
                    f.field.starts_with(field::RIGHTS)
                        || f.field.starts_with(field::ACCOUNTS)
                        || f.field.starts_with("user.limits")
                })
                .unwrap_or(errors.len());
            errors.insert(at, e);
        }
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
/// registered again, their certificates are revoked and their sessions end.
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
        confirm(c, &auth, &req.confirmation)?;
        // '#' never occurs in a login ID, so the rewritten one frees the ID for reuse.
        c.execute(
            "UPDATE users SET deleted_at = ?1, updated_at = ?1, login_id = login_id || '#deleted' || id \
             WHERE id = ?2",
            params![now, target.id],
        )?;
        c.execute(
            "UPDATE certificates SET revoked_at = ?1 WHERE user_id = ?2 AND revoked_at IS NULL",
            params![now, target.id],
        )?;
        users::end_sessions(c, target.id)?;
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
    fn unknown_sort_parameters_read_as_the_defaults() {
        assert_eq!(sort_params(None), (SortKey::LoginId, SortOrder::Asc));
        assert_eq!(
            sort_params(Some("sort=certificate&order=desc")),
            (SortKey::Certificate, SortOrder::Desc)
        );
        assert_eq!(
            sort_params(Some("sort=drop&order=sideways&x")),
            (SortKey::LoginId, SortOrder::Asc)
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
    fn sent_passwords_are_listed_right_after_the_login_id() {
        let before = UserProfile {
            login_id: "user01".into(),
            ..Default::default()
        };
        let mut after = before.clone();
        after.login_id = "user09".into();
        after.name = "x".into();
        let entry = Some(PasswordEntry::default());
        let req = UserRequest {
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
    }
}
