//! The stall-risk assessment: a deal, the rep's notes and "now" in; a 0–100 stall risk with
//! reasons the rep can check out. One file per signal; this file adds them up.
//!
//! The score is a stall risk, never a win probability: it says how much this deal looks like
//! the stalls described in shared/PLAYBOOK.md, and every point comes with the fact behind it.

mod balance;
mod channel;
mod close_date;
mod code;
mod deadline;
mod fit;
mod followup;
mod listening;
mod next_step;
mod reason;
mod silence;
pub(crate) use silence::resumed_on;
mod stage_age;
mod used;
pub use stage_age::own_norm;
pub use used::used_by_each;

pub use code::{Reads, ReasonCode};

use super::correction;
use super::date::Day;
use super::listen::Heard;
use super::model::{Deal, DealStatus, Direction};
use super::notes::Notes;
use super::settings::Settings;
pub(crate) use super::timeline::Timeline;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Send something.
    Act,
    /// The ball is in their court: our last touch carried value and is recent.
    Wait,
    /// Bad-fit signals dominate: suggest letting it go.
    WalkAway,
    /// The buyer said no, or has not said a word for months while we kept writing: close it
    /// honestly instead of chasing.
    CloseOut,
    /// Paused on purpose until a date (the rep's snooze).
    Snoozed,
    /// Won or lost: never scored.
    Closed,
    /// Not a deal record page: never scored.
    NotADeal,
}

impl State {
    /// Where the deal goes in a day's triage (the list panel, the command line).
    pub fn section(self) -> Section {
        match self {
            State::Act => Section::ActToday,
            State::Wait => Section::Waiting,
            State::Snoozed | State::WalkAway | State::CloseOut => Section::Paused,
            State::Closed | State::NotADeal => Section::Closed,
        }
    }
}

/// The triage sections, in the order a rep works through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Send something today.
    ActToday,
    /// Nothing to send until a date (theirs or ours).
    Waiting,
    /// Snoozed, let go, or to be closed out.
    Paused,
    Closed,
}

/// Something the buyer's side said that changes what to do but is no stall reason: their
/// auto-reply, a date they asked us to come back, a reply that ended our snooze.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub code: NoticeCode,
    pub fact: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeCode {
    AutoReply,
    StatedResume,
    SnoozeEndedEarly,
}

impl NoticeCode {
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeCode::AutoReply => "auto_reply",
            NoticeCode::StatedResume => "stated_resume",
            NoticeCode::SnoozeEndedEarly => "snooze_ended_early",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Low,
    Watch,
    High,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

/// One reason behind the score: a fact the rep can check, with its evidence and threshold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// Which signal gave it (`silence`, `follow_up_trap`, `no_reason`, …).
    pub code: ReasonCode,
    pub points: u32,
    pub fact: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub state: State,
    /// 0–100; `None` for closed deals and non-deal pages.
    pub stall_risk: Option<u8>,
    pub band: Option<Band>,
    /// Ordered by points, largest first.
    pub reasons: Vec<Reason>,
    pub confidence: Confidence,
    /// What the model could not see, in plain words.
    pub missing: Vec<String>,
    pub snoozed_until: Option<Day>,
    /// In the `wait` state: the first day to act again.
    pub act_from: Option<Day>,
    /// What the buyer's side said that changes what to do (no points).
    pub notices: Vec<Notice>,
    /// Values that cannot be right (a touch dated in the future, a negative amount, a close
    /// date decades away): said, left out where they would mislead, and confidence lowered.
    pub doubts: Vec<String>,
    /// The rep's corrections to this deal's reasons, each with the reason as the page alone
    /// gives it (shown struck through, with what the rep said and an undo).
    pub corrected: Vec<CorrectedReason>,
}

/// A reason the rep corrected, as the card shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CorrectedReason {
    pub code: ReasonCode,
    /// The reason as the page alone gives it now; `None` when the page no longer gives it.
    pub was: Option<Reason>,
    /// "You said they replied on 2 Dec (noted 3 Dec)", or why it no longer counts.
    pub said: String,
    /// The page shows something newer: the correction no longer counts.
    pub overtaken: bool,
}

