//! What a deal's timeline says, computed once per deal and shared by the stall-risk signals
//! and the message: touches newest first, the buyer's last reply and what it said, the
//! automatic messages since (auto-replies, bounces: not replies), our unanswered streak, the
//! buyer's rhythm, and each touch's normalised text (for phrase matching).

use super::date::Day;
use super::listen::{hear, new_part, Heard};
use super::model::{Deal, Direction, Touch};
use super::phrases::{normalize_all, Matcher};
use super::settings::Settings;
use std::cell::OnceCell;

/// What the timeline says, computed once for all signals.
pub struct Timeline<'a> {
    /// The content-free phrases, normalised once for every touch they are tested against.
    content_free: Matcher<'a>,
    /// The rep's own phrases for what a reply can mean (settings `heard_*`).
    extra: Extra<'a>,
    /// Each touch's subject and body, normalised at most once (signals share it).
    texts: Vec<OnceCell<String>>,
    /// What each touch says (`listen::hear`), read at most once and only when asked.
    heard: Vec<OnceCell<Vec<Heard>>>,
    now: Day,
    /// Touches between the two sides (notes and tasks left out), newest first. Automatic
    /// messages (see `automatic`) are left out too: an auto-reply is not the buyer replying.
    pub touches: Vec<&'a Touch>,
    /// The buyer's newest real reply (or meeting).
    pub last_inbound: Option<&'a Touch>,
    /// What that reply says (a question, a no, a date to come back …); empty for a meeting.
    pub last_heard: Vec<Heard>,
    /// Auto-replies and "has left" notices newer than the last real reply, newest first, with
    /// what each says.
    pub automatic: Vec<(&'a Touch, Vec<Heard>)>,
    /// Outbound touches newer than the last inbound one (all of them if there is none).
    pub streak: Vec<&'a Touch>,
    /// The buyer's usual gap between touches, in days (see `inbound_rhythm_days`).
    pub rhythm: Option<u32>,
    /// Touches whose side the page did not show (`Direction::Unknown`), newest first. They are
    /// not in `touches`: a fact they could change is not stated (see `unsure_since`).
    pub unsure: Vec<&'a Touch>,
    /// Past activities whose date could not be read: they could be anywhere in time.
    pub undated: u32,
    /// Activities older than the oldest shown exist but are not on the page.
    pub older_not_shown: bool,
}

