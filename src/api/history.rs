//! The calls of 操作履歴照会 [BSRR001] (read-only: no Idempotency-Key, no CSRF header).

use super::{Api, ApiError};
use gloo_net::http::Method;
use kanri_contract::history::{HistoryAll, HistoryContext, HistoryPage, HistoryQuery};

impl Api {
    /// `GET /api/history/context`: today, the retention, the operator, the users to
    /// choose from (only with 全操作履歴照会) and the 業務.
    pub async fn history_context(&self) -> Result<HistoryContext, ApiError> {
        self.authed(Method::GET, "/history/context", None, None)
            .await
    }

    /// `GET /api/history?…`: one page of a search (422 with field errors on `from`,
    /// `to`, `user`, `business` when it breaks the rules).
    pub async fn history(&self, query: &HistoryQuery) -> Result<HistoryPage, ApiError> {
        let path = format!("/history?{}", query.to_query());
        self.authed(Method::GET, &path, None, None).await
    }

    /// `GET /api/history/all?…`: every row of a search (at most 3,000, in the search's
    /// order; the page is ignored), for 「印刷」. Same rules and errors as [`Api::history`].
    pub async fn history_all(&self, query: &HistoryQuery) -> Result<HistoryAll, ApiError> {
        let path = format!("/history/all?{}", query.to_query());
        self.authed(Method::GET, &path, None, None).await
    }
}
