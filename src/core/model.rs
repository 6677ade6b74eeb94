//! The deal as Stallwatch understands it, whatever CRM it came from.

use super::date::Day;
use super::money::Money;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Crm {
    Salesforce,
    Hubspot,
    /// Deals from a JSON file or an unknown CSV export.
    #[default]
    Other,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Who moved the deal: the buyer (inbound) or the rep's side (outbound).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The buyer acted: a reply, an inbound call, a meeting they attended.
    Inbound,
    /// The rep acted toward the buyer: an email, a call, a text.
    Outbound,
    /// Not a touch between the two sides: a note, an internal task.
    Internal,
    /// Between the two sides, but the page did not say who acted (an email card naming neither
    /// sender nor recipient, an activity with no direction). Never counted as either side:
    /// every fact it could change is left unsaid (`Timeline::unsure`).
    Unknown,
}

/// The medium of a touch, and the buyer's channel preferences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    #[serde(alias = "e-mail", alias = "mail")]
    Email,
    #[serde(alias = "phone", alias = "voice", alias = "voicemail")]
    Call,
    #[serde(alias = "sms", alias = "message", alias = "whatsapp")]
    Text,
    #[serde(alias = "event", alias = "video")]
    Meeting,
    Other,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Call => "call",
            Channel::Text => "text",
            Channel::Meeting => "meeting",
            Channel::Other => "other",
        }
    }

    /// Email, text and calls: the channels a rep sends on (meetings are arranged, not sent).
    pub fn is_sendable(self) -> bool {
        matches!(self, Channel::Email | Channel::Text | Channel::Call)
    }

    /// Reads `email`, `call`, `phone`, `text`, `sms`, `meeting` in any case.
    pub fn parse(s: &str) -> Option<Channel> {
        match s.trim().to_ascii_lowercase().as_str() {
            "email" | "e-mail" | "mail" => Some(Channel::Email),
            "call" | "phone" | "voice" | "voicemail" => Some(Channel::Call),
            "text" | "sms" | "message" | "whatsapp" => Some(Channel::Text),
            "meeting" | "event" | "video" => Some(Channel::Meeting),
            _ => None,
        }
    }
}

/// One item of the activity timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Touch {
    pub day: Day,
    pub direction: Direction,
    pub channel: Channel,
    #[serde(default)]
    pub subject: String,
    /// The body or summary as shown on the page (may be a truncated preview).
    #[serde(default)]
    pub body: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DealStatus {
    #[default]
    Open,
    Won,
    Lost,
}

/// A deal as read from a page or an export. Every field is optional: pages are partial.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Deal {
    pub crm: Crm,
    /// A stable key for notes: `sf:<org host>:<15-char id>` or `hs:<portal>:<deal id>`.
    pub key: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub stage: Option<String>,
    pub status: DealStatus,
    #[serde(default)]
    pub amount: Option<Money>,
    #[serde(default)]
    pub close_date: Option<Day>,
    /// Earlier close dates, oldest first, when the history is visible (exports, field history).
    #[serde(default)]
    pub previous_close_dates: Vec<Day>,
    /// When the deal entered its current stage.
    #[serde(default)]
    pub stage_entered: Option<Day>,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub next_step: Option<String>,
    /// The date the next step is due, when known.
    #[serde(default)]
    pub next_step_date: Option<Day>,
    /// True when the source cannot show a next step at all (a list view): its absence is not
    /// evidence of a missing next step.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub next_step_unknown: bool,
    #[serde(default)]
    pub contact: Option<String>,
    /// `None` when no timeline was visible: different from an empty timeline.
    #[serde(default)]
    pub touches: Option<Vec<Touch>>,
    /// Scheduled and open items (a meeting next week, an open task): not touches, read apart.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub upcoming: Vec<Touch>,
    /// Past activities whose date could not be read (ambiguous or unreadable): when they
    /// happened is unknown, so no fact about what came after any day is stated from the
    /// timeline (`Timeline::sure_since_reply`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub undated: u32,
    /// The page shows only the newest activities and says there are more (Salesforce's
    /// Activity History "(6+)"): what came before the oldest shown is unknown, so no fact about
    /// the whole timeline is stated, nor one about the last reply when none is shown.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub older_not_shown: bool,
    /// The buyer's last reply as an export summarises it ("Last Replied"), used when there is
    /// no timeline.
    #[serde(default)]
    pub last_inbound: Option<Day>,
    /// The language of the page or file the deal was read from, when it says (`<html lang>`):
    /// the messages' language when neither the deal's notes nor the settings name one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<super::lang::Lang>,
}

impl Deal {
    /// How to greet the buyer: their first name ("Dana Whitfield" → "Dana"), or, when the
    /// contact starts with a title, the title and surname ("Dr. Priya Patel" → "Dr. Patel",
    /// "Frau Anna Berg" → "Frau Berg"); `None` when there is no name to use (a title alone, an
    /// email address, digits).
    pub fn contact_greeting_name(&self) -> Option<String> {
        greeting_name(self.contact.as_deref()?)
    }

    /// Touches newest first (stable for equal days: page order, which is newest first too).
    pub fn touches_newest_first(&self) -> Vec<&Touch> {
        let mut v: Vec<&Touch> = self.touches.iter().flatten().collect();
        v.sort_by_key(|t| std::cmp::Reverse(t.day));
        v
    }
}

