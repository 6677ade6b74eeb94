//! Not all money is good money (playbook idea 7): signs of a needy, unprofitable buyer. Their
//! points drive the `walk_away` state, not just the score.

use super::{plural, Reason, Timeline};
use crate::core::date::Day;
use crate::core::model::Direction;
use crate::core::notes::Notes;
use crate::core::phrases::normalize;
use crate::core::settings::Settings;

/// Words that mark a quote or proposal in a subject line.
const QUOTE_WORDS: &[&str] = &[
    "quote",
    "quotation",
    "proposal",
    "pricing",
    "price",
    "estimate",
    "offer",
    "sow",
];

/// Ways buyers ask for a lower price.
const DISCOUNT_PHRASES: &[&str] = &[
    "discount",
    "cheaper",
    "lower price",
    "lower the price",
    "better price",
    "best price",
    "price match",
    "reduce the price",
    "knock off",
    "come down on price",
    "off the price",
];

pub(super) fn signals(notes: &Notes, t: &Timeline, s: &Settings, now: Day) -> Vec<Reason> {
    [
        short_replies(t, s),
        resent_quote(t, s),
        discounts(t, s, now),
        tags(notes, s),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn short_replies(t: &Timeline, s: &Settings) -> Option<Reason> {
    // The buyer's last three replies with text, oldest first.
    let mut replies: Vec<usize> = t
        .touches
        .iter()
        .filter(|x| x.direction == Direction::Inbound && !x.body.trim().is_empty())
        .take(3)
        .map(|x| x.body.trim().chars().count())
        .collect();
    if replies.len() < 3 {
        return None;
    }
    replies.reverse();
    let shrinking = replies.windows(2).all(|w| w[1] < w[0]);
    if !shrinking || replies[2] >= s.short_reply_chars as usize {
        return None;
    }
    Some(Reason {
        code: "fit_short_replies",
        points: s.fit_short_replies_points,
        fact: format!(
            "Their last 3 replies shrank: {}, {}, then {} characters",
            replies[0], replies[1], replies[2]
        ),
    })
}

/// A subject without reply/forward prefixes, for spotting the same quote sent again.
fn base_subject(subject: &str) -> String {
    let mut s = normalize(subject);
    loop {
        let trimmed = [" re ", " fw ", " fwd ", " resending ", " resent "]
            .iter()
            .find_map(|p| s.strip_prefix(p).map(|rest| format!(" {rest}")));
        match trimmed {
            Some(rest) => s = rest,
            None => return s,
        }
    }
}

fn resent_quote(t: &Timeline, s: &Settings) -> Option<Reason> {
    let mut counts: Vec<(String, String, u32)> = Vec::new();
    for touch in t
        .touches
        .iter()
        .filter(|x| x.direction == Direction::Outbound)
    {
        let base = base_subject(&touch.subject);
        if !QUOTE_WORDS.iter().any(|w| base.contains(&format!(" {w} "))) {
            continue;
        }
        match counts.iter_mut().find(|(b, _, _)| *b == base) {
            Some(entry) => entry.2 += 1,
            None => counts.push((base, touch.subject.trim().to_string(), 1)),
        }
    }
    let (_, subject, n) = counts.into_iter().max_by_key(|(_, _, n)| *n)?;
    if n < s.resend_threshold {
        return None;
    }
    Some(Reason {
        code: "fit_resent_quote",
        points: s.fit_resent_quote_points,
        fact: format!(
            "You sent \"{subject}\" {}; re-sending the same quote teaches them to wait",
            plural(n as usize, "time", "times")
        ),
    })
}

fn discounts(t: &Timeline, s: &Settings, now: Day) -> Option<Reason> {
    let asks: Vec<Day> = t
        .touches
        .iter()
        .filter(|x| x.direction == Direction::Inbound)
        .filter(|x| {
            let text = normalize(&format!("{} {}", x.subject, x.body));
            DISCOUNT_PHRASES
                .iter()
                .any(|p| text.contains(&format!(" {p}")))
        })
        .map(|x| x.day)
        .collect();
    if (asks.len() as u32) < s.discount_threshold.max(1) {
        return None;
    }
    Some(Reason {
        code: "fit_discount",
        points: s.fit_discount_points,
        fact: format!(
            "They asked for a lower price in {} (latest {})",
            plural(asks.len(), "touch", "touches"),
            asks[0].short(now)
        ),
    })
}

fn tags(notes: &Notes, s: &Settings) -> Option<Reason> {
    let bad: Vec<&str> = notes
        .tags
        .iter()
        .filter(|t| s.bad_fit_tags.iter().any(|b| normalize(b) == normalize(t)))
        .map(String::as_str)
        .collect();
    if bad.is_empty() {
        return None;
    }
    Some(Reason {
        code: "fit_tags",
        points: s.fit_tags_points,
        fact: format!("Your notes tag this deal: {}", bad.join(", ")),
    })
}
