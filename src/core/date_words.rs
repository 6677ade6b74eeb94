//! The words CRM pages use in displayed dates, per language: data for
//! `date::read_display_date`.
//!
//! To add a language, add one `Language` entry and list it in `LANGUAGES`. Write words as the
//! language writes them: matching ignores case, accents (`März` = `marz`) and the kind of
//! apostrophe, and a month or weekday may be followed by a dot (`Dez.` = `dez`), so list each
//! form once, without the dot. Phrases may hold several words (`il y a`, `a las`). A word that
//! is both a month and a weekday (`mar`, the Spanish/French/Italian short Tuesday) is only
//! ever read as the month.

/// One language's date words.
pub struct Language {
    pub code: &'static str,
    /// January first: full names and the abbreviations the language's locales display.
    pub months: [&'static [&'static str]; 12],
    /// Monday first: full names and abbreviations.
    pub weekdays: [&'static [&'static str]; 7],
    /// Words that stand alone for a day relative to today, with the offset in days.
    pub relative_days: &'static [(&'static str, i32)],
    /// "N units ago" as (words before the count, words after the unit); either may be "".
    pub ago: &'static [(&'static str, &'static str)],
    /// Words standing for the count 1 ("an hour ago", "vor einem Tag").
    pub one: &'static [&'static str],
    /// Vague counts ("a few"), accepted only with units shorter than a day.
    pub few: &'static [&'static str],
    /// Units meaning days (singular and plural).
    pub day_units: &'static [&'static str],
    /// Seconds, minutes and hours: "N of these ago" is read as today.
    pub same_day_units: &'static [&'static str],
    /// Words between a date and its time ("at", "à", "um").
    pub at: &'static [&'static str],
    /// Words between day, month and year ("de" in "3 de marzo de 2026").
    pub fillers: &'static [&'static str],
}

pub const EN: Language = Language {
    code: "en",
    months: [
        &["january", "jan"],
        &["february", "feb"],
        &["march", "mar"],
        &["april", "apr"],
        &["may"],
        &["june", "jun"],
        &["july", "jul"],
        &["august", "aug"],
        &["september", "sep", "sept"],
        &["october", "oct"],
        &["november", "nov"],
        &["december", "dec"],
    ],
    weekdays: [
        &["monday", "mon"],
        &["tuesday", "tue", "tues"],
        &["wednesday", "wed"],
        &["thursday", "thu", "thur", "thurs"],
        &["friday", "fri"],
        &["saturday", "sat"],
        &["sunday", "sun"],
    ],
    relative_days: &[
        ("today", 0),
        ("just now", 0),
        ("now", 0),
        ("yesterday", -1),
        ("tomorrow", 1),
    ],
    ago: &[("", "ago")],
    one: &["a", "an", "one"],
    few: &["a few"],
    day_units: &["day", "days"],
    same_day_units: &[
        "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours",
        "hr", "hrs",
    ],
    at: &["at"],
    fillers: &[],
};

pub const DE: Language = Language {
    code: "de",
    months: [
        &["januar", "jan", "jänner", "jän"],
        &["februar", "feb"],
        &["märz", "mär", "mrz"],
        &["april", "apr"],
        &["mai"],
        &["juni", "jun"],
        &["juli", "jul"],
        &["august", "aug"],
        &["september", "sep", "sept"],
        &["oktober", "okt"],
        &["november", "nov"],
        &["dezember", "dez"],
    ],
    weekdays: [
        &["montag", "mo"],
        &["dienstag", "di"],
        &["mittwoch", "mi"],
        &["donnerstag", "do"],
        &["freitag", "fr"],
        &["samstag", "sonnabend", "sa"],
        &["sonntag", "so"],
    ],
    relative_days: &[
        ("heute", 0),
        ("gerade eben", 0),
        ("gestern", -1),
        ("vorgestern", -2),
        // Also "morning", but only the whole value is matched, never a word inside a phrase.
        ("morgen", 1),
        ("übermorgen", 2),
    ],
    ago: &[("vor", "")],
    one: &["ein", "eine", "einem", "einer"],
    few: &["ein paar", "wenigen"],
    day_units: &["tag", "tage", "tagen"],
    same_day_units: &[
        "sekunde", "sekunden", "sek", "minute", "minuten", "min", "stunde", "stunden", "std",
    ],
    at: &["um"],
    fillers: &[],
};

