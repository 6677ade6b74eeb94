//! The deal view: a record page read, assessed and given its next message, for the overlay's
//! card and the popup.

use super::copy;
use crate::core::date::Day;
use crate::core::message::memory::{self, Copied};
use crate::core::message::{assess_and_compose_after, Suggestion};
use crate::core::model::Deal;
use crate::core::note_voice;
use crate::core::notes::{self, Notes};
use crate::core::risk::{
    self, assess, Band, Confidence, CorrectedReason, Notice, Reason, Section, State, MISSING_NOTES,
};
use crate::core::seen;
use crate::core::settings::{self, Settings};
use crate::core::store::Stored;
use crate::crm::snapshot::{Field, RawSnapshot};
use crate::crm::{self, PageKind, PageRef, Parsed, ReadField};
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DealView {
    pub page_kind: Option<PageKind>,
    /// The deal key (`sf:acme:0065g00000XyZ12`); `None` when the page is not a deal record.
    pub deal_key: Option<String>,
    pub deal_name: Option<String>,
    /// The stall risk 0–100; `None` when the page is not a scoreable open deal.
    pub score: Option<u8>,
    /// Said in place of the reasons when a scored deal has none.
    pub no_reasons_note: Option<&'static str>,
    pub band: Option<Band>,
    pub state: State,
    pub headline: String,
    pub reasons: Vec<Reason>,
    /// What the buyer's side said that changes what to do (no points).
    pub notices: Vec<Notice>,
    /// The triage section (act today, waiting, paused, closed).
    pub section: Section,
    pub confidence: Confidence,
    pub missing: Vec<String>,
    /// One line on how much the score can be trusted, naming what could not be seen.
    pub confidence_note: Option<String>,
    pub message: Option<Suggestion>,
    /// The "what I read" list.
    pub read: Vec<ReadField>,
    /// Problems with stored notes or settings (the rest still counted).
    pub problems: Vec<String>,
    /// The notes as understood, for the popup's form.
    pub notes: Notes,
    /// The popup's flags, by field, when a field messages quote to the buyer (their reason,
    /// their goal) reads like a private note ("his boss is skeptical").
    pub voice_flags: Vec<(&'static str, String)>,
    /// What the page was understood to say, machine-readable (`read-parsed`).
    pub parsed: Option<Parsed>,
    /// A storage write for the glue: the date order this page proved for its host.
    pub remember: Option<super::Remember>,
    /// The deal as read from the page (before notes), for the memory of deals.
    #[serde(skip)]
    pub deal: Option<Deal>,
    /// What changed since the rep last looked at this deal, in one line; `None` the first time.
    pub since_looked: Option<String>,
    /// The reasons the rep corrected, struck through with what they said (`Assessment::corrected`).
    pub corrected: Vec<CorrectedReason>,
    /// What each reason was computed from, as read (`risk::used`), in `reasons`' order.
    pub used: Vec<Vec<String>>,
}

/// How far a deal view goes: the badge needs the score, the card and popup the drafts too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// Assessed only: the number, band and state, no message composed.
    Score,
    /// Assessed and the next message composed (every channel and tone).
    Drafts,
}

/// The label the "what I read" list shows for a field (`activities`: the timeline).
pub fn field_label(field: &str) -> &'static str {
    match Field::parse(field) {
        Some(Field::Name) => "Deal",
        Some(Field::Stage) => "Stage",
        Some(Field::Amount) => "Amount",
        Some(Field::CloseDate) => "Close date",
        Some(Field::Owner) => "Owner",
        Some(Field::NextStep) => "Next step",
        Some(Field::Contact) => "Contact",
        None if field == "activities" => "Activity",
        None => "Field",
    }
}

/// What a deal record page and the extension's storage say about a deal: the page read with
/// the date order the settings and the host's memory give, its stored notes, and the
/// suggestion copied last. The overlay, the popup and the command line (`stallwatch suggest`
/// on a saved page) all start from this, so they say the same thing.
pub struct PageDeal {
    pub settings: Settings,
    /// `None`: not a deal record, or a snapshot the reader could not take.
    pub reading: Option<crm::Reading>,
    pub notes: Notes,
    pub copied: Option<Copied>,
    /// What was wrong in the stored settings and notes, and why the page was not read.
    pub problems: Vec<String>,
}

/// Reads a page (`page`, as `detect` classified it) with what is stored. `stored` maps storage
/// keys to what is stored under them.
pub fn page_deal(
    snapshot: &RawSnapshot,
    page: Option<&PageRef>,
    stored: &Stored,
    now: Day,
) -> PageDeal {
    let (settings, mut problems): (Settings, Vec<String>) = settings::of(stored);
    let preferred = super::date_order::preferred(&settings, stored, page);
    // A snapshot the reader could not take is not read at all: no reading, so no score.
    let reading = page
        .filter(|_| snapshot.unreadable.is_none())
        .and_then(|p| crm::read(snapshot, p, now, preferred));
    let notes_json = reading
        .as_ref()
        .and_then(|r| stored.get(&notes::storage_key(&r.deal.key)))
        .unwrap_or(&Value::Null);
    let loaded = notes::load(notes_json);
    problems.extend(loaded.problems);
    if let Some(why) = &snapshot.unreadable {
        problems.insert(0, copy::unreadable_problem(why));
    }
    // The suggestion copied last on this deal: an unanswered one is not repeated.
    let copied = reading.as_ref().and_then(|r| {
        stored
            .get(&memory::storage_key(&r.deal.key))
            .and_then(Copied::load)
    });
    PageDeal {
        settings,
        reading,
        notes: loaded.notes,
        copied,
        problems,
    }
}

