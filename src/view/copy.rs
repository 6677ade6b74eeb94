//! Fixed wording of the extension's pages, in one place so the glue renders words it is given
//! and a reviewer finds every sentence a rep reads here or in the core.

/// A scored deal with no reasons.
pub const NO_STALL: &str = "Nothing on this page looks like a stall.";
pub const WHY: &str = "Why";
/// The day's queue sections, as the list panel heads them.
pub fn section(s: crate::core::risk::Section) -> &'static str {
    use crate::core::risk::Section;
    match s {
        Section::ActToday => "Act today",
        Section::Waiting => "Waiting",
        Section::Paused => "Paused, let go or close out",
        Section::Closed => "Closed",
    }
}

/// In front of a value that cannot be right ("Check this: a negative amount (-4800)").
pub const DOUBT_PREFIX: &str = "Check this: ";

/// Heading of what the buyer's side said that changes what to do (no points).
pub const HEARD: &str = "What they said";
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
/// The badge's accessible name on a deal page ("Stall risk 72 (high). Open for …").
pub fn badge_label_deal(number: &str, band: Option<&str>) -> String {
    match band {
        Some(b) => format!(
            "Stall risk {number} ({b}). Open Stallwatch for the reasons and the next message."
        ),
        None => "No stall risk shown for this page. Open Stallwatch for what it read.".to_string(),
    }
}
/// The badge's accessible name on a list or board.
pub fn badge_label_list(stalling: usize) -> String {
    match stalling {
        1 => "1 deal on this page is stalling. Open Stallwatch for the ranked list.".to_string(),
        n => format!("{n} deals on this page are stalling. Open Stallwatch for the ranked list."),
    }
}
pub const DEAL_PRIVACY: &str =
    "Read-only: Stallwatch changes nothing in the CRM and sends nothing anywhere.";
pub const LIST_SUBTITLE: &str = "Deals on this page, riskiest first";
pub const LIST_FOOTER: &str =
    "A list shows no activity timeline: open a deal for its full reasons and a suggested message.";
pub const UNNAMED_DEAL: &str = "Unnamed deal";
/// A list row scored with the timeline its record page showed on `day`.
pub fn remembered_as_of(day: crate::core::date::Day, now: crate::core::date::Day) -> String {
    match now.days_since(day) {
        0 => "as of today".to_string(),
        1 => "as of yesterday".to_string(),
        n => format!("as of {} ({n} days ago)", day.short(now)),
    }
}
/// The headline when the page reader failed: nothing is scored from a page it could not read.
pub const UNREADABLE: &str = "Could not read this page";
/// The problem line under it; the reader's own words follow.
pub fn unreadable_problem(why: &str) -> String {
    format!("Stallwatch could not read this page, so it shows no score (the reader said: {why}). Reload the page to try again.")
}
/// Why an action in the overlay was refused: the page had hidden, moved or covered it, so the
/// click may not have been the rep's intent (clickjacking).
pub fn refusal(why: super::refused::Refused) -> &'static str {
    use super::refused::Refused;
    match why {
        Refused::Hidden => "Stallwatch did nothing: this page has made it invisible. Reload the page, and tell your admin if it happens again.",
        Refused::Moved => "Stallwatch did nothing: this page has moved or resized it. Reload the page, and tell your admin if it happens again.",
        Refused::Covered | Refused::Obscured => "Stallwatch did nothing: something on the page covers it. Close or scroll away what covers it, then try again.",
        Refused::Recent => "Stallwatch did nothing: something on the page covered it a moment before your click. Check what the card shows, then click again.",
        Refused::Gesture => "Stallwatch did nothing: the click did not start and end on the same button of the card. Click again.",
        Refused::Removed | Refused::Unpaired | Refused::NoAnswer => "Stallwatch did nothing: it could not confirm it is in front of you. Try again in a moment.",
    }
}
/// The popup's save line: while a note is written, once it is, and when the browser refused.
pub mod notes_status {
    pub const SAVING: &str = "Saving…";
    pub const SAVED: &str = "Saved on this computer";
    pub const NOT_SAVED: &str = "Not saved:";
}
/// The badge's word while an action is refused.
pub const BADGE_REFUSED: &str = "Blocked";
pub const POPUP_NOT_A_DEAL: &str =
    "Open a Salesforce opportunity or a HubSpot deal to see its stall risk and take notes.";
