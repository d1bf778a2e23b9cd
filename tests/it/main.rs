//! Integration tests: the real `acctl` binary against the real reference
//! service, started in-process on an ephemeral loopback port with a fresh
//! SQLite file (see `common::TestEnv`). One test binary, so the crate links once.

mod auth;
mod common;
mod config;
mod demo;
mod errors;
mod generated;
mod keyring;
mod lookup;
mod output;
mod pty;
mod reset;
mod steps;
