//! What no draft says, per message language: the one table of those words, for the tests that
//! hold every draft to it.
//!
//! - `phrases`: pressure (false urgency, scarcity, guilt, ultimatums). tests/message_lint.rs
//!   fails on any of them, matched as whole words, in any draft the composer writes.
//! - `nudges`: the language's own nudging and pushy words the drafts avoid as well ("relance",
//!   "nachhaken", "seguimiento"). The language harness (`lang_tests`) fails on these and on the
//!   pressure phrases, also inside longer words, in every kind, channel and tone.
//!
//! The follow-up phrases the risk score counts are `phrases::DEFAULT_CONTENT_FREE` and
//! `listen::CONTENT_FREE_MORE`; no draft may say those either. Nothing here runs in the product:
//! the drafts are written never to say these words, and the tests check that they do not.

use crate::core::lang::Lang;

/// Pressure phrases a draft in `lang` never says: lowercase, as the language writes them.
pub fn phrases(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "last chance",
            "final chance",
            "last opportunity",
            "before it's too late",
            "too late",
            "act now",
            "act fast",
            "hurry",
            "limited time",
            "time is running out",
            "running out of time",
            "final notice",
            "final reminder",
            "last reminder",
            "final offer",
            "best and final",
            "final attempt",
            "last attempt",
            "one last time",
            "now or never",
            "don't miss out",
            "don't miss this",
            "expires today",
            "offer expires",
            "won't last",
            "while supplies last",
            "only a few left",
            "price goes up",
            "prices go up",
            "urgent",
            "urgently",
            "asap",
            "as soon as possible",
            "immediately",
            "right away",
            "you must",
            "i need an answer",
            "i need your decision",
            "ignoring me",
            "ignored my",
            "why haven't you",
        ],
        Lang::Fr => &[
            "dernière chance",
            "dernière occasion",
            "dernier rappel",
            "dernière relance",
            "avant qu'il ne soit trop tard",
            "trop tard",
            "urgent",
            "urgente",
            "urgence",
            "de toute urgence",
            "immédiatement",
            "tout de suite",
            "au plus vite",
            "dès que possible",
            "le plus rapidement possible",
            "offre limitée",
            "durée limitée",
            "offre finale",
            "maintenant ou jamais",
            "ne manquez pas",
            "ne ratez pas",
            "vous devez",
            "sans réponse de votre part",
            "j'exige",
            "pourquoi ne m'avez-vous pas",
        ],
        Lang::De => &[
            "letzte chance",
            "letzte gelegenheit",
            "letzte erinnerung",
            "letztmalig",
            "zu spät",
            "dringend",
            "eilig",
            "sofort",
            "umgehend",
            "unverzüglich",
            "so schnell wie möglich",
            "schnellstmöglich",
            "nur noch heute",
            "begrenzte zeit",
            "endgültiges angebot",
            "jetzt oder nie",
            "verpassen sie nicht",
            "sie müssen",
            "ich brauche eine antwort",
            "warum haben sie nicht",
        ],
        Lang::Es => &[
            "última oportunidad",
            "último recordatorio",
            "último aviso",
            "demasiado tarde",
            "urgente",
            "urgentemente",
            "de inmediato",
            "inmediatamente",
            "lo antes posible",
            "cuanto antes",
            "tiempo limitado",
            "oferta final",
            "ahora o nunca",
            "no se lo pierda",
            "no te lo pierdas",
            "usted debe",
            "debe usted",
            "necesito una respuesta",
            "por qué no me ha",
        ],
    }
}

/// The nudging and pushy words a draft in `lang` avoids besides the pressure phrases.
pub fn nudges(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[],
        Lang::Fr => &["sans faute", "relance", "nouvelles", "je reviens"],
        Lang::De => &[
            "nachhaken",
            "nachfragen",
            "neuigkeiten",
            "erinnerung",
            "gelegenheit",
            "melde mich nochmal",
            "leider",
            "warum haben sie",
        ],
        Lang::Es => &["sin falta", "seguimiento", "novedad", "recordatorio"],
    }
}
