//! Ghosting (playbook idea 2): days since the buyer last moved the deal, measured against the
//! deal's own rhythm.

use super::ReasonCode;
use super::{plural, Reason, Timeline};
use crate::core::date::Day;
use crate::core::listen::Heard;
use crate::core::model::Deal;
use crate::core::settings::Settings;

/// When the buyer's silence starts counting: the setting, or 1.5× their usual gap when longer.
pub(super) fn start_days(t: &Timeline, s: &Settings) -> u32 {
    match t.rhythm {
        Some(rhythm) => s.silence_start_days.max((rhythm * 3).div_ceil(2)),
        None => s.silence_start_days,
    }
}

/// The day the silence is measured from, and how to say it. When their last reply asked us to
/// come back later and that day has come, the silence counts from it: the pause was theirs.
pub(super) fn silent_since(deal: &Deal, t: &Timeline, now: Day) -> Option<(Day, String)> {
    match t.last_inbound {
        Some(last) => Some(match resumed_on(t, now) {
            Some(from) => (
                from,
                format!(
                    "They asked you on {} to come back later: the day they named",
                    last.day.short(now)
                ),
            ),
            None => (last.day, "Last reply or meeting with the buyer".to_string()),
        }),
        None if deal.last_inbound.is_some() => deal
            .last_inbound
            .map(|d| (d, "Last reply from the buyer (per the export)".to_string())),
        // Never answered: count from the first touch we can see.
        None => t.touches.last().map(|first| {
            (
                first.day,
                "No reply from the buyer at all; first touch shown".to_string(),
            )
        }),
    }
}

/// The first day to come back that the buyer's last reply named, once it has come (a day still
/// ahead is a wait, not silence).
pub(crate) fn resumed_on(t: &Timeline, now: Day) -> Option<Day> {
    let last = t.last_inbound?;
    t.last_heard.iter().find_map(|h| match h {
        Heard::Resume { from: Some(d), .. } if *d <= now && *d > last.day => Some(*d),
        _ => None,
    })
}

pub(super) fn signal(deal: &Deal, t: &Timeline, s: &Settings, now: Day) -> Option<Reason> {
    let (since, what) = silent_since(deal, t, now)?;
    let days = now.days_since(since).max(0) as u32;
    let start = start_days(t, s);
    if days <= start {
        return None;
    }
    let span = s
        .silence_full_days
        .saturating_sub(s.silence_start_days)
        .max(1);
    let over = (days - start).min(span);
    let points = (s.silence_max_points * over).div_ceil(span);
    let rhythm = if start > s.silence_start_days {
        format!(" (1.5× their usual {}-day rhythm)", start * 2 / 3)
    } else {
        String::new()
    };
    Some(Reason {
        code: ReasonCode::Silence,
        points,
        fact: format!(
            "{what} was on {} ({} ago); silence counts after {}{rhythm}",
            since.short(now),
            plural(days as usize, "day", "days"),
            plural(start as usize, "day", "days"),
        ),
    })
}