pub const FR: Language = Language {
    code: "fr",
    months: [
        &["janvier", "janv"],
        &["février", "févr", "fév"],
        &["mars"],
        &["avril", "avr"],
        &["mai"],
        &["juin"],
        &["juillet", "juil"],
        &["août"],
        &["septembre", "sept"],
        &["octobre", "oct"],
        &["novembre", "nov"],
        &["décembre", "déc"],
    ],
    weekdays: [
        &["lundi", "lun"],
        &["mardi", "mar"],
        &["mercredi", "mer"],
        &["jeudi", "jeu"],
        &["vendredi", "ven"],
        &["samedi", "sam"],
        &["dimanche", "dim"],
    ],
    relative_days: &[
        ("aujourd'hui", 0),
        ("à l'instant", 0),
        ("hier", -1),
        ("avant-hier", -2),
        ("demain", 1),
        ("après-demain", 2),
    ],
    ago: &[("il y a", "")],
    one: &["un", "une"],
    few: &["quelques"],
    day_units: &["jour", "jours"],
    same_day_units: &[
        "seconde", "secondes", "minute", "minutes", "min", "heure", "heures",
    ],
    at: &["à"],
    fillers: &[],
};

pub const ES: Language = Language {
    code: "es",
    months: [
        &["enero", "ene"],
        &["febrero", "feb"],
        &["marzo", "mar"],
        &["abril", "abr"],
        &["mayo", "may"],
        &["junio", "jun"],
        &["julio", "jul"],
        &["agosto", "ago"],
        &["septiembre", "setiembre", "sept", "sep", "set"],
        &["octubre", "oct"],
        &["noviembre", "nov"],
        &["diciembre", "dic"],
    ],
    weekdays: [
        &["lunes", "lun"],
        &["martes", "mar"],
        &["miércoles", "mié", "mie"],
        &["jueves", "jue"],
        &["viernes", "vie"],
        &["sábado", "sáb"],
        &["domingo", "dom"],
    ],
    relative_days: &[
        ("hoy", 0),
        ("ahora", 0),
        ("ayer", -1),
        ("anteayer", -2),
        ("antier", -2),
        ("mañana", 1),
        ("pasado mañana", 2),
    ],
    ago: &[("hace", "")],
    one: &["un", "una", "uno"],
    few: &["unos", "unos pocos"],
    day_units: &["día", "días"],
    same_day_units: &[
        "segundo", "segundos", "minuto", "minutos", "min", "hora", "horas",
    ],
    at: &["a las", "a la"],
    fillers: &["de", "del"],
};

pub const NL: Language = Language {
    code: "nl",
    months: [
        &["januari", "jan"],
        &["februari", "feb"],
        &["maart", "mrt"],
        &["april", "apr"],
        &["mei"],
        &["juni", "jun"],
        &["juli", "jul"],
        &["augustus", "aug"],
        &["september", "sep", "sept"],
        &["oktober", "okt"],
        &["november", "nov"],
        &["december", "dec"],
    ],
    weekdays: [
        &["maandag", "ma"],
        &["dinsdag", "di"],
        &["woensdag", "wo"],
        &["donderdag", "do"],
        &["vrijdag", "vr"],
        &["zaterdag", "za"],
        &["zondag", "zo"],
    ],
    relative_days: &[
        ("vandaag", 0),
        ("zojuist", 0),
        ("gisteren", -1),
        ("eergisteren", -2),
        ("morgen", 1),
        ("overmorgen", 2),
    ],
    ago: &[("", "geleden")],
    one: &["een", "één"],
    few: &["een paar", "enkele"],
    day_units: &["dag", "dagen"],
    same_day_units: &[
        "seconde", "seconden", "sec", "minuut", "minuten", "min", "uur", "uren",
    ],
    at: &["om"],
    fillers: &[],
};

