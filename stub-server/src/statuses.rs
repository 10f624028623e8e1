//! 利用者停止・解除 [BRSK016] and the management of the additional authentications
//! (ワンタイムパスワード, トランザクション認証, 追加認証（リスクベース認証）): the list of every
//! user's states and the eight actions of the contract's [`StatusAction`].
//!
//! Only 管理者 ([`kanri_contract::api::Permission::ManageUsers`]) may call it. An action
//! is one mutation on several users: all of them or none, one operation-log row (業務
//! 利用者管理, operation [`StatusAction::operation`], detail 「ログインID：user01、user06」).

use crate::admin::{confirm, invalid, parse, refuse, require_manager, run_about, Refusal};
use crate::auth::Authenticated;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::users::{self, User};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kanri_contract::api::{ErrorCode, FieldError};
use kanri_contract::history::business;
use kanri_contract::user_status::{
    AuthState, StatusAction, StatusActionDone, StatusActionRequest, UserStatusList,
    NOTHING_SELECTED, SELECTION_FIELD,
};
use kanri_contract::users::may_change;
use rusqlite::{params, Connection};

/// Most users one action acts on.
pub const MAX_SELECTED: usize = 100;

/// The message of 422 when more than [`MAX_SELECTED`] users are selected.
pub fn too_many_message() -> String {
    format!("一度に選択できる利用者は{MAX_SELECTED}人までです。")
}

/// `GET /api/users/statuses`: every user's states, by login ID.
pub async fn list(
    State(st): State<AppState>,
    auth: Authenticated,
) -> ApiResult<Json<UserStatusList>> {
    require_manager(&auth)?;
    let c = st.db.lock();
    Ok(Json(UserStatusList {
        users: users::list(&c)?.iter().map(User::status).collect(),
        operator: auth.user.login_id.clone(),
        operator_role: auth.user.role,
    }))
}

/// The login IDs of the request, each once, in the order of their first mention.
fn distinct(ids: &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    ids.iter()
        .filter(|id| seen.insert(id.as_str()))
        .cloned()
        .collect()
}

/// The log row's subject: 「ログインID：user01、user06」 (long IDs cut, at most
/// [`MAX_SELECTED`] named).
fn subject(ids: &[String]) -> String {
    let named: Vec<String> = ids
        .iter()
        .take(MAX_SELECTED)
        .map(|id| id.chars().take(64).collect())
        .collect();
    let mut s = format!("ログインID：{}", named.join("、"));
    if ids.len() > MAX_SELECTED {
        s.push_str(&format!("ほか{}名", ids.len() - MAX_SELECTED));
    }
    s
}

fn selection_error(code: &str, message: String) -> Refusal {
    invalid(vec![FieldError {
        field: SELECTION_FIELD.into(),
        code: code.into(),
        message,
    }])
}

/// Whether a refusal of [`StatusAction::applies`] is about who the user is (the operator
/// themself, the master user), not about their state.
fn about_who(action: StatusAction, user: &User, operator: &User) -> bool {
    may_change(user.role, operator.role).is_err()
        || (action == StatusAction::Stop && user.id == operator.id)
}

/// The 409 of users whose state no longer allows the action.
fn state_changed(refused: &[(String, &str)]) -> Refusal {
    let which: String = refused
        .iter()
        .map(|(id, why)| format!("{id}：{why}"))
        .collect();
    refuse(
        ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::Conflict,
            format!(
                "選択された利用者の状態が変更されています（{which}）。一覧を再表示して、選択し直してください。"
            ),
        ),
        "状態変更済み",
    )
}

/// Apply `action` to `user` in the database.
fn store(c: &Connection, action: StatusAction, user: &User, now: i64) -> rusqlite::Result<()> {
    match action {
        StatusAction::Stop => {
            c.execute(
                "UPDATE users SET service_stopped = 1, updated_at = ?1 WHERE id = ?2",
                params![now, user.id],
            )?;
            users::end_sessions(c, user.id)?;
        }
        StatusAction::Resume => {
            c.execute(
                "UPDATE users SET service_stopped = 0, locked = 0, failed_attempts = 0, \
                 confirm_locked = 0, confirm_failed_attempts = 0, updated_at = ?1 WHERE id = ?2",
                params![now, user.id],
            )?;
        }
        other => {
            if let Some(auth) = other.authentication() {
                let after = other.apply(&user.status()).auth(auth);
                c.execute(
                    &format!(
                        "UPDATE users SET {} = ?1, updated_at = ?2 WHERE id = ?3",
                        users::auth_state_column(auth)
                    ),
                    params![users::enum_to_db::<AuthState>(&after), now, user.id],
                )?;
            }
        }
    }
    Ok(())
}

