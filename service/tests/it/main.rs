//! Integration tests of `acctl-service` over real HTTP (issue #2).
//!
//! Each test starts the real service in-process on an ephemeral loopback port
//! with a fresh SQLite file and a frozen clock, then drives it with reqwest
//! exactly as DESIGN.md §4 and notes/service-api.md document the Admin API.
//! Time is moved with the clock, never slept through.

mod audit;
mod challenges;
mod cli;
mod common;
mod connections;
mod delivery;
mod disconnects;
mod idempotency;
mod identifiers;
mod login_guard;
mod lookup;
#[cfg(feature = "oidc")]
mod oidc;
mod operators;
mod policy;
mod races;
mod rate_limit;
mod reset;