/// Under the popup's title: how to use the notes from the keyboard.
pub const POPUP_KEYS: &str =
    "Saved as you type. Enter: done (Shift+Enter: new line). Esc: close. Shortcut to open: Alt+Shift+S.";
pub const POPUP_PRIVACY: &str =
    "Notes stay in this browser. Stallwatch writes nothing into the CRM and sends nothing anywhere.";
/// The popup's flag under the buyer's reason when it reads like a private note: what gave it
/// away, and why it matters (messages quote the reason to the buyer).
pub fn private_flag(f: &crate::core::note_voice::Flag) -> String {
    use crate::core::note_voice::Cue;
    let why = match f.cue {
        Cue::AboutThem => "is about them, not their own words",
        Cue::Judgment => "is your own view of them",
    };
    format!(
        "This reads like a private note: \"{}\" {why}. Messages quote this field to them: move it?",
        f.words
    )
}
/// The flag's button: moves the reason's text into the private notes.
pub const MOVE_TO_PRIVATE: &str = "Move it to private notes";
/// The notes' language choices: (stored value, label); empty = the usual default.
pub const LANGUAGE_OPTIONS: LanguageChoices = language_choices("Your default");
/// A language choice list: the choice of none first, then every message language.
pub type LanguageChoices = [(&'static str, &'static str); 1 + crate::core::lang::Lang::ALL.len()];
/// `("", none)`, then (code, English name) of every language in `Lang::ALL`, in its order: a
/// language added there can be chosen in the popup and on the options page.
const fn language_choices(none: &'static str) -> LanguageChoices {
    use crate::core::lang::Lang;
    let mut out = [("", none); 1 + Lang::ALL.len()];
    let mut i = 0;
    while i < Lang::ALL.len() {
        out[i + 1] = (Lang::ALL[i].code(), Lang::ALL[i].name());
        i += 1;
    }
    out
}
/// Under the language switcher: which language the drafts are in, and why that one.
pub fn language_from(
    lang: crate::core::lang::Lang,
    from: crate::core::message::LangFrom,
) -> String {
    use crate::core::message::LangFrom;
    let why = match from {
        LangFrom::Notes => "this deal's notes",
        LangFrom::Settings => "your default in the options",
        LangFrom::Page => "the page's language",
        LangFrom::Default => "nothing names another language",
    };
    format!("In {} ({why}). Pick another for this buyer:", lang.name())
}
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
    /// Your own phrases for what a buyer's reply can mean: (setting, label).
    pub const HEARD: [(&str, &str); 6] = [
        ("heard_no", "Also a no (one phrase per line, any language)"),
        ("heard_buying", "Also a buying signal"),
        ("heard_price_push", "Also pushing on price"),
        ("heard_auto_reply", "Also an auto-reply"),
        ("heard_left", "Also \"my contact left\""),
        ("heard_request", "Also a request waiting on you"),
    ];
    pub const DATES: &str = "Dates and language";
    pub const DATE_ORDER: &str = "Your CRM shows 05/03/2026 as";
    /// The date order choices: stored value, label.
    pub const DATE_ORDER_CHOICES: [(&str, &str); 3] = [
        (
            "",
            "Decide from each page (ambiguous dates are not used until a page shows)",
        ),
        ("day_first", "5 March (day first: UK, most of Europe)"),
        ("month_first", "May 3 (month first: US)"),
    ];
    pub const MESSAGE_LANGUAGE: &str = "Write messages in";
    /// The message language choices: stored value, label.
    pub const MESSAGE_LANGUAGE_CHOICES: super::LanguageChoices =
        super::language_choices("The page's language when it says, else English");
    pub const NUMBERS: &str = "Thresholds and points (see the scoring guide)";
    /// The few settings a rep changes, first.
    pub const FIRST: &str = "When Stallwatch speaks up";
    /// The settings shown first, in order (the rest are under Advanced).
    pub const FIRST_NUMBERS: [&str; 3] = ["silence_start_days", "wait_days", "memory_days"];
    pub const ADVANCED: &str =
        "Advanced: every threshold and point value, by signal (the scoring guide explains each)";
    /// What a first setting changes, with the number the rep typed and their own calendar.
    pub fn example(key: &str, n: u32, today: crate::core::date::Day) -> Option<String> {
        use crate::core::date::Day;
        use crate::core::lang::Lang;
        let named = |d: Day| format!("{} {}", Lang::En.weekday(d), d.short(today));
        // The last Monday on or before today: an example the rep can check on their calendar.
        let monday = today.plus(-(today.weekday() as i32));
        match key {
            "silence_start_days" => Some(format!(
                "With {n} days, a buyer whose last word was on {} counts as silent from {} (or later, when their usual rhythm is slower: 1.5× their usual gap).",
                named(monday),
                named(monday.plus(n as i32 + 1))
            )),
            "wait_days" => Some(format!(
                "With {n} days, after you send something of value on {}, Stallwatch says to wait, and to act again from {}.",
                named(monday),
                named(monday.plus(n as i32 + 1))
            )),
            "memory_days" => Some(format!(
                "With {n} days, a deal you last opened on {} is forgotten on {} (its notes are kept).",
                named(monday),
                named(monday.plus(n as i32 + 1))
            )),
            _ => None,
        }
    }
    pub const YOUR_STAGES: &str = "Your stages";
    /// The stages seen on the rep's pages that use the default norm.
    pub fn stages_without_norm(stages: &[&str], default_days: u32) -> String {
        format!(
            "Seen on your pages, using the default of {default_days} days: {}. Add a line (Stage = days) to give one its own.",
            stages.join(", ")
        )
    }
    pub const YOUR_STAGES_NOTE: &str = "How many days a deal may sit in each stage before it counts as stuck. The stages Stallwatch has seen on your pages are listed with the default until you change them.";
    /// The advanced thresholds, by signal: (title, what the group changes, settings).
    pub const GROUPS: [(&str, &str, &[&str]); 13] = [
        ("Silence", "How long the buyer may be silent before it costs points, and how fast the points grow.", &["silence_start_days", "silence_full_days", "silence_max_points"]),
        ("Their deadline", "Points when the buyer's own deadline (from your notes) comes close, or passes, while the deal is open.", &["deadline_window_days", "deadline_near_points", "deadline_urgent_days", "deadline_urgent_points", "deadline_soon_days", "deadline_soon_points", "deadline_passed_points"]),
        ("Follow-up trap", "Your touches in a row since the buyer's last reply, and extra points for the content-free ones (\"just checking in\").", &["streak_start", "streak_points_per_touch", "content_free_extra_points", "streak_max_points"]),
        ("Effort balance", "Your share of the recent touches: past half, the deal runs on your effort alone.", &["balance_window_touches", "balance_window_days", "balance_min_touches", "balance_start_percent", "balance_full_percent", "balance_max_points"]),
        ("Their reason", "A deal with no recorded reason why the buyer wants it.", &["no_reason_points"]),
        ("Channel", "Writing on a channel the buyer asked you not to use, or only ever on another one than they prefer.", &["channel_window_days", "channel_avoided_points", "channel_avoided_max_points", "channel_other_points", "channel_other_max_points"]),
        ("Close date", "A close date that passed, or that keeps moving out.", &["past_due_points", "close_push_min", "close_push_points", "close_push_max_points"]),
        ("Stage age", "Days in a stage beyond its norm (set each stage above; this is the default).", &["stage_norm_default_days", "stage_age_min_points", "stage_age_max_points"]),
        ("Next step", "No next step, or one whose date passed.", &["no_next_step_points", "next_step_overdue_points"]),
        ("Bad fit", "Short replies, the same quote sent again and again, discounts, your bad-fit tags: enough of them and the advice is to walk away.", &["fit_short_replies_points", "short_reply_chars", "fit_resent_quote_points", "resend_threshold", "fit_discount_points", "discount_threshold", "fit_tags_points", "walk_away_fit_points"]),
        ("Waiting and moving on", "When the ball is in their court, when to bring something new instead of asking again, and when to close it out.", &["wait_days", "new_value_after_days", "close_out_after_days"]),
        ("What the buyer said", "A question waiting for your answer, a no, a contact who left, and concessions you offered unasked.", &["buyer_waiting_points", "buyer_waiting_points_per_day", "buyer_waiting_max_points", "buyer_said_no_points", "champion_left_points", "concession_threshold", "rep_concessions_points"]),
        ("Memory", "How long Stallwatch remembers a deal you have not opened again (never its notes).", &["memory_days"]),
    ];
    pub const LISTS: &str = "Lists";
    pub const PHRASES: &str = "Content-free phrases, one per line";
    pub const BAD_FIT_TAGS: &str = "Tags that mark a bad fit, one per line";
    pub const STAGE_NORMS: &str = "Days a deal may sit in each stage (Stage = days)";
    pub const SAVE: &str = "Save";
    pub const DEFAULTS: &str = "Restore the defaults";
    pub const YOUR_DATA: &str = "Your data";
    pub const YOUR_DATA_NOTE: &str = "Your notes, your settings and what Stallwatch remembers of the deals you opened (for your lists and the Today queue) live only in this browser. Save a backup file to move them to another browser or to keep them safe.";
    pub const DELETE_ALL: &str = "Delete everything Stallwatch keeps here";
    pub const DELETE_ALL_CONFIRM: &str =
        "Click again to delete all your notes, settings and remembered deals";
    pub const DELETED_ALL: &str = "Deleted. Stallwatch keeps nothing in this browser now.";
    pub const EXPORT: &str = "Save a backup file";
    pub const IMPORT: &str = "Restore from a backup file";
    pub const PRIVACY: &str = "Privacy";
    pub const PRIVACY_LINES: [&str; 3] = [
        "Stallwatch reads the CRM page you are looking at. It never writes into your CRM: no field, no note, no email is changed or sent by it.",
        "It sends nothing anywhere: no server, no analytics, no tracking. Your notes, these settings and what it remembers of the deals you opened stay in this browser's extension storage.",
        "The suggested message is copied to your clipboard only when you click Copy.",
    ];
}

