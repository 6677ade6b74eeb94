//! Waiting on someone else's approval: ask what that person thought, in terms of the buyer's
//! reason.

use super::{fit_text, Draft, Slots, Tone};
use crate::core::model::Channel;

pub fn draft(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let hi = s.hi();
    let reason = s.reason.clone().unwrap_or_default();
    let who = s.approver.clone().unwrap_or_default();
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(&reason, |r| {
            format!(
                "{hi} what did {who} make of it, given your aim: {r}? I can write a one-page summary for them if that helps.{}",
                s.dash_rep()
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(&reason, |r| {
            format!(
                "{hi} where does {who} stand? If anything does not serve {r}, tell me and I will fix it.{}",
                s.dash_rep()
            )
        })),
        (Channel::Call, Tone::Warm) => Draft::call(
            format!(
                "{hi} {}I'd like to hear what {who} made of the proposal, given what you want to achieve: {}. If a short summary for them would help, I can write it. Call me back whenever suits you.",
                s.its_rep(),
                s.reason_max(90).unwrap_or_default()
            ),
            [
                format!("What did {who} make of it?"),
                format!("What would {who} need to see to say yes{}?", s.by_deadline()),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            format!(
                "{hi} {}where does {who} stand on the proposal? If anything does not serve {}, I'd like to fix it before they decide. Call me back when it suits.",
                s.its_rep(),
                s.reason_max(90).unwrap_or_default()
            ),
            [
                format!("Has {who} seen the proposal yet?"),
                "What is their main concern?".to_string(),
            ],
        ),
        (_, Tone::Warm) => Draft::email(
            format!("What did {who} think?"),
            format!(
                "{hi}\n\nYou mentioned {who} has to sign off. What did they make of it, given what you want to achieve: {}?{}\n\n{}{}",
                s.reason_max(140).unwrap_or_default(),
                s.deadline_sentence(),
                s.closing(&[
                    format!("If a one-page summary for {who} would help, tell me and I will write it around that aim.").as_str(),
                    format!("I can write a short note for {who} that puts the proposal in those terms, if that would help.").as_str(),
                    format!("If {who} has questions I can answer directly, I am glad to join a short call with you both.").as_str(),
                ]),
                s.sign_off()
            ),
        ),
        (_, Tone::Direct) => Draft::email(
            format!("Where does {who} stand?"),
            format!(
                "{hi}\n\nWhere does {who} stand? If anything in the proposal does not serve your aim ({}), tell me and I will fix it before they decide.{}",
                s.reason_max(140).unwrap_or_default(),
                s.sign_off()
            ),
        ),
    }
}
