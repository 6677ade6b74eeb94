//! The Today queue: every deal the rep has opened (the memory of deals seen, `core::seen`),
//! assessed again today with its notes, in the order a rep works the day. Shown in the popup
//! away from a deal, and as a full page for the weekly review. Nothing is fetched: deals not
//! seen yet are not there, and the view says how to fill it.

use super::copy::today as words;
use crate::core::date::Day;
use crate::core::message::{assess_and_compose_after, memory, Choice, Draft, Suggestion};
use crate::core::model::Deal;
use crate::core::notes;
use crate::core::risk::{today_order, Band, State, TodayKey};
use crate::core::seen::{self, Seen};
use crate::core::settings;
use crate::core::store::{Effects, Stored};
use crate::crm::adapter;
use serde::Serialize;
use serde_json::Value;

/// The Today queue's sections, in the order a rep works through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TodaySection {
    /// Send something today.
    ActToday,
    /// Nothing to send until a date (theirs, or the ball is in their court).
    Waiting,
    /// Paused by the rep until a date.
    Snoozed,
    /// Bad fit, a no, or months of silence: let it go or close it out.
    LetGo,
    /// Seen only in a list or board: its activity was never read, so nothing is said of it
    /// beyond what the list showed, and it does not crowd out the deals the rep can act on.
    NotOpened,
}

impl TodaySection {
    pub const ALL: [TodaySection; 5] = [
        TodaySection::ActToday,
        TodaySection::Waiting,
        TodaySection::Snoozed,
        TodaySection::LetGo,
        TodaySection::NotOpened,
    ];

    /// Where a deal in `state` goes; `None` for closed deals (not in the queue).
    fn of(state: State) -> Option<TodaySection> {
        match state {
            State::Act => Some(TodaySection::ActToday),
            State::Wait => Some(TodaySection::Waiting),
            State::Snoozed => Some(TodaySection::Snoozed),
            State::WalkAway | State::CloseOut => Some(TodaySection::LetGo),
            State::Closed | State::NotADeal => None,
        }
    }
}

/// One deal in the queue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TodayRow {
    pub key: String,
    /// The CRM's name ("Salesforce").
    pub crm: &'static str,
    pub name: String,
    pub owner: Option<String>,
    /// Its record page; `None` when the remembered address is not one Stallwatch recognises.
    pub url: Option<String>,
    pub score: Option<u8>,
    pub band: Option<Band>,
    pub section: TodaySection,
    /// The largest reason's fact, or the state in words ("Snoozed until 12 Jan").
    pub top_reason: Option<String>,
    /// The suggested message's first line after the greeting, or the advice instead of one.
    pub preview: Option<String>,
    /// The suggested message as the card's Copy copies it (its first draft); `None` when the
    /// advice is to send nothing.
    pub message: Option<String>,
    /// When the deal was read: "read today", "seen in a list on 24 Nov (5 days ago)".
    pub as_of: String,
    #[serde(skip)]
    order: TodayKey,
}

/// The queue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TodayView {
    pub headline: String,
    pub rows: Vec<TodayRow>,
    /// Said when the queue is empty: how to fill it.
    pub empty: Option<&'static str>,
    /// The CRMs and owners of the deals remembered, for the full page's filters.
    pub crms: Vec<&'static str>,
    pub owners: Vec<String>,
    /// Remembered entries or notes that could not be read, in plain words.
    pub problems: Vec<String>,
}

