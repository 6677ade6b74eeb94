//! Drafts in French, written as a French B2B salesperson writes them, not translated from the
//! English files: same meaning and same rules per kind, French sentences.
//!
//! Register: « vous » throughout, with « Bonjour {prénom}, » and « Bien cordialement, » /
//! « Cordialement, ». In French B2B sales the buyer is a business contact the rep does not
//! know privately: « tu » would be over-familiar (and wrong in France, Belgium, Switzerland and
//! Québec alike), while « Madame, Monsieur » is too stiff for a deal already under way. First
//! name plus « vous » is the usual modern mix. A sign-off formula is written only when the rep's
//! name or signature follows it, so it never dangles.
//!
//! Typography: a no-break space (U+00A0) before « ? ! : ; » and inside « », the typographic
//! apostrophe (’), dates as « 14 mars », « 1er février 2027 » (`Slots::date`), weekdays in
//! lower case (« mardi 1er décembre »). The buyer's question or request is quoted in « ».
//! After a colon French goes on in lower case; the buyer's reason always follows a colon or
//! sits in brackets (« l’objectif que vous m’aviez décrit (…) »), so its form never breaks the
//! grammar. Optional sentences (thanks, goal, deadline) are whole sentences that vanish when
//! their slot is `None`.

use super::{fit_text, shorten, upper_first, Draft, Drafted, Slots, Tone};
use crate::core::date::Day;
use crate::core::lang::Lang;
use crate::core::model::Channel;

