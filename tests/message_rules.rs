//! The message rules, checked on every scenario × notes variant × channel × tone.
//!
//! Each scenario from tests/scenarios is composed as written, and again with notes that add a
//! reason, an approver, a channel preference with an avoided channel, a deadline and goal, and a
//! signed rep, so that every kind of message is exercised on realistic deals. For each draft:
//! - no content-free follow-up phrase (the same configurable list the model uses);
//! - the buyer's recorded reason appears (its opening words) unless the kind is `wait`;
//! - never a channel the buyer asked not to be used;
//! - the channel's length limit holds; no unfilled placeholder, no doubled spaces, no blank
//!   lines at the edges;
//! - the same inputs give the same text.
//!
//! Every check runs in every language the drafts are written in (`Lang::ALL`), set through the
//! deal's language note. `STALLWATCH_LANG=fr` limits a run to one language while writing it.

mod common;
use common::{signed, variants};

use stallwatch::core::lang::Lang;
use stallwatch::core::message::{
    compose, Kind, Suggestion, LIMIT_CALL_WORDS, LIMIT_EMAIL_WORDS, LIMIT_TEXT_CHARS,
};
use stallwatch::core::model::Channel;
use stallwatch::core::note_rewrite::for_buyer;
use stallwatch::core::notes::Notes;
use stallwatch::core::phrases::{find_content_free, normalize};
use stallwatch::core::risk::assess;
use stallwatch::core::settings::Settings;
use std::collections::BTreeSet;

/// Notes in the rep's private voice, in each language: a useful clause and a remark that must
/// never reach the buyer. Every scenario is composed with each as its reason.
const PRIVATE_NOTES: &[&str] = &[
    "wants to stop paying 3 agencies for the same translations; his boss is skeptical after the last tool flopped",
    "Veut arrêter de payer trois agences pour les mêmes traductions, mais son patron est sceptique après le dernier outil",
    "Will die Übersetzungskosten senken; ihr Chef hält nichts davon, ich glaube, sie vergleicht mit einem Wettbewerber",
    "Quiere dejar de pagar a tres agencias; su jefe es muy tacaño y creo que compara con otro proveedor",
];

/// Words from the private remarks above that no draft says (in our own words, lowercase).
const PRIVATE_WORDS: &[&str] = &[
    "skeptical",
    "flopped",
    "sceptique",
    "hält nichts",
    "Wettbewerber",
    "tacaño",
    "otro proveedor",
];

/// Phrases that say the buyer told us something, in every draft language.
const CLAIMS_SAID: &[&str] = &[
    "you said",
    "you told me",
    "you mentioned",
    "you described",
    "vous m’avez dit",
    "vous m’avez décrit",
    "vous avez dit",
    "Sie sagten",
    "Sie hatten mir gesagt",
    "Sie erwähnten",
    "me dijo",
    "me describió",
    "usted dijo",
];

/// Phrases that say the buyer asked us for something.
const CLAIMS_ASKED: &[&str] = &[
    "as you asked",
    "you asked for",
    "vous m’avez demandé",
    "comme demandé",
    "wie gewünscht",
    "Sie fragten",
    "me pidió",
    "como me pidió",
];

/// The opening words of the reason, which must survive any shortening.
fn reason_core(reason: &str) -> String {
    normalize(reason)
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
}

