//! `acctl-service`: the reference account service.
//!
//! It serves Admin API v1 (`DESIGN.md` §4) over HTTP from a SQLite database,
//! enforces the security rules of §5 itself, and is what the `acctl` CLI is
//! built and tested against. [`start`] runs it on a listener; the binary in
//! `main.rs` wraps that with a command line.

pub mod clock;
pub mod policy;

pub use clock::Clock;
