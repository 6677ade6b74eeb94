//! A deal record page, read: the raw snapshot becomes a `Deal` and the "what I read" list.

use super::adapter::{part, CrmAdapter, People};
use super::parsed::{settle_page_order, DateOrder};
use super::snapshot::{Field, RawSnapshot};
use super::url::{PageKind, PageRef};
use crate::core::date::{read_display_date, DateRead, Day, NumericOrder, When};
use crate::core::lang::Lang;
use crate::core::model::{status_from_stage, Channel, Deal, Direction, Touch};
use crate::core::money::parse_money;
use serde::Serialize;

/// One line of the overlay's "what I read" list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadField {
    pub field: &'static str,
    /// The value as read (for `activities`: how many items), or `None` when not read.
    pub value: Option<String>,
    /// What went wrong or what it means, in plain words ("not on this page", "could not
    /// read '#Error!' as an amount").
    pub note: Option<String>,
    /// Which of the read plan's selectors for the field found it (0 = the preferred one).
    pub source: Option<usize>,
}

/// A deal record page, read and interpreted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    pub deal: Deal,
    pub fields: Vec<ReadField>,
    /// How the page's all-numeric dates were read.
    pub date_order: DateOrder,
    /// The order this page itself proved (a date like 25/11/2026), worth remembering for the
    /// host; `None` when the page did not settle it.
    pub page_order: Option<NumericOrder>,
}

/// Values CRMs show for "nothing here".
fn is_placeholder(v: &str) -> bool {
    matches!(
        v.trim(),
        "" | "-" | "--" | "—" | "–" | "No value" | "None" | "(none)" | "No owner"
    )
}

/// Collapses whitespace, removes a label glued in front of the value and a control word glued
/// after it ("Deal owner Priya Natarajan Details" → "Priya Natarajan").
fn clean(value: &str, labels: &[&str], trailing: &[&str]) -> Option<String> {
    let collapsed = value.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut v = collapsed.as_str();
    // The longest label first: "Opportunity Owner" before "Owner".
    let mut sorted: Vec<&&str> = labels.iter().collect();
    sorted.sort_by_key(|l| std::cmp::Reverse(l.len()));
    for label in sorted {
        if let Some(rest) = v.strip_prefix(*label) {
            if rest.is_empty() || rest.starts_with([' ', ':']) {
                v = rest.trim_start_matches([':', ' ']);
                break;
            }
        }
    }
    for word in trailing {
        if let Some(rest) = v.strip_suffix(*word) {
            if rest.ends_with(' ') {
                v = rest.trim_end();
                break;
            }
        }
    }
    if is_placeholder(v) {
        None
    } else {
        Some(v.to_string())
    }
}

/// A field's value with its own label glued in front removed (never another field's: a deal
/// may well be called "Stage Two rollout"), and, for the owner, the control word after it.
pub(super) fn clean_field(adapter: &CrmAdapter, field: Field, value: &str) -> Option<String> {
    let trailing = if field == Field::Owner {
        adapter.trailing_words
    } else {
        &[]
    };
    clean(value, (adapter.field_labels)(field), trailing)
}

/// What a date that could not be used says, in the "what I read" list.
pub(super) fn date_problem(raw: &str, read: &DateRead, now: Day) -> Option<String> {
    match read {
        DateRead::Day(_) => None,
        DateRead::Ambiguous {
            month_first,
            day_first,
        } => Some(format!(
            "not used: {raw:?} could be {} or {}, and this page does not show which (set the date order in Options)",
            month_first.short(now),
            day_first.short(now)
        )),
        DateRead::Unreadable => Some(format!("not used: {raw:?} is not a date I can read")),
    }
}

