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
            // The buyer's "our" is theirs, said back to them as "your".
            assert!(
                draft.text.contains("make sure every one of your"),
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

fn with_touch(mut d: Deal, days_ago: i32, direction: Direction, subject: &str, body: &str) -> Deal {
    d.touches.get_or_insert_with(Vec::new).insert(
        0,
        Touch {
            day: now().plus(-days_ago),
            direction,
            channel: Channel::Email,
            subject: subject.into(),
            body: body.into(),
        },
    );
    d
}

#[test]
fn an_unanswered_request_is_answered_first() {
    let s = Settings::default();
    let notes = Notes {
        reason: Some("have dispatch live before the spring peak".into()),
        ..Notes::default()
    };
    let d = with_touch(
        deal(20),
        4,
        Direction::Inbound,
        "",
        "Please send the order form and I'll sign it this week.",
    );
    let m = suggest(&d, &notes, &s);
    assert_eq!(m.kind, Kind::Answer);
    let email = m
        .drafts
        .iter()
        .find(|x| x.channel == Channel::Email)
        .unwrap();
    assert!(
        email.text.contains("Here is the order form you asked for"),
        "{}",
        email.text
    );
    assert!(
        email.text.matches('?').count() <= 1,
        "at most one question: {}",
        email.text
    );
    // Once something went back, it is no longer waiting: another kind.
    let answered = with_touch(
        d,
        1,
        Direction::Outbound,
        "Order form",
        "The order form, ready to sign.",
    );
    assert_ne!(suggest(&answered, &notes, &s).kind, Kind::Answer);
}

#[test]
fn when_we_give_more_than_we_get_we_ask_and_offer_nothing() {
    let s = Settings::default();
    let notes = Notes {
        reason: Some("have dispatch live before the spring peak".into()),
        ..Notes::default()
    };
    let mut d = deal(30);
    // Nine of the last ten touches are ours.
    for i in 0..9 {
        d = with_touch(
            d,
            28 - 3 * i,
            Direction::Outbound,
            &format!("Idea {}", i + 1),
            "Something useful for your rollout.",
        );
    }
    let m = suggest(&d, &notes, &s);
    assert_eq!(m.kind, Kind::Commitment, "{:?}", m.why);
    for draft in &m.drafts {
        assert!(
            draft.text.contains("20 minutes"),
            "a small, dated ask: {}",
            draft.text
        );
        assert!(
            !draft.text.to_lowercase().contains("attached"),
            "nothing more offered: {}",
            draft.text
        );
    }
}

#[test]
fn a_near_deadline_gives_the_call_back_a_time() {
    let s = Settings::default();
    let notes = Notes {
        reason: Some("have dispatch live before the spring peak".into()),
        deadline: Some(now().plus(4)),
        ..Notes::default()
    };
    let m = suggest(&deal(10), &notes, &s);
    let call = m
        .drafts
        .iter()
        .find(|x| x.channel == Channel::Call)
        .unwrap();
    // Deadline Tue 24 Mar: call back by Monday 23 Mar, not "whenever suits you".
    assert!(
        call.text.contains("Call me back by Monday 23 Mar"),
        "{}",
        call.text
    );
    assert!(!call.text.contains("whenever"), "{}", call.text);
}

#[test]
fn an_old_or_negative_last_message_is_not_thanked() {
    let s = Settings::default();
    let notes = Notes {
        reason: Some("have dispatch live before the spring peak".into()),
        ..Notes::default()
    };
    // deal(n): the buyer's call n days ago. Two months ago: no "Thank you for the call".
    let m = suggest(&deal(60), &notes, &s);
    assert!(
        m.drafts.iter().all(|x| !x.text.contains("Thank you for")),
        "{:?}",
        m.drafts[0].text
    );
    let m = suggest(&deal(5), &notes, &s);
    assert!(m
        .drafts
        .iter()
        .any(|x| x.text.contains("Thank you for the call")));
}

#[test]
fn reasons_in_any_form_stay_grammatical() {
    let s = Settings::default();
    // A noun phrase, a verb phrase, a first-person sentence with its period, a question-like
    // third-person note: every frame must read right with each.
    // (A noun phrase reads right in every frame: "a question about fewer no-shows".)
    for reason in [
        "get crews off paper timesheets",
        "We need the portal live by March.",
        "have the portal live before the audit",
    ] {
        let first = reason.split_whitespace().next().unwrap();
        for days in [10, 30] {
            let notes = Notes {
                reason: Some(reason.into()),
                deadline: Some(now().plus(40)),
                ..Notes::default()
            };
            let m = suggest(&deal(days), &notes, &s);
            for d in &m.drafts {
                let text = format!("{} {}", d.subject.clone().unwrap_or_default(), d.text);
                let openers = d.openers.join(" ");
                for bad in ["for ", "Is ", "about ", "an idea for ", "on "] {
                    let glued = format!("{bad}{first}");
                    assert!(
                        !text.contains(&glued) && !openers.contains(&glued),
                        "{:?} / {reason:?}: {glued:?} in {text:?} {openers:?}",
                        m.kind
                    );
                }
                assert!(!text.contains("by when by"), "{text}");
                assert!(!text.contains(". ?") && !text.contains(".?"), "{text}");
            }
        }
    }
}

#[test]
fn a_copied_unanswered_suggestion_is_not_repeated() {
    use super::memory::{fingerprint, Copied};
    let s = Settings::default();
    let notes = Notes {
        reason: Some("have dispatch live before the spring peak".into()),
        ..Notes::default()
    };
    let d = deal(10);
    let (_, first) = assess_and_compose_after(&d, &notes, &s, now(), None);
    let first = first.unwrap();
    assert_eq!(first.kind, Kind::ReasonFeedback);
    let copied = Copied::of(first.kind, &first.drafts[0], now().plus(-2));
    let (_, next) = assess_and_compose_after(&d, &notes, &s, now(), Some(&copied));
    let next = next.unwrap();
    assert_ne!(next.kind, first.kind, "another angle");
    assert!(next.why.contains("went unanswered"), "{}", next.why);
    assert!(next
        .drafts
        .iter()
        .all(|x| fingerprint(x) != copied.fingerprint));
    assert_ne!(
        (next.drafts[0].channel, next.drafts[0].tone),
        (copied.channel, copied.tone),
        "another channel or tone first"
    );
    // Copied today: still in flight, nothing changes under the rep's hands.
    let today = Copied::of(first.kind, &first.drafts[0], now());
    let (_, same) = assess_and_compose_after(&d, &notes, &s, now(), Some(&today));
    assert_eq!(same.unwrap(), first);
    // The buyer replied after the copy: answered, so no change of angle for that reason.
    let replied = Copied::of(first.kind, &first.drafts[0], now().plus(-12));
    let (_, after_reply) = assess_and_compose_after(&d, &notes, &s, now(), Some(&replied));
    assert_eq!(after_reply.unwrap().kind, first.kind);
}

#[test]
fn the_language_comes_from_the_note_then_the_options_then_the_page() {
    let mut d = deal(3);
    let mut n = Notes {
        reason: Some("pass the Q1 audit".into()),
        ..Notes::default()
    };
    let mut s = Settings::default();
    let lang = |d: &Deal, n: &Notes, s: &Settings| {
        let a = assess(Some(d), n, s, now());
        let m = compose(Some(d), n, &a, s, now()).expect("a suggestion");
        (m.lang, m.lang_from, m.drafts[0].text.clone())
    };
    let (l, from, text) = lang(&d, &n, &s);
    assert_eq!((l, from), (Lang::En, LangFrom::Default));
    assert!(text.starts_with("Hi Dana"), "{text}");
    d.language = Some(Lang::De);
    let (l, from, text) = lang(&d, &n, &s);
    assert_eq!((l, from), (Lang::De, LangFrom::Page));
    assert!(text.starts_with("Hallo Dana"), "{text}");
    s.message_language = Some(Lang::Es);
    let (l, from, text) = lang(&d, &n, &s);
    assert_eq!((l, from), (Lang::Es, LangFrom::Settings));
    assert!(text.starts_with("Hola Dana"), "{text}");
    n.language = Some(Lang::Fr);
    let (l, from, text) = lang(&d, &n, &s);
    assert_eq!((l, from), (Lang::Fr, LangFrom::Notes));
    assert!(text.starts_with("Bonjour Dana"), "{text}");
    assert!(
        text.contains("pass the Q1 audit"),
        "their words, as noted: {text}"
    );
}

#[test]
fn a_contact_who_left_gets_a_successor_introduction_or_advice() {
    let s = Settings {
        rep_name: Some("Sam".into()),
        ..Settings::default()
    };
    let notes = Notes {
        reason: Some("pass the May audit".into()),
        approver: Some("Ana Ruiz, their CFO".into()),
        ..Notes::default()
    };
    let sent = with_touch(
        deal(12),
        9,
        Direction::Outbound,
        "Audit checklist",
        "Hi Dana, the checklist for the audit.",
    );
    // A notice naming someone: a first message to them, quoting nothing of Dana's.
    let named = with_touch(
        sent.clone(),
        8,
        Direction::Inbound,
        "Automatic reply: Audit checklist",
        "Dana Whitfield is no longer with the company. Please contact Maria Lopez.",
    );
    let m = suggest(&named, &notes, &s);
    assert_eq!(m.kind, Kind::Introduce, "{}", m.why);
    let email = m
        .pick(Choice {
            channel: Some(Channel::Email),
            tone: Some(Tone::Warm),
        })
        .unwrap();
    assert!(email.text.starts_with("Hi Maria,"), "{}", email.text);
    assert!(email.text.contains("Dana Whitfield"), "{}", email.text);
    assert!(
        email.text.contains("“Audit checklist”, on 11 Mar"),
        "{}",
        email.text
    );
    for d in &m.drafts {
        let t = d.text.to_lowercase();
        for claim in ["you said", "you told me", "you mentioned", "as you asked"] {
            assert!(!t.contains(claim), "{claim}: {}", d.text);
        }
    }
    // A bounce naming nobody: advice, no draft to the dead address; the approver is named.
    let bounced = with_touch(
        sent,
        8,
        Direction::Inbound,
        "Undeliverable: Audit checklist",
        "Your message to dana@example.com couldn't be delivered. dana wasn't found at example.com.",
    );
    let m = suggest(&bounced, &notes, &s);
    assert_eq!(m.kind, Kind::FindOwner, "{}", m.why);
    assert!(m.drafts.is_empty());
    let advice = m.advice.unwrap_or_default();
    assert!(advice.contains("Ask Ana Ruiz"), "{advice}");
    assert!(advice.contains("Dana Whitfield's work"), "{advice}");
}

#[test]
fn a_request_for_a_named_thing_is_delivered_in_every_language() {
    let s = Settings::default();
    for (lang, body, subject) in [
        (
            Lang::Es,
            "¿Me podría mandar el contrato para firmarlo esta semana?",
            "El contrato, como me pidió",
        ),
        (
            Lang::Fr,
            "Pourriez-vous m’envoyer le bon de commande ?",
            "Le bon de commande, comme demandé",
        ),
        (
            Lang::De,
            "Können Sie mir das Angebot bis Freitag schicken?",
            "Das Angebot, wie gewünscht",
        ),
        (
            Lang::En,
            "Could you send the pilot agreement?",
            "The pilot agreement you asked for",
        ),
    ] {
        let d = with_touch(deal(30), 2, Direction::Inbound, "Re: Propuesta", body);
        let notes = Notes {
            language: Some(lang),
            reason: Some("pass the May audit".into()),
            ..Notes::default()
        };
        let m = suggest(&d, &notes, &s);
        assert_eq!(m.kind, Kind::Answer, "{lang:?}");
        let a = assess(Some(&d), &notes, &s, now());
        let slots = Slots::new(&d, &Timeline::new(&d, &s, now()), &notes, &s, now());
        assert!(
            slots.request.as_ref().is_some_and(|r| r.thing.is_some()),
            "{lang:?}: {body}"
        );
        // Delivered, not promised: no "you will have my answer" in any draft.
        for d in &m.drafts {
            for promise in [
                "full answer",
                "réponse en détail",
                "tendrá mi respuesta",
                "Antwort",
            ] {
                assert!(!d.text.contains(promise), "{lang:?} {promise}: {}", d.text);
            }
        }
        assert!(a.stall_risk.is_some());
        // The warm email names the thing in its subject, in the draft's language.
        let warm = m
            .pick(Choice {
                channel: Some(Channel::Email),
                tone: Some(Tone::Warm),
            })
            .unwrap();
        assert_eq!(warm.subject.as_deref(), Some(subject), "{lang:?}");
    }
}

#[test]
fn the_thread_s_register_and_salutation_are_mirrored() {
    let s = Settings::default();
    let notes = |lang| Notes {
        language: Some(lang),
        reason: Some("pass the May audit".into()),
        ..Notes::default()
    };
    let email = |m: &Suggestion| {
        m.pick(Choice {
            channel: Some(Channel::Email),
            tone: Some(Tone::Warm),
        })
        .map(|d| d.text.clone())
        .unwrap_or_default()
    };
    // The rep wrote "Sehr geehrte Frau Dr. Keller": the draft greets her the same way.
    let mut d = deal(10);
    d.contact = Some("Anna Keller".into());
    let d = with_touch(
        d,
        12,
        Direction::Outbound,
        "Angebot",
        "Sehr geehrte Frau Dr. Keller,\n\nanbei unser Angebot.",
    );
    let m = suggest(&d, &notes(Lang::De), &s);
    assert!(
        email(&m).starts_with("Sehr geehrte Frau Dr. Keller,\n\n"),
        "{}",
        email(&m)
    );
    // The same thread, drafted in French and Spanish: the honorific carries over.
    assert!(email(&suggest(&d, &notes(Lang::Fr), &s)).starts_with("Bonjour Madame Keller,"));
    assert!(email(&suggest(&d, &notes(Lang::Es), &s)).starts_with("Estimada Dra. Keller:"));
    // First names in the thread: the usual greeting.
    let mut d = deal(10);
    d.contact = Some("Anna Keller".into());
    let d = with_touch(
        d,
        12,
        Direction::Outbound,
        "Angebot",
        "Hallo Anna,\n\nanbei.",
    );
    assert!(email(&suggest(&d, &notes(Lang::De), &s)).starts_with("Hallo Anna,"));
}

#[test]
fn the_rep_s_shorthand_is_said_to_the_buyer_and_private_remarks_are_left_out() {
    let notes = Notes {
        reason: Some(
            "wants to stop paying 3 agencies for the same translations; his boss is skeptical after the last tool flopped"
                .into(),
        ),
        ..Notes::default()
    };
    let m = suggest(&deal(10), &notes, &Settings::default());
    assert_eq!(m.kind, Kind::ReasonFeedback);
    for d in &m.drafts {
        assert!(
            d.text
                .contains("stop paying 3 agencies for the same translations"),
            "{}",
            d.text
        );
        for private in ["wants to", "boss", "skeptical", "flopped"] {
            assert!(!d.text.contains(private), "{private}: {}", d.text);
        }
    }
    // The rep is told what was left out.
    assert!(m.why.contains("Left out of the drafts"), "{}", m.why);
    assert!(m.why.contains("his boss is skeptical"), "{}", m.why);
    // Nothing quotable at all: the drafts do not quote it, and say nothing false.
    let private = Notes {
        reason: Some("his boss is skeptical; I think they are shopping around".into()),
        ..Notes::default()
    };
    let m = suggest(&deal(10), &private, &Settings::default());
    for d in &m.drafts {
        for word in ["boss", "skeptical", "shopping"] {
            assert!(!d.text.contains(word), "{word}: {}", d.text);
        }
    }
}

#[test]
fn once_their_date_has_come_the_draft_names_it_and_silence_counts_from_it() {
    // On 10 Feb they asked to talk after their board meeting on 4 March; today is 20 March.
    let d = with_touch(
        deal(60),
        38,
        Direction::Inbound,
        "Re: Proposal",
        "We can't decide anything before our board meeting on 4 March, let's talk after that.",
    );
    for (lang, said) in [
        (Lang::En, "You asked me to come back to you around 5 Mar."),
        (
            Lang::Fr,
            "Vous m’aviez demandé de vous recontacter autour du 5 mars.",
        ),
        (
            Lang::De,
            "Sie hatten mich gebeten, mich um den 5. März wieder zu melden.",
        ),
        (
            Lang::Es,
            "Me indicó que le escribiera de nuevo hacia el 5 de marzo.",
        ),
    ] {
        let notes = Notes {
            language: Some(lang),
            reason: Some("pass the May audit".into()),
            ..Notes::default()
        };
        let m = suggest(&d, &notes, &Settings::default());
        assert!(m.why.contains("15 days since 5 Mar"), "{lang:?}: {}", m.why);
        let email = m
            .pick(Choice {
                channel: Some(Channel::Email),
                tone: Some(Tone::Warm),
            })
            .unwrap();
        assert!(email.text.contains(said), "{lang:?}: {}", email.text);
    }
}

#[test]
fn a_date_to_come_back_is_read_from_the_day_they_wrote_it() {
    // On 1 Dec they wrote "next quarter"; it is now 20 March: their next quarter began on
    // 1 Jan (read from today it would be April, and the deal would wait for nothing), so
    // nothing is left to wait for and the silence counts from their day.
    let d = with_touch(
        deal(200),
        109,
        Direction::Inbound,
        "Re: Proposal",
        "Let's pick this up again next quarter.",
    );
    let notes = Notes {
        reason: Some("pass the May audit".into()),
        ..Notes::default()
    };
    let a = assess(Some(&d), &notes, &Settings::default(), now());
    assert_eq!(a.state, State::Act, "{:?}", a.notices);
    let m = suggest(&d, &notes, &Settings::default());
    assert!(m.why.contains("since 1 Jan"), "{}", m.why);
}
