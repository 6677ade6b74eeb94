//! Die Entwürfe auf Deutsch: every kind × channel × tone written natively in German, with the
//! same meaning and rules as the English files (one per kind), not the same sentences.
//!
//! Register: the formal "Sie" throughout. German B2B writing to a buyer one has not known for
//! years uses "Sie"; "du" would read as presumptuous from a salesperson, even in tech. The
//! greeting is the modern business "Hallo Dana," (first name plus "Sie" is common in German
//! sales mail), "Guten Tag Dr. Patel," when the name carries a title (Dr., Prof., Herr, Frau),
//! and "Guten Tag," without a name. After the greeting's comma the text goes on in lower case,
//! as German letters do ("Hallo Dana,\n\nvielen Dank …"), except for "Sie"/"Ihr…". Emails close
//! with "Viele Grüße" (warm) or "Beste Grüße" (direct), then the rep's name and signature.
//!
//! Typography: the buyer's words are quoted with German quotes „…“; dates are "14. März"
//! (`Slots::date`), a reply-by day "bis Dienstag, den 14. März" (always at the end of a clause,
//! so no closing comma is needed). The reason is always introduced by a colon frame ("Worauf es
//! Ihnen ankommt: …") or quoted as their aim ("Ihr Vorhaben („…“)"), never bent into grammar.

use super::slots::Request;
use super::{fit_text, upper_first, Draft, Drafted, Slots, Tone};
use crate::core::date::Day;
use crate::core::lang::Lang;
use crate::core::model::Channel;

pub fn draft(kind: Drafted, channel: Channel, tone: Tone, s: &Slots) -> Draft {
    // The kinds below build on the buyer's reason; without one, the honest message asks for it.
    let needs_reason = matches!(
        kind,
        Drafted::Commitment | Drafted::ReasonFeedback | Drafted::ApproverCheck | Drafted::NewValue
    );
    if needs_reason && s.reason.is_none() {
        return tidy(discovery(channel, tone, s));
    }
    tidy(match kind {
        Drafted::Answer => answer(channel, tone, s),
        Drafted::Commitment => commitment(channel, tone, s),
        Drafted::Discovery => discovery(channel, tone, s),
        Drafted::ReasonFeedback => reason_feedback(channel, tone, s),
        Drafted::ApproverCheck => approver_check(channel, tone, s),
        Drafted::NewValue => new_value(channel, tone, s),
        Drafted::CloseOut => close_out(channel, tone, s),
        Drafted::WalkAway => walk_away(channel, tone, s),
        Drafted::Introduce => vorstellen(channel, tone, s),
        Drafted::Confirm => bestaetigen(channel, tone, s),
    })
}

/// A shortened reason ends in "…": no period after it ("…." reads as a typo).
fn tidy(mut d: Draft) -> Draft {
    let fix = |t: &mut String| {
        if t.contains("….") {
            *t = t.replace("….", "…");
        }
    };
    fix(&mut d.text);
    if let Some(subject) = d.subject.as_mut() {
        fix(subject);
    }
    d.openers.iter_mut().for_each(fix);
    d
}

// ---------------------------------------------------------------------------------------------
// Helpers: greeting, sign-off, sentence joining, dates.
// ---------------------------------------------------------------------------------------------

/// "Hallo Dana,", "Guten Tag Dr. Patel," or "Guten Tag,".
fn hi(s: &Slots) -> String {
    if let Some(formal) = &s.salutation {
        return formal.clone();
    }
    match s.first_name.as_deref() {
        Some(n) if titled(n) => format!("Guten Tag {n},"),
        Some(n) => format!("Hallo {n},"),
        None => "Guten Tag,".to_string(),
    }
}

/// Whether a greeting name starts with a title, which "Hallo" would sound too casual with.
fn titled(name: &str) -> bool {
    ["Dr.", "Prof.", "Herr ", "Frau "]
        .iter()
        .any(|t| name.starts_with(t))
}

/// The formal pronoun keeps its capital after the greeting's comma.
fn formal(word: &str) -> bool {
    matches!(
        word,
        "Sie" | "Ihr" | "Ihre" | "Ihren" | "Ihrem" | "Ihrer" | "Ihres" | "Ihnen"
    )
}

