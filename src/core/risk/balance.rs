//! Effort balance, 51/49 (playbook idea 5): the rep's share of the recent touches.

use super::ReasonCode;
use super::{Reason, Timeline};
use crate::core::date::Day;
use crate::core::model::Direction;
use crate::core::settings::Settings;

pub(super) fn signal(t: &Timeline, s: &Settings, now: Day) -> Option<Reason> {
    let window: Vec<_> = t
        .touches
        .iter()
        .filter(|x| now.days_since(x.day) <= s.balance_window_days as i32)
        .take(s.balance_window_touches as usize)
        .collect();
    let total = window.len() as u32;
    if total < s.balance_min_touches.max(1) {
        return None;
    }
    let ours = window
        .iter()
        .filter(|x| x.direction == Direction::Outbound)
        .count() as u32;
    let share = ours * 100 / total;
    if share < s.balance_start_percent {
        return None;
    }
    let span = s
        .balance_full_percent
        .saturating_sub(s.balance_start_percent)
        .max(1);
    let over = (share - s.balance_start_percent).min(span);
    // At the start share itself the imbalance is already real: at least one point.
    let points = (s.balance_max_points * over).div_ceil(span).max(1);
    Some(Reason {
        code: ReasonCode::EffortBalance,
        points,
        fact: format!(
            "You made {ours} of the last {total} touches ({share}%); healthy is at most about half"
        ),
    })
}
