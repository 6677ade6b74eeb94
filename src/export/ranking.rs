//! Scores every readable row with the core, composes its suggested message, and orders them as
//! the day's queue (act today, waiting, paused; see `today_order`); closed deals and unreadable
//! rows after, in file order. `find` picks one deal of the queue by key or name.

use super::ReadRow;
use crate::core::date::Day;
use crate::core::message::{assess_and_compose_after, Kind, Suggestion};
use crate::core::risk::{today_order, Assessment, Section, TodayKey};
use crate::core::settings::Settings;

#[derive(Debug)]
pub struct Ranked {
    pub read: ReadRow,
    /// `None` when the row could not be read.
    pub assessment: Option<Assessment>,
    /// The suggested next message (or the advice to wait); `None` for closed deals and
    /// unreadable rows.
    pub suggestion: Option<Suggestion>,
}

impl Ranked {
    pub fn stall_risk(&self) -> Option<u8> {
        self.assessment.as_ref().and_then(|a| a.stall_risk)
    }

    /// The triage section; `None` for a row that could not be read (listed with the closed).
    pub fn section(&self) -> Option<Section> {
        self.assessment.as_ref().map(Assessment::section)
    }

    /// Whether there is a message to send: at least one draft.
    pub fn has_message(&self) -> bool {
        self.suggestion
            .as_ref()
            // Finding the new owner is something to do today, though there is nothing to send.
            .is_some_and(|s| !s.drafts.is_empty() || s.kind == Kind::FindOwner)
    }
}

pub fn rank(rows: Vec<ReadRow>, settings: &Settings, now: Day) -> Vec<Ranked> {
    let mut ranked: Vec<Ranked> = rows
        .into_iter()
        .map(|read| {
            let (assessment, suggestion) = match &read.deal {
                Some(deal) => {
                    let (a, s) = assess_and_compose_after(
                        deal,
                        &read.notes,
                        settings,
                        now,
                        read.copied.as_ref(),
                    );
                    (Some(a), s)
                }
                None => (None, None),
            };
            Ranked {
                read,
                assessment,
                suggestion,
            }
        })
        .collect();
    today_order(&mut ranked, |r| match (&r.assessment, &r.read.deal) {
        // Closed deals keep their file order among the unread rows: no amount to break ties.
        (Some(a), Some(deal)) => TodayKey::of(
            a,
            r.read.notes.deadline,
            deal.amount
                .as_ref()
                .filter(|_| a.stall_risk.is_some())
                .map(|m| m.units()),
        ),
        _ => TodayKey::unscored(),
    });
    ranked
}

/// What `find` found for a `--deal` query.
#[derive(Debug)]
pub enum Found<'a> {
    One(&'a Ranked),
    /// Several deals have this key or name (in several files, or a name used twice).
    Several(Vec<&'a Ranked>),
    /// None has it; the closest keys and names, best first (possibly none).
    Nothing {
        close: Vec<&'a Ranked>,
    },
}

/// The deal whose key, else whose name, is `query`: exactly, then ignoring case and extra
/// spaces.
pub fn find<'a>(ranked: &'a [Ranked], query: &str) -> Found<'a> {
    let wanted = normal(query);
    let exact: [&dyn Fn(&Ranked) -> bool; 4] = [
        &|r| r.read.key == query,
        &|r| r.read.name.as_deref() == Some(query),
        &|r| normal(&r.read.key) == wanted,
        &|r| r.read.name.as_deref().map(normal) == Some(wanted.clone()),
    ];
    for test in exact {
        let hits: Vec<&Ranked> = ranked.iter().filter(|r| test(r)).collect();
        match hits.len() {
            0 => continue,
            1 => return Found::One(hits[0]),
            _ => return Found::Several(hits),
        }
    }
    Found::Nothing {
        close: close_matches(ranked, &wanted),
    }
}

/// Up to five deals whose key or name contains the query (or the reverse), shares a word of
/// three letters or more with it, or is a few typos away; best first, then in queue order.
fn close_matches<'a>(ranked: &'a [Ranked], wanted: &str) -> Vec<&'a Ranked> {
    let words: Vec<&str> = wanted
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .collect();
    let closeness = |text: &str| -> Option<usize> {
        let text = normal(text);
        if text.is_empty() || wanted.is_empty() {
            return None;
        }
        if text.contains(wanted) || wanted.contains(text.as_str()) {
            return Some(0);
        }
        let typos = edit_distance(&text, wanted);
        if typos <= (wanted.chars().count() / 4).max(2) {
            return Some(typos);
        }
        let shared = text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| words.contains(&w));
        shared.then_some(usize::MAX / 2)
    };
    let mut scored: Vec<(usize, usize, &Ranked)> = ranked
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let by_key = closeness(&r.read.key);
            let by_name = r.read.name.as_deref().and_then(closeness);
            let best = match (by_key, by_name) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            best.map(|d| (d, i, r))
        })
        .collect();
    scored.sort_by_key(|(d, i, _)| (*d, *i));
    scored.into_iter().take(5).map(|(_, _, r)| r).collect()
}

/// Lower case, single spaces, trimmed.
fn normal(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::input::deal_from_json;

    fn queue(names: &[(&str, &str)]) -> Vec<Ranked> {
        let rows = names
            .iter()
            .enumerate()
            .map(|(i, (key, name))| {
                let value = serde_json::json!({"key": key, "name": name, "stage": "Prospecting"});
                let (deal, _) = deal_from_json(&value, "x").unwrap();
                ReadRow {
                    source: "d.json".into(),
                    row: i + 1,
                    key: key.to_string(),
                    name: Some(name.to_string()),
                    deal: Some(deal),
                    notes: Default::default(),
                    copied: None,
                    problems: Vec::new(),
                }
            })
            .collect();
        let now = Day::from_ymd(2026, 3, 20).unwrap();
        rank(rows, &Settings::default(), now)
    }

    fn key(found: Found) -> Vec<String> {
        match found {
            Found::One(r) => vec![r.read.key.clone()],
            Found::Several(rs) | Found::Nothing { close: rs } => {
                rs.iter().map(|r| r.read.key.clone()).collect()
            }
        }
    }

    #[test]
    fn finds_by_key_then_name_then_ignoring_case() {
        let q = queue(&[("a:1", "Acme – pilot"), ("b:2", "Globex  renewal")]);
        assert_eq!(key(find(&q, "b:2")), ["b:2"]);
        assert_eq!(key(find(&q, "Acme – pilot")), ["a:1"]);
        assert_eq!(key(find(&q, "globex renewal")), ["b:2"]);
        assert!(matches!(find(&q, "A:1"), Found::One(_)));
    }

    #[test]
    fn a_name_used_twice_is_ambiguous() {
        let q = queue(&[("a:1", "Acme"), ("a:2", "Acme")]);
        assert!(matches!(find(&q, "Acme"), Found::Several(v) if v.len() == 2));
    }

    #[test]
    fn unknown_deals_list_close_matches() {
        let q = queue(&[
            ("a:1", "Acme – pilot"),
            ("b:2", "Globex renewal"),
            ("c:3", "Initech seats"),
        ]);
        assert!(matches!(find(&q, "Acme pilto"), Found::Nothing { .. }));
        assert_eq!(key(find(&q, "acme")), ["a:1"]);
        assert_eq!(key(find(&q, "Globx renewal")), ["b:2"]);
        assert_eq!(key(find(&q, "the renewal")), ["b:2"]);
        assert!(key(find(&q, "zzz")).is_empty());
    }

    #[test]
    fn edit_distance_counts_typos() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