/// The first letter in lower case, as German continues after "Hallo Dana,": "vielen Dank …".
/// Only used on sentences that open with a verb, an adverb, an article or a pronoun.
fn lower_first(text: &str) -> String {
    let first = text
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if formal(first) {
        return text.to_string();
    }
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Sentences joined by one space; empty (absent optional) sentences leave no trace.
fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The email sign-off: a closing line, then the rep's name and signature when known.
fn closing(s: &Slots, tone: Tone) -> String {
    let mut out = match tone {
        Tone::Warm => "\n\nViele Grüße".to_string(),
        Tone::Direct => "\n\nBeste Grüße".to_string(),
    };
    for line in [&s.rep, &s.signature].into_iter().flatten() {
        out.push('\n');
        out.push_str(line);
    }
    out
}

/// An email: greeting, paragraphs (empty ones dropped), sign-off.
fn email(s: &Slots, tone: Tone, subject: String, paragraphs: &[String]) -> Draft {
    let body = paragraphs
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    Draft::email(
        subject,
        format!("{}\n\n{}{}", hi(s), lower_first(&body), closing(s, tone)),
    )
}

/// A text message: greeting, the text, " – Jordan".
fn sms(s: &Slots, text: &str) -> String {
    let rep = s
        .rep
        .as_deref()
        .map(|r| format!(" – {r}"))
        .unwrap_or_default();
    format!("{} {}{rep}", hi(s), lower_first(text))
}

/// A voicemail: greeting, "hier spricht Jordan Reyes." when the rep is known, the message.
fn voicemail(s: &Slots, text: &str) -> String {
    match s.rep.as_deref() {
        Some(r) => format!("{} hier spricht {r}. {text}", hi(s)),
        None => format!("{} {}", hi(s), lower_first(text)),
    }
}

/// "bis Dienstag, den 14. März".
fn by_day(s: &Slots, d: Day) -> String {
    format!("bis {}, den {}", s.lang.weekday(d), s.date(d))
}

/// "bis Dienstag, den 14. März" when their deadline is near, else `None`.
fn reply_by(s: &Slots) -> Option<String> {
    s.reply_by_day().map(|d| by_day(s, d))
}

/// The voicemail's call to action: a concrete day when their deadline is near, else open.
fn call_back(s: &Slots) -> String {
    match reply_by(s) {
        Some(by) => {
            format!("Bitte rufen Sie mich zurück, am besten {by}. Dann bleibt genug Zeit bis zu Ihrem Termin.")
        }
        None => "Rufen Sie mich gern zurück, wann es Ihnen passt.".to_string(),
    }
}

/// "Ihr Zieltermin ist der 14. März, also in 12 Tagen. …" or nothing.
fn deadline_sentence(s: &Slots) -> String {
    s.deadline
        .map(|d| {
            let date = s.date(d);
            let when = match d.days_since(s.now) {
                0 => format!("Ihr Zieltermin ist heute, der {date}."),
                1 => format!("Ihr Zieltermin ist morgen, der {date}."),
                n => format!("Ihr Zieltermin ist der {date}, also in {n} Tagen."),
            };
            format!("{when} Auf unserer Seite soll nichts bremsen.")
        })
        .unwrap_or_default()
}

/// " bis zum 14. März" or nothing.
fn by_deadline(s: &Slots) -> String {
    s.deadline
        .map(|d| format!(" bis zum {}", s.date(d)))
        .unwrap_or_default()
}

/// "Vielen Dank für Ihre E-Mail vom 2. März zu „Pilot“." or nothing.
fn thanks_for_last(s: &Slots) -> String {
    if let Some(d) = s.resumed {
        return format!(
            "Sie hatten mich gebeten, mich um den {} wieder zu melden.",
            s.date(d)
        );
    }
    s.last_exchange
        .as_ref()
        .map(|(day, channel, subject)| {
            let date = s.date(*day);
            let what = match channel {
                Channel::Call => format!("das Telefonat am {date}"),
                Channel::Meeting => format!("das Gespräch am {date}"),
                Channel::Text => format!("Ihre Nachricht vom {date}"),
                _ => format!("Ihre E-Mail vom {date}"),
            };
            format!("Vielen Dank für {what} zu „{subject}“.")
        })
        .unwrap_or_default()
}

/// "Ihr Ziel: die Leerfahrten um ein Drittel senken." or nothing.
fn goal_sentence(s: &Slots) -> String {
    s.goal
        .as_deref()
        .map(|g| format!("Ihr Ziel: {}.", super::shorten(g, 80)))
        .unwrap_or_default()
}

/// The reason, cut for the place it goes; empty only when there is none.
fn reason(s: &Slots, max: usize) -> String {
    s.reason_max(max).unwrap_or_default()
}

/// The buyer's words in German quotes, ending a sentence: a period after the closing quote only
/// when their words do not already end one.
fn quote_sentence(q: &str) -> String {
    let q = q.trim();
    if q.ends_with(['.', '?', '!', '…']) {
        format!("„{q}“")
    } else {
        format!("„{q}“.")
    }
}

// ---------------------------------------------------------------------------------------------
// Answer: deliver what they asked for, or commit to the answer, first.
// ---------------------------------------------------------------------------------------------

fn answer(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let Some(req) = s.request.clone() else {
        // Chosen only when there is a request; stay well-formed regardless.
        return draft(Drafted::ReasonFeedback, channel, tone, s);
    };
    let Request { quote, thing, day } = req;
    let sorry = if s.now.days_since(day) >= 2 {
        "Entschuldigen Sie, dass es etwas gedauert hat."
    } else {
        ""
    };
    let when = reply_by(s).unwrap_or_else(|| "heute".to_string());
    let asked_on = s.date(day);
    let delivered = thing.is_some();
    // Their words are quoted; `thing` is English and never pasted into German.
    let sent = format!(
        "Anbei finden Sie, worum Sie mich am {asked_on} gebeten hatten: {}",
        quote_sentence(&quote)
    );
    let promised = format!("Die vollständige Antwort schicke ich Ihnen {when}.");
    // The one ask after the answer, without a second question mark beside theirs.
    let more = if delivered {
        "Falls sonst noch etwas fehlt, sagen Sie es mir."
    } else {
        "Falls sonst noch etwas im Weg steht, sagen Sie es mir."
    };
    let aim = |max: usize| match s.reason_max(max) {
        Some(r) => format!("Ihr Ziel habe ich dabei im Blick: {r}."),
        None => String::new(),
    };
    let all_reason = s.reason.clone().unwrap_or_default();
    match (channel, tone, delivered) {
        (Channel::Text, _, _) => Draft::text(fit_text(&all_reason, |r| {
            let aim = if s.reason.is_none() {
                String::new()
            } else {
                format!("Ihr Ziel habe ich dabei im Blick: {r}.")
            };
            let short = quote_sentence(&super::shorten(&quote, 60));
            let parts: [&str; 4] = match (tone, delivered) {
                (Tone::Warm, true) => [
                    &format!("Was Sie angefragt hatten, ist jetzt in Ihrem Postfach: {short}"),
                    "Falls sonst noch etwas fehlt, sagen Sie es mir.",
                    &aim,
                    "",
                ],
                (Tone::Direct, true) => [
                    &format!("Ihre Anfrage ist erledigt: {short} Alles liegt in Ihrem Postfach."),
                    &aim,
                    "Fehlt noch etwas, sagen Sie es mir.",
                    "",
                ],
                (Tone::Warm, false) => [
                    sorry,
                    &format!("Die Antwort auf Ihre Frage schicke ich Ihnen {when}."),
                    &aim,
                    "Soll ich sonst noch etwas klären?",
                ],
                (Tone::Direct, false) => [
                    &format!("Zu Ihrer Frage: Die Antwort schicke ich Ihnen {when}."),
                    &aim,
                    "Fehlt sonst noch etwas?",
                    "",
                ],
            };
            sms(s, &join(&parts))
        })),
        (Channel::Call, _, _) => {
            let news = if delivered {
                "Was Sie angefragt hatten, liegt jetzt in Ihrem Postfach.".to_string()
            } else {
                match reply_by(s) {
                    Some(by) => {
                        format!("Die Antwort schicke ich Ihnen per E-Mail, am besten {by}.")
                    }
                    None => "Die Antwort schicke ich Ihnen heute per E-Mail.".to_string(),
                }
            };
            let text = match tone {
                Tone::Warm => join(&[
                    &format!("Ich rufe wegen Ihrer Anfrage vom {asked_on} an."),
                    &news,
                    &aim(90),
                    "Wenn etwas offen bleibt, rufen Sie mich gern zurück.",
                ]),
                Tone::Direct => join(&[
                    &format!("Zu Ihrer Anfrage vom {asked_on}: {news}"),
                    &aim(90),
                    "Bei Fragen rufen Sie mich gern zurück.",
                ]),
            };
            Draft::call(
                voicemail(s, &text),
                [
                    if delivered {
                        format!(
                            "Sie hatten darum gebeten: {} Ist alles angekommen?",
                            quote_sentence(&quote)
                        )
                    } else {
                        format!(
                            "Sie schrieben: {} Dazu die kurze Antwort.",
                            quote_sentence(&quote)
                        )
                    },
                    match s.reason_max(60) {
                        Some(r) => format!("Steht Ihrem Ziel sonst noch etwas im Weg: {r}?"),
                        None => "Steht einer Entscheidung sonst noch etwas im Weg?".to_string(),
                    },
                ],
            )
        }
        (_, Tone::Warm, true) => email(
            s,
            tone,
            // The thing named when the request names one the reader knows ("Der Vertrag").
            match super::thing::requested(&quote) {
                Some(t) => format!("{}, wie gewünscht", upper_first(t.words(Lang::De).the)),
                None => format!("Ihre Anfrage vom {asked_on}"),
            },
            &[
                join(&[sorry, &sent, &deadline_sentence(s)]),
                join(&[more, &aim(140)]),
            ],
        ),
        (_, Tone::Direct, true) => email(
            s,
            tone,
            "Anbei, wie gewünscht".to_string(),
            &[join(&[&sent, more, &aim(140)])],
        ),
        (_, Tone::Warm, false) => email(
            s,
            tone,
            format!("Ihre Frage vom {asked_on}"),
            &[
                join(&[
                    sorry,
                    &format!("Sie schrieben: {}", quote_sentence(&quote)),
                    &promised,
                    &deadline_sentence(s),
                ]),
                join(&[more, &aim(140)]),
            ],
        ),
        (_, Tone::Direct, false) => email(
            s,
            tone,
            "Zu Ihrer Frage".to_string(),
            &[join(&[
                &format!("Zu Ihrer Frage: {}", quote_sentence(&quote)),
                &promised,
                more,
                &aim(140),
            ])],
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Commitment: one small, dated step from them; nothing more from us.
// ---------------------------------------------------------------------------------------------

fn commitment(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let all_reason = s.reason.clone().unwrap_or_default();
    // Before their deadline when it is near, otherwise within the week.
    let by = reply_by(s).unwrap_or_else(|| by_day(s, s.ask_by_day()));
    let with = s
        .approver
        .as_deref()
        .map(|a| format!("Gern auch zusammen mit {a}."))
        .unwrap_or_default();
    let ask = format!("Hätten Sie 20 Minuten für mich, am besten {by}?");
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(&all_reason, |r| {
            sms(
                s,
                &join(&[
                    "Eine Bitte:",
                    &ask,
                    &format!("Dann klären wir den nächsten Schritt für Ihr Anliegen: {r}."),
                ]),
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(&all_reason, |r| {
            sms(
                s,
                &join(&[
                    &format!("Bevor ich mehr schicke: Können Sie sich 20 Minuten nehmen, {by}?"),
                    &format!("Dann entscheiden wir über Ihr Anliegen: {r}."),
                ]),
            )
        })),
        (Channel::Call, _) => {
            let text = match tone {
                Tone::Warm => join(&[
                    &format!(
                        "Statt Ihnen noch mehr zu schicken, habe ich eine Bitte: 20 Minuten mit Ihnen, am besten {by}."
                    ),
                    &with,
                    &format!(
                        "Dann legen wir den nächsten Schritt fest. Es geht um Ihr Anliegen: {}.",
                        reason(s, 90)
                    ),
                    "Rufen Sie mich gern zurück, dann finden wir einen Termin.",
                ]),
                Tone::Direct => join(&[
                    &format!(
                        "Bevor ich Ihnen mehr schicke, eine Bitte: Nehmen Sie sich 20 Minuten Zeit, {by}."
                    ),
                    &with,
                    &format!("Dann entscheiden wir über Ihr Anliegen: {}.", reason(s, 90)),
                    "Rufen Sie mich zurück, dann legen wir den Termin fest.",
                ]),
            };
            Draft::call(
                voicemail(s, &text),
                [
                    format!("Was bräuchten Sie für eine Entscheidung {by}?"),
                    "Wer muss außerdem dabei sein, damit es ein Ja wird?".to_string(),
                ],
            )
        }
        (_, Tone::Warm) => email(
            s,
            tone,
            "20 Minuten für den nächsten Schritt".to_string(),
            &[
                join(&[
                    "Ich habe Ihnen zuletzt einiges geschickt.",
                    "Bevor noch mehr von mir kommt, habe ich eine Bitte.",
                    &ask,
                    &with,
                    &format!(
                        "Dann legen wir gemeinsam den nächsten Schritt fest. Es geht um Ihr Anliegen: {}.",
                        reason(s, 140)
                    ),
                    &deadline_sentence(s),
                ]),
                s.closing(&[
                    "Falls das Thema gerade keine Priorität hat, hilft mir eine kurze Zeile dazu genauso.",
                    "Falls der Zeitpunkt ungünstig ist, sagen Sie mir, wann es besser passt, und ich warte bis dahin.",
                    "Und falls das Thema auf Ihrer Liste nach hinten gerückt ist, hilft mir ein kurzes Nein genauso.",
                ])
                .to_string(),
            ],
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            "Ihr nächster Schritt".to_string(),
            &[join(&[
                &format!(
                    "Bevor ich Ihnen mehr schicke: Können Sie sich 20 Minuten nehmen, {by}?"
                ),
                &with,
                &format!(
                    "Dann entscheiden wir über Ihr Anliegen: {}.",
                    reason(s, 140)
                ),
                s.closing(&[
                    "Ein Ja, ein Nein oder ein „noch nicht“ hilft mir gleichermaßen.",
                    "Jede Antwort hilft mir bei der Planung, auch ein Nein.",
                    "Eine Zeile als Antwort genügt, so oder so.",
                ]),
            ])],
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Discovery: no recorded reason, so ask for one.
// ---------------------------------------------------------------------------------------------

fn discovery(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let change_warm =
        "Was soll sich für Ihr Team dadurch ändern, und gibt es einen Termin, der es jetzt wichtig macht?";
    let change_direct = "Was müsste sich für Ihr Team ändern, damit es sich lohnt, und bis wann?";
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(sms(
            s,
            &format!("Bevor ich Ihnen mehr schicke: {change_warm}"),
        )),
        (Channel::Text, Tone::Direct) => {
            Draft::text(sms(s, &format!("Eine Frage: {change_direct}")))
        }
        (Channel::Call, Tone::Warm) => Draft::call(
            voicemail(
                s,
                &join(&[
                    "Bevor ich Ihnen mehr schicke, möchte ich Ihre Sicht besser verstehen.",
                    change_warm,
                    "Rufen Sie mich gern zurück, wann es Ihnen passt.",
                ]),
            ),
            [
                "Wie sind Sie ursprünglich auf das Thema gekommen?".to_string(),
                "Angenommen, alles läuft gut: Was ist in drei Monaten für Ihr Team anders?"
                    .to_string(),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            voicemail(
                s,
                &join(&[
                    &format!("Eine Frage, bevor wir weitermachen: {change_direct}"),
                    "Rufen Sie mich gern zurück, wenn Sie zwei Minuten haben.",
                ]),
            ),
            [
                "Welches Problem soll das für Sie vor allem lösen?".to_string(),
                "Gibt es einen Termin, der es jetzt wichtig macht?".to_string(),
            ],
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            "Wann lohnt es sich für Sie?".to_string(),
            &[
                join(&[
                    &thanks_for_last(s),
                    "Bevor ich Ihnen mehr schicke, möchte ich Ihre Sicht besser verstehen.",
                    change_warm,
                ]),
                s.closing(&[
                    "Zwei Zeilen genügen. Ihre Antwort bestimmt, was ich Ihnen als Nächstes schicke.",
                    "Eine kurze Antwort reicht mir, und sie bestimmt, was ich Ihnen als Nächstes schicke.",
                    "Auch eine grobe Antwort hilft: sie zeigt mir, was sich zu schicken lohnt.",
                ])
                .to_string(),
            ],
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            "Eine Frage vorab".to_string(),
            &[join(&[
                &format!("Eine Frage, bevor wir weitermachen: {change_direct}"),
                s.closing(&[
                    "Zwei Zeilen genügen. Ihre Antwort entscheidet, was ich Ihnen als Nächstes schicke.",
                    "Eine Zeile genügt: sie entscheidet, was ich Ihnen als Nächstes schicke.",
                    "Eine grobe Antwort reicht: sie entscheidet, ob ich Ihnen überhaupt etwas schicke.",
                ]),
            ])],
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Reason feedback: name their reason, tie it to goal and date, ask for their view.
// ---------------------------------------------------------------------------------------------

fn reason_feedback(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let all_reason = s.reason.clone().unwrap_or_default();
    let yes_no = "Ein Ja, ein Nein oder ein „noch nicht“ hilft mir gleichermaßen.";
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(&all_reason, |r| {
            sms(
                s,
                &join(&[
                    &format!("Sie sagten, darauf kommt es an: {r}."),
                    "Passt unser Vorschlag dazu noch, oder steht etwas im Weg?",
                ]),
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(&all_reason, |r| {
            sms(
                s,
                &join(&[
                    &format!("Zu Ihrem Anliegen: {r}."),
                    "Sind wir dafür noch der richtige Weg?",
                    "Ja, Nein oder „noch nicht“, alles hilft.",
                ]),
            )
        })),
        (Channel::Call, Tone::Warm) => Draft::call(
            voicemail(
                s,
                &join(&[
                    &format!(
                        "Sie hatten mir gesagt, worauf es Ihnen ankommt: {}.",
                        reason(s, 100)
                    ),
                    "Mich interessiert Ihre ehrliche Einschätzung.",
                    "Passt unser Vorschlag dazu noch, oder steht etwas im Weg?",
                    &call_back(s),
                ]),
            ),
            [
                format!(
                    "Beim letzten Mal war Ihnen das wichtig: {}. Hat das weiter Priorität?",
                    reason(s, 60)
                ),
                format!(
                    "Was müssten wir an unserem Vorschlag ändern, damit es{} klappt?",
                    by_deadline(s)
                ),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            voicemail(
                s,
                &join(&[
                    &format!("Eine kurze Frage zu Ihrem Anliegen: {}.", reason(s, 100)),
                    "Sind wir dafür noch der richtige Weg?",
                    yes_no,
                    &call_back(s),
                ]),
            ),
            [
                format!(
                    "Hat das{} weiter Priorität: {}?",
                    by_deadline(s),
                    reason(s, 60)
                ),
                "Was steht einer Entscheidung im Weg?".to_string(),
            ],
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            s.subject(&match s.deadline {
                // The subjects name their date when there is one: it is what the check is for.
                Some(d) => {
                    let d = s.date(d);
                    vec![
                        format!("Auf Kurs für den {d}?"),
                        format!("Ihr Termin am {d}"),
                        format!("Rückwärts geplant ab dem {d}"),
                    ]
                }
                None => vec![
                    "Passt der Plan noch?".to_string(),
                    "Ihre Prioritäten, kurz gefasst".to_string(),
                    "Stimmt der Plan noch?".to_string(),
                ],
            }),
            &[
                join(&[
                    &thanks_for_last(s),
                    &format!(
                        "Sie hatten mir gesagt, worauf es Ihnen ankommt: {}.",
                        reason(s, 140)
                    ),
                    &goal_sentence(s),
                    &deadline_sentence(s),
                ]),
                s.closing(&[
                    "Bringt Sie unser Vorschlag noch dorthin? Wenn etwas daran im Weg steht, sagen Sie mir bitte, was. Dann passe ich es an. Falls sich die Priorität geändert hat, hilft mir das auch.",
                    "Ist unser Vorschlag noch der richtige Weg dorthin? Wenn ein Teil nicht mehr passt, sagen Sie mir, welcher, und ich ändere ihn. Eine geänderte Priorität zu kennen, hilft mir genauso.",
                    "Sagen Sie mir offen, ob der besprochene Plan dieses Ziel noch trägt. Wenn etwas nicht stimmt, nennen Sie es, und ich überarbeite es.",
                ])
                .to_string(),
            ],
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            s.subject(&[
                "Ja, Nein oder noch nicht".to_string(),
                "Wo stehen wir?".to_string(),
                "Weitermachen oder nicht?".to_string(),
            ]),
            &[join(&[
                &format!("Sie sagten, darum geht es Ihnen: {}.", reason(s, 140)),
                &deadline_sentence(s),
                s.closing(&[
                    "Sind wir dafür der richtige Weg? Ein Ja, ein Nein oder ein „noch nicht“ hilft mir bei der Planung.",
                    "Lohnt es sich noch, das gemeinsam anzugehen? Jede Antwort, auch ein Nein, hilft mir bei der Planung.",
                    "Sollen wir weitermachen? Eine Zeile als Antwort genügt, und ein Nein hilft mir genauso wie ein Ja.",
                ]),
            ])],
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Approver check: what did the person who signs off think, in terms of the buyer's reason.
// ---------------------------------------------------------------------------------------------

fn approver_check(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let Some(who) = s.approver.clone() else {
        // Chosen only with an approver; stay well-formed regardless.
        return draft(Drafted::ReasonFeedback, channel, tone, s);
    };
    let all_reason = s.reason.clone().unwrap_or_default();
    // No pronoun for the approver: German would have to guess "er" or "sie".
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(&all_reason, |r| {
            sms(
                s,
                &join(&[
                    &format!("Was sagt {who} zu unserem Vorschlag, mit Blick auf Ihr Ziel: {r}?"),
                    "Wenn es hilft, schreibe ich eine Zusammenfassung auf einer Seite.",
                ]),
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(&all_reason, |r| {
            sms(
                s,
                &join(&[
                    &format!("Wie steht {who} zu unserem Vorschlag?"),
                    &format!(
                        "Falls etwas darin nicht zu Ihrem Anliegen passt ({r}), sagen Sie es mir. Dann ändere ich es."
                    ),
                ]),
            )
        })),
        (Channel::Call, Tone::Warm) => Draft::call(
            voicemail(
                s,
                &join(&[
                    &format!("Mich interessiert, was {who} von unserem Vorschlag hält."),
                    &format!("Es geht ja um Ihr Ziel: {}.", reason(s, 90)),
                    "Wenn eine kurze Zusammenfassung für die Freigabe hilft, schreibe ich sie gern.",
                    "Rufen Sie mich gern zurück, wann es Ihnen passt.",
                ]),
            ),
            [
                format!("Was hält {who} von unserem Vorschlag?"),
                format!("Was bräuchte {who} für ein Ja{}?", by_deadline(s)),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            voicemail(
                s,
                &join(&[
                    &format!("Wie steht {who} zu unserem Vorschlag?"),
                    &format!(
                        "Falls etwas darin nicht zu Ihrem Anliegen passt ({}), ändere ich es gern vor der Entscheidung.",
                        reason(s, 90)
                    ),
                    "Rufen Sie mich gern zurück, wenn es passt.",
                ]),
            ),
            [
                format!("Hat {who} unseren Vorschlag schon gesehen?"),
                "Was ist dabei der wichtigste Einwand?".to_string(),
            ],
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            format!("Was sagt {who}?"),
            &[
                join(&[
                    &format!("Sie hatten erwähnt, dass die Freigabe bei {who} liegt."),
                    &format!(
                        "Wie kam unser Vorschlag dort an, mit Blick auf Ihr Ziel: {}?",
                        reason(s, 140)
                    ),
                    &deadline_sentence(s),
                ]),
                // One question per body: the offer is a statement.
                s.closing(&[
                    "Wenn eine Zusammenfassung auf einer Seite für die Freigabe hilft, sagen Sie es mir. Ich schreibe sie gern rund um dieses Ziel.",
                    "Gern schreibe ich eine kurze Notiz, die den Vorschlag genau unter diesem Blickwinkel darstellt, falls das hilft.",
                    "Falls es dort Fragen gibt, die ich direkt beantworten kann, komme ich gern zu einem kurzen Gespräch mit Ihnen beiden dazu.",
                ])
                .to_string(),
            ],
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            format!("Freigabe durch {who}"),
            &[join(&[
                &format!("Wie steht {who} zu unserem Vorschlag?"),
                &format!(
                    "Falls etwas darin nicht zu Ihrem Anliegen passt ({}), sagen Sie es mir.",
                    reason(s, 140)
                ),
                "Dann ändere ich es vor der Entscheidung.",
            ])],
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// New value: after a long silence, one useful item tied to their reason (a plan back from
// their date, which the rep can always deliver).
// ---------------------------------------------------------------------------------------------

fn new_value(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let all_reason = s.reason.clone().unwrap_or_default();
    // "vom 14. März aus" or "von Ihrem Zieltermin aus": never an invented date.
    let from = match s.deadline {
        Some(d) => format!("vom {}", s.date(d)),
        None => "von Ihrem Zieltermin".to_string(),
    };
    // The same plan as subject ("ein kurzer Zeitplan") and as object ("einen kurzen …").
    let plan = format!("ein kurzer Zeitplan, der {from} aus rückwärts plant");
    let plan_acc = format!("einen kurzen Zeitplan, der {from} aus rückwärts plant");
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(&all_reason, |r| {
            sms(
                s,
                &join(&[
                    &format!("Eine Idee zu Ihrem Anliegen: {r}."),
                    &format!("Ich denke an {plan_acc}."),
                    "Soll ich ihn schicken?",
                ]),
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(&all_reason, |r| {
            sms(
                s,
                &join(&[
                    &format!("Hilft Ihnen ein Plan auf einer Seite für Ihr Anliegen: {r}?"),
                    "Ich kann ihn heute schicken.",
                ]),
            )
        })),
        (Channel::Call, Tone::Warm) => Draft::call(
            voicemail(
                s,
                &join(&[
                    &format!("Ich habe über Ihr Anliegen nachgedacht: {}.", reason(s, 90)),
                    &format!("Gern schicke ich Ihnen {plan_acc}."),
                    "So sehen Sie, was wann passieren muss.",
                    "Rufen Sie mich zurück, oder sagen Sie einfach Bescheid, dann schicke ich ihn.",
                ]),
            ),
            [
                format!("Hat das weiter Priorität: {}?", reason(s, 60)),
                "Was hat sich bei Ihnen seit unserem letzten Gespräch geändert?".to_string(),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            voicemail(
                s,
                &join(&[
                    &format!(
                        "Hilft Ihnen ein Plan auf einer Seite für Ihr Anliegen: {}?",
                        reason(s, 90)
                    ),
                    "Ich kann ihn heute schicken.",
                    "Rufen Sie mich gern zurück, wenn es passt.",
                ]),
            ),
            [
                "Was müsste so ein Plan enthalten, damit er Ihnen hilft?".to_string(),
                format!("Hat das weiter Priorität: {}?", reason(s, 60)),
            ],
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            "Eine Idee für Ihren Plan".to_string(),
            &[
                join(&[
                    &format!(
                        "Ich habe über Ihr Anliegen nachgedacht: {}.",
                        reason(s, 140)
                    ),
                    &goal_sentence(s),
                    &deadline_sentence(s),
                ]),
                join(&[
                    &format!("Eine Idee, die helfen könnte: {plan}."),
                    "Er zeigt, was in welcher Woche passieren muss.",
                    s.closing(&[
                        "Wäre das nützlich? Dann schicke ich ihn Ihnen, ein Gespräch ist dafür nicht nötig.",
                        "Soll ich ihn Ihnen schicken? Er ist in zwei Minuten gelesen, ein Gespräch braucht es nicht.",
                        "Wenn das hilft, sagen Sie kurz Bescheid, und Sie haben ihn diese Woche, ganz ohne Termin.",
                    ]),
                ]),
            ],
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            "Ein Plan auf einer Seite".to_string(),
            &[join(&[
                &format!(
                    "Hilft Ihnen ein Plan auf einer Seite für Ihr Anliegen: {}?",
                    reason(s, 140)
                ),
                &format!(
                    "Er zeigt Woche für Woche, was{} passieren muss.",
                    by_deadline(s)
                ),
                s.closing(&[
                    "Ein kurzes Ja genügt, dann schicke ich ihn.",
                    "Ein Ja reicht, und er ist heute unterwegs.",
                    "Antworten Sie mit Ja, und Sie haben ihn noch am selben Tag.",
                ]),
            ])],
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Walk away: a respectful step back, no guilt, one clear way back.
// ---------------------------------------------------------------------------------------------

/// "Ihr Vorhaben („…“)" or "das Thema" (both neuter, so the sentence around stays the same).
fn aim_nom(reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("Ihr Vorhaben („{r}“)"),
        None => "das Thema".to_string(),
    }
}

/// The dative: "Ihrem Vorhaben („…“)" or "dem Thema".
fn aim_dat(reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("Ihrem Vorhaben („{r}“)"),
        None => "dem Thema".to_string(),
    }
}

fn walk_away(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let all_reason = s.reason.clone();
    let known = all_reason.is_some();
    let full = all_reason.as_deref().unwrap_or("");
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(full, |r| {
            sms(
                s,
                &join(&[
                    &format!(
                        "Mein Eindruck ist, dass {} gerade keine Priorität hat.",
                        aim_nom(known.then_some(r))
                    ),
                    "Deshalb halte ich mich ab jetzt zurück.",
                    "Wenn sich etwas ändert, antworten Sie einfach hier. Dann machen wir da weiter, wo wir aufgehört haben.",
                ]),
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(full, |r| {
            sms(
                s,
                &join(&[
                    &format!(
                        "Ich ziehe mich bei {} vorerst zurück.",
                        aim_dat(known.then_some(r))
                    ),
                    "Im Moment scheint es nicht zu passen.",
                    "Wenn sich das ändert, antworten Sie einfach hier.",
                ]),
            )
        })),
        (Channel::Call, Tone::Warm) => Draft::call(
            voicemail(
                s,
                &join(&[
                    &format!(
                        "Mein Eindruck ist, dass {} gerade keine Priorität hat.",
                        aim_nom(s.reason_max(90).as_deref())
                    ),
                    "Deshalb halte ich mich zurück und rufe nicht mehr an.",
                    "Wenn sich etwas ändert, rufen Sie mich gern zurück. Dann machen wir da weiter, wo wir aufgehört haben.",
                    "Alles Gute!",
                ]),
            ),
            [
                "Wollen Sie das Thema weiterhin angehen?".to_string(),
                "Falls nicht jetzt: Wann wäre ein besserer Zeitpunkt?".to_string(),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            voicemail(
                s,
                &join(&[
                    &format!(
                        "Ich ziehe mich bei {} vorerst zurück, weil es gerade nicht zu passen scheint.",
                        aim_dat(s.reason_max(90).as_deref())
                    ),
                    "Wenn sich das ändert, rufen Sie mich gern zurück.",
                ]),
            ),
            [
                "Gibt es hier noch ein Problem, das Sie lösen wollen?".to_string(),
                "Was müsste gegeben sein, damit es sich für Sie lohnt?".to_string(),
            ],
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            "Ich halte mich vorerst zurück".to_string(),
            &[
                join(&[
                    &format!(
                        "Mein Eindruck ist, dass {} für Ihr Team gerade keine Priorität hat.",
                        aim_nom(s.reason_max(140).as_deref())
                    ),
                    "Deshalb halte ich mich ab jetzt zurück. Das ist für mich völlig in Ordnung.",
                ]),
                "Wenn sich etwas ändert, antworten Sie einfach auf diese E-Mail. Dann machen wir da weiter, wo wir aufgehört haben."
                    .to_string(),
            ],
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            "Ich pausiere das Thema".to_string(),
            &[join(&[
                &format!(
                    "Ich ziehe mich bei {} vorerst zurück.",
                    aim_dat(s.reason_max(140).as_deref())
                ),
                "Es scheint gerade nicht zu passen, und ich möchte Ihre Zeit nicht unnötig beanspruchen.",
                "Wenn sich das ändert, antworten Sie einfach hier. Dann machen wir weiter.",
            ])],
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Close out: they said no, or months of silence: close the loop, one way back.
// ---------------------------------------------------------------------------------------------

/// "Falls Ihr Vorhaben („…“) wieder aktuell wird" or "Falls das Thema wieder aktuell wird".
fn way_back(reason: Option<&str>) -> String {
    format!("Falls {} wieder aktuell wird", aim_nom(reason))
}

/// A first message to the person named in place of a contact who left: who writes, with whom
/// they worked, what was under way, and one question. Nothing is quoted as theirs.
fn vorstellen(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let Some(h) = &s.handover else {
        return discovery(channel, tone, s);
    };
    // "mit Dana Whitfield" / "mit Ihrer Kollegin oder Ihrem Kollegen" (no gender guessed).
    let mit = h
        .from
        .as_deref()
        .map(|f| format!("mit {f}"))
        .unwrap_or_else(|| "mit Ihrem Team".to_string());
    let notiz = s.date(h.noticed_on);
    let ich = match (&s.rep, &s.signature) {
        (Some(r), Some(sig)) => format!("mein Name ist {r} ({sig})."),
        (Some(r), None) => format!("mein Name ist {r}."),
        _ => String::new(),
    };
    let zuletzt = h
        .last_sent
        .as_ref()
        .map(|(d, subject)| format!("Zuletzt habe ich am {} „{subject}“ geschickt.", s.date(*d)))
        .unwrap_or_default();
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(sms(
            s,
            &format!("ich habe {mit} an einem Projekt gearbeitet, und laut einer Antwort vom {notiz} sind jetzt Sie die Ansprechperson. Sind Sie dafür zuständig?"),
        )),
        (Channel::Text, Tone::Direct) => Draft::text(sms(
            s,
            &format!("ich hatte {mit} ein Projekt am Laufen, das jetzt bei Ihnen liegen soll. Stimmt das?"),
        )),
        (Channel::Call, Tone::Warm) => Draft::call(
            voicemail(
                s,
                &join(&[
                    &format!("Ich habe {mit} an einem Projekt gearbeitet, und laut einer Antwort vom {notiz} sind jetzt Sie die Ansprechperson."),
                    "Ich möchte kurz klären, ob das Thema jetzt bei Ihnen liegt.",
                    "Rufen Sie mich gern zurück, wann es Ihnen passt.",
                ]),
            ),
            [
                "Liegt das Projekt, an dem wir mit Ihrem Haus gearbeitet haben, jetzt bei Ihnen?".to_string(),
                "Was wäre für Sie am hilfreichsten, um den Stand zu kennen?".to_string(),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            voicemail(
                s,
                &join(&[
                    &format!("Ich hatte {mit} ein Projekt am Laufen, das jetzt bei Ihnen liegen soll."),
                    "Ein kurzer Rückruf, ob das stimmt, würde mir helfen.",
                    "Rufen Sie mich gern zurück, wann es Ihnen passt.",
                ]),
            ),
            [
                "Sind Sie jetzt für dieses Projekt zuständig?".to_string(),
                "Wer sollte auf Ihrer Seite noch eingebunden sein?".to_string(),
            ],
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            "Übergabe unseres gemeinsamen Projekts".to_string(),
            &[
                join(&[
                    &ich,
                    &format!("Ich habe {mit} an einem Projekt mit Ihrem Team gearbeitet."),
                    &zuletzt,
                    &format!("Laut einer Antwort vom {notiz} sind jetzt Sie die Ansprechperson."),
                ]),
                "Sind Sie dafür jetzt die richtige Person, oder gibt es jemanden, der besser passt? Gern schicke ich Ihnen eine kurze Zusammenfassung des aktuellen Stands.".to_string(),
            ],
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            "Wer ist jetzt zuständig?".to_string(),
            &[join(&[
                &ich,
                &format!("Ich hatte {mit} ein Projekt am Laufen."),
                &zuletzt,
                &format!("Laut einer Antwort vom {notiz} sind jetzt Sie die Ansprechperson. Liegt das Thema jetzt bei Ihnen, oder soll ich mich an jemand anderen wenden?"),
            ])],
        ),
    }
}

/// Nothing is wrong and a meeting is booked: confirm it and ask what to prepare.
fn bestaetigen(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let Some(d) = s.meeting else {
        return discovery(channel, tone, s);
    };
    // "am Dienstag, 9. Dezember"
    let am = format!("am {}, {}", s.lang.weekday(d), s.date(d));
    let fokus = s
        .reason_max(120)
        .map(|r| format!("Ich richte ihn auf das aus, worauf es Ihnen ankommt: {r}."))
        .unwrap_or_default();
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(sms(
            s,
            &format!("ich freue mich auf unseren Termin {am}. Soll ich etwas vorbereiten?"),
        )),
        (Channel::Text, Tone::Direct) => Draft::text(sms(
            s,
            &format!("hiermit bestätige ich unseren Termin {am}. Wenn etwas dazukommen soll, antworten Sie einfach hier."),
        )),
        (Channel::Call, _) => Draft::call(
            voicemail(
                s,
                &join(&[
                    &format!("Ich rufe an, um unseren Termin {am} zu bestätigen und zu fragen, ob ich etwas vorbereiten soll."),
                    "Rufen Sie mich gern zurück, wann es Ihnen passt.",
                ]),
            ),
            [
                format!("Soll ich für unseren Termin {am} etwas vorbereiten?"),
                "Sollte noch jemand von Ihrer Seite dabei sein?".to_string(),
            ],
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            s.subject(&[
                format!("Unser Termin am {}", s.date(d)),
                format!("Vor unserem Termin am {}", s.date(d)),
            ]),
            &[
                join(&[&format!("Ich freue mich auf unseren Termin {am}."), &fokus]),
                "Damit sich die Zeit für Sie lohnt: Soll ich etwas vorbereiten oder mitbringen, oder sollte noch jemand dazukommen?".to_string(),
            ],
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            s.subject(&[format!("Bestätigung für den {}", s.date(d))]),
            &[join(&[
                &format!("Hiermit bestätige ich unseren Termin {am}."),
                &fokus,
                "Wenn Sie weitere Punkte besprechen möchten, antworten Sie einfach, und ich nehme sie in die Agenda auf.",
            ])],
        ),
    }
}

fn close_out(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let all_reason = s.reason.clone();
    let known = all_reason.is_some();
    let full = all_reason.as_deref().unwrap_or("");
    let back = |max: usize| way_back(s.reason_max(max).as_deref());
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(full, |r| {
            sms(
                s,
                &join(&[
                    "Vielen Dank für Ihre Zeit.",
                    "Ich schließe das Thema auf meiner Seite ab.",
                    &format!(
                        "{}, genügt eine kurze Antwort hier.",
                        way_back(known.then_some(r))
                    ),
                ]),
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(full, |r| {
            sms(
                s,
                &join(&[
                    "Ich schließe das Thema auf meiner Seite ab, damit es Ihr Postfach nicht weiter füllt.",
                    &format!(
                        "{}, antworten Sie einfach hier.",
                        way_back(known.then_some(r))
                    ),
                ]),
            )
        })),
        (Channel::Call, Tone::Warm) => Draft::call(
            voicemail(
                s,
                &join(&[
                    "Ich rufe nur an, um das Thema sauber abzuschließen.",
                    "Von meiner Seite aus ist es damit erledigt, und das ist für mich völlig in Ordnung.",
                    &format!("{}, rufen Sie mich gern zurück.", back(90)),
                ]),
            ),
            [
                "Hätten wir etwas anders machen können?".to_string(),
                "Gibt es einen besseren Zeitpunkt dafür, oder soll ich es ruhen lassen?".to_string(),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            voicemail(
                s,
                &join(&[
                    "Ich schließe das Thema heute auf meiner Seite ab.",
                    &format!("{}, rufen Sie mich gern zurück.", back(90)),
                ]),
            ),
            [
                "Was hat den Ausschlag gegeben? Ich möchte daraus lernen.".to_string(),
                "Soll ich mich überhaupt wieder melden, und wenn ja, wann?".to_string(),
            ],
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            "Ich schließe das Thema ab".to_string(),
            &[
                join(&[
                    "Vielen Dank für Ihre Zeit.",
                    "Ich schließe das Thema auf meiner Seite ab.",
                    "Sie hören dazu nichts mehr von mir, außer Sie möchten es.",
                ]),
                join(&[
                    &format!("{}, antworten Sie einfach auf diese E-Mail.", back(140)),
                    "Dann machen wir weiter.",
                ]),
            ],
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            "Thema auf meiner Seite abgeschlossen".to_string(),
            &[join(&[
                "Ich schließe das Thema heute auf meiner Seite ab, damit es Ihre Zeit nicht weiter beansprucht.",
                &format!("{}, genügt eine Antwort hier.", back(140)),
            ])],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::lang_tests::{self, KINDS};
    use super::*;
    use crate::core::lang::Lang;

    fn now() -> Day {
        lang_tests::row(Lang::De).now
    }

    fn slots() -> Slots {
        lang_tests::full(Lang::De)
    }

    fn bare() -> Slots {
        lang_tests::bare(Lang::De)
    }

    fn request(thing: bool) -> Request {
        Request {
            quote: "Können Sie uns das Bestellformular schicken?".into(),
            thing: thing.then(|| "the order form".to_string()),
            day: now().plus(-3),
        }
    }

    /// The rules every draft keeps, compact slots included, are `lang_tests`'s; here, that the
    /// optional sentences are gone.
    #[test]
    fn compact_slots_drop_optional_sentences_cleanly() {
        for level in 1..=2 {
            let s = slots().compact(level);
            for kind in KINDS {
                for tone in [Tone::Warm, Tone::Direct] {
                    let d = draft(kind.drafted(), Channel::Email, tone, &s);
                    assert!(!d.text.contains("Vielen Dank für das Telefonat"));
                    assert!(!d.text.contains("Ihr Ziel: verspätete"));
                }
            }
        }
    }

    #[test]
    fn greetings_with_and_without_a_name() {
        assert_eq!(hi(&slots()), "Hallo Dana,");
        assert_eq!(hi(&bare()), "Guten Tag,");
        let dr = Slots {
            first_name: Some("Dr. Patel".into()),
            ..slots()
        };
        assert_eq!(hi(&dr), "Guten Tag Dr. Patel,");
        // Without a name, the body still goes on in lower case after the greeting.
        let d = draft(Drafted::Discovery, Channel::Email, Tone::Direct, &bare());
        assert!(
            d.text
                .starts_with("Guten Tag,\n\neine Frage, bevor wir weitermachen:"),
            "{}",
            d.text
        );
        // Without a rep, the voicemail goes straight to the message.
        let d = draft(Drafted::CloseOut, Channel::Call, Tone::Direct, &bare());
        assert!(
            d.text
                .starts_with("Guten Tag, ich schließe das Thema heute"),
            "{}",
            d.text
        );
        // "Sie" keeps its capital after the greeting.
        let d = draft(Drafted::ReasonFeedback, Channel::Text, Tone::Warm, &slots());
        assert!(d.text.starts_with("Hallo Dana, Sie sagten"), "{}", d.text);
    }

    #[test]
    fn dates_are_german() {
        let s = slots();
        assert_eq!(s.date(now().plus(12)), "14. März");
        assert_eq!(by_day(&s, now().plus(5)), "bis Samstag, den 7. März");
        assert_eq!(
            deadline_sentence(&s),
            "Ihr Zieltermin ist der 14. März, also in 12 Tagen. Auf unserer Seite soll nichts bremsen."
        );
        let next_year = Slots {
            deadline: Some(Day::from_ymd(2027, 2, 1).unwrap()),
            ..slots()
        };
        assert!(
            deadline_sentence(&next_year).starts_with("Ihr Zieltermin ist der 1. Februar 2027,")
        );
        let near = Slots {
            deadline: Some(now().plus(4)),
            ..slots()
        };
        assert_eq!(
            call_back(&near),
            "Bitte rufen Sie mich zurück, am besten bis Donnerstag, den 5. März. Dann bleibt genug Zeit bis zu Ihrem Termin."
        );
    }

    #[test]
    fn exact_texts() {
        let s = slots();
        let d = draft(Drafted::Commitment, Channel::Text, Tone::Warm, &s);
        assert_eq!(
            d.text,
            "Hallo Dana, eine Bitte: Hätten Sie 20 Minuten für mich, am besten bis Montag, den 9. März? \
             Dann klären wir den nächsten Schritt für Ihr Anliegen: alle 120 Lkw vor der Frühjahrsspitze orten, \
             weil uns verpasste Zeitfenster letztes Jahr zwei Aufträge gekostet haben. – Jordan Reyes"
        );
        let d = draft(Drafted::ReasonFeedback, Channel::Email, Tone::Warm, &s);
        assert_eq!(d.subject.as_deref(), Some("Auf Kurs für den 14. März?"));
        assert!(d.text.starts_with(
            "Hallo Dana,\n\nvielen Dank für das Telefonat am 27. Februar zu „Pilotauswertung“. \
             Sie hatten mir gesagt, worauf es Ihnen ankommt: alle 120 Lkw"
        ), "{}", d.text);
        assert!(d.text.ends_with("\n\nViele Grüße\nJordan Reyes\nAccount Executive, Northwind Telematics · +49 30 555 0100"));
        let d = draft(Drafted::CloseOut, Channel::Email, Tone::Warm, &bare());
        assert_eq!(
            d.text,
            "Guten Tag,\n\nvielen Dank für Ihre Zeit. Ich schließe das Thema auf meiner Seite ab. \
             Sie hören dazu nichts mehr von mir, außer Sie möchten es.\n\n\
             Falls das Thema wieder aktuell wird, antworten Sie einfach auf diese E-Mail. Dann machen wir weiter.\n\n\
             Viele Grüße"
        );
    }

    #[test]
    fn an_answer_quotes_their_words_and_never_the_english_thing() {
        let s = Slots {
            request: Some(request(true)),
            ..slots()
        };
        for channel in [Channel::Email, Channel::Text, Channel::Call] {
            for tone in [Tone::Warm, Tone::Direct] {
                let d = draft(Drafted::Answer, channel, tone, &s);
                let all = format!("{} {}", d.text, d.openers.join(" "));
                assert!(all.contains("„Können Sie uns das Bestellformular"), "{all}");
                assert!(!all.contains("order form"), "{all}");
            }
        }
        let d = draft(Drafted::Answer, Channel::Email, Tone::Warm, &s);
        assert!(d.text.contains(
            "entschuldigen Sie, dass es etwas gedauert hat. Anbei finden Sie, worum Sie mich am 27. Februar gebeten hatten: „Können Sie uns das Bestellformular schicken?“"
        ), "{}", d.text);
    }
}
