//! Unit checks of the composer. The rule suite over every scenario × channel × tone is in
//! tests/message_rules.rs.

use super::*;
use crate::core::model::{Crm, DealStatus, Direction, Touch};
use crate::core::phrases::find_content_free;
use crate::core::risk::assess;

fn now() -> Day {
    Day::from_ymd(2026, 3, 20).unwrap()
}

fn deal(last_reply_days_ago: i32) -> Deal {
    Deal {
        crm: Crm::Other,
        key: "t:1".into(),
        name: Some("Rollout".into()),
        stage: Some("Proposal".into()),
        status: DealStatus::Open,
        contact: Some("Dana Whitfield".into()),
        next_step: Some("Send SOW".into()),
        touches: Some(vec![Touch {
            day: now().plus(-last_reply_days_ago),
            direction: Direction::Inbound,
            channel: Channel::Call,
            subject: "Re: Pilot results".into(),
            body: "The pilot went well; two questions on pricing.".into(),
        }]),
        ..Deal::default()
    }
}

fn suggest(d: &Deal, notes: &Notes, settings: &Settings) -> Suggestion {
    let a = assess(Some(d), notes, settings, now());
    compose(Some(d), notes, &a, settings, now()).unwrap()
}

#[test]
fn the_kind_follows_the_situation() {
    let s = Settings::default();
    let reason = Notes {
        reason: Some("have dispatch live before the spring peak.".into()),
        ..Notes::default()
    };
    assert_eq!(
        suggest(&deal(10), &Notes::default(), &s).kind,
        Kind::Discovery
    );
    assert_eq!(suggest(&deal(10), &reason, &s).kind, Kind::ReasonFeedback);
    assert_eq!(suggest(&deal(30), &reason, &s).kind, Kind::NewValue);
    let approver = Notes {
        approver: Some("their CFO, Maria".into()),
        ..reason.clone()
    };
    assert_eq!(suggest(&deal(10), &approver, &s).kind, Kind::ApproverCheck);
}

#[test]
fn drafts_cover_every_allowed_channel_preferred_first_in_two_tones() {
    let notes = Notes {
        reason: Some("cut no-shows before the spring surge".into()),
        preferred_channel: Some(Channel::Text),
        avoid_channels: vec![Channel::Call],
        ..Notes::default()
    };
    let s = suggest(&deal(10), &notes, &Settings::default());
    assert_eq!(s.channels(), vec![Channel::Text, Channel::Email]);
    assert_eq!(s.drafts.len(), 4);
    assert_eq!(s.drafts[0].tone, Tone::Warm);
    assert_eq!(s.drafts[1].tone, Tone::Direct);
    assert_ne!(s.drafts[0].text, s.drafts[1].text, "tones differ");
}

#[test]
fn every_channel_avoided_gives_advice_not_a_message() {
    let notes = Notes {
        avoid_channels: vec![Channel::Call, Channel::Email, Channel::Text],
        ..Notes::default()
    };
    let s = suggest(&deal(10), &notes, &Settings::default());
    assert!(s.drafts.is_empty());
    assert!(s.advice.unwrap().contains("wait for them"));
}

#[test]
fn long_slots_are_fitted_to_each_channel_without_losing_the_reason() {
    let long = "make sure every one of our forty-two regional clinics can book, confirm and reschedule patients online before the spring surge, because last year the phone queues cost us about eight percent of visits and the board has asked for a plan";
    let notes = Notes {
        reason: Some(long.into()),
        goal: Some(
            "cut no-shows by a third and free two hours of front-desk time per clinic each day"
                .into(),
        ),
        deadline: Some(now().plus(12)),
        approver: None,
        ..Notes::default()
    };
    let settings = Settings {
        rep_name: Some("Jordan Reyes".into()),
        signature: Some("Account Executive, Northwind Scheduling · +1 555 0100".into()),
        ..Settings::default()
    };
    for d in [deal(10), deal(30)] {
        let s = suggest(&d, &notes, &settings);
        for draft in &s.drafts {
            assert!(draft.within_limits(), "{draft:?}");
            assert!(
                draft.text.contains("make sure every one of our"),
                "{draft:?}"
            );
            assert_eq!(
                find_content_free(&draft.text, &settings.content_free_phrases),
                None
            );
        }
    }
}

#[test]
fn missing_slots_change_the_sentence() {
    let mut d = deal(10);
    d.contact = None;
    let notes = Notes {
        reason: Some("pass the audit".into()),
        ..Notes::default()
    };
    let s = suggest(&d, &notes, &Settings::default());
    for draft in &s.drafts {
        assert!(draft.text.starts_with("Hi,"), "{draft:?}");
        assert!(
            !draft.text.contains(" by ."),
            "no dangling deadline: {draft:?}"
        );
        assert!(
            !draft.text.contains("it's"),
            "no rep name to give: {draft:?}"
        );
    }
}