pub fn draft(kind: Drafted, channel: Channel, tone: Tone, s: &Slots) -> Draft {
    match kind {
        Drafted::Answer => answer(channel, tone, s),
        Drafted::Commitment => commitment(channel, tone, s),
        Drafted::Discovery => discovery(channel, tone, s),
        Drafted::ReasonFeedback => reason_feedback(channel, tone, s),
        Drafted::ApproverCheck => approver_check(channel, tone, s),
        Drafted::NewValue => new_value(channel, tone, s),
        Drafted::CloseOut => close_out(channel, tone, s),
        Drafted::WalkAway => walk_away(channel, tone, s),
        Drafted::Introduce => presentation(channel, tone, s),
        Drafted::Confirm => confirmer(channel, tone, s),
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers: greeting, sign-offs, dates, optional sentences.
// ---------------------------------------------------------------------------------------------

/// « Bonjour Dana, » or « Bonjour, ».
fn bonjour(s: &Slots) -> String {
    if let Some(formal) = &s.salutation {
        return formal.clone();
    }
    match &s.first_name {
        Some(n) => format!("Bonjour {n},"),
        None => "Bonjour,".to_string(),
    }
}

/// A text message: the greeting, then `rest` (starting in lower case, after the greeting's
/// comma), then « – Jordan » when the rep's name is known.
fn sms(s: &Slots, rest: &str) -> String {
    let from = s
        .rep
        .as_deref()
        .map(|r| format!(" – {r}"))
        .unwrap_or_default();
    format!("{} {rest}{from}", bonjour(s))
}

/// A voicemail: « Bonjour Dana, c’est Jordan. » then `rest` as a new sentence; without the
/// rep's name, `rest` goes on after the greeting's comma.
fn voicemail(s: &Slots, rest: &str) -> String {
    match &s.rep {
        Some(r) => format!("{} c’est {r}. {}", bonjour(s), upper_first(rest)),
        None => format!("{} {rest}", bonjour(s)),
    }
}

/// An email: greeting, body, then the sign-off when there is a name or signature to sign with.
fn email(s: &Slots, tone: Tone, subject: impl Into<String>, body: &str) -> Draft {
    let formula = match tone {
        Tone::Warm => "Bien cordialement,",
        Tone::Direct => "Cordialement,",
    };
    let sign = match (&s.rep, &s.signature) {
        (Some(r), Some(sig)) => format!("\n\n{formula}\n{r}\n{sig}"),
        (Some(r), None) => format!("\n\n{formula}\n{r}"),
        (None, Some(sig)) => format!("\n\n{formula}\n{sig}"),
        (None, None) => String::new(),
    };
    Draft::email(subject, format!("{}\n\n{body}{sign}", bonjour(s)))
}

/// Text that ends a sentence: a full stop, unless it already ends with one of its own.
fn end(text: &str) -> String {
    if text.ends_with(['.', '?', '!', '…']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// Text that ends a question: « ? » after a no-break space, unless it is already one.
fn ask(text: &str) -> String {
    if text.ends_with('?') {
        text.to_string()
    } else {
        format!("{text}\u{a0}?")
    }
}

/// The buyer's words in French quotes.
fn quoted(q: &str) -> String {
    format!("«\u{a0}{}\u{a0}»", q.trim())
}

/// The buyer's words quoted as a sentence: a full stop after the quote when their words carry
/// no final punctuation of their own.
fn quoted_sentence(q: &str) -> String {
    let q = q.trim();
    if q.ends_with(['.', '?', '!', '…']) {
        quoted(q)
    } else {
        format!("{}.", quoted(q))
    }
}

/// The reason cut to `max` characters, or nothing.
fn reason(s: &Slots, max: usize) -> String {
    s.reason_max(max).unwrap_or_default()
}

/// « mardi 1er décembre ».
fn day_name(s: &Slots, d: Day) -> String {
    format!("{} {}", s.lang.weekday(d), s.date(d))
}

/// « d’ici mardi 1er décembre » when their deadline is near (see `Slots::reply_by_day`).
fn reply_by(s: &Slots) -> Option<String> {
    s.reply_by_day()
        .map(|d| format!("d’ici {}", day_name(s, d)))
}

/// How a voicemail asks for the call back: a concrete day when their deadline is near.
fn call_back(s: &Slots) -> String {
    match reply_by(s) {
        Some(by) => {
            format!("Rappelez-moi {by}, pour garder de la marge avant votre échéance.")
        }
        None => "Rappelez-moi quand cela vous arrange.".to_string(),
    }
}

/// « d’ici le 14 mars » (with a leading space) or nothing.
fn by_deadline(s: &Slots) -> String {
    s.deadline
        .map(|d| format!(" d’ici le {}", s.date(d)))
        .unwrap_or_default()
}

/// « Votre échéance tombe le 14 mars, dans 12 jours. Je m’assure… » (with a leading space) or
/// nothing.
fn deadline_sentence(s: &Slots) -> String {
    let Some(d) = s.deadline else {
        return String::new();
    };
    let when = match d.days_since(s.now) {
        0 => "aujourd’hui".to_string(),
        1 => format!("demain, le {}", s.date(d)),
        n => format!("le {}, dans {n} jours", s.date(d)),
    };
    format!(" Votre échéance tombe {when}. Je m’assure que rien ne vous ralentit de notre côté.")
}

/// « Merci pour votre e-mail du 2 novembre (« Bilan du pilote »). » (with a trailing space) or
/// nothing: only for a recent, real reply.
fn thanks(s: &Slots) -> String {
    if let Some(d) = s.resumed {
        return format!(
            "Vous m’aviez demandé de vous recontacter autour du {}. ",
            s.date(d)
        );
    }
    let Some((day, channel, subject)) = &s.last_exchange else {
        return String::new();
    };
    let what = match channel {
        Channel::Call => "notre appel",
        Channel::Meeting => "notre rendez-vous",
        Channel::Text => "votre SMS",
        Channel::Email => "votre e-mail",
        Channel::Other => "votre message",
    };
    format!(
        "Merci pour {what} du {} ({}). ",
        s.date(*day),
        quoted(subject)
    )
}

/// « Votre objectif : … » (with a leading space) or nothing.
fn goal_sentence(s: &Slots) -> String {
    s.goal
        .as_deref()
        .map(|g| format!(" Votre objectif\u{a0}: {}", end(&shorten(g, 80))))
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// One function per kind.
// ---------------------------------------------------------------------------------------------

/// They asked or requested something: deliver it or answer it first, then one ask.
fn answer(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let Some(req) = s.request.clone() else {
        return reason_feedback(channel, tone, s);
    };
    let sorry = s.now.days_since(req.day) >= 2;
    // « Toutes mes excuses pour ce délai. » first when they waited two days or more.
    let sorry_line = if sorry {
        "Toutes mes excuses pour ce délai. "
    } else {
        ""
    };
    let when = reply_by(s).unwrap_or_else(|| "aujourd’hui".to_string());
    let asked_on = s.date(req.day);
    let full = s.reason.clone().unwrap_or_default();
    // The one ask after the answer: no question mark, as their own words may carry one.
    // Chosen on whether a reason is known, not on `r`: `fit_text` measures the frame with "".
    let next = |r: &str| {
        if s.reason.is_none() {
            "Dites-moi si autre chose vous freine encore avant de décider.".to_string()
        } else {
            format!(
                "Dites-moi si autre chose vous freine encore pour atteindre votre objectif ({r})."
            )
        }
    };
    let delivered = req.thing.is_some();
    match (channel, tone) {
        (Channel::Text, _) => {
            // A text is short: « pardon pour le délai », and a shorter ask.
            let next = |r: &str| {
                if s.reason.is_none() {
                    "Dites-moi si autre chose vous freine encore.".to_string()
                } else {
                    format!("Dites-moi si autre chose freine votre objectif ({r}).")
                }
            };
            let build = |q: &str, r: &str| {
                let main = if delivered {
                    format!("voici ce que vous m’avez demandé\u{a0}: {q} {}", next(r))
                } else {
                    format!(
                        "votre question\u{a0}: {q} Je vous réponds en détail {when}. {}",
                        next(r)
                    )
                };
                if sorry {
                    sms(s, &format!("pardon pour le délai. {}", upper_first(&main)))
                } else {
                    sms(s, &main)
                }
            };
            // Their words and the reason share one text: the quote gives way first, so that
            // at least 60 characters of the reason remain.
            let room = if s.reason.is_some() { 60 } else { 0 };
            let q = [80, 60, 40, 25]
                .into_iter()
                .map(|max| quoted_sentence(&shorten(&req.quote, max)))
                .find(|q| build(q, "").chars().count() + room <= super::LIMIT_TEXT_CHARS)
                .unwrap_or_else(|| quoted_sentence(&shorten(&req.quote, 25)));
            Draft::text(fit_text(&full, |r| build(&q, r)))
        }
        (Channel::Call, _) => Draft::call(
            voicemail(
                s,
                &format!(
                    "je vous appelle au sujet de {}. {} {}Rappelez-moi si quelque chose n’est pas clair.",
                    if delivered {
                        "ce que vous m’avez demandé"
                    } else {
                        "votre question"
                    },
                    if delivered {
                        "Je viens de vous l’envoyer par e-mail.".to_string()
                    } else {
                        format!("Vous aurez ma réponse par e-mail {when}.")
                    },
                    match s.reason_max(90) {
                        Some(r) => format!("Je garde en tête votre objectif\u{a0}: {} ", end(&r)),
                        None => String::new(),
                    }
                ),
            ),
            [
                format!(
                    "Vous m’avez demandé\u{a0}: {} {}",
                    quoted_sentence(&req.quote),
                    if delivered {
                        "Je vous l’ai envoyé par e-mail."
                    } else {
                        "Voici la réponse en bref."
                    }
                ),
                match s.reason_max(60) {
                    Some(r) => format!("Au vu de votre objectif ({r}), reste-t-il un frein\u{a0}?"),
                    None => "Reste-t-il un frein avant de décider\u{a0}?".to_string(),
                },
            ],
        ),
        (_, Tone::Warm) if delivered => email(
            s,
            tone,
            // The thing named when the request names one the reader knows (« Le contrat »).
            &match super::thing::requested(&req.quote) {
                Some(t) => format!("{}, comme demandé", upper_first(t.words(Lang::Fr).the)),
                None => "Ce que vous m’avez demandé".to_string(),
            },
            &format!(
                "{sorry_line}Vous trouverez ci-joint ce que vous m’avez demandé le {asked_on}\u{a0}: {}{}\n\n{}",
                quoted_sentence(&req.quote),
                deadline_sentence(s),
                next(&reason(s, 140))
            ),
        ),
        (_, Tone::Direct) if delivered => email(
            s,
            tone,
            "Réponse à votre demande",
            &format!(
                "Vous trouverez ci-joint ce que vous m’avez demandé le {asked_on}\u{a0}: {} {}",
                quoted_sentence(&req.quote),
                next(&reason(s, 140))
            ),
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            "Réponse à votre question",
            &format!(
                "{sorry_line}Vous m’avez demandé le {asked_on}\u{a0}: {} Vous aurez une réponse complète de ma part {when}.{}\n\n{}",
                quoted_sentence(&req.quote),
                deadline_sentence(s),
                next(&reason(s, 140))
            ),
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            format!("Votre question du {asked_on}"),
            &format!(
                "Votre question du {asked_on}\u{a0}: {} Je vous réponds en détail {when}. {}",
                quoted_sentence(&req.quote),
                next(&reason(s, 140))
            ),
        ),
    }
}

/// We have given more than we got: one small, dated step from them, nothing more from us.
fn commitment(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let Some(full) = s.reason.clone() else {
        return discovery(channel, tone, s);
    };
    // Before their deadline when it is near, otherwise within the week on a working day.
    let by = reply_by(s).unwrap_or_else(|| format!("d’ici {}", day_name(s, s.ask_by_day())));
    let with = approver(s)
        .map(|a| format!(" Idéalement avec {a}."))
        .unwrap_or_default();
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(&full, |r| {
            sms(
                s,
                &format!(
                    "une seule demande. Pourrions-nous prendre 20 minutes {by} pour décider de la suite\u{a0}?{with} L’enjeu\u{a0}: {}",
                    end(r)
                ),
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(&full, |r| {
            sms(
                s,
                &format!(
                    "avant de vous envoyer autre chose, pouvez-vous m’accorder 20 minutes {by} pour décider\u{a0}?{with} L’enjeu\u{a0}: {}",
                    end(r)
                ),
            )
        })),
        (Channel::Call, _) => Draft::call(
            voicemail(
                s,
                &format!(
                    "plutôt que de vous écrire encore, une seule demande\u{a0}: 20 minutes {by} pour décider de la suite.{with} L’enjeu\u{a0}: {} Rappelez-moi pour fixer un créneau.",
                    end(&reason(s, 90))
                ),
            ),
            [
                format!("De quoi auriez-vous besoin pour décider {by}\u{a0}?"),
                "Qui d’autre doit être dans la boucle pour un oui\u{a0}?".to_string(),
            ],
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            "20 minutes pour la suite",
            &format!(
                "Je vous ai déjà envoyé beaucoup d’éléments. Plutôt que d’en ajouter, une seule demande\u{a0}: pourrions-nous prendre 20 minutes {by} pour décider de la suite\u{a0}?{with} L’enjeu\u{a0}: {}{}\n\n{}",
                end(&reason(s, 140)),
                deadline_sentence(s),
                s.closing(&[
                    "Si le sujet n’est plus prioritaire, une ligne pour me le dire m’aide tout autant.",
                    "Si le moment est mal choisi, dites-moi quand cela vous conviendrait mieux et j’attendrai jusque-là.",
                    "Et si le sujet a reculé dans vos priorités, un simple non m’aide tout autant.",
                ])
            ),
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            "Votre prochaine étape",
            &format!(
                "Avant de vous envoyer autre chose\u{a0}: pouvez-vous bloquer 20 minutes {by} pour décider\u{a0}?{with} L’enjeu\u{a0}: {} {}",
                end(&reason(s, 140)),
                s.closing(&[
                    "Toute réponse m’aide, même «\u{a0}pas encore\u{a0}».",
                    "Toute réponse m’aide à m’organiser, un non compris.",
                    "Une ligne de réponse suffit, dans un sens comme dans l’autre.",
                ])
            ),
        ),
    }
}

/// No recorded reason: ask what they want to achieve, and why now.
fn discovery(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(sms(
            s,
            "avant de vous envoyer autre chose, j’aimerais comprendre votre besoin. Qu’attendez-vous de ce projet pour votre équipe, et y a-t-il une date qui compte\u{a0}?",
        )),
        (Channel::Text, Tone::Direct) => Draft::text(sms(
            s,
            "une seule question\u{a0}: qu’est-ce qui rendrait ce projet utile pour votre équipe, et pour quand\u{a0}?",
        )),
        (Channel::Call, Tone::Warm) => Draft::call(
            voicemail(
                s,
                "j’aimerais comprendre votre point de vue avant de vous envoyer autre chose. Qu’attendez-vous de ce projet pour votre équipe, et y a-t-il une date qui compte\u{a0}? Rappelez-moi quand cela vous arrange.",
            ),
            [
                "Qu’est-ce qui a lancé ce projet chez vous\u{a0}?".to_string(),
                "Si tout se passe bien, qu’est-ce qui aura changé pour votre équipe dans trois mois\u{a0}?".to_string(),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            voicemail(
                s,
                "une question avant d’aller plus loin\u{a0}: que doit changer ce projet pour votre équipe, et pour quand\u{a0}? Rappelez-moi quand vous avez deux minutes.",
            ),
            [
                "Quel est le problème numéro un que ce projet doit régler\u{a0}?".to_string(),
                "Une date rend-elle le sujet prioritaire maintenant\u{a0}?".to_string(),
            ],
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            "Ce que vous en attendez",
            &format!(
                "{}Avant de vous envoyer autre chose, j’aimerais comprendre votre point de vue. Qu’attendez-vous de ce projet pour votre équipe, et y a-t-il une date qui compte\u{a0}?\n\n{}",
                thanks(s),
                s.closing(&[
                    "Deux lignes suffisent. Votre réponse guidera la suite.",
                    "Une réponse courte me suffit, et elle guidera la suite.",
                    "Même une réponse approximative m’aide\u{a0}: elle me dit ce qui vaut la peine de vous être envoyé.",
                ])
            ),
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            "Une question avant d’avancer",
            &format!(
                "Une question avant d’aller plus loin\u{a0}: que doit changer ce projet pour votre équipe, et pour quand\u{a0}? {}",
                s.closing(&[
                    "Deux lignes suffisent. Votre réponse décidera de ce que je vous envoie ensuite.",
                    "Une ligne suffit\u{a0}: elle décidera de ce que je vous envoie ensuite.",
                    "Une réponse approximative convient\u{a0}: elle décidera si je vous envoie quoi que ce soit.",
                ])
            ),
        ),
    }
}

/// The reason is known: name it, tie it to their goal and date, ask for their view.
fn reason_feedback(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let Some(full) = s.reason.clone() else {
        return discovery(channel, tone, s);
    };
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(&full, |r| {
            sms(
                s,
                &format!(
                    "vous m’avez dit que l’essentiel, c’est ceci\u{a0}: {} Notre proposition vous aide-t-elle toujours à y arriver, ou y a-t-il un frein\u{a0}?",
                    end(r)
                ),
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(&full, |r| {
            sms(
                s,
                &format!(
                    "au sujet de votre objectif\u{a0}: {} Sommes-nous toujours la bonne solution pour y arriver\u{a0}? Toute réponse m’aide, même «\u{a0}pas encore\u{a0}».",
                    end(r)
                ),
            )
        })),
        (Channel::Call, Tone::Warm) => Draft::call(
            voicemail(
                s,
                &format!(
                    "vous m’avez dit que l’essentiel pour vous, c’est ceci\u{a0}: {} J’aimerais votre avis franc\u{a0}: notre proposition vous aide-t-elle toujours à y arriver\u{a0}? {}",
                    end(&reason(s, 100)),
                    call_back(s)
                ),
            ),
            [
                format!(
                    "La dernière fois, vous m’avez parlé de ceci\u{a0}: {} Est-ce toujours la priorité\u{a0}?",
                    end(&reason(s, 60))
                ),
                format!(
                    "Que faudrait-il changer dans notre proposition pour vous y mener{}\u{a0}?",
                    by_deadline(s)
                ),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            voicemail(
                s,
                &format!(
                    "une question rapide sur votre objectif\u{a0}: {} Sommes-nous toujours la bonne solution pour y arriver\u{a0}? Toute réponse m’aide, même «\u{a0}pas encore\u{a0}». {}",
                    end(&reason(s, 100)),
                    call_back(s)
                ),
            ),
            [
                format!("Est-ce toujours votre priorité\u{a0}: {}", ask(&reason(s, 60))),
                "Qu’est-ce qui bloque la décision\u{a0}?".to_string(),
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
                        format!("Votre échéance du {d}"),
                        format!("En route vers le {d}\u{a0}?"),
                        format!("Rétroplanning jusqu’au {d}"),
                    ]
                }
                None => vec![
                    "Toujours la bonne piste\u{a0}?".to_string(),
                    "Vos priorités, en bref".to_string(),
                    "Le plan tient-il toujours\u{a0}?".to_string(),
                ],
            }),
            &format!(
                "{}Lors de notre échange, vous m’avez dit que l’essentiel pour vous, c’est ceci\u{a0}: {}{}{}\n\n{}",
                thanks(s),
                end(&reason(s, 140)),
                goal_sentence(s),
                deadline_sentence(s),
                s.closing(&[
                    "Notre proposition vous aide-t-elle toujours à y arriver\u{a0}? Si un point vous gêne, dites-moi lequel et je le retravaille. Si vos priorités ont changé, c’est utile à savoir aussi.",
                    "Notre proposition reste-t-elle le bon chemin\u{a0}? Si une partie ne convient plus, dites-moi laquelle et je la modifie. Un changement de priorités est tout aussi utile à connaître.",
                    "Dites-moi franchement si le plan dont nous avons parlé sert toujours cet objectif. Si quelque chose cloche, nommez-le et je le reprends.",
                ])
            ),
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            s.subject(&[
                "Oui, non ou pas encore".to_string(),
                "Où en sommes-nous\u{a0}?".to_string(),
                "On continue, ou pas\u{a0}?".to_string(),
            ]),
            &format!(
                "Vous m’avez décrit votre objectif ainsi\u{a0}: {}{} {}",
                end(&reason(s, 140)),
                deadline_sentence(s),
                s.closing(&[
                    "Sommes-nous la bonne solution pour y arriver\u{a0}? Un oui, un non ou un «\u{a0}pas encore\u{a0}»\u{a0}: tout m’aide à m’organiser.",
                    "Est-ce toujours un projet à mener ensemble\u{a0}? Toute réponse, même un non, m’aide à m’organiser.",
                    "Faut-il poursuivre\u{a0}? Une ligne de réponse suffit, et un non m’est aussi utile qu’un oui.",
                ])
            ),
        ),
    }
}

/// The approver as the buyer reads it. The shared slot turns the rep's "their CFO" into the
/// English "your CFO": here it becomes « votre CFO ».
fn approver(s: &Slots) -> Option<String> {
    let a = s.approver.as_deref()?.trim();
    let lower = a.to_lowercase();
    let a = match ["your ", "their "].iter().find(|p| lower.starts_with(**p)) {
        Some(p) => format!("votre {}", a[p.len()..].trim_start()),
        None => a.to_string(),
    };
    (!a.is_empty()).then_some(a)
}

/// « de Maria », « d’Anna », « de votre CFO »: French elides « de » before a vowel or a mute h.
fn of(who: &str) -> String {
    let first = who
        .chars()
        .next()
        .map(|c| c.to_lowercase().collect::<String>());
    match first.as_deref() {
        Some(c) if "aeiouyhàâäéèêëîïôöùûü".contains(c) => format!("d’{who}"),
        _ => format!("de {who}"),
    }
}

/// The approver's name for a subject line: the part before any comma or bracket, when short.
fn approver_short(who: &str) -> Option<String> {
    let head = who.split([',', '(']).next().unwrap_or("").trim();
    let words = head.split_whitespace().count();
    (1..=3).contains(&words).then(|| head.to_string())
}

/// Someone else has to approve: ask what they thought, in terms of the buyer's reason. The
/// approver's name always ends its clause (before a comma, a « ? » or a full stop), so a name
/// written with its own comma (« Maria Chen, DAF ») stays readable.
fn approver_check(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let (Some(who), Some(full)) = (approver(s), s.reason.clone()) else {
        return reason_feedback(channel, tone, s);
    };
    let short = approver_short(&who);
    let of_who = of(&who);
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(&full, |r| {
            sms(
                s,
                &format!(
                    "qu’en a pensé {who}, au vu de votre objectif\u{a0}: {} Je peux lui rédiger un résumé d’une page si cela aide.",
                    ask(r)
                ),
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(&full, |r| {
            sms(
                s,
                &format!(
                    "où en est {who}\u{a0}? Si un point ne sert pas votre objectif ({r}), dites-le-moi et je le corrige."
                ),
            )
        })),
        (Channel::Call, Tone::Warm) => Draft::call(
            voicemail(
                s,
                &format!(
                    "j’aimerais connaître l’avis {of_who}, au vu de ce que vous voulez atteindre\u{a0}: {} Si un court résumé peut aider, je le rédige volontiers. Rappelez-moi quand cela vous arrange.",
                    end(&reason(s, 90))
                ),
            ),
            [
                format!("Qu’en a pensé {who}\u{a0}?"),
                match s.deadline {
                    Some(d) => format!(
                        "D’ici le {}, que faudrait-il pour obtenir l’accord {of_who}\u{a0}?",
                        s.date(d)
                    ),
                    None => format!("Que faudrait-il pour obtenir l’accord {of_who}\u{a0}?"),
                },
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            voicemail(
                s,
                &format!(
                    "où en est {who}\u{a0}? Si un point ne sert pas votre objectif ({}), j’aimerais le corriger avant sa décision. Rappelez-moi quand cela vous arrange.",
                    reason(s, 90)
                ),
            ),
            [
                format!("La proposition est-elle déjà entre les mains {of_who}\u{a0}?"),
                "Quelle est sa principale réserve\u{a0}?".to_string(),
            ],
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            match &short {
                Some(n) => format!("Qu’en pense {n}\u{a0}?"),
                None => "L’avis de votre décideur".to_string(),
            },
            &format!(
                "Vous m’avez dit que la validation revient à {who}. Quel est son avis, au vu de ce que vous voulez atteindre\u{a0}: {}{}\n\n{}",
                ask(&reason(s, 140)),
                deadline_sentence(s),
                s.closing(&[
                    "Si un résumé d’une page peut l’aider, dites-le-moi\u{a0}: je le rédige autour de cet objectif.",
                    "Je peux rédiger une courte note qui présente la proposition sous cet angle, si cela aide.",
                    "Si des questions se posent de ce côté, je me joins volontiers à un court appel avec vous deux.",
                ])
            ),
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            match &short {
                Some(n) => format!("Où en est {n}\u{a0}?"),
                None => "Où en est la validation\u{a0}?".to_string(),
            },
            &format!(
                "Quel est l’avis {of_who}\u{a0}? Si un point de la proposition ne sert pas votre objectif ({}), dites-le-moi. Je le corrige avant sa décision.",
                reason(s, 140)
            ),
        ),
    }
}

/// A long silence with a known reason: one useful thing tied to their goal, never a nudge. The
/// thing offered is a one-page « rétroplanning » back from their date, which the rep can always
/// deliver.
fn new_value(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let Some(full) = s.reason.clone() else {
        return discovery(channel, tone, s);
    };
    let until = match s.deadline {
        Some(d) => format!("jusqu’au {}", s.date(d)),
        None => "jusqu’à votre date cible".to_string(),
    };
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(&full, |r| {
            sms(
                s,
                &format!(
                    "une idée pour votre objectif\u{a0}: {} Un court rétroplanning {until}. Voulez-vous que je vous l’envoie\u{a0}?",
                    end(r)
                ),
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(&full, |r| {
            sms(
                s,
                &format!(
                    "votre objectif\u{a0}: {} Un rétroplanning d’une page vous aiderait-il\u{a0}? Je peux l’envoyer aujourd’hui.",
                    end(r)
                ),
            )
        })),
        (Channel::Call, Tone::Warm) => Draft::call(
            voicemail(
                s,
                &format!(
                    "j’ai repensé à ce qui compte pour vous\u{a0}: {} J’aimerais vous envoyer un court rétroplanning {until}, pour voir ce qui doit se passer et quand. Rappelez-moi, ou dites-moi simplement de l’envoyer.",
                    end(&reason(s, 90))
                ),
            ),
            [
                format!("Est-ce toujours votre priorité\u{a0}: {}", ask(&reason(s, 60))),
                "Qu’est-ce qui a changé de votre côté depuis notre dernier échange\u{a0}?"
                    .to_string(),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            voicemail(
                s,
                &format!(
                    "à propos de votre objectif\u{a0}: {} Un rétroplanning d’une page vous aiderait-il\u{a0}? Je peux l’envoyer aujourd’hui. Rappelez-moi quand cela vous arrange.",
                    end(&reason(s, 90))
                ),
            ),
            [
                "Qu’est-ce qui rendrait un tel plan utile pour vous\u{a0}?".to_string(),
                format!("Est-ce toujours votre priorité\u{a0}: {}", ask(&reason(s, 60))),
            ],
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            "Une idée pour votre plan",
            &format!(
                "J’ai repensé à ce qui compte le plus pour vous\u{a0}: {}{}{}\n\nUne idée qui peut aider\u{a0}: un court rétroplanning {until}, qui montre ce qui doit se passer chaque semaine. {}",
                end(&reason(s, 140)),
                goal_sentence(s),
                deadline_sentence(s),
                s.closing(&[
                    "Cela vous serait-il utile\u{a0}? Si oui, je vous l’envoie, sans besoin d’appel.",
                    "Voulez-vous que je vous l’envoie\u{a0}? Deux minutes de lecture, et aucun appel nécessaire.",
                    "Si cela peut aider, dites-le-moi et vous l’aurez cette semaine, sans appel.",
                ])
            ),
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            "Un rétroplanning d’une page",
            &format!(
                "Votre objectif\u{a0}: {} Un rétroplanning d’une page vous aiderait-il à y arriver\u{a0}? Il montrerait ce qui doit se passer, semaine par semaine{}. {}",
                end(&reason(s, 140)),
                s.deadline
                    .map(|d| format!(", jusqu’au {}", s.date(d)))
                    .unwrap_or_default(),
                s.closing(&[
                    "Dites-le-moi et je vous l’envoie.",
                    "Un simple oui suffit, et il part aujourd’hui.",
                    "Répondez oui et vous l’aurez dans la journée.",
                ])
            ),
        ),
    }
}

/// « l’objectif que vous m’aviez décrit (…) » or « ce projet »: both masculine singular, so the
/// sentences around them agree either way.
fn the_aim(reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("l’objectif que vous m’aviez décrit ({r})"),
        None => "ce projet".to_string(),
    }
}

/// A bad fit: a respectful close, no guilt, one clear way back.
fn walk_away(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let full = s.reason.clone();
    let known = full.is_some();
    let full = full.unwrap_or_default();
    let it = |max: usize| the_aim(s.reason_max(max).as_deref());
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(&full, |r| {
            sms(
                s,
                &format!(
                    "j’ai l’impression que {} n’est pas votre priorité en ce moment. Je vais donc cesser de vous écrire. Si les choses changent, répondez simplement ici et nous reprendrons là où nous en étions.",
                    the_aim(known.then_some(r))
                ),
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(&full, |r| {
            sms(
                s,
                &format!(
                    "je préfère mettre de côté {} pour l’instant. Cela ne semble pas vous convenir en ce moment. Si cela change, répondez ici.",
                    the_aim(known.then_some(r))
                ),
            )
        })),
        (Channel::Call, Tone::Warm) => Draft::call(
            voicemail(
                s,
                &format!(
                    "il semble que {} ne soit pas votre priorité en ce moment. Je vais donc prendre du recul et cesser de vous appeler. Si cela change, rappelez-moi et nous reprendrons là où nous en étions. Très bonne continuation.",
                    it(90)
                ),
            ),
            [
                "Est-ce toujours un sujet que vous voulez régler\u{a0}?".to_string(),
                "Si ce n’est pas le moment, quand serait-il préférable d’en reparler\u{a0}?"
                    .to_string(),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            voicemail(
                s,
                &format!(
                    "je préfère mettre de côté {} pour l’instant, car cela ne semble pas vous convenir en ce moment. Si cela change, rappelez-moi.",
                    it(90)
                ),
            ),
            [
                "Y a-t-il encore un problème que vous voulez régler ici\u{a0}?".to_string(),
                "Que faudrait-il pour que ce projet en vaille la peine\u{a0}?".to_string(),
            ],
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            "Je prends du recul",
            &format!(
                "Il semble que {} ne soit pas la priorité de votre équipe en ce moment. Je vais donc cesser de vous écrire à ce sujet. C’est tout à fait compréhensible.\n\nSi les choses changent, répondez simplement à cet e-mail et nous reprendrons là où nous en étions.",
                it(140)
            ),
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            "Pause de mon côté",
            &format!(
                "Je vais cesser de vous écrire au sujet de {}\u{a0}: cela ne semble pas vous convenir en ce moment, et je préfère ne pas prendre votre temps. Si cela change, répondez ici et nous reprendrons.",
                it(140)
            ),
        ),
    }
}

/// « Si l’objectif que vous m’aviez décrit (…) redevient une priorité » or « Si le besoin
/// revient ».
fn way_back(reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("Si l’objectif que vous m’aviez décrit ({r}) redevient une priorité"),
        None => "Si le besoin revient".to_string(),
    }
}

/// They said no, or the deal died months ago: close the loop, one way back, no chase.
/// A first message to the person named in place of a contact who left: who writes, with whom
/// they worked, what was under way, and one question. Nothing is quoted as theirs.
fn presentation(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let Some(h) = &s.handover else {
        return discovery(channel, tone, s);
    };
    // « avec Dana Whitfield » / « avec votre équipe » (no gender guessed for a colleague).
    let avec = h
        .from
        .as_deref()
        .map(|f| format!("avec {f}"))
        .unwrap_or_else(|| "avec votre équipe".to_string());
    let avis = s.date(h.noticed_on);
    let je_suis = match (&s.rep, &s.signature) {
        (Some(r), Some(sig)) => format!("Je suis {r} ({sig}). "),
        (Some(r), None) => format!("Je suis {r}. "),
        _ => String::new(),
    };
    let dernier = h
        .last_sent
        .as_ref()
        .map(|(d, subject)| {
            format!(
                " Mon dernier envoi, le {}, était {}.",
                s.date(*d),
                quoted(subject)
            )
        })
        .unwrap_or_default();
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(sms(
            s,
            &format!(
                "je travaillais {avec} sur un projet avec votre équipe, et une réponse du {avis} vous indique comme contact. Êtes-vous la bonne personne\u{a0}?"
            ),
        )),
        (Channel::Text, Tone::Direct) => Draft::text(sms(
            s,
            &format!(
                "j’avais un projet en cours {avec}, et l’on m’indique que vous le suivez désormais. Est-ce bien le cas\u{a0}?"
            ),
        )),
        (Channel::Call, Tone::Warm) => Draft::call(
            voicemail(
                s,
                &format!(
                    "je travaillais {avec} sur un projet avec votre équipe, et une réponse du {avis} vous indique comme interlocuteur. Je voulais vérifier que le sujet vous revient désormais. Rappelez-moi quand cela vous convient."
                ),
            ),
            [
                "Est-ce vous qui suivez désormais le projet que nous menions avec votre équipe\u{a0}?".to_string(),
                "Qu’est-ce qui vous serait le plus utile pour faire le point\u{a0}?".to_string(),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            voicemail(
                s,
                &format!(
                    "j’avais un projet en cours {avec}, et l’on m’indique que vous le suivez désormais. Un rappel rapide pour me le confirmer m’aiderait. Rappelez-moi quand cela vous convient."
                ),
            ),
            [
                "Êtes-vous désormais en charge de ce projet\u{a0}?".to_string(),
                "Qui d’autre faut-il associer de votre côté\u{a0}?".to_string(),
            ],
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            "Reprise de notre projet",
            &format!(
                "{je_suis}J’ai travaillé {avec} sur un projet avec votre équipe.{dernier} Une réponse du {avis} vous indique comme interlocuteur désormais.\n\nÊtes-vous la bonne personne pour ce sujet, ou quelqu’un d’autre est-il mieux placé\u{a0}? Si cela vous aide, je vous envoie un court résumé de l’avancement."
            ),
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            "Qui suit ce projet désormais\u{a0}?",
            &format!(
                "{je_suis}J’avais un projet en cours {avec}.{dernier} Une réponse du {avis} vous indique comme contact. Le sujet vous revient-il désormais, ou dois-je m’adresser à quelqu’un d’autre\u{a0}?"
            ),
        ),
    }
}

/// Nothing is wrong and a meeting is booked: confirm it and ask what to prepare.
fn confirmer(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let Some(d) = s.meeting else {
        return discovery(channel, tone, s);
    };
    let jour = day_name(s, d);
    let focus = s
        .reason_max(120)
        .map(|r| {
            format!(
                " Je le centrerai sur ce qui compte pour vous\u{a0}: {}",
                end(&r)
            )
        })
        .unwrap_or_default();
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(sms(
            s,
            &format!("je me réjouis de notre rendez-vous du {jour}. Souhaitez-vous que je prépare quelque chose\u{a0}?"),
        )),
        (Channel::Text, Tone::Direct) => Draft::text(sms(
            s,
            &format!("je vous confirme notre rendez-vous du {jour}. Répondez ici si un point doit s’y ajouter."),
        )),
        (Channel::Call, _) => Draft::call(
            voicemail(
                s,
                &format!("je vous appelle pour confirmer notre rendez-vous du {jour} et savoir si vous souhaitez que je prépare quelque chose. Rappelez-moi quand cela vous convient."),
            ),
            [
                format!("Souhaitez-vous que je prépare quelque chose pour le {jour}\u{a0}?"),
                "Quelqu’un d’autre de votre côté devrait-il se joindre à nous\u{a0}?".to_string(),
            ],
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            s.subject(&[
                format!("Notre rendez-vous du {}", s.date(d)),
                format!("En vue du {jour}"),
            ]),
            &format!(
                "Je me réjouis de notre rendez-vous du {jour}.{focus}\n\nPour que ce temps vous soit utile\u{a0}: souhaitez-vous que je prépare ou apporte quelque chose, ou que quelqu’un d’autre se joigne à nous\u{a0}?"
            ),
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            s.subject(&[format!("Confirmation du {}", s.date(d))]),
            &format!(
                "Un mot pour confirmer notre rendez-vous du {jour}.{focus} Si vous souhaitez aborder autre chose, répondez-moi et je l’ajoute à l’ordre du jour."
            ),
        ),
    }
}

fn close_out(channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let full = s.reason.clone();
    let known = full.is_some();
    let full = full.unwrap_or_default();
    let back = |max: usize| way_back(s.reason_max(max).as_deref());
    match (channel, tone) {
        (Channel::Text, Tone::Warm) => Draft::text(fit_text(&full, |r| {
            sms(
                s,
                &format!(
                    "merci pour le temps consacré à ce sujet. Je le clôture de mon côté. {}, il suffit de répondre ici.",
                    way_back(known.then_some(r))
                ),
            )
        })),
        (Channel::Text, Tone::Direct) => Draft::text(fit_text(&full, |r| {
            sms(
                s,
                &format!(
                    "je clôture ce sujet de mon côté, pour ne plus encombrer votre messagerie. {}, répondez ici.",
                    way_back(known.then_some(r))
                ),
            )
        })),
        (Channel::Call, Tone::Warm) => Draft::call(
            voicemail(
                s,
                &format!(
                    "je vous appelle seulement pour boucler la boucle\u{a0}: je clôture le sujet de mon côté, sans aucun souci. {}, rappelez-moi.",
                    back(90)
                ),
            ),
            [
                "Y a-t-il quelque chose que nous aurions pu faire autrement\u{a0}?".to_string(),
                "Faut-il en reparler plus tard, ou préférez-vous que j’en reste là\u{a0}?"
                    .to_string(),
            ],
        ),
        (Channel::Call, Tone::Direct) => Draft::call(
            voicemail(
                s,
                &format!(
                    "je clôture le sujet de mon côté aujourd’hui. Merci pour votre temps. {}, rappelez-moi.",
                    back(90)
                ),
            ),
            [
                "Qu’est-ce qui a fait pencher la décision, pour que j’en tire les leçons\u{a0}?"
                    .to_string(),
                "Puis-je vous recontacter plus tard, et si oui, quand\u{a0}?".to_string(),
            ],
        ),
        (_, Tone::Warm) => email(
            s,
            tone,
            "Merci, la porte reste ouverte",
            &format!(
                "Merci pour le temps consacré à ce sujet. Je le clôture de mon côté\u{a0}: vous n’aurez plus de messages de ma part à ce propos, sauf si vous le souhaitez.\n\n{}, répondez simplement à cet e-mail et nous reprendrons.",
                back(140)
            ),
        ),
        (_, Tone::Direct) => email(
            s,
            tone,
            "Clôture de mon côté",
            &format!(
                "Je clôture ce sujet de mon côté aujourd’hui, pour ne plus prendre de votre temps. {}, une simple réponse à cet e-mail suffit.",
                back(140)
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::lang_tests::{self, day, CHANNELS, KINDS};
    use super::super::slots::Request;
    use super::super::TONES;
    use super::*;
    use crate::core::lang::Lang;

    /// Sunday 29 November 2026.
    fn now() -> Day {
        lang_tests::row(Lang::Fr).now
    }

    /// Every slot empty.
    fn bare() -> Slots {
        lang_tests::bare(Lang::Fr)
    }

    /// Every slot filled, long where it can be.
    fn full() -> Slots {
        lang_tests::full(Lang::Fr)
    }

    #[test]
    fn a_reason_feedback_email_in_full() {
        let s = Slots {
            reason: Some("avoir le suivi en place avant le pic du printemps".into()),
            ..full()
        };
        let d = draft(Drafted::ReasonFeedback, Channel::Email, Tone::Warm, &s);
        assert_eq!(d.subject.as_deref(), Some("Votre échéance du 3 décembre"));
        assert_eq!(
            d.text,
            "Bonjour Dana,\n\n\
             Merci pour votre e-mail du 26 novembre (\u{ab}\u{a0}Bilan du pilote\u{a0}\u{bb}). \
             Lors de notre échange, vous m’avez dit que l’essentiel pour vous, c’est ceci\u{a0}: \
             avoir le suivi en place avant le pic du printemps. \
             Votre objectif\u{a0}: réduire d’un tiers les livraisons en retard sur nos trois dépôts. \
             Votre échéance tombe le 3 décembre, dans 4 jours. \
             Je m’assure que rien ne vous ralentit de notre côté.\n\n\
             Notre proposition vous aide-t-elle toujours à y arriver\u{a0}? \
             Si un point vous gêne, dites-moi lequel et je le retravaille. \
             Si vos priorités ont changé, c’est utile à savoir aussi.\n\n\
             Bien cordialement,\nJordan Reyes\n\
             Responsable grands comptes, Northwind · +33 1 23 45 67 89"
        );
    }

    #[test]
    fn a_commitment_text_names_a_concrete_day() {
        // Deadline Thursday 3 December: the reply-by day is Wednesday 2 December.
        let s = Slots {
            reason: Some("avoir le suivi en place avant le pic du printemps".into()),
            approver: None,
            ..full()
        };
        assert_eq!(
            draft(Drafted::Commitment, Channel::Text, Tone::Direct, &s).text,
            "Bonjour Dana, avant de vous envoyer autre chose, pouvez-vous m’accorder 20 minutes \
             d’ici mercredi 2 décembre pour décider\u{a0}? L’enjeu\u{a0}: avoir le suivi en place \
             avant le pic du printemps. – Jordan Reyes"
        );
        // No deadline near: within the week, from today (Sunday) plus five days.
        let far = Slots {
            deadline: None,
            ..s
        };
        assert!(draft(Drafted::Commitment, Channel::Email, Tone::Warm, &far)
            .text
            .contains("20 minutes d’ici vendredi 4 décembre pour décider"));
        // Five days from a Tuesday is a Sunday: the ask moves to the Monday.
        let tuesday = Slots {
            now: now().plus(2),
            ..far
        };
        assert!(
            draft(Drafted::Commitment, Channel::Text, Tone::Warm, &tuesday)
                .text
                .contains("20 minutes d’ici lundi 7 décembre pour décider")
        );
    }

    #[test]
    fn the_greeting_without_a_name_and_the_voicemail_without_a_rep() {
        let s = Slots {
            reason: Some("partir en production avant l’audit".into()),
            ..bare()
        };
        let d = draft(Drafted::NewValue, Channel::Call, Tone::Direct, &s);
        assert_eq!(
            d.text,
            "Bonjour, à propos de votre objectif\u{a0}: partir en production avant l’audit. \
             Un rétroplanning d’une page vous aiderait-il\u{a0}? Je peux l’envoyer aujourd’hui. \
             Rappelez-moi quand cela vous arrange."
        );
        let e = draft(Drafted::Discovery, Channel::Email, Tone::Direct, &s);
        assert!(e.text.starts_with("Bonjour,\n\nUne question"), "{}", e.text);
        // No name, no signature: no sign-off formula left dangling.
        assert!(!e.text.contains("cordialement"), "{}", e.text);
        let named = Slots {
            rep: Some("Jordan".into()),
            first_name: Some("Dr. Patel".into()),
            ..s
        };
        assert!(
            draft(Drafted::NewValue, Channel::Call, Tone::Direct, &named)
                .text
                .starts_with("Bonjour Dr. Patel, c’est Jordan. À propos de votre objectif")
        );
    }

    #[test]
    fn dates_are_french() {
        let s = Slots {
            deadline: Some(day(2027, 2, 1)),
            ..full()
        };
        assert_eq!(
            deadline_sentence(&s),
            " Votre échéance tombe le 1er février 2027, dans 64 jours. Je m’assure que rien ne vous ralentit de notre côté."
        );
        assert_eq!(reply_by(&s), None);
        assert_eq!(
            reply_by(&full()).as_deref(),
            Some("d’ici mercredi 2 décembre")
        );
        assert_eq!(
            call_back(&full()),
            "Rappelez-moi d’ici mercredi 2 décembre, pour garder de la marge avant votre échéance."
        );
        let tomorrow = Slots {
            deadline: Some(now().plus(1)),
            ..full()
        };
        assert!(deadline_sentence(&tomorrow)
            .starts_with(" Votre échéance tombe demain, le 30 novembre."));
    }

    #[test]
    fn the_buyer_question_is_quoted_and_the_thing_never_pasted() {
        let s = full();
        let d = draft(Drafted::Answer, Channel::Email, Tone::Warm, &s);
        assert_eq!(d.subject.as_deref(), Some("Réponse à votre question"));
        assert!(
            d.text.contains(
                "Toutes mes excuses pour ce délai. Vous m’avez demandé le 26 novembre\u{a0}: \
             «\u{a0}Pourriez-vous nous envoyer un devis révisé avec le SSO ?\u{a0}» \
             Vous aurez une réponse complète de ma part d’ici mercredi 2 décembre."
            ),
            "{}",
            d.text
        );
        let asked = &Slots {
            reason: Some("partir en production avant l’audit".into()),
            request: Some(Request {
                quote: "Please send the order form so we can sign this week".into(),
                thing: Some("the order form".into()),
                day: now(),
            }),
            ..bare()
        };
        for channel in [Channel::Email, Channel::Text, Channel::Call] {
            for tone in TONES {
                let d = draft(Drafted::Answer, channel, tone, asked);
                let all = format!(
                    "{} {} {}",
                    d.subject.clone().unwrap_or_default(),
                    d.text,
                    d.openers.join(" ")
                );
                assert!(!all.contains("the order form you"), "{all}");
                assert!(all.contains("ce que vous m’avez demandé"), "{all}");
                assert!(all.contains("«\u{a0}Please send the order form"), "{all}");
            }
        }
    }

    #[test]
    fn optional_sentences_vanish_cleanly() {
        let s = full().compact(2);
        for kind in KINDS {
            for channel in CHANNELS {
                for tone in TONES {
                    let d = draft(kind.drafted(), channel, tone, &s);
                    assert!(!d.text.contains("Merci pour votre e-mail"), "{}", d.text);
                    assert!(!d.text.contains("d’un tiers"), "{}", d.text);
                    assert!(!d.text.contains("échéance tombe"), "{}", d.text);
                }
            }
        }
    }

    #[test]
    fn the_approver_is_named_in_french() {
        let s = Slots {
            approver: Some("your CFO".into()),
            ..full()
        };
        assert_eq!(approver(&s).as_deref(), Some("votre CFO"));
        let d = draft(Drafted::ApproverCheck, Channel::Email, Tone::Direct, &s);
        assert_eq!(d.subject.as_deref(), Some("Où en est votre CFO\u{a0}?"));
        assert!(
            d.text.contains("Quel est l’avis de votre CFO\u{a0}?"),
            "{}",
            d.text
        );
        assert_eq!(of("Anna"), "d’Anna");
        assert_eq!(of("Hélène Martin"), "d’Hélène Martin");
        assert_eq!(of("Maria Chen"), "de Maria Chen");
        // No approver: the feedback on their reason instead.
        let none = Slots {
            approver: None,
            ..full()
        };
        assert_eq!(
            draft(Drafted::ApproverCheck, Channel::Text, Tone::Warm, &none),
            draft(Drafted::ReasonFeedback, Channel::Text, Tone::Warm, &none)
        );
    }
}
