//! The reason is known (playbook idea 4): name it, tie it to their goal and deadline, and ask
//! for feedback or a decision.

use super::{fit_text, Draft, Slots, Tone};
use crate::core::model::Channel;

pub fn draft(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let hi = s.hi();
    let reason = s.reason.clone().unwrap_or_default();
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(&reason, |r| {
            format!(
                "{hi} you said what matters is: {r}. Does our proposal still get you there, or is something in the way?{}",
                s.dash_rep()
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(&reason, |r| {
            format!(
                "{hi} about this: {r}. Are we still the right way to get there? Yes, no or not yet all help.{}",
                s.dash_rep()
            )
        })),
        (Channel::Call, Tone::Warm) => Draft::call(
            format!(
                "{hi} {}{} told me what matters is: {}. I'd value your honest view on whether our proposal still gets you there, or what stands in the way. {}",
                s.its_rep(),
                // After "it's Jordan." a new sentence; straight after "Hi Dana," none.
                if s.rep.is_some() { "You" } else { "you" },
                s.reason_max(100).unwrap_or_default(),
                s.call_back()
            ),
            [
                format!("Last time you said the aim was: {}. Is that still the priority?", s.reason_max(60).unwrap_or_default()),
                format!("What would need to change in our proposal for it to get you there{}?", s.by_deadline()),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            format!(
                "{hi} {}a quick question about this: {}. Are we still the right way to get there? A yes, a no or a not yet all help. {}",
                s.its_rep(),
                s.reason_max(100).unwrap_or_default(),
                s.call_back()
            ),
            [
                format!("Is this still the priority{}: {}?", s.by_deadline(), s.reason_max(60).unwrap_or_default()),
                "What is in the way of a decision?".to_string(),
            ],
        ),
        (_, Tone::Warm) => Draft::email(
            s.subject(&match s.deadline {
                // The subjects name their date when there is one: it is what the check is for.
                Some(d) => {
                    let d = d.short(s.now);
                    vec![
                        format!("Still on track for {d}?"),
                        format!("Your {d} date"),
                        format!("Planning back from {d}"),
                    ]
                }
                None => vec![
                    "Still the right plan?".to_string(),
                    "Your priorities, in brief".to_string(),
                    "Is the plan still right?".to_string(),
                ],
            }),
            format!(
                "{hi}\n\n{}When we spoke, you said what matters most is this: {}.{}{}\n\n{}{}",
                s.thanks_for_last(),
                s.reason_max(140).unwrap_or_default(),
                s.goal_sentence(),
                s.deadline_sentence(),
                s.closing(&[
                    "Does what we proposed still get you there? If something in it is in the way, tell me what and I will rework it; if the priority has changed, that is useful to know too.",
                    "Is our proposal still the way to get there? If part of it no longer fits, tell me which part and I will change it. A shift in priorities is just as useful to hear.",
                    "Tell me honestly whether the plan we discussed still serves that aim. If something is off, name it and I will rework it.",
                ]),
                s.sign_off()
            ),
        ),
        (_, Tone::Direct) => Draft::email(
            s.subject(&[
                "Your call: yes, no or not yet".to_string(),
                "Where do we stand?".to_string(),
                "Worth pursuing, or not?".to_string(),
            ]),
            format!(
                "{hi}\n\nYou told me the aim is this: {}.{} {}{}",
                s.reason_max(140).unwrap_or_default(),
                s.deadline_sentence(),
                s.closing(&[
                    "Are we the right way to get there? A yes, a no or a \"not yet\" all help me plan.",
                    "Is this still worth pursuing together? Any answer, even a no, helps me plan.",
                    "Should we keep going with this? A one-line answer is plenty, and a no helps me as much as a yes.",
                ]),
                s.sign_off()
            ),
        ),
    }
}
