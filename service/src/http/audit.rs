//! `GET /v1/audit`: the audit log, filtered and paged.

use acctl_api::{AuditAction, AuditPage, AuditQuery, ErrorCode, scope};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use time::format_description::well_known::Rfc3339;

use super::extract::ApiQuery;
use super::{AppState, Caller};
use crate::clock::to_ms;
use crate::error::{ApiError, ApiResult};
use crate::store::AuditFilter;

/// Audit events, newest first.
#[cfg_attr(feature = "openapi", utoipa::path(get, path = "/v1/audit", tag = "audit", params(AuditQuery),
    responses((status = 200, body = AuditPage), super::Problems)))]
pub async fn audit(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> ApiResult<Json<AuditPage>> {
    caller.require(scope::AUDIT_READ)?;
    let all = caller.role().has(scope::AUDIT_READ_ALL);
    let actor = match q.actor {
        Some(a) if !all && a != caller.actor.name => {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                ErrorCode::Forbidden,
                "reading another operator's audit events needs the `audit:read_all` scope",
            ));
        }
        Some(a) => Some(a),
        None if all => None,
        None => Some(caller.actor.name.clone()),
    };
    let action = q.action.map(|a| a.parse::<AuditAction>().map_err(ApiError::invalid_request)).transpose()?;
    let now_ms = state.store.clock().now_ms();
    let since_ms = q
        .since
        .map(|s| {
            parse_since(&s, now_ms).ok_or_else(|| {
                ApiError::invalid_request(
                    "`since` must be an RFC 3339 time (2026-11-27T08:00:00Z) or an age (30m, 24h, 7d)",
                )
            })
        })
        .transpose()?;
    let before_id = q
        .cursor
        .map(|c| c.parse::<i64>().map_err(|_| ApiError::invalid_request("`cursor` is not a cursor this service gave")))
        .transpose()?;
    let limit = q.limit.unwrap_or(100);
    if !(1..=acctl_api::AUDIT_PAGE_MAX).contains(&limit) {
        return Err(ApiError::invalid_request(format!("`limit` must be 1 to {}", acctl_api::AUDIT_PAGE_MAX)));
    }
    let filter = AuditFilter { account_id: q.account_id, actor, action, ticket: q.ticket, since_ms, before_id, limit };
    let (events, more) = state.db(move |s| s.list_audit(&filter)).await?;
    let next_cursor = if more { events.last().map(|e| e.id.to_string()) } else { None };
    Ok(Json(AuditPage { events, next_cursor }))
}

/// `since` as milliseconds: an RFC 3339 time, or an age before `now_ms`.
fn parse_since(s: &str, now_ms: i64) -> Option<i64> {
    if let Ok(t) = time::OffsetDateTime::parse(s, &Rfc3339) {
        return Some(to_ms(t));
    }
    let unit_ms = match s.chars().last()? {
        's' => 1_000,
        'm' => 60_000,
        'h' => 3_600_000,
        'd' => 86_400_000,
        _ => return None,
    };
    let n: i64 = s[..s.len() - 1].parse().ok().filter(|n| *n >= 0)?;
    Some(now_ms - n.checked_mul(unit_ms)?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn since_takes_a_time_or_an_age() {
        let now = 1_000_000_000;
        assert_eq!(super::parse_since("24h", now), Some(now - 86_400_000));
        assert_eq!(super::parse_since("30m", now), Some(now - 1_800_000));
        assert_eq!(super::parse_since("1970-01-01T00:00:01Z", now), Some(1000));
        assert_eq!(super::parse_since("-1h", now), None);
        assert_eq!(super::parse_since("soon", now), None);
        assert_eq!(super::parse_since("", now), None);
    }
}