impl<'a> Timeline<'a> {
    pub fn new(deal: &'a Deal, settings: &'a Settings, now: Day) -> Timeline<'a> {
        let extra = Extra::new(settings, deal);
        let mut automatic = Vec::new();
        let mut last_heard = Vec::new();
        // The buyer's side, newest first, read until their newest real reply: what came after
        // it is all that matters for silence, the streak and what they are waiting on.
        for t in deal.touches_newest_first() {
            if t.direction != Direction::Inbound || t.day > now {
                continue;
            }
            let heard = extra.hear(t, now);
            if is_automatic(&heard) {
                automatic.push((t, heard));
            } else {
                last_heard = heard;
                break;
            }
        }
        let unsure: Vec<&Touch> = deal
            .touches_newest_first()
            .into_iter()
            .filter(|t| t.direction == Direction::Unknown && t.day <= now)
            .collect();
        let touches: Vec<&Touch> = deal
            .touches_newest_first()
            .into_iter()
            .filter(|t| t.direction != Direction::Internal && t.direction != Direction::Unknown)
            // A touch dated after today cannot have happened (a typo in an export): left out,
            // and said in the assessment's doubts.
            .filter(|t| t.day <= now)
            .filter(|t| !automatic.iter().any(|(a, _)| std::ptr::eq(*a, *t)))
            .collect();
        let last_inbound = touches
            .iter()
            .copied()
            .find(|t| t.direction == Direction::Inbound);
        let streak = touches
            .iter()
            .copied()
            .take_while(|t| t.direction == Direction::Outbound)
            .collect();
        let rhythm = inbound_rhythm_days(&touches);
        // The last reply was read above: its reading seeds the cache rather than being read
        // again by the signals that ask for it.
        let heard: Vec<OnceCell<Vec<Heard>>> = touches
            .iter()
            .map(|t| {
                let cell = OnceCell::new();
                if last_inbound.is_some_and(|l| std::ptr::eq(l, *t)) {
                    let _ = cell.set(last_heard.clone());
                }
                cell
            })
            .collect();
        Timeline {
            content_free: Matcher::new(&settings.content_free_phrases),
            extra,
            texts: touches.iter().map(|_| OnceCell::new()).collect(),
            heard,
            now,
            touches,
            last_inbound,
            last_heard,
            automatic,
            streak,
            rhythm,
            unsure,
            undated: deal.undated,
            older_not_shown: deal.older_not_shown,
        }
    }

    /// Whether what came after the buyer's last known reply is known: no touch of unknown side
    /// since it, no activity that could be anywhere in time, and, when no reply is shown, no
    /// older activity left off the page (their last reply could be there).
    pub fn sure_since_reply(&self) -> bool {
        self.undated == 0
            && self.unsure_since_reply().is_empty()
            && (self.last_inbound.is_some() || !self.older_not_shown)
    }

    /// Whether every activity is known by side and date, and all of them are on the page.
    pub fn sure_anywhere(&self) -> bool {
        self.undated == 0 && self.unsure.is_empty() && !self.older_not_shown
    }

    /// The touches whose side is not known on or after `day` (all of them for `None`): any of
    /// them could be a reply from the buyer or one more message of ours, so a fact about what
    /// came after `day` (silence, the streak, who is waiting) is only true when this is empty.
    pub fn unsure_since(&self, day: Option<Day>) -> Vec<&'a Touch> {
        self.unsure
            .iter()
            .copied()
            .filter(|t| day.is_none_or(|d| t.day >= d))
            .collect()
    }

    /// The touches whose side is not known since the buyer's last known reply (all of them
    /// when there is none).
    pub fn unsure_since_reply(&self) -> Vec<&'a Touch> {
        self.unsure_since(self.last_inbound.map(|t| t.day))
    }

    /// The normalised subject and body of the touch at `i` in `touches`.
    pub fn text(&self, i: usize) -> &str {
        self.texts[i].get_or_init(|| {
            let t = self.touches[i];
            normalize_all(&[&t.subject, &t.body])
        })
    }

    /// What the touch at `i` in `touches` says, read once.
    pub fn heard_at(&self, i: usize) -> &[Heard] {
        self.heard[i].get_or_init(|| self.extra.hear(self.touches[i], self.now))
    }

    /// The content-free phrase the touch at `i` uses, if any.
    pub fn content_free(&self, i: usize) -> Option<&'a str> {
        self.content_free.find_normalized(self.text(i))
    }
}

/// The rep's own phrases for what a reply can mean, added to the built-in lists, and the
/// subjects of our own messages (to tell the buyer's words in a reply's subject from an echo).
struct Extra<'a> {
    deal: &'a Deal,
    /// Our messages' subjects without reply prefixes, lowercase, whitespace collapsed: worked
    /// out the first time a buyer's reply subject is heard (most assessments never need it).
    ours: OnceCell<Vec<String>>,
    no: Matcher<'a>,
    buying: Matcher<'a>,
    price: Matcher<'a>,
    auto: Matcher<'a>,
    left: Matcher<'a>,
    request: Matcher<'a>,
    any: bool,
}

/// A subject compared with another: lowercase, whitespace collapsed.
fn folded(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The buyer's own words in an inbound touch's subject. A new subject is all theirs. A reply's
/// ("Re: …", "AW: …", "RE : …") repeats a subject: ours word for word is nothing of theirs;
/// ours with something added is the addition; a subject none of ours starts (they changed it,
/// "Re: Proposal — where would our data be hosted?") is theirs, without its prefixes, unless
/// older activities are not on the page (the subject may then be ours).
fn buyers_subject<'t>(t: &'t Touch, extra: &Extra) -> &'t str {
    if t.direction != Direction::Inbound {
        return &t.subject;
    }
    let Some(rest) = super::listen::reply_rest(&t.subject) else {
        return &t.subject;
    };
    let ours = extra.ours();
    let folded_rest = folded(rest);
    if ours.contains(&folded_rest) {
        return &t.subject; // an echo of ours: still a reply's subject, ignored by `hear`
    }
    match ours
        .iter()
        .filter(|o| !o.is_empty() && folded_rest.starts_with(o.as_str()))
        .max_by_key(|o| o.len())
    {
        // Theirs is what follows our subject ("… — and the SSO question?").
        Some(o) => after_words(rest, o.split(' ').count())
            .trim_start_matches(|c: char| c.is_whitespace() || "-—–:|,;".contains(c)),
        // The message they replied to may be one of ours left off the page (a list showing
        // only its newest items): whose words these are cannot be told, so none are heard.
        None if extra.deal.older_not_shown => &t.subject,
        None => rest,
    }
}

