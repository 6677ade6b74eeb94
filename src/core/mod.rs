//! The pure core: no browser APIs, no clock, and nothing from the rest of the crate (no CRM,
//! no view, no glue). Everything here is tested with `cargo test`.

pub mod backup;
pub mod calibration;
pub mod correction;
pub mod date;
pub mod date_words;
pub mod day;
pub mod input;
pub mod lang;
pub mod listen;
pub mod message;
pub mod model;
pub mod money;
pub mod note_rewrite;
pub mod note_voice;
pub mod notes;
pub mod phrases;
pub mod risk;
pub mod seen;
pub mod settings;
pub mod since;
pub mod store;
pub mod timeline;
