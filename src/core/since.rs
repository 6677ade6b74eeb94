//! "Since you last looked": what changed on a deal between the rep's last look and now, from
//! the memory of deals (`seen`). The CRMs keep field history only where an admin turned it on;
//! Stallwatch remembers what the rep's own pages showed, so it can say "the close date moved
//! from 30 Nov to 15 Jan, the third move since 12 Oct" on any deal the rep has opened before.

use super::date::Day;
use super::model::{Deal, Direction, Touch};
use super::money::Money;
use super::risk::plural;
use serde::{Deserialize, Serialize};

/// What a deal looked like when the rep last looked: the fields a change of which matters,
/// and where its timeline ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Glance {
    /// The rep's day of that look.
    pub day: Day,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close_date: Option<Day>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// The newest activity then (`None`: no timeline had been read, or it was empty) and how
    /// many activities of each side (theirs, ours, unknown) were on that day, so one more on
    /// the same day still counts as new.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newest: Option<Day>,
    #[serde(default)]
    pub at_newest: [u32; 3],
    /// A timeline had been read (a list shows none).
    #[serde(default)]
    pub timeline: bool,
}

fn activities(deal: &Deal) -> impl Iterator<Item = &Touch> {
    deal.touches
        .iter()
        .flatten()
        .filter(|t| t.direction != Direction::Internal)
}

/// How many of `touches` are theirs, ours, and of a side the page did not show.
fn sides<'a>(touches: impl Iterator<Item = &'a Touch>) -> [u32; 3] {
    let mut out = [0; 3];
    for t in touches {
        match t.direction {
            Direction::Inbound => out[0] += 1,
            Direction::Outbound => out[1] += 1,
            Direction::Unknown => out[2] += 1,
            Direction::Internal => {}
        }
    }
    out
}

impl Glance {
    pub fn of(deal: &Deal, day: Day) -> Glance {
        let newest = activities(deal).map(|t| t.day).max();
        Glance {
            day,
            close_date: deal.close_date,
            stage: deal.stage.clone(),
            amount: deal.amount.clone(),
            owner: deal.owner.clone(),
            contact: deal.contact.clone(),
            newest,
            at_newest: newest.map_or([0; 3], |n| sides(activities(deal).filter(|t| t.day == n))),
            timeline: deal.touches.is_some(),
        }
    }
}

/// One change since the last look, for tests and the card's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "what")]
pub enum Change {
    CloseDate {
        from: Day,
        to: Day,
        /// Moves of the close date Stallwatch has seen, this one included.
        moves: u32,
    },
    Stage {
        from: String,
        to: String,
    },
    Amount {
        from: Money,
        to: Money,
    },
    Owner {
        from: String,
        to: String,
    },
    Contact {
        to: String,
    },
    /// Activities dated after the last look's newest: theirs, ours, and of a side the page
    /// did not show.
    Activities {
        theirs: u32,
        ours: u32,
        unknown: u32,
    },
}

/// The changes between the last look and the deal as read now, with the line the card shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SinceLooked {
    /// The day of the last look.
    pub last: Day,
    pub changes: Vec<Change>,
    pub line: String,
}

