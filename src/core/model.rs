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
    /// The buyer's last reply as an export summarises it ("Last Replied"), used when there is
    /// no timeline.
    #[serde(default)]
    pub last_inbound: Option<Day>,
}

impl Deal {
    /// The buyer's first name, for greetings ("Dana Whitfield" → "Dana").
    pub fn contact_first_name(&self) -> Option<&str> {
        self.contact
            .as_deref()
            .and_then(|c| c.split_whitespace().next())
            .filter(|w| w.chars().any(char::is_alphabetic))
    }

    /// Touches newest first (stable for equal days: page order, which is newest first too).
    pub fn touches_newest_first(&self) -> Vec<&Touch> {
        let mut v: Vec<&Touch> = self.touches.iter().flatten().collect();
        v.sort_by_key(|t| std::cmp::Reverse(t.day));
        v
    }
}

/// Classifies a stage name: `Closed Won`, `Closed Lost`, `closedwon` (HubSpot's internal id) …
pub fn status_from_stage(stage: &str) -> DealStatus {
    let s: String = stage
        .to_ascii_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    if s.contains("closedwon") || s == "won" {
        DealStatus::Won
    } else if s.contains("closedlost") || s == "lost" {
        DealStatus::Lost
    } else {
        DealStatus::Open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_status() {
        assert_eq!(status_from_stage("Closed Won"), DealStatus::Won);
        assert_eq!(status_from_stage("closedlost"), DealStatus::Lost);
        assert_eq!(status_from_stage("Closed - Lost"), DealStatus::Lost);
        assert_eq!(status_from_stage("Proposal/Price Quote"), DealStatus::Open);
    }
}
