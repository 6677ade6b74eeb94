//! The suggested next message (playbook ideas 3–8): built on why the buyer wants it and their
//! urgency, on the buyer's channel; or the honest advice to wait, or to walk away.
//!
//! Deterministic: the same inputs give the same words. A missing slot changes the sentence; it
//! never leaves a placeholder or invents a fact. One file per kind; each writes every channel in
//! two tones.

mod answer;
mod approver_check;
mod close_out;
mod commitment;
mod confirm;
mod de;
mod discovery;
mod es;
mod fr;
mod introduce;
#[cfg(test)]
mod lang_tests;
pub mod memory;

/// How many times this thread composed a suggestion (every draft of a deal, `compose_with`):
/// the tests of "no drafts for the badge" count with it.
#[cfg(test)]
pub(crate) mod composed {
    use std::cell::Cell;
    thread_local!(static COMPOSED: Cell<usize> = const { Cell::new(0) });
    pub fn one() {
        COMPOSED.with(|c| c.set(c.get() + 1));
    }
    /// The compositions since the last call.
    pub fn count() -> usize {
        COMPOSED.with(|c| c.replace(0))
    }
}
mod new_value;
pub mod pressure;
mod reason_feedback;
mod register;
mod slots;
mod thing;
mod walk_away;

pub use slots::{clause, shorten, Slots};

use super::correction;
use super::date::Day;
use super::lang::Lang;
use super::model::{Channel, Deal};
use super::notes::Notes;
use super::risk::{assess_corrected, plural, Assessment, State};
use super::settings::Settings;
use super::timeline::Timeline;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The buyer asked or requested something: deliver or answer that first.
    Answer,
    /// Effort balance is the problem: ask for one small, dated step; never offer more.
    Commitment,
    /// No recorded reason: ask what they want to achieve and why now.
    Discovery,
    /// The reason is known: name it, tie it to their goal and deadline, ask for feedback.
    ReasonFeedback,
    /// Waiting on someone else's approval: ask what they thought, in terms of the reason.
    ApproverCheck,
    /// Long silence with a known reason: one useful item tied to their goal.
    NewValue,
    /// Bad fit: a respectful close with one clear way back.
    WalkAway,
    /// The buyer said no, or the deal died months ago: close the loop, one way back.
    CloseOut,
    /// Nothing is wrong and a meeting with them is booked: confirm it and ask what to prepare
    /// (a healthy deal is not asked whether we still fit).
    Confirm,
    /// Our contact has left and someone is named in their place: introduce yourself and what
    /// was under way, and ask whether it is theirs now.
    Introduce,
    /// Our contact's address is dead and nobody is named: no one to write to yet; how to find
    /// who owns it now.
    FindOwner,
    /// Nothing to send today (snoozed, or the ball is in their court): why, and from when.
    Wait,
}

impl Kind {
    /// Every kind, in the order the docs list them.
    pub const ALL: [Kind; 12] = [
        Kind::Answer,
        Kind::Commitment,
        Kind::Discovery,
        Kind::ReasonFeedback,
        Kind::ApproverCheck,
        Kind::NewValue,
        Kind::WalkAway,
        Kind::CloseOut,
        Kind::Confirm,
        Kind::Introduce,
        Kind::FindOwner,
        Kind::Wait,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Answer => "Answer them first",
            Kind::Commitment => "Ask for their next step",
            Kind::Discovery => "Discovery question",
            Kind::ReasonFeedback => "Feedback on their reason",
            Kind::ApproverCheck => "Ask about the approver",
            Kind::NewValue => "Bring something new",
            Kind::WalkAway => "Let it go, kindly",
            Kind::CloseOut => "Close it out",
            Kind::Confirm => "Confirm the meeting",
            Kind::Introduce => "Introduce yourself",
            Kind::FindOwner => "Find who owns it now",
            Kind::Wait => "Wait",
        }
    }
}

/// What a draft is written for: every `Kind` but `Wait`, which has no message of its own (the
/// composer gives advice instead). The language modules write these; `Kind::drafted` is the one
/// place that says what a draft asked for anyway on a `Wait` is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drafted {
    Answer,
    Commitment,
    Discovery,
    ReasonFeedback,
    ApproverCheck,
    NewValue,
    WalkAway,
    CloseOut,
    Introduce,
    Confirm,
}