/// Turns the snapshot of a deal record page (`page`, as `detect` classified it) into a deal and
/// the "what I read" list; `None` when the page is not a deal record. `preferred` is the
/// day/month order the rep set, or the one this host's pages settled before; the page's own
/// evidence wins over it. Never fails otherwise: what cannot be read is said in the list and
/// left out of the deal.
pub fn read(
    snapshot: &RawSnapshot,
    page: &PageRef,
    now: Day,
    preferred: Option<NumericOrder>,
) -> Option<Reading> {
    if page.kind != PageKind::DealRecord {
        return None;
    }
    #[cfg(test)]
    super::counted::reading();
    let adapter = page.adapter;
    let page_order = settle_page_order(snapshot);
    let order = page_order.or(preferred);
    let mut fields = Vec::new();
    let mut deal = Deal {
        crm: adapter.crm,
        key: page.key.clone().unwrap_or_default(),
        // The page's own `<html lang>` (unconfirmed on both CRMs, CRM_DOM_NOTES §7): the
        // messages' last default; the browser's language says nothing about the buyer's.
        language: Lang::from_tag(&snapshot.lang),
        ..Deal::default()
    };
    for field in Field::ALL {
        let raw = snapshot.fields.get(field.as_str()).cloned().flatten();
        let value = raw
            .as_ref()
            .and_then(|r| clean_field(adapter, field, &r.value));
        let mut note = None;
        match (field, value.as_deref()) {
            (Field::Name, None) => {
                // Fall back on the tab title: "Northwind — Rollout | Opportunity | Salesforce".
                let t = snapshot.title.split(" | ").next().unwrap_or("").trim();
                if !t.is_empty() && !is_placeholder(t) {
                    deal.name = Some(t.to_string());
                    note = Some("from the tab title".into());
                }
            }
            (Field::Name, Some(v)) => deal.name = Some(v.to_string()),
            (Field::Stage, Some(v)) => {
                deal.stage = Some(v.to_string());
                deal.status = status_from_stage(v);
            }
            (Field::Amount, Some(v)) => match parse_money(v) {
                Ok(m) => deal.amount = Some(m),
                Err(e) => note = Some(format!("not used: {e}")),
            },
            (Field::CloseDate, Some(v)) => {
                let read = read_display_date(v, now, order, When::Any);
                match read {
                    DateRead::Day(d) => deal.close_date = Some(d),
                    _ => note = date_problem(v, &read, now),
                }
            }
            (Field::Owner, Some(v)) => deal.owner = Some(v.to_string()),
            (Field::NextStep, Some(v)) => deal.next_step = Some(v.to_string()),
            (Field::Contact, Some(v)) => deal.contact = Some(v.to_string()),
            (_, None) => {}
        }
        if value.is_none() && note.is_none() && field != Field::Contact {
            // There and empty is a fact (nothing recorded); not on the page (another tab, a
            // layout without it) says nothing about the deal.
            note = Some(if raw.is_some() {
                "empty on this page".into()
            } else {
                "not found on this page".into()
            });
        }
        // A next step that is not on the page may well be recorded: never "no next step".
        if field == Field::NextStep && raw.is_none() {
            deal.next_step_unknown = true;
        }
        let shown = value.or_else(|| (field == Field::Name).then(|| deal.name.clone()).flatten());
        fields.push(ReadField {
            field: field.as_str(),
            value: shown,
            note,
            source: raw.as_ref().map(|r| r.source),
        });
    }
    let people = People {
        owner: deal.owner.as_deref(),
        contacts: &snapshot.contacts,
    };
    let timeline = read_activities(snapshot, adapter, now, order, &people);
    deal.touches = timeline.touches;
    deal.undated = timeline.undated;
    deal.older_not_shown = timeline.older_not_shown;
    deal.upcoming = timeline.upcoming;
    // The buyer: a contact the page marks as the deal's, else whoever wrote or called last
    // from the buyer's side, else the only contact associated with the deal. Never a guess.
    if deal.contact.is_none() {
        let (contact, how) = match (timeline.last_buyer, snapshot.contacts.as_slice()) {
            (Some(name), _) => (Some(name), "from the most recent activity by the buyer"),
            (None, [only]) => (
                Some(only.trim().to_string()),
                "the only contact on the deal",
            ),
            (None, []) => (None, "not found on this page"),
            (None, _) => (
                None,
                "not sure: several contacts, none marked primary or heard from",
            ),
        };
        if let Some(line) = fields.iter_mut().find(|f| f.field == "contact") {
            line.value = contact.clone();
            line.note = Some(how.to_string());
        }
        deal.contact = contact;
    }
    fields.push(timeline.line);
    Some(Reading {
        deal,
        fields,
        date_order: DateOrder::from(order),
        page_order,
    })
}