impl Assessment {
    /// The reason to show when there is room for one: the largest, and on a tie one about the
    /// deal itself rather than the missing note (`assess` already lists ties that way; the
    /// rule is kept here so every caller gets the same answer whatever built the list).
    pub fn top_reason(&self) -> Option<&Reason> {
        let top = self.reasons.first()?;
        self.reasons
            .iter()
            .take_while(|r| r.points == top.points)
            .find(|r| r.code != ReasonCode::NoReason)
            .or(Some(top))
    }

    fn unscored(state: State) -> Assessment {
        Assessment {
            state,
            stall_risk: None,
            band: None,
            reasons: Vec::new(),
            confidence: Confidence::High,
            missing: Vec::new(),
            snoozed_until: None,
            act_from: None,
            notices: Vec::new(),
            doubts: Vec::new(),
            corrected: Vec::new(),
        }
    }

    /// The triage section this assessment puts the deal in.
    pub fn section(&self) -> Section {
        self.state.section()
    }
}

/// What decides a deal's place in the day's queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TodayKey {
    pub section: Section,
    /// The buyer asked something and is waiting on us: first in *act today*, whatever the
    /// score (PLAYBOOK: answer before you chase).
    pub buyer_waiting: bool,
    pub stall_risk: Option<u8>,
    /// The buyer's own deadline (notes).
    pub deadline: Option<Day>,
    /// In `waiting`: the first day to act.
    pub act_from: Option<Day>,
    /// The amount in whole units, whatever the currency (only breaks ties).
    pub amount: Option<i64>,
}

impl TodayKey {
    /// A row with no assessment (unreadable): last, in page or file order.
    pub fn unscored() -> TodayKey {
        TodayKey {
            section: Section::Closed,
            buyer_waiting: false,
            stall_risk: None,
            deadline: None,
            act_from: None,
            amount: None,
        }
    }

    pub fn of(a: &Assessment, deadline: Option<Day>, amount: Option<i64>) -> TodayKey {
        TodayKey {
            section: a.section(),
            buyer_waiting: a.reasons.iter().any(|r| r.code == ReasonCode::BuyerWaiting),
            stall_risk: a.stall_risk,
            deadline,
            act_from: a.act_from,
            amount,
        }
    }
}

/// Orders items the way a rep works the day: sections in order (act today, waiting, paused,
/// closed); in *act today* the deals where the buyer is waiting on us first, then the riskiest, then the nearest buyer deadline, then the larger
/// amount; in *waiting* the earliest date to act first; paused ones by risk. Unscored items
/// (closed deals, unreadable rows) come last; equal items keep their order (page or file
/// order). The list panel and the command line both rank with this.
pub fn today_order<T>(items: &mut [T], key: impl Fn(&T) -> TodayKey) {
    items.sort_by_key(|x| {
        let k = key(x);
        let far = Day(i32::MAX);
        (
            k.section,
            !(k.section == Section::ActToday && k.buyer_waiting),
            k.stall_risk.is_none(),
            match k.section {
                Section::Waiting => 0,
                _ => -(k.stall_risk.unwrap_or(0) as i32),
            },
            k.act_from.unwrap_or(far),
            k.deadline.unwrap_or(far),
            std::cmp::Reverse(k.amount.unwrap_or(i64::MIN)),
        )
    });
}

pub fn band_of(risk: u8) -> Band {
    match risk {
        0..=34 => Band::Low,
        35..=64 => Band::Watch,
        _ => Band::High,
    }
}

/// Assesses a deal, with the rep's corrections in its notes. `deal` is `None` on a page that
/// is not a deal record.
pub fn assess(deal: Option<&Deal>, notes: &Notes, settings: &Settings, now: Day) -> Assessment {
    match deal {
        Some(d) => {
            let applied = correction::apply(d, notes);
            let timeline = Timeline::new(&applied.deal, settings, now);
            assess_corrected(d, &applied, &timeline, notes, settings, now)
        }
        None => Assessment::unscored(State::NotADeal),
    }
}

