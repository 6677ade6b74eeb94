//! The checks every language's drafts keep, in one harness parameterised by `Lang`: every kind,
//! channel and tone, on the same slot variants, against the same rules (the channel's limits,
//! one question at most, no content-free, pressure or nudge words, the buyer's reason named,
//! no template debris, determinism), plus what each language's own typography requires.
//!
//! What a language brings is one row of `row` (a `match`, so a new `Lang` does not compile
//! without one): its day, its fully filled slots, a short reason and a question in the buyer's
//! words, how it quotes the buyer, its typography rules, how its tests count words, and the
//! variants it is not held to yet. The words no draft says are `message::pressure`, one table
//! shared with tests/message_lint.rs. The exact texts each language writes are tested in its own
//! file (`fr.rs`, `de.rs` and `es.rs` take their slots from here; English is `tests.rs`).

use super::slots::Request;
use super::{pressure, write, Draft, Kind, Slots, Tone, TONES};
use crate::core::date::Day;
use crate::core::lang::Lang;
use crate::core::model::Channel;
use crate::core::phrases::{find_content_free, normalize};
use crate::core::settings::Settings;

pub(super) const KINDS: [Kind; 12] = Kind::ALL;

/// Every channel a draft can be asked for (a meeting is written as email).
pub(super) const CHANNELS: [Channel; 4] = [
    Channel::Email,
    Channel::Text,
    Channel::Call,
    Channel::Meeting,
];

/// What the harness needs to know about a language.
pub(super) struct Row {
    /// Today in this language's tests.
    pub now: Day,
    /// Every slot filled, long where it can be.
    pub full: Slots,
    /// A short reason, in the buyer's words.
    pub reason: &'static str,
    /// A question the buyer asked, in their language.
    pub question: &'static str,
    /// The marks that open and close the buyer's quoted words.
    pub quotes: (char, char),
    /// What the language's own typography forbids in a text of ours (`own` is `text` with the
    /// buyer's quoted words taken out).
    pub typography: fn(own: &str, text: &str) -> Vec<String>,
    /// Every draft keeps its channel's limits as written, before any optional sentence is
    /// dropped (German is written that way).
    pub within_limits_as_written: bool,
    /// How the checks count a text's words: `words` (what has a letter or digit, as
    /// `Draft::within_limits` counts: French sets "?" off with a space) or `pieces` (punctuation
    /// standing alone counts too).
    pub count: fn(&str) -> usize,
    /// The slot variants this language's drafts are not held to (the composer never writes
    /// them, or they do not fit yet): see `variants`.
    pub not_checked: &'static [&'static str],
}

/// Dana Whitfield left; a notice two days ago names Maria Lopez in her place.
fn handover(now: Day) -> super::slots::Handover {
    super::slots::Handover {
        from: Some("Dana Whitfield".into()),
        to: "Maria Lopez".into(),
        noticed_on: now.plus(-2),
        last_sent: Some((now.plus(-9), "Proposal: 40-seat rollout".into())),
    }
}

/// Sunday 29 November 2026.
fn nov_29() -> Day {
    day(2026, 11, 29)
}

pub(super) fn day(y: i32, m: u32, d: u32) -> Day {
    Day::from_ymd(y, m, d).expect("a valid date")
}

