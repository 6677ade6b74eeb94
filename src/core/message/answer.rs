//! The buyer is waiting on you (playbook: listen; EVIDENCE H: answering fast is the strongest
//! act-now fact): deliver what they asked for, or answer their question, first; then at most
//! one question. Stallwatch cannot write the answer itself, so when they asked a question the
//! draft acknowledges it and commits to a time, and the advice says to put the answer in.

use super::{fit_text, upper_first, Draft, Slots, Tone};
use crate::core::model::Channel;

pub fn draft(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let hi = s.hi();
    let Some(req) = s.request.clone() else {
        // Chosen only when there is a request; stay well-formed regardless.
        return super::reason_feedback::draft(channel, tone, s);
    };
    let waited = s.now.days_since(req.day);
    let sorry = if waited >= 2 {
        "Sorry for the wait. "
    } else {
        ""
    };
    let when = s.reply_by().unwrap_or_else(|| "today".to_string());
    let reason = s.reason.clone().unwrap_or_default();
    // The one question after the answer, tied to their reason when we know it.
    let next = |max: usize| match s.reason_max(max) {
        Some(r) => format!("Is anything else in the way of this: {r}?"),
        None => "Is anything else in the way of a decision?".to_string(),
    };
    let delivered = |thing: &str| format!("here is {thing} you asked for");
    match (channel, tone, req.thing.as_deref()) {
        (Channel::Text, _, Some(thing)) => Draft::text(fit_text(&reason, |r| {
            let q = if r.is_empty() {
                "Anything else you need?".to_string()
            } else {
                format!("Anything else in the way of this: {r}?")
            };
            format!("{hi} {}. {q}{}", delivered(thing), s.dash_rep())
        })),
        (Channel::Text, _, None) => Draft::text(fit_text(&reason, |r| {
            let aim = if r.is_empty() {
                String::new()
            } else {
                format!(" for this: {r}")
            };
            // "Hi Dana, sorry for the wait: …" — after the greeting's comma, no capital.
            let sorry = if waited >= 2 { "sorry for the wait: " } else { "" };
            format!(
                "{hi} {sorry}I'll have the answer to your question to you {when}{aim}. Anything else I should cover?{}",
                s.dash_rep()
            )
        })),
        (Channel::Call, _, thing) => Draft::call(
            format!(
                "{hi} {}I'm calling about {}. {} {}Call me back {} if anything is unclear.",
                s.its_rep(),
                match thing {
                    Some(t) => format!("{t} you asked for"),
                    None => "your question".to_string(),
                },
                match thing {
                    Some(_) => "It's in your inbox now.".to_string(),
                    None => format!("You'll have the answer by email {when}."),
                },
                match s.reason_max(90) {
                    Some(r) => format!("It's all about this for you: {r}. "),
                    None => String::new(),
                },
                when
            ),
            [
                format!("You asked: \u{201c}{}\u{201d} Here is the short answer.", req.quote),
                next(60),
            ],
        ),
        (_, Tone::Warm, Some(thing)) => Draft::email(
            if thing.split_whitespace().count() <= 4 {
                format!("{} you asked for", upper_first(thing))
            } else {
                "What you asked for".to_string()
            },
            format!(
                "{hi}\n\n{sorry}{} on {}.{}\n\n{}{}",
                upper_first(&delivered(thing)),
                req.day.short(s.now),
                s.deadline_sentence(),
                next(140),
                s.sign_off()
            ),
        ),
        (_, Tone::Direct, Some(thing)) => Draft::email(
            if thing.split_whitespace().count() <= 5 {
                upper_first(thing)
            } else {
                "What you asked for".to_string()
            },
            format!(
                "{hi}\n\n{}. {}{}",
                upper_first(&delivered(thing)),
                next(140),
                s.sign_off()
            ),
        ),
        (_, Tone::Warm, None) => Draft::email(
            "Your question".to_string(),
            format!(
                "{hi}\n\n{sorry}You asked: \u{201c}{}\u{201d} You will have a full answer from me {when}.{}\n\n{}{}",
                req.quote,
                s.deadline_sentence(),
                next(140),
                s.sign_off()
            ),
        ),
        (_, Tone::Direct, None) => Draft::email(
            "Your question".to_string(),
            format!(
                "{hi}\n\nOn your question (\u{201c}{}\u{201d}): the answer follows {when}. {}{}",
                req.quote,
                next(140),
                s.sign_off()
            ),
        ),
    }
}
