//! The follow-up trap (playbook idea 1): our touches in a row since the buyer last replied,
//! weighted up when they carry nothing for the buyer.

use super::ReasonCode;
use super::{plural, Reason, Timeline};
use crate::core::date::Day;
use crate::core::model::Channel;
use crate::core::settings::Settings;

pub(super) fn signal(t: &Timeline, s: &Settings, now: Day) -> Option<Reason> {
    let n = t.streak.len() as u32;
    if n < s.streak_start {
        return None;
    }
    // The streak is the newest touches, so its indices are 0..n in `t.touches`.
    let content_free: Vec<&str> = (0..t.streak.len())
        .filter_map(|i| t.content_free(i))
        .collect();
    let points = ((n - s.streak_start + 1) * s.streak_points_per_touch
        + content_free.len() as u32 * s.content_free_extra_points)
        .min(s.streak_max_points);
    let noun = if t.streak.iter().all(|x| x.channel == Channel::Email) {
        ("email", "emails")
    } else {
        ("touch", "touches")
    };
    let since = match t.last_inbound {
        Some(last) => format!(
            "since their last reply on {} ({} ago)",
            last.day.short(now),
            plural(now.days_since(last.day).max(0) as usize, "day", "days")
        ),
        None => "with no reply yet".to_string(),
    };
    let free = if content_free.is_empty() {
        String::new()
    } else {
        format!(
            ", {} content-free (\"{}\")",
            content_free.len(),
            content_free[0]
        )
    };
    Some(Reason {
        code: ReasonCode::FollowUpTrap,
        points,
        fact: format!(
            "{} from you {since}{free}; the trap starts at {}",
            plural(n as usize, noun.0, noun.1),
            s.streak_start
        ),
    })
}