struct Timeline {
    touches: Option<Vec<Touch>>,
    /// Past items whose date could not be read.
    undated: u32,
    /// The page's activity list holds older items than it shows.
    older_not_shown: bool,
    upcoming: Vec<Touch>,
    last_buyer: Option<String>,
    line: ReadField,
}

fn read_activities(
    snapshot: &RawSnapshot,
    adapter: &CrmAdapter,
    now: Day,
    order: Option<NumericOrder>,
    people: &People,
) -> Timeline {
    let Some(items) = &snapshot.activities else {
        return Timeline {
            touches: None,
            undated: 0,
            older_not_shown: false,
            upcoming: Vec::new(),
            last_buyer: None,
            line: ReadField {
                field: "activities",
                value: None,
                note: Some("no activity timeline found on this page".into()),
                source: None,
            },
        };
    };
    let mut touches = Vec::new();
    let mut upcoming = Vec::new();
    let mut skipped = Vec::new();
    let mut unsure = 0usize;
    let mut undated = 0u32;
    let mut pinned = 0;
    let mut past_items = 0;
    let mut last_buyer: Option<(Day, String)> = None;
    for (i, item) in items.iter().enumerate() {
        let part = |name: &str| part(item, name);
        // A pinned copy of an activity the timeline also lists.
        if !part("pinned").is_empty() {
            pinned += 1;
            continue;
        }
        // Scheduled or still open: flagged by the timeline, or listed in an open-activities list.
        let flagged_upcoming =
            !part("upcoming").is_empty() || !part("open_task").is_empty() || part("list") == "open";
        if !flagged_upcoming {
            past_items += 1;
        }
        // An item of unknown type could be an email between the two sides as well as a note:
        // kept, dated, as a touch of unknown side (below), never guessed.
        let channel = (adapter.channel_of)(item);
        let when = if flagged_upcoming {
            When::Any
        } else {
            When::Past
        };
        let day = match read_display_date(part("date"), now, order, when) {
            DateRead::Day(d) => d,
            DateRead::Ambiguous { .. } => {
                skipped.push(format!(
                    "item {} (date {:?} could be day or month first)",
                    i + 1,
                    part("date")
                ));
                undated += u32::from(!flagged_upcoming);
                continue;
            }
            DateRead::Unreadable => {
                skipped.push(format!("item {} (date {:?})", i + 1, part("date")));
                undated += u32::from(!flagged_upcoming);
                continue;
            }
        };
        // Where a preview's whole text stands in for the body, its header ("Pierre Lambert to
        // Nadia Haddad") comes first: that is the page's wording, not the buyer's.
        let body = collapse(part("body"));
        let header = collapse(part("header"));
        let body = match body.strip_prefix(header.as_str()) {
            Some(rest) if !header.is_empty() => rest.trim_start().to_string(),
            _ => body,
        };
        let touch = |direction| Touch {
            day,
            direction,
            channel: channel.unwrap_or(Channel::Other),
            subject: collapse(part("subject")),
            body: body.clone(),
        };
        // Scheduled or still open, or dated after today: not something that happened.
        if flagged_upcoming || day > now {
            if !flagged_upcoming {
                past_items -= 1;
            }
            upcoming.push(touch(Direction::Internal));
            continue;
        }
        // Nothing on the item says who acted: kept, as a touch of unknown side, so that every
        // fact it could change is left unsaid (`Timeline::unsure`), and counted in the note.
        let Some(direction) = channel.and_then(|c| (adapter.direction_of)(c, item, people)) else {
            unsure += 1;
            touches.push(touch(Direction::Unknown));
            continue;
        };
        let channel = channel.unwrap_or(Channel::Other);
        if direction == Direction::Inbound && channel != Channel::Meeting {
            if let Some(name) = (adapter.buyer_of)(item, people) {
                if last_buyer.as_ref().is_none_or(|(d, _)| day > *d) {
                    last_buyer = Some((day, name));
                }
            }
        }
        touches.push(touch(direction));
    }
    let mut notes = Vec::new();
    if unsure > 0 {
        notes.push(format!(
            "{} whose type or side is not shown (who acted: open them to see; nothing is said from them)",
            if unsure == 1 {
                "1 item".to_string()
            } else {
                format!("{unsure} items")
            }
        ));
    }
    if !skipped.is_empty() {
        notes.push(format!("could not read {}", skipped.join(", ")));
    }
    if !upcoming.is_empty() {
        notes.push(format!(
            "{} upcoming or open, not counted as touches",
            upcoming.len()
        ));
    }
    if pinned > 0 {
        notes.push(format!("{pinned} pinned copy counted once"));
    }
    // Lists instead of a timeline: say so, and whether the history goes further back.
    let older_not_shown = snapshot
        .activity_lists
        .iter()
        .any(|l| l.list == "history" && l.holds_more());
    if !snapshot.activity_lists.is_empty() {
        notes.push(
            "read from the page's activity lists, not a timeline: they do not show who sent an email or placed a call"
                .to_string(),
        );
    }
    if older_not_shown {
        notes.push(
            "the activity history lists more than it shows: older items not read (open View All to see them)"
                .to_string(),
        );
    }
    let kinds = match by_kind(&touches) {
        kinds if kinds.is_empty() => format!("{past_items} items"),
        kinds => format!("{past_items} items: {kinds}"),
    };
    Timeline {
        touches: Some(touches),
        undated,
        older_not_shown,
        upcoming,
        last_buyer: last_buyer.map(|(_, n)| n),
        line: ReadField {
            field: "activities",
            value: Some(kinds),
            note: (!notes.is_empty()).then(|| notes.join("; ")),
            source: None,
        },
    }
}

