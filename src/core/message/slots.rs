//! What a message may say about this deal, gathered once. A slot that is unknown is `None`,
//! and the sentences below change shape instead of leaving a blank.

use crate::core::date::Day;
use crate::core::lang::Lang;
use crate::core::model::{Channel, Deal, Direction};
use crate::core::notes::Notes;
use crate::core::phrases::normalize;
use crate::core::settings::Settings;
use crate::core::timeline::Timeline;

#[derive(Debug, Clone)]
pub struct Slots {
    pub first_name: Option<String>,
    /// The buyer's reason as a clause (no trailing punctuation), full length.
    pub reason: Option<String>,
    /// What of the reason and goal notes the drafts leave out as private (told to the rep, in
    /// the suggestion's "why", never to the buyer).
    pub left_out: Vec<String>,
    pub goal: Option<String>,
    /// The buyer's deadline, only while it is still ahead.
    pub deadline: Option<Day>,
    pub approver: Option<String>,
    /// The buyer's last touch with substance, worth thanking for: its day, its channel and its
    /// subject.
    pub last_exchange: Option<(Day, Channel, String)>,
    /// The day their last reply asked us to come back from, once it has come: the draft opens
    /// by naming it ("You asked me to come back to you around 5 Mar").
    pub resumed: Option<Day>,
    /// A meeting with them booked within the next week (the page's upcoming items, or a
    /// meeting dated ahead in the timeline).
    pub meeting: Option<Day>,
    pub rep: Option<String>,
    pub signature: Option<String>,
    pub reason_noted_on: Option<Day>,
    /// Days since the buyer's last reply, when a timeline or export says.
    pub silent_days: Option<i32>,
    /// What the buyer asked or requested in their last reply and nobody has answered: their
    /// words, and (when it names one, "send the order form") the thing to deliver.
    pub request: Option<Request>,
    /// The buyer's contact has left and someone is named in their place: the first message
    /// goes to a person who has told us nothing yet.
    pub handover: Option<Handover>,
    /// The greeting line when the thread is formal ("Sehr geehrte Frau Dr. Keller,", "Dear Ms
    /// Keller,", "Estimada Sra. Keller:"), mirroring how the rep greeted this buyer, else the
    /// buyer's own register; `None` when it is first names (the language's "Hi Dana,").
    pub salutation: Option<String>,
    /// What we sent this buyer lately (subjects and bodies, folded): a subject or closing
    /// already sent is not suggested again.
    pub sent: Vec<Sent>,
    /// Chooses among a kind's subjects and closings, per deal: two deals in the same situation
    /// need not read the same, and one deal reads the same every time it is drawn.
    pub seed: u64,
    /// Set when a subject or closing this draft would have used was already sent since the
    /// buyer's last reply: the same message went unanswered, so the composer takes another
    /// angle (a `Cell`, because drafts are written from a shared `&Slots`).
    pub repeats_unanswered: std::cell::Cell<bool>,
    pub now: Day,
    /// The language the drafts are written in (see `super::language_for`).
    pub lang: Lang,
}

/// A contact who left, and the person named in their place.
#[derive(Debug, Clone)]
pub struct Handover {
    /// The contact who left, as the deal names them ("Dana Whitfield"), when it does.
    pub from: Option<String>,
    /// The person named in their place, as the notice wrote it ("Maria Lopez").
    pub to: String,
    /// The day the notice came.
    pub noticed_on: Day,
    /// Our newest message of substance before it: its day and subject (no "checking in").
    pub last_sent: Option<(Day, String)>,
}

/// One message of ours, folded for comparison (`phrases::normalize`).
#[derive(Debug, Clone)]
pub struct Sent {
    pub subject: String,
    pub body: String,
    /// Sent after the buyer's last reply: nothing came back yet.
    pub unanswered: bool,
}

/// How far ahead a booked meeting makes confirming it the next message.
const MEETING_AHEAD_DAYS: i32 = 7;

/// How far back what we sent counts as "already said to this buyer".
const SENT_WINDOW_DAYS: i32 = 60;

/// A stable 64-bit hash (FNV-1a): the same deal key chooses the same wording on every machine.
fn stable_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The buyer's open question or request.
#[derive(Debug, Clone)]
pub struct Request {
    /// The sentence as they wrote it (shortened).
    pub quote: String,
    /// "the order form", when the request is to send a named thing (in English: the English
    /// drafts name it; the other languages deliver "what you asked for" and quote the request).
    pub thing: Option<String>,
    pub day: Day,
}