/// The harness's row of a language: every `Lang` has one.
pub(super) fn row(lang: Lang) -> Row {
    match lang {
        Lang::En => {
            let now = nov_29();
            Row {
                now,
                full: Slots {
                    first_name: Some("Dana".into()),
                    reason: Some("track all 120 trucks in real time before the spring delivery peak, because missed slots cost us two contracts last year".into()),
                    goal: Some("cut late deliveries by a third across our three depots".into()),
                    deadline: Some(now.plus(4)),
                    approver: Some("Maria Chen, CFO".into()),
                    last_exchange: Some((now.plus(-3), Channel::Email, "Pilot review".into())),
                    rep: Some("Jordan Reyes".into()),
                    signature: Some("Account Executive, Northwind · +1 555 0100".into()),
                    reason_noted_on: Some(now.plus(-20)),
                    silent_days: Some(3),
                    request: Some(Request {
                        quote: "Could you send us a revised quote with SSO?".into(),
                        thing: None,
                        day: now.plus(-3),
                    }),
                    handover: Some(handover(now)),
                    meeting: Some(now.plus(2)),
                    ..Slots::empty(now, lang)
                },
                reason: "go live before the audit",
                question: "Could you send us a revised quote with SSO?",
                quotes: ('\u{201c}', '\u{201d}'),
                typography: |_, _| Vec::new(),
                within_limits_as_written: false,
                count: words,
                // English drafts of a kind are written only with the slots the composer picks
                // that kind for (a request to answer, a reason to build on); sparser slots
                // leave "this: ." or a short body.
                not_checked: &[
                    "bare",
                    "a thing asked for, reason only",
                    "reason, approver and a thing asked for, nothing else",
                    "a thing asked for in their words, nothing else",
                    "their question, nothing else",
                    "long",
                ],
            }
        }
        Lang::Fr => {
            let now = nov_29();
            Row {
                now,
                full: Slots {
                    first_name: Some("Dana".into()),
                    reason: Some("suivre nos 120 camions en temps réel avant le pic de livraisons du printemps, car des créneaux manqués nous ont coûté deux contrats l’an dernier".into()),
                    goal: Some("réduire d’un tiers les livraisons en retard sur nos trois dépôts".into()),
                    deadline: Some(now.plus(4)),
                    approver: Some("Maria Chen, DAF".into()),
                    last_exchange: Some((now.plus(-3), Channel::Email, "Bilan du pilote".into())),
                    rep: Some("Jordan Reyes".into()),
                    signature: Some("Responsable grands comptes, Northwind · +33 1 23 45 67 89".into()),
                    reason_noted_on: Some(now.plus(-20)),
                    silent_days: Some(3),
                    request: Some(Request {
                        quote: "Pourriez-vous nous envoyer un devis révisé avec le SSO ?".into(),
                        thing: None,
                        day: now.plus(-3),
                    }),
                    handover: Some(handover(now)),
                    meeting: Some(now.plus(2)),
                    ..Slots::empty(now, lang)
                },
                reason: "partir en production avant l’audit",
                question: "Pourriez-vous nous envoyer un devis révisé avec le SSO ?",
                quotes: ('«', '»'),
                typography: french_typography,
                within_limits_as_written: false,
                count: words,
                // Too long for a text (311 characters) and the reason cut away.
                not_checked: &["long"],
            }
        }
        Lang::De => {
            let now = day(2026, 3, 2);
            Row {
                now,
                full: Slots {
                    first_name: Some("Dana".into()),
                    reason: Some("alle 120 Lkw vor der Frühjahrsspitze orten, weil uns verpasste Zeitfenster letztes Jahr zwei Aufträge gekostet haben".into()),
                    goal: Some("verspätete Lieferungen in allen drei Depots um ein Drittel senken".into()),
                    deadline: Some(now.plus(12)),
                    approver: Some("Maria Chen".into()),
                    last_exchange: Some((now.plus(-3), Channel::Call, "Pilotauswertung".into())),
                    rep: Some("Jordan Reyes".into()),
                    signature: Some("Account Executive, Northwind Telematics · +49 30 555 0100".into()),
                    reason_noted_on: Some(now.plus(-20)),
                    silent_days: Some(3),
                    request: None,
                    handover: Some(handover(now)),
                    meeting: Some(now.plus(2)),
                    ..Slots::empty(now, lang)
                },
                reason: "vor dem Audit live gehen",
                question: "Können Sie uns das Bestellformular schicken?",
                quotes: ('„', '“'),
                typography: |_, _| Vec::new(),
                within_limits_as_written: true,
                count: pieces,
                // Over the limits (a subject of 12 words, a text of 301 characters).
                not_checked: &["long"],
            }
        }
        Lang::Es => {
            let now = nov_29();
            Row {
                now,
                full: Slots {
                    first_name: Some("Dana".into()),
                    reason: Some(
                        "tener los 120 camiones localizados antes del pico de entregas de primavera, porque perdimos dos contratos el año pasado".into(),
                    ),
                    goal: Some("reducir las entregas tardías en un tercio en los tres almacenes".into()),
                    deadline: Some(now.plus(12)),
                    approver: Some("Maria Chen".into()),
                    last_exchange: Some((now.plus(-3), Channel::Email, "Piloto de seguimiento GPS".into())),
                    rep: Some("Jordan Reyes".into()),
                    signature: Some("Account Executive, Northwind Telematics · +1 555 0100".into()),
                    reason_noted_on: Some(now.plus(-20)),
                    silent_days: Some(9),
                    request: Some(Request {
                        quote: "¿Nos pueden enviar la propuesta revisada con el precio del SSO?".into(),
                        thing: None,
                        day: now.plus(-3),
                    }),
                    handover: Some(handover(now)),
                    meeting: Some(now.plus(2)),
                    ..Slots::empty(now, lang)
                },
                reason: "bajar costes",
                question: "¿Nos pueden enviar la propuesta revisada con el precio del SSO?",
                quotes: ('«', '»'),
                typography: spanish_typography,
                within_limits_as_written: false,
                count: pieces,
                not_checked: &[],
            }
        }
    }
}