/// Assesses `deal` (as the page shows it) with its corrections `applied`; `timeline` is the
/// corrected deal's (shared with the message). Each correction is listed with the reason as
/// the page alone would give it.
pub(crate) fn assess_corrected(
    deal: &Deal,
    applied: &correction::Applied,
    timeline: &Timeline,
    notes: &Notes,
    settings: &Settings,
    now: Day,
) -> Assessment {
    let set_aside: Vec<ReasonCode> = applied.set_aside().collect();
    let mut a = assess_with(&applied.deal, timeline, notes, settings, now, &set_aside);
    if applied.is_empty() || a.stall_risk.is_none() {
        return a;
    }
    // The page alone, for the struck-through reasons: only assessed when the rep corrected one.
    let page_only = assess_with(
        deal,
        &Timeline::new(deal, settings, now),
        notes,
        settings,
        now,
        &[],
    );
    let was = |code: ReasonCode| page_only.reasons.iter().find(|r| r.code == code).cloned();
    a.corrected = applied
        .holding
        .iter()
        .map(|c| CorrectedReason {
            code: c.code,
            was: was(c.code),
            said: correction::you_said(c, now),
            overtaken: false,
        })
        .chain(applied.overtaken.iter().map(|c| CorrectedReason {
            code: c.code,
            was: None,
            said: correction::overtaken_note(c, now),
            overtaken: true,
        }))
        .collect();
    a
}

