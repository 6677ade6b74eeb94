//! Properties of the stall-risk assessment that docs/scoring.md implies for every deal, checked
//! on random deals: random timelines (0–40 touches within 120 days), bodies from a small pool
//! that includes content-free phrases, random notes, close dates, stages and next steps.
//!
//! Deals are generated in the hand-written JSON format and read with `deal_from_json`, the same
//! path the scenarios and the CLI use.

use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{json, Map, Value};
use stallwatch::core::date::Day;
use stallwatch::core::input::deal_from_json;
use stallwatch::core::notes::Notes;
use stallwatch::core::risk::{assess, Assessment, Band, NoticeCode, State};
use stallwatch::core::settings::Settings;

fn now() -> Day {
    Day::from_ymd(2026, 3, 20).unwrap()
}

fn iso(days_from_now: i32) -> String {
    now().plus(days_from_now).iso()
}

const SUBJECTS: &[&str] = &[
    "",
    "Proposal: 40-seat rollout",
    "Quote: Northwind 40-seat rollout",
    "Pricing",
    "Re: proposal",
    "Just following up",
    "Checking in",
    "Security questionnaire",
    "Call",
];

const BODIES: &[&str] = &[
    "",
    "ok",
    "Thanks",
    "Just following up on my last email.",
    "Checking in to see if you had a chance to look.",
    "Circling back on the proposal.",
    "Any update?",
    "Bumping this to the top of your inbox.",
    "One last time before I close your file.",
    "Touching base!!",
    "Here are the answers to your security questions, with our SOC 2 report attached.",
    "The rollout plan mapped to your May audit, week by week.",
    "Is there any discount if we sign this quarter?",
    "Can you do a lower price? Your competitor is cheaper.",
    "Thanks for the proposal. We are reviewing it with finance and will come back next week with questions.",
    "Sounds good, send the contract.",
];

const OPEN_STAGES: &[&str] = &[
    "Prospecting",
    "Qualification",
    "Proposal/Price Quote",
    "Negotiation/Review",
    "Contract Sent",
    "Legal Review",
    "appointmentscheduled",
];

const TAGS: &[&str] = &[
    "needy",
    "slow",
    "champion",
    "tire kicker",
    "q2-budget",
    "no budget",
];

const REASONS: &[&str] = &[
    "pass the May SOC 2 audit",
    "cut onboarding time before the hiring wave",
];

fn channel() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("email"), Just("call"), Just("text"), Just("meeting")]
}

/// One touch 1–120 days before now (never today: a touch added "now" is then strictly the newest).
fn touch() -> impl Strategy<Value = Value> {
    (
        1i32..=120,
        prop_oneof![3 => Just("outbound"), 2 => Just("inbound"), 1 => Just("internal")],
        channel(),
        0..SUBJECTS.len(),
        0..BODIES.len(),
    )
        .prop_map(|(ago, direction, channel, s, b)| {
            json!({
                "date": iso(-ago),
                "direction": direction,
                "channel": channel,
                "subject": SUBJECTS[s],
                "body": BODIES[b],
            })
        })
}

fn notes() -> impl Strategy<Value = Value> {
    (
        prop::option::of(0..REASONS.len()),
        prop::option::of(-30i32..=30),
        prop::option::of(prop_oneof![Just("email"), Just("call"), Just("text")]),
        prop::collection::vec(
            prop_oneof![Just("email"), Just("call"), Just("text")],
            0..=2,
        ),
        prop::option::of(-10i32..=20),
        prop::collection::vec(0..TAGS.len(), 0..=2),
    )
        .prop_map(|(reason, deadline, preferred, avoid, snooze, tags)| {
            let mut n = Map::new();
            if let Some(r) = reason {
                n.insert("reason".into(), json!(REASONS[r]));
            }
            if let Some(d) = deadline {
                n.insert("deadline".into(), json!(iso(d)));
            }
            if let Some(p) = preferred {
                n.insert("preferred_channel".into(), json!(p));
            }
            if !avoid.is_empty() {
                n.insert("avoid_channels".into(), json!(avoid));
            }
            if let Some(s) = snooze {
                n.insert("snooze_until".into(), json!(iso(s)));
                n.insert("snooze_reason".into(), json!("budget freeze"));
            }
            if !tags.is_empty() {
                let t: Vec<&str> = tags.iter().map(|i| TAGS[*i]).collect();
                n.insert("tags".into(), json!(t));
            }
            Value::Object(n)
        })
}

