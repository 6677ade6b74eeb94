//! The suggested next message: built on why the buyer wants it, on the buyer's channel
//! (playbook ideas 3, 4 and 6). Deterministic: the same inputs give the same words.
//!
//! A missing slot changes the sentence; it never leaves a placeholder or invents a fact.

use super::date::Day;
use super::model::{Channel, Deal, Direction};
use super::notes::Notes;
use super::risk::{Assessment, State};
use super::settings::Settings;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// No recorded reason: ask what they want to achieve and why now.
    Discovery,
    /// The reason is known: name it and ask for feedback or a decision tied to it.
    ReasonFeedback,
    /// Nothing to send today (snoozed, or the ball is in their court): say why and from when.
    Wait,
    /// Bad fit: a respectful close with one clear way back.
    WalkAway,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Discovery => "Discovery question",
            Kind::ReasonFeedback => "Feedback on their reason",
            Kind::Wait => "Wait",
            Kind::WalkAway => "Let it go, kindly",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub kind: Kind,
    pub channel: Channel,
    /// Email only.
    pub subject: Option<String>,
    pub text: String,
    /// One line on why this message.
    pub why: String,
}

/// Channels in the order we fall back on them when the buyer stated no preference.
const SENDABLE: [Channel; 3] = [Channel::Email, Channel::Text, Channel::Call];

/// The buyer's preferred channel; else the one they last used to reach us; else email. Never
/// a channel they asked us not to use.
pub fn choose_channel(deal: &Deal, notes: &Notes) -> Channel {
    let allowed = |c: &Channel| SENDABLE.contains(c) && !notes.avoid_channels.contains(c);
    notes
        .preferred_channel
        .filter(allowed)
        .or_else(|| {
            deal.touches_newest_first()
                .into_iter()
                .find(|t| t.direction == Direction::Inbound)
                .map(|t| t.channel)
                .filter(allowed)
        })
        .or_else(|| SENDABLE.into_iter().find(allowed))
        // Every channel avoided: email is the least intrusive, and the overlay says so.
        .unwrap_or(Channel::Email)
}

/// Shortens text on a word boundary, adding an ellipsis when cut.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':', ' ']))
}

/// The reason as a clause: trailing punctuation removed so it can sit inside a sentence.
fn clause(reason: &str) -> &str {
    reason.trim().trim_end_matches(['.', '!', ';', ','])
}

fn greeting(first: Option<&str>) -> String {
    match first {
        Some(n) => format!("Hi {n},"),
        None => "Hi,".to_string(),
    }
}

/// Composes the suggestion, or `None` for closed deals and non-deal pages.
pub fn compose(
    deal: Option<&Deal>,
    notes: &Notes,
    assessment: &Assessment,
    settings: &Settings,
    now: Day,
) -> Option<Suggestion> {
    let deal = deal?;
    let channel = choose_channel(deal, notes);
    let first = deal.contact_first_name();
    let rep = settings
        .rep_name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    match assessment.state {
        State::Closed | State::NotADeal => None,
        State::Snoozed => {
            let until = assessment.snoozed_until?;
            let because = notes
                .snooze_reason
                .as_deref()
                .map(|r| format!(" ({})", clause(r)))
                .unwrap_or_default();
            Some(Suggestion {
                kind: Kind::Wait,
                channel,
                subject: None,
                text: format!(
                    "Nothing to send today: you paused this deal until {}{because}. Silence before then is expected.",
                    until.short(now)
                ),
                why: "A known pause is not a stall.".to_string(),
            })
        }
        State::Wait => {
            let from = assessment.act_from?;
            Some(Suggestion {
                kind: Kind::Wait,
                channel,
                subject: None,
                text: format!(
                    "Nothing to send today: your last touch gave them something to answer, and the ball is in their court. If they have not replied by {}, write then.",
                    from.short(now)
                ),
                why: "Not every deal needs a nudge today; a quick chase teaches the buyer that you own the deal.".to_string(),
            })
        }
        State::WalkAway => Some(walk_away(channel, first, rep)),
        State::Act => Some(match notes.reason.as_deref() {
            Some(reason) => reason_feedback(channel, first, rep, clause(reason), notes, now),
            None => discovery(channel, first, rep),
        }),
    }
}