/// The Today queue.
pub mod today {
    use crate::core::date::Day;

    pub const TITLE: &str = "Today";
    /// The queue's sections, as headed.
    pub fn section(s: crate::view::TodaySection) -> &'static str {
        use crate::view::TodaySection;
        match s {
            TodaySection::ActToday => "Act today",
            TodaySection::Waiting => "Waiting until",
            TodaySection::Snoozed => "Snoozed until",
            TodaySection::LetGo => "Let go or close out",
            TodaySection::NotOpened => "Seen in a list, not opened yet",
        }
    }
    /// The queue's headline: the deals to act on among those opened, and those only seen in a
    /// list.
    pub fn headline(act: usize, opened: usize, listed: usize) -> String {
        let head = match (act, opened) {
            (_, 0) if listed == 0 => return "No deals yet".to_string(),
            (_, 0) => "No deal opened yet".to_string(),
            (0, n) => format!("Nothing to send today, of {n} you have opened"),
            (1, n) => format!("1 deal to act on today, of {n} you have opened"),
            (a, n) => format!("{a} deals to act on today, of {n} you have opened"),
        };
        match listed {
            0 => head,
            n => format!("{head}; {n} more seen in a list, not opened yet"),
        }
    }
    pub const EMPTY: &str = "Stallwatch lists the deals you have opened. Open your pipeline's list view or board in Salesforce or HubSpot, and the deals you work on: they appear here. Nothing is fetched; only what you open is read.";
    pub fn snoozed_until(d: Day, now: Day) -> String {
        format!("Snoozed until {}", d.short(now))
    }
    pub fn wait_until(d: Day, now: Day) -> String {
        format!("Wait: act from {}", d.short(now))
    }
    pub const OPEN: &str = "Open in the CRM";
    /// In place of a message for a deal whose activity Stallwatch has not read.
    pub const OPEN_FIRST: &str =
        "Open the deal once so Stallwatch can read its activity; then it suggests a message.";
    /// When a deal's record page was read.
    pub fn read_on(d: Day, now: Day) -> String {
        match now.days_since(d) {
            0 => "read today".to_string(),
            1 => "read yesterday".to_string(),
            n => format!("read {} ({n} days ago)", d.short(now)),
        }
    }
    /// When a deal only seen in a list or board was last seen.
    pub fn seen_in_list(d: Day, now: Day) -> String {
        match now.days_since(d) {
            0 => "seen in a list today".to_string(),
            1 => "seen in a list yesterday".to_string(),
            n => format!("seen in a list on {} ({n} days ago)", d.short(now)),
        }
    }
    pub const COPY: &str = "Copy message";
    pub const COPIED: &str = "Copied";
    pub const FULL_VIEW: &str = "Open the full Today view";
    pub const ALL_CRMS: &str = "Every CRM";
    pub const ALL_OWNERS: &str = "Every owner";
    pub const KEYS: &str =
        "Keys: ↑ ↓ or j k to move, Enter to open the deal, c to copy its message.";
    pub const PRIVACY: &str =
        "From the deals you opened, remembered in this browser only. Nothing is fetched or sent.";
}