impl Kind {
    /// Advice only: the suggestion carries no drafts.
    pub fn advice_only(self) -> bool {
        matches!(self, Kind::Wait | Kind::FindOwner)
    }

    /// The message a draft of this kind writes; a `Wait` is written as the walk-away, and
    /// finding the new owner as the introduction the rep will send once they know who it is.
    fn drafted(self) -> Drafted {
        match self {
            Kind::Answer => Drafted::Answer,
            Kind::Commitment => Drafted::Commitment,
            Kind::Discovery => Drafted::Discovery,
            Kind::ReasonFeedback => Drafted::ReasonFeedback,
            Kind::ApproverCheck => Drafted::ApproverCheck,
            Kind::NewValue => Drafted::NewValue,
            Kind::CloseOut => Drafted::CloseOut,
            Kind::Introduce | Kind::FindOwner => Drafted::Introduce,
            Kind::Confirm => Drafted::Confirm,
            Kind::WalkAway | Kind::Wait => Drafted::WalkAway,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    Warm,
    Direct,
}

pub const TONES: [Tone; 2] = [Tone::Warm, Tone::Direct];

impl Tone {
    pub fn label(self) -> &'static str {
        match self {
            Tone::Warm => "Warm",
            Tone::Direct => "Direct",
        }
    }
}

/// Which draft the rep is looking at (the overlay's channel and tone switchers).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct Choice {
    #[serde(default)]
    pub channel: Option<Channel>,
    #[serde(default)]
    pub tone: Option<Tone>,
}

/// One ready-to-copy message on one channel, in one tone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub channel: Channel,
    pub tone: Tone,
    /// Email only.
    pub subject: Option<String>,
    /// The email body, the text message, or the voicemail script.
    pub text: String,
    /// Calls only: two questions to open a live call.
    pub openers: Vec<String>,
}

impl Draft {
    fn email(subject: impl Into<String>, body: String) -> Draft {
        Draft {
            channel: Channel::Email,
            tone: Tone::Warm,
            subject: Some(subject.into()),
            text: body,
            openers: Vec::new(),
        }
    }

    fn text(text: String) -> Draft {
        Draft {
            channel: Channel::Text,
            tone: Tone::Warm,
            subject: None,
            text,
            openers: Vec::new(),
        }
    }

    fn call(voicemail: String, openers: [String; 2]) -> Draft {
        Draft {
            channel: Channel::Call,
            tone: Tone::Warm,
            subject: None,
            text: voicemail,
            openers: openers.into(),
        }
    }

    /// Whether the draft keeps its channel's length limit. Words have a letter or digit: the
    /// "?" French sets off with a no-break space is not one.
    pub fn within_limits(&self) -> bool {
        let words = self
            .text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        match self.channel {
            Channel::Text => self.text.chars().count() <= LIMIT_TEXT_CHARS,
            Channel::Call => words <= LIMIT_CALL_WORDS,
            _ => words <= LIMIT_EMAIL_WORDS,
        }
    }
}

/// Length limits: a short email, one text, a voicemail under half a minute.
pub const LIMIT_EMAIL_WORDS: usize = 120;
pub const LIMIT_TEXT_CHARS: usize = 300;
pub const LIMIT_CALL_WORDS: usize = 75;

/// Where the language of the drafts came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LangFrom {
    /// The deal's notes name it.
    Notes,
    /// The rep's default in the options.
    Settings,
    /// The page (or file) the deal was read from says its language.
    Page,
    /// Nothing says: English.
    Default,
}