fn sign_off(rep: Option<&str>) -> String {
    rep.map(|r| format!("\n\n{r}")).unwrap_or_default()
}

fn walk_away(channel: Channel, first: Option<&str>, rep: Option<&str>) -> Suggestion {
    let hi = greeting(first);
    let (subject, text) = match channel {
        Channel::Text => (
            None,
            format!(
                "{hi} it looks like now is not the right time for this, so I will stop reaching out. If things change, reply here and we can pick it up from where we left off.{}",
                rep.map(|r| format!(" – {r}")).unwrap_or_default()
            ),
        ),
        Channel::Call => (
            None,
            format!(
                "{hi} {}it seems this is not the right time for you, so I will step back and stop calling. If that changes, call me back and we will pick it up from where we left off. All the best.",
                rep.map(|r| format!("it's {r}. ")).unwrap_or_default()
            ),
        ),
        _ => (
            Some("Stepping back for now".to_string()),
            format!(
                "{hi}\n\nIt looks like this is not the right time for your team, so I will stop following this and leave you in peace. No hard feelings at all.\n\nIf things change, reply to this email and we will pick it up from where we left off.{}",
                sign_off(rep)
            ),
        ),
    };
    Suggestion {
        kind: Kind::WalkAway,
        channel,
        subject,
        text,
        why: "Bad-fit signals dominate this deal; your time is better spent elsewhere, and the door stays open.".to_string(),
    }
}

fn discovery(channel: Channel, first: Option<&str>, rep: Option<&str>) -> Suggestion {
    let hi = greeting(first);
    let (subject, text) = match channel {
        Channel::Text => (
            None,
            format!(
                "{hi} before I send anything more: what do you want this to change for your team, and is there a date that makes it matter now?{}",
                rep.map(|r| format!(" – {r}")).unwrap_or_default()
            ),
        ),
        Channel::Call => (
            None,
            format!(
                "{hi} {}I'd like to understand this from your side before I send anything more. What do you want it to change for your team, and is there a date that makes it matter now? Call me back whenever suits you.",
                rep.map(|r| format!("it's {r}. ")).unwrap_or_default()
            ),
        ),
        _ => (
            Some("What would make this worth it for you?".to_string()),
            format!(
                "{hi}\n\nBefore I send anything more, I would like to understand this from your side. What do you want it to change for your team, and is there a date that makes it matter now?\n\nTwo lines are plenty; your answer will shape what I send next.{}",
                sign_off(rep)
            ),
        ),
    };
    Suggestion {
        kind: Kind::Discovery,
        channel,
        subject,
        text,
        why: "No reason is recorded for this deal, so the next message asks for one instead of nudging.".to_string(),
    }
}