/// Reminders (browser notifications) and the options page's section that turns them on.
pub mod reminders {
    use crate::core::date::Day;

    pub fn snooze_over(name: &str) -> String {
        format!("Snooze over: {name}")
    }
    pub fn snooze_body(until: Day, now: Day, reason: Option<&str>) -> String {
        match reason {
            Some(r) => format!(
                "You paused it until {} ({r}). Open it to see what to send.",
                until.short(now)
            ),
            None => format!(
                "You paused it until {}. Open it to see what to send.",
                until.short(now)
            ),
        }
    }
    pub fn wait_over(name: &str) -> String {
        format!("Time to act again: {name}")
    }
    pub fn wait_body(top_reason: Option<&str>) -> String {
        match top_reason {
            Some(r) => format!("The wait is over. {r}"),
            None => "The wait is over. Open it to see what to send.".to_string(),
        }
    }
    pub fn deadline_close(name: &str, days: i32) -> String {
        match days {
            0 => format!("Their deadline is today: {name}"),
            1 => format!("Their deadline is tomorrow: {name}"),
            n => format!("Their deadline is in {n} days: {name}"),
        }
    }
    pub fn deadline_body(deadline: Day, now: Day, reason: Option<&str>) -> String {
        match reason {
            Some(r) => format!(
                "{}: they want to {r}. Is anything waiting on you?",
                deadline.short(now)
            ),
            None => format!("{}. Is anything waiting on you?", deadline.short(now)),
        }
    }
    pub const SECTION: &str = "Reminders";
    pub const WHY: &str = "A browser notification when a snooze ends, when a wait ends, and 3 days before a buyer's deadline, for the deals you have opened; a click opens the deal. Turning them on asks your browser for the notifications permission (to show them). Stallwatch then checks once an hour what is due, also after a restart. Nothing is sent anywhere.";
    pub const TURN_ON: &str = "Turn on reminders";
    pub const TURN_OFF: &str = "Turn off reminders";
    pub const ON: &str = "Reminders are on.";
    pub const OFF: &str = "Reminders are off.";
    pub const REFUSED: &str = "The browser did not grant the permission: reminders stay off.";
}