/// Assesses a deal whose timeline facts are already computed, leaving out the reasons the rep
/// set aside (`set_aside`: "already handled", "doesn't apply").
pub(crate) fn assess_with(
    deal: &Deal,
    timeline: &Timeline,
    notes: &Notes,
    settings: &Settings,
    now: Day,
    set_aside: &[ReasonCode],
) -> Assessment {
    if deal.status != DealStatus::Open {
        return Assessment::unscored(State::Closed);
    }
    let s = settings;
    let mut notices = Vec::new();
    let mut snoozed_until = notes.snooze_until.filter(|until| *until > now);
    // The buyer wrote after the rep snoozed the deal: the snooze ends early. When the notes do
    // not say when the snooze began (a backup, the command line), their last reply ends it if
    // it asks for something (not a price) or says they want to go ahead: a buyer who came back
    // is never told to wait. Our answer to it does not bring the snooze back (the deal is
    // live again; a snooze set again in the popup carries its time and counts).
    if let (Some(until), Some(last)) = (snoozed_until, timeline.last_inbound) {
        let began = notes
            .changed
            .get("snooze_until")
            .map(|ms| Day::from_unix_ms(*ms as f64));
        let came_back = timeline
            .last_heard
            .iter()
            .find_map(|h| match h {
                Heard::Asked { quote } | Heard::BuyingSignal { quote } => Some(quote),
                _ => None,
            })
            // A haggle over price is no return (the rep may well have snoozed the deal over it).
            .filter(|_| {
                !timeline
                    .last_heard
                    .iter()
                    .any(|h| matches!(h, Heard::PricePush { .. }))
            });
        let fact = match (began, came_back) {
            (Some(b), _) if last.day > b => Some(format!(
                "They wrote on {} after you snoozed this deal until {}: the snooze ends early",
                last.day.short(now),
                until.short(now)
            )),
            (None, Some(quote)) => Some(format!(
                "They wrote on {} (\u{201c}{quote}\u{201d}): the snooze until {} ends early",
                last.day.short(now),
                until.short(now)
            )),
            _ => None,
        };
        if let Some(fact) = fact {
            snoozed_until = None;
            notices.push(Notice {
                code: NoticeCode::SnoozeEndedEarly,
                fact,
            });
        }
    }
    // A pause the buyer's side stated: a date to come back, or their auto-reply's return date.
    let (paused_until, asked_to_wait) = stated_pause(timeline, now, &mut notices);
    // Silence, chasing and a slipping date are explained by our snooze or by their asking us
    // to come back later; an auto-reply only says when to write next (the silence before it
    // is still real).
    let paused = snoozed_until.is_some() || asked_to_wait;

    let mut reasons: Vec<Reason> = Vec::new();
    reasons.extend(listening::buyer_waiting(timeline, s, now));
    reasons.extend(listening::buyer_said_no(timeline, s, now));
    reasons.extend(listening::champion_left(timeline, s, now));
    // While paused, silence and chasing are expected: those signals wait for the resume date.
    if !paused {
        reasons.extend(silence::signal(deal, timeline, s, now));
        reasons.extend(deadline::signal(deal, notes, timeline, s, now));
        reasons.extend(followup::signal(timeline, s, now));
        reasons.extend(balance::signal(timeline, s, now));
    }
    reasons.extend(listening::rep_concessions(timeline, s, now));
    reasons.extend(channel::signals(notes, timeline, s, now));
    // A known pause explains a stage that does not move and a close date that slips by.
    reasons.extend(
        close_date::signals(deal, s, now)
            .into_iter()
            .filter(|r| !paused || r.code != ReasonCode::CloseDatePast),
    );
    if !paused {
        reasons.extend(stage_age::signal(deal, s, now));
    }
    reasons.extend(next_step::signal(deal, s, now));
    let fit = fit::signals(notes, timeline, s, now);
    let fit_codes: Vec<ReasonCode> = fit.iter().map(|r| r.code).collect();
    reasons.extend(fit);
    // Last, so that on equal points a fact about the deal is listed before the missing note.
    reasons.extend(reason::signal(notes, s));
    // A fact is stated only from what was read with certainty: where touches whose side the
    // page did not show could change it, it is withheld and said as what to open.
    let sure_since_reply = timeline.sure_since_reply();
    let unsure_anywhere = !timeline.sure_anywhere();
    reasons.retain(|r| match r.code.reads() {
        Reads::SinceLastReply => sure_since_reply,
        Reads::WholeTimeline => !unsure_anywhere,
        Reads::DealAndNotes => true,
    });
    // What the buyer's side said (an auto-reply, a date to come back, a reply after the
    // snooze) is about their last reply: a newer touch of unknown side could supersede it.
    if !sure_since_reply {
        notices.clear();
    }
    reasons.retain(|r| r.points > 0 && !set_aside.contains(&r.code));
    // Walking away rests on the fit reasons still stated (a withheld one cannot advise it).
    let fit_points: u32 = reasons
        .iter()
        .filter(|r| fit_codes.contains(&r.code))
        .map(|r| r.points)
        .sum();
    // Largest contribution first; ties keep the signal order above.
    reasons.sort_by_key(|r| std::cmp::Reverse(r.points));

    let total: u32 = reasons.iter().map(|r| r.points).sum();
    let risk = total.min(100) as u8;
    let said_no = reasons.iter().any(|r| r.code == ReasonCode::BuyerSaidNo);
    let act_from = paused_until.or_else(|| wait_until(timeline, s, now));
    let state = if snoozed_until.is_some() {
        State::Snoozed
    } else if said_no
        || (!set_aside.contains(&ReasonCode::Silence) && long_dead(deal, timeline, s, now))
    {
        State::CloseOut
    } else if fit_points >= s.walk_away_fit_points {
        State::WalkAway
    } else if act_from.is_some() {
        State::Wait
    } else {
        State::Act
    };
    let (confidence, mut missing) = what_was_missing(deal, notes);
    let confidence = if unsure_anywhere {
        missing.extend(unsure_note(&timeline.unsure, now));
        if timeline.undated > 0 {
            missing.push(format!(
                "when {} happened (their dates could not be read)",
                plural(timeline.undated as usize, "activity", "activities")
            ));
        }
        if timeline.older_not_shown {
            missing.push(
                "activities older than the ones shown (the page lists only the newest: open its full list to see them)"
                    .to_string(),
            );
        }
        lower(confidence)
    } else {
        confidence
    };
    let doubts = doubts(deal, now);
    let confidence = if doubts.is_empty() {
        confidence
    } else {
        lower(confidence)
    };
    Assessment {
        doubts,
        state,
        stall_risk: Some(risk),
        band: Some(band_of(risk)),
        reasons,
        confidence,
        missing,
        snoozed_until,
        act_from: if state == State::Wait { act_from } else { None },
        notices,
        corrected: Vec::new(),
    }
}