/// The language to write to this buyer in, and why: the deal's notes, then the rep's default,
/// then the page's language, then English.
pub fn language_for(deal: &Deal, notes: &Notes, settings: &Settings) -> (Lang, LangFrom) {
    if let Some(l) = notes.language {
        (l, LangFrom::Notes)
    } else if let Some(l) = settings.message_language {
        (l, LangFrom::Settings)
    } else if let Some(l) = deal.language {
        (l, LangFrom::Page)
    } else {
        (Lang::En, LangFrom::Default)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub kind: Kind,
    /// The language of the drafts, and where that choice came from.
    pub lang: Lang,
    pub lang_from: LangFrom,
    /// One line on why this message (or why none).
    pub why: String,
    /// For `wait`, and when no channel is allowed: what to do instead of sending.
    pub advice: Option<String>,
    /// The best channel to use (the first of the drafts), also for when a wait ends.
    pub channel: Option<Channel>,
    /// Every allowed channel, the buyer's preferred one first, each in every tone.
    pub drafts: Vec<Draft>,
}

impl Suggestion {
    /// The draft for a channel and tone, or the closest one: same channel, else the first.
    pub fn pick(&self, choice: Choice) -> Option<&Draft> {
        let Choice { channel, tone } = choice;
        self.drafts
            .iter()
            .find(|d| Some(d.channel) == channel && tone.is_none_or(|t| d.tone == t))
            .or_else(|| self.drafts.iter().find(|d| Some(d.channel) == channel))
            .or_else(|| {
                self.drafts
                    .iter()
                    .find(|d| tone.is_none_or(|t| d.tone == t))
            })
    }

    /// The channels offered, in order.
    pub fn channels(&self) -> Vec<Channel> {
        let mut out: Vec<Channel> = Vec::new();
        for d in &self.drafts {
            if !out.contains(&d.channel) {
                out.push(d.channel);
            }
        }
        out
    }
}

/// The channels a message may use, best first: the buyer's preference, then the channel they
/// last used to reach us, then email, text, call. Never one they asked us not to use.
pub fn channel_order(timeline: &Timeline, notes: &Notes) -> Vec<Channel> {
    let last_used = timeline.last_inbound.map(|t| t.channel);
    let mut out = Vec::new();
    for c in [notes.preferred_channel, last_used]
        .into_iter()
        .flatten()
        .chain([Channel::Email, Channel::Text, Channel::Call])
    {
        if c.is_sendable() && !notes.avoid_channels.contains(&c) && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Fits a text message to its limit by shortening the reason inside it, a quarter at a time
/// (measured on the whole text: a builder may word the message differently without a reason).
fn fit_text(reason: &str, build: impl Fn(&str) -> String) -> String {
    let fits = |t: &String| t.chars().count() <= LIMIT_TEXT_CHARS;
    let full = build(reason);
    if fits(&full) {
        return full;
    }
    let mut max = reason.chars().count();
    while max > 12 {
        max = max * 3 / 4;
        let t = build(&shorten(reason, max));
        if fits(&t) {
            return t;
        }
    }
    build(&shorten(reason, 12))
}

fn kind_for(a: &Assessment, slots: &Slots, s: &Settings) -> Option<Kind> {
    use crate::core::risk::ReasonCode;
    // We have given more than we got: the effort-balance facts lead, or effort balance is at
    // its maximum, or we keep conceding unasked. Then offering more is the wrong move.
    let giving_too_much = a.top_reason().is_some_and(|r| {
        matches!(
            r.code,
            ReasonCode::EffortBalance | ReasonCode::RepConcessions
        )
    }) || a.reasons.iter().any(|r| {
        r.code == ReasonCode::RepConcessions
            || (r.code == ReasonCode::EffortBalance && r.points >= s.balance_max_points)
    });
    let contact_left = a.reasons.iter().any(|r| r.code == ReasonCode::ChampionLeft);
    Some(match a.state {
        State::Closed | State::NotADeal => return None,
        State::Snoozed | State::Wait => Kind::Wait,
        State::WalkAway => Kind::WalkAway,
        State::CloseOut => Kind::CloseOut,
        // The person we wrote to is gone: whoever is named in their place comes first, and
        // with nobody named there is no one to write to yet.
        State::Act if contact_left && slots.handover.is_some() => Kind::Introduce,
        State::Act if contact_left => Kind::FindOwner,
        // Their question comes before anything we want to ask.
        State::Act if slots.request.is_some() => Kind::Answer,
        // A meeting is booked: what moves the deal is a good meeting, not a "still a fit?".
        State::Act if slots.meeting.is_some() => Kind::Confirm,
        // No reason that can be said to the buyer (none noted, or only private remarks and no
        // goal): ask for it rather than quote what must not be quoted.
        State::Act if slots.reason.is_none() => Kind::Discovery,
        State::Act if giving_too_much => Kind::Commitment,
        State::Act if slots.approver.is_some() => Kind::ApproverCheck,
        State::Act
            if slots
                .silent_days
                .is_some_and(|d| d >= s.new_value_after_days as i32) =>
        {
            Kind::NewValue
        }
        State::Act => Kind::ReasonFeedback,
    })
}

fn draft(kind: Kind, channel: Channel, tone: Tone, slots: &Slots) -> Draft {
    let mut d = write(kind, channel, tone, slots);
    d.channel = channel;
    d.tone = tone;
    // Every kind's subject, whether its writer offers alternatives or one: never one already
    // sent to this buyer (`Slots::subject` dates it when it was).
    d.subject = d.subject.map(|sub| slots.subject(&[sub]));
    d
}

/// The draft as the language of `slots` writes it (a meeting or any other channel is written
/// as email).
fn write(kind: Kind, channel: Channel, tone: Tone, slots: &Slots) -> Draft {
    let kind = kind.drafted();
    match slots.lang {
        Lang::En => draft_en(kind, channel, tone, slots),
        Lang::Fr => fr::draft(kind, channel, tone, slots),
        Lang::De => de::draft(kind, channel, tone, slots),
        Lang::Es => es::draft(kind, channel, tone, slots),
    }
}

/// English: one file per kind. A sentence that starts after the rep's "it's Jordan." (or any
/// other full stop) starts with a capital, whatever the template's next word.
fn draft_en(kind: Drafted, channel: Channel, tone: Tone, slots: &Slots) -> Draft {
    let mut d = draft_en_kind(kind, channel, tone, slots);
    d.text = sentence_case(&d.text);
    d
}

/// Upper-cases a lower-case letter that follows ". ", "? " or "! ".
fn sentence_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_stop = false;
    let mut prev = ' ';
    for c in text.chars() {
        if after_stop && prev == ' ' && c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        if c != ' ' {
            after_stop = matches!(c, '.' | '?' | '!');
        }
        prev = c;
    }
    out
}

fn draft_en_kind(kind: Drafted, channel: Channel, tone: Tone, slots: &Slots) -> Draft {
    match kind {
        Drafted::Answer => answer::draft(channel, tone, slots),
        Drafted::Commitment => commitment::draft(channel, tone, slots),
        Drafted::Discovery => discovery::draft(channel, tone, slots),
        Drafted::ReasonFeedback => reason_feedback::draft(channel, tone, slots),
        Drafted::ApproverCheck => approver_check::draft(channel, tone, slots),
        Drafted::NewValue => new_value::draft(channel, tone, slots),
        Drafted::CloseOut => close_out::draft(channel, tone, slots),
        Drafted::WalkAway => walk_away::draft(channel, tone, slots),
        Drafted::Introduce => introduce::draft(channel, tone, slots),
        Drafted::Confirm => confirm::draft(channel, tone, slots),
    }
}

/// Writes a draft, dropping optional sentences (thanks, goal, deadline) when the channel's
/// limit would be broken.
fn draft_within_limits(kind: Kind, channel: Channel, tone: Tone, slots: &Slots) -> Draft {
    let mut d = draft(kind, channel, tone, slots);
    for level in 1..=2 {
        if d.within_limits() {
            break;
        }
        d = draft(kind, channel, tone, &slots.compact(level));
    }
    d
}

fn why(kind: Kind, slots: &Slots, assessment: &Assessment, notes: &Notes, now: Day) -> String {
    let reason = slots.reason_max(80).unwrap_or_default();
    let silent = slots
        .silent_days
        .filter(|d| *d > 0)
        .map(|d| {
            let days = plural(d as usize, "day", "days");
            match slots.resumed {
                Some(r) => format!(
                    "; it is now {days} since {}, the day they asked you to come back",
                    r.short(now)
                ),
                None => format!("; it is now {days} since their last reply"),
            }
        })
        .unwrap_or_default();
    match kind {
        Kind::Answer => match &slots.request {
            Some(r) => match &r.thing {
                Some(t) => format!(
                    "They asked for {t} on {} and nobody has answered: send it first, then at most one question.",
                    r.day.short(now)
                ),
                None => format!(
                    "They asked on {} (“{}”) and nobody has answered: put your answer in first, in your own words; the draft acknowledges the question and commits to a time.",
                    r.day.short(now),
                    r.quote
                ),
            },
            None => String::new(),
        },
        Kind::Commitment => format!(
            "You have made most of the moves lately: ask for one small, dated step from them, tied to their reason (\"{reason}\"), and offer nothing more."
        ),
        Kind::Discovery if notes.reason.is_some() => {
            "Your note on their reason reads like a private note, so no draft quotes it: the best next message asks for their reason in their own words.".to_string()
        }
        Kind::Discovery => {
            "No reason is recorded for this deal, so the best next message asks for one instead of nudging.".to_string()
        }
        Kind::ReasonFeedback => {
            let on = slots
                .reason_noted_on
                .map(|d| format!(" on {}", d.short(now)))
                .unwrap_or_default();
            format!("They told you{on} what matters to them: \"{reason}\"{silent}.")
        }
        Kind::ApproverCheck => format!(
            "{} has to approve, so ask what they thought, in terms of the buyer's own reason (\"{reason}\"){silent}.",
            slots.approver.clone().unwrap_or_default()
        ),
        Kind::NewValue => format!(
            "No reply yet, and their reason is known (\"{reason}\"){silent}: bring one useful thing, not a nudge."
        ),
        Kind::Introduce => match &slots.handover {
            Some(h) => format!(
                "{} has left, and the notice of {} names {} as the person to talk to now. {} has told you nothing yet: introduce yourself and what was under way, and ask whether it is theirs now.",
                h.from.as_deref().unwrap_or("Your contact"),
                h.noticed_on.short(now),
                h.to,
                h.to.split_whitespace().next().unwrap_or(&h.to)
            ),
            None => String::new(),
        },
        Kind::Confirm => match slots.meeting {
            Some(d) => format!(
                "A meeting with them is booked for {} {}: what moves the deal now is a good meeting. Confirm it and ask what to prepare, rather than ask whether you still fit.",
                Lang::En.weekday(d),
                d.short(now)
            ),
            None => String::new(),
        },
        Kind::FindOwner => "Your contact's address no longer works and nobody is named in their place: a message to that address reaches no one.".to_string(),
        Kind::WalkAway => "Bad-fit signals dominate this deal: your time is better spent elsewhere, and the door stays open.".to_string(),
        Kind::CloseOut => match assessment.reasons.iter().find(|r| r.code == crate::core::risk::ReasonCode::BuyerSaidNo) {
            Some(r) => format!("{} Take the answer: close it honestly rather than chase.", r.fact),
            None => format!("No word from the buyer for months{silent}: another nudge will not change that. Close the loop honestly and leave one way back."),
        },
        Kind::Wait => match (assessment.state, assessment.snoozed_until) {
            (State::Snoozed, Some(_)) => match notes.snooze_reason.as_deref() {
                Some(r) => format!("A known pause ({}) is not a stall.", clause(r)),
                None => "A known pause is not a stall.".to_string(),
            },
            // Their side said when: a date to come back, or an auto-reply's return date.
            _ if !assessment.notices.is_empty() => assessment
                .notices
                .iter()
                .map(|n| format!("{}.", n.fact))
                .collect::<Vec<_>>()
                .join(" "),
            _ => "Not every deal needs a nudge today: chasing a fresh, useful touch teaches the buyer that you own the deal.".to_string(),
        },
    }
}

/// How to find who owns the deal now, when our contact's address is dead and nobody is named:
/// the people already on the deal first, then the company itself.
fn find_owner_advice(deal: &Deal, notes: &Notes) -> String {
    let former = deal
        .contact
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| format!("{c}'s"))
        .unwrap_or_else(|| "your contact's".to_string());
    // The approver as the rep noted them ("Maria Chen, their CFO" → "Maria Chen"): this is
    // advice to the rep, so "their CFO" stays theirs.
    let approver = notes
        .approver
        .as_deref()
        .and_then(|a| a.split([',', '(', ';', '/']).next())
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|a| format!("ask {a}, who is already on this deal; "))
        .unwrap_or_default();
    let ways = format!(
        "{approver}call the company's main number and ask who looks after it now; or look up who holds the role on LinkedIn."
    );
    format!(
        "No one to write to yet: find who took over {former} work first. {} Then introduce yourself to that person as a first contact, and update the deal's contact.",
        upper_first(&ways)
    )
}

