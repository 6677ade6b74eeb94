//! Closing dates that keep moving (playbook idea 9): past due on an open deal, or pushed back.

use super::ReasonCode;
use super::{plural, Reason};
use crate::core::date::Day;
use crate::core::model::Deal;
use crate::core::settings::Settings;

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
    // Each move to a later date is a push; the history runs oldest first, then today's date.
    let history: Vec<Day> = deal
        .previous_close_dates
        .iter()
        .copied()
        .chain(std::iter::once(close))
        .collect();
    let pushes = history.windows(2).filter(|w| w[1] > w[0]).count() as u32;
    if pushes > 0 {
        let first = history[0];
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
