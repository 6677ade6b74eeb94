//! Stallwatch: a stall-risk score and a reason-based next message for CRM deal pages.
//!
//! The layers, each using only those below it:
//! - `core`: the pure model (dates, money, deal, notes, settings, risk, message, backup). It
//!   imports nothing else from this crate (tests/layers.rs checks).
//! - `crm`: what each CRM's pages look like (one adapter per CRM) and how a page snapshot
//!   becomes a `Deal`.
//! - `view`: what the overlay, popup and list panel show, from a snapshot and what is stored.
//! - `web` (wasm32 only): renders views with web-sys; `export` (host only): the command line's
//!   reading of exported pipelines.

// Outside tests, a failure is reported, never a panic: `unwrap`/`expect` do not compile.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod core;
pub mod crm;
#[cfg(not(target_arch = "wasm32"))]
pub mod export;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod web;
