//! What each reason was computed from, as read: the fields and the activities, with their
//! values and dates, so the rep (or a security reviewer) can check any number against the page.
//! The lines say what was read, never what was concluded; the reason's fact says that.

use super::{Reads, ReasonCode, Timeline};
use crate::core::correction::Said;
use crate::core::date::Day;
use crate::core::model::{Deal, Direction, Touch};
use crate::core::notes::Notes;
use crate::core::settings::Settings;

/// Activities listed at most for a reason read from the whole timeline.
const MAX_LISTED: usize = 12;

/// One activity as read: "12 Nov · email from you · “Re: proposal”".
fn touch_line(t: &Touch, now: Day) -> String {
    let side = match t.direction {
        Direction::Inbound => "from them",
        Direction::Outbound => "from you",
        Direction::Internal => "internal",
        Direction::Unknown => "side not shown",
    };
    let subject = t.subject.trim();
    let subject = if subject.is_empty() {
        String::new()
    } else {
        let cut: String = subject.chars().take(80).collect();
        let more = if cut.len() < subject.len() { "…" } else { "" };
        format!(" · \u{201c}{cut}{more}\u{201d}")
    };
    format!(
        "{} · {} {side}{subject}",
        t.day.short(now),
        t.channel.as_str()
    )
}

fn field(label: &str, value: Option<String>) -> String {
    match value {
        Some(v) if !v.trim().is_empty() => format!("{label}: {v}"),
        Some(_) => format!("{label}: empty"),
        None => format!("{label}: not on the page"),
    }
}

/// What each of `codes` was computed from on `deal` (as the page shows it, with the close
/// dates seen before), with the rep's `notes`, in their order; the timeline is read once for
/// all of them (the card lists every reason's).
pub fn used_by_each(
    codes: &[ReasonCode],
    deal: &Deal,
    notes: &Notes,
    settings: &Settings,
    now: Day,
) -> Vec<Vec<String>> {
    let timeline = std::cell::OnceCell::new();
    let timeline = || timeline.get_or_init(|| Timeline::new(deal, settings, now));
    codes
        .iter()
        .map(|&code| used_with(code, deal, notes, &timeline, now))
        .collect()
}