/// "the order form" from "please send the order form so we can sign": the thing a request asks
/// to be sent, when it says so in English; `None` otherwise (then the request is quoted).
pub fn requested_thing(quote: &str) -> Option<String> {
    let lower = quote.to_lowercase();
    let start = ["send me ", "send us ", "send over ", "send "]
        .iter()
        .find_map(|v| lower.find(v).map(|i| i + v.len()))?;
    let rest = &quote[start..];
    let rest_lower = &lower[start..];
    if !["the ", "a ", "an ", "your ", "our "]
        .iter()
        .any(|a| rest_lower.starts_with(a))
    {
        return None;
    }
    let end = rest_lower
        .find(['?', '.', ',', '!', ';', ':', '\u{2026}'])
        .into_iter()
        .chain(
            [
                " so ", " and ", " by ", " before ", " please", " asap", " when ",
            ]
            .iter()
            .filter_map(|w| rest_lower.find(w)),
        )
        .min()
        .unwrap_or(rest.len());
    let thing = rest[..end].trim();
    let words = thing.split_whitespace().count();
    (2..=8).contains(&words).then(|| {
        // "your order form" as the buyer wrote it is "our order form" from the rep.
        match thing.split_once(' ') {
            Some((first, tail)) if first.eq_ignore_ascii_case("your") => format!("our {tail}"),
            Some((first, tail)) if first.eq_ignore_ascii_case("our") => format!("your {tail}"),
            _ => thing.to_string(),
        }
    })
}

/// The approver as a message names them to the buyer. The note is the rep's shorthand: "Maria
/// Chen, their CFO" or "CFO (skeptical)" keeps the part before the comma or bracket, and "their
/// CFO" / "her boss" speaks to the buyer ("your CFO"), never about them.
pub fn approver_for_buyer(note: &str, lang: Lang) -> String {
    let head = note
        .split([',', '(', ';', '/'])
        .next()
        .unwrap_or(note)
        .trim()
        .trim_end_matches(['.', ':', '-', '–'])
        .trim();
    // The rep's English shorthand ("their CFO") speaks to the buyer in the draft's language.
    let your = match lang {
        Lang::En => "your",
        Lang::Fr => "votre",
        Lang::De => "Ihr",
        Lang::Es => "su",
    };
    for own in [
        "their ",
        "his ",
        "her ",
        "the buyer's ",
        "buyer's ",
        "your ",
    ] {
        if head.len() > own.len()
            && head.is_char_boundary(own.len())
            && head[..own.len()].eq_ignore_ascii_case(own)
        {
            return format!("{your} {}", &head[own.len()..]);
        }
    }
    head.to_string()
}

/// What of a note can be said to the buyer, as a clause, and what is left out
/// (`note_rewrite::for_buyer`, read once per note).
fn for_buyer(note: Option<&str>) -> (Option<String>, Vec<String>) {
    let Some(note) = note else {
        return (None, Vec::new());
    };
    let said = crate::core::note_rewrite::for_buyer(note);
    let text = said.text.map(|t| clause(&t)).filter(|c| !c.is_empty());
    (text, said.dropped)
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// How old the buyer's last message may be for a draft to thank them for it: older than two
/// weeks, thanking reads as if nothing happened since.
const RECENT_DAYS: i32 = 14;

/// Trailing punctuation removed so the text can sit inside a sentence.
pub fn clause(text: &str) -> String {
    // A reason noted as a question ("can we cut onboarding to 2 weeks?") sits after a colon
    // like any other: without its "?", the frame's own punctuation ends the sentence.
    text.trim()
        .trim_end_matches(['.', '!', ';', ',', ':', '?'])
        .trim_end()
        .to_string()
}

/// Shortens text on a word boundary, adding an ellipsis when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':', ' ']))
}

/// A subject without `Re:` / `Fwd:` prefixes.
fn plain_subject(subject: &str) -> String {
    let mut s = subject.trim();
    loop {
        let lower = s.to_ascii_lowercase();
        let cut = ["re:", "fw:", "fwd:", "aw:", "sv:"]
            .iter()
            .find(|p| lower.starts_with(*p))
            .map(|p| p.len());
        match cut {
            Some(n) => s = s[n..].trim_start(),
            None => return s.to_string(),
        }
    }
}

