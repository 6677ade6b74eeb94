//! How the rep and the buyer greet each other in emails, and the greeting a draft mirrors: a
//! thread that says "Sehr geehrte Frau Prof. Dr. Keller," is not answered with "Hallo Anna,".
//!
//! A gender is only ever taken from a word that states it (Frau, Madame, Sr., Ms, Dra.), never
//! from a first name; without one, the greeting is written in a form that needs none ("Guten
//! Tag Anna Keller,").

// Not called yet: the drafts adopt it in a separate change.
#![cfg_attr(not(test), allow(dead_code))]

use crate::core::lang::Lang;
use crate::core::phrases::fold_char;

/// The gender an honorific (or a title such as "Dra.") states; each language's words for it
/// come from its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Honorific {
    Male,
    Female,
}

impl Honorific {
    fn ix(self) -> usize {
        match self {
            Honorific::Male => 0,
            Honorific::Female => 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Greeting {
    pub formal: bool,
    /// The honorific as written, normalised: Herr/Frau, Monsieur/Madame, Sr./Sra., Mr/Ms/Mrs —
    /// these also give the gender; None when absent.
    pub honorific: Option<Honorific>,
    /// Academic titles as written, in order (["Prof.", "Dr."], ["Dr.-Ing."], ["Dr. med."]).
    pub titles: Vec<String>,
    /// The name as written after the salutation ("Keller", "Anna", "Anna Keller").
    pub name: Option<String>,
}

impl Greeting {
    /// The gender the greeting states: its honorific, else a title that has one ("Dra.").
    pub fn gender(&self) -> Option<Honorific> {
        self.honorific
            .or_else(|| self.titles.iter().find_map(|t| title_entry(t)?.gender))
    }
}

// ---------------------------------------------------------------------------------------------
// The words, one table per language.
// ---------------------------------------------------------------------------------------------

/// What an opening word says about the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Register {
    Formal,
    /// "Guten Tag", "Bonjour", "Buenos días": formal with a full name or a title, informal with
    /// a first name.
    Neutral,
    Informal,
    /// A formal greeting to nobody in particular ("Sehr geehrte Damen und Herren").
    Group,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Doctor,
    Professor,
    /// Written only in the language it belongs to ("Mag.", "Ing.", "Lic.").
    Other,
}

struct Title {
    /// Folded, without dots, words joined by one space ("dr med", "dr-ing").
    key: &'static str,
    /// How this language writes it; None where its mail does not (French).
    out: Option<&'static str>,
    kind: Kind,
    gender: Option<Honorific>,
}

const fn title(
    key: &'static str,
    out: Option<&'static str>,
    kind: Kind,
    gender: Option<Honorific>,
) -> Title {
    Title {
        key,
        out,
        kind,
        gender,
    }
}

/// How a language writes a doctor or a professor met in another language's greeting.
struct Written {
    kind: Kind,
    /// Male, female.
    by_gender: [&'static str; 2],
    /// When the gender is unknown; None where every form states one (Spanish "Dr."/"Dra.").
    neutral: Option<&'static str>,
}

struct Table {
    /// Openers, folded, words joined by one space.
    openers: &'static [(&'static str, Register)],
    /// Folded, without dots.
    honorifics: &'static [(&'static str, Honorific)],
    titles: &'static [Title],
    /// First words that address a group rather than a person ("all", "zusammen").
    groups: &'static [&'static str],
    /// Lower-case words inside a surname ("von", "de la").
    particles: &'static [&'static str],
    /// The formal opener before an honorific: male, female.
    dear: [&'static str; 2],
    /// The honorific before a surname: male, female.
    honorific: [&'static str; 2],
    /// The honorific with no name ("Dear Madam,"); None where that is not written (German).
    alone: Option<[&'static str; 2]>,
    /// The opener before a name without an honorific.
    neutral: &'static str,
    /// The punctuation closing a formal greeting.
    end: &'static str,
    /// Doctor and professor, in the order one title is picked when only one is written.
    written: &'static [Written],
    /// One title replaces the honorific ("Dear Dr Keller", "Estimada Dra. Keller") rather than
    /// all following it ("Sehr geehrte Frau Prof. Dr. Keller").
    one_title: bool,
}

use Honorific::{Female, Male};
use Kind::{Doctor, Other, Professor};
use Register::{Formal, Group, Informal, Neutral};

const EN: Table = Table {
    openers: &[
        ("dear", Formal),
        ("hi", Informal),
        ("hey", Informal),
        ("hello", Informal),
        ("hiya", Informal),
        ("good morning", Neutral),
        ("good afternoon", Neutral),
        ("good evening", Neutral),
        ("greetings", Neutral),
        ("dear sir or madam", Group),
        ("dear madam or sir", Group),
        ("dear sir madam", Group),
        ("dear sirs", Group),
        ("ladies and gentlemen", Group),
        ("to whom it may concern", Group),
    ],
    honorifics: &[
        ("mr", Male),
        ("mister", Male),
        ("sir", Male),
        ("ms", Female),
        ("mrs", Female),
        ("miss", Female),
        ("madam", Female),
    ],
    titles: &[
        title("dr", Some("Dr"), Doctor, None),
        title("doctor", Some("Dr"), Doctor, None),
        title("prof", Some("Professor"), Professor, None),
        title("professor", Some("Professor"), Professor, None),
    ],
    groups: &[
        "all",
        "everyone",
        "everybody",
        "team",
        "there",
        "folks",
        "guys",
        "both",
        "you",
        "colleagues",
    ],
    particles: &[
        "van", "von", "de", "da", "del", "der", "di", "du", "la", "le",
    ],
    dear: ["Dear", "Dear"],
    honorific: ["Mr", "Ms"],
    alone: Some(["Sir", "Madam"]),
    neutral: "Dear",
    end: ",",
    written: &[
        Written {
            kind: Professor,
            by_gender: ["Professor", "Professor"],
            neutral: Some("Professor"),
        },
        Written {
            kind: Doctor,
            by_gender: ["Dr", "Dr"],
            neutral: Some("Dr"),
        },
    ],
    one_title: true,
};

const FR: Table = Table {
    openers: &[
        ("bonjour", Neutral),
        ("bonsoir", Neutral),
        ("salut", Informal),
        ("coucou", Informal),
        ("cher", Informal),
        ("chere", Informal),
        ("chers", Informal),
        ("cheres", Informal),
        ("madame monsieur", Group),
        ("monsieur madame", Group),
        ("madame messieurs", Group),
        ("mesdames messieurs", Group),
        ("mesdames et messieurs", Group),
    ],
    honorifics: &[
        ("monsieur", Male),
        ("m", Male),
        ("mr", Male),
        ("madame", Female),
        ("mme", Female),
        ("mademoiselle", Female),
        ("mlle", Female),
    ],
    // French business mail greets "Madame Keller", without academic titles.
    titles: &[
        title("docteur", None, Doctor, None),
        title("docteure", None, Doctor, Some(Female)),
        title("professeur", None, Professor, None),
        title("professeure", None, Professor, Some(Female)),
        title("maitre", None, Other, None),
    ],
    groups: &["a", "tous", "toutes", "tout", "equipe", "l'equipe", "vous"],
    particles: &["de", "du", "des", "d'", "le", "la"],
    dear: ["Bonjour", "Bonjour"],
    honorific: ["Monsieur", "Madame"],
    alone: Some(["Monsieur", "Madame"]),
    neutral: "Bonjour",
    end: ",",
    written: &[],
    one_title: false,
};

const DE: Table = Table {
    openers: &[
        ("sehr geehrte", Formal),
        ("sehr geehrter", Formal),
        ("sehr geehrtes", Formal),
        ("guten tag", Neutral),
        ("guten morgen", Neutral),
        ("guten abend", Neutral),
        ("gruss gott", Neutral),
        ("gruezi", Neutral),
        ("hallo", Informal),
        ("hi", Informal),
        ("hey", Informal),
        ("moin", Informal),
        ("servus", Informal),
        ("liebe", Informal),
        ("lieber", Informal),
        ("liebes", Informal),
    ],
    honorifics: &[
        ("herr", Male),
        ("herrn", Male),
        ("hr", Male),
        ("frau", Female),
        ("fr", Female),
    ],
    titles: &[
        title("dr", Some("Dr."), Doctor, None),
        title("dr-ing", Some("Dr.-Ing."), Doctor, None),
        title("dr med", Some("Dr. med."), Doctor, None),
        title("dr med dent", Some("Dr. med. dent."), Doctor, None),
        title("dr rer nat", Some("Dr. rer. nat."), Doctor, None),
        title("dr phil", Some("Dr. phil."), Doctor, None),
        title("dr jur", Some("Dr. jur."), Doctor, None),
        title("dr hc", Some("Dr. h.c."), Doctor, None),
        title("prof", Some("Prof."), Professor, None),
        title("professor", Some("Prof."), Professor, None),
        title("professorin", Some("Prof."), Professor, Some(Female)),
        title("profin", Some("Prof."), Professor, Some(Female)),
        title("mag", Some("Mag."), Other, None),
        title("dipl-ing", Some("Dipl.-Ing."), Other, None),
        title("ing", Some("Ing."), Other, None),
    ],
    groups: &[
        "damen",
        "herren",
        "zusammen",
        "alle",
        "allerseits",
        "team",
        "kollegen",
        "kolleginnen",
        "leute",
        "ihr",
    ],
    particles: &[
        "von", "vom", "zu", "zum", "van", "der", "den", "de", "ten", "ter",
    ],
    dear: ["Sehr geehrter", "Sehr geehrte"],
    honorific: ["Herr", "Frau"],
    // "Sehr geehrte Frau," without a name is not written.
    alone: None,
    neutral: "Guten Tag",
    end: ",",
    written: &[
        Written {
            kind: Professor,
            by_gender: ["Prof.", "Prof."],
            neutral: Some("Prof."),
        },
        Written {
            kind: Doctor,
            by_gender: ["Dr.", "Dr."],
            neutral: Some("Dr."),
        },
    ],
    one_title: false,
};

const ES: Table = Table {
    openers: &[
        ("estimado", Formal),
        ("estimada", Formal),
        ("distinguido", Formal),
        ("distinguida", Formal),
        ("estimados", Formal),
        ("estimadas", Formal),
        ("buenos dias", Neutral),
        ("buenas tardes", Neutral),
        ("buenas noches", Neutral),
        ("buen dia", Neutral),
        ("hola", Informal),
        ("querido", Informal),
        ("querida", Informal),
        ("muy senor mio", Group),
        ("muy senora mia", Group),
        ("muy senores mios", Group),
        ("a quien corresponda", Group),
        ("a quien pueda interesar", Group),
    ],
    honorifics: &[
        ("sr", Male),
        ("senor", Male),
        ("sra", Female),
        ("senora", Female),
        ("srta", Female),
        ("senorita", Female),
    ],
    titles: &[
        title("dr", Some("Dr."), Doctor, None),
        title("dra", Some("Dra."), Doctor, Some(Female)),
        title("doctor", Some("Dr."), Doctor, None),
        title("doctora", Some("Dra."), Doctor, Some(Female)),
        title("prof", Some("Prof."), Professor, None),
        title("profesor", Some("Prof."), Professor, Some(Male)),
        title("profesora", Some("Prof."), Professor, Some(Female)),
        title("ing", Some("Ing."), Other, None),
        title("lic", Some("Lic."), Other, None),
    ],
    groups: &[
        "a", "todos", "todas", "equipo", "senores", "senoras", "chicos", "colegas",
    ],
    particles: &["de", "del", "la", "las", "los", "y"],
    dear: ["Estimado", "Estimada"],
    honorific: ["Sr.", "Sra."],
    alone: Some(["señor", "señora"]),
    neutral: "Buenos días,",
    end: ":",
    // Spanish "Dr." reads as male: without a stated gender no doctor title is written.
    written: &[
        Written {
            kind: Doctor,
            by_gender: ["Dr.", "Dra."],
            neutral: None,
        },
        Written {
            kind: Professor,
            by_gender: ["Prof.", "Prof."],
            neutral: None,
        },
    ],
    one_title: true,
};

const TABLES: [&Table; 4] = [&EN, &FR, &DE, &ES];

fn table(lang: Lang) -> &'static Table {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
        Lang::De => &DE,
        Lang::Es => &ES,
    }
}

