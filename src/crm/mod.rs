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
pub use url::{detect, detect_in, PageKind, PageRef, UrlParts};
