//! A first message to a new contact (playbook idea 7, multi-threading): the person we worked
//! with has left and a notice names someone in their place. That person has told us nothing,
//! so nothing is quoted as theirs and nothing is "as you said": who we are in one line, who we
//! worked with, what was under way, and one question, whether this is now theirs.

use super::slots::Handover;
use super::{Draft, Slots, Tone};
use crate::core::model::Channel;

/// "Dana Whitfield" or "your colleague".
fn who(h: &Handover) -> String {
    h.from
        .clone()
        .unwrap_or_else(|| "your colleague".to_string())
}

/// " The last thing I sent was “Proposal: 40-seat rollout”, on 20 Feb." or nothing.
fn under_way(h: &Handover, s: &Slots) -> String {
    h.last_sent
        .as_ref()
        .map(|(day, subject)| {
            format!(
                " The last thing I sent was \u{201c}{subject}\u{201d}, on {}.",
                day.short(s.now)
            )
        })
        .unwrap_or_default()
}

/// "I'm Sam Rep (Acme Analytics). " or nothing: one line on who is writing.
fn i_am(s: &Slots) -> String {
    match (&s.rep, &s.signature) {
        (Some(r), Some(sig)) => format!("I'm {r} ({sig}). "),
        (Some(r), None) => format!("I'm {r}. "),
        _ => String::new(),
    }
}

pub fn draft(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let hi = s.hi();
    let Some(h) = &s.handover else {
        // Only composed with a handover; written plainly if ever asked without one.
        return super::discovery::draft(channel, tone, s);
    };
    let from = who(h);
    let noticed = h.noticed_on.short(s.now);
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(format!(
            "{hi} I was working with {from} on a project with your team, and a reply on {noticed} named you as the person to talk to. Are you the right person for it?{}",
            s.dash_rep()
        )),
        (Channel::Text, Tone::Direct) => Draft::text(format!(
            "{hi} {from} and I had a project under way, and I was told you look after it now. Is that right?{}",
            s.dash_rep()
        )),
        (Channel::Call, Tone::Warm) => Draft::call(
            format!(
                "{hi} {}I was working with {from} on a project with your team, and a reply on {noticed} named you as the person to talk to. I'd like to check whether it is yours now. Call me back whenever suits you.",
                s.its_rep()
            ),
            [
                format!("Are you the one looking after what {from} was working on with us?"),
                "What would be most useful for you to know about where it stands?".to_string(),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            format!(
                "{hi} {}{from} and I had a project under way, and I was told you own it now. A quick call back to say whether that is right would help. Call me back whenever suits you.",
                s.its_rep()
            ),
            [
                format!("Do you own what {from} was working on with us now?"),
                "Who else should be in the loop on your side?".to_string(),
            ],
        ),
        (_, Tone::Warm) => Draft::email(
            format!("Picking up from {}", shorten_name(&from)),
            format!(
                "{hi}\n\n{}I have been working with {from} on a project with your team.{} A reply on {noticed} named you as the person to talk to.\n\nAre you the right person for this now, or is someone else better placed? If it helps, I can send a short summary of where things stand.{}",
                i_am(s),
                under_way(h, s),
                s.sign_off()
            ),
        ),
        (_, Tone::Direct) => Draft::email(
            "Who owns this now?".to_string(),
            format!(
                "{hi}\n\n{}{from} and I had a project under way.{} A reply on {noticed} named you as the person to talk to. Do you own this now, or should I speak to someone else?{}",
                i_am(s),
                under_way(h, s),
                s.sign_off()
            ),
        ),
    }
}

/// A subject keeps to a few words: the first name of who left ("Dana"), or the whole
/// "your colleague".
fn shorten_name(from: &str) -> String {
    match from.split_whitespace().next() {
        Some(first) if from != "your colleague" => first.to_string(),
        _ => from.to_string(),
    }
}
