//! No recorded reason (playbook idea 3): ask what they want to achieve and why now.

use super::{Draft, Slots, Tone};
use crate::core::model::Channel;

pub fn draft(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let hi = s.hi();
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(format!(
            "{hi} before I send anything more: what do you want this to change for your team, and is there a date that makes it matter now?{}",
            s.dash_rep()
        )),
        (Channel::Text, Tone::Direct) => Draft::text(format!(
            "{hi} one question: what would make this worth doing for your team, and by when?{}",
            s.dash_rep()
        )),
        (Channel::Call, Tone::Warm) => Draft::call(
            format!(
                "{hi} {}I'd like to understand this from your side before I send anything more. What do you want it to change for your team, and is there a date that makes it matter now? Call me back whenever suits you.",
                s.its_rep()
            ),
            [
                "What made you look at this in the first place?".to_string(),
                "If this went perfectly, what would be different for your team in three months?".to_string(),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            format!(
                "{hi} {}one question before we go further: what would this need to change for your team to be worth doing, and by when? Call me back when you have two minutes.",
                s.its_rep()
            ),
            [
                "What is the one thing this has to fix for you?".to_string(),
                "Is there a date that makes it matter now?".to_string(),
            ],
        ),
        (_, Tone::Warm) => Draft::email(
            "What would make it worth it?",
            format!(
                "{hi}\n\n{}Before I send anything more, I would like to understand this from your side. What do you want it to change for your team, and is there a date that makes it matter now?\n\n{}{}",
                s.thanks_for_last(),
                s.closing(&[
                    "Two lines are plenty; your answer will shape what I send next.",
                    "A short answer is all I need, and it will shape what I send next.",
                    "Even a rough answer helps: it tells me what is worth sending you.",
                ]),
                s.sign_off()
            ),
        ),
        (_, Tone::Direct) => Draft::email(
            "One question before we go further",
            format!(
                "{hi}\n\nOne question before we go further: what would this need to change for your team to be worth doing, and by when? {}{}",
                s.closing(&[
                    "Two lines are plenty; your answer decides what I send next.",
                    "One line will do; it decides what I send next.",
                    "A rough answer is fine: it decides whether I send anything at all.",
                ]),
                s.sign_off()
            ),
        ),
    }
}
