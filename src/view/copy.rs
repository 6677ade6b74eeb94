//! Fixed wording of the extension's pages, in one place so the glue renders words it is given
//! and a reviewer finds every sentence a rep reads here or in the core.

/// A scored deal with no reasons.
pub const NO_STALL: &str = "Nothing on this page looks like a stall.";
pub const WHY: &str = "Why";
pub const SUGGESTED: &str = "Suggested next message";
pub const NOTHING_TO_SEND: &str = "Nothing to send today.";
pub const SUBJECT: &str = "Subject: ";
pub const CALL_OPENERS: &str = "If they pick up, open with:";
pub const COPY: &str = "Copy";
pub const WHAT_I_READ: &str = "What I read on this page";
pub const NOT_READ: &str = "not read";
/// The score of a page that is not a scoreable open deal.
pub const NO_SCORE: &str = "–";
pub const BADGE_DEAL: &str = "Stall risk";
pub const BADGE_LIST: &str = "Stalling";
pub const COLLAPSE: &str = "Collapse";
pub const BADGE_TITLE_PREFIX: &str = "Stallwatch: ";
pub const DEAL_PRIVACY: &str =
    "Read-only: Stallwatch changes nothing in the CRM and sends nothing anywhere.";
pub const LIST_SUBTITLE: &str = "Deals on this page, riskiest first";
pub const LIST_FOOTER: &str =
    "A list shows no activity timeline: open a deal for its full reasons and a suggested message.";
pub const UNNAMED_DEAL: &str = "Unnamed deal";
pub const POPUP_NOT_A_DEAL: &str =
    "Open a Salesforce opportunity or a HubSpot deal to see its stall risk and take notes.";
pub const POPUP_PRIVACY: &str =
    "Notes stay in this browser. Stallwatch writes nothing into the CRM and sends nothing anywhere.";
/// The preferred-channel choices: (stored value, label).
pub const CHANNEL_OPTIONS: [(&str, &str); 4] = [
    ("", "No preference"),
    ("email", "Email"),
    ("text", "Text"),
    ("call", "Call"),
];
