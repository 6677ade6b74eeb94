//! The correction loop, through the views the card and the background use: the rep corrects a
//! reason ("they did reply", "already handled", "the real close date", "doesn't apply"), the
//! score and the suggestion follow at once, an undo puts everything back, and the page
//! overtakes a correction when it shows something newer. Then "since you last looked" and the
//! close-date pushes Stallwatch counts across visits of the same page.
//!
//! The deals are read from Salesforce record snapshots (the shape `read_page.js` sends), and
//! storage is a map the effects are applied to, as `lib/store.js` applies them.

use serde_json::{json, Value};
use stallwatch::core::date::Day;
use stallwatch::core::risk::ReasonCode;
use stallwatch::core::store::{Effects, Stored};
use stallwatch::crm::snapshot::RawSnapshot;
use stallwatch::view::{DealView, Page, PageView};

const DAY_MS: u64 = 86_400_000;
const URL: &str =
    "https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view";

fn day(m: u32, d: u32) -> Day {
    Day::from_ymd(2026, m, d).unwrap()
}

/// Milliseconds at noon UTC on `d` (the rep's day in these tests is UTC's).
fn ms(d: Day) -> u64 {
    (d.0 as u64) * DAY_MS + DAY_MS / 2
}

fn us(d: Day) -> String {
    let iso = d.iso();
    let (y, rest) = iso.split_at(4);
    let (m, dd) = (&rest[1..3], &rest[4..6]);
    format!(
        "{}/{}/{y}",
        m.trim_start_matches('0'),
        dd.trim_start_matches('0')
    )
}

fn email(ours: bool, d: Day, subject: &str, body: &str) -> Value {
    json!({
        "kind": "slds-timeline__item_email", "type": "slds-timeline__item_email",
        "subject": subject, "date": us(d),
        "header": if ours { "You sent an email to Dana Whitfield" } else { "Dana Whitfield sent you an email" },
        "actor": if ours { "You" } else { "Dana Whitfield" },
        "body": body,
    })
}

/// A Proposal-stage deal whose buyer last wrote on 2 Nov, chased twice since; close date `close`.
fn page(close: Day, extra: Vec<Value>) -> RawSnapshot {
    let mut activities = extra;
    activities.extend([
        email(
            true,
            day(11, 24),
            "Following up",
            "Just checking in on this.",
        ),
        email(
            true,
            day(11, 12),
            "Re: proposal",
            "Here is the revised pricing for 40 seats, with the SSO add-on.",
        ),
        email(
            false,
            day(11, 2),
            "Re: proposal",
            "Thanks, we will review it with finance and come back to you.",
        ),
    ]);
    serde_json::from_value(json!({
        "url": URL,
        "title": "Acme renewal | Salesforce",
        "fields": {
            "name": {"value": "Acme renewal"},
            "stage": {"value": "Proposal"},
            "close_date": {"value": us(close)},
            "next_step": {"value": "CFO review"},
            "contact": {"value": "Dana Whitfield"},
        },
        "activities": activities,
    }))
    .unwrap()
}

fn card(p: &Page, stored: &Stored, now: Day) -> DealView {
    match p.view(stored, now, ms(now)) {
        PageView::Deal(v) => *v,
        PageView::List(_) => panic!("a record page"),
    }
}

fn codes(v: &DealView) -> Vec<ReasonCode> {
    v.reasons.iter().map(|r| r.code).collect()
}

fn after(stored: &Stored, e: &Effects) -> Stored {
    assert!(
        e.status.is_none() || !e.set.is_empty(),
        "refused: {:?}",
        e.status
    );
    stored.after(e)
}

const NOW: fn() -> Day = || day(12, 7);