impl Slots {
    pub fn new(
        deal: &Deal,
        timeline: &Timeline,
        notes: &Notes,
        settings: &Settings,
        now: Day,
    ) -> Slots {
        let last_inbound_day = timeline.last_inbound.map(|t| t.day).or(deal.last_inbound);
        // The buyer's newest touch with a subject and some content.
        // Thanked only when it is worth thanking: a real reply (auto-replies are not in the
        // timeline), recent, and not a no.
        let last_exchange = (0..timeline.touches.len())
            .filter(|&i| timeline.touches[i].direction == Direction::Inbound)
            .find(|&i| {
                !plain_subject(&timeline.touches[i].subject).is_empty()
                    && timeline.content_free(i).is_none()
            })
            .filter(|&i| {
                now.days_since(timeline.touches[i].day) <= RECENT_DAYS
                    && !timeline
                        .heard_at(i)
                        .iter()
                        .any(|h| matches!(h, crate::core::listen::Heard::No { .. }))
            })
            .map(|i| {
                let t = timeline.touches[i];
                (t.day, t.channel, shorten(&plain_subject(&t.subject), 60))
            });
        // A contact who left and named a successor: write to the successor.
        let handover = timeline.automatic.iter().find_map(|(touch, heard)| {
            heard.iter().find_map(|h| match h {
                crate::core::listen::Heard::Left {
                    replacement: Some(name),
                    ..
                } => Some(Handover {
                    from: non_empty(deal.contact.as_deref()).map(|c| shorten(&c, 60)),
                    to: shorten(name, 60),
                    noticed_on: touch.day,
                    last_sent: (0..timeline.touches.len())
                        .filter(|&i| {
                            let t = timeline.touches[i];
                            t.direction == Direction::Outbound && t.day <= touch.day
                        })
                        .find(|&i| {
                            !plain_subject(&timeline.touches[i].subject).is_empty()
                                && timeline.content_free(i).is_none()
                        })
                        .map(|i| {
                            let t = timeline.touches[i];
                            (t.day, shorten(&plain_subject(&t.subject), 60))
                        }),
                }),
                _ => None,
            })
        });
        let successor = handover
            .as_ref()
            .and_then(|h| h.to.split_whitespace().next().map(str::to_string));
        // A touch whose side is unknown since their last known reply could be a newer reply, or
        // our answer: then neither their open question nor how long they have been silent is
        // known, and no message says it.
        let unsure = !timeline.sure_since_reply();
        // Their open question or request: their newest reply asked, and nothing went back.
        let request = timeline
            .last_inbound
            .filter(|_| timeline.streak.is_empty() && !unsure)
            .and_then(|last| {
                timeline.last_heard.iter().find_map(|h| match h {
                    crate::core::listen::Heard::Asked { quote }
                    | crate::core::listen::Heard::BuyingSignal { quote } => Some(Request {
                        quote: shorten(quote, 120),
                        // The English reader keeps the buyer's detail ("the revised quote
                        // with SSO pricing"); the thing reader knows the common names in every
                        // language the buyers write ("el contrato", "das Angebot").
                        thing: requested_thing(quote).or_else(|| {
                            super::thing::requested(quote)
                                .map(|t| t.words(Lang::En).the.to_string())
                        }),
                        day: last.day,
                    }),
                    _ => None,
                })
            });
        let lang = super::language_for(deal, notes, settings).0;
        let last_reply = timeline.last_inbound.map(|t| t.day);
        let sent = timeline
            .touches
            .iter()
            .filter(|t| {
                t.direction == Direction::Outbound && now.days_since(t.day) <= SENT_WINDOW_DAYS
            })
            .map(|t| Sent {
                subject: normalize(&plain_subject(&t.subject)),
                body: normalize(&t.body),
                unanswered: last_reply.is_none_or(|r| t.day >= r),
            })
            .collect();
        let resumed = crate::core::risk::resumed_on(timeline, now).filter(|_| !unsure);
        // A successor is greeted as new (by first name); everyone else as the thread does.
        let salutation = if handover.is_some() {
            None
        } else {
            let seen = super::register::register_of(
                timeline
                    .touches
                    .iter()
                    .filter(|t| matches!(t.direction, Direction::Outbound | Direction::Inbound))
                    .map(|t| (t.direction == Direction::Outbound, t.body.as_str())),
            );
            super::register::salutation(lang, seen.as_ref(), deal.contact.as_deref())
        };
        // The rep's notes are said to the buyer only as far as they can be: turned to the buyer
        // ("wants to stop paying 3 agencies" → "stop paying 3 agencies"), private remarks left
        // out ("his boss is skeptical"). Nothing quotable in the reason: the goal, if any.
        let (reason_said, mut left_out) = for_buyer(notes.reason.as_deref());
        let (goal, goal_left_out) = for_buyer(notes.goal.as_deref());
        left_out.extend(goal_left_out);
        let meeting = deal
            .upcoming
            .iter()
            .chain(deal.touches.iter().flatten())
            .filter(|t| {
                t.channel == Channel::Meeting
                    && (0..=MEETING_AHEAD_DAYS).contains(&t.day.days_since(now))
            })
            .map(|t| t.day)
            .min();
        Slots {
            meeting,
            resumed,
            salutation,
            sent,
            seed: stable_hash(&deal.key),
            repeats_unanswered: std::cell::Cell::new(false),
            request,
            handover,
            first_name: successor.or_else(|| deal.contact_greeting_name()),
            reason: reason_said.or_else(|| goal.clone()),
            left_out,
            goal,
            deadline: notes.deadline.filter(|d| *d >= now),
            approver: non_empty(notes.approver.as_deref())
                .map(|a| approver_for_buyer(&a, lang))
                .filter(|a| !a.is_empty())
                .map(|a| shorten(&a, 60)),
            last_exchange,
            rep: non_empty(settings.rep_name.as_deref()).map(|r| shorten(&r, 60)),
            signature: non_empty(settings.signature.as_deref()).map(|s| shorten(&s, 80)),
            reason_noted_on: notes.reason_noted_on,
            // Counted as the score counts it: from the day they named, once it has come.
            silent_days: resumed
                .or(last_inbound_day)
                .filter(|_| !unsure)
                .map(|d| now.days_since(d)),
            now,
            lang,
        }
    }

