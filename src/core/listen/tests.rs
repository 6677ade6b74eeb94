use super::*;
use crate::core::phrases;

fn d(y: i32, m: u32, dd: u32) -> Day {
    Day::from_ymd(y, m, dd).unwrap()
}

/// A Sunday in Q4.
fn nov() -> Day {
    d(2026, 11, 29)
}

/// A Friday in Q1.
fn mar() -> Day {
    d(2026, 3, 20)
}

fn kind(h: &Heard) -> &'static str {
    match h {
        Heard::AutoReply { .. } => "auto",
        Heard::Left { .. } => "left",
        Heard::No { .. } => "no",
        Heard::Resume { .. } => "resume",
        Heard::Asked { .. } => "asked",
        Heard::BuyingSignal { .. } => "buying",
        Heard::PricePush { .. } => "price",
    }
}

fn kinds(subject: &str, body: &str, now: Day) -> Vec<&'static str> {
    hear(subject, body, now).iter().map(kind).collect()
}

fn has(subject: &str, body: &str, k: &str) -> bool {
    kinds(subject, body, nov()).contains(&k)
}

/// The touch says `k` (and maybe more), for each body, under a reply subject.
fn all_have(k: &str, bodies: &[&str]) {
    for b in bodies {
        assert!(
            has("Re: Re: Proposal", b, k),
            "{k} expected in {b:?}: {:?}",
            hear("Re: Re: Proposal", b, nov())
        );
    }
}

/// The touch does not say `k`.
fn none_have(k: &str, bodies: &[&str]) {
    for b in bodies {
        assert!(
            !has("Re: Proposal", b, k),
            "no {k} expected in {b:?}: {:?}",
            hear("Re: Proposal", b, nov())
        );
    }
}