/// Folded and lowercased, dots removed: "Dr." and "dr" are one word.
fn key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().filter(|&c| c != '.') {
        fold_char(c, &mut out);
    }
    out
}

fn honorific_of(word: &str) -> Option<Honorific> {
    let k = key(word);
    TABLES
        .iter()
        .flat_map(|t| t.honorifics)
        .find(|(w, _)| *w == k)
        .map(|&(_, h)| h)
}

fn title_entry(written: &str) -> Option<&'static Title> {
    let k = written
        .split_whitespace()
        .map(key)
        .collect::<Vec<_>>()
        .join(" ");
    TABLES.iter().flat_map(|t| t.titles).find(|t| t.key == k)
}

fn is_group(word: &str) -> bool {
    let k = key(word);
    TABLES.iter().any(|t| t.groups.contains(&k.as_str()))
}

fn is_particle(word: &str) -> bool {
    TABLES.iter().any(|t| t.particles.contains(&word))
}

// ---------------------------------------------------------------------------------------------
// Reading a greeting.
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'a> {
    Word(&'a str),
    /// Punctuation that ends the greeting's address.
    Stop(char),
}

fn tokens(line: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        if c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’' | '@' | '_') {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Tok::Word(&line[s..i]));
        }
        if matches!(c, ',' | ':' | ';' | '!' | '?' | '—' | '–') {
            out.push(Tok::Stop(c));
        }
    }
    if let Some(s) = start {
        out.push(Tok::Word(&line[s..]));
    }
    out
}