/// `s` after its first `n` words.
fn after_words(s: &str, n: usize) -> &str {
    let mut rest = s.trim_start();
    for _ in 0..n {
        rest = rest
            .find(char::is_whitespace)
            .map_or("", |i| rest[i..].trim_start());
    }
    rest
}

impl<'a> Extra<'a> {
    fn new(s: &'a Settings, deal: &'a Deal) -> Extra<'a> {
        let lists = [
            &s.heard_no,
            &s.heard_buying,
            &s.heard_price_push,
            &s.heard_auto_reply,
            &s.heard_left,
            &s.heard_request,
        ];
        Extra {
            deal,
            ours: OnceCell::new(),
            no: Matcher::new(&s.heard_no),
            buying: Matcher::new(&s.heard_buying),
            price: Matcher::new(&s.heard_price_push),
            auto: Matcher::new(&s.heard_auto_reply),
            left: Matcher::new(&s.heard_left),
            request: Matcher::new(&s.heard_request),
            any: lists.iter().any(|l| !l.is_empty()),
        }
    }

    /// What the touch says: the built-in reading, plus any of the rep's phrases found in its
    /// subject or the new part of its text (quoting the phrase).
    /// Our messages' subjects (see `ours`).
    fn ours(&self) -> &[String] {
        self.ours.get_or_init(|| {
            self.deal
                .touches
                .iter()
                .flatten()
                // Ours, and those whose side is unknown (they may be ours: never take an echo
                // of one of them for the buyer's words).
                .filter(|t| matches!(t.direction, Direction::Outbound | Direction::Unknown))
                .map(|t| folded(super::listen::reply_rest(&t.subject).unwrap_or(&t.subject)))
                .collect()
        })
    }

    fn hear(&self, t: &Touch, now: Day) -> Vec<Heard> {
        let subject = buyers_subject(t, self);
        // Their dates are read from the day they wrote ("after January 12" written on 1 Dec
        // is 12 Jan next year, whenever the deal is looked at), never later than today.
        let mut heard = hear(subject, &t.body, t.day.min(now));
        if !self.any {
            return heard;
        }
        let text = normalize_all(&[subject, new_part(&t.body)]);
        // Each list, the reading it adds (quoting the phrase), and whether the built-in
        // reading already holds one of that kind.
        type Add = fn(String) -> Heard;
        type Has = fn(&Heard) -> bool;
        let lists: [(&Matcher, Add, Has); 6] = [
            (
                &self.auto,
                |q| Heard::AutoReply {
                    back_on: None,
                    quote: q,
                },
                |h| matches!(h, Heard::AutoReply { .. }),
            ),
            (
                &self.left,
                |q| Heard::Left {
                    replacement: None,
                    quote: q,
                },
                |h| matches!(h, Heard::Left { .. }),
            ),
            (
                &self.no,
                |q| Heard::No { quote: q },
                |h| matches!(h, Heard::No { .. }),
            ),
            (
                &self.request,
                |q| Heard::Asked { quote: q },
                |h| matches!(h, Heard::Asked { .. }),
            ),
            (
                &self.buying,
                |q| Heard::BuyingSignal { quote: q },
                |h| matches!(h, Heard::BuyingSignal { .. }),
            ),
            (
                &self.price,
                |q| Heard::PricePush { quote: q },
                |h| matches!(h, Heard::PricePush { .. }),
            ),
        ];
        for (matcher, add, has) in lists {
            if let Some(p) = matcher.find_normalized(&text) {
                if !heard.iter().any(has) {
                    heard.push(add(p.to_string()));
                }
            }
        }
        heard
    }
}

