//! The rep's corrections to the reasons: "not right here" on a reason, with what they know
//! ("they did reply, on 2 Dec", "already handled", "the real close date is 15 Jan", "doesn't
//! apply to this deal"). The rep is right about their own deal: a correction sets a reason
//! aside, or supplies the fact the page lacked, until the page shows something newer.
//!
//! Corrections are kept with the deal's notes (`notes:<deal key>`, field `corrections`), so
//! they are in backups and in "delete everything", and never leave the machine. The day the rep
//! said it and what the page showed then (`basis`) are kept with each, so a correction stops
//! counting when the page moves on, and `calibration` can learn from them.

use super::date::Day;
use super::model::{Channel, Deal, Direction, Touch};
use super::notes::Notes;
use super::risk::{Reads, ReasonCode};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::borrow::Cow;

/// What the rep said about a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Said {
    /// The buyer did reply (on `Correction::day`), where the page does not show it (a call to
    /// a mobile, a reply not logged): used as their reply.
    Replied,
    /// Already dealt with (answered by phone, the next step agreed in a meeting): set aside
    /// until the page shows something newer than what the reason was read from.
    Handled,
    /// The close date on the page is wrong: the real one is `Correction::day`, used until the
    /// page shows another close date.
    CloseDate,
    /// The reason does not fit this deal: set aside for good (until the rep undoes it).
    NotThisDeal,
}

impl Said {
    pub const ALL: [Said; 4] = [
        Said::Replied,
        Said::Handled,
        Said::CloseDate,
        Said::NotThisDeal,
    ];

    /// The name the card's controls and storage use (`not_this_deal`).
    pub fn as_str(self) -> &'static str {
        match self {
            Said::Replied => "replied",
            Said::Handled => "handled",
            Said::CloseDate => "close_date",
            Said::NotThisDeal => "not_this_deal",
        }
    }

    pub fn parse(s: &str) -> Option<Said> {
        Said::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The choice as the card offers it.
    pub fn label(self) -> &'static str {
        match self {
            Said::Replied => "They did reply. When?",
            Said::Handled => "Already handled",
            Said::CloseDate => "This date is wrong. The real one:",
            Said::NotThisDeal => "Doesn't apply to this deal",
        }
    }

    /// The rep supplies a day with this choice.
    pub fn needs_day(self) -> bool {
        matches!(self, Said::Replied | Said::CloseDate)
    }

    /// The choices that fit a reason: a fact about the buyer's replies can be answered with
    /// their reply; a close date with the real one; a task with "handled"; any reason with
    /// "doesn't apply".
    pub fn for_code(code: ReasonCode) -> &'static [Said] {
        use ReasonCode::*;
        match code {
            Silence | FollowUpTrap | EffortBalance | FitShortReplies => {
                &[Said::Replied, Said::NotThisDeal]
            }
            CloseDatePast => &[Said::CloseDate, Said::Handled, Said::NotThisDeal],
            CloseDatePushed => &[Said::CloseDate, Said::NotThisDeal],
            BuyerWaiting | NoNextStep | NextStepOverdue | StageAge | Deadline | ChannelAvoided
            | ChannelNotPreferred | ChampionLeft | BuyerSaidNo => {
                &[Said::Handled, Said::NotThisDeal]
            }
            NoReason | FitResentQuote | FitDiscount | FitTags | RepConcessions => {
                &[Said::NotThisDeal]
            }
        }
    }
}

/// One correction, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub code: ReasonCode,
    pub said: Said,
    /// The day the rep gave: their reply (`replied`) or the real close date (`close_date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<Day>,
    /// When the rep said it.
    pub on: Day,
    /// What the reason was read from when the rep said it (`basis`): "already handled" holds,
    /// and a corrected close date is used, while the page still shows this.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub basis: String,
    /// The reason's size then (days of silence, messages in a row, pushes of the close date),
    /// for the options page's proposals (`calibration`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<u32>,
}

/// Corrections kept per deal at most: one per reason code is all the card makes.
pub const MAX_PER_DEAL: usize = ReasonCode::ALL.len();

/// Reads the stored list, keeping every valid correction (one per reason code, the latest
/// said) and saying what was wrong with the others.
pub fn check(v: &Value, problems: &mut Vec<String>) -> Vec<Correction> {
    let items = match v {
        Value::Null => return Vec::new(),
        Value::Array(items) => items,
        _ => {
            problems.push(
                "The corrections to this deal's reasons were not a list; they were ignored.".into(),
            );
            return Vec::new();
        }
    };
    let mut out: Vec<Correction> = Vec::new();
    let mut bad = 0;
    for item in items.iter().take(4 * MAX_PER_DEAL) {
        match serde_json::from_value::<Correction>(item.clone()) {
            Ok(c) if valid(&c) => {
                out.retain(|o| o.code != c.code);
                out.push(c);
            }
            _ => bad += 1,
        }
    }
    if bad > 0 {
        problems.push(format!(
            "{} to this deal's reasons could not be read; the others still count.",
            if bad == 1 {
                "One correction".to_string()
            } else {
                format!("{bad} corrections")
            }
        ));
    }
    out
}

