//! Closing dates that keep moving (playbook idea 9): past due on an open deal, or pushed back.

use super::ReasonCode;
use super::{plural, Reason};
use crate::core::date::Day;
use crate::core::model::Deal;
use crate::core::settings::Settings;

/// Moves of the close date to a later date: the history runs oldest first, then today's date.
pub(super) fn pushes(deal: &Deal) -> u32 {
    let history: Vec<Day> = deal
        .previous_close_dates
        .iter()
        .copied()
        .chain(deal.close_date)
        .collect();
    history.windows(2).filter(|w| w[1] > w[0]).count() as u32
}

pub(super) fn signals(deal: &Deal, s: &Settings, now: Day) -> Vec<Reason> {
    let mut out = Vec::new();
    let Some(close) = deal.close_date else {
        return out;
    };
    let overdue = now.days_since(close);
    if overdue > 0 {
        out.push(Reason {
            code: ReasonCode::CloseDatePast,
            points: s.past_due_points,
            fact: format!(
                "Close date {} passed {} ago and the deal is still open",
                close.short(now),
                plural(overdue as usize, "day", "days")
            ),
        });
    }
    let pushes = pushes(deal);
    let first = deal.previous_close_dates.first().copied().unwrap_or(close);
    // One slip is common (a third or more of deals slip); repeated pushes are the signal.
    if pushes >= s.close_push_min.max(1) {
        let slipped = close.days_since(first).max(0);
        out.push(Reason {
            code: ReasonCode::CloseDatePushed,
            points: (s.close_push_points * pushes).min(s.close_push_max_points),
            fact: format!(
                "Close date moved later {}, {} in all (from {} to {})",
                plural(pushes as usize, "time", "times"),
                plural(slipped as usize, "day", "days"),
                first.short(now),
                close.short(now)
            ),
        });
    }
    out
}