/// The size of reason `code` on this deal (days of silence, messages in a row since their last
/// reply, pushes of the close date, days in the stage): kept with a correction so the options
/// page can see where the rep finds a threshold too eager (`calibration`). `None` for reasons
/// without one number.
pub fn measure(code: ReasonCode, deal: &Deal, settings: &Settings, now: Day) -> Option<u32> {
    let days = |d: Day| u32::try_from(now.days_since(d)).ok();
    match code {
        ReasonCode::Silence => {
            let t = Timeline::new(deal, settings, now);
            silence::silent_since(deal, &t, now).and_then(|(since, _)| days(since))
        }
        ReasonCode::FollowUpTrap => Some(Timeline::new(deal, settings, now).streak.len() as u32),
        ReasonCode::CloseDatePushed => Some(close_date::pushes(deal)),
        ReasonCode::StageAge => deal.stage_entered.and_then(days),
        _ => None,
    }
}

/// What the rep can open to settle the touches whose side the page did not show: "who acted in
/// 3 activities (newest 25 Nov): open them on the page".
fn unsure_note(unsure: &[&crate::core::model::Touch], now: Day) -> Option<String> {
    let newest = unsure.iter().map(|t| t.day).max()?;
    Some(format!(
        "who acted in {} (newest {}): open them on the page to be sure",
        plural(unsure.len(), "activity", "activities"),
        newest.short(now)
    ))
}

/// The first day to act again when the buyer's side asked for a pause: a resume date in their
/// last reply ("after January 12"), or the return date of an auto-reply since. Says which in a
/// notice. `None` when there is none still ahead; the flag says whether the buyer asked for it
/// in a reply (not only an auto-reply).
fn stated_pause(t: &Timeline, now: Day, notices: &mut Vec<Notice>) -> (Option<Day>, bool) {
    let mut until = None;
    if let Some((touch, heard)) = t.automatic.first() {
        if let Some((back_on, quote)) = heard.iter().find_map(|h| match h {
            Heard::AutoReply { back_on, quote } => Some((back_on, quote)),
            _ => None,
        }) {
            let back = back_on.filter(|d| *d > now);
            notices.push(Notice {
                code: NoticeCode::AutoReply,
                fact: match back {
                    Some(d) => format!(
                        "Their auto-reply on {} (\u{201c}{quote}\u{201d}) says they are back on {}: not a reply, and nothing to send before then",
                        touch.day.short(now),
                        d.short(now)
                    ),
                    None => format!(
                        "The reply on {} was an auto-reply (\u{201c}{quote}\u{201d}), not the buyer: it is not counted as a reply",
                        touch.day.short(now)
                    ),
                },
            });
            until = back;
        }
    }
    if let Some((from, quote)) = t.last_heard.iter().find_map(|h| match h {
        Heard::Resume {
            from: Some(d),
            quote,
        } if *d > now => Some((*d, quote)),
        _ => None,
    }) {
        notices.push(Notice {
            code: NoticeCode::StatedResume,
            fact: format!(
                "They asked you to come back later (\u{201c}{quote}\u{201d}): wait until {}",
                from.short(now)
            ),
        });
        return (Some(until.map_or(from, |u: Day| u.max(from))), true);
    }
    (until, false)
}

