//! `GET /v1/sandbox/outbox`: what the sandbox "sent" (sandbox mode only).

use acctl_api::{ErrorCode, Outbox};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;

use super::AppState;
use super::extract::ApiQuery;
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct OutboxQuery {
    /// Only messages to this account.
    pub account_id: Option<String>,
    /// Only messages with a larger id (to follow the outbox).
    #[cfg_attr(feature = "openapi", param(minimum = 0))]
    pub after: Option<i64>,
}

/// Every message the sandbox "sent", oldest first (sandbox mode only).
#[cfg_attr(feature = "openapi", utoipa::path(get, path = "/v1/sandbox/outbox", tag = "sandbox", params(OutboxQuery), security(()),
    responses((status = 200, body = Outbox), super::Problems)))]
pub async fn outbox(State(state): State<AppState>, ApiQuery(q): ApiQuery<OutboxQuery>) -> ApiResult<Json<Outbox>> {
    if !state.sandbox {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "the outbox is served only when the service runs with --sandbox",
        ));
    }
    if q.after.is_some_and(|a| a < 0) {
        return Err(ApiError::invalid_request("`after` must be a message id (0 or more)"));
    }
    let messages = state.db(move |s| s.list_messages(q.account_id.as_deref(), q.after)).await?;
    Ok(Json(Outbox { messages }))
}