/// Restoring a backup and undoing it: the options page's backup status line.
/// A status line after a write: what was wrong in what was written (the rest was saved), or
/// `saved` when nothing was.
pub fn saved_or_problems(problems: &[String], saved: &str) -> String {
    if problems.is_empty() {
        saved.to_string()
    } else {
        problems.join(" ")
    }
}

/// The options page's status line after a settings write.
pub mod settings_status {
    pub const SAVED: &str = "Saved. Open deals update at once.";
    pub const DEFAULTS_RESTORED: &str = "Defaults restored.";
}

/// The options page's proposals from the rep's corrections.
pub mod proposals {
    pub const SECTION: &str = "Proposals from your corrections";
    pub const WHY: &str = "When you say a reason doesn't apply on several deals, Stallwatch proposes the threshold that would have kept it quiet. Nothing changes until you accept.";
    pub const ACCEPT: &str = "Accept";
    pub const IGNORE: &str = "Ignore";
    pub const ACCEPTED: &str = "Changed. Open deals update at once.";
    pub const IGNORED: &str = "Ignored: it will not be proposed again.";
    pub const GONE: &str = "That proposal no longer stands; nothing changed.";
}

pub mod backup {
    use crate::core::backup::{Counts, Refusal, Restore, Undo};

    pub const UNDO: &str = "Undo the last restore";
    pub const NOTHING_IN_BACKUP: &str =
        "The backup holds no notes or settings to restore; nothing changed.";
    pub const NOTHING_TO_UNDO: &str = "There is no restore to undo; nothing changed.";

    /// "1 deal" / "3 deals".
    fn count(n: usize, one: &str, many: &str) -> String {
        format!("{n} {}", if n == 1 { one } else { many })
    }