/// French spacing: a no-break space before high punctuation and inside « », no straight
/// apostrophe, no ellipsis next to a full stop.
fn french_typography(own: &str, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for bad in [" ?", " :", " !", " ;", "'", ".…", "…."] {
        if own.contains(bad) {
            out.push(format!("{bad:?} in {text:?}"));
        }
    }
    for p in ['?', ':', '!', ';'] {
        let bad = own
            .char_indices()
            .any(|(i, c)| c == p && i > 0 && !own[..i].ends_with('\u{a0}'));
        if bad {
            out.push(format!("no no-break space before {p:?} in {text:?}"));
        }
    }
    if text.contains("« ")
        || text.contains(" »")
        || text.matches('«').count() != text.matches("«\u{a0}").count()
        || text.matches('»').count() != text.matches("\u{a0}»").count()
    {
        out.push(format!("quotes without no-break spaces in {text:?}"));
    }
    out
}

/// Every "?" of ours is opened by a "¿".
fn spanish_typography(own: &str, text: &str) -> Vec<String> {
    if own.matches('?').count() != own.matches('¿').count() {
        vec![format!("¿? unbalanced: {text:?}")]
    } else {
        Vec::new()
    }
}

/// Every slot filled (`Row::full`).
pub(super) fn full(lang: Lang) -> Slots {
    row(lang).full
}

/// Every slot empty.
pub(super) fn bare(lang: Lang) -> Slots {
    Slots::empty(row(lang).now, lang)
}