/// What changed from `before` to `now_deal` (the deal as read now, with the close-date history
/// Stallwatch saw in `previous_close_dates`, oldest first). `first_seen`: when Stallwatch first
/// saw the deal, for "the third move since 12 Oct".
pub fn since(before: &Glance, now_deal: &Deal, first_seen: Option<Day>, now: Day) -> SinceLooked {
    let mut changes = Vec::new();
    if let (Some(from), Some(to)) = (before.close_date, now_deal.close_date) {
        if from != to {
            changes.push(Change::CloseDate {
                from,
                to,
                moves: now_deal.previous_close_dates.len().max(1) as u32,
            });
        }
    }
    // Compared as words, whatever the case and spacing: a list and a record page may show the
    // same stage or name differently, and that is no change.
    let same = |a: &str, b: &str| {
        let words = |s: &str| {
            s.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        };
        words(a) == words(b)
    };
    let text = |from: &Option<String>, to: &Option<String>| match (from, to) {
        (Some(a), Some(b)) if !same(a, b) => Some((a.clone(), b.clone())),
        _ => None,
    };
    if let Some((from, to)) = text(&before.stage, &now_deal.stage) {
        changes.push(Change::Stage { from, to });
    }
    if let (Some(from), Some(to)) = (&before.amount, &now_deal.amount) {
        // The number decides: one page may write the currency as a code, another as a symbol.
        if from.minor != to.minor {
            changes.push(Change::Amount {
                from: from.clone(),
                to: to.clone(),
            });
        }
    }
    if let Some((from, to)) = text(&before.owner, &now_deal.owner) {
        changes.push(Change::Owner { from, to });
    }
    if let Some((_, to)) = text(&before.contact, &now_deal.contact) {
        changes.push(Change::Contact { to });
    }
    // New activities: only when both looks read a timeline (a list shows none, and an empty
    // reading then would make every activity "new").
    if before.timeline && now_deal.touches.is_some() {
        let mut new =
            sides(activities(now_deal).filter(|t| before.newest.is_none_or(|n| t.day > n)));
        if let Some(n) = before.newest {
            // On the last look's newest day, only what outnumbers that day's count then is new.
            let same_day = sides(activities(now_deal).filter(|t| t.day == n));
            for side in 0..3 {
                new[side] += same_day[side].saturating_sub(before.at_newest[side]);
            }
        }
        let [theirs, ours, unknown] = new;
        if theirs + ours + unknown > 0 {
            changes.push(Change::Activities {
                theirs,
                ours,
                unknown,
            });
        }
    }
    let line = line(before.day, &changes, first_seen, now);
    SinceLooked {
        last: before.day,
        changes,
        line,
    }
}

fn ordinal(n: u32) -> String {
    match n {
        1 => "first".into(),
        2 => "second".into(),
        3 => "third".into(),
        4 => "fourth".into(),
        5 => "fifth".into(),
        n => format!("{n}th"),
    }
}

fn line(last: Day, changes: &[Change], first_seen: Option<Day>, now: Day) -> String {
    let when = match now.days_since(last) {
        0 => format!("earlier today, {}", last.short(now)),
        1 => format!("yesterday, {}", last.short(now)),
        n => format!(
            "{} ago, {}",
            plural(n.max(0) as usize, "day", "days"),
            last.short(now)
        ),
    };
    if changes.is_empty() {
        return format!("Nothing changed since you last looked ({when}).");
    }
    let parts: Vec<String> = changes
        .iter()
        .map(|c| match c {
            Change::CloseDate { from, to, moves } => {
                let which = if to > from {
                    "moved later"
                } else {
                    "moved earlier"
                };
                let count = if *moves > 1 {
                    match first_seen {
                        Some(f) => format!(
                            ", its {} move since Stallwatch first saw it on {}",
                            ordinal(*moves),
                            f.short(now)
                        ),
                        None => format!(", its {} move Stallwatch has seen", ordinal(*moves)),
                    }
                } else {
                    String::new()
                };
                format!(
                    "close date {which}, {} \u{2192} {}{count}",
                    from.short(now),
                    to.short(now)
                )
            }
            Change::Stage { from, to } => format!("stage {from} \u{2192} {to}"),
            Change::Amount { from, to } => {
                format!("amount {} \u{2192} {}", from.text(), to.text())
            }
            Change::Owner { from, to } => format!("owner {from} \u{2192} {to}"),
            Change::Contact { to } => format!("new contact {to}"),
            Change::Activities {
                theirs,
                ours,
                unknown,
            } => {
                let mut p = Vec::new();
                if *theirs > 0 {
                    p.push(format!(
                        "{} from them",
                        plural(*theirs as usize, "new activity", "new activities")
                    ));
                }
                if *ours > 0 {
                    p.push(format!(
                        "{} from you",
                        plural(*ours as usize, "new activity", "new activities")
                    ));
                }
                if *unknown > 0 {
                    p.push(format!(
                        "{} whose side the page does not show",
                        plural(*unknown as usize, "new activity", "new activities")
                    ));
                }
                p.join(", ")
            }
        })
        .collect();
    format!("Since you last looked ({when}): {}.", parts.join("; "))
}

/// The close dates the deal had before the one read now, oldest first: the history Stallwatch
/// kept (`earlier`, with its latest close date `earlier_close`) and that latest date when the
/// page now shows another. At most `MAX_HISTORY` kept.
pub fn close_history(
    earlier: &[Day],
    earlier_close: Option<Day>,
    now_close: Option<Day>,
) -> Vec<Day> {
    let mut out = earlier.to_vec();
    if let (Some(e), Some(n)) = (earlier_close, now_close) {
        if e != n {
            out.push(e);
        }
    }
    let over = out.len().saturating_sub(MAX_HISTORY);
    out.drain(..over);
    out
}

