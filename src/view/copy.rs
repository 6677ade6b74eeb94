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
/// The headline when the page reader failed: nothing is scored from a page it could not read.
pub const UNREADABLE: &str = "Could not read this page";
/// The problem line under it; the reader's own words follow.
pub fn unreadable_problem(why: &str) -> String {
    format!("Stallwatch could not read this page, so it shows no score (the reader said: {why}). Reload the page to try again.")
}
/// Why an action in the overlay was refused: the page had hidden, moved or covered it, so the
/// click may not have been the rep's intent (clickjacking).
pub fn refusal(code: &str) -> &'static str {
    match code {
        "hidden" => "Stallwatch did nothing: this page has made it invisible. Reload the page, and tell your admin if it happens again.",
        "moved" => "Stallwatch did nothing: this page has moved or resized it. Reload the page, and tell your admin if it happens again.",
        "covered" => "Stallwatch did nothing: something on the page covers it. Close or scroll away what covers it, then try again.",
        _ => "Stallwatch did nothing: it could not confirm it is in front of you. Try again in a moment.",
    }
}
/// The badge's word while an action is refused.
pub const BADGE_REFUSED: &str = "Blocked";
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

/// The options page.
pub mod options {
    pub const TITLE: &str = "Stallwatch settings";
    pub const YOU: &str = "You";
    pub const REP_NAME: &str = "Your name (signs the messages)";
    pub const SIGNATURE: &str = "A line under your name (title, company, phone)";
    pub const NUMBERS: &str = "Thresholds and points (see the scoring guide)";
    pub const LISTS: &str = "Lists";
    pub const PHRASES: &str = "Content-free phrases, one per line";
    pub const BAD_FIT_TAGS: &str = "Tags that mark a bad fit, one per line";
    pub const STAGE_NORMS: &str = "Days a deal may sit in each stage (Stage = days)";
    pub const SAVE: &str = "Save";
    pub const DEFAULTS: &str = "Restore the defaults";
    pub const YOUR_DATA: &str = "Your data";
    pub const YOUR_DATA_NOTE: &str = "Your notes and settings live only in this browser. Save a backup file to move them to another browser or to keep them safe.";
    pub const EXPORT: &str = "Save a backup file";
    pub const IMPORT: &str = "Restore from a backup file";
    pub const PRIVACY: &str = "Privacy";
    pub const PRIVACY_LINES: [&str; 3] = [
        "Stallwatch reads the CRM page you are looking at. It never writes into your CRM: no field, no note, no email is changed or sent by it.",
        "It sends nothing anywhere: no server, no analytics, no tracking. Your notes and these settings stay in this browser's extension storage.",
        "The suggested message is copied to your clipboard only when you click Copy.",
    ];
}
