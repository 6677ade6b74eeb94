//! Closing the loop (playbook: a clear end beats an endless chase): the buyer said no, or the
//! deal has been silent for months while we kept writing. One short, gracious note that closes
//! it on our side and leaves one way back, tied to their own reason when we know it; never
//! another nudge.

use super::{fit_text, Draft, Slots, Tone};
use crate::core::model::Channel;

/// "If the aim you described (have dispatch live…) comes back" or "If this comes back".
fn way_back(reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("If the aim you described ({r}) comes back on the table"),
        None => "If this comes back on the table".to_string(),
    }
}

pub fn draft(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let hi = s.hi();
    let reason = s.reason.clone();
    let known = reason.is_some();
    let back = |max: usize| way_back(s.reason_max(max).as_deref());
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(reason.as_deref().unwrap_or(""), |r| {
            format!(
                "{hi} thank you for your time on this. I will close it on my side. {}, a reply here is all it takes.{}",
                way_back(known.then_some(r)),
                s.dash_rep()
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(reason.as_deref().unwrap_or(""), |r| {
            format!(
                "{hi} I am closing this on my side so it stops taking up your inbox. {}, reply here.{}",
                way_back(known.then_some(r)),
                s.dash_rep()
            )
        })),
        (Channel::Call, Tone::Warm) => Draft::call(
            format!(
                "{hi} {}I am calling only to close the loop: I will mark this as closed on my side, with no hard feelings. {}, call me back.",
                s.its_rep(),
                back(90)
            ),
            [
                "Was there something we could have done differently?".to_string(),
                "Is there a better time to revisit this, or should I leave it?".to_string(),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            format!(
                "{hi} {}I am closing this on my side today. {}, call me back.",
                s.its_rep(),
                back(90)
            ),
            [
                "What made the decision, so I learn from it?".to_string(),
                "Should I check back at all, and when?".to_string(),
            ],
        ),
        (_, Tone::Warm) => Draft::email(
            "Closing the loop",
            format!(
                "{hi}\n\nThank you for your time on this. I will close it on my side, so you will not hear from me about it again unless you want to.\n\n{}, reply to this email and we will pick it up.{}",
                back(140),
                s.sign_off()
            ),
        ),
        (_, Tone::Direct) => Draft::email(
            "Closing this on my side",
            format!(
                "{hi}\n\nI am closing this on my side today so it stops taking up your time. {}, a reply here is all it takes.{}",
                back(140),
                s.sign_off()
            ),
        ),
    }
}
