//! Integration tests: the real `acctl` binary against the real reference
//! service, started in-process on an ephemeral loopback port with a fresh
//! SQLite file (see `common::TestEnv`). One test binary, so the crate links once.
//! Non-interactive runs are snapshotted whole (exit code, stdout, stderr; see
//! `common::snapshot!`); interactive ones are dialogues in a pseudo-terminal
//! (see `dialogue`). Snapshots live in `snapshots/`; after a deliberate change
//! of output, `INSTA_UPDATE=always cargo test --test it` rewrites them, and
//! every changed `.snap` is reviewed before it is committed.

mod account;
mod auth;
mod bulk;
mod bulk_faults;
mod common;
mod completion;
mod config;
mod demo;
mod dialogue;
mod errors;
mod faults;
mod fields;
mod generated;
mod hostile;
mod keyring;
mod lookup;
mod output;
mod pty;
mod reset;
mod sso;
mod sso_service;
mod steps;
