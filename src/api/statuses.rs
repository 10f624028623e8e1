//! The calls of 利用者停止・解除 [BRSK016] and the additional authentications' tasks
//! (ワンタイムパスワード, トランザクション認証, 追加認証（リスクベース認証）).

use super::{Api, ApiError};
use gloo_net::http::Method;
use kanri_contract::user_status::{
    StatusAction, StatusActionDone, StatusActionRequest, UserStatusList,
};

impl Api {
    /// `GET /api/users/statuses`: every user's サービス状態 and authentication states
    /// (管理者権限 only; 403 otherwise).
    pub async fn user_statuses(&self) -> Result<UserStatusList, ApiError> {
        self.authed(Method::GET, "/users/statuses", None, None)
            .await
    }

    /// `POST /api/users/statuses/{action}`: apply `action` to the selected users, with
    /// the operator's confirmation and the form's Idempotency-Key. Refusals: 422 on
    /// `login_ids` or on the confirmation (with the attempts left), 403 (確認用パスワード
    /// locked, no right), 409 (a user's state changed meanwhile), 404 (a user is gone).
    pub async fn apply_status_action(
        &self,
        action: StatusAction,
        req: &StatusActionRequest,
        key: &str,
    ) -> Result<StatusActionDone, ApiError> {
        let path = format!("/users/statuses/{}", action.slug());
        self.authed(Method::POST, &path, Some(Self::json(req)?), Some(key))
            .await
    }
}