/// How many tokens `phrase` (folded words) takes at the start of `toks`; commas between its
/// words are allowed ("Madame, Monsieur").
fn phrase_at(toks: &[Tok], phrase: &str) -> Option<usize> {
    let mut i = 0;
    for (n, want) in phrase.split(' ').enumerate() {
        if n > 0 {
            while toks.get(i) == Some(&Tok::Stop(',')) {
                i += 1;
            }
        }
        match toks.get(i) {
            Some(Tok::Word(w)) if key(w) == want => i += 1,
            _ => return None,
        }
    }
    Some(i)
}

/// The longest opener at the start, and the tokens it takes.
fn opener(toks: &[Tok]) -> Option<(Register, usize)> {
    TABLES
        .iter()
        .flat_map(|t| t.openers)
        .filter_map(|&(p, r)| Some((r, phrase_at(toks, p)?)))
        .max_by_key(|&(_, n)| n)
}

/// A title at the start ("Dr. med." takes two words), as written, and the tokens it takes.
fn title_at(toks: &[Tok]) -> Option<(String, usize)> {
    (1..=3).rev().find_map(|n| {
        let words = toks
            .get(..n)?
            .iter()
            .map(|t| match t {
                Tok::Word(w) => Some(*w),
                Tok::Stop(_) => None,
            })
            .collect::<Option<Vec<_>>>()?;
        let written = words.join(" ");
        title_entry(&written)?;
        Some((capitalise(&written), n))
    })
}

/// An initial such as "J.".
fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_alphabetic())
}