/// The Today queue from everything stored (`storage.local` as one map) at `now_ms`, the rep's
/// day being `now`.
pub fn today_view(stored: &Stored, now: Day, now_ms: u64) -> TodayView {
    let (settings, mut problems) = settings::of(stored);
    let (entries, more) = seen::all(stored, now_ms, settings.memory_days);
    problems.extend(more);
    let mut rows: Vec<TodayRow> = entries
        .iter()
        .filter_map(|s| row(s, stored, &settings, now, &mut problems))
        .collect();
    // Equal keys keep a stable order: by name, then key.
    rows.sort_by(|a, b| a.name.cmp(&b.name).then(a.key.cmp(&b.key)));
    today_order(&mut rows, |r| r.order);

    let mut crms: Vec<&'static str> = rows.iter().map(|r| r.crm).collect();
    crms.sort_unstable();
    crms.dedup();
    let mut owners: Vec<String> = rows.iter().filter_map(|r| r.owner.clone()).collect();
    owners.sort();
    owners.dedup();
    let count = |section| rows.iter().filter(|r| r.section == section).count();
    let act = count(TodaySection::ActToday);
    let not_opened = count(TodaySection::NotOpened);
    TodayView {
        headline: words::headline(act, rows.len() - not_opened, not_opened),
        empty: rows.is_empty().then_some(words::EMPTY),
        rows,
        crms,
        owners,
        problems,
    }
}

fn row(
    s: &Seen,
    stored: &Stored,
    settings: &settings::Settings,
    now: Day,
    problems: &mut Vec<String>,
) -> Option<TodayRow> {
    let deal = &s.deal;
    let name = deal
        .name
        .clone()
        .unwrap_or_else(|| super::copy::UNNAMED_DEAL.to_string());
    let Assessed {
        loaded,
        a,
        suggestion,
    } = assessed(deal, stored, settings, now);
    problems.extend(loaded.problems.iter().map(|p| format!("{name}: {p}")));
    let section = match TodaySection::of(a.state)? {
        // The rep's own snooze stands; anything else about a deal whose record page was never
        // read rests on a list's columns alone.
        TodaySection::Snoozed => TodaySection::Snoozed,
        _ if s.record_day.is_none() => TodaySection::NotOpened,
        section => section,
    };
    let top_reason = match a.state {
        State::Snoozed => a.snoozed_until.map(|d| words::snoozed_until(d, now)),
        State::Wait => a.act_from.map(|d| words::wait_until(d, now)),
        _ => a.top_reason().map(|x| x.fact.clone()),
    };
    let draft = offered(deal, suggestion.as_ref());
    let preview = if deal.touches.is_some() {
        draft
            .map(|d| first_line(&d.text))
            .or_else(|| suggestion.as_ref().and_then(|m| m.advice.clone()))
    } else {
        Some(words::OPEN_FIRST.to_string())
    };
    let order = TodayKey::of(
        &a,
        loaded.notes.deadline,
        deal.amount.as_ref().map(|m| m.units()),
    );
    Some(TodayRow {
        key: deal.key.clone(),
        crm: adapter::for_crm(deal.crm).map_or("", |a| a.name),
        name,
        owner: deal.owner.clone(),
        url: crate::crm::record_address(&s.url, &s.deal.key),
        score: a.stall_risk,
        band: a.band,
        section,
        top_reason,
        preview,
        message: draft.map(|d| d.text.clone()),
        as_of: match s.record_day {
            Some(d) => words::read_on(d, now),
            None => words::seen_in_list(s.seen_day, now),
        },
        order,
    })
}

impl TodayView {
    /// The rows of one CRM (its name) and one owner; `None` keeps all.
    pub fn filtered(mut self, crm: Option<&str>, owner: Option<&str>) -> TodayView {
        self.rows.retain(|r| {
            crm.is_none_or(|c| r.crm == c) && owner.is_none_or(|o| r.owner.as_deref() == Some(o))
        });
        self
    }
}

/// What to store when the rep copies a row's message in the queue: the same memory the card's
/// Copy keeps (`copied:<key>`), so an unanswered suggestion is not suggested again. `None` when
/// the deal is not in the queue or has no message.
pub fn today_copied(stored: &Stored, deal_key: &str, now: Day) -> Effects {
    copied_effects(stored, deal_key, now).unwrap_or_default()
}

fn copied_effects(stored: &Stored, deal_key: &str, now: Day) -> Option<Effects> {
    let (settings, _) = settings::of(stored);
    let s = seen::recalled(stored, deal_key, now, settings.memory_days)?;
    let Assessed { suggestion, .. } = assessed(&s.deal, stored, &settings, now);
    let m = suggestion.as_ref()?;
    let draft = offered(&s.deal, Some(m))?;
    Some(memory::Copied::effects(deal_key, m.kind, draft, now))
}

