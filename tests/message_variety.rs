//! Never the same email twice (issue 23): what the timeline shows we sent is not suggested
//! again, however it was sent (Stallwatch's Copy button, typed by hand, sent from the CRM).
//!
//! - A subject sent in the last 60 days is never suggested again: every scenario × notes
//!   variant × language, with each email draft's subject then "sent" on one of several days.
//! - After an unanswered message like the suggestion, the next one changes: another subject,
//!   another closing, and another kind where one fits.
//! - Two deals in the same situation may share a kind, not necessarily every sentence: the
//!   same deal under many keys gets more than one subject and closing.

mod common;
use common::{signed, variants};

use stallwatch::core::date::Day;
use stallwatch::core::lang::Lang;
use stallwatch::core::message::{compose, Kind, Suggestion};
use stallwatch::core::model::{Channel, Deal, Direction, Touch};
use stallwatch::core::notes::Notes;
use stallwatch::core::phrases::normalize;
use stallwatch::core::risk::assess;
use stallwatch::core::settings::Settings;
use std::collections::BTreeSet;

fn suggest(deal: &Deal, notes: &Notes, settings: &Settings, now: Day) -> Option<Suggestion> {
    let a = assess(Some(deal), notes, settings, now);
    compose(Some(deal), notes, &a, settings, now)
}

/// The deal with one more email of ours on `day`.
fn with_sent(deal: &Deal, day: Day, subject: &str, body: &str) -> Deal {
    let mut d = deal.clone();
    d.touches.get_or_insert_with(Vec::new).push(Touch {
        day,
        direction: Direction::Outbound,
        channel: Channel::Email,
        subject: subject.to_string(),
        body: body.to_string(),
    });
    d
}

/// Our email subjects in the last 60 days, folded.
fn sent_subjects(deal: &Deal, now: Day) -> BTreeSet<String> {
    deal.touches
        .iter()
        .flatten()
        .filter(|t| t.direction == Direction::Outbound && now.days_since(t.day) <= 60)
        .map(|t| normalize(t.subject.trim_start_matches("Re: ")))
        .collect()
}

fn email_subjects(s: &Suggestion) -> Vec<String> {
    s.drafts
        .iter()
        .filter(|d| d.channel == Channel::Email)
        .filter_map(|d| d.subject.clone())
        .collect()
}

/// Every scenario with a deal, composed as written and with each notes variant, in every
/// language, signed by a rep.
fn cases() -> Vec<(String, Deal, Notes, Settings, Day)> {
    let mut out = Vec::new();
    for input in common::all_inputs() {
        let Some((deal, notes)) = &input.deal else {
            continue;
        };
        for (variant, n) in variants(notes, input.now) {
            for lang in Lang::ALL {
                out.push((
                    format!("{} ({variant}, {})", input.name, lang.code()),
                    deal.clone(),
                    Notes {
                        language: Some(lang),
                        ..n.clone()
                    },
                    signed(&input.settings),
                    input.now,
                ));
            }
        }
    }
    out
}

#[test]
fn a_subject_sent_in_the_last_60_days_is_never_suggested_again() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (what, deal, notes, settings, now) in cases() {
        let Some(s) = suggest(&deal, &notes, &settings, now) else {
            continue;
        };
        for d in s.drafts.iter().filter(|d| d.channel == Channel::Email) {
            let subject = d.subject.clone().unwrap_or_default();
            // Sent yesterday, and 59 days ago: the window's edge.
            for ago in [1, 59] {
                let sent = with_sent(&deal, now.plus(-ago), &subject, &d.text);
                let Some(again) = suggest(&sent, &notes, &settings, now) else {
                    continue;
                };
                checked += 1;
                let already = sent_subjects(&sent, now);
                for sub in email_subjects(&again) {
                    if already.contains(&normalize(&sub)) {
                        failures.push(format!(
                            "{what}: {sub:?} sent {ago} days ago is suggested again"
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} cases checked");
    assert!(
        failures.is_empty(),
        "{} of {checked}:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}

#[test]
fn after_an_unanswered_message_like_the_suggestion_the_next_one_changes() {
    let mut failures = Vec::new();
    let mut changed_kind = 0;
    let mut checked = 0;
    for (what, deal, notes, settings, now) in cases() {
        let Some(s) = suggest(&deal, &notes, &settings, now) else {
            continue;
        };
        let Some(d) = s
            .drafts
            .iter()
            .find(|d| d.channel == Channel::Email && d.tone == s.drafts[0].tone)
        else {
            continue;
        };
        // The rep sent it a week ago, by hand (Stallwatch was not told), after the buyer's
        // last reply when there was one.
        let last_reply = deal
            .touches
            .iter()
            .flatten()
            .filter(|t| t.direction == Direction::Inbound)
            .map(|t| t.day)
            .max();
        let day = now.plus(-7);
        if last_reply.is_some_and(|r| r >= day) {
            continue;
        }
        let sent = with_sent(&deal, day, d.subject.as_deref().unwrap_or(""), &d.text);
        let Some(again) = suggest(&sent, &notes, &settings, now) else {
            continue;
        };
        checked += 1;
        if again.kind != s.kind {
            changed_kind += 1;
        }
        for d2 in again.drafts.iter().filter(|x| x.channel == Channel::Email) {
            if d2.text == d.text {
                failures.push(format!(
                    "{what}: {:?} the same email again:\n{}",
                    s.kind, d.text
                ));
            }
            if d2.subject == d.subject {
                failures.push(format!("{what}: the same subject again: {:?}", d.subject));
            }
        }
        // A reason-feedback email that went unanswered is followed by something new.
        if s.kind == Kind::ReasonFeedback && again.kind == Kind::ReasonFeedback {
            failures.push(format!(
                "{what}: reason feedback again after an unanswered one"
            ));
        }
    }
    assert!(checked > 200, "only {checked} cases checked");
    assert!(changed_kind > 0, "no suggestion changed its kind");
    assert!(
        failures.is_empty(),
        "{} of {checked}:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

#[test]
fn deals_in_the_same_situation_do_not_all_read_the_same() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (what, deal, notes, settings, now) in cases() {
        let Some(s) = suggest(&deal, &notes, &settings, now) else {
            continue;
        };
        // The kinds written with several closings (a kind with one may still differ by subject).
        let varied = matches!(
            s.kind,
            Kind::ReasonFeedback
                | Kind::Discovery
                | Kind::NewValue
                | Kind::Commitment
                | Kind::ApproverCheck
        );
        if !varied || !what.contains("as written") {
            continue;
        }
        checked += 1;
        let mut subjects = BTreeSet::new();
        let mut texts = BTreeSet::new();
        for i in 0..12 {
            let d = Deal {
                key: format!("{}:{i}", deal.key),
                ..deal.clone()
            };
            let again = suggest(&d, &notes, &settings, now).expect("the same situation");
            assert_eq!(again.kind, s.kind, "{what}: the key changed the kind");
            // The same key gives the same words.
            assert_eq!(Some(&again), suggest(&d, &notes, &settings, now).as_ref());
            subjects.extend(email_subjects(&again));
            texts.extend(again.drafts.iter().map(|d| d.text.clone()));
        }
        if subjects.len() < 2 || texts.len() <= s.drafts.len() {
            failures.push(format!(
                "{what}: 12 keys, {} subjects, {} texts",
                subjects.len(),
                texts.len()
            ));
        }
    }
    assert!(checked > 0, "no scenario with a varied kind");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
