//! The snapshot wire format: what the content script sends, raw strings read from the page,
//! nothing interpreted.
//!
//! The content script follows a read plan (see `crm::plan`) and reports, for each field, the
//! first non-empty text it found and which selector found it; for the timeline, the raw parts of
//! each item. All meaning (dates, amounts, direction) is decided in Rust, in `crm::*`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A deal field a page can show. The read plans name fields with these (serialised snake_case,
/// as the content script reports them); list labels map to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    Stage,
    Amount,
    CloseDate,
    Owner,
    NextStep,
    Contact,
}

impl Field {
    /// Every field, in the order the overlay lists them.
    pub const ALL: [Field; 7] = [
        Field::Name,
        Field::Stage,
        Field::Amount,
        Field::CloseDate,
        Field::Owner,
        Field::NextStep,
        Field::Contact,
    ];

    /// The name in snapshots and read plans (`close_date`).
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Stage => "stage",
            Field::Amount => "amount",
            Field::CloseDate => "close_date",
            Field::Owner => "owner",
            Field::NextStep => "next_step",
            Field::Contact => "contact",
        }
    }

    /// The field a snapshot or list-row part name stands for (`id` and unknown parts: none).
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

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

/// An activity list shown instead of a timeline (Salesforce's Activity History): its name, the
/// count its header shows ("Activity History (6+)"), and how many items were read from it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawActivityList {
    /// `open` or `history` (the read plan's list names).
    pub list: String,
    #[serde(default)]
    pub count: String,
    #[serde(default)]
    pub shown: usize,
}

impl RawActivityList {
    /// Whether the list holds more than it shows: its count says "6+", or a number above the
    /// items shown, or cannot be read (then more cannot be ruled out).
    pub fn holds_more(&self) -> bool {
        let inside = self
            .count
            .rsplit_once('(')
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(n, _)| n.trim());
        match inside {
            Some(n) if n.ends_with('+') => true,
            Some(n) => n.parse::<usize>().map_or(true, |total| total > self.shown),
            None => true,
        }
    }
}

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
    /// `<html lang>` and the browser's language, as hints for reading dates.
    #[serde(default)]
    pub lang: String,
    #[serde(default)]
    pub browser_lang: String,
    /// Dates shown elsewhere on the page (Created By, Last Modified), read only as evidence of
    /// the user's day/month order.
    #[serde(default)]
    pub date_hints: Vec<String>,
    /// Names of the buyer-side people associated with the deal.
    #[serde(default)]
    pub contacts: Vec<String>,
    /// `None` when no timeline container was found at all.
    #[serde(default)]
    pub activities: Option<Vec<RawActivity>>,
    /// The activity lists `activities` were read from, when the page shows lists instead of a
    /// timeline (each item then has the part `list`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activity_lists: Vec<RawActivityList>,
    /// List and board pages: the deals shown.
    #[serde(default)]
    pub rows: Option<Vec<RawRow>>,
    /// Set when the page reader failed (a page too deep or too odd to walk): what went wrong.
    /// Nothing is scored from such a snapshot; the overlay says the page could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unreadable: Option<String>,
}

/// The content script's bounds on what one snapshot carries (`extension/read_page.js`:
/// `MAX_TEXT`, `MAX_ITEMS`, `MAX_HINTS`; a test keeps the two equal). A snapshot from anywhere
/// else (a saved page given to the command line) is held to them too.
pub const MAX_TEXT: usize = 2000;
pub const MAX_ITEMS: usize = 400;
pub const MAX_HINTS: usize = 60;

fn cut(s: &mut String) {
    if let Some((at, _)) = s.char_indices().nth(MAX_TEXT) {
        s.truncate(at);
    }
}

impl RawSnapshot {
    /// This snapshot within the reader's bounds: every value cut to `MAX_TEXT` characters,
    /// timeline items and rows to `MAX_ITEMS`, date samples and contacts to `MAX_HINTS`.
    pub fn bounded(mut self) -> RawSnapshot {
        cut(&mut self.url);
        cut(&mut self.title);
        for f in self.fields.values_mut().flatten() {
            cut(&mut f.value);
        }
        self.date_hints.truncate(MAX_HINTS);
        self.date_hints.iter_mut().for_each(cut);
        self.contacts.truncate(MAX_HINTS);
        self.contacts.iter_mut().for_each(cut);
        if let Some(items) = &mut self.activities {
            items.truncate(MAX_ITEMS);
            for item in items.iter_mut() {
                item.values_mut().for_each(cut);
            }
        }
        self.activity_lists.truncate(MAX_ITEMS);
        if let Some(rows) = &mut self.rows {
            rows.truncate(MAX_ITEMS);
            for row in rows.iter_mut() {
                row.parts.values_mut().for_each(cut);
                row.pairs.truncate(MAX_ITEMS);
                for (label, value) in row.pairs.iter_mut() {
                    cut(label);
                    cut(value);
                }
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_holds_more_than_it_shows_when_its_count_says_so_or_is_unread() {
        let list = |count: &str, shown| RawActivityList {
            list: "history".into(),
            count: count.into(),
            shown,
        };
        assert!(list("Activity History (6+)", 6).holds_more());
        assert!(list("Activity History (8)", 6).holds_more());
        assert!(!list("Activity History (6)", 6).holds_more());
        assert!(!list("Activity History (0)", 0).holds_more());
        assert!(
            list("Activity History", 6).holds_more(),
            "no count: more cannot be ruled out"
        );
        assert!(list("", 0).holds_more());
    }

    #[test]
    fn a_snapshot_from_a_file_is_held_to_the_readers_bounds() {
        let item: RawActivity = [("body".to_string(), "é".repeat(3_000))]
            .into_iter()
            .collect();
        let snap = RawSnapshot {
            url: "https://x".into(),
            title: "t".repeat(5_000),
            activities: Some(vec![item; 1_000]),
            date_hints: vec!["1/2/2026".into(); 1_000],
            ..RawSnapshot::default()
        }
        .bounded();
        let items = snap.activities.unwrap();
        assert_eq!(items.len(), MAX_ITEMS);
        assert_eq!(items[0]["body"].chars().count(), MAX_TEXT);
        assert_eq!(snap.title.len(), MAX_TEXT);
        assert_eq!(snap.date_hints.len(), MAX_HINTS);
    }

    #[test]
    fn the_bounds_are_the_content_scripts() {
        let js = std::fs::read_to_string("extension/read_page.js").unwrap();
        for (name, value) in [
            ("MAX_TEXT", MAX_TEXT),
            ("MAX_ITEMS", MAX_ITEMS),
            ("MAX_HINTS", MAX_HINTS),
        ] {
            assert!(
                js.contains(&format!("const {name} = {value};")),
                "read_page.js's {name} is not {value}"
            );
        }
    }
}
