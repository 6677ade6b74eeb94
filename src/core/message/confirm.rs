//! Nothing is wrong and a meeting is booked (issue 23: healthy deals are not asked whether we
//! still fit): what moves the deal is a good meeting, so the message confirms it and asks what
//! to prepare. Their reason, when noted, is what the meeting will be kept on.

use super::{Draft, Slots, Tone};
use crate::core::lang::Lang;
use crate::core::model::Channel;

pub fn draft(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let hi = s.hi();
    let Some(day) = s.meeting else {
        return super::discovery::draft(channel, tone, s);
    };
    let when = format!("{} {}", Lang::En.weekday(day), day.short(s.now));
    let focus = s
        .reason_max(120)
        .map(|r| format!(" I will keep it on what matters to you: {r}."))
        .unwrap_or_default();
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(format!(
            "{hi} looking forward to our meeting on {when}. Is there anything you would like me to prepare?{}",
            s.dash_rep()
        )),
        (Channel::Text, Tone::Direct) => Draft::text(format!(
            "{hi} confirming our meeting on {when}. Reply here if anything should be added to it.{}",
            s.dash_rep()
        )),
        (Channel::Call, _) => Draft::call(
            format!(
                "{hi} {}a quick call to confirm our meeting on {when}, and to ask whether there is anything you would like me to prepare. Call me back whenever suits you.",
                s.its_rep()
            ),
            [
                format!("Is there anything you would like me to prepare for {when}?"),
                "Should anyone else from your side join us?".to_string(),
            ],
        ),
        (_, Tone::Warm) => Draft::email(
            s.subject(&[
                format!("Our meeting on {}", day.short(s.now)),
                format!("Ahead of {when}"),
                format!("Preparing for {}", day.short(s.now)),
            ]),
            format!(
                "{hi}\n\nI am looking forward to our meeting on {when}.{focus}\n\nSo that the time is well spent for you: is there anything you would like me to prepare or bring, or anyone else who should join?{}",
                s.sign_off()
            ),
        ),
        (_, Tone::Direct) => Draft::email(
            s.subject(&[
                format!("Confirming {when}"),
                format!("Meeting on {}: agenda", day.short(s.now)),
            ]),
            format!(
                "{hi}\n\nA short note to confirm our meeting on {when}.{focus} If you want anything else covered, reply with it and I will add it to the agenda.{}",
                s.sign_off()
            ),
        ),
    }
}
