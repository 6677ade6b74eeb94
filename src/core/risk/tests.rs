//! Unit checks of the first signals. The scenario suite (tests/scenarios) covers combinations.

use super::*;
use crate::core::model::{Channel, Crm, Touch};

fn day(n: i32) -> Day {
    Day::from_ymd(2026, 3, 20).unwrap().plus(n)
}

fn touch(days_ago: i32, direction: Direction, body: &str) -> Touch {
    Touch {
        day: day(-days_ago),
        direction,
        channel: Channel::Email,
        subject: String::new(),
        body: body.to_string(),
    }
}

fn deal(touches: Vec<Touch>) -> Deal {
    Deal {
        crm: Crm::Other,
        key: "t:1".into(),
        name: Some("Test".into()),
        stage: Some("Proposal".into()),
        status: DealStatus::Open,
        amount: None,
        close_date: Some(day(30)),
        contact: Some("Dana Whitfield".into()),
        next_step: Some("Contract review call".into()),
        touches: Some(touches),
        ..Deal::default()
    }
}

fn codes(a: &Assessment) -> Vec<&'static str> {
    a.reasons.iter().map(|r| r.code.as_str()).collect()
}

#[test]
fn a_reply_yesterday_is_low_risk() {
    let notes = Notes {
        reason: Some("pass the Q1 audit".into()),
        ..Notes::default()
    };
    let d = deal(vec![
        touch(1, Direction::Inbound, "Sounds good, thanks"),
        touch(3, Direction::Outbound, "Here is the pricing"),
    ]);
    let a = assess(Some(&d), &notes, &Settings::default(), day(0));
    assert_eq!(a.stall_risk, Some(0));
    assert_eq!(a.band, Some(Band::Low));
    assert!(a.reasons.is_empty());
    // The same reply asking for the contract: still low, but the buyer is waiting on you, and
    // that comes first.
    let d = deal(vec![
        touch(1, Direction::Inbound, "Sounds good, send the contract"),
        touch(3, Direction::Outbound, "Here is the pricing"),
    ]);
    let a = assess(Some(&d), &notes, &Settings::default(), day(0));
    assert_eq!(a.band, Some(Band::Low));
    assert_eq!(codes(&a), ["buyer_waiting"]);
}

#[test]
fn the_follow_up_trap_names_the_streak_and_the_silence() {
    let d = deal(vec![
        touch(
            2,
            Direction::Outbound,
            "Bumping this to the top of your inbox",
        ),
        touch(7, Direction::Outbound, "Circling back on the proposal"),
        touch(12, Direction::Outbound, "Checking in"),
        touch(17, Direction::Outbound, "Just following up"),
        touch(
            21,
            Direction::Inbound,
            "Thanks, we will review the proposal internally",
        ),
    ]);
    let a = assess(Some(&d), &Notes::default(), &Settings::default(), day(0));
    assert_eq!(
        codes(&a)[..2],
        ["follow_up_trap", "silence"],
        "largest contribution first"
    );
    assert!(a.reasons[0].points >= a.reasons[1].points);
    let trap = &a.reasons[0].fact;
    assert!(
        trap.starts_with("4 emails from you since their last reply on 27 Feb (21 days ago)"),
        "{trap}"
    );
    assert!(trap.contains("4 content-free"), "{trap}");
    assert!(a.stall_risk.unwrap() >= 65, "{a:?}");
}

#[test]
fn adding_an_unanswered_touch_never_lowers_risk() {
    let mut touches = vec![touch(21, Direction::Inbound, "ok")];
    let mut last = 0;
    for i in 0..8 {
        touches.insert(0, touch(20 - i * 2, Direction::Outbound, "Any update?"));
        let a = assess(
            Some(&deal(touches.clone())),
            &Notes::default(),
            &Settings::default(),
            day(0),
        );
        let r = a.stall_risk.unwrap();
        assert!(r >= last, "risk fell from {last} to {r} after touch {i}");
        last = r;
    }
}

#[test]
fn closed_and_non_deals_are_never_scored() {
    let mut d = deal(vec![touch(90, Direction::Outbound, "Any update?")]);
    d.status = DealStatus::Won;
    let a = assess(Some(&d), &Notes::default(), &Settings::default(), day(0));
    assert_eq!((a.state, a.stall_risk), (State::Closed, None));
    let a = assess(None, &Notes::default(), &Settings::default(), day(0));
    assert_eq!((a.state, a.stall_risk), (State::NotADeal, None));
}

#[test]
fn a_snooze_suspends_silence_until_its_date() {
    let d = deal(vec![touch(
        40,
        Direction::Inbound,
        "Back after the budget freeze",
    )]);
    let notes = Notes {
        reason: Some("consolidate vendors".into()),
        snooze_until: Some(day(10)),
        snooze_reason: Some("budget freeze".into()),
        ..Notes::default()
    };
    let a = assess(Some(&d), &notes, &Settings::default(), day(0));
    assert_eq!(a.state, State::Snoozed);
    assert!(!codes(&a).contains(&"silence"));
    let later = assess(Some(&d), &notes, &Settings::default(), day(11));
    assert!(codes(&later).contains(&"silence"));
}