    /// Why a file was not restored at all.
    pub fn refusal(r: &Refusal) -> String {
        match r {
            Refusal::NotJson { detail } => format!(
                "Not restored: the file is not a Stallwatch backup (it is not JSON: {detail}). Nothing changed."
            ),
            Refusal::NotABackup => {
                "Not restored: the file is not a Stallwatch backup. Nothing changed.".into()
            }
            Refusal::Newer { version } => format!(
                "Not restored: this backup comes from a newer version of Stallwatch (backup format {version}; this version reads format {}). Update Stallwatch in this browser, then restore the file again. Nothing changed.",
                crate::core::backup::VERSION
            ),
        }
    }

    /// The counts of a restore as one sentence: "12 deals restored, 3 kept your newer notes,
    /// 1 entry unreadable and skipped."
    pub fn counts(c: &Counts) -> String {
        let mut parts = Vec::new();
        let deals = |n| count(n, "deal", "deals");
        if c.restored > 0 || c.settings_restored == 0 {
            parts.push(format!("{} restored", deals(c.restored)));
        }
        if c.kept_newer > 0 {
            parts.push(format!("{} kept your newer notes", c.kept_newer));
        }
        if c.kept_undated > 0 {
            parts.push(format!(
                "{} kept your current notes where neither copy said which was newer",
                c.kept_undated
            ));
        }
        if c.unchanged > 0 {
            parts.push(format!("{} already up to date", c.unchanged));
        }
        if c.skipped > 0 {
            parts.push(format!(
                "{} unreadable and skipped",
                count(c.skipped, "entry", "entries")
            ));
        }
        if c.settings_restored > 0 {
            parts.push(format!(
                "{} restored",
                count(c.settings_restored, "setting", "settings")
            ));
        }
        if c.settings_kept > 0 {
            parts.push(format!(
                "{} unreadable (yours kept)",
                count(c.settings_kept, "setting", "settings")
            ));
        }
        if c.seen_restored > 0 {
            parts.push(format!(
                "{} remembered from the file",
                count(c.seen_restored, "deal seen", "deals seen")
            ));
        }
        let mut s = parts.join(", ");
        if let Some(first) = s.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        s.push('.');
        s
    }

    /// The status line after reading a backup: what it restored (or why nothing), before the
    /// list of problems.
    pub fn report(r: &Restore) -> String {
        if let Some(why) = &r.refused {
            return refusal(why);
        }
        let c = &r.counts;
        let looked_at = c.restored
            + c.kept_newer
            + c.kept_undated
            + c.unchanged
            + c.skipped
            + c.settings_restored
            + c.settings_kept
            + c.seen_restored;
        if looked_at == 0 && r.problems.is_empty() {
            return NOTHING_IN_BACKUP.into();
        }
        let done = if r.entries.is_empty() {
            "Nothing changed: "
        } else {
            "Restored. "
        };
        format!("{done}{}", counts(c))
    }

    /// Whether a browser error is its storage quota.
    fn is_full(detail: &str) -> bool {
        detail.to_ascii_lowercase().contains("quota")
    }

    /// The restore could not be written (the browser's storage refused it).
    pub fn not_written(detail: &str) -> String {
        if is_full(detail) {
            "Not restored: the browser's storage for Stallwatch is full, so nothing was written and your notes and settings are unchanged.".into()
        } else {
            format!("Not restored: the browser could not save it ({detail}). Nothing was written; your notes and settings are unchanged.")
        }
    }

    /// The undo could not be written.
    pub fn undo_not_written(detail: &str) -> String {
        if is_full(detail) {
            "Not undone: the browser's storage for Stallwatch is full; nothing changed.".into()
        } else {
            format!("Not undone: the browser could not save it ({detail}); nothing changed.")
        }
    }

    /// What undoing the last restore did.
    pub fn undo_report(u: &Undo) -> String {
        if u.nothing {
            return u
                .problems
                .first()
                .cloned()
                .unwrap_or_else(|| NOTHING_TO_UNDO.into());
        }
        use crate::core::store::{KeyKind, StoreKey};
        let back: Vec<StoreKey> = u
            .set
            .keys()
            .chain(u.remove.iter())
            .filter_map(|k| StoreKey::parse(k))
            .filter(|k| *k != StoreKey::RestoreUndo)
            .collect();
        let deals = back.iter().filter(|k| k.kind() == KeyKind::Notes).count();
        let settings = back.iter().any(|k| k.kind() != KeyKind::Notes);
        let mut s = format!(
            "The last restore is undone: {}{} put back as they were before it.",
            count(deals, "deal", "deals"),
            if settings { " and your settings" } else { "" }
        );
        if !u.kept.is_empty() {
            s.push_str(&format!(
                " Kept as they are now, because they changed after the restore: {}.",
                u.kept.join(", ")
            ));
        }
        s
    }
}

