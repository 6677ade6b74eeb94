//! Whether a note meant for the buyer reads like the rep's private note.
//!
//! The buyer's reason is quoted back to the buyer in the suggested messages ("you said what
//! matters most is this: …"), so it should be in their words. Text that talks *about* them
//! ("his boss is skeptical", "they want …", "their CFO thinks …") or judges them ("cheap,
//! needy") belongs in the private notes, which no message quotes. The popup flags such text
//! and offers to move it; nothing is ever changed or blocked here.
//!
//! The cues, per language as data (`VOICES`; English, French, German and Spanish, matched
//! together, no language guessed):
//! - a third-person subject pronoun (he, she, they, il, elle, er, sie, él, ella …) opening a
//!   sentence, or right after a word of reporting ("I think they …", "je pense qu'il …");
//!   elsewhere in the text it counts only when nothing in the text is in the first person (the
//!   buyer's "we", "our", "I" …): in "our tools are slow and they crash", *they* are the tools;
//! - a third-person possessive opening a sentence ("his boss …", "leur DAF …", "su jefe …");
//! - a third-person verb opening a sentence with no subject, in the rep's shorthand ("wants it
//!   live by May") or in a language that drops the pronoun ("quiere reducir costes");
//! - a word that judges the buyer ("needy", "radin", "geizig", "tacaño"), anywhere.
//!
//! Words are compared whole and lowercased, accents as written (Spanish "él" is *he*, "el" is
//! *the*): a list gives a common unaccented spelling as its own entry where it is no other word.

use super::lang::Lang;

/// A list of words or phrases (lowercase; words separated by one space, as `words` splits them:
/// "tire kicker" matches "tire-kicker" too).
pub(crate) type Words = &'static [&'static str];

/// One language's cues.
pub struct Voice {
    pub lang: Lang,
    /// Third-person subject pronouns.
    pub subjects: Words,
    /// Phrases in which a subject pronoun is no one ("il faut", "il y a"): not a cue.
    pub impersonal: Words,
    /// Third-person possessives: opening a sentence, its subject is someone's ("his boss").
    pub possessives: Words,
    /// Third-person verbs that open a sentence with no subject ("wants", "quiere").
    pub verbs: Words,
    /// Words of reporting or opinion: a pronoun right after them is what someone said or
    /// thought about someone ("I think they", "il dit qu'elle").
    pub reporting: Words,
    /// The first person: the buyer speaking ("we", "our", "I").
    pub first_person: Words,
    /// Words that judge the buyer.
    pub judgments: Words,
}

const EN: Voice = Voice {
    lang: Lang::En,
    subjects: &["he", "she", "they"],
    impersonal: &[],
    possessives: &["his", "her", "their"],
    verbs: &[
        "wants",
        "says",
        "said",
        "thinks",
        "hopes",
        "feels",
        "believes",
        "prefers",
        "hates",
        "likes",
        "loves",
        "worries",
        "complains",
        "refuses",
        "claims",
        "seems",
        "keeps",
    ],
    reporting: &[
        "think",
        "thinks",
        "thought",
        "feel",
        "feels",
        "felt",
        "believe",
        "believes",
        "guess",
        "suspect",
        "said",
        "says",
        "told",
        "heard",
        "apparently",
        "seems",
        "seemed",
        "sounds",
        "looks",
    ],
    first_person: &[
        "i",
        "me",
        "my",
        "mine",
        "myself",
        "we",
        "us",
        "our",
        "ours",
        "ourselves",
    ],
    judgments: &[
        "needy",
        "cheap",
        "cheapskate",
        "stingy",
        "tight fisted",
        "tightwad",
        "penny pincher",
        "penny pinching",
        "pushy",
        "clueless",
        "flaky",
        "flake",
        "lazy",
        "rude",
        "arrogant",
        "greedy",
        "desperate",
        "skeptical",
        "sceptical",
        "skeptic",
        "sceptic",
        "gullible",
        "naive",
        "naïve",
        "incompetent",
        "shady",
        "dodgy",
        "sketchy",
        "tire kicker",
        "tyre kicker",
        "time waster",
        "timewaster",
        "control freak",
        "micromanager",
        "cold feet",
        "ghosting",
        "ghosted",
        "lowball",
        "low ball",
        "lowballing",
        "price shopper",
        "slow payer",
        "late payer",
        "bad payer",
        "high maintenance",
        "picky",
        "fussy",
        "grumpy",
        "liar",
        "stalling",
        "not serious",
        "indecisive",
        "wishy washy",
        "bully",
    ],
};

