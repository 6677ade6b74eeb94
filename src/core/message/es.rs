//! Spanish drafts: every kind, channel and tone, written in Spanish (not translated from the
//! English files; same rules per kind, own sentences).
//!
//! Register: "usted" throughout, with "Hola {nombre}," as the greeting. In B2B sales, "usted"
//! is the safe default in both Spain and Latin America: a buyer who prefers "tú" will not take
//! offence at "usted", while the reverse can read as too familiar, and in much of Latin America
//! "usted" is the normal business form. "Hola" keeps it warm and modern ("Estimado/a" would need
//! the buyer's gender and sounds stiff in a short note). Words are chosen to read the same on
//! both sides of the Atlantic: "correo" (not "mail" or "e-mail"), no "vosotros", no leísmo that
//! Latin American readers would notice ("le" only as an indirect object), no "hasta el" for a
//! deadline (in Mexico it means "not before").
//!
//! Typography: questions open with "¿"; the buyer's own words (their question, their request,
//! the subject of their last message) are quoted with « ». The buyer's reason is never bent
//! into the grammar: it follows a colon ("sobre esto: {r}") or sits in brackets as the aim they
//! described ("el objetivo que me describió ({r})"), because the rep may have written it in any
//! language and any form.

use super::{fit_text, shorten, upper_first, Draft, Drafted, Slots, Tone};
use crate::core::date::Day;
use crate::core::lang::Lang;
use crate::core::model::Channel;

pub fn draft(kind: Drafted, channel: Channel, tone: Tone, s: &Slots) -> Draft {
    let via = Via::of(channel);
    match kind {
        Drafted::Answer => answer(via, tone, s),
        Drafted::Commitment => commitment(via, tone, s),
        Drafted::Discovery => discovery(via, tone, s),
        Drafted::ReasonFeedback => reason_feedback(via, tone, s),
        Drafted::ApproverCheck => approver_check(via, tone, s),
        Drafted::NewValue => new_value(via, tone, s),
        Drafted::CloseOut => close_out(via, tone, s),
        Drafted::WalkAway => walk_away(via, tone, s),
        Drafted::Introduce => presentarse(via, tone, s),
        Drafted::Confirm => confirmar(via, tone, s),
    }
}

/// The three ways a draft is written: any channel other than a text or a call is an email.
#[derive(Clone, Copy)]
enum Via {
    Email,
    Text,
    Call,
}

