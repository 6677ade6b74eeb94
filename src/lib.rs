//! Stallwatch: a stall-risk score and a reason-based next message for CRM deal pages.
//!
//! Reading the crate top to bottom follows a deal: `crm` (read plans, page → `Deal`), then
//! `core` (model, risk, message, notes), then `web` (wasm32-only rendering glue). The CLI in
//! `src/bin/stallwatch.rs` uses the same core on exported pipelines.

pub mod core;
pub mod crm;
#[cfg(not(target_arch = "wasm32"))]
pub mod export;

#[cfg(target_arch = "wasm32")]
mod web;
