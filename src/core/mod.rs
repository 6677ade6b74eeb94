//! The pure core: no browser APIs, no clock. Everything here is tested with `cargo test`.

pub mod backup;
pub mod date;
pub mod input;
pub mod message;
pub mod model;
pub mod money;
pub mod notes;
pub mod phrases;
pub mod risk;
pub mod settings;
pub mod snapshot;
pub mod view;
