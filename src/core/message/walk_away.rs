//! Not all money is good money (playbook idea 7): a respectful close, no guilt, one clear way
//! back. When the buyer's reason is known it is named, so the door left open is theirs.

use super::{fit_text, Draft, Slots, Tone};
use crate::core::model::Channel;

/// "the aim you described (have dispatch live…)" or "this".
fn subject_of(reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("the aim you described ({r})"),
        None => "this".to_string(),
    }
}

pub fn draft(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let hi = s.hi();
    let reason = s.reason.clone();
    let known = reason.is_some();
    let it = |max: usize| subject_of(s.reason_max(max).as_deref());
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(reason.as_deref().unwrap_or(""), |r| {
            let what = subject_of(known.then_some(r));
            format!(
                "{hi} it looks like {what} is not the priority right now, so I will stop reaching out. If things change, reply here and we can pick it up from where we left off.{}",
                s.dash_rep()
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(reason.as_deref().unwrap_or(""), |r| {
            let what = subject_of(known.then_some(r));
            format!(
                "{hi} I will step back from {what} for now; it does not look like the right fit at the moment. If that changes, reply here.{}",
                s.dash_rep()
            )
        })),
        (Channel::Call, Tone::Warm) => Draft::call(
            format!(
                "{hi} {}it seems {} is not the priority right now, so I will step back and stop calling. If that changes, call me back and we will pick it up from where we left off. All the best.",
                s.its_rep(),
                it(90)
            ),
            [
                "Is this still something you want to solve?".to_string(),
                "If not now, when would be a better time to talk?".to_string(),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            format!(
                "{hi} {}I am going to step back from {} for now, as it does not look like the right fit at the moment. If that changes, call me back.",
                s.its_rep(),
                it(90)
            ),
            [
                "Is there still a problem here you want to solve?".to_string(),
                "What would have to be true for this to be worth it?".to_string(),
            ],
        ),
        (_, Tone::Warm) => Draft::email(
            "Stepping back for now",
            format!(
                "{hi}\n\nIt looks like {} is not the priority for your team right now, so I will stop following this and leave you in peace. No hard feelings at all.\n\nIf things change, reply to this email and we will pick it up from where we left off.{}",
                it(140),
                s.sign_off()
            ),
        ),
        (_, Tone::Direct) => Draft::email(
            "Pausing this on my side",
            format!(
                "{hi}\n\nI will stop reaching out about {}: it does not look like the right fit at the moment, and I would rather not take up your time. If that changes, reply here and we will pick it up.{}",
                it(140),
                s.sign_off()
            ),
        ),
    }
}