pub const PT: Language = Language {
    code: "pt",
    months: [
        &["janeiro", "jan"],
        &["fevereiro", "fev"],
        &["março", "mar"],
        &["abril", "abr"],
        &["maio", "mai"],
        &["junho", "jun"],
        &["julho", "jul"],
        &["agosto", "ago"],
        &["setembro", "set"],
        &["outubro", "out"],
        &["novembro", "nov"],
        &["dezembro", "dez"],
    ],
    weekdays: [
        &["segunda-feira", "segunda", "seg"],
        &["terça-feira", "terça", "ter"],
        &["quarta-feira", "quarta", "qua"],
        &["quinta-feira", "quinta", "qui"],
        &["sexta-feira", "sexta", "sex"],
        &["sábado", "sáb"],
        &["domingo", "dom"],
    ],
    relative_days: &[
        ("hoje", 0),
        ("agora", 0),
        ("ontem", -1),
        ("anteontem", -2),
        ("amanhã", 1),
        ("depois de amanhã", 2),
    ],
    ago: &[("há", ""), ("", "atrás")],
    one: &["um", "uma"],
    few: &["alguns", "poucos"],
    day_units: &["dia", "dias"],
    same_day_units: &[
        "segundo", "segundos", "minuto", "minutos", "min", "hora", "horas",
    ],
    at: &["às", "à"],
    fillers: &["de"],
};

pub const IT: Language = Language {
    code: "it",
    months: [
        &["gennaio", "gen"],
        &["febbraio", "feb"],
        &["marzo", "mar"],
        &["aprile", "apr"],
        &["maggio", "mag"],
        &["giugno", "giu"],
        &["luglio", "lug"],
        &["agosto", "ago"],
        &["settembre", "set"],
        &["ottobre", "ott"],
        &["novembre", "nov"],
        &["dicembre", "dic"],
    ],
    weekdays: [
        &["lunedì", "lun"],
        &["martedì", "mar"],
        &["mercoledì", "mer"],
        &["giovedì", "gio"],
        &["venerdì", "ven"],
        &["sabato", "sab"],
        &["domenica", "dom"],
    ],
    relative_days: &[
        ("oggi", 0),
        ("adesso", 0),
        ("ieri", -1),
        ("l'altro ieri", -2),
        ("altroieri", -2),
        ("domani", 1),
        ("dopodomani", 2),
    ],
    ago: &[("", "fa")],
    one: &["un", "una", "uno", "un'"],
    few: &["alcuni", "pochi"],
    day_units: &["giorno", "giorni"],
    same_day_units: &[
        "secondo", "secondi", "minuto", "minuti", "min", "ora", "ore",
    ],
    at: &["alle", "all'", "alle ore"],
    fillers: &[],
};

/// Japanese. Its dates (`2026年3月12日`) are read by the year/month/day marks below, so it has
/// no month names.
pub const JA: Language = Language {
    code: "ja",
    months: [&[]; 12],
    weekdays: [
        &["月曜日", "月曜"],
        &["火曜日", "火曜"],
        &["水曜日", "水曜"],
        &["木曜日", "木曜"],
        &["金曜日", "金曜"],
        &["土曜日", "土曜"],
        &["日曜日", "日曜"],
    ],
    relative_days: &[
        ("今日", 0),
        ("本日", 0),
        ("たった今", 0),
        ("昨日", -1),
        ("一昨日", -2),
        ("おととい", -2),
        ("明日", 1),
        ("明後日", 2),
        ("あさって", 2),
    ],
    ago: &[("", "前")],
    one: &[],
    few: &["数"],
    day_units: &["日"],
    same_day_units: &["秒", "分", "時間"],
    at: &[],
    fillers: &[],
};

pub const LANGUAGES: &[Language] = &[EN, DE, FR, ES, NL, PT, IT, JA];

/// Year, month and day marks of Japanese (and Chinese) dates: `2026年3月12日`.
pub const CJK_YEAR: &str = "年";
pub const CJK_MONTH: &str = "月";
pub const CJK_DAY: &str = "日";

/// Zone names that may follow a time (`GMT+2`, `CET`, `UTC+01:00`); ignored, since a day is
/// read in the page's own calendar.
pub const ZONES: &[&str] = &[
    "gmt", "utc", "z", "cet", "cest", "mez", "mesz", "wet", "west", "eet", "eest", "bst", "ist",
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst", "akdt", "hst", "jst", "kst",
    "aest", "aedt", "brt",
];
