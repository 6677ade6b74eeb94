//! Long silence with a known reason: one genuinely useful item tied to their goal, never a
//! nudge. The item offered is a plan working back from their date, which the rep can always
//! deliver; nothing here claims a fact the rep did not record.

use super::{fit_text, Draft, Slots, Tone};
use crate::core::model::Channel;

pub fn draft(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let hi = s.hi();
    let reason = s.reason.clone().unwrap_or_default();
    let target = s.target_date();
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(&reason, |r| {
            format!(
                "{hi} an idea for this: {r}. A short plan working back from {target}. Want me to send it?{}",
                s.dash_rep()
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(&reason, |r| {
            format!(
                "{hi} would a one-page plan help with this: {r}? I can send it today.{}",
                s.dash_rep()
            )
        })),
        (Channel::Call, Tone::Warm) => Draft::call(
            format!(
                "{hi} {}I have been thinking about what you told me matters: {}. I'd like to send you a short plan that works back from {target}, so you can see what has to happen when. Call me back, or just tell me to send it.",
                s.its_rep(),
                s.reason_max(90).unwrap_or_default()
            ),
            [
                format!("Is this still the priority: {}?", s.reason_max(60).unwrap_or_default()),
                "What has changed on your side since we last spoke?".to_string(),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            format!(
                "{hi} {}would a one-page plan help with this: {}? I can send it today. Call me back when it suits.",
                s.its_rep(),
                s.reason_max(90).unwrap_or_default()
            ),
            [
                "What would make a plan like that useful to you?".to_string(),
                format!("Is this still the priority: {}?", s.reason_max(60).unwrap_or_default()),
            ],
        ),
        (_, Tone::Warm) => Draft::email(
            "An idea for your plan".to_string(),
            format!(
                "{hi}\n\nI have been thinking about what you told me matters most: {}.{}{}\n\nOne idea that may help: a short plan that works back from {target} and shows what has to happen each week. {}{}",
                s.reason_max(140).unwrap_or_default(),
                s.goal_sentence(),
                s.deadline_sentence(),
                s.closing(&[
                    "Would that be useful? If so, I will send it over; no call needed.",
                    "Shall I send it? It takes two minutes to read, and no call is needed.",
                    "If that would help, say so and it is yours this week, with no call needed.",
                ]),
                s.sign_off()
            ),
        ),
        (_, Tone::Direct) => Draft::email(
            "A one-page plan".to_string(),
            format!(
                "{hi}\n\nWould a one-page plan help you get to this: {}? It would show what needs to happen, week by week{}. {}{}",
                s.reason_max(140).unwrap_or_default(),
                s.deadline
                    .map(|d| format!(", up to {}", d.short(s.now)))
                    .unwrap_or_default(),
                s.closing(&[
                    "Say the word and I will send it.",
                    "A one-word yes is enough, and it is on its way.",
                    "Reply yes and you will have it the same day.",
                ]),
                s.sign_off()
            ),
        ),
    }
}
