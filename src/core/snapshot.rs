//! What the content script sends: raw strings read from the page, nothing interpreted.
//!
//! The content script follows a read plan (see `crm::plan`) and reports, for each field, the
//! first non-empty text it found and which selector found it; for the timeline, the raw parts of
//! each item. All meaning (dates, amounts, direction) is decided in Rust, here and in `crm::*`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The fields a deal page can show, in the order the overlay lists them.
pub const FIELDS: [&str; 7] = [
    "name",
    "stage",
    "amount",
    "close_date",
    "owner",
    "next_step",
    "contact",
];

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawField {
    pub value: String,
    /// Index of the selector in the read plan that found it (0 = the preferred one).
    #[serde(default)]
    pub source: usize,
}

/// One timeline item's raw parts, keyed by the read plan's part names (`kind`, `header`,
/// `subject`, `date`, `body`).
pub type RawActivity = BTreeMap<String, String>;

/// One row of a list view or card of a board, as read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawRow {
    /// Parts by the read plan's names (`id`, `name`, `stage`).
    #[serde(default)]
    pub parts: BTreeMap<String, String>,
    /// Label/value pairs (table cells, card properties), in page order.
    #[serde(default)]
    pub pairs: Vec<(String, String)>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawSnapshot {
    /// The page URL as the browser shows it.
    pub url: String,
    /// `document.title`, a fallback for the deal name.
    #[serde(default)]
    pub title: String,
    /// Whether the visible record container was found (false: the whole document was read).
    #[serde(default)]
    pub scoped: bool,
    #[serde(default)]
    pub fields: BTreeMap<String, Option<RawField>>,
    /// `None` when no timeline container was found at all.
    #[serde(default)]
    pub activities: Option<Vec<RawActivity>>,
    /// List and board pages: the deals shown.
    #[serde(default)]
    pub rows: Option<Vec<RawRow>>,
}