/// What was read, per kind of item, with who acted where the kind has two sides: "5 emails
/// (2 from the buyer, 2 from you, 1 who acted not shown), 1 meeting, 1 note or task". Items
/// of a type the page did not show are the unknown-side "other" touches.
fn by_kind(touches: &[Touch]) -> String {
    const KINDS: [(Channel, &str, &str); 5] = [
        (Channel::Email, "email", "emails"),
        (Channel::Call, "call", "calls"),
        (Channel::Text, "message", "messages"),
        (Channel::Meeting, "meeting", "meetings"),
        (Channel::Other, "note or task", "notes or tasks"),
    ];
    let mut out = Vec::new();
    for (channel, one, many) in KINDS {
        let of_kind: Vec<&Touch> = touches
            .iter()
            .filter(|t| t.channel == channel && !is_untyped(t))
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        let mut line = format!(
            "{} {}",
            of_kind.len(),
            if of_kind.len() == 1 { one } else { many }
        );
        if matches!(channel, Channel::Email | Channel::Call | Channel::Text) {
            let count = |d: Direction| of_kind.iter().filter(|t| t.direction == d).count();
            let sides: Vec<String> = [
                (Direction::Inbound, "from the buyer"),
                (Direction::Outbound, "from you"),
                (Direction::Unknown, "who acted not shown"),
            ]
            .iter()
            .filter(|(d, _)| count(*d) > 0)
            .map(|(d, words)| format!("{} {words}", count(*d)))
            .collect();
            if !sides.is_empty() {
                line.push_str(&format!(" ({})", sides.join(", ")));
            }
        }
        out.push(line);
    }
    let untyped = touches.iter().filter(|t| is_untyped(t)).count();
    if untyped > 0 {
        out.push(format!("{untyped} of a type not shown"));
    }
    out.join(", ")
}

