//! `accounts:batchLookup`: many identifiers in one request, one answer each.

use serde::{Deserialize, Serialize};
#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use super::{Account, ErrorCode};
use crate::ident::Identifier;

/// `POST /v1/accounts:batchLookup` request: 1 to 500 identifiers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct BatchLookupRequest {
    pub identifiers: Vec<Identifier>,
}

/// `POST /v1/accounts:batchLookup` response: one result per identifier, in order.
//
// The service sends the defaults. A client may read each account as `A`
// (say the account's JSON text, to pass it on unchanged), each error code
// as `C` (say a `String`, so a code newer than the client survives) and
// each echoed input as `I` (`serde::de::IgnoredAny` when it is not needed).
// The OpenAPI document describes the defaults (`value_type`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema), schema(bound = ""))]
pub struct BatchLookupResponse<A = Account, C = ErrorCode, I = Identifier> {
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<BatchLookupResult>))]
    pub results: Vec<BatchLookupResult<A, C, I>>,
}

/// One identifier's answer: the account, or why there is none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema), schema(bound = ""))]
pub struct BatchLookupResult<A = Account, C = ErrorCode, I = Identifier> {
    #[cfg_attr(feature = "openapi", schema(value_type = Identifier))]
    pub input: I,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Account>))]
    pub account: Option<A>,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<ItemError>))]
    pub error: Option<ItemError<C>>,
}

/// The error of one item in a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema), schema(bound = ""))]
pub struct ItemError<C = ErrorCode> {
    #[cfg_attr(feature = "openapi", schema(value_type = ErrorCode))]
    pub code: C,
    pub detail: String,
}