/// The slot variants every language is checked on: full, empty, compacted, near and far
/// deadlines, questions and requests for a thing (in English, where the thing is taken from,
/// and in the buyer's language), a title for a first name, and everything long.
fn variants(lang: Lang) -> Vec<(&'static str, Slots)> {
    let Row {
        now,
        full: f,
        reason,
        question,
        ..
    } = row(lang);
    let bare = bare(lang);
    let asked = |quote: &str, thing: Option<&str>, day: Day| {
        Some(Request {
            quote: quote.into(),
            thing: thing.map(str::to_string),
            day,
        })
    };
    let long = Slots {
        first_name: Some("Dr. Patel-Hernández".into()),
        reason: Some("palabras largas del comprador ".repeat(20)),
        goal: Some("una meta escrita con muchísimas palabras ".repeat(5)),
        approver: Some("Maria Chen, directora financiera de la región norte y centro".into()),
        rep: Some("Jordan Alexander Reyes-Montgomery de la Fuente".into()),
        signature: Some("Account Executive Senior, Northwind Telematics Iberia y LatAm".into()),
        last_exchange: Some((now.plus(-1), Channel::Meeting, "Revisión del piloto con el equipo de operaciones y finanzas".into())),
        request: asked(
            "Could you send over the revised quote with SSO pricing and the security whitepaper, plus the references we discussed on the call?",
            Some("the revised quote with SSO pricing"),
            now.plus(-6),
        ),
        ..f.clone()
    };
    vec![
        ("full", f.clone()),
        ("bare", bare.clone()),
        (
            "a successor named, reason and approver only",
            Slots {
                first_name: Some("Maria".into()),
                reason: Some(reason.into()),
                approver: Some("Ana".into()),
                handover: Some(handover(now)),
                ..bare.clone()
            },
        ),
        (
            "a successor named, nobody before them, nothing sent, reason and approver only",
            Slots {
                first_name: Some("Maria".into()),
                reason: Some(reason.into()),
                approver: Some("Ana".into()),
                handover: Some(super::slots::Handover {
                    from: None,
                    last_sent: None,
                    ..handover(now)
                }),
                ..bare.clone()
            },
        ),
        ("compact 1", f.compact(1)),
        ("compact 2", f.compact(2)),
        (
            "a thing asked for, reason only",
            Slots {
                reason: Some(reason.into()),
                request: asked(
                    "Please send the order form so we can sign this week",
                    Some("the order form"),
                    now,
                ),
                ..bare.clone()
            },
        ),
        (
            "reason, approver and a thing asked for, nothing else",
            Slots {
                reason: Some(reason.into()),
                approver: Some("Ana".into()),
                request: asked("Send the contract", Some("the contract"), now),
                ..bare.clone()
            },
        ),
        (
            "their question",
            Slots {
                request: asked(question, None, now.plus(-3)),
                ..f.clone()
            },
        ),
        (
            "a thing asked for in their words",
            Slots {
                request: asked(question, Some("the order form"), now.plus(-3)),
                ..f.clone()
            },
        ),
        (
            "a thing asked for in their words, nothing else",
            Slots {
                request: asked(question, Some("the order form"), now.plus(-3)),
                ..bare.clone()
            },
        ),
        (
            "their question, nothing else",
            Slots {
                request: asked(question, None, now.plus(-3)),
                ..bare.clone()
            },
        ),
        (
            "a far deadline next year, no name",
            Slots {
                first_name: None,
                deadline: Some(day(2027, 2, 1)),
                request: None,
                ..f.clone()
            },
        ),
        (
            "a deadline next year",
            Slots {
                deadline: Some(day(2027, 2, 1)),
                ..f.clone()
            },
        ),
        (
            "a deadline today",
            Slots {
                deadline: Some(now),
                ..f.clone()
            },
        ),
        (
            "a deadline tomorrow",
            Slots {
                deadline: Some(now.plus(1)),
                last_exchange: Some((now.plus(-2), Channel::Call, "Demo".into())),
                ..f.clone()
            },
        ),
        (
            "a deadline in 3 days",
            Slots {
                deadline: Some(now.plus(3)),
                ..f.clone()
            },
        ),
        (
            "a deadline in 4 days",
            Slots {
                deadline: Some(now.plus(4)),
                ..f.clone()
            },
        ),
        (
            "titled",
            Slots {
                first_name: Some("Dr. Patel".into()),
                ..f.clone()
            },
        ),
        ("long", long),
    ]
}

/// The text with the buyer's quoted words replaced by `Q`.
pub(super) fn unquoted(lang: Lang, text: &str) -> String {
    let (open, close) = row(lang).quotes;
    let mut quoted = false;
    let mut out = String::new();
    for c in text.chars() {
        if c == open && !quoted {
            quoted = true;
            out.push('Q');
        } else if c == close && quoted {
            quoted = false;
        } else if !quoted {
            out.push(c);
        }
    }
    out
}

