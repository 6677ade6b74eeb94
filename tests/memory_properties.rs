//! "A copied, unanswered suggestion is never suggested again" (issue #11), over generated
//! deals: whatever the deal, once the rep copied a draft and the buyer has not replied since,
//! no later suggestion contains that draft's words.

use proptest::prelude::*;
use proptest::test_runner::Config;
use stallwatch::core::date::Day;
use stallwatch::core::message::assess_and_compose_after;
use stallwatch::core::message::memory::{fingerprint, Copied};
use stallwatch::core::model::{Channel, Deal, Direction, Touch};
use stallwatch::core::notes::Notes;
use stallwatch::core::settings::Settings;

fn now() -> Day {
    Day::from_ymd(2026, 3, 20).unwrap()
}

const BODIES: &[&str] = &[
    "Thanks, we are reviewing it with finance.",
    "Just following up on my last note.",
    "Attached is the revised proposal.",
    "Can we talk on Thursday?",
    "Looks good so far.",
];

fn touch() -> impl Strategy<Value = Touch> {
    (1i32..=60, any::<bool>(), 0..3usize, 0..BODIES.len()).prop_map(|(ago, inbound, ch, b)| Touch {
        day: now().plus(-ago),
        direction: if inbound {
            Direction::Inbound
        } else {
            Direction::Outbound
        },
        channel: [Channel::Email, Channel::Call, Channel::Text][ch],
        subject: "Re: proposal".into(),
        body: BODIES[b].into(),
    })
}

fn config() -> Config {
    Config {
        cases: 128,
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_copied_unanswered_suggestion_is_never_suggested_again(
        touches in prop::collection::vec(touch(), 0..=15),
        with_reason in any::<bool>(),
        pick in 0..6usize,
        copied_ago in 1i32..=10,
    ) {
        let deal = Deal { key: "p:1".into(), name: Some("Deal".into()), touches: Some(touches), ..Deal::default() };
        let notes = Notes {
            reason: with_reason.then(|| "have dispatch live before the spring peak".to_string()),
            ..Notes::default()
        };
        let s = Settings::default();
        let (_, first) = assess_and_compose_after(&deal, &notes, &s, now(), None);
        let Some(first) = first else { return Ok(()) };
        prop_assume!(!first.drafts.is_empty());
        let draft = &first.drafts[pick % first.drafts.len()];
        let copied = Copied::of(first.kind, draft, now().plus(-copied_ago));
        // Only a suggestion the buyer has not answered since.
        let replied = deal.touches.iter().flatten().any(|t| t.direction == Direction::Inbound && t.day > copied.on);
        prop_assume!(!replied);
        let (_, next) = assess_and_compose_after(&deal, &notes, &s, now(), Some(&copied));
        if let Some(next) = next {
            for d in &next.drafts {
                prop_assert!(fingerprint(d) != copied.fingerprint, "repeated: {}", d.text);
            }
        }
    }
}