    /// Every slot empty: what a draft says when nothing is known (the language modules' tests).
    #[cfg(test)]
    pub fn empty(now: Day, lang: Lang) -> Slots {
        Slots {
            first_name: None,
            reason: None,
            left_out: Vec::new(),
            goal: None,
            deadline: None,
            approver: None,
            last_exchange: None,
            resumed: None,
            meeting: None,
            rep: None,
            signature: None,
            reason_noted_on: None,
            silent_days: None,
            request: None,
            handover: None,
            salutation: None,
            sent: Vec::new(),
            seed: 0,
            repeats_unanswered: std::cell::Cell::new(false),
            now,
            lang,
        }
    }

    /// A copy without optional sentences, for when a message would break its length limit:
    /// level 1 drops the thanks and the goal, level 2 also the deadline.
    pub fn compact(&self, level: u8) -> Slots {
        let mut s = self.clone();
        s.last_exchange = None;
        s.resumed = None;
        s.goal = None;
        if level >= 2 {
            s.deadline = None;
        }
        s
    }

    /// The options in this deal's order: from the one its seed picks, round the list.
    fn rotated<'o, T>(&self, options: &'o [T]) -> impl Iterator<Item = &'o T> {
        let start = if options.is_empty() {
            0
        } else {
            (self.seed % options.len() as u64) as usize
        };
        options.iter().cycle().skip(start).take(options.len())
    }

    /// Whether we sent `folded` as a subject (`subject`) or inside a body; notes it when that
    /// message is still unanswered.
    fn already_sent(&self, folded: &str, subject: bool) -> bool {
        let hit = self.sent.iter().find(|m| {
            if subject {
                m.subject == folded
            } else {
                !folded.is_empty() && m.body.contains(folded)
            }
        });
        if hit.is_some_and(|m| m.unanswered) {
            self.repeats_unanswered.set(true);
        }
        hit.is_some()
    }

    /// A subject for this deal among `options`, never one sent to this buyer in the last 60
    /// days; when every one was, the first in this deal's order with today's date, which
    /// was not.
    pub fn subject(&self, options: &[String]) -> String {
        let mut order = self.rotated(options);
        let first = order.next().cloned().unwrap_or_default();
        let sent = |o: &String| self.already_sent(&normalize(o), true);
        if !sent(&first) {
            return first;
        }
        order
            .find(|o| !sent(o))
            .cloned()
            .unwrap_or_else(|| format!("{first} ({})", self.date(self.now)))
    }

    /// A closing sentence or paragraph for this deal among `options`, never one found in a
    /// message sent to this buyer in the last 60 days while another is left; when all were,
    /// the one whose last sending is the oldest.
    pub fn closing<'o>(&self, options: &[&'o str]) -> &'o str {
        let mut order = self.rotated(options);
        let first = order.next().copied().unwrap_or_default();
        let sent = |o: &str| self.already_sent(&normalize(o), false);
        if !sent(first) {
            return first;
        }
        let rest: Vec<&'o str> = order.copied().collect();
        if let Some(fresh) = rest.iter().copied().find(|o| !sent(o)) {
            return fresh;
        }
        // `sent` is newest first: the option whose newest sending comes last in it.
        let newest_sending = |o: &str| {
            let folded = normalize(o);
            self.sent.iter().position(|m| m.body.contains(&folded))
        };
        std::iter::once(first)
            .chain(rest)
            .max_by_key(|o| newest_sending(o))
            .unwrap_or(first)
    }

    /// "Hi Dana," or "Hi,".
    pub fn hi(&self) -> String {
        if let Some(formal) = &self.salutation {
            return formal.clone();
        }
        match &self.first_name {
            Some(n) => format!("Hi {n},"),
            None => "Hi,".to_string(),
        }
    }

    /// The reason cut to `max` characters (messages have length limits; the overlay shows
    /// the full note).
    pub fn reason_max(&self, max: usize) -> Option<String> {
        self.reason.as_deref().map(|r| shorten(r, max))
    }

    /// "it's Jordan. " for voicemails, or nothing.
    pub fn its_rep(&self) -> String {
        self.rep
            .as_deref()
            .map(|r| format!("it's {r}. "))
            .unwrap_or_default()
    }

    /// " – Jordan" at the end of a text, or nothing.
    pub fn dash_rep(&self) -> String {
        self.rep
            .as_deref()
            .map(|r| format!(" – {r}"))
            .unwrap_or_default()
    }

    /// The email sign-off: the name and the signature line, or nothing.
    pub fn sign_off(&self) -> String {
        match (&self.rep, &self.signature) {
            (Some(r), Some(s)) => format!("\n\n{r}\n{s}"),
            (Some(r), None) => format!("\n\n{r}"),
            (None, Some(s)) => format!("\n\n{s}"),
            (None, None) => String::new(),
        }
    }

    /// " With 14 Mar 12 days away, …" or nothing.
    pub fn deadline_sentence(&self) -> String {
        self.deadline
            .map(|d| {
                let left = d.days_since(self.now);
                let when = match left {
                    0 => "today".to_string(),
                    1 => "tomorrow".to_string(),
                    n => format!("{n} days away"),
                };
                // "Your date, 1 Feb 2027, is 64 days away": never "With 1 Feb 2027 64 days".
                format!(
                    " Your date, {}, is {when}; I want to make sure nothing on our side slows you down.",
                    d.short(self.now)
                )
            })
            .unwrap_or_default()
    }

    /// The day to ask for an answer by when their deadline is near (within a week): the day
    /// before it, so the call to action leaves them room, brought back to the Friday when that
    /// is a weekend (and still ahead); `None` otherwise.
    pub fn reply_by_day(&self) -> Option<Day> {
        let d = self.deadline?;
        let left = d.days_since(self.now);
        if !(1..=7).contains(&left) {
            return None;
        }
        let by = if left >= 2 { d.plus(-1) } else { d };
        let friday = match by.weekday() {
            5 => by.plus(-1),
            6 => by.plus(-2),
            _ => by,
        };
        Some(if friday > self.now { friday } else { by })
    }

    /// The day a dated ask names when their deadline is not near: within the week, on a
    /// working day (five days on, moved off a weekend to the Monday).
    pub fn ask_by_day(&self) -> Day {
        let d = self.now.plus(5);
        match d.weekday() {
            5 => d.plus(2),
            6 => d.plus(1),
            _ => d,
        }
    }

    /// A day as this message's language writes it ("14 Mar", "14 mars").
    pub fn date(&self, d: Day) -> String {
        self.lang.date(d, self.now)
    }

    /// "by Tuesday 1 Dec" when their deadline is near (see `reply_by_day`).
    pub fn reply_by(&self) -> Option<String> {
        let by = self.reply_by_day()?;
        Some(format!(
            "by {} {}",
            Lang::En.weekday(by),
            by.short(self.now)
        ))
    }

    /// How a voicemail asks for the call back: a concrete time before their deadline when it is
    /// near ("Call me back by Tuesday 1 Dec, so there is time before your date."), else open.
    pub fn call_back(&self) -> String {
        match self.reply_by() {
            Some(by) => format!("Call me back {by}, so there is time before your date."),
            None => "Call me back whenever suits you.".to_string(),
        }
    }

    /// " by 14 Mar" or nothing.
    pub fn by_deadline(&self) -> String {
        self.deadline
            .map(|d| format!(" by {}", d.short(self.now)))
            .unwrap_or_default()
    }

    /// The deadline as a date, or a phrase that does not invent one.
    pub fn target_date(&self) -> String {
        self.deadline
            .map(|d| d.short(self.now))
            .unwrap_or_else(|| "your target date".to_string())
    }

    /// "Thank you for the call on 2 Nov (Pilot review). " or nothing.
    pub fn thanks_for_last(&self) -> String {
        if let Some(d) = self.resumed {
            return format!(
                "You asked me to come back to you around {}. ",
                d.short(self.now)
            );
        }
        self.last_exchange
            .as_ref()
            .map(|(day, channel, subject)| {
                let what = match channel {
                    Channel::Call => "the call",
                    Channel::Meeting => "the meeting",
                    Channel::Text => "your message",
                    _ => "your note",
                };
                format!(
                    "Thank you for {what} on {} ({subject}). ",
                    day.short(self.now)
                )
            })
            .unwrap_or_default()
    }

    /// " Your target: cut no-shows by a third." or nothing.
    pub fn goal_sentence(&self) -> String {
        self.goal
            .as_deref()
            .map(|g| format!(" Your target: {}.", shorten(g, 80)))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_name_working_days() {
        let sunday = Day::from_ymd(2026, 11, 29).unwrap();
        let mut s = Slots::empty(sunday, Lang::En);
        // Five days on from a Sunday is a Friday; from a Monday, a Saturday: the Monday after.
        assert_eq!(Lang::En.weekday(s.ask_by_day()), "Friday");
        s.now = sunday.plus(1);
        assert_eq!(s.ask_by_day(), sunday.plus(8));
        // A deadline on Monday 7 Dec: ask by Friday 4 Dec, not Sunday.
        s.deadline = Some(sunday.plus(8));
        assert_eq!(s.reply_by_day(), Some(sunday.plus(5)));
        // From Saturday, a Monday deadline: the Friday has passed, so the Sunday stays.
        s.now = sunday.plus(6);
        assert_eq!(s.reply_by_day(), Some(sunday.plus(7)));
        // Tomorrow's deadline: by tomorrow.
        s.now = sunday.plus(7);
        assert_eq!(s.reply_by_day(), Some(sunday.plus(8)));
    }

    #[test]
    fn the_approver_is_named_to_the_buyer_not_about_them() {
        for (note, want) in [
            ("Maria Chen, their CFO", "Maria Chen"),
            ("their CFO", "your CFO"),
            ("Her boss (skeptical after the last tool)", "your boss"),
            ("CFO", "CFO"),
            ("Dr. Ana Ruiz", "Dr. Ana Ruiz"),
            ("procurement / legal", "procurement"),
            ("Herbert Lang", "Herbert Lang"),
        ] {
            assert_eq!(approver_for_buyer(note, Lang::En), want, "{note}");
        }
        assert_eq!(
            approver_for_buyer("their CFO, ex-Oracle", Lang::Fr),
            "votre CFO"
        );
        assert_eq!(approver_for_buyer("her boss", Lang::De), "Ihr boss");
        assert_eq!(approver_for_buyer("your CFO", Lang::Es), "su CFO");
    }

    #[test]
    fn the_thing_a_request_asks_for() {
        for (quote, want) in [
            (
                "Please send the order form and I'll get it signed this week.",
                Some("the order form"),
            ),
            (
                "Could you send over the revised quote with SSO pricing?",
                Some("the revised quote with SSO pricing"),
            ),
            (
                "Can you send me your security whitepaper?",
                Some("our security whitepaper"),
            ),
            ("Send the contract by Friday please", Some("the contract")),
            // Near-misses: nothing named to send, or not a request to send.
            ("Can we move the call to Thursday?", None),
            ("Please send it over", None),
            ("We sent the PO yesterday.", None),
            ("Pourriez-vous nous envoyer un devis révisé ?", None),
        ] {
            assert_eq!(requested_thing(quote).as_deref(), want, "{quote}");
        }
    }
}