fn check(
    s: &Suggestion,
    notes: &Notes,
    settings: &Settings,
    ctx: &str,
    failures: &mut Vec<String>,
) {
    let mut fail = |what: String| failures.push(format!("{ctx}: {what}"));
    if s.kind.advice_only() {
        if !s.drafts.is_empty() {
            fail(format!("{:?} is advice only, yet carries drafts", s.kind));
        }
        if s.advice.as_deref().is_none_or(str::is_empty) {
            fail(format!("{:?} says what to do instead of sending", s.kind));
        }
    }
    // The reason as it can be said to the buyer (private remarks left out, turned to them),
    // and what of the notes must never be said: read once per suggestion.
    let notes_text: Vec<&String> = [&notes.reason, &notes.goal].into_iter().flatten().collect();
    // Each note read once: the reason's sayable part, else the goal's.
    let reason_said = notes.reason.as_deref().map(for_buyer);
    let goal_said = notes.goal.as_deref().map(for_buyer);
    let sayable = reason_said
        .iter()
        .chain(&goal_said)
        .find_map(|said| said.text.clone());
    let private: Vec<String> = reason_said
        .iter()
        .chain(&goal_said)
        .flat_map(|said| &said.dropped)
        .map(|d| normalize(d))
        .filter(|d| d.split_whitespace().count() >= 3)
        .collect();
    let private_words: Vec<String> = PRIVATE_WORDS
        .iter()
        .map(|w| normalize(w))
        .filter(|w| notes_text.iter().any(|n| normalize(n).contains(w)))
        .collect();
    for d in &s.drafts {
        let ctx = format!("{:?}/{:?}", d.channel, d.tone);
        let all = format!(
            "{} {} {}",
            d.subject.clone().unwrap_or_default(),
            d.text,
            d.openers.join(" ")
        );
        if let Some(p) = find_content_free(&all, &settings.content_free_phrases) {
            fail(format!(
                "{ctx} uses the content-free phrase {p:?}: {}",
                d.text
            ));
        }
        // A first message to a successor quotes nothing of what the one before them said.
        // A confirmation names the reason only in its emails.
        let names_reason = !(s.kind == Kind::Introduce
            || (s.kind == Kind::Confirm && d.channel != Channel::Email));
        if let Some(reason) = sayable.as_ref().filter(|_| names_reason) {
            let core = reason_core(reason);
            if !normalize(&d.text).contains(&core) {
                fail(format!(
                    "{ctx} does not name the reason ({core:?}): {}",
                    d.text
                ));
            }
        }
        // No sentence claims the buyer said or asked something they did not: "you said" only
        // when the rep noted what they said (a reason, an approver), never to a successor who
        // told us nothing; "as you asked" only when there is a request to answer.
        let said_something =
            (notes.reason.is_some() || notes.approver.is_some()) && s.kind != Kind::Introduce;
        let own = normalize(&all);
        for claim in CLAIMS_SAID.iter().filter(|_| !said_something) {
            if own.contains(&normalize(claim)) {
                fail(format!(
                    "{ctx} claims they said something: {claim:?} in {}",
                    d.text
                ));
            }
        }
        for claim in CLAIMS_ASKED.iter().filter(|_| s.kind != Kind::Answer) {
            if own.contains(&normalize(claim)) {
                fail(format!("{ctx} claims they asked: {claim:?} in {}", d.text));
            }
        }
        // No private remark of the notes reaches the buyer, whole or in part.
        for dropped in &private {
            if own.contains(dropped) {
                fail(format!(
                    "{ctx} quotes a private remark {dropped:?}: {}",
                    d.text
                ));
            }
        }
        for word in &private_words {
            if own.contains(word) {
                fail(format!(
                    "{ctx} repeats the private word {word:?}: {}",
                    d.text
                ));
            }
        }
        if notes.avoid_channels.contains(&d.channel) {
            fail(format!("{ctx} uses a channel the buyer ruled out"));
        }
        let words = d.text.split_whitespace().count();
        let chars = d.text.chars().count();
        let within = match d.channel {
            Channel::Email => words <= LIMIT_EMAIL_WORDS && d.subject.is_some(),
            Channel::Text => chars <= LIMIT_TEXT_CHARS,
            Channel::Call => words <= LIMIT_CALL_WORDS && d.openers.len() == 2,
            _ => false,
        };
        if !within {
            fail(format!(
                "{ctx} breaks its limits ({words} words, {chars} characters)"
            ));
        }
        for text in std::iter::once(&d.text)
            .chain(d.subject.iter())
            .chain(&d.openers)
        {
            if [
                "{", "}", "[", "]", "<", ">", "TODO", "XX", "  ", "\n\n\n", " ,", " .",
            ]
            .iter()
            .any(|bad| text.contains(bad))
            {
                fail(format!(
                    "{ctx} has a placeholder or spacing fault: {text:?}"
                ));
            }
            if text.trim() != text || text.is_empty() {
                fail(format!("{ctx} has blank edges: {text:?}"));
            }
        }
    }
}

/// The languages to check: all, or the one `STALLWATCH_LANG` names.
fn languages() -> Vec<Lang> {
    match std::env::var("STALLWATCH_LANG")
        .ok()
        .as_deref()
        .and_then(Lang::parse)
    {
        Some(l) => vec![l],
        None => Lang::ALL.to_vec(),
    }
}

#[test]
fn every_message_follows_the_rules() {
    let mut failures = Vec::new();
    let mut kinds = BTreeSet::new();
    let mut drafts = 0;
    let langs = languages();
    for input in common::all_inputs() {
        let Some((deal, notes)) = &input.deal else {
            continue;
        };
        for settings in [input.settings.clone(), signed(&input.settings)] {
            // Each private note in its own language (the rewriter reads the note, whatever the
            // drafts' language).
            let private = PRIVATE_NOTES.iter().zip(Lang::ALL).map(|(r, l)| {
                (
                    format!("with a private remark in its reason, {}", l.code()),
                    Notes {
                        reason: Some(r.to_string()),
                        language: Some(l),
                        ..notes.clone()
                    },
                )
            });
            for (label, n) in variants(notes, input.now)
                .into_iter()
                .flat_map(|(label, n)| {
                    langs.iter().map(move |l| {
                        (
                            format!("{label}, {}", l.code()),
                            Notes {
                                language: Some(*l),
                                ..n.clone()
                            },
                        )
                    })
                })
                .chain(private)
            {
                let a = assess(Some(deal), &n, &settings, input.now);
                let Some(s) = compose(Some(deal), &n, &a, &settings, input.now) else {
                    continue;
                };
                let again = compose(Some(deal), &n, &a, &settings, input.now);
                if s.lang != n.language.unwrap_or(Lang::En) {
                    failures.push(format!("{} ({label}): written in {:?}", input.name, s.lang));
                }
                if again.as_ref() != Some(&s) {
                    failures.push(format!("{} ({label}): not deterministic", input.name));
                }
                kinds.insert(format!("{:?}", s.kind));
                drafts += s.drafts.len();
                check(
                    &s,
                    &n,
                    &settings,
                    &format!("{} ({label})", input.name),
                    &mut failures,
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} rule failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    for kind in [
        "Discovery",
        "ReasonFeedback",
        "ApproverCheck",
        "NewValue",
        "WalkAway",
        "Wait",
    ] {
        assert!(
            kinds.contains(kind),
            "no scenario produced a {kind} message: {kinds:?}"
        );
    }
    assert!(
        drafts > 2000 * langs.len(),
        "only {drafts} drafts checked in {} languages",
        langs.len()
    );
}
