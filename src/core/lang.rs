//! The languages Stallwatch writes messages in, and how a message names a day in each.
//!
//! Only the messages to the buyer are written in their language; what Stallwatch says to the
//! rep (reasons, advice, the interface) stays English.

use super::date::Day;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    En,
    Fr,
    De,
    Es,
}

impl Lang {
    /// Every language a message can be written in, in the order the switcher shows them. The
    /// language choices (`view::copy`) are built from it; `note_voice::VOICES` has one entry
    /// per language, and tests check that replies (`listen`) and CRM dates (`date_words`) are
    /// read in each.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::De, Lang::Es];

    /// The stored code (`fr`).
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Es => "es",
        }
    }

    /// The language's English name, for the rep's interface.
    pub const fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "French",
            Lang::De => "German",
            Lang::Es => "Spanish",
        }
    }

    /// A stored code (`fr`) or an English name (`French`), in any case.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim();
        Lang::ALL
            .into_iter()
            .find(|l| s.eq_ignore_ascii_case(l.code()) || s.eq_ignore_ascii_case(l.name()))
    }

    /// The language of a BCP 47 tag (`fr-CA`, `de_CH`, `es-419`), when it is one we write in.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::ALL
            .into_iter()
            .find(|l| primary.eq_ignore_ascii_case(l.code()))
    }

    /// A day as a message names it, with the year only when it is not `now`'s: "14 Mar",
    /// "14 mars", "14. März", "14 de marzo"; "1er février 2027" in French.
    pub fn date(self, d: Day, now: Day) -> String {
        if self == Lang::En {
            return d.short(now);
        }
        let (y, m, day) = d.ymd();
        let month = self.month(m);
        let this_year = y == now.ymd().0;
        match self {
            Lang::Fr => {
                let n = if day == 1 {
                    "1er".to_string()
                } else {
                    day.to_string()
                };
                if this_year {
                    format!("{n} {month}")
                } else {
                    format!("{n} {month} {y}")
                }
            }
            Lang::De if this_year => format!("{day}. {month}"),
            Lang::De => format!("{day}. {month} {y}"),
            Lang::Es if this_year => format!("{day} de {month}"),
            Lang::Es => format!("{day} de {month} de {y}"),
            Lang::En => d.short(now),
        }
    }

    /// The full name of month `m` (1–12), in lower case where the language writes it so.
    fn month(self, m: u32) -> &'static str {
        let names: [&str; 12] = match self {
            Lang::En => [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ],
            Lang::Fr => [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ],
            Lang::De => [
                "Januar",
                "Februar",
                "März",
                "April",
                "Mai",
                "Juni",
                "Juli",
                "August",
                "September",
                "Oktober",
                "November",
                "Dezember",
            ],
            Lang::Es => [
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre",
            ],
        };
        names[(m.clamp(1, 12) - 1) as usize]
    }

    /// The day of the week ("Tuesday", "mardi", "Dienstag", "martes").
    pub fn weekday(self, d: Day) -> &'static str {
        // Monday first, as `Day::weekday` counts.
        let names: [&str; 7] = match self {
            Lang::En => [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ],
            Lang::Fr => [
                "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
            ],
            Lang::De => [
                "Montag",
                "Dienstag",
                "Mittwoch",
                "Donnerstag",
                "Freitag",
                "Samstag",
                "Sonntag",
            ],
            Lang::Es => [
                "lunes",
                "martes",
                "miércoles",
                "jueves",
                "viernes",
                "sábado",
                "domingo",
            ],
        };
        names[d.weekday() as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Day {
        Day::from_ymd(y, m, d).expect("a valid date")
    }

    #[test]
    fn all_holds_every_language() {
        // A new variant does not compile here until it is named, and then must be in `ALL`.
        for l in [Lang::En, Lang::Fr, Lang::De, Lang::Es] {
            match l {
                Lang::En | Lang::Fr | Lang::De | Lang::Es => {
                    assert!(Lang::ALL.contains(&l), "{l:?} is not in Lang::ALL")
                }
            }
        }
    }

    #[test]
    fn tags_and_codes() {
        assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("de_CH"), Some(Lang::De));
        assert_eq!(Lang::from_tag("es-419"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("nl-NL"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::parse("French"), Some(Lang::Fr));
        assert_eq!(Lang::parse(" de "), Some(Lang::De));
        assert_eq!(Lang::parse("fra"), None);
    }

    #[test]
    fn dates_as_each_language_writes_them() {
        let now = day(2026, 11, 29);
        assert_eq!(Lang::En.date(day(2026, 3, 14), now), "14 Mar");
        assert_eq!(Lang::Fr.date(day(2026, 3, 14), now), "14 mars");
        assert_eq!(Lang::Fr.date(day(2027, 2, 1), now), "1er février 2027");
        assert_eq!(Lang::De.date(day(2026, 3, 14), now), "14. März");
        assert_eq!(Lang::De.date(day(2027, 2, 1), now), "1. Februar 2027");
        assert_eq!(Lang::Es.date(day(2026, 3, 14), now), "14 de marzo");
        assert_eq!(Lang::Es.date(day(2027, 2, 1), now), "1 de febrero de 2027");
    }

    #[test]
    fn weekdays() {
        let sunday = day(2026, 11, 29);
        assert_eq!(Lang::En.weekday(sunday), "Sunday");
        assert_eq!(Lang::Fr.weekday(sunday.plus(2)), "mardi");
        assert_eq!(Lang::De.weekday(day(2026, 3, 20)), "Freitag");
        assert_eq!(Lang::Es.weekday(sunday.plus(3)), "miércoles");
    }
}