const FR: Voice = Voice {
    lang: Lang::Fr,
    subjects: &["il", "elle", "ils", "elles"],
    impersonal: &[
        "il faut",
        "il fallait",
        "il faudra",
        "il faudrait",
        "il y",
        "il s agit",
        "il reste",
        "il manque",
        "il vaut",
        "il suffit",
        "il semble",
        "il paraît",
        "il parait",
        "il est temps",
        "il est urgent",
        "il est important",
        "il est nécessaire",
        "il est essentiel",
        "il est indispensable",
        "il est prévu",
        "il est question",
    ],
    possessives: &["son", "sa", "ses", "leur", "leurs"],
    verbs: &[
        "veut",
        "veulent",
        "dit",
        "disent",
        "pense",
        "pensent",
        "trouve",
        "trouvent",
        "croit",
        "croient",
        "souhaite",
        "souhaitent",
        "préfère",
        "préfèrent",
        "hésite",
        "hésitent",
        "refusent",
    ],
    reporting: &[
        "pense",
        "pensons",
        "crois",
        "croit",
        "dit",
        "disent",
        "trouve",
        "semble",
        "paraît",
        "parait",
        "apparemment",
        "selon",
    ],
    first_person: &["je", "j", "moi", "mon", "ma", "mes", "nous", "notre", "nos"],
    judgments: &[
        "radin",
        "radine",
        "pingre",
        "rapiat",
        "grippe sou",
        "pénible",
        "penible",
        "chiant",
        "chiante",
        "relou",
        "casse pieds",
        "sceptique",
        "naïf",
        "incompétent",
        "incompétente",
        "arrogante",
        "paresseux",
        "paresseuse",
        "désespéré",
        "désespérée",
        "mauvais payeur",
        "mauvaise payeuse",
        "pinailleur",
        "pinailleuse",
        "girouette",
        "profiteur",
        "profiteuse",
        "fauché",
        "fauchée",
        "indécis",
        "indécise",
    ],
};

const DE: Voice = Voice {
    lang: Lang::De,
    // "Sie" opening a sentence may be the polite "you"; in a note about a deal it is the buyer.
    subjects: &["er", "sie"],
    impersonal: &[],
    possessives: &[
        "sein", "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer",
    ],
    verbs: &[
        "möchte",
        "findet",
        "meint",
        "glaubt",
        "denkt",
        "sagt",
        "hofft",
        "befürchtet",
        "zögert",
    ],
    reporting: &[
        "denke",
        "denkt",
        "glaube",
        "glaubt",
        "finde",
        "findet",
        "meine",
        "meint",
        "sagt",
        "sagte",
        "sagten",
        "anscheinend",
        "angeblich",
    ],
    first_person: &[
        "ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner", "wir", "uns", "unser",
        "unsere", "unseren", "unserem", "unserer",
    ],
    judgments: &[
        "geizig",
        "knausrig",
        "knauserig",
        "kleinlich",
        "pingelig",
        "nervig",
        "lästig",
        "skeptisch",
        "unverschämt",
        "faul",
        "inkompetent",
        "ahnungslos",
        "naiv",
        "verzweifelt",
        "unseriös",
        "zögerlich",
        "erbsenzähler",
        "pfennigfuchser",
        "zeitverschwender",
        "schnäppchenjäger",
        "nervensäge",
        "schlechter zahler",
        "zahlt schlecht",
    ],
};