/// Letters, with hyphens and apostrophes inside ("Anna-Lena", "O'Brien"); never an address
/// or a number.
fn is_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_alphabetic)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The first letter of each hyphenated part in upper case, for words typed all in lower case
/// ("schmidt" → "Schmidt", "dr." → "Dr."); other words are kept as written.
fn capitalise(word: &str) -> String {
    if word.chars().any(char::is_uppercase) {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    let mut upper = true;
    for c in word.chars() {
        if upper && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
        if c == '-' {
            upper = true;
        }
    }
    out
}

/// The name words of a greeting, with their particles kept lower case.
fn name_of(words: &[&str]) -> Option<String> {
    let mut words = words.to_vec();
    while words.last().is_some_and(|w| is_particle(w)) {
        words.pop();
    }
    let named = words.iter().any(|w| !is_particle(w));
    named.then(|| {
        words
            .iter()
            .map(|w| {
                if is_particle(w) {
                    w.to_string()
                } else {
                    capitalise(w)
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// The opening greeting of an email body (first non-empty line, up to its comma, colon or line
/// end), in English, French, German or Spanish; None when the body does not open with one.
pub fn greeting_in(body: &str) -> Option<Greeting> {
    let line = body
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .find(|l| !l.is_empty())?;
    // A quoted line ("> Hi Dana,") is someone else's greeting.
    if !line.starts_with(|c: char| c.is_alphabetic() || c == '¡') {
        return None;
    }
    let toks = tokens(line);
    let first = match toks.first()? {
        Tok::Word(w) => *w,
        Tok::Stop(_) => return None,
    };
    // A greeting typed all in lower case ("sehr geehrter herr schmidt,") still names someone.
    let typed_lower = !first.chars().any(char::is_uppercase);
    let opened = opener(&toks);
    let mut i = 0;
    if let Some((register, n)) = opened {
        if register == Group {
            return Some(Greeting {
                formal: true,
                honorific: None,
                titles: Vec::new(),
                name: None,
            });
        }
        i = n;
        while toks.get(i) == Some(&Tok::Stop(',')) {
            i += 1;
        }
    }
    let honorific = match toks.get(i) {
        Some(Tok::Word(w)) => honorific_of(w),
        _ => None,
    };
    if honorific.is_some() {
        i += 1;
    }
    let mut titles = Vec::new();
    while let Some((t, n)) = toks.get(i..).and_then(title_at) {
        titles.push(t);
        i += n;
    }
    if opened.is_none() && honorific.is_none() && titles.is_empty() {
        return None;
    }

    let mut names: Vec<&str> = Vec::new();
    // Whether the address ends at punctuation or the line's end, and not at a word that is no
    // name ("Hi Dana thanks for …").
    let mut ended = false;
    let mut group = false;
    while let Some(tok) = toks.get(i) {
        let w = match *tok {
            Tok::Stop(c) => {
                ended = c != '?';
                break;
            }
            Tok::Word(w) => w,
        };
        let (word, period) = match w.strip_suffix('.') {
            Some(_) if is_initial(w) => (w, false),
            Some(core) => (core.trim_end_matches('.'), true),
            None => (w, false),
        };
        if names.is_empty() && !period && is_group(word) {
            group = true;
            break;
        }
        let fits = is_initial(word)
            || (is_name_word(word) && (is_particle(word) || capitalised(word) || typed_lower));
        if !fits {
            break;
        }
        names.push(word);
        i += 1;
        if period {
            ended = true;
            break;
        }
    }
    if i >= toks.len() {
        ended = true;
    }
    // Without an opener, only a line that is nothing but the address is a greeting:
    // "Madame Dupont," is one, "Madame Dupont a confirmé." is not.
    if opened.is_none() && (!ended || group) {
        return None;
    }
    let limit = if typed_lower { 2 } else { 4 };
    let name = if group || names.len() > limit || (typed_lower && !ended) {
        None
    } else {
        name_of(&names)
    };
    let full_name = names.iter().filter(|w| !is_particle(w)).count() >= 2 && name.is_some();
    let formal = honorific.is_some()
        || !titles.is_empty()
        || match opened {
            Some((Formal | Group, _)) | None => true,
            Some((Informal, _)) => false,
            Some((Neutral, _)) => full_name,
        };
    Some(Greeting {
        formal,
        honorific,
        titles,
        name,
    })
}

/// The newest greeting of the thread that a draft mirrors: the rep's own newest greeting to the
/// buyer, else the register of the buyer's newest greeting (addressed to the rep, so only
/// whether it was formal is kept).
pub fn register_of<'a>(
    bodies_newest_first: impl Iterator<Item = (bool /* outbound */, &'a str)>,
) -> Option<Greeting> {
    let mut inbound = None;
    for (outbound, body) in bodies_newest_first {
        match greeting_in(body) {
            Some(g) if outbound => return Some(g),
            Some(g) if inbound.is_none() => {
                inbound = Some(Greeting {
                    formal: g.formal,
                    honorific: None,
                    titles: Vec::new(),
                    name: None,
                })
            }
            _ => {}
        }
    }
    inbound
}

// ---------------------------------------------------------------------------------------------
// Writing the greeting.
// ---------------------------------------------------------------------------------------------

/// The contact as the CRM names them: "Prof. Dr. Anna Keller", "Frau Anna Berg", "Keller, Anna".
#[derive(Debug, Default)]
struct Person {
    honorific: Option<Honorific>,
    titles: Vec<String>,
    names: Vec<String>,
    surname: Option<String>,
}

/// Letters after a name that are no part of it ("Anna Keller, PhD").
const SUFFIXES: &[&str] = &["phd", "md", "mba", "msc", "jr", "sr", "ii", "iii", "esq"];

/// The honorific, titles and name words of `text`; words with digits or '@' are dropped.
fn read_person(text: &str) -> (Option<Honorific>, Vec<String>, Vec<String>) {
    let words: Vec<Tok> = tokens(text)
        .into_iter()
        .filter(|t| matches!(t, Tok::Word(_)))
        .collect();
    let mut i = 0;
    let mut honorific = None;
    let mut titles = Vec::new();
    loop {
        if let Some(Tok::Word(w)) = words.get(i) {
            if let Some(h) = honorific_of(w) {
                honorific = honorific.or(Some(h));
                i += 1;
                continue;
            }
        }
        match words.get(i..).and_then(title_at) {
            Some((t, n)) => {
                titles.push(t);
                i += n;
            }
            None => break,
        }
    }
    let names = words[i.min(words.len())..]
        .iter()
        .filter_map(|t| match t {
            Tok::Word(w) => Some(w.trim_end_matches('.')),
            Tok::Stop(_) => None,
        })
        .filter(|w| is_name_word(w) && !SUFFIXES.contains(&key(w).as_str()))
        .map(|w| {
            if is_particle(w) {
                w.to_string()
            } else {
                capitalise(w)
            }
        })
        .collect();
    (honorific, titles, names)
}

/// The surname: the last name word with the particles before it ("van Beethoven").
fn last_name(names: &[String]) -> Option<String> {
    let last = names.iter().rposition(|w| !is_particle(w))?;
    let first = names[..last]
        .iter()
        .rposition(|w| !is_particle(w))
        .map_or(0, |p| p + 1);
    Some(names[first..=last].join(" "))
}

fn person(contact: &str) -> Person {
    let (head, tail) = contact.split_once(',').unwrap_or((contact, ""));
    let (h, t, after) = read_person(tail);
    // "Keller, Anna": the CRM's surname-first form.
    if !after.is_empty() {
        let (honorific, titles, before) = read_person(head);
        let surname = name_of(&before.iter().map(String::as_str).collect::<Vec<_>>());
        return Person {
            honorific: honorific.or(h),
            titles: if titles.is_empty() { t } else { titles },
            names: after.into_iter().chain(before).collect(),
            surname,
        };
    }
    let (honorific, titles, names) = read_person(head);
    // A single word is a surname only after an honorific or a title ("Frau Berg", not "Dana").
    let surname = if names.len() >= 2 || honorific.is_some() || !titles.is_empty() {
        last_name(&names)
    } else {
        None
    };
    Person {
        honorific,
        titles,
        names,
        surname,
    }
}

impl Person {
    fn gender(&self) -> Option<Honorific> {
        self.honorific
            .or_else(|| self.titles.iter().find_map(|t| title_entry(t)?.gender))
    }

    fn full_name(&self) -> Option<String> {
        let named = self.names.iter().filter(|w| !is_particle(w)).count();
        (named >= 2).then(|| self.names.join(" "))
    }
}

/// A title as `t` writes it for a person of `gender`; None when it does not write it.
fn render_title(t: &Table, written: &str, gender: Option<Honorific>) -> Option<&'static str> {
    let entry = title_entry(written)?;
    let by_kind = || {
        let w = t.written.iter().find(|w| w.kind == entry.kind)?;
        match gender {
            Some(g) => Some(w.by_gender[g.ix()]),
            None => w.neutral,
        }
    };
    let own = t.titles.iter().find(|e| e.key == entry.key);
    match own {
        Some(e) if e.kind == Other || !t.one_title => e.out,
        Some(_) => by_kind(),
        None if entry.kind == Other => None,
        None => by_kind(),
    }
}

/// Every title, in order, as `t` writes them (German "Prof. Dr.").
fn all_titles(t: &Table, titles: &[String], gender: Option<Honorific>) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for r in titles.iter().filter_map(|w| render_title(t, w, gender)) {
        if !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

/// The one title `t` writes in place of the honorific, by its order of kinds.
fn one_title(t: &Table, titles: &[String], gender: Option<Honorific>) -> Option<&'static str> {
    let kinds = t.written.iter().map(|w| w.kind).chain([Other]);
    kinds.into_iter().find_map(|kind| {
        titles
            .iter()
            .filter(|w| title_entry(w).is_some_and(|e| e.kind == kind))
            .find_map(|w| render_title(t, w, gender))
    })
}

fn clean(name: &str) -> bool {
    !name.is_empty() && !name.chars().any(|c| c == '@' || c.is_ascii_digit())
}

/// The greeting line a draft in `lang` opens with, mirroring `seen` (the newest greeting of the
/// thread, see `register_of`), for a contact whose full name is `contact` ("Prof. Dr. Anna
/// Keller", "Keller, Anna"). None when the thread is informal or unknown (the draft keeps its
/// first-name greeting), or when no formal greeting can be written without guessing.
pub fn salutation(lang: Lang, seen: Option<&Greeting>, contact: Option<&str>) -> Option<String> {
    let seen = seen.filter(|g| g.formal)?;
    let t = table(lang);
    let person = contact.map(person).unwrap_or_default();
    let addressed = seen.honorific.is_some() || !seen.titles.is_empty();
    let seen_name = seen.name.as_deref().map(str::trim).filter(|n| clean(n));
    let gender = seen.gender().or_else(|| person.gender());
    let titles = if addressed {
        &seen.titles
    } else {
        &person.titles
    };
    let surname = seen_name
        .filter(|_| addressed)
        .map(String::from)
        .or(person.surname.clone());
    let full = person.full_name().or_else(|| {
        seen_name
            .filter(|n| n.split_whitespace().count() >= 2)
            .map(String::from)
    });
    let end = t.end;

    // "Dear Dana," as the rep wrote it: English greets a first name formally, the others do not.
    let first_name = seen_name.filter(|n| {
        lang == Lang::En
            && !addressed
            && !n.contains(' ')
            && person.names.first().is_none_or(|f| f == n)
    });
    if let Some(n) = first_name {
        return Some(format!("{} {n}{end}", t.neutral));
    }

    if let Some(g) = gender {
        let dear = t.dear[g.ix()];
        let Some(surname) = surname else {
            return t.alone.map(|a| format!("{dear} {}{end}", a[g.ix()]));
        };
        let mut words = vec![dear];
        if t.one_title {
            words.push(one_title(t, titles, Some(g)).unwrap_or(t.honorific[g.ix()]));
        } else {
            words.push(t.honorific[g.ix()]);
            words.extend(all_titles(t, titles, Some(g)));
        }
        return Some(format!("{} {surname}{end}", words.join(" ")));
    }

    let neutral = t.neutral;
    if t.one_title {
        if let (Some(title), Some(s)) = (one_title(t, titles, None), &surname) {
            return Some(format!("{neutral} {title} {s}{end}"));
        }
    } else {
        let written = all_titles(t, titles, None);
        // German writes no title after "Guten Tag" without Herr/Frau, so the whole name
        // carries it.
        if let (false, Some(n)) = (written.is_empty(), full.as_ref().or(surname.as_ref())) {
            return Some(format!("{neutral} {} {n}{end}", written.join(" ")));
        }
    }
    full.map(|f| format!("{neutral} {f}{end}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(formal: bool, h: Option<Honorific>, titles: &[&str], name: Option<&str>) -> Greeting {
        Greeting {
            formal,
            honorific: h,
            titles: titles.iter().map(|t| t.to_string()).collect(),
            name: name.map(String::from),
        }
    }

    fn check(cases: &[(&str, Greeting)]) {
        for (body, want) in cases {
            assert_eq!(greeting_in(body).as_ref(), Some(want), "{body:?}");
        }
    }

    #[test]
    fn english_greetings() {
        check(&[
            ("Dear Dr Keller,", g(true, None, &["Dr"], Some("Keller"))),
            (
                "Dear Ms. Smith,\n\nThanks for the call.",
                g(true, Some(Female), &[], Some("Smith")),
            ),
            ("Hi Dana,", g(false, None, &[], Some("Dana"))),
            ("Hey Dana", g(false, None, &[], Some("Dana"))),
            ("Dear Sir or Madam,", g(true, None, &[], None)),
            (
                "Good morning Mr Weber,",
                g(true, Some(Male), &[], Some("Weber")),
            ),
            (
                "  hi   dana,\n> On Monday Dana wrote:\n> Dear Jordan,",
                g(false, None, &[], Some("Dana")),
            ),
            (
                "Dear Professor Keller,",
                g(true, None, &["Professor"], Some("Keller")),
            ),
            ("Dear Anna,", g(true, None, &[], Some("Anna"))),
            ("Hi all,", g(false, None, &[], None)),
            (
                "Dear Mrs Anna-Lena O'Brien,",
                g(true, Some(Female), &[], Some("Anna-Lena O'Brien")),
            ),
            (
                "Good afternoon Anna Keller,",
                g(true, None, &[], Some("Anna Keller")),
            ),
            ("Good afternoon Anna,", g(false, None, &[], Some("Anna"))),
            (
                "Hi Dana thanks for the call today.",
                g(false, None, &[], Some("Dana")),
            ),
            ("Dear Sir,", g(true, Some(Male), &[], None)),
            ("Hello!", g(false, None, &[], None)),
        ]);
    }

    #[test]
    fn french_greetings() {
        check(&[
            (
                "Bonjour Madame Dupont,",
                g(true, Some(Female), &[], Some("Dupont")),
            ),
            ("Madame,", g(true, Some(Female), &[], None)),
            ("Cher Monsieur,", g(true, Some(Male), &[], None)),
            ("Bonjour Pierre,", g(false, None, &[], Some("Pierre"))),
            ("Madame, Monsieur,", g(true, None, &[], None)),
            (
                "bonjour  madame  dupont ,\n\n> Le 3 mars, Jordan a écrit :",
                g(true, Some(Female), &[], Some("Dupont")),
            ),
            (
                "Bonjour Mme Keller,",
                g(true, Some(Female), &[], Some("Keller")),
            ),
            ("Salut Pierre !", g(false, None, &[], Some("Pierre"))),
            (
                "Bonjour à tous les membres du comité qui suivent le projet,",
                g(false, None, &[], None),
            ),
            (
                "Bonjour Anne-Sophie Martin,",
                g(true, None, &[], Some("Anne-Sophie Martin")),
            ),
            (
                "Bonjour Docteur Martin,",
                g(true, None, &["Docteur"], Some("Martin")),
            ),
            ("Bonjour,", g(false, None, &[], None)),
            (
                "Bonjour, merci pour votre retour.",
                g(false, None, &[], None),
            ),
            ("Mesdames et Messieurs,", g(true, None, &[], None)),
        ]);
    }

    #[test]
    fn german_greetings() {
        check(&[
            (
                "Sehr geehrte Frau Prof. Dr. Keller,",
                g(true, Some(Female), &["Prof.", "Dr."], Some("Keller")),
            ),
            (
                "Sehr geehrter Herr Schmidt,",
                g(true, Some(Male), &[], Some("Schmidt")),
            ),
            (
                "Guten Tag Herr Weber,",
                g(true, Some(Male), &[], Some("Weber")),
            ),
            ("Hallo Anna,", g(false, None, &[], Some("Anna"))),
            ("Liebe Anna,", g(false, None, &[], Some("Anna"))),
            ("Sehr geehrte Damen und Herren,", g(true, None, &[], None)),
            (
                "Guten Morgen Herr Weber\nanbei das Angebot.",
                g(true, Some(Male), &[], Some("Weber")),
            ),
            (
                "sehr geehrter herr schmidt,\n\n> Am 3. März schrieb Jordan:",
                g(true, Some(Male), &[], Some("Schmidt")),
            ),
            (
                "Sehr geehrter Herr Dr.-Ing. Weber,",
                g(true, Some(Male), &["Dr.-Ing."], Some("Weber")),
            ),
            ("Hallo zusammen,", g(false, None, &[], None)),
            (
                "Sehr geehrte Frau Dr. med. Keller,",
                g(true, Some(Female), &["Dr. med."], Some("Keller")),
            ),
            (
                "Liebe Frau Keller,",
                g(true, Some(Female), &[], Some("Keller")),
            ),
            (
                "Sehr geehrter Herr von Weizsäcker,",
                g(true, Some(Male), &[], Some("von Weizsäcker")),
            ),
            (
                "Guten Tag Anna Keller,",
                g(true, None, &[], Some("Anna Keller")),
            ),
            ("Guten Tag,", g(false, None, &[], None)),
        ]);
    }

    #[test]
    fn spanish_greetings() {
        check(&[
            (
                "Estimado Sr. García:",
                g(true, Some(Male), &[], Some("García")),
            ),
            (
                "Estimada Dra. López:",
                g(true, None, &["Dra."], Some("López")),
            ),
            ("Hola Marta,", g(false, None, &[], Some("Marta"))),
            (
                "Buenos días, Sr. Ruiz:",
                g(true, Some(Male), &[], Some("Ruiz")),
            ),
            (
                "Estimada Sra. de la Fuente:",
                g(true, Some(Female), &[], Some("de la Fuente")),
            ),
            ("¡Hola Marta!", g(false, None, &[], Some("Marta"))),
            ("Estimados señores:", g(true, None, &[], None)),
            (
                "estimado  sr.  garcía:\n\n> El lunes, Jordan escribió:",
                g(true, Some(Male), &[], Some("García")),
            ),
            (
                "Buenas tardes, Marta García:",
                g(true, None, &[], Some("Marta García")),
            ),
            (
                "Estimado Ing. Pérez:",
                g(true, None, &["Ing."], Some("Pérez")),
            ),
            ("Hola a todos,", g(false, None, &[], None)),
            (
                "Estimada Doctora Ruiz López:",
                g(true, None, &["Doctora"], Some("Ruiz López")),
            ),
            ("A quien corresponda:", g(true, None, &[], None)),
        ]);
    }

    #[test]
    fn gender_comes_from_honorifics_and_gendered_titles_only() {
        let gender = |b: &str| greeting_in(b).and_then(|g| g.gender());
        assert_eq!(gender("Estimada Dra. López:"), Some(Female));
        assert_eq!(gender("Sehr geehrte Frau Keller,"), Some(Female));
        assert_eq!(gender("Estimado Sr. García:"), Some(Male));
        assert_eq!(gender("Dear Dr Keller,"), None);
        assert_eq!(gender("Liebe Anna,"), None);
        assert_eq!(gender("Estimado Dr. García:"), None);
    }

    #[test]
    fn non_greetings() {
        for body in [
            "Thanks for the call",
            "Anbei das Angebot",
            "Merci pour votre retour.",
            "Gracias por la llamada de ayer.",
            "Mr Smith called about the renewal.",
            "Dr. Keller hat zugesagt.",
            "Madame Dupont a confirmé la date.",
            "Sr. Ruiz confirmó la fecha.",
            "Dearborn office update",
            "Hiring update: two roles",
            "> Hi Dana,",
            "",
            "  \n \n",
        ] {
            assert_eq!(greeting_in(body), None, "{body:?}");
        }
    }

    #[test]
    fn names_never_hold_addresses_or_numbers() {
        assert_eq!(
            greeting_in("Hi dana@acme.com,"),
            Some(g(false, None, &[], None))
        );
        assert_eq!(
            greeting_in("Hello 2024 team"),
            Some(g(false, None, &[], None))
        );
    }

    #[test]
    fn register_prefers_the_reps_own_newest_greeting() {
        let thread = [
            (false, "Sehr geehrter Herr Jordan,\n\nvielen Dank."),
            (true, "Hallo Anna,\n\nanbei die Zahlen."),
            (true, "Sehr geehrte Frau Keller,"),
        ];
        assert_eq!(
            register_of(thread.into_iter()),
            Some(g(false, None, &[], Some("Anna")))
        );
        // Only the buyer greeted: their register, not their words about the rep.
        let inbound = [
            (false, "Anbei das Angebot."),
            (false, "Sehr geehrter Herr Jordan,"),
            (false, "Hallo Jordan,"),
        ];
        assert_eq!(
            register_of(inbound.into_iter()),
            Some(g(true, None, &[], None))
        );
        assert_eq!(register_of([(true, "Thanks")].into_iter()), None);
    }

    /// The seen greetings of the table: (label, seen).
    fn seen_cases() -> Vec<(&'static str, Option<Greeting>)> {
        let p = |b: &str| greeting_in(b);
        vec![
            ("none", None),
            ("informal", p("Hi Anna,")),
            ("honorific female", p("Sehr geehrte Frau Prof. Dr. Keller,")),
            ("honorific male", p("Dear Mr Weber,")),
            ("honorific es", p("Estimado Sr. García:")),
            ("honorific alone", p("Madame,")),
            ("title only", p("Dear Dr Keller,")),
            ("title gendered", p("Estimada Dra. López:")),
            ("formal bare", p("Guten Tag Anna Keller,")),
            (
                "buyer formal",
                register_of([(false, "Sehr geehrter Herr Jordan,")].into_iter()),
            ),
            ("dear first name", p("Dear Anna,")),
        ]
    }

    const CONTACTS: [Option<&str>; 9] = [
        None,
        Some("Anna Keller"),
        Some("Prof. Dr. Anna Keller"),
        Some("Frau Dr. Anna Keller"),
        Some("Keller, Anna"),
        Some("Anna"),
        Some("anna@acme.com"),
        Some("Ludwig van Beethoven"),
        Some("Anna Keller 2, PhD"),
    ];

    #[test]
    fn salutation_table() {
        let seen: std::collections::HashMap<_, _> = seen_cases().into_iter().collect();
        let s = |label: &str| seen[label].clone();
        // (seen, contact, [en, fr, de, es])
        type Row<'a> = (&'a str, Option<&'a str>, [Option<&'a str>; 4]);
        let table: &[Row] = &[
            ("none", Some("Anna Keller"), [None, None, None, None]),
            (
                "informal",
                Some("Prof. Dr. Anna Keller"),
                [None, None, None, None],
            ),
            (
                "honorific female",
                Some("Prof. Dr. Anna Keller"),
                [
                    Some("Dear Professor Keller,"),
                    Some("Bonjour Madame Keller,"),
                    Some("Sehr geehrte Frau Prof. Dr. Keller,"),
                    Some("Estimada Dra. Keller:"),
                ],
            ),
            (
                "honorific male",
                Some("Thomas Weber"),
                [
                    Some("Dear Mr Weber,"),
                    Some("Bonjour Monsieur Weber,"),
                    Some("Sehr geehrter Herr Weber,"),
                    Some("Estimado Sr. Weber:"),
                ],
            ),
            (
                "honorific es",
                None,
                [
                    Some("Dear Mr García,"),
                    Some("Bonjour Monsieur García,"),
                    Some("Sehr geehrter Herr García,"),
                    Some("Estimado Sr. García:"),
                ],
            ),
            (
                "honorific alone",
                None,
                [
                    Some("Dear Madam,"),
                    Some("Bonjour Madame,"),
                    None,
                    Some("Estimada señora:"),
                ],
            ),
            (
                "honorific alone",
                Some("Anna Keller"),
                [
                    Some("Dear Ms Keller,"),
                    Some("Bonjour Madame Keller,"),
                    Some("Sehr geehrte Frau Keller,"),
                    Some("Estimada Sra. Keller:"),
                ],
            ),
            (
                "title only",
                Some("Anna Keller"),
                [
                    Some("Dear Dr Keller,"),
                    Some("Bonjour Anna Keller,"),
                    Some("Guten Tag Dr. Anna Keller,"),
                    Some("Buenos días, Anna Keller:"),
                ],
            ),
            (
                "title only",
                None,
                [
                    Some("Dear Dr Keller,"),
                    None,
                    Some("Guten Tag Dr. Keller,"),
                    None,
                ],
            ),
            (
                "title gendered",
                Some("Marta López"),
                [
                    Some("Dear Dr López,"),
                    Some("Bonjour Madame López,"),
                    Some("Sehr geehrte Frau Dr. López,"),
                    Some("Estimada Dra. López:"),
                ],
            ),
            (
                "buyer formal",
                Some("Prof. Dr. Anna Keller"),
                [
                    Some("Dear Professor Keller,"),
                    Some("Bonjour Anna Keller,"),
                    Some("Guten Tag Prof. Dr. Anna Keller,"),
                    Some("Buenos días, Anna Keller:"),
                ],
            ),
            (
                "buyer formal",
                Some("Frau Dr. Anna Keller"),
                [
                    Some("Dear Dr Keller,"),
                    Some("Bonjour Madame Keller,"),
                    Some("Sehr geehrte Frau Dr. Keller,"),
                    Some("Estimada Dra. Keller:"),
                ],
            ),
            (
                "formal bare",
                Some("Anna Keller"),
                [
                    Some("Dear Anna Keller,"),
                    Some("Bonjour Anna Keller,"),
                    Some("Guten Tag Anna Keller,"),
                    Some("Buenos días, Anna Keller:"),
                ],
            ),
            (
                "formal bare",
                None,
                [
                    Some("Dear Anna Keller,"),
                    Some("Bonjour Anna Keller,"),
                    Some("Guten Tag Anna Keller,"),
                    Some("Buenos días, Anna Keller:"),
                ],
            ),
            (
                "buyer formal",
                Some("Keller, Anna"),
                [
                    Some("Dear Anna Keller,"),
                    Some("Bonjour Anna Keller,"),
                    Some("Guten Tag Anna Keller,"),
                    Some("Buenos días, Anna Keller:"),
                ],
            ),
            ("buyer formal", None, [None, None, None, None]),
            ("buyer formal", Some("Anna"), [None, None, None, None]),
            (
                "buyer formal",
                Some("anna@acme.com"),
                [None, None, None, None],
            ),
            (
                "buyer formal",
                Some("Anna Keller 2, PhD"),
                [
                    Some("Dear Anna Keller,"),
                    Some("Bonjour Anna Keller,"),
                    Some("Guten Tag Anna Keller,"),
                    Some("Buenos días, Anna Keller:"),
                ],
            ),
            (
                "dear first name",
                Some("Anna Keller"),
                [
                    Some("Dear Anna,"),
                    Some("Bonjour Anna Keller,"),
                    Some("Guten Tag Anna Keller,"),
                    Some("Buenos días, Anna Keller:"),
                ],
            ),
        ];
        for (label, contact, want) in table {
            for (lang, want) in Lang::ALL.into_iter().zip(want) {
                assert_eq!(
                    salutation(lang, s(label).as_ref(), *contact).as_deref(),
                    *want,
                    "{label} / {contact:?} / {}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn surnames_keep_their_particles() {
        let seen = g(true, Some(Male), &[], None);
        assert_eq!(
            salutation(Lang::De, Some(&seen), Some("Ludwig van Beethoven")).as_deref(),
            Some("Sehr geehrter Herr van Beethoven,")
        );
        let seen = greeting_in("Estimada Sra. de la Fuente:");
        assert_eq!(
            salutation(Lang::En, seen.as_ref(), None).as_deref(),
            Some("Dear Ms de la Fuente,")
        );
    }

    /// Words that state a gender, in any language the table writes; Spanish "Dr." reads as male.
    fn gendered(lang: Lang, word: &str, h: Honorific) -> bool {
        let male = [
            "Herr", "geehrter", "Monsieur", "Sr.", "Estimado", "señor", "Mr", "Sir",
        ];
        let female = [
            "Frau", "geehrte", "Madame", "Sra.", "Estimada", "señora", "Ms", "Madam", "Dra.",
        ];
        match h {
            Male => male.contains(&word) || (lang == Lang::Es && word == "Dr."),
            Female => female.contains(&word),
        }
    }

    #[test]
    fn never_the_other_gender_and_never_a_guessed_one() {
        for (label, seen) in seen_cases() {
            for contact in CONTACTS {
                let stated = seen
                    .as_ref()
                    .and_then(Greeting::gender)
                    .or_else(|| contact.and_then(|c| person(c).gender()));
                for lang in Lang::ALL {
                    let Some(out) = salutation(lang, seen.as_ref(), contact) else {
                        continue;
                    };
                    for word in out.split([' ', ',', ':']) {
                        for h in [Male, Female] {
                            if gendered(lang, word, h) {
                                assert_eq!(
                                    stated,
                                    Some(h),
                                    "{label} / {contact:?} / {}: {out}",
                                    lang.code()
                                );
                            }
                        }
                    }
                    assert!(clean(&out), "{out}");
                }
            }
        }
    }

    #[test]
    fn every_salutation_reads_back_as_formal_with_its_gender() {
        for (label, seen) in seen_cases() {
            for contact in CONTACTS {
                for lang in Lang::ALL {
                    let Some(out) = salutation(lang, seen.as_ref(), contact) else {
                        continue;
                    };
                    let back = greeting_in(&out);
                    let ctx = format!("{label} / {contact:?} / {}: {out}", lang.code());
                    assert!(back.as_ref().is_some_and(|b| b.formal), "{ctx}");
                    let stated = seen
                        .as_ref()
                        .and_then(Greeting::gender)
                        .or_else(|| contact.and_then(|c| person(c).gender()));
                    // "Dear Dr Keller," states no gender even when the thread did.
                    let read = back.and_then(|b| b.gender());
                    assert!(read.is_none() || read == stated, "{ctx}");
                }
            }
        }
    }
}
