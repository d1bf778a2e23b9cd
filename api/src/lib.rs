//! Wire types of acctl's Admin API v1.
//!
//! The field names here are the contract of `DESIGN.md` §4: the CLI and the
//! reference service both (de)serialise through these types, and
//! `api/openapi.json` is generated from them. Add fields freely; never rename.

pub mod base64url;
pub mod ident;
mod types;

pub use ident::{Identifier, IdentifierError, IdentifierKind};
pub use types::*;

/// The OpenAPI document of Admin API v1, `api/openapi.json` as committed: what
/// the service serves at `/v1/openapi.json`, in every build. acctl-service
/// generates it with its `openapi` feature and fails a test when it is stale.
pub const OPENAPI_JSON: &str = include_str!("../openapi.json");

/// Request header carrying the caller's idempotency key on a mutation.
pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";
/// Request header carrying the audit reason of a mutation.
pub const AUDIT_REASON: &str = "Audit-Reason";
/// Request header carrying the audit ticket of a mutation.
pub const AUDIT_TICKET: &str = "Audit-Ticket";
/// Request header carrying the bulk job a mutation belongs to (`acctl bulk`),
/// recorded in its audit event's `detail` as `job=ID`.
pub const AUDIT_JOB: &str = "Audit-Job";
/// Response header naming the request, for support and the audit log.
pub const REQUEST_ID: &str = "Request-Id";
/// Media type of error responses (RFC 9457).
pub const PROBLEM_JSON: &str = "application/problem+json";
/// Most identifiers one `accounts:batchLookup` request may carry.
pub const BATCH_LOOKUP_MAX: usize = 500;
/// Most events one audit page may carry.
pub const AUDIT_PAGE_MAX: u32 = 1000;
/// Longest password the service accepts (characters, after NFKC).
pub const PASSWORD_MAX_CHARS: usize = 256;
/// Longest password the service reads, in bytes as sent (before NFKC, which
/// can expand a character 18-fold): 256 characters of up to 4 bytes each.
pub const PASSWORD_MAX_BYTES: usize = 1024;