/// A correction the card could have made: a choice that fits its reason, with a day exactly
/// when the choice needs one, and a basis of a sane size.
fn valid(c: &Correction) -> bool {
    Said::for_code(c.code).contains(&c.said)
        && c.said.needs_day() == c.day.is_some()
        && c.basis.len() <= 600
}

/// What the reason `code` is read from on `deal`, in a form that changes when the page shows
/// something newer: the newest activity (its day and how many that day) for a fact about the
/// timeline, the field for a fact about a field.
pub fn basis(code: ReasonCode, deal: &Deal, notes: &Notes) -> String {
    use ReasonCode::*;
    let day = |d: Option<Day>| d.map(|d| d.iso()).unwrap_or_default();
    match code {
        CloseDatePast | CloseDatePushed => day(deal.close_date),
        StageAge => deal.stage.clone().unwrap_or_default(),
        NoNextStep | NextStepOverdue => format!(
            "{}|{}",
            deal.next_step.as_deref().unwrap_or(""),
            day(deal.next_step_date)
        ),
        FitTags => notes.tags.join(","),
        NoReason => String::new(),
        _ => match code.reads() {
            Reads::DealAndNotes => String::new(),
            Reads::SinceLastReply | Reads::WholeTimeline => newest_activity(deal),
        },
    }
}

/// "2026-12-01/2": the newest activity's day and how many activities that day.
fn newest_activity(deal: &Deal) -> String {
    let days = deal
        .touches
        .iter()
        .flatten()
        .filter(|t| t.direction != Direction::Internal)
        .map(|t| t.day);
    let Some(newest) = days.clone().max() else {
        return String::new();
    };
    format!("{}/{}", newest.iso(), days.filter(|d| *d == newest).count())
}

/// Where a stored correction stands on the page as read now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Counts: the reason is set aside, or the fact supplied is used.
    Holds,
    /// The page now shows something newer (their reply after the day given, another close
    /// date, a new activity since "already handled"): the page's reading counts again.
    Overtaken,
}

/// The standing of `c` on `deal` (the deal as the page shows it, before any correction).
pub fn standing(c: &Correction, deal: &Deal, notes: &Notes) -> Standing {
    let holds = match (c.said, c.day) {
        (Said::Replied, Some(day)) => {
            let page_reply = deal
                .touches
                .iter()
                .flatten()
                .filter(|t| t.direction == Direction::Inbound)
                .map(|t| t.day)
                .chain(deal.last_inbound)
                .max();
            page_reply.is_none_or(|r| r < day)
        }
        (Said::CloseDate, Some(_)) | (Said::Handled, _) => basis(c.code, deal, notes) == c.basis,
        (Said::NotThisDeal, _) => true,
        _ => false,
    };
    if holds {
        Standing::Holds
    } else {
        Standing::Overtaken
    }
}

/// The deal's corrections read against the page: the deal with the facts the rep supplied,
/// the reasons set aside, and the corrections the page has overtaken.
#[derive(Debug, Clone)]
pub struct Applied<'a> {
    /// The deal as the page shows it, with the rep's facts: their reply (a touch of theirs on
    /// that day, or the last reply date when there is no timeline) and the real close date.
    pub deal: Cow<'a, Deal>,
    /// The corrections that hold.
    pub holding: Vec<&'a Correction>,
    /// The corrections the page has overtaken (said on the card, not counted).
    pub overtaken: Vec<&'a Correction>,
}

impl Applied<'_> {
    /// The reason codes set aside: "already handled" and "doesn't apply" that hold.
    pub fn set_aside(&self) -> impl Iterator<Item = ReasonCode> + '_ {
        self.holding
            .iter()
            .filter(|c| matches!(c.said, Said::Handled | Said::NotThisDeal))
            .map(|c| c.code)
    }

    pub fn is_empty(&self) -> bool {
        self.holding.is_empty() && self.overtaken.is_empty()
    }
}