/// No word from the buyer for `close_out_after_days` while we kept writing: a deal that died
/// months ago, to close honestly rather than chase (a fresh six-week ghost is still `act`).
fn long_dead(deal: &Deal, t: &Timeline, s: &Settings, now: Day) -> bool {
    // A touch whose side is unknown since their last known reply could be a newer reply.
    if !t.sure_since_reply() {
        return false;
    }
    let Some((since, _)) = silence::silent_since(deal, t, now) else {
        return false;
    };
    let chased = t
        .touches
        .iter()
        .any(|x| x.direction == Direction::Outbound && x.day >= since);
    chased && now.days_since(since) >= s.close_out_after_days as i32
}

/// The ball is in their court when our last touch carried something, is recent, and is our
/// only touch since they last replied. Returns the first day to act again.
fn wait_until(t: &Timeline, s: &Settings, now: Day) -> Option<Day> {
    let last = t.touches.first()?;
    if last.direction != Direction::Outbound || t.streak.len() != 1 {
        return None;
    }
    // A touch whose side is unknown since their last reply could be their answer, or another
    // message of ours: the ball is not known to be in their court.
    if !t.sure_since_reply() {
        return None;
    }
    let empty = last.subject.trim().is_empty() && last.body.trim().is_empty();
    if empty || t.content_free(0).is_some() {
        return None;
    }
    let age = now.days_since(last.day);
    (age >= 0 && age as u32 <= s.wait_days).then(|| last.day.plus(s.wait_days as i32 + 1))
}

/// Values no real deal has; the timeline ignores future touches (`Timeline::new`).
fn doubts(deal: &Deal, now: Day) -> Vec<String> {
    let mut out = Vec::new();
    let future = deal
        .touches
        .iter()
        .flatten()
        // A meeting dated ahead is one that is booked (the suggestion confirms it), not an error.
        .filter(|t| t.day > now && t.channel != crate::core::model::Channel::Meeting)
        .count();
    if future > 0 {
        out.push(format!(
            "{} dated after today, left out",
            plural(future, "touch", "touches")
        ));
    }
    if let Some(m) = deal.amount.as_ref().filter(|m| m.minor < 0) {
        out.push(
            format!("a negative amount ({}) ", m.units())
                .trim_end()
                .to_string(),
        );
    }
    if let Some(d) = deal.close_date {
        let years = d.days_since(now) / 365;
        if years.abs() >= 10 {
            out.push(format!(
                "a close date {} years {} ({}): probably a typo",
                years.abs(),
                if years > 0 { "away" } else { "ago" },
                d.iso()
            ));
        }
    }
    if deal.stage_entered.is_some_and(|d| d > now) {
        out.push("the stage was entered after today: stage age not counted".to_string());
    }
    out
}

fn lower(c: Confidence) -> Confidence {
    match c {
        Confidence::High => Confidence::Medium,
        _ => Confidence::Low,
    }
}

/// The `missing` entry for notes without a reason (also a reason of its own: `no_reason`).
pub const MISSING_NOTES: &str = "your notes on why they want this";

fn what_was_missing(deal: &Deal, notes: &Notes) -> (Confidence, Vec<String>) {
    let mut missing = Vec::new();
    match (&deal.touches, deal.last_inbound) {
        (None, None) => missing.push("the activity timeline (none was visible)".into()),
        (None, Some(_)) => {
            missing.push("the activity timeline (only the last reply date is known)".into())
        }
        (Some(t), _) if t.is_empty() => missing.push("any logged activity".into()),
        _ => {}
    }
    if deal.close_date.is_none() {
        missing.push("a close date".into());
    }
    if notes.reason.is_none() {
        missing.push(MISSING_NOTES.into());
    }
    let confidence = match (&deal.touches, deal.last_inbound) {
        (None, None) => Confidence::Low,
        (None, Some(_)) => Confidence::Medium,
        (Some(t), _) if t.is_empty() || deal.close_date.is_none() => Confidence::Medium,
        _ => Confidence::High,
    };
    (confidence, missing)
}

/// "1 email", "4 emails": small helper for facts.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests;