const ES: Voice = Voice {
    lang: Lang::Es,
    // "él" with its accent: "el" is "the".
    subjects: &["él", "ella", "ellos", "ellas"],
    impersonal: &[],
    possessives: &["su", "sus"],
    verbs: &[
        "quiere",
        "quieren",
        "dice",
        "dicen",
        "piensa",
        "piensan",
        "cree",
        "creen",
        "busca",
        "buscan",
        "prefiere",
        "prefieren",
        "duda",
        "dudan",
        "teme",
        "temen",
        "parece",
    ],
    reporting: &[
        "creo", "cree", "pienso", "piensa", "dice", "dijo", "parece", "según", "supongo",
    ],
    first_person: &[
        "yo",
        "me",
        "mi",
        "mis",
        "nos",
        "nosotros",
        "nosotras",
        "nuestro",
        "nuestra",
        "nuestros",
        "nuestras",
        "quiero",
        "queremos",
        "necesito",
        "necesitamos",
    ],
    judgments: &[
        "tacaño",
        "tacaña",
        "roñoso",
        "roñosa",
        "pesetero",
        "pesetera",
        "escéptico",
        "escéptica",
        "esceptico",
        "esceptica",
        "desesperado",
        "desesperada",
        "maleducado",
        "maleducada",
        "grosero",
        "grosera",
        "arrogante",
        "perezoso",
        "perezosa",
        "incompetente",
        "ingenuo",
        "ingenua",
        "moroso",
        "morosa",
        "mal pagador",
        "caprichoso",
        "caprichosa",
        "quisquilloso",
        "quisquillosa",
        "indeciso",
        "indecisa",
        "mentiroso",
        "mentirosa",
    ],
};

/// Every message language's cues (one per `Lang::ALL`, in its order), all matched together.
pub const VOICES: &[Voice; Lang::ALL.len()] = &[EN, FR, DE, ES];

/// What made a note read like a private note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cue {
    /// It talks about the buyer (a third-person subject, possessive or verb).
    AboutThem,
    /// It judges the buyer.
    Judgment,
}

/// Why a text reads like a private note: the first cue in reading order.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Flag {
    pub cue: Cue,
    /// The word or phrase, lowercase, as the list spells it ("his", "tire kicker").
    pub words: &'static str,
    /// The code of the language whose list it is in.
    pub lang: &'static str,
}

/// One word of a text, lowercased; `opens` when it is the first word of a sentence.
#[derive(Debug)]
pub(crate) struct Word {
    pub(crate) text: String,
    opens: bool,
}

/// Ends a sentence: the next word opens one. A hyphen does only after a space (a list's "- ").
fn ends_sentence(c: char, prev: Option<char>) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | ';' | ':' | '\n' | '•' | '·' | '…' | '—' | '–' | '(' | ')' | '*'
    ) || (c == '-' && prev.is_none_or(char::is_whitespace))
}

/// The words of `text`: runs of letters and digits (so "he's" is "he" and "s", "qu'il" is "qu"
/// and "il", "tire-kicker" is "tire" and "kicker"), lowercased. A number never opens a
/// sentence: the word after it does ("1) they …"), and a full stop after a single letter
/// ("e.g.") ends none.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut cur = String::new();
    let mut opens = true;
    let mut prev: Option<char> = None;
    fn push(cur: &mut String, opens: &mut bool, out: &mut Vec<Word>) {
        if cur.is_empty() {
            return;
        }
        let number = cur.chars().all(|c| c.is_numeric());
        out.push(Word {
            text: std::mem::take(cur),
            opens: *opens && !number,
        });
        if !number {
            *opens = false;
        }
    }
    for c in text.chars() {
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else {
            let initial = c == '.' && cur.chars().count() == 1;
            push(&mut cur, &mut opens, &mut out);
            if ends_sentence(c, prev) && !initial {
                opens = true;
            }
        }
        prev = Some(c);
    }
    push(&mut cur, &mut opens, &mut out);
    out
}

/// Whether the words from `at` on start with `phrase` (its words separated by spaces).
pub(crate) fn starts_with(words: &[Word], at: usize, phrase: &str) -> bool {
    let mut i = at;
    for p in phrase.split(' ') {
        match words.get(i) {
            Some(w) if w.text == p => i += 1,
            _ => return false,
        }
    }
    true
}

/// The first phrase of `pick(voice)`, in any language, that the words start with at `at`.
fn phrase_at(
    words: &[Word],
    at: usize,
    pick: impl Fn(&Voice) -> Words,
) -> Option<(&'static str, &'static str)> {
    VOICES.iter().find_map(|v| {
        pick(v)
            .iter()
            .find(|p| starts_with(words, at, p))
            .map(|p| (*p, v.lang.code()))
    })
}

