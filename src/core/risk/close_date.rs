//! Closing dates that keep moving (playbook idea 9): a close date in the past on an open deal.

use super::{plural, Reason};
use crate::core::date::Day;
use crate::core::model::Deal;
use crate::core::settings::Settings;

pub(super) fn signal(deal: &Deal, s: &Settings, now: Day) -> Option<Reason> {
    let close = deal.close_date?;
    let overdue = now.days_since(close);
    if overdue <= 0 {
        return None;
    }
    Some(Reason {
        code: "close_date_past",
        points: s.past_due_points,
        fact: format!(
            "Close date {} passed {} ago and the deal is still open",
            close.short(now),
            plural(overdue as usize, "day", "days")
        ),
    })
}