/// The first letter upper-cased ("ask …" → "Ask …", "el contrato" → "El contrato"); empty
/// stays empty. One helper for every language's drafts.
fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn wait_advice(assessment: &Assessment, now: Day) -> Option<String> {
    match assessment.state {
        State::Snoozed => assessment.snoozed_until.map(|d| {
            format!(
                "Nothing to send today: you paused this deal until {}. Silence before then is expected.",
                d.short(now)
            )
        }),
        State::Wait => assessment.act_from.map(|d| {
            use crate::core::risk::NoticeCode;
            let said = |code| assessment.notices.iter().any(|n| n.code == code);
            if said(NoticeCode::StatedResume) {
                format!(
                    "Nothing to send today: they asked you to come back later. Write on {}, and build on what they said.",
                    d.short(now)
                )
            } else if said(NoticeCode::AutoReply) {
                format!(
                    "Nothing to send today: their auto-reply says they are away until {}. Write then, not before.",
                    d.short(now)
                )
            } else {
                format!(
                    "Nothing to send today: your last touch gave them something to answer, and the ball is in their court. If there is no reply before {}, write then.",
                    d.short(now)
                )
            }
        }),
        _ => None,
    }
}

/// Composes the suggestion, or `None` for closed deals and non-deal pages.
pub fn compose(
    deal: Option<&Deal>,
    notes: &Notes,
    assessment: &Assessment,
    settings: &Settings,
    now: Day,
) -> Option<Suggestion> {
    let applied = correction::apply(deal?, notes);
    let timeline = Timeline::new(&applied.deal, settings, now);
    compose_with(&applied.deal, &timeline, notes, assessment, settings, now)
}