/// A random open deal. `timeline`: `Some(true)` always has a timeline (and no export
/// "last reply" column), `Some(false)` never has one, `None` either.
fn deal(timeline: Option<bool>) -> impl Strategy<Value = Value> {
    let touches = match timeline {
        Some(true) => prop::collection::vec(touch(), 0..=40)
            .prop_map(Some)
            .boxed(),
        Some(false) => Just(None).boxed(),
        None => prop::option::weighted(0.85, prop::collection::vec(touch(), 0..=40)).boxed(),
    };
    (
        touches,
        prop::option::of(0..OPEN_STAGES.len()),
        prop::option::of(-60i32..=60),
        prop::collection::vec(-90i32..=90, 0..=3),
        prop::option::of(0i32..=90),
        any::<bool>(),
        prop::option::of(-20i32..=20),
        prop::option::of(0i32..=90),
        notes(),
    )
        .prop_map(
            move |(touches, stage, close, prev, entered, has_next, next_date, last_in, notes)| {
                let mut d = Map::new();
                d.insert("name".into(), json!("Random deal"));
                if let Some(s) = stage {
                    d.insert("stage".into(), json!(OPEN_STAGES[s]));
                }
                if let Some(c) = close {
                    d.insert("close_date".into(), json!(iso(c)));
                }
                let mut prev = prev;
                prev.sort();
                d.insert(
                    "previous_close_dates".into(),
                    json!(prev.iter().map(|p| iso(*p)).collect::<Vec<_>>()),
                );
                if let Some(e) = entered {
                    d.insert("stage_entered".into(), json!(iso(-e)));
                }
                if has_next {
                    d.insert("next_step".into(), json!("CFO review"));
                }
                if let Some(n) = next_date {
                    d.insert("next_step_date".into(), json!(iso(n)));
                }
                match touches {
                    Some(ts) => {
                        d.insert("touches".into(), Value::Array(ts));
                    }
                    None => {
                        // An export row: no timeline, maybe a "last replied" column.
                        if let Some(l) = last_in {
                            d.insert("last_inbound".into(), json!(iso(-l)));
                        }
                    }
                }
                d.insert("notes".into(), notes);
                Value::Object(d)
            },
        )
}

fn run(deal: &Value) -> Assessment {
    let (d, n) = deal_from_json(deal, "prop").expect("generated deals are valid");
    assert!(
        n.problems.is_empty(),
        "generated notes are valid: {:?}",
        n.problems
    );
    assess(Some(&d), &n.notes, &Settings::default(), now())
}

/// The deal with one more touch, dated now and listed first (page order is newest first).
fn with_touch(deal: &Value, touch: Value) -> Value {
    let mut d = deal.clone();
    let obj = d.as_object_mut().unwrap();
    let list = obj
        .entry("touches")
        .or_insert_with(|| Value::Array(Vec::new()))
        .as_array_mut()
        .unwrap();
    list.insert(0, touch);
    d
}

/// The bands of docs/scoring.md: 0–34 low, 35–64 watch, 65–100 high.
fn spec_band(risk: u8) -> Band {
    if risk >= 65 {
        Band::High
    } else if risk >= 35 {
        Band::Watch
    } else {
        Band::Low
    }
}

fn points(a: &Assessment, code: &str) -> u32 {
    a.reasons
        .iter()
        .filter(|r| r.code == code)
        .map(|r| r.points)
        .sum()
}

fn summary(a: &Assessment) -> String {
    let rs: Vec<String> = a
        .reasons
        .iter()
        .map(|r| format!("{} {} ({})", r.code, r.points, r.fact))
        .collect();
    format!("{:?} risk={:?} [{}]", a.state, a.stall_risk, rs.join("; "))
}