fn used_with<'a>(
    code: ReasonCode,
    deal: &Deal,
    notes: &Notes,
    timeline: &impl Fn() -> &'a Timeline<'a>,
    now: Day,
) -> Vec<String> {
    use ReasonCode::*;
    let day = |d: Option<Day>| d.map(|d| d.short(now));
    let mut out = Vec::new();
    // A reply the rep said the page does not show, used as theirs.
    let told: Vec<String> = notes
        .corrections
        .iter()
        .filter(|c| c.said == Said::Replied)
        .filter_map(|c| c.day)
        .map(|d| {
            format!(
                "Their reply on {}, as you said (not on the page)",
                d.short(now)
            )
        })
        .collect();
    match code {
        CloseDatePast | CloseDatePushed => {
            out.push(field("Close date", day(deal.close_date)));
            out.extend(
                notes
                    .corrections
                    .iter()
                    .filter(|c| c.said == Said::CloseDate)
                    .filter_map(|c| c.day)
                    .map(|d| format!("The real close date, as you said: {}", d.short(now))),
            );
            if !deal.previous_close_dates.is_empty() {
                let seen: Vec<String> = deal
                    .previous_close_dates
                    .iter()
                    .map(|d| d.short(now))
                    .collect();
                out.push(format!(
                    "Close dates before it, oldest first: {}",
                    seen.join(", ")
                ));
            }
        }
        StageAge => {
            out.push(field("Stage", deal.stage.clone()));
            out.push(field("Stage entered", day(deal.stage_entered)));
        }
        NoNextStep | NextStepOverdue => {
            // The reader tells a Next Step field that is there and empty from one not shown.
            let step = match (&deal.next_step, deal.next_step_unknown) {
                (None, false) => Some(String::new()),
                (step, _) => step.clone(),
            };
            out.push(field("Next step", step));
            if code == NextStepOverdue {
                out.push(field("Next step due", day(deal.next_step_date)));
            }
        }
        NoReason => out.push(field("Your note on why they want it", notes.reason.clone())),
        FitTags => out.push(format!("Your tags: {}", notes.tags.join(", "))),
        _ => {
            let t = timeline();
            if code == Deadline {
                out.push(field("Their deadline (your note)", day(notes.deadline)));
            }
            if matches!(code, ChannelAvoided | ChannelNotPreferred) {
                let avoid: Vec<&str> = notes.avoid_channels.iter().map(|c| c.as_str()).collect();
                out.push(format!(
                    "Your notes: prefers {}; asked you not to use {}",
                    notes
                        .preferred_channel
                        .map_or("nothing noted", |c| c.as_str()),
                    if avoid.is_empty() {
                        "nothing noted".to_string()
                    } else {
                        avoid.join(", ")
                    }
                ));
            }
            out.extend(told.iter().cloned());
            match code.reads() {
                Reads::SinceLastReply => {
                    match t.last_inbound {
                        Some(last) => {
                            out.push(format!("Their last reply: {}", touch_line(last, now)))
                        }
                        None => out.push("Their last reply: none on the page".to_string()),
                    }
                    out.extend(
                        t.streak
                            .iter()
                            .map(|x| format!("Since: {}", touch_line(x, now))),
                    );
                }
                Reads::WholeTimeline | Reads::DealAndNotes => {
                    if t.touches.is_empty() && deal.touches.is_none() {
                        out.push(field(
                            "Their last reply (per the export)",
                            day(deal.last_inbound),
                        ));
                    }
                    out.extend(
                        t.touches
                            .iter()
                            .take(MAX_LISTED)
                            .map(|x| touch_line(x, now)),
                    );
                    if t.touches.len() > MAX_LISTED {
                        out.push(format!("and {} older", t.touches.len() - MAX_LISTED));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Channel;

    fn day(m: u32, d: u32) -> Day {
        Day::from_ymd(2026, m, d).unwrap()
    }

    fn touch(d: Day, direction: Direction, subject: &str) -> Touch {
        Touch {
            day: d,
            direction,
            channel: Channel::Email,
            subject: subject.into(),
            body: "b".into(),
        }
    }

    #[test]
    fn a_timeline_reason_lists_what_it_read_and_a_field_reason_its_fields() {
        let deal = Deal {
            close_date: Some(day(12, 1)),
            previous_close_dates: vec![day(10, 31), day(11, 15)],
            touches: Some(vec![
                touch(day(11, 24), Direction::Outbound, "Following up"),
                touch(day(11, 12), Direction::Outbound, "Re: proposal"),
                touch(day(11, 2), Direction::Inbound, "Re: proposal"),
            ]),
            ..Deal::default()
        };
        let now = day(12, 7);
        let s = Settings::default();
        let n = Notes::default();
        assert_eq!(
            used_by_each(&[ReasonCode::FollowUpTrap], &deal, &n, &s, now).remove(0),
            vec![
                "Their last reply: 2 Nov · email from them · \u{201c}Re: proposal\u{201d}",
                "Since: 24 Nov · email from you · \u{201c}Following up\u{201d}",
                "Since: 12 Nov · email from you · \u{201c}Re: proposal\u{201d}",
            ]
        );
        assert_eq!(
            used_by_each(&[ReasonCode::CloseDatePushed], &deal, &n, &s, now).remove(0),
            vec![
                "Close date: 1 Dec",
                "Close dates before it, oldest first: 31 Oct, 15 Nov"
            ]
        );
        assert_eq!(
            used_by_each(&[ReasonCode::NoNextStep], &deal, &n, &s, now).remove(0),
            vec!["Next step: empty"]
        );
        assert_eq!(
            used_by_each(&[ReasonCode::Silence], &deal, &n, &s, now)
                .remove(0)
                .len(),
            3
        );
    }
}