/// Close dates remembered per deal at most (a deal moved more often says so already).
pub const MAX_HISTORY: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Channel;

    fn day(m: u32, d: u32) -> Day {
        Day::from_ymd(2026, m, d).unwrap()
    }

    fn touch(d: Day, direction: Direction) -> Touch {
        Touch {
            day: d,
            direction,
            channel: Channel::Email,
            subject: String::new(),
            body: String::new(),
        }
    }

    fn deal() -> Deal {
        Deal {
            key: "hs:1:2".into(),
            stage: Some("Proposal".into()),
            close_date: Some(day(11, 30)),
            amount: Some(Money {
                minor: 4_000_000,
                currency: Some("$".into()),
            }),
            owner: Some("Jordan".into()),
            contact: Some("Dana Whitfield".into()),
            touches: Some(vec![
                touch(day(11, 20), Direction::Outbound),
                touch(day(11, 20), Direction::Inbound),
            ]),
            ..Deal::default()
        }
    }

    #[test]
    fn nothing_changed_says_so_with_the_day() {
        let d = deal();
        let s = since(&Glance::of(&d, day(12, 3)), &d, None, day(12, 7));
        assert!(s.changes.is_empty());
        assert_eq!(
            s.line,
            "Nothing changed since you last looked (4 days ago, 3 Dec)."
        );
    }

    #[test]
    fn each_change_is_said_with_its_from_and_to() {
        let before = Glance::of(&deal(), day(12, 3));
        let mut d = deal();
        d.close_date = Some(day(1, 15).plus(365));
        d.previous_close_dates = vec![day(10, 31), day(11, 30)];
        d.stage = Some("Negotiation".into());
        d.amount = Some(Money {
            minor: 3_200_000,
            currency: Some("$".into()),
        });
        d.contact = Some("Maria Lopez".into());
        let t = d.touches.as_mut().unwrap();
        t.push(touch(day(11, 20), Direction::Inbound)); // a second reply that day
        t.push(touch(day(12, 5), Direction::Outbound));
        t.push(touch(day(12, 6), Direction::Unknown));
        let s = since(&before, &d, Some(day(10, 12)), day(12, 7));
        assert_eq!(
            s.line,
            "Since you last looked (4 days ago, 3 Dec): close date moved later, 30 Nov \u{2192} 15 Jan 2027, its second move since Stallwatch first saw it on 12 Oct; stage Proposal \u{2192} Negotiation; amount $40,000 \u{2192} $32,000; new contact Maria Lopez; 1 new activity from them, 1 new activity from you, 1 new activity whose side the page does not show."
        );
    }

    #[test]
    fn the_same_value_written_another_way_is_no_change() {
        let before = Glance::of(&deal(), day(12, 3));
        let mut d = deal();
        d.stage = Some("  PROPOSAL ".into());
        d.amount = Some(Money {
            minor: 4_000_000,
            currency: Some("USD".into()),
        });
        let s = since(&before, &d, None, day(12, 7));
        assert!(s.changes.is_empty(), "{:?}", s.changes);
    }

    #[test]
    fn a_list_reading_makes_no_activity_new() {
        let mut listed = deal();
        listed.touches = None;
        let before = Glance::of(&listed, day(12, 3));
        let s = since(&before, &deal(), None, day(12, 7));
        assert!(s.changes.is_empty(), "{:?}", s.changes);
    }

    #[test]
    fn the_history_keeps_each_move_and_its_bound() {
        assert_eq!(
            close_history(&[], Some(day(11, 30)), Some(day(12, 15))),
            vec![day(11, 30)]
        );
        assert_eq!(
            close_history(&[day(11, 1)], Some(day(11, 30)), Some(day(11, 30))),
            vec![day(11, 1)]
        );
        let long: Vec<Day> = (1..=12).map(|d| day(1, d)).collect();
        let h = close_history(&long, Some(day(2, 1)), Some(day(3, 1)));
        assert_eq!(h.len(), MAX_HISTORY);
        assert_eq!(h.last(), Some(&day(2, 1)));
    }
}