#[cfg(test)]
mod flag_tests {
    use crate::core::note_voice::reads_private;

    #[test]
    fn the_flag_names_what_gave_the_note_away() {
        let about = super::private_flag(&reads_private("His boss is skeptical").unwrap());
        assert_eq!(
            about,
            "This reads like a private note: \"his\" is about them, not their own words. Messages quote this field to them: move it?"
        );
        let judged = super::private_flag(&reads_private("great logo, slow payer").unwrap());
        assert!(
            judged.contains("\"slow payer\" is your own view of them"),
            "{judged}"
        );
    }
}

#[cfg(test)]
mod option_groups {
    use crate::core::settings::TUNABLE_NUMBERS;

    #[test]
    fn every_threshold_is_on_the_options_page_once_first_or_in_its_group() {
        for (key, _, _) in TUNABLE_NUMBERS {
            let first = super::options::FIRST_NUMBERS.contains(key);
            let in_groups = super::options::GROUPS
                .iter()
                .filter(|(_, _, keys)| keys.contains(key))
                .count();
            assert!(
                in_groups == 1,
                "{key} is in {in_groups} advanced groups (first: {first})"
            );
        }
        for (_, _, keys) in super::options::GROUPS {
            for k in keys {
                assert!(TUNABLE_NUMBERS.iter().any(|(t, _, _)| t == k), "{k}");
            }
        }
    }

    #[test]
    fn the_silence_example_reads_on_the_reps_calendar() {
        // Thursday 26 November 2026: the last Monday is the 23rd.
        let today = crate::core::date::Day::from_ymd(2026, 11, 26).unwrap();
        let text = super::options::example("silence_start_days", 7, today).unwrap();
        assert!(text.starts_with("With 7 days, a buyer whose last word was on Monday 23 Nov counts as silent from Tuesday 1 Dec"), "{text}");
        assert_eq!(super::options::example("streak_start", 2, today), None);
    }
}

#[cfg(test)]
mod tests {
    use super::backup::*;
    use crate::core::backup::{Counts, Refusal, Restore, Undo};
    use crate::core::store::Stored;
    use serde_json::Value;

    fn restore(text: &str, current: &Value, prefixes: &[&str], now_ms: u64) -> Restore {
        crate::core::backup::restore(text, &Stored::from_value(current.clone()), prefixes, now_ms)
    }
    fn undo(current: &Value) -> Undo {
        crate::core::backup::undo(&Stored::from_value(current.clone()))
    }
    use serde_json::json;

    #[test]
    fn a_restore_report_counts_exactly() {
        let c = Counts {
            restored: 12,
            kept_newer: 3,
            skipped: 1,
            ..Counts::default()
        };
        assert_eq!(
            counts(&c),
            "12 deals restored, 3 kept your newer notes, 1 entry unreadable and skipped."
        );
        let c = Counts {
            restored: 1,
            kept_undated: 2,
            unchanged: 4,
            skipped: 2,
            settings_restored: 1,
            settings_kept: 2,
            ..Counts::default()
        };
        assert_eq!(
            counts(&c),
            "1 deal restored, 2 kept your current notes where neither copy said which was newer, 4 already up to date, 2 entries unreadable and skipped, 1 setting restored, 2 settings unreadable (yours kept)."
        );
        let c = Counts {
            seen_restored: 3,
            ..Counts::default()
        };
        assert_eq!(
            counts(&c),
            "0 deals restored, 3 deals seen remembered from the file."
        );
        let only_settings = Counts {
            settings_restored: 2,
            ..Counts::default()
        };
        assert_eq!(counts(&only_settings), "2 settings restored.");
    }

