//! Not all money is good money (playbook idea 7): a respectful close, no guilt, one clear way
//! back.

use super::{Draft, Slots, Tone};
use crate::core::model::Channel;

pub fn draft(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let hi = s.hi();
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(format!(
            "{hi} it looks like now is not the right time for this, so I will stop reaching out. If things change, reply here and we can pick it up from where we left off.{}",
            s.dash_rep()
        )),
        (Channel::Text, Tone::Direct) => Draft::text(format!(
            "{hi} I will step back from this for now; it does not look like the right fit at the moment. If that changes, reply here.{}",
            s.dash_rep()
        )),
        (Channel::Call, Tone::Warm) => Draft::call(
            format!(
                "{hi} {}it seems this is not the right time for you, so I will step back and stop calling. If that changes, call me back and we will pick it up from where we left off. All the best.",
                s.its_rep()
            ),
            [
                "Is this still something you want to solve?".to_string(),
                "If not now, when would be a better time to talk?".to_string(),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            format!(
                "{hi} {}I am going to step back from this for now, as it does not look like the right fit at the moment. If that changes, call me back.",
                s.its_rep()
            ),
            [
                "Is there still a problem here you want to solve?".to_string(),
                "What would have to be true for this to be worth it?".to_string(),
            ],
        ),
        (_, Tone::Warm) => Draft::email(
            "Stepping back for now",
            format!(
                "{hi}\n\nIt looks like this is not the right time for your team, so I will stop following this and leave you in peace. No hard feelings at all.\n\nIf things change, reply to this email and we will pick it up from where we left off.{}",
                s.sign_off()
            ),
        ),
        (_, Tone::Direct) => Draft::email(
            "Pausing this on my side",
            format!(
                "{hi}\n\nI will stop reaching out about this: it does not look like the right fit at the moment, and I would rather not take up your time. If that changes, reply here and we will pick it up.{}",
                s.sign_off()
            ),
        ),
    }
}
