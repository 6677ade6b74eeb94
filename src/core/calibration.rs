//! Proposals from the rep's corrections: when the rep has said the same reason "doesn't apply"
//! on several deals, at sizes just past its threshold, the options page proposes the threshold
//! that would have kept it quiet, with the evidence. Nothing changes until the rep accepts; an
//! ignored proposal is not made again (until the evidence proposes another value).

use super::correction::Said;
use super::notes::Notes;
use super::risk::ReasonCode;
use super::settings::Settings;
use serde::Serialize;

/// Deals on which the rep must have dismissed a reason before a change is proposed: one or two
/// could be the deals' own story; five alike are a pattern in how this rep sells.
pub const MIN_DEALS: usize = 5;

/// The reasons with one threshold a correction can speak to: the setting, whether the reason
/// fires *past* the threshold (silence: more days than it) or *at* it (a streak or a count of
/// pushes that reaches it), and how a size is said.
struct Tunable {
    code: ReasonCode,
    setting: &'static str,
    /// The threshold's field in the settings.
    field: fn(&mut Settings) -> &mut u32,
    fires_past: bool,
    unit: &'static str,
    question: &'static str,
}

const TUNABLES: [Tunable; 3] = [
    Tunable {
        code: ReasonCode::Silence,
        setting: "silence_start_days",
        field: |s| &mut s.silence_start_days,
        fires_past: true,
        unit: "days",
        question: "Count silence only after {to} days (now {from})?",
    },
    Tunable {
        code: ReasonCode::FollowUpTrap,
        setting: "streak_start",
        field: |s| &mut s.streak_start,
        fires_past: false,
        unit: "messages in a row",
        question: "Start the follow-up trap at {to} messages in a row (now {from})?",
    },
    Tunable {
        code: ReasonCode::CloseDatePushed,
        setting: "close_push_min",
        field: |s| &mut s.close_push_min,
        fires_past: false,
        unit: "pushes",
        question: "Count close-date pushes from {to} (now {from})?",
    },
];

/// One proposed change, with what it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    /// `silence_start_days=11`: what "ignore" remembers.
    pub id: String,
    pub setting: &'static str,
    pub from: u32,
    pub to: u32,
    pub code: ReasonCode,
    /// The deals it rests on.
    pub deals: usize,
    /// "You said “buyer silence” didn't apply on 6 deals, at 8–11 days."
    pub evidence: String,
    /// "Count silence only after 11 days (now 7)?"
    pub question: String,
}

/// The proposals `notes` (every deal's) support under `settings`: for each tunable reason, the
/// sizes at which the rep said it doesn't apply, past the current threshold. Proposed when at
/// least `MIN_DEALS` deals agree and the change at most doubles the threshold (a dismissal far
/// past it is about that deal, not the threshold), and not ignored before.
pub fn proposals<'a>(
    notes: impl IntoIterator<Item = &'a Notes>,
    settings: &Settings,
) -> Vec<Proposal> {
    let all: Vec<&Notes> = notes.into_iter().collect();
    let mut out = Vec::new();
    // The fields are read through the same accessor `accepted` writes through.
    let mut probe = settings.clone();
    for t in &TUNABLES {
        let from = *(t.field)(&mut probe);
        // The sizes at which the reason still fires now, one per deal.
        let sizes: Vec<u32> = all
            .iter()
            .filter_map(|n| {
                n.corrections
                    .iter()
                    .find(|c| c.code == t.code && c.said == Said::NotThisDeal)
                    .and_then(|c| c.measure)
            })
            .filter(|m| if t.fires_past { *m > from } else { *m >= from })
            .collect();
        if sizes.len() < MIN_DEALS {
            continue;
        }
        let (low, high) = (
            sizes.iter().min().copied().unwrap_or(0),
            sizes.iter().max().copied().unwrap_or(0),
        );
        let to = if t.fires_past { high } else { high + 1 };
        if to > from.max(1) * 2 {
            continue;
        }
        let id = format!("{}={to}", t.setting);
        if settings.ignored_proposals.contains(&id) {
            continue;
        }
        let range = if low == high {
            format!("{low}")
        } else {
            format!("{low}\u{2013}{high}")
        };
        out.push(Proposal {
            evidence: format!(
                "You said \u{201c}{}\u{201d} didn't apply on {} deals, at {range} {}.",
                t.code.label(),
                sizes.len(),
                t.unit
            ),
            question: t
                .question
                .replace("{to}", &to.to_string())
                .replace("{from}", &from.to_string()),
            id,
            setting: t.setting,
            from,
            to,
            code: t.code,
            deals: sizes.len(),
        });
    }
    out
}