#[test]
fn they_did_reply_moves_every_fact_since_their_last_reply_and_undo_puts_it_back() {
    let p = Page::new(page(day(12, 20), vec![]));
    let key = card(&p, &Stored::empty(), NOW()).deal_key.unwrap();
    // Their reason is noted, so the suggestion rests on the deal's timeline.
    let empty = Stored::from_value(json!({
        format!("notes:{key}"): {"reason": "pass the SOC 2 audit in March without a new hire"}
    }));
    let before = card(&p, &empty, NOW());
    assert!(
        codes(&before).contains(&ReasonCode::Silence),
        "{:?}",
        codes(&before)
    );
    assert!(
        codes(&before).contains(&ReasonCode::FollowUpTrap),
        "{:?}",
        codes(&before)
    );

    let e = p.corrected(
        &empty,
        "silence",
        "replied",
        &day(12, 5).iso(),
        NOW(),
        ms(NOW()),
    );
    let stored = after(&empty, &e);
    let v = card(&p, &stored, NOW());
    assert!(!codes(&v).contains(&ReasonCode::Silence), "{:?}", v.reasons);
    assert!(
        !codes(&v).contains(&ReasonCode::FollowUpTrap),
        "the streak was before their reply"
    );
    assert!(v.score < before.score, "{:?} < {:?}", v.score, before.score);
    // The reason stays visible, struck through, with what the rep said.
    let c = &v.corrected[0];
    assert_eq!(c.code, ReasonCode::Silence);
    assert_eq!(c.was.as_ref().map(|r| r.code), Some(ReasonCode::Silence));
    assert!(c.said.contains("replied on 5 Dec"), "{}", c.said);
    // The suggestion follows: what it rests on is no longer their silence.
    let why = |v: &DealView| v.message.as_ref().map(|m| (m.kind, m.why.clone()));
    assert!(why(&before).is_some() && why(&v).is_some());
    assert_ne!(why(&before), why(&v), "the suggestion was worked out again");
    let (_, after_why) = why(&v).unwrap();
    assert!(
        after_why.contains("2 days since their last reply"),
        "{after_why}"
    );

    // Undo: exactly the page's reading again.
    let undone = stored.after(&p.uncorrected(&stored, "silence", ms(NOW())));
    let again = card(&p, &undone, NOW());
    assert_eq!((again.score, codes(&again)), (before.score, codes(&before)));
    assert!(again.corrected.is_empty());
}

#[test]
fn a_reply_the_page_shows_later_overtakes_the_one_the_rep_gave() {
    let p = Page::new(page(day(12, 20), vec![]));
    let stored = after(
        &Stored::empty(),
        &Page::new(page(day(12, 20), vec![])).corrected(
            &Stored::empty(),
            "silence",
            "replied",
            &day(11, 28).iso(),
            NOW(),
            ms(NOW()),
        ),
    );
    let v = card(&p, &stored, NOW());
    let silence = v
        .reasons
        .iter()
        .find(|r| r.code == ReasonCode::Silence)
        .unwrap();
    assert!(
        silence.fact.contains("28 Nov"),
        "counted from their reply: {}",
        silence.fact
    );
    // The page now shows their reply of 3 Dec: it is newer than the rep's date, so the page
    // counts and the rep's correction is said to be overtaken.
    let newer = Page::new(page(
        day(12, 20),
        vec![email(
            false,
            day(12, 3),
            "Re: proposal",
            "Finance is fine with it; legal next.",
        )],
    ));
    let v = card(&newer, &stored, NOW());
    assert!(v.corrected.iter().all(|c| c.overtaken), "{:?}", v.corrected);
    assert!(
        v.corrected[0].said.contains("no longer counts"),
        "{}",
        v.corrected[0].said
    );
}

#[test]
fn the_real_close_date_counts_until_the_page_shows_another() {
    let past = Page::new(page(day(11, 30), vec![]));
    let empty = Stored::empty();
    assert!(codes(&card(&past, &empty, NOW())).contains(&ReasonCode::CloseDatePast));
    let stored = after(
        &empty,
        &past.corrected(
            &empty,
            "close_date_past",
            "close_date",
            &day(12, 19).iso(),
            NOW(),
            ms(NOW()),
        ),
    );
    let v = card(&past, &stored, NOW());
    assert!(
        !codes(&v).contains(&ReasonCode::CloseDatePast),
        "{:?}",
        v.reasons
    );
    assert!(
        v.corrected[0].said.contains("really 19 Dec"),
        "{}",
        v.corrected[0].said
    );
    // Someone fixed the field in the CRM (to a date still past): the page counts again.
    let fixed = Page::new(page(day(12, 1), vec![]));
    let v = card(&fixed, &stored, NOW());
    assert!(codes(&v).contains(&ReasonCode::CloseDatePast));
    assert!(v.corrected[0].overtaken);
}

#[test]
fn already_handled_lasts_until_a_newer_activity_and_doesnt_apply_lasts() {
    let p = Page::new(page(day(12, 20), vec![]));
    let empty = Stored::empty();
    let s1 = after(
        &empty,
        &p.corrected(
            &empty,
            "follow_up_trap",
            "not_this_deal",
            "",
            NOW(),
            ms(NOW()),
        ),
    );
    assert!(!codes(&card(&p, &s1, NOW())).contains(&ReasonCode::FollowUpTrap));
    // One more chaser of ours on the page: "doesn't apply" still holds.
    let chased = Page::new(page(
        day(12, 20),
        vec![email(true, day(12, 4), "Checking in", "Any news?")],
    ));
    assert!(!codes(&card(&chased, &s1, NOW())).contains(&ReasonCode::FollowUpTrap));

    // "Already handled" on their deadline (the rep called them about it): until the page shows
    // a newer activity than the one the reason was read from.
    let key = card(&p, &empty, NOW()).deal_key.unwrap();
    let with_deadline = Stored::from_value(json!({
        format!("notes:{key}"): {"deadline": day(12, 12).iso()}
    }));
    let base = card(&p, &with_deadline, NOW());
    assert!(
        codes(&base).contains(&ReasonCode::Deadline),
        "{:?}",
        codes(&base)
    );
    let s2 = after(
        &with_deadline,
        &p.corrected(&with_deadline, "deadline", "handled", "", NOW(), ms(NOW())),
    );
    let v = card(&p, &s2, NOW());
    assert!(!codes(&v).contains(&ReasonCode::Deadline));
    assert_eq!(v.notes.deadline, Some(day(12, 12)), "the other notes kept");
    // A newer activity on the page (one more chaser): the deadline counts again.
    let v = card(&chased, &s2, NOW());
    assert!(codes(&v).contains(&ReasonCode::Deadline), "{:?}", codes(&v));
    assert!(v
        .corrected
        .iter()
        .any(|c| c.code == ReasonCode::Deadline && c.overtaken));
}

