//! The buyer's own deadline (playbook idea 2): silence matters more as their date nears.

use super::ReasonCode;
use super::{plural, silence, Reason, Timeline};
use crate::core::date::Day;
use crate::core::model::Deal;
use crate::core::notes::Notes;
use crate::core::settings::Settings;

pub(super) fn signal(
    deal: &Deal,
    notes: &Notes,
    t: &Timeline,
    s: &Settings,
    now: Day,
) -> Option<Reason> {
    let deadline = notes.deadline?;
    let (since, _) = silence::silent_since(deal, t, now)?;
    let silent = now.days_since(since).max(0) as u32;
    if silent <= silence::start_days(t, s) {
        return None;
    }
    let left = deadline.days_since(now);
    // The closer their own date, the more a silence costs: within the urgent days it is enough
    // for "high" on its own (docs/scoring.md).
    let away = || format!("is {} away", plural(left as usize, "day", "days"));
    let (points, when) = if left < 0 {
        (
            s.deadline_passed_points,
            format!("passed {} ago", plural((-left) as usize, "day", "days")),
        )
    } else if left as u32 <= s.deadline_urgent_days {
        (s.deadline_urgent_points, away())
    } else if left as u32 <= s.deadline_soon_days {
        (s.deadline_soon_points, away())
    } else if left as u32 <= s.deadline_window_days {
        (s.deadline_near_points, away())
    } else {
        return None;
    };
    Some(Reason {
        code: ReasonCode::Deadline,
        points,
        fact: format!(
            "Their own deadline, {}, {when}, and they have been silent for {}",
            deadline.short(now),
            plural(silent as usize, "day", "days")
        ),
    })
}
