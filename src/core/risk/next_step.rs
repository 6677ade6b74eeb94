//! The next step: none recorded, or its date has passed.

use super::ReasonCode;
use super::{plural, Reason};
use crate::core::date::Day;
use crate::core::model::Deal;
use crate::core::settings::Settings;

pub(super) fn signal(deal: &Deal, s: &Settings, now: Day) -> Option<Reason> {
    match (&deal.next_step, deal.next_step_date) {
        (None, _) if deal.next_step_unknown => None,
        (None, _) => Some(Reason {
            code: ReasonCode::NoNextStep,
            points: s.no_next_step_points,
            fact: "No next step recorded on the deal".to_string(),
        }),
        (Some(step), Some(due)) if due < now => Some(Reason {
            code: ReasonCode::NextStepOverdue,
            points: s.next_step_overdue_points,
            fact: format!(
                "Next step \"{}\" was due {} ({} ago)",
                step,
                due.short(now),
                plural(now.days_since(due) as usize, "day", "days")
            ),
        }),
        _ => None,
    }
}