fn back_on_of(subject: &str, body: &str, now: Day) -> Option<Day> {
    hear(subject, body, now)
        .into_iter()
        .find_map(|h| match h {
            Heard::AutoReply { back_on, .. } => Some(back_on),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no auto-reply in {body:?}"))
}

fn resume_of(body: &str, now: Day) -> Option<Day> {
    hear("Re: Proposal", body, now)
        .into_iter()
        .find_map(|h| match h {
            Heard::Resume { from, .. } => Some(from),
            _ => None,
        })
        .unwrap_or_else(|| {
            panic!(
                "no resume in {body:?}: {:?}",
                hear("Re: Proposal", body, now)
            )
        })
}

fn replacement_of(subject: &str, body: &str) -> Option<String> {
    hear(subject, body, nov())
        .into_iter()
        .find_map(|h| match h {
            Heard::Left { replacement, .. } => Some(replacement),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no left in {body:?}"))
}

// --- The new part ----------------------------------------------------------------------------

#[test]
fn new_part_cuts_every_kind_of_quote_marker() {
    let cases: &[(&str, &str)] = &[
        ("Sounds good.\n\nOn Tue, Mar 3, 2026 at 9:14 AM Dana <dana@acme.com> wrote:\n> Any questions?", "Sounds good."),
        ("Sounds good.\nOn Tue, Mar 3, 2026 at 9:14 AM Dana Smith <dana@acme.com>\nwrote:\n\n> Hi", "Sounds good."),
        ("Ok for me.\n-----Original Message-----\nFrom: Sam\nSent: Monday", "Ok for me."),
        ("Ok for me.\n\n----- Original Message -----\nhello", "Ok for me."),
        ("Fine.\n\nFrom: Sam Rep <sam@vendor.com>\nSent: Tuesday, March 3, 2026 9:14 AM\nTo: Dana\nSubject: Proposal", "Fine."),
        ("Fine. From: Sam Rep <sam@vendor.com> Sent: Tuesday, March 3, 2026 9:14 AM To: Dana", "Fine."),
        ("Yes please\n> On Monday you wrote", "Yes please"),
        ("Merci !\n\nLe mar. 3 mars 2026 à 09:14, Dana <dana@acme.fr> a écrit :\n> Bonjour", "Merci !"),
        ("Danke!\n\nAm 03.03.2026 um 09:14 schrieb Dana Schmidt <dana@acme.de>:\n> Hallo", "Danke!"),
        ("Gracias.\n\nEl mar, 3 mar 2026 a las 9:14, Dana (<dana@acme.es>) escribió:\n> Hola", "Gracias."),
        ("Obrigado.\n\nEm ter., 3 de mar. de 2026 às 09:14, Dana <dana@acme.pt> escreveu:\n> Olá", "Obrigado."),
        ("Bedankt.\n\nOp di 3 mrt. 2026 om 09:14 schreef Dana <dana@acme.nl>:\n> Hoi", "Bedankt."),
        ("Agreed.\n________________________________\nFrom: Sam\nSent: Monday", "Agreed."),
        ("Agreed. ________________________________ From: Sam", "Agreed."),
        ("Danke\n\nVon: Sam <sam@x.de>\nGesendet: Montag, 2. März 2026 10:00\nAn: Dana", "Danke"),
        ("Merci\n\nDe : Sam <sam@x.fr>\nEnvoyé : lundi 2 mars 2026 10:00\nÀ : Dana", "Merci"),
        ("Gracias\n\nDe: Sam <sam@x.es>\nEnviado el: lunes, 2 de marzo de 2026 10:00\nPara: Dana", "Gracias"),
        ("Dank\n\nVan: Sam <sam@x.nl>\nVerzonden: maandag 2 maart 2026 10:00\nAan: Dana", "Dank"),
        ("Ok\n\n-------- Message d'origine --------\nDe : Sam", "Ok"),
        ("Ok\n\n-----Ursprüngliche Nachricht-----\nVon: Sam", "Ok"),
        ("Ok\n\n---------- Forwarded message ---------\nFrom: Sam", "Ok"),
        ("No.\n\nSent from my iPhone\n\nOn Tue, Mar 3, 2026, Sam wrote:", "No."),
        ("Nein.\n\nVon meinem iPhone gesendet", "Nein."),
        ("Oui\n\nEnvoyé de mon iPad", "Oui"),
        ("Sounds good, talk then. On Tue, Mar 3, 2026 at 9:14 AM Dana <dana@acme.com> wrote: > Any questions?", "Sounds good, talk then."),
        ("Sounds good. On Tue, Mar 3, 2026 at 9:14 AM Dana <dana@acme.c…", "Sounds good."),
        ("Sure. Sam Rep wrote: the quote is attached", "Sure."),
        ("Thanks\n-- \nDana Smith\nVP Ops", "Thanks"),
        ("On 3 March we met your team.\nIt went well.\nSam Rep <sam@vendor.com> wrote:\n> Hi", "On 3 March we met your team.\nIt went well."),
    ];
    for (body, want) in cases {
        assert_eq!(new_part(body), *want, "{body:?}");
    }
}

#[test]
fn new_part_keeps_text_without_markers() {
    for body in [
        "On Monday we can talk about the 2026 rollout.",
        "From: our CFO's side, the budget is fine.",
        "Le devis nous convient.",
        "Am Montag passt es.",
        "I wrote to legal yesterday.",
        "Sent from the office, all good.",
        "Price is 1,200 > 1,000 but ok",
        "",
    ] {
        assert_eq!(new_part(body), body.trim(), "{body:?}");
    }
}

// --- Auto-replies ----------------------------------------------------------------------------

#[test]
fn auto_replies_in_each_language_with_their_return_day() {
    let jan13 = d(2027, 1, 13);
    let cases: &[(&str, &str, Option<Day>)] = &[
        ("Automatic reply: Proposal", "I'm out of office until 12 January, for urgent matters contact Julien Roche", Some(jan13)),
        ("Out of Office: Re: Proposal", "Thanks for your email. I am out of the office until Tuesday 12 January 2027 with limited access to email.", Some(jan13)),
        ("Re: Proposal", "This is an automatic reply. I will be back on Monday, January 4.", Some(d(2027, 1, 4))),
        ("Proposal", "I am out of the office from 20 December to 4 January with limited access to email.", Some(d(2027, 1, 5))),
        ("Automatic reply: Proposal", "Thank you for your message. I am currently out of the office.", None),
        ("Abwesenheitsnotiz: AW: Angebot", "Ich bin bis zum 12.01.2027 nicht im Büro. In dringenden Fällen wenden Sie sich bitte an Frau Anna Berg.", Some(jan13)),
        ("AW: Angebot", "Vielen Dank für Ihre Nachricht. Ich bin bis 12. Januar nicht im Büro und habe keinen Zugriff auf meine E-Mails. In dringenden Fällen: 0171 123456.", Some(jan13)),
        ("Automatische Antwort: Angebot", "Ab dem 7. Januar bin ich wieder im Büro.", Some(d(2027, 1, 7))),
        ("Automatische Antwort: Angebot", "Ich bin vom 21.12. bis 06.01. im Urlaub.", Some(d(2027, 1, 7))),
        ("Réponse automatique : Devis", "Je suis absente jusqu'au 12 janvier inclus. Pour toute urgence, merci de contacter Julien Roche.", Some(jan13)),
        ("Absent du bureau", "De retour le 5 janvier.", Some(d(2027, 1, 5))),
        ("RE: Devis", "Bonjour, je suis actuellement absent et je traiterai votre message à mon retour le 4 janvier.", Some(d(2027, 1, 4))),
        ("Respuesta automática: Propuesta", "Estoy fuera de la oficina hasta el 12 de enero. Para asuntos urgentes, contacte a María López.", Some(jan13)),
        ("Propuesta", "Estaré fuera de la oficina del 20 de diciembre al 5 de enero. Para cualquier urgencia escriba a soporte@acme.es", Some(d(2027, 1, 6))),
        ("Resposta automática: Proposta", "Estou de férias até 12 de janeiro. Em caso de urgência, fale com João Silva.", Some(jan13)),
        ("Automatisch antwoord: Offerte", "Ik ben afwezig tot en met 12 januari. Voor dringende zaken kunt u contact opnemen met Jan de Vries.", Some(jan13)),
        ("Afwezig: Offerte", "Ik ben met vakantie t/m 12 januari.", Some(jan13)),
        ("[Auto-Reply] Proposal", "Out of office.", None),
    ];
    for (s, b, want) in cases {
        assert_eq!(back_on_of(s, b, nov()), *want, "{s} | {b}");
        // Never anything the buyer said: an auto-reply is not a request, a no or a signal.
        for k in kinds(s, b, nov()) {
            assert!(["auto", "left", "resume"].contains(&k), "{k} in {b:?}");
        }
    }
}

#[test]
fn the_return_day_is_read_near_now() {
    // Read in March, "until 12 January" is the last January: the absence is over.
    assert_eq!(
        back_on_of(
            "Automatic reply: Proposal",
            "I'm out of office until 12 January.",
            mar()
        ),
        Some(d(2026, 1, 13))
    );
    assert_eq!(
        back_on_of(
            "Automatic reply: Proposal",
            "I'm out of office until April 3.",
            mar()
        ),
        Some(d(2026, 4, 4))
    );
}

#[test]
fn being_away_is_not_leaving() {
    let h = hear(
        "Automatic reply: Proposal",
        "I'm out of office until 12 January, for urgent matters contact Julien Roche",
        nov(),
    );
    assert_eq!(
        h,
        vec![Heard::AutoReply {
            back_on: Some(d(2027, 1, 13)),
            quote: "I'm out of office until 12 January, for urgent matters contact Julien Roche"
                .into()
        }]
    );
}

#[test]
fn an_auto_reply_can_say_the_contact_left_and_name_a_successor() {
    let h = hear(
        "Automatic reply: Proposal",
        "Thank you for your email. I am no longer with Acme. Please contact Maria Lopez at maria.lopez@acme.com.",
        nov(),
    );
    assert_eq!(kinds("Automatic reply: Proposal", "Thank you for your email. I am no longer with Acme. Please contact Maria Lopez at maria.lopez@acme.com.", nov()), ["auto", "left"]);
    assert!(matches!(&h[1], Heard::Left { replacement: Some(n), .. } if n == "Maria Lopez"));
}

#[test]
fn an_auto_reply_may_state_a_resume_point() {
    let k = kinds(
        "Automatic reply: Proposal",
        "I am on parental leave until March. Our purchasing is on hold until next quarter.",
        nov(),
    );
    assert_eq!(k, ["auto", "resume"]);
}

#[test]
fn a_real_reply_is_not_an_auto_reply() {
    // An auto-reply quoted inside a real reply: the real reply wins.
    let body = "Sorry about that, I'm back now. Can you send the updated quote?\n\nOn Mon, Nov 23, 2026 at 8:00 AM Dana <dana@acme.com> wrote:\n> I'm out of office until 30 November. For urgent matters contact Julien Roche.";
    assert_eq!(
        kinds("Re: Automatic reply: Proposal", body, nov()),
        ["asked"]
    );
    let body = "Merci pour le rappel.\n\nLe lun. 23 nov. 2026 à 08:00, Dana <dana@acme.fr> a écrit :\n> Réponse automatique : je suis absente jusqu'au 30 novembre.";
    assert!(!kinds("RE: Réponse automatique : Devis", body, nov()).contains(&"auto"));
    // A human saying they were away is replying.
    for b in [
        "I was out of the office last week, sorry for the slow reply. Yes, Tuesday works.",
        "I'm on vacation until Jan 12, let's talk after that.",
        "Ich war im Urlaub, daher die späte Antwort.",
    ] {
        assert!(!has("Re: Proposal", b, "auto"), "{b}");
    }
    assert_eq!(
        resume_of(
            "I'm on vacation until Jan 12, let's talk after that.",
            nov()
        ),
        Some(d(2027, 1, 13))
    );
}

// --- Bounces and people who left ------------------------------------------------------------

#[test]
fn bounces_are_left() {
    for s in [
        "Undeliverable: Proposal",
        "Delivery Status Notification (Failure)",
        "Mail delivery failed: returning message to sender",
        "Undelivered Mail Returned to Sender",
        "Returned mail: see transcript for details",
        "Unzustellbar: Angebot",
        "Non remis : Devis",
        "Échec de la remise : Devis",
        "No se puede entregar: Propuesta",
        "Não é possível entregar: Proposta",
        "Onbestelbaar: Offerte",
    ] {
        let h = hear(
            s,
            "Your message to dana@acme.com couldn't be delivered. Can you check the address?",
            nov(),
        );
        assert_eq!(h.iter().map(kind).collect::<Vec<_>>(), ["left"], "{s}");
        assert!(matches!(
            &h[0],
            Heard::Left {
                replacement: None,
                ..
            }
        ));
    }
    for b in [
        "Delivery has failed to these recipients or groups: dana@acme.com",
        "550 5.1.1 <dana@acme.com>: Recipient address rejected: User unknown",
        "Ihre Nachricht konnte nicht zugestellt werden.",
        "Votre message n'a pas pu être remis.",
        "Uw bericht kon niet worden bezorgd.",
    ] {
        assert_eq!(kinds("Proposal", b, nov()), ["left"], "{b}");
    }
    // Talking about delivery is not a bounce.
    none_have(
        "left",
        &[
            "The delivery failed last week, can you resend the contract?",
            "Our delivery team will call you.",
        ],
    );
}

#[test]
fn left_the_company_with_the_successor_named() {
    let cases: &[(&str, Option<&str>)] = &[
        ("Dana has left the company; please contact Maria Lopez (maria@acme.com)", Some("Maria Lopez")),
        ("Dana is no longer with Acme. Julien Roche will be taking over her accounts.", Some("Julien Roche")),
        ("Hi, Dana left the company last month. My colleague Ann O'Neil handles this now, please reach out to Ann O'Neil.", Some("Ann O'Neil")),
        ("Dana is no longer with the company. Please contact our Sales team at sales@acme.com", None),
        ("This mailbox is no longer monitored.", None),
        ("Julien Roche reprend le dossier. Dana ne fait plus partie de la société.", Some("Julien Roche")),
        ("Dana a quitté l'entreprise. Merci de contacter Mme Claire Dubois.", Some("Claire Dubois")),
        ("Frau Berg ist nicht mehr im Unternehmen. Bitte wenden Sie sich an Herrn Thomas Müller.", Some("Thomas Müller")),
        ("Dana hat das Unternehmen verlassen. Ab sofort übernimmt Jana Novak.", Some("Jana Novak")),
        ("Dana ya no trabaja en la empresa. Por favor, póngase en contacto con María López.", Some("María López")),
        ("A Dana não faz mais parte da empresa. Entre em contato com João Silva.", Some("João Silva")),
        ("Dana werkt niet meer bij Acme. Neem contact op met Jan de Vries.", Some("Jan de Vries")),
        ("Dana is uit dienst. Pieter Jansen neemt het dossier over.", Some("Pieter Jansen")),
    ];
    for (b, want) in cases {
        assert_eq!(replacement_of("Re: Proposal", b).as_deref(), *want, "{b}");
        // The "please contact X" of a departure notice is not a question to answer.
        assert!(!has("Re: Proposal", b, "asked"), "{b}");
    }
    // A successor who writes with a real request is a real reply too.
    assert_eq!(
        kinds(
            "Re: Proposal",
            "Dana has left the company, I'm taking over. Could you send me the contract?",
            nov()
        ),
        ["left", "asked", "buying"]
    );
}

#[test]
fn being_out_or_leaving_a_message_is_not_leaving() {
    none_have(
        "left",
        &[
            "Dana has left for the day, she'll call you tomorrow.",
            "I left you a voicemail about the pilot.",
            "We left the meeting with a good feeling.",
            "I left the office early, will reply tomorrow.",
            "Elle a quitté le bureau, elle vous rappelle demain.",
        ],
    );
}

// --- No --------------------------------------------------------------------------------------

#[test]
fn a_bare_no_is_no() {
    all_have(
        "no",
        &[
            "No.",
            "no",
            "NO!!",
            "Nope.",
            "No thanks",
            "No thank you 🙏",
            "No 👎",
            "Hi Sam,\n\nNo.\n\nDana",
            "Hi Sam, no. Thanks, Dana",
            "No.\n\nSent from my iPhone",
            "Nein.",
            "Nein danke",
            "Hallo Herr Weber,\n\nnein.\n\nViele Grüße\nAnna Berg",
            "Non.",
            "Non merci",
            "Bonjour,\n\nnon merci.\n\nCordialement",
            "No, gracias.",
            "Hola Sam, no. Saludos",
            "Não.",
            "Não, obrigado.",
            "Nee.",
            "Nee, bedankt.",
        ],
    );
}

#[test]
fn stated_losses_are_no() {
    all_have(
        "no",
        &[
            "Not this year.",
            "We went with another vendor.",
            "Unfortunately we decided not to move forward.",
            "we decided not to go ahead at this stage",
            "We've chosen another solution.",
            "Not interested, thanks",
            "We will not be moving forward with the proposal.",
            "we decided to go with a different provider",
            "Please remove me from your list",
            "Thanks, but we'll pass.",
            "Budget was cut, so no.",
            "We're staying with our current vendor.",
            "Pas cette année.",
            "Nous avons choisi un autre prestataire.",
            "Nous avons décidé de ne pas donner suite.",
            "Ça ne nous intéresse pas.",
            "Kein Interesse.",
            "Wir haben uns für einen anderen Anbieter entschieden.",
            "Wir werden das Projekt nicht weiterverfolgen.",
            "No nos interesa.",
            "Hemos optado por otro proveedor.",
            "Decidimos no seguir adelante.",
            "Não temos interesse.",
            "Decidimos não seguir com a proposta.",
            "Geen interesse.",
            "We hebben gekozen voor een andere leverancier.",
            "Voorlopig niet.",
        ],
    );
}

#[test]
fn near_misses_are_not_no() {
    none_have(
        "no",
        &[
            "no problem",
            "No worries!",
            "not a problem at all",
            "No rush on this.",
            "Please send it no later than Friday.",
            "If not, we can do Tuesday.",
            "Not sure yet, will check with Ana.",
            "No, that works.",
            "No. 3 on our list is the integration.",
            "Nope, all good, go ahead",
            "We're not going with another vendor, don't worry.",
            "I will pass it on to my boss.",
            "Pas de problème.",
            "Kein Problem.",
            "No hay problema.",
            "Sem problema.",
            "Geen probleem.",
            "That's not for us to decide alone.",
        ],
    );
}

// --- Resume ----------------------------------------------------------------------------------

#[test]
fn resume_points_with_dates() {
    let jan13 = d(2027, 1, 13);
    let cases: &[(&str, Option<Day>)] = &[
        ("Let's circle back after January 12.", Some(jan13)),
        ("after January 12 works better for us", Some(jan13)),
        (
            "Please reach out again after our board meeting on 4 Feb.",
            Some(d(2027, 2, 5)),
        ),
        (
            "We'll decide after our board meeting on 4 Feb",
            Some(d(2027, 2, 5)),
        ),
        (
            "Can you reach out again on 15 January?",
            Some(d(2027, 1, 15)),
        ),
        ("On se reparle après le 12 janvier.", Some(jan13)),
        ("après le 12 janvier c'est mieux", Some(jan13)),
        (
            "Bitte melden Sie sich nach dem 12. Januar nochmal.",
            Some(jan13),
        ),
        ("nach dem 12. Januar", Some(jan13)),
        ("Hablamos después del 12 de enero.", Some(jan13)),
        ("después del 12 de enero por favor", Some(jan13)),
        ("Podemos falar depois de 12 de janeiro.", Some(jan13)),
        ("depois de 12 de janeiro", Some(jan13)),
        ("Laten we na 12 januari bellen.", Some(jan13)),
        ("na 12 januari graag", Some(jan13)),
        ("We're on hold until 31 January 2027.", Some(d(2027, 2, 1))),
    ];
    for (b, want) in cases {
        assert_eq!(resume_of(b, nov()), *want, "{b}");
    }
}

#[test]
fn resume_points_from_periods() {
    let cases: &[(&str, Day, Option<Day>)] = &[
        (
            "Let's pick this up next quarter.",
            nov(),
            Some(d(2027, 1, 1)),
        ),
        (
            "Let's pick this up next quarter.",
            mar(),
            Some(d(2026, 4, 1)),
        ),
        (
            "Let's reconnect in the new year.",
            nov(),
            Some(d(2027, 1, 2)),
        ),
        ("Let's reconnect in the new year.", mar(), None),
        ("Reach out again in March.", nov(), Some(d(2027, 3, 1))),
        ("Reach out again in May.", mar(), Some(d(2026, 5, 1))),
        ("Reach out again in January.", mar(), Some(d(2027, 1, 1))),
        ("Reach out again in March.", mar(), None),
        ("circle back in Q2", nov(), Some(d(2027, 4, 1))),
        ("circle back in Q2", mar(), Some(d(2026, 4, 1))),
        ("let's revisit after Q1", nov(), Some(d(2027, 4, 1))),
        (
            "Can you check back in 2 weeks?",
            nov(),
            Some(d(2026, 12, 13)),
        ),
        ("Ping me in a couple of weeks", nov(), Some(d(2026, 12, 13))),
        ("Let's talk again in 3 months.", nov(), Some(d(2027, 2, 28))),
        ("Let's talk again in a few weeks.", nov(), None),
        (
            "We'll get back to you after the holidays.",
            nov(),
            Some(d(2027, 1, 2)),
        ),
        ("Maybe next year.", nov(), Some(d(2027, 1, 2))),
        ("Let's talk next month.", nov(), Some(d(2026, 12, 1))),
        ("We've put this on hold.", nov(), None),
        (
            "Revenons-en au prochain trimestre.",
            nov(),
            Some(d(2027, 1, 1)),
        ),
        ("Recontactez-moi en mars.", nov(), Some(d(2027, 3, 1))),
        (
            "Nous en reparlerons après les fêtes.",
            nov(),
            Some(d(2027, 1, 2)),
        ),
        (
            "Wir melden uns im nächsten Quartal.",
            nov(),
            Some(d(2027, 1, 1)),
        ),
        (
            "Bitte melden Sie sich im März wieder.",
            nov(),
            Some(d(2027, 3, 1)),
        ),
        (
            "Lassen Sie uns im neuen Jahr sprechen.",
            nov(),
            Some(d(2027, 1, 2)),
        ),
        (
            "Können wir in zwei Wochen nochmal telefonieren?",
            nov(),
            Some(d(2026, 12, 13)),
        ),
        (
            "Retomemos el próximo trimestre.",
            nov(),
            Some(d(2027, 1, 1)),
        ),
        ("Hablamos en marzo.", nov(), Some(d(2027, 3, 1))),
        (
            "Retomamos no próximo trimestre.",
            nov(),
            Some(d(2027, 1, 1)),
        ),
        ("Podemos falar em março?", nov(), Some(d(2027, 3, 1))),
        (
            "Laten we het volgend kwartaal weer oppakken.",
            nov(),
            Some(d(2027, 1, 1)),
        ),
        ("Bel me in maart.", nov(), Some(d(2027, 3, 1))),
        (
            "We gaan het na de zomer weer oppakken.",
            mar(),
            Some(d(2026, 9, 1)),
        ),
        ("After the summer works better.", mar(), Some(d(2026, 9, 1))),
    ];
    for (b, now, want) in cases {
        assert_eq!(resume_of(b, *now), *want, "{b} @ {now}");
    }
}

#[test]
fn a_yearless_date_is_the_one_nearest_now() {
    // Read in March, "after January 12" is the January just gone: a pause that is over.
    assert_eq!(
        resume_of("Let's circle back after January 12.", mar()),
        Some(d(2026, 1, 13))
    );
    assert_eq!(
        resume_of("Let's circle back after April 10.", mar()),
        Some(d(2026, 4, 11))
    );
}

#[test]
fn dates_that_are_not_resume_points() {
    none_have(
        "resume",
        &[
            "After reviewing the proposal we have two questions.",
            "The invoice is dated 12 January 2026.",
            "Let's talk next steps.",
            "Our fiscal year starts in April.",
            "We may revisit the scope.",
            "We met in March and liked the demo.",
            "We go live in 2 weeks with the other site.",
            "Version 2.1 works fine.",
            "I'll send it 2 days ago",
        ],
    );
    // A date in the past, after "after", is history, not a plan.
    assert!(!kinds(
        "Re: Proposal",
        "After our call on March 3 we talked to legal.",
        mar()
    )
    .contains(&"resume"));
}

// --- Asked -----------------------------------------------------------------------------------

#[test]
fn questions_and_requests_in_each_language() {
    all_have(
        "asked",
        &[
            "Can you send over the case study?",
            "could you share pricing for 40 seats",
            "Please send the SOC 2 report.",
            "What does onboarding look like?",
            "let me know if Tuesday works for a call",
            "I need a quote for 50 users by Friday",
            "is it possible to start with a pilot",
            "Do you have a reference customer in retail",
            "what about SSO ??",
            "Re the timeline - when could you start? 🙏",
            "Pourriez-vous m'envoyer le devis ?",
            "Merci de m'envoyer la grille tarifaire.",
            "J'aurais besoin d'une démo pour l'équipe.",
            "Könnten Sie mir das Angebot schicken?",
            "Bitte senden Sie uns die Unterlagen.",
            "Wir benötigen noch eine Referenz.",
            "¿Podría enviarme la propuesta?",
            "Necesitamos una demo para el equipo.",
            "Por favor envíe el contrato revisado.",
            "Pode enviar a proposta atualizada?",
            "Você pode me mandar o contrato",
            "Precisamos de uma demonstração.",
            "Kunt u de offerte sturen?",
            "Stuur me de prijzen voor 40 gebruikers.",
            "Graag ontvang ik een demo.",
        ],
    );
}

#[test]
fn closers_greetings_and_quoted_questions_are_not_asked() {
    none_have(
        "asked",
        &[
            "Let me know if you have any questions.",
            "Thanks! Any questions, let me know.",
            "How are you?",
            "Hope you had a great weekend!",
            "Looks good.\n\nOn Tue, Mar 3, 2026 at 9:14 AM Sam <sam@vendor.com> wrote:\n> Can you send me your availability?",
            "Si vous avez des questions, n'hésitez pas.",
            "Bei Fragen melden Sie sich gerne.",
            "Cualquier duda quedo a su disposición.",
            "Qualquer dúvida, fico à disposição.",
            "Als u nog vragen heeft, laat het me weten.",
            "See https://acme.com/pricing?plan=pro for the plan we picked.",
            "We need to discuss internally first.",
            "Wir brauchen noch etwas Zeit.",
            "Thanks, received.",
        ],
    );
}

// --- Buying signals and price ----------------------------------------------------------------

#[test]
fn buying_signals_in_each_language() {
    all_have(
        "buying",
        &[
            "Please send the order form.",
            "Budget approved - we're ready to sign.",
            "We'd like to move forward.",
            "PO is on its way.",
            "Send over the contract and we'll get it signed",
            "Voici le bon de commande.",
            "Nous sommes prêts à signer.",
            "Le budget est validé.",
            "Budget ist freigegeben.",
            "Bitte schicken Sie uns den Vertrag.",
            "Presupuesto aprobado, listos para firmar.",
            "Les envío la orden de compra.",
            "Segue o pedido de compra.",
            "Estamos prontos para assinar.",
            "De inkooporder komt eraan.",
            "We zijn klaar om te tekenen.",
        ],
    );
}

#[test]
fn negated_or_unrelated_buying_words_are_not_signals() {
    none_have(
        "buying",
        &[
            "We're not ready to sign yet.",
            "We are not yet ready to move forward.",
            "Nous ne sommes pas prêts à signer.",
            "Wir sind noch nicht bereit zu unterschreiben.",
            "No estamos listos para firmar todavía.",
            "Ainda não estamos prontos para assinar.",
            "We zijn nog niet klaar om te tekenen.",
            "The budget is not approved.",
            "Nope, all good, go ahead",
        ],
    );
}

#[test]
fn price_pushing_in_each_language() {
    all_have(
        "price",
        &[
            "Any wiggle room?",
            "Can you sharpen your pencil a bit?",
            "What's the best you can do?",
            "Can you do better on price?",
            "It's too expensive for us",
            "That's over our budget.",
            "Is a better price possible?",
            "Any discount for a 3-year term?",
            "Un geste commercial serait apprécié.",
            "C'est trop cher pour nous.",
            "Gibt es einen Rabatt?",
            "Das ist uns zu teuer.",
            "¿Hay algún descuento?",
            "Es muy caro para nosotros.",
            "Tem algum desconto?",
            "Ficou muito caro.",
            "Is er korting mogelijk?",
            "Dat is te duur voor ons.",
        ],
    );
    none_have(
        "price",
        &[
            "The price is fine.",
            "It's not too expensive.",
            "Pricing looks good to us.",
            "Danke für Ihr Entgegenkommen.",
            "Le prix nous convient.",
        ],
    );
}

// --- Several at once, order, quotes ----------------------------------------------------------

#[test]
fn several_meanings_in_a_stable_order() {
    assert_eq!(
        kinds(
            "Re: Re: Proposal",
            "Can you send the order form? Budget approved! Any wiggle room on the setup fee? We'd start after January 12.",
            nov()
        ),
        ["resume", "asked", "buying", "price"]
    );
    assert_eq!(
        kinds(
            "Re: Proposal",
            "We went with another vendor. Maybe next year.",
            nov()
        ),
        ["no", "resume"]
    );
}

#[test]
fn the_buyers_own_subject_counts_but_not_a_reply_subject() {
    assert_eq!(kinds("Question about SSO?", "", nov()), ["asked"]);
    assert_eq!(
        kinds("Re: Question about SSO?", "Thanks!", nov()),
        Vec::<&str>::new()
    );
    assert_eq!(kinds("AW: Rabatt?", "Danke.", nov()), Vec::<&str>::new());
    assert_eq!(kinds("RE : Remise", "Merci.", nov()), Vec::<&str>::new());
}

#[test]
fn quotes_are_the_original_sentence_trimmed() {
    let h = hear("Re: Proposal", "Thanks Sam.\n\nCould you   send the signed SOC 2 report and the security questionnaire to\nour IT team?\n\nBest, Dana", nov());
    assert_eq!(h, vec![Heard::Asked { quote: "Could you send the signed SOC 2 report and the security questionnaire to our IT team?".into() }]);
    let long = format!("Could you send {}?", "the detailed report ".repeat(10));
    let Heard::Asked { quote } = &hear("Re: x", &long, nov())[0] else {
        panic!()
    };
    assert!((100..=120).contains(&quote.chars().count()), "{quote}");
    assert!(quote.ends_with('…') && quote.starts_with("Could you send the detailed"));
}

#[test]
fn heard_serializes_with_a_kind_tag() {
    let h = Heard::Resume {
        from: Some(d(2027, 1, 13)),
        quote: "after January 12".into(),
    };
    assert_eq!(
        serde_json::to_string(&h).unwrap(),
        r#"{"kind":"resume","from":"2027-01-13","quote":"after January 12"}"#
    );
}

// --- Concessions -----------------------------------------------------------------------------

#[test]
fn concessions_in_each_language() {
    for b in [
        "I can offer 10% off if you sign this month.",
        "We can give you an extra month free.",
        "Happy to extend your trial by two weeks.",
        "We'll waive the setup fee.",
        "I can throw in onboarding at no extra cost.",
        "Je peux vous proposer une remise de 10 % sur la première année.",
        "Nous vous offrons un mois offert.",
        "Wir können Ihnen einen Rabatt von 10 % anbieten.",
        "Wir verlängern gern Ihre Testphase.",
        "Podemos ofrecerle un mes gratis.",
        "Le aplicamos un 15% de descuento.",
        "Podemos oferecer 10% de desconto.",
        "Incluímos um mês grátis.",
        "We kunnen 10% korting geven.",
        "Daarnaast krijgt u een maand gratis.",
    ] {
        assert!(concession("Proposal", b).is_some(), "{b}");
    }
    assert_eq!(
        concession("10% off if you sign by Friday", "Hi Dana, see attached."),
        Some("10% off if you sign by Friday".to_string())
    );
    assert_eq!(
        concession(
            "Re: Proposal",
            "Hi Dana, quick thought.\nI can offer 10% off if you sign this month.\nBest, Sam"
        ),
        Some("I can offer 10% off if you sign this month.".to_string())
    );
}

#[test]
fn no_concession_in_plain_or_quoted_or_refused_text() {
    for b in [
        "Here is the revised proposal with the phased rollout.",
        "The price is 10% higher this year because of the new modules.",
        "We can't offer a discount on this tier.",
        "Is a discount what you need?",
        "Attached the SOW.\n\nOn Tue, Mar 3, 2026 at 9:14 AM Sam <sam@vendor.com> wrote:\n> I can offer 10% off.",
    ] {
        assert_eq!(concession("Re: Proposal", b), None, "{b}");
    }
}

// --- Content-free phrases for phrases.rs -----------------------------------------------------

#[test]
fn content_free_more_is_usable_by_phrases() {
    let more: Vec<String> = CONTENT_FREE_MORE.iter().map(|s| s.to_string()).collect();
    let defaults: Vec<String> = phrases::DEFAULT_CONTENT_FREE
        .iter()
        .map(|s| phrases::normalize(s))
        .collect();
    let mut seen = std::collections::HashSet::new();
    for p in CONTENT_FREE_MORE {
        let n = phrases::normalize(p);
        assert!(n.split_whitespace().count() >= 2, "{p}");
        assert!(seen.insert(n.clone()), "duplicate {p}");
        assert!(!defaults.contains(&n), "already in the defaults: {p}");
    }
    for t in [
        "Bonjour, je me permets de vous relancer concernant notre proposition.",
        "Je reviens vers vous au sujet du devis",
        "Ich wollte nur nachhaken, ob Sie das Angebot gesehen haben.",
        "Ich wollte kurz nachfragen, wie es aussieht.",
        "Hola, quería dar seguimiento a mi último correo.",
        "Solo quería saber si tuvo oportunidad de revisarlo",
        "Olá, só queria saber se teve a oportunidade de ver a proposta.",
        "Gostaria de acompanhar a proposta enviada.",
        "Ik wilde even navragen of u de offerte heeft ontvangen.",
        "quería dar seguimiento",
    ] {
        assert!(phrases::find_content_free(t, &more).is_some(), "{t}");
    }
    for t in [
        "Je vous envoie le devis révisé avec le déploiement par phases.",
        "Anbei das Angebot mit den 40 Lizenzen, wie am Dienstag besprochen.",
        "Le adjunto la propuesta con el piloto en dos sedes.",
    ] {
        assert_eq!(phrases::find_content_free(t, &more), None, "{t}");
    }
}

// --- The machinery ---------------------------------------------------------------------------

#[test]
fn words_split_like_phrases_normalize_with_accents_folded() {
    for s in [
        "Just  FOLLOWING-up!!",
        "I'm here — é!!",
        "Pourriez-vous m'envoyer le devis ?",
        "Grüße aus München, Straße 5",
        "¿Podría enviarme la cotización?",
        "10%off, 2º trimestre",
        "Ça coûte trop cher… œuvre",
        "",
    ] {
        let ours: Vec<String> = text::tokenize(s).into_iter().map(|t| t.norm).collect();
        let theirs: Vec<String> = phrases::normalize(&text::fold(s))
            .split_whitespace()
            .map(str::to_string)
            .collect();
        assert_eq!(ours, theirs, "{s:?}");
    }
}

#[test]
fn patterns_expand_as_documented() {
    assert_eq!(compile("(a|b c) d").len(), 2);
    assert_eq!(compile("a (b|) c").len(), 2);
    assert_eq!(compile("(x|y) (z|w) #%").len(), 4);
    assert_eq!(
        compile("Pourriez-vous"),
        vec![vec![
            text::P::W("pourriez".into()),
            text::P::W("vous".into())
        ]]
    );
    let doc = Doc::new("We can offer 15 % off today");
    assert!(doc.has(doc.all(), &text::PatSet::plain(compile("#% off"))));
    let doc = Doc::new("We can offer 15 dollars off today");
    assert!(!doc.has(doc.all(), &text::PatSet::plain(compile("#% off"))));
    let doc = Doc::new("schicken Sie uns bitte den Vertrag");
    assert!(doc.has(
        doc.all(),
        &text::PatSet::plain(compile("schicken * * vertrag"))
    ));
    let doc = Doc::new("Thanks, we'll pass");
    assert!(doc.has(doc.all(), &text::PatSet::plain(compile("well pass $"))));
}

#[test]
fn every_language_has_every_list_and_every_phrase_compiles() {
    let counts = phrase_counts();
    for lang in LANGS {
        for (category, n) in &counts[lang.code] {
            assert!(*n > 0, "{} has no {category}", lang.code);
        }
    }
    for lang in LANGS {
        let lists: [(&str, super::Field); 8] = [
            ("no", |l| l.no),
            ("asked", |l| l.asked),
            ("buying", |l| l.buying),
            ("price", |l| l.price),
            ("concession", |l| l.concession),
            ("left", |l| l.left),
            ("away", |l| l.away),
            ("resume_verbs", |l| l.resume_verbs),
        ];
        for (name, f) in lists {
            for src in f(lang) {
                let c = compile(src);
                assert!(
                    !c.is_empty(),
                    "{} {name}: {src:?} compiles to nothing",
                    lang.code
                );
                for p in c {
                    let words = p.iter().filter(|x| matches!(x, text::P::W(_))).count();
                    assert!(words >= 1, "{} {name}: {src:?}", lang.code);
                }
            }
        }
    }
    // The lexicon builds, and the month names from date_words are there.
    assert!(lex().months.len() > 60);
}

#[test]
fn every_message_language_is_understood_in_replies() {
    // The buyer answers in the language we wrote in: each `Lang` needs its reply words (`LANGS`
    // may hold more languages than the messages are written in).
    for lang in crate::core::lang::Lang::ALL {
        assert!(
            LANGS.iter().any(|w| w.code == lang.code()),
            "{lang:?}: no reply words in listen::words::LANGS"
        );
    }
}

type Counts = std::collections::BTreeMap<&'static str, Vec<(&'static str, usize)>>;

/// Source phrases per language and category (each pattern line counts once).
fn phrase_counts() -> Counts {
    let mut out = Counts::new();
    for l in LANGS {
        let periods = l.periods.len() + l.periods_ctx.len();
        out.insert(
            l.code,
            vec![
                (
                    "auto_reply",
                    l.auto_subject.len()
                        + l.auto_strong.len()
                        + l.away.len()
                        + l.auto_context.len(),
                ),
                ("bounce", l.bounce_subject.len() + l.bounce_body.len()),
                ("left", l.left.len()),
                (
                    "successor",
                    l.successor_before.len() + l.successor_after.len(),
                ),
                ("no", l.no.len() + l.bare_no.len()),
                (
                    "resume",
                    l.after.len()
                        + l.until.len()
                        + l.resume_verbs.len()
                        + l.pause.len()
                        + l.soft.len()
                        + periods
                        + l.quarters.len(),
                ),
                ("asked", l.asked.len()),
                ("asked_veto", l.asked_veto.len()),
                ("buying", l.buying.len()),
                ("price", l.price.len()),
                ("concession", l.concession.len()),
                (
                    "quote_markers",
                    l.wrote.len() + l.original.len() + l.from_header.len() + l.mobile.len(),
                ),
            ],
        );
    }
    out
}

#[test]
fn print_phrase_counts() {
    for (code, counts) in phrase_counts() {
        let line: Vec<String> = counts.iter().map(|(c, n)| format!("{c} {n}")).collect();
        println!("{code}: {}", line.join(", "));
    }
}

// --- Everyday replies, as buyers write them ---------------------------------------------------

#[test]
fn everyday_replies_say_exactly_what_they_say() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("Re: Proposal", "Thanks Sam, this looks great. I'll share it with our CFO and get back to you by Friday.", &[]),
        ("Re: Proposal", "Got it, thanks!", &[]),
        ("Re: Proposal", "Let me check with my boss and get back to you.", &[]),
        ("Re: Proposal", "We need more time to evaluate.", &[]),
        ("Re: Proposal", "Thx. Will review and revert.", &[]),
        ("Re: Proposal", "Looping in my colleague Maria Lopez who will take it from here.", &[]),
        ("Re: Proposal", "Hi Sam, I'm out of office until Monday but I'll look at it then.", &[]),
        ("RES: Proposta", "Oi Sam, tudo bem? Estamos analisando e retornamos em breve.", &[]),
        ("AW: Angebot", "Guten Morgen, das Angebot liegt beim Einkauf. Ich melde mich.", &[]),
        ("Re: Offerte", "Hoi Sam, we zijn er nog mee bezig. Ik laat het je weten.", &[]),
        ("Re: Proposal", "Can we do a call on Tuesday at 3pm?", &["asked"]),
        ("Re: Proposal", "Sorry for the delay, I was on vacation. The team liked the demo. What are the next steps?", &["asked"]),
        ("Re: Proposal", "Not right now, maybe in Q2.", &["no", "resume"]),
        ("Re: Proposal", "We won't be renewing.", &["no"]),
        ("Re: Proposal", "Unfortunately the project has been cancelled.", &["no"]),
        ("Re: Proposal", "It's a no from us.", &["no"]),
        ("Re: Proposal", "We decided to go with your competitor.", &["no"]),
        ("AW: Angebot", "Leider zu teuer. Wir bleiben bei unserem aktuellen Anbieter.", &["no", "price"]),
        ("Re: Proposal", "Happy to move forward if you can do 15% off.", &["buying", "price"]),
        ("Re: Proposal", "Yes!! Let's do it 🎉 send the docusign", &["buying"]),
        ("AW: Angebot", "Passt, bitte Auftragsbestätigung an einkauf@acme.de.", &["buying"]),
        ("Re: Offerte", "Akkoord, stuur de overeenkomst maar op.", &["buying"]),
        ("RE: Propuesta", "Perfecto, adelante. Envíenos el contrato para firmar.", &["asked", "buying"]),
        ("Re: Devis", "Pouvez-vous faire un geste sur le prix ? Sinon on part sur la concurrence.", &["asked", "price"]),
        ("RE: Propuesta", "¿Nos pueden mejorar el precio? La competencia nos ofrece un 20% menos.", &["asked", "price"]),
        ("RES: Proposta", "Ficou acima do nosso orçamento, consegue um desconto?", &["asked", "price"]),
        ("Re: Offerte", "Kunnen jullie nog iets aan de prijs doen?", &["asked", "price"]),
        ("Re: Proposal", "Dana is on maternity leave until March; please contact Maria Lopez in the meantime.", &["resume"]),
        ("RE: Devis", "Je ne suis pas le bon interlocuteur, voyez avec Paul Martin.", &[]),
    ];
    for (s, b, want) in cases {
        assert_eq!(kinds(s, b, nov()), *want, "{b}");
    }
}

#[test]
fn everyday_resume_points() {
    let cases: &[(&str, Option<Day>)] = &[
        (
            "Please hold off until after our reorg in February.",
            Some(d(2027, 3, 1)),
        ),
        (
            "Thanks — we need to wait for the new budget cycle in April.",
            Some(d(2027, 4, 1)),
        ),
        (
            "Nous revenons vers vous début janvier.",
            Some(d(2027, 1, 1)),
        ),
        (
            "Le projet est reporté à l'année prochaine.",
            Some(d(2027, 1, 2)),
        ),
        ("Wir melden uns Anfang Januar.", Some(d(2027, 1, 1))),
        (
            "Das Projekt ist bis Ende Q1 auf Eis gelegt.",
            Some(d(2027, 4, 1)),
        ),
        (
            "Können wir uns nach dem 15. Januar nochmal abstimmen?",
            Some(d(2027, 1, 16)),
        ),
        ("Vamos deixar para o ano que vem.", Some(d(2027, 1, 2))),
        (
            "hey sam - cfo says next quarter. ping me in jan",
            Some(d(2027, 1, 1)),
        ),
        // Said in November, "after the summer" has no honest date.
        ("We nemen na de zomer een beslissing.", None),
    ];
    for (b, want) in cases {
        assert_eq!(resume_of(b, nov()), *want, "{b}");
    }
}

#[test]
fn departure_dates_resume_after_and_included_months() {
    let dec8 = Day::from_ymd(2026, 12, 8).unwrap();
    // The day they left is no return date; "back on" is.
    let heard = hear(
        "Out of Office: Any update?",
        "I'm out of the office from 4 December and back on 12 January, with no access to email in between.",
        dec8,
    );
    assert!(
        matches!(heard.as_slice(), [Heard::AutoReply { back_on, .. }] if *back_on == Day::from_ymd(2027, 1, 12))
    );
    // "Nothing before X … I'll come back after that": act from the day after X.
    let mar20 = Day::from_ymd(2026, 3, 20).unwrap();
    let heard = hear(
        "Re: Finance pack",
        "Nothing will happen before our board meeting on 4 April, I'll come back to you after that.",
        mar20,
    );
    assert!(
        heard
            .iter()
            .any(|h| matches!(h, Heard::Resume { from, .. } if *from == Day::from_ymd(2026, 4, 5))),
        "{heard:?}"
    );
    assert!(concession(
        "Proposal",
        "If you sign by 31 March I can include 2 free months."
    )
    .is_some());
    // Near-miss: a plain month count is no offer.
    assert!(concession("Rollout", "The rollout takes 2 months.").is_none());
}

/// A date written as numbers (day first, as Portuguese, Spanish, French and German buyers
/// write it) after an "after" word is a resume point, and a request to come back later is not
/// a question waiting for an answer.
#[test]
fn come_back_later_in_numbers_and_as_a_question() {
    let may16 = Some(d(2026, 5, 16));
    for b in [
        "Estamos fechando o orçamento em abril, volte a falar comigo depois de 15/05.",
        "Volte a falar comigo depois de 15/05.",
        "Hablamos después del 15/05.",
        "On en reparle après le 15/05.",
        "Bitte melden Sie sich nach dem 15.05. wieder.",
    ] {
        assert_eq!(resume_of(b, mar()), may16, "{b}");
    }
    let body = "Merci Sam. Pouvez-vous revenir vers moi après le 3 mai ?";
    assert_eq!(resume_of(body, mar()), Some(d(2026, 5, 4)));
    assert!(
        !kinds("Re: Proposal", body, mar()).contains(&"asked"),
        "{:?}",
        kinds("Re: Proposal", body, mar())
    );
}