/// A remembered deal assessed today with its notes and the suggestion copied last.
struct Assessed {
    loaded: notes::LoadedNotes,
    a: crate::core::risk::Assessment,
    suggestion: Option<Suggestion>,
}

fn assessed(deal: &Deal, stored: &Stored, settings: &settings::Settings, now: Day) -> Assessed {
    let loaded = notes::load(
        stored
            .get(&notes::storage_key(&deal.key))
            .unwrap_or(&Value::Null),
    );
    let copied = stored
        .get(&memory::storage_key(&deal.key))
        .and_then(memory::Copied::load);
    let (a, suggestion) =
        assess_and_compose_after(deal, &loaded.notes, settings, now, copied.as_ref());
    Assessed {
        loaded,
        a,
        suggestion,
    }
}

/// The draft the queue offers to copy: the first one, and none for a deal seen only in a list
/// (its activity was never read, so a message could claim what was or was not sent; the row
/// says to open it first).
fn offered<'a>(deal: &Deal, suggestion: Option<&'a Suggestion>) -> Option<&'a Draft> {
    suggestion
        .filter(|_| deal.touches.is_some())
        .and_then(|m| m.pick(Choice::default()))
}

/// The line a rep reads to know what the message says: the first one after the greeting ("Hi
/// Dana," and its equivalents end with a comma), cut to 140 characters.
fn first_line(text: &str) -> String {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("");
    let line = if first.ends_with(',') {
        lines.next().unwrap_or(first)
    } else {
        first
    };
    match line.char_indices().nth(140) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Channel, Crm, Deal, Direction, Touch};
    use crate::core::seen::{remember, SeenOn};
    use serde_json::json;

    // The tests build storage as JSON maps: taken apart as the glue does.
    fn today_view(stored: &Value, now: Day, now_ms: u64) -> TodayView {
        super::today_view(&Stored::from_value(stored.clone()), now, now_ms)
    }
    fn today_copied(stored: &Value, deal_key: &str, now: Day) -> Option<(String, Value)> {
        let e = super::today_copied(&Stored::from_value(stored.clone()), deal_key, now);
        e.set.into_iter().next()
    }

    const NOW_MS: u64 = 1_764_400_000_000;

    fn today() -> Day {
        Day::from_ymd(2026, 11, 27).unwrap()
    }

    fn touch(days_ago: i32, direction: Direction, body: &str) -> Touch {
        Touch {
            day: today().plus(-days_ago),
            direction,
            channel: Channel::Email,
            subject: "Rollout".into(),
            body: body.into(),
        }
    }

    fn deal(id: &str, name: &str, touches: Vec<Touch>) -> Deal {
        Deal {
            crm: Crm::Salesforce,
            key: format!("sf:acme:{id}"),
            name: Some(name.into()),
            stage: Some("Proposal/Price Quote".into()),
            owner: Some("Jordan Reyes".into()),
            close_date: Some(today().plus(30)),
            next_step: Some("Call".into()),
            contact: Some("Dana Whitfield".into()),
            touches: Some(touches),
            ..Deal::default()
        }
    }

    fn url(id: &str) -> String {
        format!("https://acme.lightning.force.com/lightning/r/Opportunity/{id}/view")
    }

    fn store(map: &mut serde_json::Map<String, Value>, d: &Deal) {
        let s = remember(None, d, &url(&d.key[8..]), SeenOn::Record, NOW_MS, today()).unwrap();
        map.insert(
            seen::storage_key(&d.key).to_string(),
            serde_json::to_value(s).unwrap(),
        );
    }

    #[test]
    fn the_queue_puts_the_buyer_waiting_first_then_risk_and_each_pause_in_its_section() {
        let mut map = serde_json::Map::new();
        // Four unanswered follow-ups after the buyer went quiet 30 days ago: high risk.
        let chased = deal(
            "0065g00000AAAAA",
            "Chased",
            vec![
                touch(2, Direction::Outbound, "Just checking in."),
                touch(9, Direction::Outbound, "Bumping this up."),
                touch(16, Direction::Outbound, "Any update?"),
                touch(23, Direction::Outbound, "Following up."),
                touch(30, Direction::Inbound, "Thanks, we will look at it."),
            ],
        );
        // The buyer asked a question two days ago and nobody answered: first, whatever the score.
        let asked = deal(
            "0065g00000BBBBB",
            "Asked",
            vec![
                touch(
                    2,
                    Direction::Inbound,
                    "Can you send the revised quote with the SSO option?",
                ),
                touch(4, Direction::Outbound, "Here is the proposal we discussed."),
            ],
        );
        let snoozed = deal(
            "0065g00000CCCCC",
            "Snoozed",
            vec![touch(3, Direction::Inbound, "Ok.")],
        );
        let won = Deal {
            stage: Some("Closed Won".into()),
            status: crate::core::model::DealStatus::Won,
            ..deal("0065g00000DDDDD", "Won", vec![])
        };
        for d in [&chased, &asked, &snoozed, &won] {
            store(&mut map, d);
        }
        map.insert(
            notes::storage_key(&snoozed.key).to_string(),
            json!({"snooze_until": today().plus(10).iso()}),
        );
        let v = today_view(&Value::Object(map), today(), NOW_MS);
        let names: Vec<(&str, TodaySection)> = v
            .rows
            .iter()
            .map(|r| (r.name.as_str(), r.section))
            .collect();
        assert_eq!(
            names,
            [
                ("Asked", TodaySection::ActToday),
                ("Chased", TodaySection::ActToday),
                ("Snoozed", TodaySection::Snoozed),
            ],
            "a won deal is not in the queue"
        );
        let asked_row = &v.rows[0];
        let chased_row = &v.rows[1];
        assert!(
            chased_row.score > asked_row.score,
            "the question comes first although the other deal scores higher: {:?} vs {:?}",
            chased_row.score,
            asked_row.score
        );
        assert!(asked_row.preview.is_some() && asked_row.message.is_some());
        assert!(
            !asked_row.preview.as_ref().unwrap().ends_with(','),
            "not the greeting"
        );
        assert_eq!(
            asked_row.url.as_deref(),
            Some(url("0065g00000BBBBB").as_str())
        );
        assert_eq!(asked_row.crm, "Salesforce");
        assert!(v.rows[2]
            .top_reason
            .as_ref()
            .unwrap()
            .starts_with("Snoozed until"));
        assert_eq!(v.headline, "2 deals to act on today, of 3 you have opened");
        assert_eq!(v.owners, ["Jordan Reyes"]);
        assert_eq!(v.empty, None);
    }

    #[test]
    fn an_empty_queue_says_how_to_fill_it_and_a_foreign_link_is_never_shown() {
        let v = today_view(&Value::Null, today(), NOW_MS);
        assert!(v.rows.is_empty());
        assert!(v.empty.unwrap().contains("list view"), "{:?}", v.empty);

        let d = deal(
            "0065g00000EEEEE",
            "Odd link",
            vec![touch(3, Direction::Inbound, "Ok")],
        );
        let mut s = remember(
            None,
            &d,
            "javascript:alert(1)",
            SeenOn::Record,
            NOW_MS,
            today(),
        )
        .unwrap();
        s.url = "https://evil.example/lightning/r/Opportunity/x/view".into();
        let map =
            json!({ seen::storage_key(&d.key).to_string(): serde_json::to_value(s).unwrap() });
        let v = today_view(&map, today(), NOW_MS);
        assert_eq!(v.rows.len(), 1);
        assert_eq!(v.rows[0].url, None);
    }

    #[test]
    fn copying_from_the_queue_is_remembered_like_the_cards_copy_and_filters_narrow_it() {
        let mut map = serde_json::Map::new();
        let d = deal(
            "0065g00000FFFFF",
            "Quiet",
            vec![
                touch(12, Direction::Outbound, "Checking in."),
                touch(20, Direction::Inbound, "We will review."),
            ],
        );
        store(&mut map, &d);
        let all = Value::Object(map.clone());
        let (key, value) = today_copied(&all, &d.key, today()).expect("a message to copy");
        assert_eq!(key, memory::storage_key(&d.key).to_string());
        let before = today_view(&all, today(), NOW_MS).rows[0].message.clone();
        map.insert(key, value);
        let after = today_view(&Value::Object(map), today(), NOW_MS).rows[0]
            .message
            .clone();
        assert_eq!(
            before, after,
            "copied today: the same message until it goes unanswered"
        );
        assert!(today_copied(&all, "sf:acme:unknown", today()).is_none());

        let v = today_view(&all, today(), NOW_MS);
        assert_eq!(v.clone().filtered(Some("HubSpot"), None).rows.len(), 0);
        assert_eq!(
            v.clone()
                .filtered(Some("Salesforce"), Some("Jordan Reyes"))
                .rows
                .len(),
            1
        );
        assert_eq!(v.filtered(None, Some("Someone Else")).rows.len(), 0);
    }

    #[test]
    fn a_deal_seen_only_in_a_list_gets_no_message_until_its_activity_is_read() {
        let mut d = deal("0065g00000GGGGG", "Listed", vec![]);
        d.touches = None;
        d.next_step_unknown = true;
        let s = remember(
            None,
            &d,
            &url("0065g00000GGGGG"),
            SeenOn::List,
            NOW_MS,
            today(),
        )
        .unwrap();
        let map =
            json!({ seen::storage_key(&d.key).to_string(): serde_json::to_value(s).unwrap() });
        let v = today_view(&map, today().plus(1), NOW_MS);
        let r = &v.rows[0];
        assert_eq!(r.message, None);
        assert_eq!(r.preview.as_deref(), Some(words::OPEN_FIRST));
        assert_eq!(r.as_of, "seen in a list yesterday");
    }

    #[test]
    fn the_preview_is_the_first_line_after_the_greeting() {
        assert_eq!(
            first_line("Hi Dana,\n\nHere is the quote.\nBest"),
            "Here is the quote."
        );
        assert_eq!(
            first_line("Bonjour Madame Roussel,\nVoici le devis."),
            "Voici le devis."
        );
        assert_eq!(
            first_line("Quick one: does Tuesday work?"),
            "Quick one: does Tuesday work?"
        );
        assert!(first_line(&"x".repeat(300)).ends_with('…'));
    }

    #[test]
    fn a_deal_only_seen_in_a_list_waits_below_the_ones_opened() {
        let mut map = serde_json::Map::new();
        let opened = deal(
            "0065g00000AAAAA",
            "Opened",
            vec![touch(12, Direction::Outbound, "Checking in.")],
        );
        store(&mut map, &opened);
        let mut listed = opened.clone();
        listed.key = "sf:acme:0065g00000LLLLL".into();
        listed.name = Some("Listed".into());
        listed.touches = None;
        let s = remember(
            None,
            &listed,
            &url("0065g00000LLLLL"),
            SeenOn::List,
            NOW_MS,
            today(),
        )
        .unwrap();
        map.insert(
            seen::storage_key(&listed.key).to_string(),
            serde_json::to_value(s).unwrap(),
        );
        let v = today_view(&Value::Object(map), today(), NOW_MS);
        let sections: Vec<(&str, TodaySection)> = v
            .rows
            .iter()
            .map(|r| (r.name.as_str(), r.section))
            .collect();
        assert!(
            sections.contains(&("Opened", TodaySection::ActToday)),
            "{sections:?}"
        );
        assert!(
            sections.contains(&("Listed", TodaySection::NotOpened)),
            "{sections:?}"
        );
        assert_eq!(
            TodaySection::ALL.last(),
            Some(&TodaySection::NotOpened),
            "shown last"
        );
        assert!(
            v.headline
                .ends_with("of 1 you have opened; 1 more seen in a list, not opened yet"),
            "{}",
            v.headline
        );
    }
}