#[test]
fn what_cannot_be_true_is_refused_with_a_reason_and_nothing_is_stored() {
    let p = Page::new(page(day(12, 20), vec![]));
    let empty = Stored::empty();
    for (code, said, d) in [
        ("silence", "replied", day(12, 8).iso()),
        ("silence", "replied", String::new()),
        ("silence", "replied", "not a date".to_string()),
        ("silence", "close_date", day(12, 8).iso()),
        ("no_such_reason", "handled", String::new()),
    ] {
        let e = p.corrected(&empty, code, said, &d, NOW(), ms(NOW()));
        assert!(e.set.is_empty() && e.remove.is_empty(), "{code} {said} {d}");
        assert!(
            e.status.as_deref().is_some_and(|s| !s.is_empty()),
            "{code} {said} {d}"
        );
    }
}

#[test]
fn a_corrupt_correction_is_said_and_the_other_notes_still_count() {
    let p = Page::new(page(day(12, 20), vec![]));
    let key = card(&p, &Stored::empty(), NOW()).deal_key.unwrap();
    let stored = Stored::from_value(json!({
        format!("notes:{key}"): {
            "reason": "pass the SOC 2 audit in March",
            "corrections": [{"code": "silence", "said": "replied"}, 7]
        }
    }));
    let v = card(&p, &stored, NOW());
    assert_eq!(
        v.notes.reason.as_deref(),
        Some("pass the SOC 2 audit in March")
    );
    assert!(
        v.problems.iter().any(|p| p.contains("2 corrections")),
        "{:?}",
        v.problems
    );
}

// ---- since you last looked, and the pushes counted across visits ----------------------------

/// One visit: the background's call on the page event (the badge and the memory write), then
/// the card as the rep opens it a few seconds later. Returns the storage after, and the card.
fn visit(snapshot: RawSnapshot, stored: &Stored, now: Day) -> (Stored, DealView) {
    let p = Page::new(snapshot);
    let at = ms(now);
    let answer = p.on_page(stored, now, at, true);
    // The card can open before the memory write lands, or after: it says the same.
    let early = card(&p, stored, now);
    let stored = stored.after(&answer.effects);
    let late = match p.view(&stored, now, at + 5_000) {
        PageView::Deal(v) => *v,
        PageView::List(_) => unreachable!(),
    };
    assert_eq!(
        early.since_looked, late.since_looked,
        "before and after the write"
    );
    assert_eq!(early.score, late.score);
    assert_eq!(
        answer.badge.number,
        late.score.map(|s| s.to_string()).unwrap_or_default()
    );
    (stored, late)
}

#[test]
fn since_you_last_looked_says_what_moved_between_two_visits() {
    let (s, first) = visit(page(day(12, 15), vec![]), &Stored::empty(), day(12, 3));
    assert_eq!(first.since_looked, None, "the first look");
    let (s, second) = visit(
        page(
            day(1, 15).plus(365),
            vec![email(
                false,
                day(12, 5),
                "Re: proposal",
                "Legal has a question on the DPA.",
            )],
        ),
        &s,
        day(12, 7),
    );
    let line = second.since_looked.expect("a second look");
    assert!(
        line.starts_with("Since you last looked (4 days ago, 3 Dec)"),
        "{line}"
    );
    assert!(
        line.contains("close date moved later, 15 Dec \u{2192} 15 Jan 2027"),
        "{line}"
    );
    assert!(line.contains("1 new activity from them"), "{line}");
    // The same tab read again an hour later, nothing new: still this look.
    let p = Page::new(page(
        day(1, 15).plus(365),
        vec![email(
            false,
            day(12, 5),
            "Re: proposal",
            "Legal has a question on the DPA.",
        )],
    ));
    let v = match p.view(&s, day(12, 7), ms(day(12, 7)) + 30 * 60_000) {
        PageView::Deal(v) => *v,
        _ => unreachable!(),
    };
    assert_eq!(v.since_looked.as_deref(), Some(line.as_str()));
    // The next day, nothing changed: said so.
    let (_, third) = visit(
        page(
            day(1, 15).plus(365),
            vec![email(
                false,
                day(12, 5),
                "Re: proposal",
                "Legal has a question on the DPA.",
            )],
        ),
        &s,
        day(12, 8),
    );
    assert_eq!(
        third.since_looked.as_deref(),
        Some("Nothing changed since you last looked (yesterday, 7 Dec).")
    );
}