/// Question marks outside the buyer's quoted words.
fn questions(lang: Lang, text: &str) -> usize {
    unquoted(lang, text).matches('?').count()
}

/// Words with a letter or digit (a "?" set off by a space is not one), as the limits count.
fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Every whitespace-separated piece, punctuation alone included.
fn pieces(text: &str) -> usize {
    text.split_whitespace().count()
}

/// As the composer does: optional sentences dropped while a limit is broken.
fn fitted(kind: Kind, channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let mut d = write(kind, channel, tone, s);
    for level in 1..=2 {
        if d.within_limits() {
            break;
        }
        d = write(kind, channel, tone, &s.compact(level));
    }
    d
}

/// Whether `text` says `p`: inside a longer word, or as whole words once punctuation is
/// ignored.
fn says(text: &str, p: &str) -> bool {
    text.to_lowercase().contains(p) || normalize(text).contains(&normalize(p))
}

/// Everything wrong with a draft of `kind` written from `s`.
fn faults(kind: Kind, d: &Draft, s: &Slots) -> Vec<String> {
    let lang = s.lang;
    let mut out = Vec::new();
    let all = format!(
        "{} {} {}",
        d.subject.clone().unwrap_or_default(),
        d.text,
        d.openers.join(" ")
    );
    if let Some(p) = find_content_free(&all, &Settings::default().content_free_phrases) {
        out.push(format!("content-free phrase {p:?}"));
    }
    // The buyer's own words may say them (quoted, or as the subject of their last email): only
    // in our words are they ours.
    let buyer: Vec<&str> = [
        s.reason.as_deref(),
        s.goal.as_deref(),
        s.approver.as_deref(),
    ]
    .into_iter()
    .flatten()
    .chain(
        s.last_exchange
            .iter()
            .map(|(_, _, subject)| subject.as_str()),
    )
    .chain(s.request.iter().map(|r| r.quote.as_str()))
    .collect();
    for p in pressure::phrases(lang).iter().chain(pressure::nudges(lang)) {
        let theirs = buyer.iter().any(|b| says(b, p));
        let ours = if theirs {
            unquoted(lang, &all)
        } else {
            all.clone()
        };
        if says(&ours, p) {
            out.push(format!("pressure or nudge word {p:?}"));
        }
    }
    // Every kind drafted with a reason names it (discovery is drafted only without one).
    // A first message to a successor quotes nothing: they told us nothing.
    // A confirmation names the reason only where there is room (email).
    let quotes_reason = !matches!(
        kind,
        Kind::Discovery | Kind::Introduce | Kind::FindOwner | Kind::Confirm
    );
    if let Some(r) = s.reason.as_ref().filter(|_| quotes_reason) {
        let opening = |t: &str| t.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
        if !d.text.contains(&opening(r)) || !normalize(&d.text).contains(&opening(&normalize(r))) {
            out.push(format!("reason missing ({:?})", opening(r)));
        }
    }
    if lang != Lang::En {
        let own = unquoted(lang, &d.text);
        for en in ["Hi ", "Thank you", "your ", " the "] {
            if own.contains(en) {
                out.push(format!("English {en:?} in {:?}", d.text));
            }
        }
    }
    for t in std::iter::once(&d.text)
        .chain(d.subject.iter())
        .chain(&d.openers)
    {
        for bad in [
            "{", "}", "[", "]", "<", ">", "  ", "\n\n\n", " ,", " .", "..", ",,", "::",
        ] {
            if t.contains(bad) {
                out.push(format!("{bad:?} in {t:?}"));
            }
        }
        out.extend((row(lang).typography)(&unquoted(lang, t), t));
        if t.trim() != t || t.is_empty() {
            out.push(format!("blank edges: {t:?}"));
        }
    }
    if questions(lang, &d.text) > 1 {
        out.push("more than one question".into());
    }
    for o in &d.openers {
        if questions(lang, o) > 1 {
            out.push(format!("opener with more than one question: {o}"));
        }
    }
    let count = row(lang).count;
    let w = count(&d.text);
    match d.channel {
        Channel::Email => {
            let subject = count(d.subject.as_deref().unwrap_or_default());
            if !(1..=7).contains(&subject) {
                out.push(format!("subject of {subject} words"));
            }
            if !(25..=super::LIMIT_EMAIL_WORDS).contains(&w) {
                out.push(format!("email body of {w} words"));
            }
        }
        Channel::Text => {
            if d.text.chars().count() > super::LIMIT_TEXT_CHARS {
                out.push(format!("text of {} characters", d.text.chars().count()));
            }
        }
        Channel::Call => {
            if w > super::LIMIT_CALL_WORDS {
                out.push(format!("voicemail of {w} words"));
            }
            if d.openers.len() != 2 {
                out.push("not two openers".into());
            }
        }
        _ => out.push("unexpected channel".into()),
    }
    out
}