fn reason_feedback(
    channel: Channel,
    first: Option<&str>,
    rep: Option<&str>,
    reason: &str,
    notes: &Notes,
    now: Day,
) -> Suggestion {
    let hi = greeting(first);
    let deadline = notes.deadline.filter(|d| *d >= now);
    let deadline_sentence = deadline
        .map(|d| {
            format!(
                " With {} only {} days away, I want to be sure nothing on our side slows you down.",
                d.short(now),
                d.days_since(now)
            )
        })
        .unwrap_or_default();
    let (subject, text) = match channel {
        Channel::Text => {
            let tail = format!(
                " Does our proposal still get you there, or is something in the way?{}",
                rep.map(|r| format!(" – {r}")).unwrap_or_default()
            );
            let head = format!("{hi} you said what matters is: ");
            let room = 300usize.saturating_sub(head.chars().count() + tail.chars().count() + 1);
            (None, format!("{head}{}.{tail}", shorten(reason, room)))
        }
        Channel::Call => (
            None,
            format!(
                "{hi} {}You told me what matters is: {}. I'd value your honest view on whether our proposal still gets you there, or what stands in the way. Call me back whenever suits you.",
                rep.map(|r| format!("it's {r}. ")).unwrap_or_default(),
                shorten(reason, 160)
            ),
        ),
        _ => (
            Some(format!("Does this still get you to: {}?", shorten(reason, 50))),
            format!(
                "{hi}\n\nWhen we spoke, you said what matters most is this: {reason}.{deadline_sentence}\n\nDoes what we proposed still get you there? If something in it is in the way, tell me what and I will rework it; if the priority has changed, that is useful to know too.{}",
                sign_off(rep)
            ),
        ),
    };
    let noted = notes
        .reason_noted_on
        .map(|d| format!(" on {}", d.short(now)))
        .unwrap_or_default();
    Suggestion {
        kind: Kind::ReasonFeedback,
        channel,
        subject,
        text,
        why: format!(
            "Built on the reason you noted{noted}: \"{}\".",
            shorten(reason, 80)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Crm, DealStatus, Touch};
    use crate::core::phrases::find_content_free;
    use crate::core::risk::assess;

    fn now() -> Day {
        Day::from_ymd(2026, 3, 20).unwrap()
    }

    fn deal() -> Deal {
        Deal {
            crm: Crm::Other,
            key: "t:1".into(),
            name: Some("Rollout".into()),
            stage: Some("Proposal".into()),
            status: DealStatus::Open,
            amount: None,
            close_date: None,
            contact: Some("Dana Whitfield".into()),
            touches: Some(vec![Touch {
                day: now().plus(-21),
                direction: Direction::Inbound,
                channel: Channel::Call,
                subject: String::new(),
                body: String::new(),
            }]),
            ..Deal::default()
        }
    }

    fn all_variants() -> Vec<(Notes, Suggestion)> {
        let mut out = Vec::new();
        let reasons = [None, Some("have dispatch live before the spring peak.")];
        for reason in reasons {
            for pref in [
                None,
                Some(Channel::Email),
                Some(Channel::Text),
                Some(Channel::Call),
            ] {
                for rep in [None, Some("Jordan")] {
                    let notes = Notes {
                        reason: reason.map(str::to_string),
                        deadline: Some(now().plus(12)),
                        preferred_channel: pref,
                        ..Notes::default()
                    };
                    let settings = Settings {
                        rep_name: rep.map(str::to_string),
                        ..Settings::default()
                    };
                    let d = deal();
                    let a = assess(Some(&d), &notes, &settings, now());
                    let s = compose(Some(&d), &notes, &a, &settings, now()).unwrap();
                    out.push((notes, s));
                }
            }
        }
        out
    }

    #[test]
    fn messages_follow_the_rules() {
        let phrases: Vec<String> = Settings::default().content_free_phrases;
        for (notes, s) in all_variants() {
            assert_eq!(find_content_free(&s.text, &phrases), None, "{s:?}");
            if let Some(r) = &notes.reason {
                assert!(s.text.contains(clause(r)), "reason missing: {s:?}");
                assert_eq!(s.kind, Kind::ReasonFeedback);
            } else {
                assert_eq!(s.kind, Kind::Discovery);
            }
            assert!(!s.text.contains("{") && !s.text.contains("  "), "{s:?}");
            assert_eq!(s.text.trim(), s.text, "no blank edges: {s:?}");
            match s.channel {
                Channel::Text => assert!(s.text.chars().count() <= 300, "{s:?}"),
                Channel::Call => assert!(s.text.split_whitespace().count() <= 75, "{s:?}"),
                _ => assert!(s.text.split_whitespace().count() <= 120, "{s:?}"),
            }
            if let Some(p) = notes.preferred_channel {
                assert_eq!(s.channel, p);
            } else {
                assert_eq!(
                    s.channel,
                    Channel::Call,
                    "falls back on the buyer's last channel"
                );
            }
        }
    }

    #[test]
    fn never_uses_an_avoided_channel() {
        let notes = Notes {
            preferred_channel: Some(Channel::Call),
            avoid_channels: vec![Channel::Call],
            ..Notes::default()
        };
        assert_eq!(choose_channel(&deal(), &notes), Channel::Email);
    }
}