/// Reads the notes' corrections against `deal` as the page shows it.
pub fn apply<'a>(deal: &'a Deal, notes: &'a Notes) -> Applied<'a> {
    let mut out = Applied {
        deal: Cow::Borrowed(deal),
        holding: Vec::new(),
        overtaken: Vec::new(),
    };
    for c in &notes.corrections {
        match standing(c, deal, notes) {
            Standing::Overtaken => out.overtaken.push(c),
            Standing::Holds => {
                match (c.said, c.day) {
                    (Said::Replied, Some(day)) => {
                        let d = out.deal.to_mut();
                        match &mut d.touches {
                            // Their reply, as a touch of theirs with no words: it moves every
                            // "since their last reply" fact and is heard as nothing.
                            Some(touches) => touches.push(Touch {
                                day,
                                direction: Direction::Inbound,
                                channel: Channel::Other,
                                subject: String::new(),
                                body: String::new(),
                            }),
                            None => {
                                d.last_inbound = Some(d.last_inbound.map_or(day, |l| l.max(day)))
                            }
                        }
                    }
                    (Said::CloseDate, Some(day)) => out.deal.to_mut().close_date = Some(day),
                    _ => {}
                }
                out.holding.push(c);
            }
        }
    }
    out
}

/// How the card says what the rep said: "you said they replied on 2 Dec".
pub fn you_said(c: &Correction, now: Day) -> String {
    let on = c.on.short(now);
    match (c.said, c.day) {
        (Said::Replied, Some(d)) => {
            format!("You said they replied on {} (noted {on})", d.short(now))
        }
        (Said::CloseDate, Some(d)) => {
            format!(
                "You said the close date is really {} (noted {on})",
                d.short(now)
            )
        }
        (Said::Handled, _) => format!("You said this is already handled (noted {on})"),
        _ => format!("You said this doesn't apply to this deal (noted {on})"),
    }
}

/// How the card says a correction the page overtook: "Your note that they replied on 2 Dec no
/// longer counts: the page shows something newer".
pub fn overtaken_note(c: &Correction, now: Day) -> String {
    let what = match (c.said, c.day) {
        (Said::Replied, Some(d)) => format!("that they replied on {}", d.short(now)),
        (Said::CloseDate, Some(d)) => format!("that the close date is really {}", d.short(now)),
        _ => format!(
            "on \u{201c}{}\u{201d} ({})",
            c.code.label(),
            c.on.short(now)
        ),
    };
    format!("Your correction {what} no longer counts: the page shows something newer.")
}

/// Why a correction the rep asked for cannot be kept (a plain sentence), or `None`.
pub fn refuse(code: ReasonCode, said: Said, day: Option<Day>, now: Day) -> Option<String> {
    if !Said::for_code(code).contains(&said) {
        return Some(format!(
            "\u{201c}{}\u{201d} is not a choice for this reason.",
            said.label()
        ));
    }
    match (said, day) {
        (Said::Replied, None) => Some("Say on which day they replied.".into()),
        (Said::Replied, Some(d)) if d > now => {
            Some("Their reply cannot be dated after today.".into())
        }
        (Said::Replied, Some(d)) if now.days_since(d) > 3650 => {
            Some("That reply date is more than ten years ago: check the year.".into())
        }
        (Said::CloseDate, None) => Some("Give the real close date.".into()),
        (Said::CloseDate, Some(d)) if d.days_since(now).abs() > 3650 => {
            Some("That close date is more than ten years away: check the year.".into())
        }
        _ => None,
    }
}

/// The list with `c` in place of any earlier correction of the same reason.
pub fn with(list: &[Correction], c: Correction) -> Vec<Correction> {
    let mut out: Vec<Correction> = list.iter().filter(|o| o.code != c.code).cloned().collect();
    out.push(c);
    out
}