    #[test]
    fn a_newer_backup_is_not_called_a_foreign_file() {
        let newer = refusal(&Refusal::Newer { version: 2 });
        assert!(newer.contains("newer version of Stallwatch"), "{newer}");
        assert!(newer.contains("Update Stallwatch"), "{newer}");
        assert!(!newer.contains("not a Stallwatch backup"), "{newer}");
        assert!(refusal(&Refusal::NotABackup).contains("not a Stallwatch backup"));
    }

    #[test]
    fn the_report_of_a_real_restore() {
        let file = json!({"stallwatch_backup": 1, "notes": {
            "notes:hs:1:1": {"reason": "older", "changed": {"reason": 1}},
            "notes:hs:1:2": {"reason": "new deal"},
            "notes:hs:1:3": 42
        }})
        .to_string();
        let current = json!({"notes:hs:1:1": {"reason": "newer", "changed": {"reason": 9}}});
        let r = restore(&file, &current, &["hs"], 10);
        assert_eq!(
            report(&r),
            "Restored. 1 deal restored, 1 kept your newer notes, 1 entry unreadable and skipped."
        );
        let nothing = restore(
            &file,
            &json!({"notes:hs:1:1": current["notes:hs:1:1"].clone(), "notes:hs:1:2": {"reason": "new deal"}}),
            &["hs"],
            10,
        );
        assert!(
            report(&nothing).starts_with("Nothing changed: "),
            "{}",
            report(&nothing)
        );
        assert_eq!(
            report(&restore(
                r#"{"stallwatch_backup": 1}"#,
                &json!({}),
                &["hs"],
                10
            )),
            NOTHING_IN_BACKUP
        );
    }

    #[test]
    fn a_full_storage_says_nothing_was_written() {
        let full = not_written("QUOTA_BYTES quota exceeded");
        assert!(
            full.starts_with("Not restored: the browser's storage"),
            "{full}"
        );
        assert!(full.contains("unchanged"));
        assert!(not_written("boom").contains("(boom)"));
        assert!(undo_not_written("QUOTA_BYTES quota exceeded").starts_with("Not undone"));
    }

    #[test]
    fn the_undo_report_names_what_was_put_back_and_what_was_kept() {
        let u = undo(&json!({
            "notes:hs:1:1": {"goal": "x"},
            "notes:hs:1:2": {"goal": "edited since"},
            "restore_undo": {
                "previous": {"notes:hs:1:1": null, "notes:hs:1:2": null, "settings": {"wait_days": 3}},
                "written": {"notes:hs:1:1": {"goal": "x"}, "notes:hs:1:2": {"goal": "y"}, "settings": null}
            }
        }));
        assert_eq!(
            undo_report(&u),
            "The last restore is undone: 1 deal and your settings put back as they were before it. Kept as they are now, because they changed after the restore: notes:hs:1:2."
        );
        assert_eq!(undo_report(&undo(&json!({}))), NOTHING_TO_UNDO);
    }
}

/// The "Copy page structure" action.
pub mod structure {
    pub const BUTTON: &str = "Copy page structure";
    pub const HINT: &str = "Misread something? This copies the page's layout (tags, classes, hook names, which selector found each field) with every text and value removed, for you to send to Stallwatch's makers. Stallwatch itself sends nothing.";
    pub const COPIED: &str = "Page structure copied, with no text or values from the page. Paste it into your message to us.";
    pub const FAILED: &str = "Could not copy the page structure; try again.";
}

/// The card's corrections to a reason ("not right here").
pub mod correction {
    /// The button on each reason.
    pub const NOT_RIGHT: &str = "Not right here";
    /// Its accessible name's start: "Not right here: " and the reason's fact.
    pub const NOT_RIGHT_LABEL: &str = "Say this reason is not right here: ";
    /// The button that keeps a choice needing a day.
    pub const SAVE: &str = "Use this date";
    /// The summary of what a reason was computed from.
    pub const USED: &str = "What this used";
    /// The undo on a corrected reason.
    pub const UNDO: &str = "Undo";
    /// The heading of the choices.
    pub const WHAT_IS_RIGHT: &str = "What is right?";
    /// Closes the choices without saying anything.
    pub const CANCEL: &str = "Cancel";
    pub const NOT_A_DEAL: &str = "Corrections are kept for a deal's record page only.";
    pub const UNKNOWN: &str = "That correction is not one Stallwatch knows; nothing was kept.";
    pub const BAD_DAY: &str = "That date could not be read; pick it in the calendar.";
}