/// An item whose type the page did not show (kept as an "other" touch of unknown side).
fn is_untyped(t: &Touch) -> bool {
    t.channel == Channel::Other && t.direction == Direction::Unknown
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::url::detect;
    use serde_json::json;

    const URL: &str =
        "https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view";
    const REP: &str = "/lightning/r/0055g00000J7rEyAAJ/view";
    const BUYER: &str = "/lightning/r/0035g00000Dn4WhAAJ/view";

    fn now() -> Day {
        Day::from_ymd(2026, 11, 29).unwrap()
    }

    fn email(date: &str, actor: &str, href: &str, header: &str) -> serde_json::Value {
        json!({"kind": "row EmailMessage runtime_sales_activitiesActivityTimelineFixedStencil",
               "date": date, "actor": actor, "actor_link": href, "header": header})
    }

    fn reading(snap: serde_json::Value, preferred: Option<NumericOrder>) -> Reading {
        let snap: RawSnapshot = serde_json::from_value(snap).unwrap();
        read(&snap, &detect(URL).unwrap(), now(), preferred).unwrap()
    }

    fn note(r: &Reading, field: &str) -> String {
        r.fields
            .iter()
            .find(|f| f.field == field)
            .and_then(|f| f.note.clone())
            .unwrap_or_default()
    }

    #[test]
    fn an_ambiguous_close_date_is_never_guessed() {
        let snap = json!({"url": URL, "fields": {"close_date": {"value": "09/12/2026"}}});
        let r = reading(snap.clone(), None);
        assert_eq!(r.deal.close_date, None, "no fact built on a guess");
        assert_eq!(r.date_order, DateOrder::Unsure);
        assert!(
            note(&r, "close_date").contains("could be"),
            "{}",
            note(&r, "close_date")
        );
        // The rep's setting (or the host's memory) decides when the page does not.
        let r = reading(snap, Some(NumericOrder::DayFirst));
        assert_eq!(r.deal.close_date, Day::from_ymd(2026, 12, 9));
        assert_eq!(r.page_order, None, "nothing new to remember");
    }

    #[test]
    fn the_page_settles_the_order_and_beats_a_wrong_setting() {
        let snap = json!({"url": URL,
            "fields": {"close_date": {"value": "09/12/2026"}},
            "date_hints": ["Jordan Reyes, 25/03/2025, 09:12"]});
        let r = reading(snap, Some(NumericOrder::MonthFirst));
        assert_eq!(r.deal.close_date, Day::from_ymd(2026, 12, 9));
        assert_eq!(r.date_order, DateOrder::DayFirst);
        assert_eq!(r.page_order, Some(NumericOrder::DayFirst));
    }

    #[test]
    fn upcoming_and_open_items_are_not_touches() {
        let mut meeting = email("2 Dec", "You", REP, "You have an event with Dana");
        meeting["kind"] = json!("row Event runtime_sales_activitiesActivityTimelineFixedStencil");
        meeting["upcoming"] = json!("standardTimelineUpcomingActivities");
        let mut task = email("Tomorrow", "", "", "");
        task["kind"] = json!("row Task runtime_sales_activitiesActivityTimelineFixedStencil");
        task["open_task"] = json!("00Ti8000000YEtWEAWinputCheckbox");
        let snap = json!({"url": URL, "activities": [
            meeting,
            task,
            email("Yesterday", "You", REP, "You emailed Dana Whitfield"),
            email("20 Nov", "Dana Whitfield", BUYER, "Dana Whitfield emailed you"),
        ]});
        let r = reading(snap, None);
        let touches = r.deal.touches.as_ref().unwrap();
        assert_eq!(touches.len(), 2);
        assert_eq!(r.deal.upcoming.len(), 2);
        assert_eq!(touches[1].direction, Direction::Inbound);
        assert_eq!(touches[1].day, Day::from_ymd(2026, 11, 20).unwrap());
        assert_eq!(
            r.fields.last().unwrap().value.as_deref(),
            Some("2 items: 2 emails (1 from the buyer, 1 from you)")
        );
        // The buyer is whoever wrote last from their side, said as such.
        assert_eq!(r.deal.contact.as_deref(), Some("Dana Whitfield"));
        assert!(note(&r, "contact").contains("most recent"));
    }

    #[test]
    fn an_item_that_does_not_say_who_acted_is_reported_not_guessed() {
        let snap = json!({"url": URL, "activities": [email("Yesterday", "", "", "")]});
        let r = reading(snap, None);
        // Kept as a touch of unknown side (never counted as either side), and said.
        let touches = r.deal.touches.as_ref().unwrap();
        assert_eq!(touches.len(), 1);
        assert_eq!(touches[0].direction, Direction::Unknown);
        assert!(note(&r, "activities").contains("1 item whose type or side is not shown"));
        assert_eq!(r.deal.contact, None);
    }

    #[test]
    fn glued_labels_come_off_only_their_own_field() {
        assert_eq!(
            clean(
                "Deal owner Priya Natarajan Details",
                &["Deal owner"],
                &["Details"]
            )
            .as_deref(),
            Some("Priya Natarajan")
        );
        assert_eq!(
            clean("Stage Two rollout", &["Opportunity Name"], &[]).as_deref(),
            Some("Stage Two rollout")
        );
        assert_eq!(
            clean("Ownership review", &["Owner"], &[]).as_deref(),
            Some("Ownership review")
        );
    }

    #[test]
    fn activity_lists_are_read_with_what_they_cannot_tell() {
        let tile = |list: &str, subject: &str, record: &str, date: &str| {
            json!({"list": list, "kind": "slds-tile", "subject": subject,
                   "record": format!("/lightning/r/{record}/view"), "date": date})
        };
        let snap = json!({"url": URL,
        "activities": [
            tile("open", "Follow up on MSA redlines", "00T3h00000Qa1FgAAJ", "12/1/2026"),
            tile("history", "Email: Re: MSA redlines", "00T3h00000Qa1FfAAJ", "11/26/2026"),
            tile("history", "Call", "00T3h00000Qa1FeAAJ", "11/23/2026"),
            tile("history", "Pricing review", "00U3h00000Ze6HjAAJ", "11/20/2026"),
            tile("history", "Send MSA to legal", "00T3h00000Qa1FcAAJ", "11/15/2026"),
        ],
        "activity_lists": [
            {"list": "open", "count": "Open Activities (1)", "shown": 1},
            {"list": "history", "count": "Activity History (4+)", "shown": 4},
        ]});
        let r = reading(snap, None);
        let touches = r.deal.touches.as_ref().unwrap();
        // The open task is planned, not a touch; the email and the call say nobody's side.
        assert_eq!(r.deal.upcoming.len(), 1);
        assert_eq!(touches.len(), 4);
        let sides: Vec<_> = touches.iter().map(|t| (t.channel, t.direction)).collect();
        assert!(sides.contains(&(Channel::Email, Direction::Unknown)));
        assert!(sides.contains(&(Channel::Call, Direction::Unknown)));
        assert!(sides.contains(&(Channel::Meeting, Direction::Inbound)));
        assert!(sides.contains(&(Channel::Other, Direction::Internal)));
        assert!(r.deal.older_not_shown, "the history says 4+");
        assert_eq!(
            r.fields.last().unwrap().value.as_deref(),
            Some("4 items: 1 email (1 who acted not shown), 1 call (1 who acted not shown), 1 meeting, 1 note or task")
        );
        let n = note(&r, "activities");
        assert!(n.contains("activity lists, not a timeline"), "{n}");
        assert!(n.contains("older items not read"), "{n}");
    }
}