/// Assesses a deal and composes its suggestion from one reading of its timeline (what the
/// overlay and the popup use).
pub fn assess_and_compose(
    deal: &Deal,
    notes: &Notes,
    settings: &Settings,
    now: Day,
) -> (Assessment, Option<Suggestion>) {
    assess_and_compose_after(deal, notes, settings, now, None)
}

/// `assess_and_compose`, knowing the suggestion the rep copied last on this deal: when it went
/// unanswered, the new one takes another angle and never repeats its text.
pub fn assess_and_compose_after(
    deal: &Deal,
    notes: &Notes,
    settings: &Settings,
    now: Day,
    copied: Option<&memory::Copied>,
) -> (Assessment, Option<Suggestion>) {
    let applied = correction::apply(deal, notes);
    let page_deal = deal;
    // The deal with the facts the rep supplied (their reply, the real close date).
    let deal = &*applied.deal;
    let timeline = Timeline::new(deal, settings, now);
    let assessment = assess_corrected(page_deal, &applied, &timeline, notes, settings, now);
    let suggestion = compose_with(deal, &timeline, notes, &assessment, settings, now).map(|s| {
        move_on(
            s,
            deal,
            &timeline,
            notes,
            &assessment,
            settings,
            now,
            copied,
        )
    });
    (assessment, suggestion)
}