/// `POST /api/users/statuses/{action}`. Checks, in order: the action (404), 管理者 (403),
/// the body (400), the selection (422 on `login_ids`: none, or more than
/// [`MAX_SELECTED`]), every selected user exists (404), the action may be applied to each
/// (403 for who they are: the operator stopping themself, the master user by anyone else;
/// 409 for their state), then the confirmation (確認用パスワード, as every 管理 mutation).
/// Then every user is changed, in one transaction.
pub async fn act(
    State(st): State<AppState>,
    auth: Authenticated,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult<Json<StatusActionDone>> {
    let action = StatusAction::from_slug(&slug).ok_or_else(ApiError::not_found)?;
    let req = parse::<StatusActionRequest>(&body);
    let ids = req
        .as_ref()
        .map(|r| distinct(&r.login_ids))
        .unwrap_or_default();
    let about = if ids.is_empty() {
        String::new()
    } else {
        subject(&ids)
    };
    let done = run_about(
        &st,
        &auth,
        business::USER_ADMIN,
        action.operation(),
        about,
        |c, now, _| {
            require_manager(&auth).map_err(|e| refuse(e, "権限なし"))?;
            let req = req?;
            if ids.is_empty() {
                return Err(selection_error("required", NOTHING_SELECTED.into()));
            }
            if ids.len() > MAX_SELECTED {
                return Err(selection_error("too_many", too_many_message()));
            }
            let operator = crate::admin::operator(c, &auth)?;
            let mut targets = Vec::with_capacity(ids.len());
            for id in &ids {
                let user = users::by_login_id(c, id)?
                    .ok_or_else(|| refuse(ApiError::not_found(), "対象なし"))?;
                targets.push(user);
            }
            let mut refused = Vec::new();
            for user in &targets {
                if let Err(why) = action.applies(&user.status(), &operator.login_id, operator.role)
                {
                    if about_who(action, user, &operator) {
                        let reason = if user.id == operator.id {
                            "本人の停止"
                        } else {
                            "マスターユーザ"
                        };
                        return Err(refuse(
                            ApiError::new(StatusCode::FORBIDDEN, ErrorCode::Forbidden, why),
                            reason,
                        ));
                    }
                    refused.push((user.login_id.clone(), why));
                }
            }
            if !refused.is_empty() {
                return Err(state_changed(&refused));
            }
            confirm(c, &auth, &req.confirmation)?;
            let mut after = Vec::with_capacity(targets.len());
            for user in &targets {
                store(c, action, user, now)?;
                let user = users::by_id(c, user.id)?
                    .ok_or_else(|| refuse(ApiError::internal(), "変更失敗"))?;
                after.push(user.status());
            }
            Ok(StatusActionDone {
                action,
                users: after,
                done_at: now,
            })
        },
    )?;
    Ok(Json(done))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selection_is_taken_once_each_in_order() {
        let ids: Vec<String> = ["user06", "user01", "user06"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(distinct(&ids), ["user06", "user01"]);
        assert_eq!(subject(&distinct(&ids)), "ログインID：user06、user01");
        let many: Vec<String> = (0..103).map(|i| format!("user{i:03}")).collect();
        assert!(subject(&many).ends_with("user099ほか3名"));
    }

    #[test]
    fn a_state_conflict_names_each_user_and_why() {
        let r = state_changed(&[("user01".into(), "既に利用停止中です。")]);
        assert_eq!(r.error.status, StatusCode::CONFLICT);
        assert_eq!(
            r.error.message,
            "選択された利用者の状態が変更されています（user01：既に利用停止中です。）。一覧を再表示して、選択し直してください。"
        );
    }
}