impl Via {
    fn of(channel: Channel) -> Via {
        match channel {
            Channel::Text => Via::Text,
            Channel::Call => Via::Call,
            _ => Via::Email,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Small helpers: the Spanish versions of the shared sentences.
// ---------------------------------------------------------------------------------------------

/// "14 de marzo" ("1 de febrero de 2027" in another year).
fn fecha(s: &Slots, d: Day) -> String {
    Lang::Es.date(d, s.now)
}

/// "martes 1 de diciembre".
fn dia(s: &Slots, d: Day) -> String {
    format!("{} {}", Lang::Es.weekday(d), fecha(s, d))
}

/// "Hola Dana," or "Hola,".
fn hola(s: &Slots) -> String {
    if let Some(formal) = &s.salutation {
        return formal.clone();
    }
    match &s.first_name {
        Some(n) => format!("Hola {n},"),
        None => "Hola,".to_string(),
    }
}

/// The voicemail's opening: "Hola Dana, soy Jordan.", "Hola Dana.", "Hola, soy Jordan." or
/// "Hola."; what follows starts a new sentence.
fn saludo_voz(s: &Slots) -> String {
    match (&s.first_name, &s.rep) {
        (Some(n), Some(r)) => format!("Hola {n}, soy {r}."),
        (Some(n), None) => format!("Hola {n}."),
        (None, Some(r)) => format!("Hola, soy {r}."),
        (None, None) => "Hola.".to_string(),
    }
}

/// " – Jordan" at the end of a text message, or nothing.
fn guion(s: &Slots) -> String {
    s.rep
        .as_deref()
        .map(|r| format!(" – {r}"))
        .unwrap_or_default()
}

/// The email sign-off: the rep's name and signature line, or nothing.
fn firma(s: &Slots) -> String {
    match (&s.rep, &s.signature) {
        (Some(r), Some(f)) => format!("\n\n{r}\n{f}"),
        (Some(r), None) => format!("\n\n{r}"),
        (None, Some(f)) => format!("\n\n{f}"),
        (None, None) => String::new(),
    }
}

/// "antes del lunes 30 de noviembre" when the buyer's date is near (see `reply_by_day`).
fn antes_de(s: &Slots) -> Option<String> {
    s.reply_by_day().map(|d| format!("antes del {}", dia(s, d)))
}

/// How a voicemail asks to be called back: by a concrete day when their date is near.
fn llameme(s: &Slots) -> String {
    match antes_de(s) {
        Some(by) => format!("Llámeme {by}; así llegamos con margen a su fecha."),
        None => "Llámeme cuando le venga bien.".to_string(),
    }
}

/// "Gracias por su correo del 2 de noviembre («Piloto»). " or nothing.
fn gracias(s: &Slots) -> String {
    if let Some(d) = s.resumed {
        return format!(
            "Me indicó que le escribiera de nuevo hacia el {}. ",
            fecha(s, d)
        );
    }
    s.last_exchange
        .as_ref()
        .map(|(day, channel, subject)| {
            let what = match channel {
                Channel::Call => "la llamada",
                Channel::Meeting => "la reunión",
                Channel::Text => "su mensaje",
                _ => "su correo",
            };
            format!("Gracias por {what} del {} («{subject}»). ", fecha(s, *day))
        })
        .unwrap_or_default()
}

/// " Su objetivo: reducir los retrasos a la mitad." or nothing.
fn objetivo(s: &Slots) -> String {
    s.goal
        .as_deref()
        .map(|g| format!(" Su objetivo: {}.", shorten(g, 80)))
        .unwrap_or_default()
}

/// " Su fecha clave es el 14 de marzo, dentro de 12 días. Quiero que …" or nothing.
fn fecha_clave(s: &Slots) -> String {
    s.deadline
        .map(|d| {
            let when = match d.days_since(s.now) {
                0 => format!("hoy, {}", fecha(s, d)),
                1 => format!("mañana, {}", fecha(s, d)),
                n => format!("el {}, dentro de {n} días", fecha(s, d)),
            };
            format!(" Su fecha clave es {when}. Quiero que nada por nuestra parte frene su avance.")
        })
        .unwrap_or_default()
}

/// " antes del 14 de marzo" or nothing.
fn antes_fecha(s: &Slots) -> String {
    s.deadline
        .map(|d| format!(" antes del {}", fecha(s, d)))
        .unwrap_or_default()
}

/// The approver as named to the buyer. The shared slot turns the rep's "their CFO" into the
/// English "your CFO": here it becomes "su CFO".
fn aprobador(s: &Slots) -> Option<String> {
    s.approver.as_deref().map(
        |a| match a.get(..5).filter(|h| h.eq_ignore_ascii_case("your ")) {
            Some(_) => format!("su {}", &a[5..]),
            None => a.to_string(),
        },
    )
}

/// The reason cut to `max` characters (the caller has checked there is one).
fn razon(s: &Slots, max: usize) -> String {
    s.reason_max(max).unwrap_or_default()
}

/// The buyer's words, cut to `max` characters, inside « » (a closing full stop goes outside
/// the quote in Spanish, so theirs is dropped; "?" and "!" stay).
fn cita(quote: &str, max: usize) -> String {
    let q = quote
        .trim()
        .trim_end_matches(['.', ',', ';', ':'])
        .trim_end();
    format!("«{}»", shorten(q, max))
}

// ---------------------------------------------------------------------------------------------
// Answer: their question or request comes first.
// ---------------------------------------------------------------------------------------------

fn answer(via: Via, tone: Tone, s: &Slots) -> Draft {
    let Some(req) = s.request.clone() else {
        // Chosen only when there is a request; stay well-formed regardless.
        return reason_feedback(via, tone, s);
    };
    let hi = hola(s);
    let espera = s.now.days_since(req.day) >= 2;
    let perdon = if espera { "Disculpe la espera. " } else { "" };
    let cuando = antes_de(s).unwrap_or_else(|| "hoy".to_string());
    let reason = s.reason.clone().unwrap_or_default();
    // A question ("¿…?") or a request or statement ("We need this live before our audit").
    let (su, dijo) = if req.quote.contains('?') {
        ("su pregunta", "Me preguntó")
    } else {
        ("su mensaje", "Me escribió")
    };
    // The one question after the answer, tied to their reason when we know it.
    let siguiente = |max: usize| match s.reason_max(max) {
        Some(r) => format!("¿Hay algo más que le impida avanzar en esto: {r}?"),
        None => "¿Hay algo más que frene la decisión?".to_string(),
    };
    let falta = |max: usize| match s.reason_max(max) {
        Some(r) => format!("¿Falta algo para avanzar en esto: {r}?"),
        None => "¿Falta algo para avanzar?".to_string(),
    };
    // A named thing to send (`req.thing`, in English): say "lo que me pidió" and quote them.
    let pedido = req.thing.is_some();
    let corta = cita(&req.quote, 60);
    let larga = cita(&req.quote, 120);
    // In the texts, branch on the slot, not on `r`: `fit_text` measures the frame with an
    // empty `r`.
    let known = s.reason.is_some();
    match (via, tone, pedido) {
        (Via::Text, Tone::Warm, true) => Draft::text(fit_text(&reason, |r| {
            let pregunta = if known {
                format!("¿Hay algo más que frene esto: {r}?")
            } else {
                "¿Necesita algo más?".to_string()
            };
            format!(
                "{hi} le envío lo que me pidió: {corta}. {pregunta}{}",
                guion(s)
            )
        })),
        (Via::Text, Tone::Direct, true) => Draft::text(fit_text(&reason, |r| {
            let pregunta = if known {
                format!("¿Falta algo para avanzar en esto: {r}?")
            } else {
                "¿Falta algo para avanzar?".to_string()
            };
            format!("{hi} aquí tiene lo que me pidió ({corta}). {pregunta}{}", guion(s))
        })),
        (Via::Text, Tone::Warm, false) => Draft::text(fit_text(&reason, |r| {
            let foco = if known {
                format!(", con esto en mente: {r}")
            } else {
                String::new()
            };
            let perdon = if espera { "disculpe la espera: " } else { "" };
            format!(
                "{hi} {perdon}le respondo a {su} {cuando}{foco}. ¿Quiere que incluya algo más?{}",
                guion(s)
            )
        })),
        (Via::Text, Tone::Direct, false) => Draft::text(fit_text(&reason, |r| {
            let foco = if known {
                format!(" La preparo pensando en esto: {r}.")
            } else {
                String::new()
            };
            format!(
                "{hi} tendrá mi respuesta a {su} {cuando}.{foco} ¿Debo cubrir algo más?{}",
                guion(s)
            )
        })),
        (Via::Call, Tone::Warm, _) => {
            let (motivo, estado) = if pedido {
                (
                    format!("Le llamo por lo que me pidió: {corta}."),
                    "Ya lo tiene en su correo.".to_string(),
                )
            } else {
                (
                    format!("Le llamo por {su}: {corta}."),
                    format!("Tendrá la respuesta por correo {cuando}."),
                )
            };
            let foco = s
                .reason_max(90)
                .map(|r| format!(" Sé que para usted lo importante es esto: {r}."))
                .unwrap_or_default();
            let abre = if pedido {
                format!("Me pidió: {larga}. Ya lo tiene en su correo.")
            } else {
                format!("{dijo}: {larga}. Esta es la respuesta corta.")
            };
            Draft::call(
                format!(
                    "{} {motivo} {estado}{foco} {}",
                    saludo_voz(s),
                    llameme_si_duda(s, pedido)
                ),
                [abre, siguiente(60)],
            )
        }
        (Via::Call, Tone::Direct, _) => {
            let estado = if pedido {
                format!("Ya tiene en su correo lo que me pidió: {corta}.")
            } else {
                format!("Sobre {su} ({corta}): tendrá la respuesta por correo {cuando}.")
            };
            // "Lo" is what they asked for; "la" the answer still to come.
            let foco = s
                .reason_max(90)
                .map(|r| match pedido {
                    true => format!(" Lo preparé pensando en esto: {r}."),
                    false => format!(" La preparo pensando en esto: {r}."),
                })
                .unwrap_or_default();
            let abre = if pedido {
                format!("Me pidió: {larga}. ¿Le llegó bien?")
            } else {
                format!("{dijo}: {larga}. La respuesta corta es esta.")
            };
            Draft::call(
                format!(
                    "{} {estado}{foco} {}",
                    saludo_voz(s),
                    llameme_si_duda(s, pedido)
                ),
                [abre, falta(60)],
            )
        }
        (Via::Email, Tone::Warm, true) => Draft::email(
            // The thing named when the request names one the reader knows ("El contrato").
            match super::thing::requested(&req.quote) {
                Some(t) => format!("{}, como me pidió", upper_first(t.words(Lang::Es).the)),
                None => "Lo que me pidió".to_string(),
            },
            format!(
                "{hi}\n\n{perdon}Le envío lo que me pidió el {}: {larga}. Si algo no encaja con lo que esperaba, lo ajusto enseguida.{}\n\n{}{}",
                fecha(s, req.day),
                fecha_clave(s),
                siguiente(140),
                firma(s)
            ),
        ),
        (Via::Email, Tone::Direct, true) => Draft::email(
            format!("Su solicitud del {}", fecha(s, req.day)),
            format!(
                "{hi}\n\nLe envío en este correo lo que me pidió: {larga}. Si hay que corregir algo, lo hago hoy mismo. {}{}",
                falta(140),
                firma(s)
            ),
        ),
        (Via::Email, Tone::Warm, false) => Draft::email(
            format!("Sobre {su}"),
            format!(
                "{hi}\n\n{perdon}{dijo}: {larga}. Tendrá mi respuesta completa {cuando}. Quiero darle una respuesta precisa, no una aproximada.{}\n\n{}{}",
                fecha_clave(s),
                siguiente(140),
                firma(s)
            ),
        ),
        (Via::Email, Tone::Direct, false) => Draft::email(
            format!("Respuesta a {su}"),
            format!(
                "{hi}\n\nSobre {su} ({larga}): le respondo {cuando}. Así puede decidir con toda la información. {}{}",
                falta(140),
                firma(s)
            ),
        ),
    }
}

/// The end of an answer's voicemail: call me if anything is unclear. When the answer is still
/// to come, once they have it; when it is sent, by the day before their date when it is near.
fn llameme_si_duda(s: &Slots, entregado: bool) -> String {
    match antes_de(s) {
        _ if !entregado => "Si algo no queda claro, llámeme cuando la reciba.".to_string(),
        Some(by) => format!("Si algo no queda claro, llámeme {by}."),
        None => "Si algo no queda claro, llámeme cuando le venga bien.".to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Commitment: one small, dated step from them; nothing more from us.
// ---------------------------------------------------------------------------------------------

fn commitment(via: Via, tone: Tone, s: &Slots) -> Draft {
    let Some(reason) = s.reason.clone() else {
        return discovery(via, tone, s);
    };
    let hi = hola(s);
    // A dated ask: before their date when it is near, otherwise within the week.
    let by = antes_de(s).unwrap_or_else(|| format!("antes del {}", dia(s, s.ask_by_day())));
    let con = aprobador(s)
        .map(|a| format!(" con {a}"))
        .unwrap_or_default();
    match (via, tone) {
        (Via::Text, Tone::Warm) => Draft::text(fit_text(&reason, |r| {
            format!(
                "{hi} una sola petición: ¿podemos reservar 20 minutos{con} {by}? Sería para decidir el siguiente paso en esto: {r}.{}",
                guion(s)
            )
        })),
        (Via::Text, Tone::Direct) => Draft::text(fit_text(&reason, |r| {
            format!(
                "{hi} antes de enviarle nada más: ¿me dedica 20 minutos {by}? La idea es decidir juntos sobre esto: {r}.{}",
                guion(s)
            )
        })),
        (Via::Call, Tone::Warm) => Draft::call(
            format!(
                "{} En lugar de enviarle más material, le pido una sola cosa: 20 minutos{con} {by} para decidir el siguiente paso en esto: {}. Llámeme y buscamos la hora.",
                saludo_voz(s),
                razon(s, 90)
            ),
            [
                format!("¿Qué necesitaría ver para decidir {by}?"),
                "¿Quién más debe estar en la reunión para dar el sí?".to_string(),
            ],
        ),
        (Via::Call, Tone::Direct) => Draft::call(
            format!(
                "{} Antes de enviarle nada más, le pido 20 minutos{con} {by}. Sería para decidir sobre esto: {}. Llámeme y fijamos la hora.",
                saludo_voz(s),
                razon(s, 90)
            ),
            [
                format!("¿Qué le falta para decidir {by}?"),
                "¿Quién más tiene que dar el sí?".to_string(),
            ],
        ),
        (Via::Email, Tone::Warm) => Draft::email(
            "20 minutos para decidir",
            format!(
                "{hi}\n\nLe he enviado bastante material. En lugar de sumar más, le hago una sola petición: ¿podemos reservar 20 minutos{con} {by} para decidir el siguiente paso en esto: {}?{}\n\n{}{}",
                razon(s, 140),
                fecha_clave(s),
                s.closing(&[
                    "Si ya no es una prioridad, una línea diciéndomelo me ayuda igual.",
                    "Si no es buen momento, dígame cuándo le vendría mejor y esperaré hasta entonces.",
                    "Y si el tema ha bajado en su lista, un no breve me ayuda igual.",
                ]),
                firma(s)
            ),
        ),
        (Via::Email, Tone::Direct) => Draft::email(
            "Su siguiente paso",
            format!(
                "{hi}\n\nAntes de enviarle nada más: ¿puede dedicarme 20 minutos{con} {by} para decidir sobre esto: {}? {}{}",
                razon(s, 140),
                s.closing(&[
                    "Un sí, un no o un «todavía no» me sirven igual.",
                    "Cualquier respuesta me ayuda a planificar, también un no.",
                    "Basta con una línea de respuesta, en un sentido u otro.",
                ]),
                firma(s)
            ),
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Discovery: no recorded reason, so ask for it.
// ---------------------------------------------------------------------------------------------

fn discovery(via: Via, tone: Tone, s: &Slots) -> Draft {
    let hi = hola(s);
    match (via, tone) {
        (Via::Text, Tone::Warm) => Draft::text(format!(
            "{hi} antes de enviarle nada más, quiero entender su punto de vista. ¿Qué quiere cambiar en su equipo, y hay una fecha que lo haga importante ahora?{}",
            guion(s)
        )),
        (Via::Text, Tone::Direct) => Draft::text(format!(
            "{hi} una pregunta: ¿qué haría que esto valga la pena para su equipo, y para cuándo?{}",
            guion(s)
        )),
        (Via::Call, Tone::Warm) => Draft::call(
            format!(
                "{} Antes de enviarle nada más, quiero entender esto desde su lado. ¿Qué quiere que cambie en su equipo, y hay una fecha que lo haga importante ahora? {}",
                saludo_voz(s),
                llameme(s)
            ),
            [
                "¿Qué le llevó a interesarse por esto?".to_string(),
                "Si todo saliera perfecto, ¿qué sería distinto en su equipo dentro de tres meses?"
                    .to_string(),
            ],
        ),
        (Via::Call, Tone::Direct) => Draft::call(
            format!(
                "{} Una pregunta antes de seguir: ¿qué tendría que cambiar en su equipo para que esto valga la pena, y para cuándo? Llámeme cuando tenga dos minutos.",
                saludo_voz(s)
            ),
            [
                "¿Qué es lo principal que esto tiene que resolver para usted?".to_string(),
                "¿Hay una fecha que lo haga importante ahora?".to_string(),
            ],
        ),
        (Via::Email, Tone::Warm) => Draft::email(
            "¿Qué busca su equipo?",
            format!(
                "{hi}\n\n{}Antes de enviarle nada más, me gustaría entender esto desde su lado. ¿Qué quiere que cambie en su equipo, y hay una fecha que lo haga importante ahora?\n\n{}{}",
                gracias(s),
                s.closing(&[
                    "Con dos líneas basta: su respuesta guiará lo que le envíe después.",
                    "Me basta una respuesta corta, y guiará lo que le envíe después.",
                    "Incluso una respuesta aproximada me ayuda: me dice qué vale la pena enviarle.",
                ]),
                firma(s)
            ),
        ),
        (Via::Email, Tone::Direct) => Draft::email(
            "Una pregunta antes de seguir",
            format!(
                "{hi}\n\nUna pregunta antes de seguir: ¿qué tendría que cambiar en su equipo para que esto valga la pena, y para cuándo? {}{}",
                s.closing(&[
                    "Con dos líneas basta. Su respuesta decide lo que le envío después.",
                    "Basta con una línea: decide lo que le envío después.",
                    "Una respuesta aproximada está bien: decide si le envío algo o no.",
                ]),
                firma(s)
            ),
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Reason feedback: name their reason and ask whether we still serve it.
// ---------------------------------------------------------------------------------------------

fn reason_feedback(via: Via, tone: Tone, s: &Slots) -> Draft {
    let Some(reason) = s.reason.clone() else {
        return discovery(via, tone, s);
    };
    let hi = hola(s);
    match (via, tone) {
        (Via::Text, Tone::Warm) => Draft::text(fit_text(&reason, |r| {
            format!(
                "{hi} me dijo que lo importante es esto: {r}. ¿Nuestra propuesta le sigue sirviendo para eso, o hay algo que se interpone?{}",
                guion(s)
            )
        })),
        (Via::Text, Tone::Direct) => Draft::text(fit_text(&reason, |r| {
            format!(
                "{hi} sobre esto: {r}. ¿Seguimos siendo la vía adecuada? Un sí, un no o un «todavía no» me sirven.{}",
                guion(s)
            )
        })),
        (Via::Call, Tone::Warm) => Draft::call(
            format!(
                "{} Me dijo que lo importante es esto: {}. Me gustaría saber con franqueza si nuestra propuesta le sigue sirviendo para eso, o qué se lo impide. {}",
                saludo_voz(s),
                razon(s, 100),
                llameme(s)
            ),
            [
                format!(
                    "La última vez me dijo que el objetivo era esto: {}. ¿Sigue siendo la prioridad?",
                    razon(s, 60)
                ),
                format!(
                    "¿Qué tendría que cambiar en nuestra propuesta para lograrlo{}?",
                    antes_fecha(s)
                ),
            ],
        ),
        (Via::Call, Tone::Direct) => Draft::call(
            format!(
                "{} Una pregunta rápida sobre esto: {}. ¿Seguimos siendo la vía adecuada para lograrlo? Un sí, un no o un «todavía no» me sirven. {}",
                saludo_voz(s),
                razon(s, 100),
                llameme(s)
            ),
            [
                format!(
                    "Sobre esto: {}. ¿Sigue siendo su prioridad{}?",
                    razon(s, 60),
                    s.deadline
                        .map(|d| format!(" de cara al {}", fecha(s, d)))
                        .unwrap_or_default()
                ),
                "¿Qué está frenando la decisión?".to_string(),
            ],
        ),
        (Via::Email, Tone::Warm) => Draft::email(
            s.subject(&match s.deadline {
                // The subjects name their date when there is one: it is what the check is for.
                Some(d) => {
                    let d = fecha(s, d);
                    vec![
                        format!("Rumbo al {d}"),
                        format!("Su fecha del {d}"),
                        format!("Planificando hacia el {d}"),
                    ]
                }
                None => vec![
                    "¿Sigue en pie el plan?".to_string(),
                    "Sus prioridades, en breve".to_string(),
                    "¿El plan sigue siendo el correcto?".to_string(),
                ],
            }),
            format!(
                "{hi}\n\n{}Cuando hablamos, me dijo que lo más importante es esto: {}.{}{}\n\n{}{}",
                gracias(s),
                razon(s, 140),
                objetivo(s),
                fecha_clave(s),
                s.closing(&[
                    "¿Lo que le propusimos le sigue sirviendo para eso? Si algo no encaja, lo ajusto. Y si la prioridad ha cambiado, también me ayuda saberlo.",
                    "¿Nuestra propuesta sigue siendo el camino para llegar ahí? Si alguna parte ya no encaja, dígame cuál y la cambio. Un cambio de prioridades también es útil saberlo.",
                    "Dígame con franqueza si el plan que hablamos sigue sirviendo a ese objetivo. Si algo falla, nómbrelo y lo rehago.",
                ]),
                firma(s)
            ),
        ),
        (Via::Email, Tone::Direct) => Draft::email(
            s.subject(&[
                "Sí, no o todavía no".to_string(),
                "¿En qué punto estamos?".to_string(),
                "¿Seguimos, o no?".to_string(),
            ]),
            format!(
                "{hi}\n\nMe dijo que el objetivo es esto: {}.{} {}{}",
                razon(s, 140),
                fecha_clave(s),
                s.closing(&[
                    "¿Somos la vía adecuada para lograrlo? Un sí, un no o un «todavía no» me ayudan a planificar.",
                    "¿Sigue valiendo la pena hacerlo juntos? Cualquier respuesta, incluso un no, me ayuda a planificar.",
                    "¿Seguimos adelante con esto? Basta con una línea de respuesta, y un no me ayuda tanto como un sí.",
                ]),
                firma(s)
            ),
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Approver check: what did the person who signs off think, in terms of the buyer's reason.
// ---------------------------------------------------------------------------------------------

fn approver_check(via: Via, tone: Tone, s: &Slots) -> Draft {
    let Some(who) = aprobador(s) else {
        return reason_feedback(via, tone, s);
    };
    let Some(reason) = s.reason.clone() else {
        return discovery(via, tone, s);
    };
    let hi = hola(s);
    // A long approver ("Maria Chen, CFO of the Northern region") stays out of the subject.
    let short_who = who.split_whitespace().count() <= 4;
    match (via, tone) {
        (Via::Text, Tone::Warm) => Draft::text(fit_text(&reason, |r| {
            format!(
                "{hi} ¿qué le pareció a {who}, pensando en su objetivo: {r}? Si le sirve, le preparo un resumen de una página.{}",
                guion(s)
            )
        })),
        (Via::Text, Tone::Direct) => Draft::text(fit_text(&reason, |r| {
            format!(
                "{hi} ¿cómo lo ve {who}? Si algo no sirve a su objetivo ({r}), lo corrijo.{}",
                guion(s)
            )
        })),
        (Via::Call, Tone::Warm) => Draft::call(
            format!(
                "{} Me gustaría saber qué le pareció la propuesta a {who}, pensando en lo que usted quiere lograr: {}. Si le sirve un resumen breve para presentárselo, lo preparo. {}",
                saludo_voz(s),
                razon(s, 90),
                llameme(s)
            ),
            [
                format!("¿Qué le pareció a {who}?"),
                format!("¿Qué necesitaría ver {who} para decir que sí{}?", antes_fecha(s)),
            ],
        ),
        (Via::Call, Tone::Direct) => Draft::call(
            format!(
                "{} ¿Cómo ve {who} la propuesta? Si algo no sirve a su objetivo ({}), quiero corregirlo antes de la decisión. {}",
                saludo_voz(s),
                razon(s, 90),
                llameme(s)
            ),
            [
                format!("¿Ha visto ya {who} la propuesta?"),
                format!("¿Qué es lo que más le preocupa a {who}?"),
            ],
        ),
        (Via::Email, Tone::Warm) => Draft::email(
            if short_who {
                format!("¿Qué opinó {who}?")
            } else {
                "La opinión de quien aprueba".to_string()
            },
            format!(
                "{hi}\n\nMe comentó que {who} tiene que dar el visto bueno. ¿Qué opinó de la propuesta, pensando en lo que usted quiere lograr: {}?{}\n\n{}{}",
                razon(s, 140),
                fecha_clave(s),
                s.closing(&[
                    "Si le ayuda un resumen de una página para presentarlo, lo preparo con gusto en torno a ese objetivo.",
                    "Puedo redactar una nota breve que presente la propuesta desde ese ángulo, si le sirve.",
                    "Si surgen preguntas que yo pueda responder directamente, me sumo con gusto a una llamada breve con ustedes dos.",
                ]),
                firma(s)
            ),
        ),
        (Via::Email, Tone::Direct) => Draft::email(
            if short_who {
                format!("¿Cómo lo ve {who}?")
            } else {
                "Su aprobación interna".to_string()
            },
            format!(
                "{hi}\n\n¿Cómo ve {who} la propuesta? Si algo en ella no sirve a su objetivo ({}), dígamelo y lo corrijo antes de la decisión.{}",
                razon(s, 140),
                firma(s)
            ),
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// New value: a long silence with a known reason; one useful thing, never a nudge.
// ---------------------------------------------------------------------------------------------

fn new_value(via: Via, tone: Tone, s: &Slots) -> Draft {
    let Some(reason) = s.reason.clone() else {
        return discovery(via, tone, s);
    };
    let hi = hola(s);
    // The plan works back from their date, or from a date they have not named yet.
    let desde = s
        .deadline
        .map(|d| format!("el {}", fecha(s, d)))
        .unwrap_or_else(|| "su fecha objetivo".to_string());
    match (via, tone) {
        (Via::Text, Tone::Warm) => Draft::text(fit_text(&reason, |r| {
            format!(
                "{hi} una idea para esto: {r}. Un plan breve que cuenta hacia atrás desde {desde}. ¿Se lo envío?{}",
                guion(s)
            )
        })),
        (Via::Text, Tone::Direct) => Draft::text(fit_text(&reason, |r| {
            format!(
                "{hi} ¿le ayudaría un plan de una página para esto: {r}? Se lo puedo enviar hoy.{}",
                guion(s)
            )
        })),
        (Via::Call, Tone::Warm) => Draft::call(
            format!(
                "{} He pensado en lo que me dijo que importa: {}. Me gustaría enviarle un plan breve que cuente hacia atrás desde {desde}. Así verá qué tiene que pasar y cuándo. Llámeme, o escríbame una línea y se lo envío.",
                saludo_voz(s),
                razon(s, 90)
            ),
            [
                format!(
                    "Sobre esto: {}. ¿Sigue siendo la prioridad?",
                    razon(s, 60)
                ),
                "¿Qué ha cambiado por su lado desde la última vez que hablamos?".to_string(),
            ],
        ),
        (Via::Call, Tone::Direct) => Draft::call(
            format!(
                "{} ¿Le ayudaría un plan de una página para esto: {}? Se lo puedo enviar hoy. {}",
                saludo_voz(s),
                razon(s, 90),
                llameme(s)
            ),
            [
                "¿Qué haría que un plan así le fuera útil?".to_string(),
                format!(
                    "Sobre esto: {}. ¿Sigue siendo la prioridad?",
                    razon(s, 60)
                ),
            ],
        ),
        (Via::Email, Tone::Warm) => Draft::email(
            "Una idea para su plan",
            format!(
                "{hi}\n\nHe pensado en lo que me dijo que más importa: {}.{}{}\n\nUna idea que puede ayudar: un plan breve que cuenta hacia atrás desde {desde} y muestra qué debe pasar cada semana. {}{}",
                razon(s, 140),
                objetivo(s),
                fecha_clave(s),
                s.closing(&[
                    "¿Le sería útil? Si es así, se lo envío; no hace falta una llamada.",
                    "¿Quiere que se lo envíe? Se lee en dos minutos y no hace falta una llamada.",
                    "Si le ayuda, dígamelo y lo tendrá esta semana, sin llamada.",
                ]),
                firma(s)
            ),
        ),
        (Via::Email, Tone::Direct) => Draft::email(
            "Un plan de una página",
            format!(
                "{hi}\n\n¿Le ayudaría un plan de una página para lograr esto: {}? Mostraría qué debe pasar, semana a semana{}. {}{}",
                razon(s, 140),
                s.deadline
                    .map(|d| format!(", hasta el {}", fecha(s, d)))
                    .unwrap_or_default(),
                s.closing(&[
                    "Con una línea suya, se lo envío.",
                    "Basta un sí y sale hoy mismo.",
                    "Responda que sí y lo tendrá en el día.",
                ]),
                firma(s)
            ),
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Walk away: a respectful close, no guilt, one clear way back.
// ---------------------------------------------------------------------------------------------

/// "el objetivo que me describió (…)" or "este tema": used only after a verb or after "con"
/// and "sobre", never after "de" or "a" (which would need "del", "al").
fn lo_suyo(reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("el objetivo que me describió ({r})"),
        None => "este tema".to_string(),
    }
}

fn walk_away(via: Via, tone: Tone, s: &Slots) -> Draft {
    let hi = hola(s);
    let reason = s.reason.clone();
    let known = reason.is_some();
    let it = |max: usize| lo_suyo(s.reason_max(max).as_deref());
    match (via, tone) {
        (Via::Text, Tone::Warm) => Draft::text(fit_text(reason.as_deref().unwrap_or(""), |r| {
            format!(
                "{hi} parece que {} no es una prioridad ahora mismo. Por eso dejo de escribirle. Si algo cambia, responda aquí y lo retomamos.{}",
                lo_suyo(known.then_some(r)),
                guion(s)
            )
        })),
        (Via::Text, Tone::Direct) => Draft::text(fit_text(reason.as_deref().unwrap_or(""), |r| {
            format!(
                "{hi} por ahora doy un paso atrás con {}: no parece que encajemos en este momento. Si eso cambia, responda aquí.{}",
                lo_suyo(known.then_some(r)),
                guion(s)
            )
        })),
        (Via::Call, Tone::Warm) => Draft::call(
            format!(
                "{} Parece que {} no es una prioridad ahora mismo, así que doy un paso atrás y no volveré a llamar. Si eso cambia, llámeme y retomamos donde lo dejamos. Le deseo lo mejor.",
                saludo_voz(s),
                it(90)
            ),
            [
                "¿Sigue siendo algo que quiera resolver?".to_string(),
                "Si no es ahora, ¿cuándo sería un mejor momento para hablar?".to_string(),
            ],
        ),
        (Via::Call, Tone::Direct) => Draft::call(
            format!(
                "{} Por ahora doy un paso atrás con {}, porque no parece que encajemos en este momento. Si eso cambia, llámeme.",
                saludo_voz(s),
                it(90)
            ),
            [
                "¿Hay todavía un problema aquí que quiera resolver?".to_string(),
                "¿Qué tendría que cumplirse para que esto valga la pena?".to_string(),
            ],
        ),
        (Via::Email, Tone::Warm) => Draft::email(
            "Doy un paso atrás",
            format!(
                "{hi}\n\nParece que {} no es una prioridad para su equipo ahora mismo. Por eso dejo de escribirle y no le quito más tiempo. Lo entiendo perfectamente.\n\nSi algo cambia, responda a este correo y retomamos donde lo dejamos.{}",
                it(140),
                firma(s)
            ),
        ),
        (Via::Email, Tone::Direct) => Draft::email(
            "Lo dejo aquí por ahora",
            format!(
                "{hi}\n\nDejo de escribirle sobre {}: no parece que encajemos en este momento, y prefiero no quitarle tiempo. Si eso cambia, responda aquí y lo retomamos.{}",
                it(140),
                firma(s)
            ),
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Close out: they said no, or the deal died months ago; close the loop, one way back.
// ---------------------------------------------------------------------------------------------

/// "Si el objetivo que me describió (…) vuelve a ser prioridad" or "Si esto vuelve a ser
/// prioridad".
fn si_vuelve(reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("Si el objetivo que me describió ({r}) vuelve a ser prioridad"),
        None => "Si esto vuelve a ser prioridad".to_string(),
    }
}

/// A first message to the person named in place of a contact who left: who writes, with whom
/// they worked, what was under way, and one question. Nothing is quoted as theirs.
fn presentarse(via: Via, tone: Tone, s: &Slots) -> Draft {
    let Some(h) = &s.handover else {
        return discovery(via, tone, s);
    };
    let hi = hola(s);
    let quien = h.from.clone().unwrap_or_else(|| "su colega".to_string());
    // Opening a sentence (after "soy Jordan.").
    let quien_al_inicio = h.from.clone().unwrap_or_else(|| "Su colega".to_string());
    let aviso = fecha(s, h.noticed_on);
    let soy = match (&s.rep, &s.signature) {
        (Some(r), Some(f)) => format!("Soy {r} ({f}). "),
        (Some(r), None) => format!("Soy {r}. "),
        _ => String::new(),
    };
    let en_curso = h
        .last_sent
        .as_ref()
        .map(|(d, subject)| {
            format!(
                " Lo último que le envié fue «{subject}», el {}.",
                fecha(s, *d)
            )
        })
        .unwrap_or_default();
    match (via, tone) {
        (Via::Text, Tone::Warm) => Draft::text(format!(
            "{hi} trabajaba con {quien} en un proyecto con su equipo, y una respuesta del {aviso} le indica a usted como contacto. ¿Es usted la persona indicada?{}",
            guion(s)
        )),
        (Via::Text, Tone::Direct) => Draft::text(format!(
            "{hi} {quien} y yo teníamos un proyecto en marcha, y me indican que ahora lo lleva usted. ¿Es así?{}",
            guion(s)
        )),
        (Via::Call, Tone::Warm) => Draft::call(
            format!(
                "{} Trabajaba con {quien} en un proyecto con su equipo, y una respuesta del {aviso} le indica a usted como la persona de contacto. Quería confirmar si ahora es suyo. Llámeme cuando le venga bien.",
                saludo_voz(s)
            ),
            [
                format!("¿Es usted quien lleva ahora lo que {quien} trabajaba con nosotros?"),
                "¿Qué le sería más útil saber sobre el punto en el que estamos?".to_string(),
            ],
        ),
        (Via::Call, Tone::Direct) => Draft::call(
            format!(
                "{} {quien_al_inicio} y yo teníamos un proyecto en marcha, y me indican que ahora lo lleva usted. Me ayudaría que me confirme si es así. Llámeme cuando le venga bien.",
                saludo_voz(s)
            ),
            [
                format!("¿Lleva usted ahora lo que {quien} trabajaba con nosotros?"),
                "¿Quién más debería estar al tanto por su parte?".to_string(),
            ],
        ),
        (Via::Email, Tone::Warm) => Draft::email(
            format!("El proyecto con {}", primer_nombre(&quien)),
            format!(
                "{hi}\n\n{soy}He estado trabajando con {quien} en un proyecto con su equipo.{en_curso} Una respuesta del {aviso} le indica a usted como la persona de contacto.\n\n¿Es usted la persona indicada para este tema, o hay alguien mejor situado? Si le sirve, le envío un breve resumen de cómo están las cosas.{}",
                firma(s)
            ),
        ),
        (Via::Email, Tone::Direct) => Draft::email(
            "¿Quién lleva ahora este tema?".to_string(),
            format!(
                "{hi}\n\n{soy}{} y yo teníamos un proyecto en marcha.{en_curso} Una respuesta del {aviso} le indica a usted como contacto. ¿Lo lleva usted ahora, o debo hablar con otra persona?{}",
                if soy.is_empty() { &quien } else { &quien_al_inicio },
                firma(s)
            ),
        ),
    }
}

/// The first word of a name ("Dana Whitfield" → "Dana"), for a short subject.
fn primer_nombre(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// Nothing is wrong and a meeting is booked: confirm it and ask what to prepare.
fn confirmar(via: Via, tone: Tone, s: &Slots) -> Draft {
    let Some(d) = s.meeting else {
        return discovery(via, tone, s);
    };
    let hi = hola(s);
    let el_dia = dia(s, d);
    let foco = s
        .reason_max(120)
        .map(|r| format!(" La centraré en lo que le importa: {r}."))
        .unwrap_or_default();
    match (via, tone) {
        (Via::Text, Tone::Warm) => Draft::text(format!(
            "{hi} espero con interés nuestra reunión del {el_dia}. ¿Quiere que prepare algo?{}",
            guion(s)
        )),
        (Via::Text, Tone::Direct) => Draft::text(format!(
            "{hi} le confirmo nuestra reunión del {el_dia}. Si hay que añadir algo, responda aquí.{}",
            guion(s)
        )),
        (Via::Call, _) => Draft::call(
            format!(
                "{} Le llamo para confirmar nuestra reunión del {el_dia} y saber si quiere que prepare algo. Llámeme cuando le venga bien.",
                saludo_voz(s)
            ),
            [
                format!("¿Quiere que prepare algo para el {el_dia}?"),
                "¿Debería unirse alguien más de su lado?".to_string(),
            ],
        ),
        (Via::Email, Tone::Warm) => Draft::email(
            s.subject(&[
                format!("Nuestra reunión del {}", fecha(s, d)),
                format!("Antes del {el_dia}"),
            ]),
            format!(
                "{hi}\n\nEspero con interés nuestra reunión del {el_dia}.{foco}\n\nPara que el tiempo le resulte útil: ¿quiere que prepare o lleve algo, o que se sume alguien más?{}",
                firma(s)
            ),
        ),
        (Via::Email, Tone::Direct) => Draft::email(
            s.subject(&[format!("Confirmo el {}", fecha(s, d))]),
            format!(
                "{hi}\n\nLe escribo para confirmar nuestra reunión del {el_dia}.{foco} Si quiere tratar algo más, responda a este correo y lo añado al orden del día.{}",
                firma(s)
            ),
        ),
    }
}

fn close_out(via: Via, tone: Tone, s: &Slots) -> Draft {
    let hi = hola(s);
    let reason = s.reason.clone();
    let known = reason.is_some();
    let back = |max: usize| si_vuelve(s.reason_max(max).as_deref());
    match (via, tone) {
        (Via::Text, Tone::Warm) => Draft::text(fit_text(reason.as_deref().unwrap_or(""), |r| {
            format!(
                "{hi} gracias por su tiempo con este tema. Lo cierro por mi parte. {}, basta con responder aquí.{}",
                si_vuelve(known.then_some(r)),
                guion(s)
            )
        })),
        (Via::Text, Tone::Direct) => Draft::text(fit_text(reason.as_deref().unwrap_or(""), |r| {
            format!(
                "{hi} cierro este tema por mi parte para no ocupar más su bandeja de entrada. {}, responda aquí.{}",
                si_vuelve(known.then_some(r)),
                guion(s)
            )
        })),
        (Via::Call, Tone::Warm) => Draft::call(
            format!(
                "{} Le llamo solo para cerrar el tema: lo doy por cerrado por mi parte, y le agradezco su tiempo. {}, llámeme.",
                saludo_voz(s),
                back(90)
            ),
            [
                "¿Hubo algo que pudiéramos hacer de otra manera?".to_string(),
                "¿Hay un mejor momento para retomarlo, o prefiere que lo deje aquí?".to_string(),
            ],
        ),
        (Via::Call, Tone::Direct) => Draft::call(
            format!(
                "{} Hoy cierro este tema por mi parte. {}, llámeme.",
                saludo_voz(s),
                back(90)
            ),
            [
                "¿Qué inclinó la decisión? Me sirve para aprender.".to_string(),
                "¿Prefiere que le escriba más adelante, y cuándo?".to_string(),
            ],
        ),
        (Via::Email, Tone::Warm) => Draft::email(
            "Cierro el tema",
            format!(
                "{hi}\n\nGracias por su tiempo con este tema. Lo cierro por mi parte, así que no volverá a saber de mí sobre esto, salvo que usted quiera.\n\n{}, responda a este correo y lo retomamos.{}",
                back(140),
                firma(s)
            ),
        ),
        (Via::Email, Tone::Direct) => Draft::email(
            "Cierro este tema por mi parte",
            format!(
                "{hi}\n\nGracias por su atención hasta aquí. Hoy cierro este tema por mi parte, para no quitarle más tiempo. {}, basta con responder a este correo.{}",
                back(140),
                firma(s)
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::lang_tests::{self, day};
    use super::super::slots::Request;
    use super::*;

    /// Sunday 29 November 2026.
    fn now() -> Day {
        lang_tests::row(Lang::Es).now
    }

    /// Every slot filled.
    fn full() -> Slots {
        lang_tests::full(Lang::Es)
    }

    /// Nothing known but the day.
    fn empty() -> Slots {
        lang_tests::bare(Lang::Es)
    }

    /// Text with the « » quotes (the buyer's words) taken out.
    fn unquoted(text: &str) -> String {
        lang_tests::unquoted(Lang::Es, text)
    }

    #[test]
    fn greeting_with_and_without_a_name() {
        let s = full();
        assert_eq!(hola(&s), "Hola Dana,");
        assert_eq!(hola(&empty()), "Hola,");
        let d = draft(Drafted::Discovery, Channel::Text, Tone::Direct, &empty());
        assert_eq!(
            d.text,
            "Hola, una pregunta: ¿qué haría que esto valga la pena para su equipo, y para cuándo?"
        );
        assert_eq!(saludo_voz(&s), "Hola Dana, soy Jordan Reyes.");
        assert_eq!(saludo_voz(&empty()), "Hola.");
        let dr = Slots {
            first_name: Some("Dr. Patel".into()),
            ..empty()
        };
        assert!(draft(Drafted::CloseOut, Channel::Email, Tone::Warm, &dr)
            .text
            .starts_with("Hola Dr. Patel,\n\n"));
    }

    #[test]
    fn dates_and_deadlines_in_spanish() {
        let s = full();
        assert_eq!(fecha(&s, day(2026, 3, 14)), "14 de marzo");
        assert_eq!(fecha(&s, day(2027, 2, 1)), "1 de febrero de 2027");
        assert_eq!(
            fecha_clave(&s),
            " Su fecha clave es el 11 de diciembre, dentro de 12 días. Quiero que nada por nuestra parte frene su avance."
        );
        // Their date in three days (Wednesday 2 December): the ask names Tuesday.
        let near = Slots {
            deadline: Some(now().plus(3)),
            ..full()
        };
        assert_eq!(
            antes_de(&near).as_deref(),
            Some("antes del martes 1 de diciembre")
        );
        assert_eq!(
            llameme(&near),
            "Llámeme antes del martes 1 de diciembre; así llegamos con margen a su fecha."
        );
        assert_eq!(llameme(&s), "Llámeme cuando le venga bien.");
        assert_eq!(
            gracias(&s),
            "Gracias por su correo del 26 de noviembre («Piloto de seguimiento GPS»). "
        );
        // Without the optional slots, their sentences disappear.
        let c = s.compact(2);
        assert_eq!(gracias(&c), "");
        assert_eq!(objetivo(&c), "");
        assert_eq!(fecha_clave(&c), "");
    }

    #[test]
    fn the_approver_is_named_in_spanish() {
        let s = Slots {
            approver: Some("your CFO".into()),
            ..full()
        };
        let d = draft(Drafted::ApproverCheck, Channel::Email, Tone::Warm, &s);
        assert_eq!(d.subject.as_deref(), Some("¿Qué opinó su CFO?"));
        assert!(!d.text.contains("your"), "{}", d.text);
        assert_eq!(aprobador(&full()).as_deref(), Some("Maria Chen"));
    }

    #[test]
    fn commitment_asks_for_one_dated_step() {
        let s = Slots {
            rep: None,
            signature: None,
            approver: None,
            reason: Some("bajar los costes de flota".into()),
            ..full()
        };
        let d = draft(Drafted::Commitment, Channel::Text, Tone::Warm, &s);
        // No deadline near: five days from Sunday 29 November is Friday 4 December.
        assert_eq!(
            d.text,
            "Hola Dana, una sola petición: ¿podemos reservar 20 minutos antes del viernes 4 de diciembre? Sería para decidir el siguiente paso en esto: bajar los costes de flota."
        );
    }

    #[test]
    fn exact_emails() {
        let s = Slots {
            reason: Some("bajar los costes de flota".into()),
            goal: None,
            deadline: None,
            last_exchange: None,
            signature: None,
            ..full()
        };
        let d = draft(Drafted::ReasonFeedback, Channel::Email, Tone::Direct, &s);
        assert_eq!(d.subject.as_deref(), Some("Sí, no o todavía no"));
        assert_eq!(
            d.text,
            "Hola Dana,\n\nMe dijo que el objetivo es esto: bajar los costes de flota. ¿Somos la vía adecuada para lograrlo? Un sí, un no o un «todavía no» me ayudan a planificar.\n\nJordan Reyes"
        );
        let d = draft(Drafted::WalkAway, Channel::Email, Tone::Warm, &empty());
        assert_eq!(d.subject.as_deref(), Some("Doy un paso atrás"));
        assert_eq!(
            d.text,
            "Hola,\n\nParece que este tema no es una prioridad para su equipo ahora mismo. Por eso dejo de escribirle y no le quito más tiempo. Lo entiendo perfectamente.\n\nSi algo cambia, responda a este correo y retomamos donde lo dejamos."
        );
    }

    #[test]
    fn answers_quote_the_buyer_and_never_paste_the_english_thing() {
        let s = Slots {
            request: Some(Request {
                quote: "Please send the order form and I'll get it signed this week.".into(),
                thing: Some("the order form".into()),
                day: now().plus(-3),
            }),
            ..full()
        };
        for channel in [Channel::Email, Channel::Text, Channel::Call] {
            for tone in [Tone::Warm, Tone::Direct] {
                let d = draft(Drafted::Answer, channel, tone, &s);
                let all = format!(
                    "{} {} {}",
                    d.subject.clone().unwrap_or_default(),
                    d.text,
                    d.openers.join(" ")
                );
                // Their words appear only inside their quote.
                assert!(all.contains("«Please send the order form"), "{all}");
                assert!(!unquoted(&all).contains("order form"), "{all}");
                assert!(all.contains("lo que me pidió"), "{all}");
            }
        }
        let d = draft(Drafted::Answer, Channel::Email, Tone::Warm, &full());
        assert_eq!(d.subject.as_deref(), Some("Sobre su pregunta"));
        assert!(d.text.starts_with(
            "Hola Dana,\n\nDisculpe la espera. Me preguntó: «¿Nos pueden enviar la propuesta revisada con el precio del SSO?». Tendrá mi respuesta completa hoy."
        ));
    }
}
