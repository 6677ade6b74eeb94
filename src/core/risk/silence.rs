//! Ghosting (playbook idea 2): days since the buyer last moved the deal.

use super::{plural, Reason, Timeline};
use crate::core::date::Day;
use crate::core::settings::Settings;

pub(super) fn signal(t: &Timeline, s: &Settings, now: Day) -> Option<Reason> {
    let (since, what) = match t.last_inbound {
        Some(last) => (last.day, "Last reply or meeting with the buyer"),
        // Never answered: count from the first touch we can see.
        None => (
            t.touches.last()?.day,
            "No reply from the buyer at all; first touch shown",
        ),
    };
    let days = now.days_since(since).max(0) as u32;
    if days <= s.silence_start_days {
        return None;
    }
    let span = s
        .silence_full_days
        .saturating_sub(s.silence_start_days)
        .max(1);
    let over = (days - s.silence_start_days).min(span);
    let points = (s.silence_max_points * over).div_ceil(span);
    Some(Reason {
        code: "silence",
        points,
        fact: format!(
            "{what} was on {} ({} ago); silence counts after {}",
            since.short(now),
            plural(days as usize, "day", "days"),
            plural(s.silence_start_days as usize, "day", "days"),
        ),
    })
}
