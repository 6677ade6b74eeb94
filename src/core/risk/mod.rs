//! The stall-risk assessment: a deal, the rep's notes and "now" in; a 0–100 stall risk with
//! reasons the rep can check out. One file per signal; this file adds them up.
//!
//! The score is a stall risk, never a win probability: it says how much this deal looks like
//! the stalls described in shared/PLAYBOOK.md, and every point comes with the fact behind it.

mod balance;
mod channel;
mod close_date;
mod code;
mod deadline;
mod fit;
mod followup;
mod next_step;
mod reason;
mod silence;
mod stage_age;

pub use code::ReasonCode;

use super::date::Day;
use super::model::{Deal, DealStatus, Direction};
use super::notes::Notes;
use super::settings::Settings;
pub(crate) use super::timeline::Timeline;
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
    /// Which signal gave it (`silence`, `follow_up_trap`, `no_reason`, …).
    pub code: ReasonCode,
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
    /// The reason to show when there is room for one: the largest, and on a tie one about the
    /// deal itself rather than the missing note (`assess` already lists ties that way; the
    /// rule is kept here so every caller gets the same answer whatever built the list).
    pub fn top_reason(&self) -> Option<&Reason> {
        let top = self.reasons.first()?;
        self.reasons
            .iter()
            .take_while(|r| r.points == top.points)
            .find(|r| r.code != ReasonCode::NoReason)
            .or(Some(top))
    }

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

/// Orders items for triage: the highest stall risk first, unscored ones (closed deals,
/// unreadable rows) last; equal risks keep their order (page order, file order). The list
/// panel and the command line both rank with this.
pub fn riskiest_first<T>(items: &mut [T], stall_risk: impl Fn(&T) -> Option<u8>) {
    items.sort_by_key(|x| match stall_risk(x) {
        Some(risk) => (0, std::cmp::Reverse(risk)),
        None => (1, std::cmp::Reverse(0)),
    });
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
    match deal {
        Some(d) => assess_with(d, &Timeline::new(d, settings), notes, settings, now),
        None => Assessment::unscored(State::NotADeal),
    }
}

/// Assesses a deal whose timeline facts are already computed (shared with the message).
pub(crate) fn assess_with(
    deal: &Deal,
    timeline: &Timeline,
    notes: &Notes,
    settings: &Settings,
    now: Day,
) -> Assessment {
    if deal.status != DealStatus::Open {
        return Assessment::unscored(State::Closed);
    }
    let s = settings;
    let snoozed_until = notes.snooze_until.filter(|until| *until > now);

    let mut reasons: Vec<Reason> = Vec::new();
    // While snoozed, silence and chasing are expected: those signals wait for the resume date.
    if snoozed_until.is_none() {
        reasons.extend(silence::signal(deal, timeline, s, now));
        reasons.extend(deadline::signal(deal, notes, timeline, s, now));
        reasons.extend(followup::signal(timeline, s, now));
        reasons.extend(balance::signal(timeline, s, now));
    }
    reasons.extend(channel::signals(notes, timeline, s, now));
    reasons.extend(close_date::signals(deal, s, now));
    reasons.extend(stage_age::signal(deal, s, now));
    reasons.extend(next_step::signal(deal, s, now));
    let fit = fit::signals(notes, timeline, s, now);
    let fit_points: u32 = fit.iter().map(|r| r.points).sum();
    reasons.extend(fit);
    // Last, so that on equal points a fact about the deal is listed before the missing note.
    reasons.extend(reason::signal(notes, s));
    reasons.retain(|r| r.points > 0);
    // Largest contribution first; ties keep the signal order above.
    reasons.sort_by_key(|r| std::cmp::Reverse(r.points));

    let total: u32 = reasons.iter().map(|r| r.points).sum();
    let risk = total.min(100) as u8;
    let act_from = wait_until(timeline, s, now);
    let state = if snoozed_until.is_some() {
        State::Snoozed
    } else if fit_points >= s.walk_away_fit_points {
        State::WalkAway
    } else if act_from.is_some() {
        State::Wait
    } else {
        State::Act
    };
    let (confidence, missing) = what_was_missing(deal, notes);
    Assessment {
        state,
        stall_risk: Some(risk),
        band: Some(band_of(risk)),
        reasons,
        confidence,
        missing,
        snoozed_until,
        act_from: if state == State::Wait { act_from } else { None },
    }
}

/// The ball is in their court when our last touch carried something, is recent, and is our
/// only touch since they last replied. Returns the first day to act again.
fn wait_until(t: &Timeline, s: &Settings, now: Day) -> Option<Day> {
    let last = t.touches.first()?;
    if last.direction != Direction::Outbound || t.streak.len() != 1 {
        return None;
    }
    let empty = last.subject.trim().is_empty() && last.body.trim().is_empty();
    if empty || t.content_free(0).is_some() {
        return None;
    }
    let age = now.days_since(last.day);
    (age >= 0 && age as u32 <= s.wait_days).then(|| last.day.plus(s.wait_days as i32 + 1))
}

/// The `missing` entry for notes without a reason (also a reason of its own: `no_reason`).
pub const MISSING_NOTES: &str = "your notes on why they want this";

fn what_was_missing(deal: &Deal, notes: &Notes) -> (Confidence, Vec<String>) {
    let mut missing = Vec::new();
    match (&deal.touches, deal.last_inbound) {
        (None, None) => missing.push("the activity timeline (none was visible)".into()),
        (None, Some(_)) => {
            missing.push("the activity timeline (only the last reply date is known)".into())
        }
        (Some(t), _) if t.is_empty() => missing.push("any logged activity".into()),
        _ => {}
    }
    if deal.close_date.is_none() {
        missing.push("a close date".into());
    }
    if notes.reason.is_none() {
        missing.push(MISSING_NOTES.into());
    }
    let confidence = match (&deal.touches, deal.last_inbound) {
        (None, None) => Confidence::Low,
        (None, Some(_)) => Confidence::Medium,
        (Some(t), _) if t.is_empty() || deal.close_date.is_none() => Confidence::Medium,
        _ => Confidence::High,
    };
    (confidence, missing)
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