/// Whether the word at `at` follows a word of reporting in its sentence, next to it or one word
/// away ("I think they", "je pense qu'il", "creo que él").
fn reported(words: &[Word], at: usize) -> bool {
    let is_reporting = |i: usize| phrase_at(words, i, |v| v.reporting).is_some();
    match at {
        0 => false,
        1 => is_reporting(0),
        _ => is_reporting(at - 1) || (!words[at - 1].opens && is_reporting(at - 2)),
    }
}

/// Why `text` reads like a private note rather than the buyer's own words, or `None` when it
/// does not.
pub fn reads_private(text: &str) -> Option<Flag> {
    let words = words(text);
    let first_person = (0..words.len()).any(|i| phrase_at(&words, i, |v| v.first_person).is_some());
    let flag = |cue, (words, lang): (&'static str, &'static str)| Flag { cue, words, lang };
    for (i, w) in words.iter().enumerate() {
        if let Some(found) = phrase_at(&words, i, |v| v.judgments) {
            return Some(flag(Cue::Judgment, found));
        }
        let opening = w.opens || reported(&words, i);
        if let Some(found) = phrase_at(&words, i, |v| v.subjects) {
            let impersonal = phrase_at(&words, i, |v| v.impersonal).is_some();
            if !impersonal && (opening || !first_person) {
                return Some(flag(Cue::AboutThem, found));
            }
        }
        if opening {
            if let Some(found) = phrase_at(&words, i, |v| v.possessives) {
                return Some(flag(Cue::AboutThem, found));
            }
        }
        if w.opens {
            if let Some(found) = phrase_at(&words, i, |v| v.verbs) {
                return Some(flag(Cue::AboutThem, found));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(text: &str) -> Option<&'static str> {
        reads_private(text).map(|f| f.words)
    }

    #[test]
    fn talk_about_the_buyer_is_flagged_in_every_language() {
        let cases = [
            // English: the examples, and how reps really type.
            ("his boss is skeptical after the last tool flopped", "his"),
            ("she wants to stop paying 3 agencies", "she"),
            ("they", "they"),
            ("their CFO thinks the price is too high", "their"),
            ("He's worried the rollout will slip", "he"),
            ("Wants it live before the spring peak", "wants"),
            ("Budget is tight. They want to wait for Q3.", "they"),
            ("- they need sign-off from legal first", "they"),
            ("1) she signs, 2) legal reviews", "she"),
            ("Her team is drowning in spreadsheets", "her"),
            ("I think they're shopping around", "they"),
            ("Sounds like he wants a discount", "he"),
            (
                "cut onboarding time before the hiring wave, she said",
                "she",
            ),
            ("Budget frozen; his CFO must sign first", "his"),
            ("focus on onboarding costs, she said", "she"),
            // French
            ("Il veut réduire les coûts avant l'audit", "il"),
            ("Elle veut arrêter de payer 3 agences", "elle"),
            ("Leur DAF pense que c'est trop cher", "leur"),
            ("Ils hésitent encore entre nous et un concurrent", "ils"),
            ("Je pense qu'il attend le budget de mars", "il"),
            ("Veut tout pour hier", "veut"),
            ("Son patron n'y croit pas", "son"),
            // German
            ("Er will die Kosten vor dem Audit senken", "er"),
            ("Sie wollen erst nach Q3 entscheiden", "sie"),
            ("Ihr Chef ist nicht überzeugt", "ihr"),
            ("Ich glaube, er wartet auf das Budget", "er"),
            ("Findet uns zu teuer", "findet"),
            // Spanish
            ("Él quiere reducir costes antes de la auditoría", "él"),
            ("Ella quiere dejar de pagar a 3 agencias", "ella"),
            ("Su jefe no lo ve claro", "su"),
            ("Quiere todo para ayer", "quiere"),
            ("Creo que ellos prefieren esperar", "ellos"),
        ];
        for (text, word) in cases {
            let f = reads_private(text).unwrap_or_else(|| panic!("not flagged: {text:?}"));
            assert_eq!((f.cue, f.words), (Cue::AboutThem, word), "{text:?}");
        }
    }

    #[test]
    fn judgments_are_flagged_anywhere() {
        let cases = [
            ("cheap, needy", "cheap"),
            ("Tire-kicker; price shopper", "tire kicker"),
            ("great logo, slow payer", "slow payer"),
            ("we want a quote but the board is sceptical", "sceptical"),
            ("Client radin, très pénible", "radin"),
            ("Sehr geizig und pingelig", "geizig"),
            ("Muy tacaño", "tacaño"),
            ("cliente esceptico", "esceptico"),
        ];
        for (text, word) in cases {
            let f = reads_private(text).unwrap_or_else(|| panic!("not flagged: {text:?}"));
            assert_eq!(f.cue, Cue::Judgment, "{text:?}");
            assert_eq!(f.words, word, "{text:?}");
        }
        // The first cue in reading order is the one named.
        assert_eq!(flagged("cheap, and they know it"), Some("cheap"));
        assert_eq!(flagged("they are cheap"), Some("they"));
    }

    #[test]
    fn the_buyers_own_words_are_not_flagged() {
        for text in [
            "",
            "   ",
            "our team wants to cut onboarding time before the hiring wave",
            "I want to cut no-shows by a third",
            "We want to stop paying 3 agencies",
            "have all 120 trucks tracked before the spring delivery peak",
            "pass the May SOC 2 audit",
            // A possessive inside a sentence is not its subject.
            "stop paying three agencies before their contracts renew",
            // A pronoun inside the buyer's first-person sentence is a thing or someone else.
            "our current tools are slow and they crash every week",
            "our CEO wants this live before she leaves in June",
            "switch to a cheaper carrier before the renewal",
            // Words that merely contain a pronoun.
            "the theme: shelter the other helpers, hedge the risk",
            "Sheila's team wants fewer spreadsheets",
            // French: impersonal "il", and the buyer's "nous", "on".
            "il faut passer l'audit avant mars",
            "Il y a trois agences à remplacer",
            "Il est temps de remplacer nos tableurs",
            "Nous voulons réduire les coûts",
            "On veut arrêter de payer 3 agences",
            // German
            "Wir wollen die Kosten vor dem Audit senken",
            "Wir wollen die alte Software ablösen, weil sie zu langsam ist",
            "Unser Team will weniger Excel",
            // Spanish: "el" (the) is not "él" (he).
            "Queremos reducir los costes antes de la auditoría",
            "El equipo quiere dejar de usar hojas de cálculo",
            "Necesitamos pasar la auditoría de mayo",
        ] {
            assert_eq!(reads_private(text), None, "{text:?}");
        }
    }

    #[test]
    fn words_split_as_documented() {
        let w = words("He's done. e.g. 3 wins - they: OK");
        let shown: Vec<(&str, bool)> = w.iter().map(|w| (w.text.as_str(), w.opens)).collect();
        assert_eq!(
            shown,
            [
                ("he", true),
                ("s", false),
                ("done", false),
                ("e", true),
                ("g", false),
                ("3", false),
                ("wins", false),
                ("they", true),
                ("ok", true),
            ]
        );
    }

    #[test]
    fn every_message_language_has_its_voice() {
        // A note in a language the messages are written in is read in that language too.
        assert_eq!(VOICES.each_ref().map(|v| v.lang), Lang::ALL);
    }

    #[test]
    fn every_list_is_written_as_words_splits_it() {
        for v in VOICES {
            let lists = [
                v.subjects,
                v.impersonal,
                v.possessives,
                v.verbs,
                v.reporting,
                v.first_person,
                v.judgments,
            ];
            for p in lists.iter().flat_map(|l| l.iter()) {
                let split: Vec<String> = words(p).into_iter().map(|w| w.text).collect();
                assert_eq!(
                    split.join(" "),
                    *p,
                    "{}: {p:?} can never match",
                    v.lang.code()
                );
            }
            for p in v.impersonal {
                assert!(
                    v.subjects.iter().any(|s| p.split(' ').next() == Some(s)),
                    "{}: {p:?} starts with no subject pronoun",
                    v.lang.code()
                );
            }
            assert!(
                !v.subjects.is_empty() && !v.judgments.is_empty(),
                "{}",
                v.lang.code()
            );
        }
    }
}