fn config() -> Config {
    Config {
        cases: 256,
        // Keep failures in the test output rather than writing regression files next to
        // the sources.
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// Chasing more never makes a deal look healthier.
    #[test]
    fn one_more_unanswered_touch_never_lowers_the_risk(
        deal in deal(Some(true)),
        channel in prop_oneof![Just("email"), Just("call"), Just("text")],
        s in 0..SUBJECTS.len(),
        b in 0..BODIES.len(),
    ) {
        let before = run(&deal);
        let more = with_touch(&deal, json!({
            "date": iso(0), "direction": "outbound", "channel": channel,
            "subject": SUBJECTS[s], "body": BODIES[b],
        }));
        let after = run(&more);
        // Answering a buyer who was waiting on you is not chasing: that reason may go; nothing
        // else may fall (sums before the cap at 100).
        let chasing = |a: &Assessment| {
            a.reasons.iter().map(|r| r.points).sum::<u32>() - points(a, "buyer_waiting")
        };
        prop_assert!(
            chasing(&after) >= chasing(&before),
            "risk fell after one more outbound touch:\nbefore {}\nafter  {}",
            summary(&before), summary(&after)
        );
    }

    /// Hearing "No." is never better news than hearing a neutral reply the same day.
    #[test]
    fn a_no_is_never_better_than_a_neutral_reply(deal in deal(Some(true))) {
        let reply = |body: &str| with_touch(&deal, json!({
            "date": iso(0), "direction": "inbound", "channel": "email",
            "subject": "Re: proposal", "body": body,
        }));
        let neutral = run(&reply("Thanks, noted."));
        let no = run(&reply("No."));
        prop_assert!(
            no.stall_risk > neutral.stall_risk || no.stall_risk == Some(100),
            "a no scored no worse than a neutral reply:\nneutral {}\nno      {}",
            summary(&neutral), summary(&no)
        );
        prop_assert!(
            matches!(no.state, State::CloseOut | State::Snoozed),
            "a no leads to closing out (unless snoozed): {}", summary(&no)
        );
    }

    /// An auto-reply is never the buyer replying: silence and the trap stay as they were.
    #[test]
    fn an_auto_reply_never_counts_as_a_reply(deal in deal(Some(true))) {
        let before = run(&deal);
        let after = run(&with_touch(&deal, json!({
            "date": iso(0), "direction": "inbound", "channel": "email",
            "subject": "Automatic reply: proposal",
            "body": "I am out of the office with limited access to email.",
        })));
        for code in ["silence", "follow_up_trap"] {
            prop_assert_eq!(points(&after, code), points(&before, code), "{}: {}", code, summary(&after));
        }
    }

    /// The buyer writing after the rep snoozed the deal always ends the snooze.
    #[test]
    fn a_later_inbound_touch_always_ends_a_snooze(deal in deal(Some(true)), ahead in 1i32..=30) {
        let mut snoozed = deal.clone();
        let notes = snoozed["notes"].as_object_mut().unwrap();
        notes.insert("snooze_until".into(), json!(iso(ahead)));
        // Set yesterday (milliseconds since the epoch, as the popup stamps it).
        let yesterday_ms = (now().0 as u64 - 1) * 86_400_000;
        notes.insert("changed".into(), json!({ "snooze_until": yesterday_ms }));
        prop_assume!(run(&snoozed).state == State::Snoozed);
        let after = run(&with_touch(&snoozed, json!({
            "date": iso(0), "direction": "inbound", "channel": "email",
            "subject": "Re: proposal", "body": "Budget is released, please send the order form.",
        })));
        prop_assert!(after.state != State::Snoozed, "still snoozed: {}", summary(&after));
        prop_assert!(after.notices.iter().any(|n| n.code.as_str() == "snooze_ended_early"));
    }

    /// The buyer replying today never adds silence or follow-up-trap points.
    #[test]
    fn a_reply_today_never_raises_silence_or_the_trap(
        deal in deal(None),
        b in 0..BODIES.len(),
    ) {
        let before = run(&deal);
        let replied = with_touch(&deal, json!({
            "date": iso(0), "direction": "inbound", "channel": "email",
            "subject": "Re: proposal", "body": BODIES[b],
        }));
        let after = run(&replied);
        prop_assert!(
            points(&after, "silence") <= points(&before, "silence"),
            "silence rose after a reply today:\nbefore {}\nafter  {}",
            summary(&before), summary(&after)
        );
        prop_assert!(
            points(&after, "follow_up_trap") <= points(&before, "follow_up_trap"),
            "the follow-up trap rose after a reply today:\nbefore {}\nafter  {}",
            summary(&before), summary(&after)
        );
    }

    /// Won or lost deals are never scored, whatever their timeline says.
    #[test]
    fn closed_deals_are_never_scored(
        deal in deal(None),
        stage in prop_oneof![Just("Closed Won"), Just("Closed Lost"), Just("closedwon"), Just("closedlost")],
    ) {
        let mut d = deal;
        d.as_object_mut().unwrap().insert("stage".into(), json!(stage));
        let a = run(&d);
        prop_assert_eq!(a.state, State::Closed, "{}", summary(&a));
        prop_assert_eq!(a.stall_risk, None);
        prop_assert_eq!(a.band, None);
        prop_assert!(a.reasons.is_empty(), "{}", summary(&a));
    }

    /// The score is the sum of the reasons capped at 100, banded as documented, with every
    /// reason carrying points and a fact, largest first.
    #[test]
    fn scores_are_well_formed(deal in deal(None)) {
        let a = run(&deal);
        let risk = a.stall_risk;
        prop_assert!(risk.is_some(), "an open deal is scored: {}", summary(&a));
        let risk = risk.unwrap();
        prop_assert!(risk <= 100);
        let total: u32 = a.reasons.iter().map(|r| r.points).sum();
        prop_assert_eq!(u32::from(risk), total.min(100), "{}", summary(&a));
        prop_assert_eq!(a.band, Some(spec_band(risk)), "{}", summary(&a));
        for w in a.reasons.windows(2) {
            prop_assert!(w[0].points >= w[1].points, "reasons not largest first: {}", summary(&a));
        }
        for r in &a.reasons {
            prop_assert!(r.points > 0, "{} has no points: {}", r.code, summary(&a));
            prop_assert!(!r.fact.trim().is_empty(), "{} has no fact", r.code);
        }
    }

    /// A snooze still ahead suspends silence, the deadline, the trap and effort balance, unless
    /// the buyer came back and ended it (said in a notice).
    #[test]
    fn a_snooze_suspends_the_silence_based_signals(deal in deal(None), ahead in 1i32..=30) {
        let mut d = deal;
        let notes = d.as_object_mut().unwrap().get_mut("notes").unwrap().as_object_mut().unwrap();
        notes.insert("snooze_until".into(), json!(iso(ahead)));
        let a = run(&d);
        if a.notices.iter().any(|n| n.code == NoticeCode::SnoozeEndedEarly) {
            prop_assert!(a.state != State::Snoozed, "ended early, yet snoozed: {}", summary(&a));
            return Ok(());
        }
        for code in ["silence", "deadline", "follow_up_trap", "effort_balance"] {
            prop_assert!(
                !a.reasons.iter().any(|r| r.code == code),
                "{} counted during a snooze: {}", code, summary(&a)
            );
        }
    }

    /// The same inputs always give the same assessment.
    #[test]
    fn assessments_are_deterministic(deal in deal(None)) {
        let text = serde_json::to_string(&deal).unwrap();
        let again: Value = serde_json::from_str(&text).unwrap();
        let a = run(&deal);
        let b = run(&again);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(run(&deal), a);
    }
}

/// A private note: ordinary private-note words around 1–4 made-up words no draft could hold by
/// chance ("zq" and letters), so finding one of them in a draft can only mean it leaked.
fn private_note() -> impl Strategy<Value = (String, Vec<String>)> {
    const AROUND: &[&str] = &[
        "his boss is skeptical after the last tool flopped",
        "she wants to stop paying 3 agencies",
        "cheap, needy",
        "their CFO thinks we are too expensive",
        "Il veut tout pour hier",
        "Sein Chef ist skeptisch",
        "Su jefe es escéptico",
    ];
    (
        prop::collection::vec("zq[a-z]{4,8}", 1..=4),
        0..AROUND.len(),
        any::<bool>(),
    )
        .prop_map(|(marks, around, before)| {
            let marks_text = marks.join(" ");
            let text = if before {
                format!("{marks_text}: {}", AROUND[around])
            } else {
                format!("{}. {marks_text}!", AROUND[around])
            };
            (text, marks)
        })
}

/// The deal's notes steered toward each kind of message in turn (as generated; no reason; a
/// reason with an approver and a goal; bad-fit tags; a snooze; a buyer's "no"; a long
/// silence), each carrying the private note.
fn steered(deal: &Value, private: &str) -> Vec<Value> {
    let with = |edit: &dyn Fn(&mut Map<String, Value>)| {
        let mut d = deal.clone();
        let notes = d["notes"].as_object_mut().unwrap();
        notes.insert("private".into(), json!(private));
        edit(notes);
        d
    };
    let mut out = vec![
        with(&|_| {}),
        with(&|n| {
            n.remove("reason");
        }),
        with(&|n| {
            n.insert("reason".into(), json!(REASONS[0]));
            n.insert("approver".into(), json!("Dana Whitfield"));
            n.insert("goal".into(), json!("cut audit prep from 6 weeks to 2"));
            n.remove("snooze_until");
        }),
        with(&|n| {
            n.insert("tags".into(), json!(["needy", "slow", "no budget"]));
            n.remove("snooze_until");
        }),
        with(&|n| {
            n.insert("snooze_until".into(), json!(iso(7)));
        }),
    ];
    let mut no = with(&|n| {
        n.insert("reason".into(), json!(REASONS[1]));
        n.remove("snooze_until");
    });
    no = with_touch(
        &no,
        json!({"date": iso(0), "direction": "inbound", "channel": "email",
               "subject": "Re: proposal", "body": "No."}),
    );
    out.push(no);
    let mut silent = with(&|n| {
        n.insert("reason".into(), json!(REASONS[0]));
        n.remove("snooze_until");
        n.remove("tags");
    });
    silent["touches"] = json!([
        {"date": iso(-30), "direction": "outbound", "channel": "email",
         "subject": "Audit plan", "body": "The rollout plan mapped to your May audit, week by week."},
        {"date": iso(-35), "direction": "inbound", "channel": "email",
         "subject": "Re: proposal", "body": "Thanks for the proposal. We are reviewing it with finance and will come back next week with questions."},
    ]);
    out.push(silent);
    out
}

/// A private note never reaches the buyer: no draft of any kind, channel or tone (subject,
/// text, call openers), nor the line on why or the advice, holds a word of it.
#[test]
fn a_private_note_never_appears_in_any_draft() {
    use proptest::test_runner::TestRunner;
    use stallwatch::core::message::assess_and_compose;
    use std::cell::RefCell;
    use std::collections::BTreeSet;

    let kinds: RefCell<BTreeSet<String>> = RefCell::default();
    let drafts = RefCell::new(0usize);
    let mut runner = TestRunner::new(config());
    let result = runner.run(&(deal(None), private_note()), |(deal, (private, marks))| {
        for d in steered(&deal, &private) {
            let (deal, n) = deal_from_json(&d, "prop").expect("generated deals are valid");
            prop_assert_eq!(n.notes.private.as_deref(), Some(private.as_str()));
            let (_, suggestion) = assess_and_compose(&deal, &n.notes, &Settings::default(), now());
            let Some(s) = suggestion else { continue };
            let all = serde_json::to_string(&s).unwrap().to_lowercase();
            for m in &marks {
                prop_assert!(!all.contains(m.as_str()), "{} leaked into {}", m, all);
            }
            if !s.drafts.is_empty() {
                kinds
                    .borrow_mut()
                    .insert(serde_json::to_string(&s.kind).unwrap());
                *drafts.borrow_mut() += s.drafts.len();
            }
            for draft in &s.drafts {
                let parts = draft
                    .subject
                    .iter()
                    .chain([&draft.text])
                    .chain(&draft.openers);
                for part in parts {
                    prop_assert!(!part.contains(private.as_str()), "{:?}", part);
                }
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // Not vacuous: many drafts, of most kinds, were read.
    let kinds = kinds.into_inner();
    assert!(
        kinds.len() >= 5,
        "drafts of too few kinds were checked: {kinds:?}"
    );
    assert!(drafts.into_inner() > 1000);
}

#[test]
fn a_page_that_is_not_a_deal_is_never_scored() {
    let a = assess(None, &Notes::default(), &Settings::default(), now());
    assert_eq!(a.state, State::NotADeal);
    assert_eq!(a.stall_risk, None);
    assert!(a.reasons.is_empty());
}