#[test]
fn a_page_without_timeline_lowers_confidence_instead_of_adding_risk() {
    let mut d = deal(vec![]);
    d.touches = None;
    let a = assess(Some(&d), &Notes::default(), &Settings::default(), day(0));
    assert_eq!(a.confidence, Confidence::Low);
    assert!(a.missing.iter().any(|m| m.contains("timeline")));
    assert!(!codes(&a).contains(&"silence"));
}

#[test]
fn one_long_pause_does_not_make_a_rhythm() {
    // Gaps of 5 and 14 days between the buyer's touches: silence still counts after 8 days.
    let d = deal(vec![
        touch(2, Direction::Outbound, "Attached the revised SOW"),
        touch(
            21,
            Direction::Inbound,
            "Two open points before it goes to our CFO",
        ),
        touch(35, Direction::Inbound, "Great demo"),
        touch(40, Direction::Inbound, "Let's meet at the depot"),
    ]);
    let a = assess(Some(&d), &Notes::default(), &Settings::default(), day(0));
    assert!(codes(&a).contains(&"silence"), "{a:?}");
    let fact = &a.reasons.iter().find(|r| r.code == "silence").unwrap().fact;
    assert!(fact.contains("silence counts after 8 days"), "{fact}");
}

#[test]
fn a_tie_for_the_top_reason_shows_the_deal_specific_one() {
    let reason = |code: ReasonCode, points: u32| Reason {
        code,
        points,
        fact: code.to_string(),
    };
    let mut a = Assessment {
        state: State::Act,
        stall_risk: Some(38),
        band: Some(Band::Watch),
        reasons: vec![
            reason(ReasonCode::NoReason, 15),
            reason(ReasonCode::CloseDatePast, 15),
            reason(ReasonCode::NoNextStep, 8),
        ],
        confidence: Confidence::Low,
        missing: Vec::new(),
        snoozed_until: None,
        act_from: None,
        notices: Vec::new(),
        doubts: Vec::new(),
        corrected: Vec::new(),
    };
    assert_eq!(a.top_reason().unwrap().code, "close_date_past");
    a.reasons.remove(1);
    assert_eq!(
        a.top_reason().unwrap().code,
        "no_reason",
        "larger still wins"
    );
}

#[test]
fn impossible_values_are_said_and_lower_confidence() {
    let mut d = deal(vec![
        touch(-3, Direction::Inbound, "Typo: dated in the future"),
        touch(2, Direction::Outbound, "Here is the pricing"),
    ]);
    d.amount = Some(crate::core::money::parse_money("-4800").unwrap());
    d.close_date = Some(day(0).plus(365 * 70));
    d.stage_entered = Some(day(5));
    let notes = Notes {
        reason: Some("pass the Q1 audit".into()),
        ..Notes::default()
    };
    let a = assess(Some(&d), &notes, &Settings::default(), day(0));
    assert_eq!(a.doubts.len(), 4, "{:?}", a.doubts);
    assert!(a.doubts[0].contains("1 touch dated after today"));
    assert_ne!(a.confidence, Confidence::High);
    // The future "reply" is no reply: the last touch counted is ours.
    assert!(!codes(&a).contains(&"buyer_waiting"));
    assert!(!codes(&a).contains(&"stage_age"));
}

#[test]
fn the_reps_own_phrases_are_heard_too() {
    let notes = Notes {
        reason: Some("pass the Q1 audit".into()),
        ..Notes::default()
    };
    let d = deal(vec![
        touch(
            1,
            Direction::Inbound,
            "Management has pulled the plug on this, thanks anyway.",
        ),
        touch(3, Direction::Outbound, "Here is the pricing"),
    ]);
    let built_in = assess(Some(&d), &notes, &Settings::default(), day(0));
    assert!(
        !codes(&built_in).contains(&"buyer_said_no"),
        "not a built-in no"
    );
    let s = Settings {
        heard_no: vec!["pulled the plug".into()],
        ..Settings::default()
    };
    let a = assess(Some(&d), &notes, &s, day(0));
    assert_eq!(a.state, State::CloseOut);
    assert!(
        a.reasons[0].fact.contains("pulled the plug"),
        "{}",
        a.reasons[0].fact
    );
}

#[test]
fn the_day_starts_with_the_buyers_waiting_on_us_then_the_riskiest() {
    let key = |section, buyer_waiting, risk: u8| TodayKey {
        section,
        buyer_waiting,
        stall_risk: Some(risk),
        deadline: None,
        act_from: None,
        amount: None,
    };
    let mut items = vec![
        ("risky", key(Section::ActToday, false, 90)),
        ("asked us", key(Section::ActToday, true, 40)),
        ("waiting", key(Section::Waiting, true, 95)),
        ("medium", key(Section::ActToday, false, 60)),
    ];
    today_order(&mut items, |i| i.1);
    let order: Vec<&str> = items.iter().map(|i| i.0).collect();
    // A question waiting for us outranks a higher score; outside "act today" it does not move
    // a deal (a wait date still decides there).
    assert_eq!(order, ["asked us", "risky", "medium", "waiting"]);
}