/// The settings after the rep accepts proposal `id` (its setting set to its value), or `None`
/// when no such proposal stands now.
pub fn accepted<'a>(
    id: &str,
    notes: impl IntoIterator<Item = &'a Notes>,
    settings: &Settings,
) -> Option<Settings> {
    let p = proposals(notes, settings)
        .into_iter()
        .find(|p| p.id == id)?;
    let t = TUNABLES.iter().find(|t| t.setting == p.setting)?;
    let mut s = settings.clone();
    *(t.field)(&mut s) = p.to;
    // The silence's full points stay at least as far past its new start.
    if s.silence_full_days <= s.silence_start_days {
        s.silence_full_days = s.silence_start_days + 1;
    }
    Some(s)
}

/// The settings after the rep ignores proposal `id`: not proposed again.
pub fn ignored(id: &str, settings: &Settings) -> Settings {
    let mut s = settings.clone();
    if !s.ignored_proposals.iter().any(|i| i == id) && id.len() <= 80 {
        s.ignored_proposals.push(id.to_string());
        // Kept short: the oldest ignores go first.
        let over = s.ignored_proposals.len().saturating_sub(50);
        s.ignored_proposals.drain(..over);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::correction::Correction;
    use crate::core::date::Day;

    fn dismissed(code: ReasonCode, measure: u32) -> Notes {
        Notes {
            corrections: vec![Correction {
                code,
                said: Said::NotThisDeal,
                day: None,
                on: Day::from_ymd(2026, 12, 1).unwrap(),
                basis: String::new(),
                measure: Some(measure),
            }],
            ..Notes::default()
        }
    }

    fn silence(sizes: &[u32]) -> Vec<Notes> {
        sizes
            .iter()
            .map(|m| dismissed(ReasonCode::Silence, *m))
            .collect()
    }

    #[test]
    fn six_deals_dismissed_at_8_to_11_days_propose_silence_after_11() {
        let s = Settings::default();
        let notes = silence(&[8, 9, 11, 10, 8, 9]);
        let p = proposals(&notes, &s);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].id, "silence_start_days=11");
        assert_eq!(
            p[0].evidence,
            "You said \u{201c}buyer silence\u{201d} didn't apply on 6 deals, at 8\u{2013}11 days."
        );
        assert_eq!(p[0].question, "Count silence only after 11 days (now 7)?");
        let after = accepted(&p[0].id, &notes, &s).unwrap();
        assert_eq!(after.silence_start_days, 11);
        assert!(
            proposals(&notes, &after).is_empty(),
            "nothing left to propose"
        );
    }

    #[test]
    fn too_few_or_too_spread_or_ignored_proposes_nothing() {
        let s = Settings::default();
        assert!(
            proposals(&silence(&[8, 9, 10, 11]), &s).is_empty(),
            "4 deals"
        );
        assert!(
            proposals(&silence(&[8, 9, 10, 11, 40]), &s).is_empty(),
            "40 days: that deal's story"
        );
        assert!(
            proposals(&silence(&[3, 5, 6, 7, 7, 9]), &s).is_empty(),
            "only one past the threshold"
        );
        let ignored = ignored("silence_start_days=11", &s);
        assert!(proposals(&silence(&[8, 9, 11, 10, 8]), &ignored).is_empty());
        // More evidence proposing another value is proposed again.
        assert_eq!(proposals(&silence(&[8, 9, 12, 10, 8]), &ignored).len(), 1);
    }

    #[test]
    fn a_reply_or_a_handled_reason_is_no_evidence_against_a_threshold() {
        let s = Settings::default();
        let mut notes = silence(&[8, 9, 11, 10, 8]);
        for n in &mut notes {
            n.corrections[0].said = Said::Replied;
        }
        assert!(proposals(&notes, &s).is_empty());
    }

    #[test]
    fn pushes_and_streaks_are_proposed_one_past_the_largest_dismissed() {
        let s = Settings::default();
        let notes: Vec<Notes> = [2, 2, 3, 2, 3]
            .iter()
            .map(|m| dismissed(ReasonCode::CloseDatePushed, *m))
            .collect();
        let p = proposals(&notes, &s);
        assert_eq!((p[0].setting, p[0].to), ("close_push_min", 4));
        let notes: Vec<Notes> = [2, 3, 2, 2, 3]
            .iter()
            .map(|m| dismissed(ReasonCode::FollowUpTrap, *m))
            .collect();
        let p = proposals(&notes, &s);
        assert_eq!((p[0].setting, p[0].to), ("streak_start", 4));
        assert_eq!(
            accepted("streak_start=9", &notes, &s),
            None,
            "not a standing proposal"
        );
    }
}
