//! The follow-up trap (playbook idea 1): our touches in a row since the buyer last replied,
//! weighted up when they carry nothing for the buyer.

use super::ReasonCode;
use super::{plural, Reason, Timeline};
use crate::core::date::Day;
use crate::core::model::Channel;
use crate::core::settings::Settings;

pub(super) fn signal(t: &Timeline, s: &Settings, now: Day) -> Option<Reason> {
    // When their last reply asked for something, our first touch after it delivered what they
    // asked for: an answer, not a chase, so it does not count toward the trap.
    let asked = t.last_heard.iter().any(|h| {
        matches!(
            h,
            crate::core::listen::Heard::Asked { .. }
                | crate::core::listen::Heard::BuyingSignal { .. }
        )
    });
    // The answer is the oldest touch of the streak; a content-free one answered nothing.
    let oldest = t.streak.len().checked_sub(1);
    let delivered = oldest.is_some_and(|i| {
        let x = t.touches[i];
        t.content_free(i).is_none() && !(x.subject.trim().is_empty() && x.body.trim().is_empty())
    });
    let chasing = if asked && delivered {
        t.streak.len() - 1
    } else {
        t.streak.len()
    };
    let n = chasing as u32;
    if n < s.streak_start {
        return None;
    }
    // The streak is the newest touches, so its indices are 0..n in `t.touches` (the answer to
    // their request, when there is one, is the oldest of them and is left out).
    let content_free: Vec<&str> = (0..chasing).filter_map(|i| t.content_free(i)).collect();
    let points = ((n - s.streak_start + 1) * s.streak_points_per_touch
        + content_free.len() as u32 * s.content_free_extra_points)
        .min(s.streak_max_points);
    let noun = if t.streak[..chasing]
        .iter()
        .all(|x| x.channel == Channel::Email)
    {
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
    let answered = if asked && delivered {
        " after answering their request"
    } else {
        ""
    };
    Some(Reason {
        code: ReasonCode::FollowUpTrap,
        points,
        fact: format!(
            "{} from you {since}{answered}{free}; the trap starts at {}",
            plural(n as usize, noun.0, noun.1),
            s.streak_start
        ),
    })
}