/// The list without the correction of `code` (the card's undo).
pub fn without(list: &[Correction], code: ReasonCode) -> Vec<Correction> {
    list.iter().filter(|o| o.code != code).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn day(d: u32) -> Day {
        Day::from_ymd(2026, 11, d).unwrap()
    }

    fn touch(d: u32, direction: Direction) -> Touch {
        Touch {
            day: day(d),
            direction,
            channel: Channel::Email,
            subject: "Proposal".into(),
            body: "text".into(),
        }
    }

    fn deal() -> Deal {
        Deal {
            key: "sf:acme:1".into(),
            close_date: Some(day(20)),
            stage: Some("Proposal".into()),
            touches: Some(vec![
                touch(2, Direction::Inbound),
                touch(10, Direction::Outbound),
            ]),
            ..Deal::default()
        }
    }

    fn said(code: ReasonCode, said: Said, d: Option<Day>, deal: &Deal) -> Correction {
        Correction {
            code,
            said,
            day: d,
            on: day(25),
            basis: basis(code, deal, &Notes::default()),
            measure: None,
        }
    }

    fn notes(list: Vec<Correction>) -> Notes {
        Notes {
            corrections: list,
            ..Notes::default()
        }
    }

    #[test]
    fn a_reply_the_page_does_not_show_is_used_until_the_page_shows_a_newer_one() {
        let d = deal();
        let n = notes(vec![said(
            ReasonCode::Silence,
            Said::Replied,
            Some(day(18)),
            &d,
        )]);
        let a = apply(&d, &n);
        assert_eq!(a.holding.len(), 1);
        let theirs: Vec<Day> = a
            .deal
            .touches
            .iter()
            .flatten()
            .filter(|t| t.direction == Direction::Inbound)
            .map(|t| t.day)
            .collect();
        assert!(theirs.contains(&day(18)), "{theirs:?}");
        // The page now shows their reply on the 19th: the page's fact wins.
        let mut newer = deal();
        newer
            .touches
            .as_mut()
            .unwrap()
            .push(touch(19, Direction::Inbound));
        let a = apply(&newer, &n);
        assert!(a.holding.is_empty());
        assert_eq!(a.overtaken.len(), 1);
        assert!(matches!(a.deal, Cow::Borrowed(_)), "nothing added");
    }

    #[test]
    fn a_corrected_close_date_counts_while_the_page_shows_the_date_it_corrected() {
        let d = deal();
        let n = notes(vec![said(
            ReasonCode::CloseDatePast,
            Said::CloseDate,
            Some(day(30)),
            &d,
        )]);
        assert_eq!(apply(&d, &n).deal.close_date, Some(day(30)));
        let mut moved = deal();
        moved.close_date = Some(day(28));
        let a = apply(&moved, &n);
        assert_eq!(a.deal.close_date, Some(day(28)), "the page's new date wins");
        assert_eq!(a.overtaken.len(), 1);
    }

    #[test]
    fn handled_holds_until_a_newer_activity_and_not_this_deal_holds_for_good() {
        let d = deal();
        let n = notes(vec![
            said(ReasonCode::BuyerWaiting, Said::Handled, None, &d),
            said(ReasonCode::FitDiscount, Said::NotThisDeal, None, &d),
        ]);
        let codes: Vec<ReasonCode> = apply(&d, &n).set_aside().collect();
        assert_eq!(
            codes,
            vec![ReasonCode::BuyerWaiting, ReasonCode::FitDiscount]
        );
        let mut newer = deal();
        newer
            .touches
            .as_mut()
            .unwrap()
            .push(touch(10, Direction::Inbound));
        let codes: Vec<ReasonCode> = apply(&newer, &n).set_aside().collect();
        assert_eq!(
            codes,
            vec![ReasonCode::FitDiscount],
            "a second touch that day is newer"
        );
    }

    #[test]
    fn stored_corrections_are_read_one_by_one_and_bad_ones_are_said() {
        let mut p = Vec::new();
        let list = check(
            &json!([
                {"code": "silence", "said": "replied", "day": "2026-11-18", "on": "2026-11-25"},
                {"code": "silence", "said": "not_this_deal", "on": "2026-11-26"},
                {"code": "silence", "said": "close_date", "day": "2026-11-18", "on": "2026-11-25"},
                {"code": "no_such_reason", "said": "handled", "on": "2026-11-25"},
                {"code": "stage_age", "said": "replied", "on": "2026-11-25"},
                "garbage"
            ]),
            &mut p,
        );
        assert_eq!(list.len(), 1, "{list:?}");
        assert_eq!(list[0].said, Said::NotThisDeal, "the latest of one reason");
        assert_eq!(p.len(), 1);
        assert!(p[0].starts_with("4 corrections"), "{p:?}");
        let mut p = Vec::new();
        assert!(check(&json!("x"), &mut p).is_empty());
        assert_eq!(p.len(), 1);
    }

    #[test]
    fn refuses_what_cannot_be_true() {
        let now = day(25);
        assert!(refuse(ReasonCode::Silence, Said::Replied, Some(day(26)), now).is_some());
        assert!(refuse(ReasonCode::Silence, Said::Replied, None, now).is_some());
        assert!(refuse(ReasonCode::Silence, Said::CloseDate, Some(day(2)), now).is_some());
        assert!(refuse(ReasonCode::Silence, Said::Replied, Some(day(24)), now).is_none());
        assert!(refuse(ReasonCode::NoReason, Said::NotThisDeal, None, now).is_none());
    }

    #[test]
    fn every_reason_can_be_said_not_to_apply() {
        for code in ReasonCode::ALL {
            assert!(Said::for_code(code).contains(&Said::NotThisDeal), "{code}");
        }
    }
}