#[test]
fn every_language_has_its_row() {
    for lang in Lang::ALL {
        let r = row(lang);
        assert_eq!(r.full.lang, lang);
        assert_eq!(r.full.now, r.now);
    }
}

#[test]
fn every_kind_channel_and_tone_keeps_the_rules_in_every_language() {
    let mut failures = Vec::new();
    for lang in Lang::ALL {
        let Row {
            within_limits_as_written: as_written,
            not_checked,
            ..
        } = row(lang);
        let all = variants(lang);
        for label in not_checked {
            assert!(
                all.iter().any(|(l, _)| l == label),
                "{lang:?}: no variant {label:?}"
            );
        }
        for (label, s) in all.into_iter().filter(|(l, _)| !not_checked.contains(l)) {
            for kind in KINDS {
                for channel in CHANNELS {
                    for tone in TONES {
                        let what = format!("{lang:?} {label} {kind:?}/{channel:?}/{tone:?}");
                        let d = fitted(kind, channel, tone, &s);
                        if d != fitted(kind, channel, tone, &s) {
                            failures.push(format!("{what}: not deterministic"));
                        }
                        if as_written && d != write(kind, channel, tone, &s) {
                            failures.push(format!("{what}: over its limits as written"));
                        }
                        for f in faults(kind, &d, &s) {
                            failures.push(format!(
                                "{what}: {f}\n    {:?} {:?} {:?}",
                                d.subject, d.text, d.openers
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn other_channels_are_written_as_email() {
    for lang in Lang::ALL {
        let s = full(lang);
        let d = write(Kind::ReasonFeedback, Channel::Other, Tone::Warm, &s);
        assert!(d.subject.is_some(), "{lang:?}");
        assert_eq!(
            d.text,
            write(Kind::ReasonFeedback, Channel::Email, Tone::Warm, &s).text,
            "{lang:?}"
        );
    }
}

#[test]
fn a_long_reason_is_cut_to_fit_a_text() {
    let long_words = [
        (
            "mot ".repeat(120).trim().to_string(),
            "mot mot mot mot".to_string(),
        ),
        ("a".repeat(20) + &" Wort".repeat(120), "a".repeat(20)),
    ];
    for lang in Lang::ALL {
        for (reason, kept) in &long_words {
            let s = Slots {
                reason: Some(reason.clone()),
                ..full(lang)
            };
            let quotes_reason = |k: &Kind| {
                !matches!(
                    k,
                    Kind::Discovery | Kind::Introduce | Kind::FindOwner | Kind::Confirm
                )
            };
            for kind in KINDS.into_iter().filter(quotes_reason) {
                for tone in TONES {
                    let d = write(kind, Channel::Text, tone, &s);
                    let what = format!("{lang:?} {kind:?}/{tone:?}");
                    assert!(d.text.chars().count() <= 300, "{what}: {}", d.text);
                    assert!(d.text.contains(kept.as_str()), "{what}: {}", d.text);
                }
            }
        }
    }
}
