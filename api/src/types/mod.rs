//! The wire types, a module per part of the API; the crate root re-exports
//! every one.

mod accounts;
mod audit;
mod auth;
mod lookup;
mod outbox;
mod problem;
mod recovery;

pub use accounts::{Account, AccountStatus, Device, SessionsRevoked};
pub use audit::{AuditAction, AuditEvent, AuditOutcome, AuditPage, AuditQuery};
pub use auth::{LoginRequest, LoginResponse, Role, Whoami, scope};
pub use lookup::{BatchLookupRequest, BatchLookupResponse, BatchLookupResult, ItemError};
pub use outbox::{DeliveryState, MessageKind, Outbox, OutboxMessage};
pub use problem::{ErrorCode, Problem};
pub use recovery::{
    Challenge, ChallengeRequest, Channel, PasswordChange, PasswordMode, PasswordRequest, PolicyViolation,
    VerifyRequest, VerifyResponse, ViolationCode,
};
