//! CRM knowledge: which pages are deals, and how a raw page snapshot becomes a `Deal`.
//!
//! Each CRM is one module exposing one adapter (`salesforce::ADAPTER`, `hubspot::ADAPTER`),
//! listed in `adapter::ADAPTERS`; everything else here works from the adapter it is given and
//! names no CRM. `snapshot` is the wire format the content script sends, `plan` the read plan
//! it follows, `url` the page a URL names, `record` and `rows` the reading of a deal page and of
//! a list or board.

pub mod adapter;
pub mod hubspot;
pub mod parsed;
pub mod plan;
pub mod record;
pub mod rows;
pub mod salesforce;
pub mod snapshot;
pub mod url;

pub use parsed::{DateOrder, Parsed};
pub use record::{read, ReadField, Reading};
pub use rows::{read_rows, row_keys, ListRow};
pub use url::{detect, detect_in, record_address, PageKind, PageRef, UrlParts};

/// How many times this thread has read a page into deals (a record page's `read`, a list's
/// `read_rows`): the tests of "one reading per event" count with it.
#[cfg(test)]
pub(crate) mod counted {
    use std::cell::Cell;
    thread_local!(static READINGS: Cell<usize> = const { Cell::new(0) });
    pub fn reading() {
        READINGS.with(|c| c.set(c.get() + 1));
    }
    /// The readings since the last call.
    pub fn readings() -> usize {
        READINGS.with(|c| c.replace(0))
    }
}
