//! Effort balance is the problem (playbook: a 51/49 relationship; EVIDENCE G): stop giving and
//! ask the buyer for one small, dated step tied to their own reason. Never offer more.

use super::{fit_text, Draft, Slots, Tone};
use crate::core::model::Channel;

pub fn draft(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let hi = s.hi();
    let reason = s.reason.clone().unwrap_or_default();
    // A dated ask: before their deadline when it is near, otherwise within the week.
    let by = s
        .reply_by()
        .unwrap_or_else(|| format!("by {}", s.ask_by_day().short(s.now)));
    let who = s
        .approver
        .as_deref()
        .map(|a| format!(" with {a}"))
        .unwrap_or_default();
    let it = |max: usize| s.reason_max(max).unwrap_or_default();
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(&reason, |r| {
            format!(
                "{hi} one ask. Could we book 20 minutes{who} {by}? It's to decide the next step on this: {r}.{}",
                s.dash_rep()
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(&reason, |r| {
            format!(
                "{hi} before I send anything more: can you give me 20 minutes {by}? The aim: decide on this: {r}.{}",
                s.dash_rep()
            )
        })),
        (Channel::Call, _) => Draft::call(
            format!(
                "{hi} {}rather than send you more, I'd like one thing from you: 20 minutes{who} {by} to decide the next step on this: {}. Call me back to pick a time.",
                s.its_rep(),
                it(90)
            ),
            [
                format!("What would you need to see to decide {by}?"),
                "Who else needs to be in the room for a yes?".to_string(),
            ],
        ),
        (_, Tone::Warm) => Draft::email(
            "20 minutes to decide the next step".to_string(),
            format!(
                "{hi}\n\nI have sent quite a lot your way, so rather than add more, one ask: could we book 20 minutes{who} {by} to decide the next step on this: {}?{}\n\n{}{}",
                it(140),
                s.deadline_sentence(),
                s.closing(&[
                    "If it is no longer a priority, a one-line reply saying so is just as helpful.",
                    "If the timing is wrong, tell me when would suit you better and I will hold off until then.",
                    "And if this has dropped down your list, a short no helps me just as much.",
                ]),
                s.sign_off()
            ),
        ),
        (_, Tone::Direct) => Draft::email(
            "Your next step".to_string(),
            format!(
                "{hi}\n\nBefore I send anything more: can you commit to 20 minutes{who} {by} to decide on this: {}? {}{}",
                it(140),
                s.closing(&[
                    "A yes, a no or a \"not yet\" all help.",
                    "Any answer helps me plan, a no included.",
                    "A one-line reply is enough either way.",
                ]),
                s.sign_off()
            ),
        ),
    }
}