#[test]
fn close_date_pushes_count_across_visits_and_a_move_back_is_no_push() {
    let pushed = |v: &DealView| codes(v).contains(&ReasonCode::CloseDatePushed);
    let (s, v) = visit(page(day(12, 15), vec![]), &Stored::empty(), day(11, 25));
    assert!(!pushed(&v));
    let (s, v) = visit(page(day(12, 31), vec![]), &s, day(11, 28));
    assert!(!pushed(&v), "one push is common: no reason yet");
    assert!(v.since_looked.unwrap().contains("15 Dec \u{2192} 31 Dec"));
    let (s, v) = visit(page(day(12, 24), vec![]), &s, day(12, 1));
    assert!(!pushed(&v), "moved earlier: not a push");
    assert!(
        v.since_looked
            .as_deref()
            .unwrap_or("")
            .contains("moved earlier, 31 Dec \u{2192} 24 Dec, its second move"),
        "{:?}",
        v.since_looked
    );
    let (_, v) = visit(page(day(1, 20).plus(365), vec![]), &s, day(12, 7));
    assert!(pushed(&v), "{:?}", v.reasons);
    let r = v
        .reasons
        .iter()
        .find(|r| r.code == ReasonCode::CloseDatePushed)
        .unwrap();
    assert!(r.fact.contains("2 times"), "{}", r.fact);
    assert!(
        v.since_looked
            .as_deref()
            .unwrap_or("")
            .contains("its third move since Stallwatch first saw it on 25 Nov"),
        "{:?}",
        v.since_looked
    );
}

#[test]
fn a_deal_not_seen_for_a_while_counts_one_move_and_one_forgotten_is_new_again() {
    let (s, _) = visit(page(day(9, 15), vec![]), &Stored::empty(), day(9, 1));
    // Seen again 60 days later: whatever happened between, one move is what was seen.
    let (_, v) = visit(page(day(12, 20), vec![]), &s, day(10, 31));
    let line = v.since_looked.unwrap();
    assert!(line.contains("60 days ago, 1 Sep"), "{line}");
    assert!(
        line.contains("15 Sep \u{2192} 20 Dec") && !line.contains("move since"),
        "{line}"
    );
    // Past the retention (90 days by default), the memory is gone: a first look again.
    let (_, v) = visit(page(day(12, 20), vec![]), &s, day(12, 7));
    assert_eq!(v.since_looked, None);
}

// ---- what each reason used -------------------------------------------------------------------

#[test]
fn each_reason_lists_the_page_facts_it_was_computed_from() {
    let p = Page::new(page(day(11, 30), vec![]));
    let v = card(&p, &Stored::empty(), NOW());
    assert_eq!(v.used.len(), v.reasons.len());
    for (r, lines) in v.reasons.iter().zip(&v.used) {
        assert!(!lines.is_empty(), "{} lists nothing", r.code);
    }
    let of = |code: ReasonCode| {
        let i = v.reasons.iter().position(|r| r.code == code).unwrap();
        v.used[i].clone()
    };
    // The two chasers and the reply before them, with their dates as read.
    assert_eq!(
        of(ReasonCode::FollowUpTrap),
        vec![
            "Their last reply: 2 Nov · email from them · \u{201c}Re: proposal\u{201d}",
            "Since: 24 Nov · email from you · \u{201c}Following up\u{201d}",
            "Since: 12 Nov · email from you · \u{201c}Re: proposal\u{201d}",
        ]
    );
    assert_eq!(of(ReasonCode::CloseDatePast), vec!["Close date: 30 Nov"]);
    // A reply the rep gave is said as theirs, not as the page's.
    let stored = after(
        &Stored::empty(),
        &p.corrected(
            &Stored::empty(),
            "silence",
            "replied",
            &day(11, 28).iso(),
            NOW(),
            ms(NOW()),
        ),
    );
    let v = card(&p, &stored, NOW());
    let i = v
        .reasons
        .iter()
        .position(|r| r.code == ReasonCode::Silence)
        .unwrap();
    assert!(
        v.used[i].contains(&"Their reply on 28 Nov, as you said (not on the page)".to_string()),
        "{:?}",
        v.used[i]
    );
}
