//! Not all money is good money (playbook idea 7): signs of a needy, unprofitable buyer. Their
//! points drive the `walk_away` state, not just the score.

use super::ReasonCode;
use super::{plural, Reason, Timeline};
use crate::core::date::Day;
use crate::core::listen::Heard;
use crate::core::model::Direction;
use crate::core::notes::Notes;
use crate::core::phrases::normalize;
use crate::core::settings::Settings;

/// Words that mark a quote or proposal in a subject line, padded with spaces to match whole
/// words in `normalize`d text (which is padded the same way).
const QUOTE_WORDS: &[&str] = &[
    " quote ",
    " quotation ",
    " proposal ",
    " pricing ",
    " price ",
    " estimate ",
    " offer ",
    " sow ",
];

/// Every phrase in `DISCOUNT_PHRASES` contains one of these (ASCII, lowercase).
const DISCOUNT_STEMS: &[&str] = &["discount", "cheap", "price", "knock"];

/// Ways buyers ask for a lower price, with a leading space so they match from a word start in
/// `normalize`d text ("discounts" and "discounted" match too).
const DISCOUNT_PHRASES: &[&str] = &[
    " discount",
    " cheaper",
    " lower price",
    " lower the price",
    " better price",
    " best price",
    " price match",
    " reduce the price",
    " knock off",
    " come down on price",
    " off the price",
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
        code: ReasonCode::FitShortReplies,
        points: s.fit_short_replies_points,
        fact: format!(
            "Their last 3 replies shrank: {}, {}, then {} characters",
            replies[0], replies[1], replies[2]
        ),
    })
}

/// A subject without reply/forward prefixes, for spotting the same quote sent again.
fn base_subject(subject: &str) -> String {
    let s = normalize(subject);
    let mut rest = s.as_str();
    // Each prefix is a whole word; keep the space before the next one.
    while let Some(p) = [" re ", " fw ", " fwd ", " resending ", " resent "]
        .iter()
        .find(|p| rest.starts_with(*p))
    {
        rest = &rest[p.len() - 1..];
    }
    rest.to_string()
}

fn resent_quote(t: &Timeline, s: &Settings) -> Option<Reason> {
    // (base subject, subject as first written, count). Re-sent quotes usually repeat the
    // exact subject, so exact repeats are counted without normalising them again.
    let mut counts: Vec<(String, String, u32)> = Vec::new();
    let mut seen: Vec<(&str, Option<usize>)> = Vec::new();
    for touch in t
        .touches
        .iter()
        .filter(|x| x.direction == Direction::Outbound)
    {
        let raw = touch.subject.trim();
        let group = match seen.iter().find(|(r, _)| *r == raw) {
            Some((_, group)) => *group,
            None => {
                let base = base_subject(raw);
                let group = if QUOTE_WORDS.iter().any(|w| base.contains(w)) {
                    match counts.iter().position(|(b, _, _)| *b == base) {
                        Some(g) => Some(g),
                        None => {
                            counts.push((base, raw.to_string(), 0));
                            Some(counts.len() - 1)
                        }
                    }
                } else {
                    None
                };
                seen.push((raw, group));
                group
            }
        };
        if let Some(g) = group {
            counts[g].2 += 1;
        }
    }
    let (_, subject, n) = counts.into_iter().max_by_key(|(_, _, n)| *n)?;
    if n < s.resend_threshold {
        return None;
    }
    Some(Reason {
        code: ReasonCode::FitResentQuote,
        points: s.fit_resent_quote_points,
        fact: format!(
            "You sent \"{subject}\" {}; re-sending the same quote teaches them to wait",
            plural(n as usize, "time", "times")
        ),
    })
}

fn discounts(t: &Timeline, s: &Settings, now: Day) -> Option<Reason> {
    let asks: Vec<Day> = (0..t.touches.len())
        .filter(|&i| t.touches[i].direction == Direction::Inbound)
        .filter(|&i| {
            // Most replies mention no price at all: a lowercase scan rules them out before the
            // full normalisation.
            let x = t.touches[i];
            let lower = format!("{} {}", x.subject, x.body).to_ascii_lowercase();
            if DISCOUNT_STEMS.iter().any(|w| lower.contains(w))
                && DISCOUNT_PHRASES.iter().any(|p| t.text(i).contains(p))
            {
                return true;
            }
            // Everyday price pushing, in the buyer's language ("any wiggle room?", "trop cher"),
            // within the effort-balance window (the last 10 touches, 60 days): reading every
            // old reply costs more than an old ask tells.
            i < s.balance_window_touches as usize
                && now.days_since(x.day) <= s.balance_window_days as i32
                && t.heard_at(i)
                    .iter()
                    .any(|h| matches!(h, Heard::PricePush { .. }))
        })
        .map(|i| t.touches[i].day)
        .collect();
    if (asks.len() as u32) < s.discount_threshold.max(1) {
        return None;
    }
    Some(Reason {
        code: ReasonCode::FitDiscount,
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
        code: ReasonCode::FitTags,
        points: s.fit_tags_points,
        fact: format!("Your notes tag this deal: {}", bad.join(", ")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_discount_phrase_has_a_stem() {
        for p in DISCOUNT_PHRASES {
            assert!(DISCOUNT_STEMS.iter().any(|s| p.contains(s)), "{p}");
        }
    }

    #[test]
    fn subjects_lose_reply_prefixes() {
        assert_eq!(base_subject("RE: Fwd: re: Quote #4"), " quote 4 ");
        assert_eq!(base_subject("Resending: Proposal"), " proposal ");
        assert_eq!(
            base_subject("Regarding the proposal"),
            " regarding the proposal "
        );
    }
}