/// An auto-reply, or a "has left" notice that asks nothing: a message from the mail system or a
/// colleague, not the buyer replying. (A successor who writes "Dana has left; please send me
/// the contract" is a real reply.)
fn is_automatic(heard: &[Heard]) -> bool {
    heard.iter().any(|h| matches!(h, Heard::AutoReply { .. }))
        || (heard.iter().any(|h| matches!(h, Heard::Left { .. }))
            && !heard.iter().any(|h| {
                matches!(
                    h,
                    Heard::Asked { .. } | Heard::BuyingSignal { .. } | Heard::No { .. }
                )
            }))
}

/// The median gap in days between the buyer's touches (the lower middle one when there is
/// an even number of gaps), once there are at least three.
fn inbound_rhythm_days(touches: &[&Touch]) -> Option<u32> {
    let days: Vec<Day> = touches
        .iter()
        .filter(|t| t.direction == Direction::Inbound)
        .map(|t| t.day)
        .collect();
    if days.len() < 3 {
        return None;
    }
    let mut gaps: Vec<u32> = days
        .windows(2)
        .map(|w| w[0].days_since(w[1]).max(0) as u32)
        .collect();
    gaps.sort_unstable();
    // The lower middle gap: the rhythm only relaxes silence when the buyer is slow
    // consistently, not because of one long pause.
    Some(gaps[(gaps.len() - 1) / 2])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Channel;

    fn day(n: i32) -> Day {
        Day::from_ymd(2026, 12, 7).unwrap().plus(n)
    }

    fn email(days: i32, direction: Direction, subject: &str) -> Touch {
        Touch {
            day: day(days),
            direction,
            channel: Channel::Email,
            subject: subject.into(),
            body: String::new(),
        }
    }

    /// What the buyer's last reply says, for a deal whose touches are `touches`.
    fn last_heard(touches: Vec<Touch>) -> Vec<Heard> {
        let deal = Deal {
            touches: Some(touches),
            ..Deal::default()
        };
        let settings = Settings::default();
        Timeline::new(&deal, &settings, day(0)).last_heard
    }

    fn asked(h: &[Heard]) -> Option<&str> {
        h.iter().find_map(|h| match h {
            Heard::Asked { quote } => Some(quote.as_str()),
            _ => None,
        })
    }

    #[test]
    fn a_reply_whose_subject_the_buyer_changed_is_heard_from_its_subject() {
        // The body is not on the page (a collapsed card): the subject is all there is.
        let h = last_heard(vec![
            email(
                -6,
                Direction::Outbound,
                "Proposal — Aubrac data platform licence",
            ),
            email(
                -4,
                Direction::Inbound,
                "Re: Proposal — where would our data be hosted?",
            ),
        ]);
        assert_eq!(
            asked(&h),
            Some("Proposal — where would our data be hosted?"),
            "{h:?}"
        );
        // What they added after our subject, in another language's prefix.
        let h = last_heard(vec![
            email(-6, Direction::Outbound, "Angebot Lagerverwaltung"),
            email(
                -4,
                Direction::Inbound,
                "AW: Angebot Lagerverwaltung — gibt es einen Rabatt?",
            ),
        ]);
        assert!(asked(&h).is_some_and(|q| q.contains("Rabatt")), "{h:?}");
    }

    #[test]
    fn a_reply_that_only_repeats_our_subject_says_nothing_of_theirs() {
        let h = last_heard(vec![
            email(-6, Direction::Outbound, "Can we meet on Tuesday?"),
            email(-4, Direction::Inbound, "Re: Can we meet on Tuesday?"),
        ]);
        assert_eq!(asked(&h), None, "our own question, echoed: {h:?}");
        let h = last_heard(vec![
            email(-6, Direction::Outbound, "RE : Remise?"),
            email(-4, Direction::Inbound, "TR : RE : Remise?"),
        ]);
        assert_eq!(asked(&h), None, "{h:?}");
    }
}
