//! Request extractors whose rejections are problem documents, and which
//! never echo a request value (it may be a secret) into an error.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use acctl_api::ErrorCode;

/// A JSON body.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|m| {
                let m = m.trim().to_ascii_lowercase();
                m == "application/json" || (m.starts_with("application/") && m.ends_with("+json"))
            });
        if !is_json {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
                "send the body as `Content-Type: application/json`",
            ));
        }
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| ApiError::invalid_request("the request body could not be read (too large or cut short)"))?;
        serde_json::from_slice(&bytes).map(ApiJson).map_err(|e| ApiError::invalid_request(describe_json_error(&e)))
    }
}

/// Describes a JSON error by kind and position, naming a field only when
/// serde names one without quoting the value.
fn describe_json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let field = ["missing field `", "unknown field `", "duplicate field `"].iter().find_map(|p| {
        msg.strip_prefix(p).and_then(|rest| rest.split('`').next()).map(|f| (p.trim_end_matches(" `"), f))
    });
    match (field, e.classify()) {
        (Some((what, f)), _) => format!("the request body has a {what} `{f}`"),
        (None, serde_json::error::Category::Syntax | serde_json::error::Category::Eof) => {
            format!("the request body is not valid JSON (line {}, column {})", e.line(), e.column())
        }
        (None, _) => format!(
            "the request body does not match the operation's schema (line {}, column {}); see /v1/openapi.json",
            e.line(),
            e.column()
        ),
    }
}

/// Query parameters.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        serde_urlencoded_from_str(query).map(ApiQuery)
    }
}

fn serde_urlencoded_from_str<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    axum::extract::Query::<T>::try_from_uri(
        &format!("/?{query}").parse().map_err(|_| ApiError::invalid_request("bad query string"))?,
    )
    .map(|q| q.0)
    .map_err(|e| {
        let text = e.body_text();
        let named = text.split('`').nth(1).filter(|_| text.contains("field `"));
        match named {
            Some(f) => ApiError::invalid_request(format!("query parameter `{f}` is missing or malformed")),
            None => ApiError::invalid_request("the query string is malformed; see /v1/openapi.json"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Body {
        code: String,
    }

    #[test]
    fn json_errors_never_quote_the_value() {
        let e = serde_json::from_str::<Body>(r#"{"code": 123456}"#).unwrap_err();
        let d = describe_json_error(&e);
        assert!(!d.contains("123456"), "{d}");
        let e = serde_json::from_str::<Body>(r#"{}"#).unwrap_err();
        assert_eq!(describe_json_error(&e), "the request body has a missing field `code`");
    }
}
