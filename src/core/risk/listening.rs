//! Listening to the buyer (playbook: "it's only a relationship if you listen"): what their
//! newest reply says, not only when it came. A question nobody answered, a "no", a contact who
//! left, and the rep conceding price nobody asked for.

use super::ReasonCode;
use super::{plural, Reason, Timeline};
use crate::core::date::Day;
use crate::core::listen::{concession, Heard};
use crate::core::model::Direction;
use crate::core::settings::Settings;

/// The buyer asked or requested something in their newest reply and nothing went back since:
/// the strongest "act now" fact there is. Points grow with each day they wait.
pub(super) fn buyer_waiting(t: &Timeline, s: &Settings, now: Day) -> Option<Reason> {
    let last = t.last_inbound?;
    if !t.streak.is_empty() {
        return None; // something went back since
    }
    let (quote, what) = t.last_heard.iter().find_map(|h| match h {
        Heard::Asked { quote } => Some((quote, "asked")),
        Heard::BuyingSignal { quote } => Some((quote, "wrote")),
        _ => None,
    })?;
    let days = now.days_since(last.day).max(0) as u32;
    let points = (s.buyer_waiting_points + s.buyer_waiting_points_per_day * days)
        .min(s.buyer_waiting_max_points);
    let ago = if days == 0 {
        "today".to_string()
    } else {
        format!("{} ago", plural(days as usize, "day", "days"))
    };
    Some(Reason {
        code: ReasonCode::BuyerWaiting,
        points,
        fact: format!(
            "They {what} on {} ({ago}) and nobody has answered: \u{201c}{quote}\u{201d}",
            last.day.short(now)
        ),
    })
}

/// Their newest reply is a no, or says they chose someone else.
pub(super) fn buyer_said_no(t: &Timeline, s: &Settings, now: Day) -> Option<Reason> {
    let last = t.last_inbound?;
    let quote = t.last_heard.iter().find_map(|h| match h {
        Heard::No { quote } => Some(quote),
        _ => None,
    })?;
    Some(Reason {
        code: ReasonCode::BuyerSaidNo,
        points: s.buyer_said_no_points,
        fact: format!(
            "Their last reply, on {}, says no: \u{201c}{quote}\u{201d}",
            last.day.short(now)
        ),
    })
}

/// A bounce or "no longer with the company" since their last reply: the champion is gone.
pub(super) fn champion_left(t: &Timeline, s: &Settings, now: Day) -> Option<Reason> {
    let (touch, replacement, quote) = t.automatic.iter().find_map(|(touch, heard)| {
        heard.iter().find_map(|h| match h {
            Heard::Left { replacement, quote } => Some((touch, replacement, quote)),
            _ => None,
        })
    })?;
    let next = match replacement {
        Some(name) => format!("; they name {name} as the person to talk to now"),
        None => "; find out who owns this now".to_string(),
    };
    Some(Reason {
        code: ReasonCode::ChampionLeft,
        points: s.champion_left_points,
        fact: format!(
            "On {} the reply said your contact is gone: \u{201c}{quote}\u{201d}{next}",
            touch.day.short(now)
        ),
    })
}

/// Price concessions we offered in the effort-balance window (the last 10 touches within 60
/// days) without the buyer pushing on price first (the buyer's previous reply): giving value
/// away teaches them to wait for more.
pub(super) fn rep_concessions(t: &Timeline, s: &Settings, now: Day) -> Option<Reason> {
    let mut offers = Vec::new();
    // The effort-balance window: the last 10 touches within 60 days.
    for (i, touch) in t
        .touches
        .iter()
        .enumerate()
        .take(s.balance_window_touches as usize)
    {
        if now.days_since(touch.day) > s.balance_window_days as i32 {
            break;
        }
        if touch.direction != Direction::Outbound {
            continue;
        }
        let Some(quote) = concession(&touch.subject, &touch.body) else {
            continue;
        };
        // The buyer's reply just before this touch (older, so later in the list).
        let prompted = (i + 1..t.touches.len())
            .find(|&j| t.touches[j].direction == Direction::Inbound)
            .is_some_and(|j| {
                t.heard_at(j)
                    .iter()
                    .any(|h| matches!(h, Heard::PricePush { .. }))
            });
        if !prompted {
            offers.push((touch.day, quote));
        }
    }
    if (offers.len() as u32) < s.concession_threshold.max(1) {
        return None;
    }
    let (day, quote) = &offers[0];
    Some(Reason {
        code: ReasonCode::RepConcessions,
        points: s.rep_concessions_points,
        fact: format!(
            "You offered a concession {} without being asked (latest {}: \u{201c}{quote}\u{201d})",
            plural(offers.len(), "time", "times"),
            day.short(now)
        ),
    })
}
