//! The stall-risk assessment: a deal, the rep's notes and "now" in; a 0–100 stall risk with
//! reasons the rep can check out. One file per signal; this file adds them up.
//!
//! The score is a stall risk, never a win probability: it says how much this deal looks like
//! the stalls described in shared/PLAYBOOK.md, and every point comes with the fact behind it.

mod close_date;
mod followup;
mod reason;
mod silence;

use super::date::Day;
use super::model::{Deal, DealStatus, Direction, Touch};
use super::notes::Notes;
use super::settings::Settings;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Send something.
    Act,
    /// The ball is in their court: our last touch carried value and is recent.
    Wait,
    /// Bad-fit signals dominate: suggest letting it go.
    WalkAway,
    /// Paused on purpose until a date (the rep's snooze).
    Snoozed,
    /// Won or lost: never scored.
    Closed,
    /// Not a deal record page: never scored.
    NotADeal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Low,
    Watch,
    High,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

/// One reason behind the score: a fact the rep can check, with its evidence and threshold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// Stable code (`silence`, `follow_up_trap`, `no_reason`, `close_date_past`, …).
    pub code: &'static str,
    pub points: u32,
    pub fact: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub state: State,
    /// 0–100; `None` for closed deals and non-deal pages.
    pub stall_risk: Option<u8>,
    pub band: Option<Band>,
    /// Ordered by points, largest first.
    pub reasons: Vec<Reason>,
    pub confidence: Confidence,
    /// What the model could not see, in plain words.
    pub missing: Vec<String>,
    pub snoozed_until: Option<Day>,
    /// In the `wait` state: the first day to act again.
    pub act_from: Option<Day>,
}

impl Assessment {
    fn unscored(state: State) -> Assessment {
        Assessment {
            state,
            stall_risk: None,
            band: None,
            reasons: Vec::new(),
            confidence: Confidence::High,
            missing: Vec::new(),
            snoozed_until: None,
            act_from: None,
        }
    }
}

/// What the timeline says, computed once for all signals.
pub(crate) struct Timeline<'a> {
    /// Touches between the two sides (notes and tasks left out), newest first.
    pub touches: Vec<&'a Touch>,
    pub last_inbound: Option<&'a Touch>,
    /// Outbound touches newer than the last inbound one (all of them if there is none).
    pub streak: Vec<&'a Touch>,
}

impl<'a> Timeline<'a> {
    fn new(deal: &'a Deal) -> Timeline<'a> {
        let touches: Vec<&Touch> = deal
            .touches_newest_first()
            .into_iter()
            .filter(|t| t.direction != Direction::Internal)
            .collect();
        let last_inbound = touches
            .iter()
            .copied()
            .find(|t| t.direction == Direction::Inbound);
        let streak = touches
            .iter()
            .copied()
            .take_while(|t| t.direction == Direction::Outbound)
            .collect();
        Timeline {
            touches,
            last_inbound,
            streak,
        }
    }
}

pub fn band_of(risk: u8) -> Band {
    match risk {
        0..=34 => Band::Low,
        35..=64 => Band::Watch,
        _ => Band::High,
    }
}

/// Assesses a deal. `deal` is `None` on a page that is not a deal record.
pub fn assess(deal: Option<&Deal>, notes: &Notes, settings: &Settings, now: Day) -> Assessment {
    let Some(deal) = deal else {
        return Assessment::unscored(State::NotADeal);
    };
    if deal.status != DealStatus::Open {
        return Assessment::unscored(State::Closed);
    }
    let timeline = Timeline::new(deal);
    let snoozed_until = notes.snooze_until.filter(|until| *until > now);

    let mut reasons: Vec<Reason> = Vec::new();
    // While snoozed, silence and the follow-up streak are expected: they do not count.
    if snoozed_until.is_none() {
        reasons.extend(silence::signal(&timeline, settings, now));
        reasons.extend(followup::signal(&timeline, settings, now));
    }
    reasons.extend(reason::signal(notes, settings));
    reasons.extend(close_date::signal(deal, settings, now));
    reasons.retain(|r| r.points > 0);
    // Largest contribution first; ties keep the signal order above.
    reasons.sort_by(|a, b| b.points.cmp(&a.points));

    let mut missing = Vec::new();
    match &deal.touches {
        None => missing.push("the activity timeline (not visible on this page)".to_string()),
        Some(t) if t.is_empty() => missing.push("any logged activity".to_string()),
        Some(_) => {}
    }
    if deal.close_date.is_none() {
        missing.push("a close date".to_string());
    }
    if notes.reason.is_none() {
        missing.push("your notes on why they want this".to_string());
    }
    let confidence = match &deal.touches {
        None => Confidence::Low,
        Some(t) if t.is_empty() => Confidence::Medium,
        Some(_) if deal.close_date.is_none() => Confidence::Medium,
        Some(_) => Confidence::High,
    };

    let total: u32 = reasons.iter().map(|r| r.points).sum();
    let risk = total.min(100) as u8;
    Assessment {
        state: if snoozed_until.is_some() {
            State::Snoozed
        } else {
            State::Act
        },
        stall_risk: Some(risk),
        band: Some(band_of(risk)),
        reasons,
        confidence,
        missing,
        snoozed_until,
        act_from: None,
    }
}

/// "1 email", "4 emails": small helper for facts.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests;
