//! Stage age: days in the current stage against the norm the rep set for it.

use super::ReasonCode;
use super::{plural, Reason};
use crate::core::date::Day;
use crate::core::model::Deal;
use crate::core::phrases::normalize;
use crate::core::settings::Settings;

/// The norm for a stage: its own (`own_norm`), else the default.
pub fn norm_days(stage: &str, s: &Settings) -> u32 {
    own_norm(stage, s).unwrap_or(s.stage_norm_default_days)
}

/// The norm the rep set for this stage, matching names case- and punctuation-insensitively;
/// `None` when the stage uses the default.
pub fn own_norm(stage: &str, s: &Settings) -> Option<u32> {
    // The usual case is the same spelling; normalise only when that finds nothing.
    if let Some((_, days)) = s
        .stage_norms
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(stage))
    {
        return Some(*days);
    }
    let want = normalize(stage);
    s.stage_norms
        .iter()
        .find(|(name, _)| normalize(name) == want)
        .map(|(_, days)| *days)
}

pub(super) fn signal(deal: &Deal, s: &Settings, now: Day) -> Option<Reason> {
    let stage = deal.stage.as_deref()?;
    let entered = deal.stage_entered?;
    let days = now.days_since(entered).max(0) as u32;
    let norm = norm_days(stage, s).max(1);
    if days <= norm {
        return None;
    }
    let over = (days - norm).min(norm);
    let range = s
        .stage_age_max_points
        .saturating_sub(s.stage_age_min_points);
    let points = s.stage_age_min_points + (range * over).div_ceil(norm);
    Some(Reason {
        code: ReasonCode::StageAge,
        points,
        fact: format!(
            "In {stage} for {}; the norm for this stage is {}",
            plural(days as usize, "day", "days"),
            plural(norm as usize, "day", "days")
        ),
    })
}