/// Reads the page (`page`, as `detect` classified it), assesses the deal and composes the
/// message, in one pure step. `stored` maps storage keys to what is stored under them.
pub fn deal_view(
    snapshot: &RawSnapshot,
    page: Option<&PageRef>,
    stored: &Stored,
    now: Day,
    now_ms: u64,
) -> DealView {
    deal_view_to(snapshot, page, stored, now, now_ms, Depth::Drafts)
}

/// `deal_view`, going only as far as `depth` (the badge stops before the drafts).
pub fn deal_view_to(
    snapshot: &RawSnapshot,
    page: Option<&PageRef>,
    stored: &Stored,
    now: Day,
    now_ms: u64,
    depth: Depth,
) -> DealView {
    let PageDeal {
        settings,
        reading,
        notes: loaded_notes,
        copied,
        mut problems,
    } = page_deal(snapshot, page, stored, now);
    let page_deal = reading.as_ref().map(|r| &r.deal);
    // Its memory: the close dates Stallwatch saw before (pushes count across visits) and what
    // it looked like when the rep last looked.
    let memory = page_deal.and_then(|d| seen::recalled(stored, &d.key, now, settings.memory_days));
    let with_history = page_deal.map(|d| seen::with_history(d, memory.as_ref()));
    let since_looked = memory
        .as_ref()
        .zip(with_history.as_ref())
        .and_then(|(m, d)| seen::since_last_looked(m, d, now_ms, now).map(|s| s.line));
    let deal = with_history.as_ref();
    let (assessment, message) = match deal {
        Some(d) if depth == Depth::Drafts => {
            assess_and_compose_after(d, &loaded_notes, &settings, now, copied.as_ref())
        }
        Some(d) => (assess(Some(d), &loaded_notes, &settings, now), None),
        // Not a deal record: `assess` says so, and there is nothing to send.
        None => (assess(None, &loaded_notes, &settings, now), None),
    };
    // Values no real deal has, said where the rep looks first.
    problems.extend(
        assessment
            .doubts
            .iter()
            .map(|d| format!("{}{d}", copy::DOUBT_PREFIX)),
    );
    let headline = match assessment.state {
        State::NotADeal if snapshot.unreadable.is_some() => copy::UNREADABLE.to_string(),
        State::NotADeal => "Not a deal page: nothing to score".to_string(),
        State::Closed => format!(
            "{}: closed deals are not scored",
            deal.and_then(|d| d.stage.clone())
                .unwrap_or_else(|| "Closed".into())
        ),
        State::Snoozed => match assessment.snoozed_until {
            Some(d) => format!("Snoozed until {}", d.short(now)),
            None => "Snoozed".to_string(),
        },
        State::Wait => match assessment.act_from {
            Some(d) => format!("Wait: act from {}", d.short(now)),
            None => "Wait".to_string(),
        },
        State::WalkAway => "Consider walking away".to_string(),
        State::CloseOut => "Close it out: stop chasing".to_string(),
        State::Act => match assessment.band {
            Some(Band::High) => "High stall risk".to_string(),
            Some(Band::Watch) => "Watch this deal".to_string(),
            _ => "Low stall risk".to_string(),
        },
    };
    // What the page lacked; missing notes already show as the `no_reason` reason.
    let unseen: Vec<&str> = assessment
        .missing
        .iter()
        .map(String::as_str)
        .filter(|m| *m != MISSING_NOTES)
        .collect();
    let confidence_note = (!unseen.is_empty() && assessment.stall_risk.is_some()).then(|| {
        let level = match assessment.confidence {
            Confidence::High => "High",
            Confidence::Medium => "Medium",
            Confidence::Low => "Low",
        };
        format!("{level} confidence. Could not see: {}.", unseen.join("; "))
    });
    let parsed = reading.as_ref().map(|r| Parsed::of(&r.deal, r.date_order));
    let remember = reading
        .as_ref()
        .and_then(|r| super::date_order::remember(r.page_order, stored, page));
    DealView {
        // The page's reading alone: the memory merges it over what it kept.
        deal: page_deal.cloned(),
        since_looked,
        corrected: assessment.corrected.clone(),
        used: match deal {
            Some(d) if depth == Depth::Drafts => {
                let codes: Vec<_> = assessment.reasons.iter().map(|r| r.code).collect();
                risk::used_by_each(&codes, d, &loaded_notes, &settings, now)
            }
            _ => Vec::new(),
        },
        parsed,
        remember,
        confidence_note,
        page_kind: page.map(|p| p.kind),
        deal_key: deal.map(|d| d.key.clone()),
        deal_name: deal.and_then(|d| d.name.clone()),
        score: assessment.stall_risk,
        no_reasons_note: (assessment.stall_risk.is_some() && assessment.reasons.is_empty())
            .then_some(copy::NO_STALL),
        band: assessment.band,
        state: assessment.state,
        headline,
        section: assessment.section(),
        reasons: assessment.reasons,
        notices: assessment.notices,
        confidence: assessment.confidence,
        missing: assessment.missing,
        message,
        read: reading.map(|r| r.fields).unwrap_or_default(),
        problems,
        voice_flags: [
            (
                notes::BUYER_FACING_FIELDS[0],
                loaded_notes.reason.as_deref(),
            ),
            (notes::BUYER_FACING_FIELDS[1], loaded_notes.goal.as_deref()),
        ]
        .into_iter()
        .filter_map(|(field, text)| {
            let flag = note_voice::reads_private(text?)?;
            Some((field, copy::private_flag(&flag)))
        })
        .collect(),
        notes: loaded_notes,
    }
}