/// The angle to take when a copied suggestion of `kind` went unanswered: asking again the same
/// way would make our own message the next content-free nudge.
fn next_angle(kind: Kind, slots: &Slots) -> Kind {
    match kind {
        Kind::ReasonFeedback | Kind::ApproverCheck => Kind::NewValue,
        Kind::NewValue if slots.reason.is_some() => Kind::Commitment,
        Kind::Commitment => Kind::NewValue,
        // No reason to build on, a question still to answer, or advice: the same kind, on
        // another channel or in the other tone.
        other => other,
    }
}

/// Every channel in order, each in every tone.
fn drafts_for(kind: Kind, channels: &[Channel], slots: &Slots) -> Vec<Draft> {
    channels
        .iter()
        .flat_map(|c| TONES.map(|t| draft_within_limits(kind, *c, t, slots)))
        .collect()
}

/// After a copied suggestion went unanswered (no reply from the buyer since the day it was
/// copied): another kind where one fits, another channel first where allowed, the other tone
/// first, and never the copied text again. Deterministic: the same memory gives the same text.
#[allow(clippy::too_many_arguments)]
fn move_on(
    mut s: Suggestion,
    deal: &Deal,
    timeline: &Timeline,
    notes: &Notes,
    assessment: &Assessment,
    settings: &Settings,
    now: Day,
    copied: Option<&memory::Copied>,
) -> Suggestion {
    let Some(c) = copied else { return s };
    // Copied today is still in flight (and the card must not change under the rep's hands);
    // from the next day on, no reply since means unanswered.
    let unanswered = c.on < now && timeline.last_inbound.is_none_or(|t| t.day <= c.on);
    if !unanswered || s.drafts.is_empty() {
        return s;
    }
    if s.kind == c.kind {
        let slots = Slots::new(deal, timeline, notes, settings, now);
        let angle = next_angle(c.kind, &slots);
        if angle != s.kind {
            let channels = s.channels();
            s.kind = angle;
            s.why = why(angle, &slots, assessment, notes, now);
            s.drafts = drafts_for(angle, &channels, &slots);
        }
    }
    // Another channel first, then the other tone first; the copied words never again.
    s.drafts
        .sort_by_key(|d| (d.channel == c.channel, d.tone == c.tone));
    s.drafts.retain(|d| memory::fingerprint(d) != c.fingerprint);
    s.channel = s.drafts.first().map(|d| d.channel).or(s.channel);
    s.why = format!(
        "Your last suggestion ({}, {}), copied on {}, went unanswered: a different angle this time. {}",
        c.kind.label().to_lowercase(),
        c.channel.as_str(),
        c.on.short(now),
        s.why
    );
    s
}