/// Titles and honorifics that come before a name, in the languages the CRMs are used in
/// (compared without a trailing dot, case-insensitively).
const TITLES: &[&str] = &[
    "dr", "prof", "mr", "mrs", "ms", "mx", "miss", "sir", "dame", "herr", "frau", "m", "mme",
    "mlle", "me", "sr", "sra", "srta", "dott", "dottssa", "ing", "mag", "dipl", "sig", "sig.ra",
    "dhr", "mevr",
];

/// See `Deal::contact_greeting_name`.
pub fn greeting_name(contact: &str) -> Option<String> {
    let words: Vec<&str> = contact
        .split_whitespace()
        .filter(|w| !w.contains('@'))
        .collect();
    let is_title = |w: &str| TITLES.contains(&w.trim_end_matches('.').to_lowercase().as_str());
    let titles: Vec<&str> = words.iter().copied().take_while(|w| is_title(w)).collect();
    let rest = &words[titles.len()..];
    let named = |w: &&&str| w.chars().any(char::is_alphabetic);
    if titles.is_empty() {
        return rest.first().filter(named).map(|w| w.to_string());
    }
    // "Dr. Priya Patel" → "Dr. Patel": the title goes with the surname, never alone.
    let surname = rest.last().filter(named)?;
    Some(format!("{} {surname}", titles.join(" ")))
}

/// Words that name a won or lost stage, in the languages the CRMs are used in, without accents
/// (standard names, their translations, and how admins name custom stages: "Lost – went with
/// competitor", "Closed Won – Signed").
const WON_WORDS: &[&str] = &[
    "won",
    "closedwon",
    "gewonnen",
    "gagne",
    "gagnee",
    "ganado",
    "ganada",
    "ganho",
    "ganha",
    "vinto",
];
const LOST_WORDS: &[&str] = &[
    "lost",
    "closedlost",
    "verloren",
    "perdu",
    "perdue",
    "perdido",
    "perdida",
    "perso",
    "persa",
];
/// "Closed – no decision": a loss by another name.
const NO_DECISION: &[&str] = &[
    "no decision",
    "nodecision",
    "sans decision",
    "keine entscheidung",
    "sin decision",
    "sem decisao",
    "geen beslissing",
];

/// Classifies a stage name: `Closed Won`, `Closed Lost`, `closedlost` (HubSpot's internal id),
/// custom and localised names (`Lost – went with competitor`, `Geschlossen und verloren`,
/// `Fermée gagnée`). Anything else is open.
pub fn status_from_stage(stage: &str) -> DealStatus {
    let mut folded = String::with_capacity(stage.len());
    for c in stage.chars() {
        match c {
            // "Won't" is one word, not "won".
            '\'' | '\u{2019}' => {}
            c if c.is_alphanumeric() => super::phrases::fold_char(c, &mut folded),
            _ => folded.push(' '),
        }
    }
    let words: Vec<&str> = folded.split_whitespace().collect();
    let joined = words.join(" ");
    if words.iter().any(|w| LOST_WORDS.contains(w))
        || NO_DECISION.iter().any(|p| joined.contains(p))
    {
        DealStatus::Lost
    } else if words.iter().any(|w| WON_WORDS.contains(w)) {
        DealStatus::Won
    } else {
        DealStatus::Open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greetings_keep_titles_with_the_surname() {
        for (contact, want) in [
            ("Dana Whitfield", Some("Dana")),
            ("Dr. Priya Patel", Some("Dr. Patel")),
            ("Prof Hans Müller", Some("Prof Müller")),
            ("Frau Dr. Anna Berg", Some("Frau Dr. Berg")),
            ("Mme Claire Dubois", Some("Mme Dubois")),
            ("Dr.", None),
            ("Prof.", None),
            ("dana@acme.com", None),
            ("Marie", Some("Marie")),
            // Near-miss: a first name that starts like a title.
            ("Mira Shah", Some("Mira")),
        ] {
            assert_eq!(greeting_name(contact).as_deref(), want, "{contact}");
        }
    }

    #[test]
    fn stage_status() {
        assert_eq!(status_from_stage("Closed Won"), DealStatus::Won);
        assert_eq!(status_from_stage("closedlost"), DealStatus::Lost);
        assert_eq!(status_from_stage("Closed - Lost"), DealStatus::Lost);
        assert_eq!(status_from_stage("Proposal/Price Quote"), DealStatus::Open);
        for lost in [
            "Lost – went with competitor",
            "Closed – no decision",
            "Geschlossen und verloren",
            "Fermée perdue",
            "Perdida",
            "Verloren",
            "Cerrada perdida",
            "Closed Lost (Pipeline des ventes)",
        ] {
            assert_eq!(status_from_stage(lost), DealStatus::Lost, "{lost}");
        }
        for won in [
            "Closed Won – Signed",
            "Gagnée",
            "Geschlossen und gewonnen",
            "Fechado ganho",
            "closedwon",
        ] {
            assert_eq!(status_from_stage(won), DealStatus::Won, "{won}");
        }
        // Near-misses: open stages that only look like an outcome.
        for open in [
            "Won't decide until Q3 review",
            "Lostock site survey",
            "Decision Maker Bought-In",
            "Closing",
        ] {
            assert_eq!(status_from_stage(open), DealStatus::Open, "{open}");
        }
    }
}