fn compose_with(
    deal: &Deal,
    timeline: &Timeline,
    notes: &Notes,
    assessment: &Assessment,
    settings: &Settings,
    now: Day,
) -> Option<Suggestion> {
    #[cfg(test)]
    composed::one();
    let slots = Slots::new(deal, timeline, notes, settings, now);
    let kind = kind_for(assessment, &slots, settings)?;
    let (lang, lang_from) = language_for(deal, notes, settings);
    let mut why = why(kind, &slots, assessment, notes, now);
    // The rep sees what of their note the drafts do not say, and why.
    if !slots.left_out.is_empty() && !kind.advice_only() {
        let quoted: Vec<String> = slots
            .left_out
            .iter()
            .map(|c| format!("\u{201c}{}\u{201d}", shorten(c, 80)))
            .collect();
        why.push_str(&format!(
            " Left out of the drafts, as it reads like a private note: {}.",
            quoted.join(", ")
        ));
    }
    let channels = channel_order(timeline, notes);
    let channel = channels.first().copied();
    if kind.advice_only() {
        let advice = match kind {
            Kind::FindOwner => Some(find_owner_advice(deal, notes)),
            _ => wait_advice(assessment, now),
        };
        return Some(Suggestion {
            kind,
            lang,
            lang_from,
            why,
            advice,
            channel,
            drafts: Vec::new(),
        });
    }
    if channels.is_empty() {
        return Some(Suggestion {
            kind,
            lang,
            lang_from,
            why,
            channel,
            advice: Some(
                "They asked you not to use email, texts or calls: nothing to send; wait for them to reach out.".to_string(),
            ),
            drafts: Vec::new(),
        });
    }
    let mut drafts = drafts_for(kind, &channels, &slots);
    let mut kind = kind;
    // A message of this kind already went out since their last reply (its subject or closing
    // is in the timeline, however it was sent): asking again the same way would be the next
    // content-free nudge, so another angle, as after an unanswered copied suggestion.
    if slots.repeats_unanswered.get() && matches!(kind, Kind::CloseOut | Kind::WalkAway) {
        // The loop is already closed: a second goodbye is a nudge in disguise.
        return Some(Suggestion {
            kind: Kind::Wait,
            lang,
            lang_from,
            why: "You already sent a closing message since their last reply: the loop is closed on your side.".to_string(),
            advice: Some(
                "Nothing more to send: the door is open and they know it. If they write, answer them first.".to_string(),
            ),
            channel,
            drafts: Vec::new(),
        });
    }
    if slots.repeats_unanswered.get() {
        let angle = next_angle(kind, &slots);
        if angle != kind {
            kind = angle;
            drafts = drafts_for(angle, &channels, &slots);
            why = format!(
                "You already sent a message like this since their last reply, and it went unanswered: a different angle this time. {}",
                self::why(angle, &slots, assessment, notes, now)
            );
        }
    }
    Some(Suggestion {
        kind,
        lang,
        lang_from,
        why,
        advice: None,
        channel,
        drafts,
    })
}

#[cfg(test)]
mod tests;
