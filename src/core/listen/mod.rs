//! Listening to the buyer: what one timeline touch says.
//!
//! Given the subject and body of a touch as a CRM page shows it (possibly a truncated preview,
//! possibly with an older message quoted below), `hear` says what the buyer's new text means:
//! an auto-reply and when they are back, a contact who left (and who took over), a no, a stated
//! resume point, a question or request, a buying signal, price pushing. `concession` reads the
//! rep's own outbound touches for discounts nobody asked for.
//!
//! Only the new part of a message counts (`new_part`: everything before the first quoted-reply
//! marker). Matching is word based and data driven: the phrases of each language live in
//! `words`, and matching ignores case, accents and punctuation and needs whole words. All
//! languages are matched together; nothing guesses the language.
//!
//! "Now" is an argument. A date without a year is read as its occurrence nearest to `now`
//! (`date::read_display_date` with `When::Any`): a touch read weeks later then gives a date in
//! the past, which callers treat as a pause that is over, rather than a date a year out.

mod text;
mod words;

#[cfg(test)]
mod tests;

use crate::core::date::{days_in_month, read_display_date, DateRead, Day, When};
use crate::core::date_words;
use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;
use text::{compile, find_ci, find_cs, line_start, words_of, Doc, PatSet, Sent, Tagged};
use words::{Period, ReplyWords, DEVICES, LANGS, PARTICLES};

pub use words::CONTENT_FREE_MORE;

/// What one inbound touch says. Several can hold (an auto-reply naming a replacement).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Heard {
    /// Out-of-office / automatic reply. Not a reply from the buyer. `back_on`: the return date
    /// it states, if any (the first day they are back).
    AutoReply { back_on: Option<Day>, quote: String },
    /// Bounce / "no longer with the company" / "has left" / "is no longer at". `replacement`: a
    /// named successor when the text gives one ("please contact Maria Lopez", "Julien Roche
    /// reprend le dossier").
    Left {
        replacement: Option<String>,
        quote: String,
    },
    /// A negative answer or a buyer-stated loss: a bare "No." as the whole new text, "not this
    /// year", "we went with another vendor", "we decided not to move forward" …
    No { quote: String },
    /// A stated resume point ("after January 12", "next quarter", "circle back in Q2").
    /// `from`: the first day to act again, computed from `now`; `None` when the cue is there but
    /// no date can be computed honestly.
    Resume { from: Option<Day>, quote: String },
    /// The buyer asked a question or made a request in the new text. Polite closers ("let me
    /// know if you have any questions") do not count.
    Asked { quote: String },
    /// A buying signal: "send the order form", "budget approved", "prêts à signer" …
    BuyingSignal { quote: String },
    /// Everyday price pushing: "any wiggle room", "trop cher", "zu teuer", "descuento" …
    PricePush { quote: String },
}

// --- The word lists, compiled once -----------------------------------------------------------

struct Lex {
    auto_subject: PatSet,
    auto_strong: PatSet,
    away: PatSet,
    auto_context: PatSet,
    back: PatSet,
    from: PatSet,
    bounce_subject: PatSet,
    bounce_body: PatSet,
    left: PatSet,
    successor_before: PatSet,
    successor_after: PatSet,
    titles: Vec<String>,
    name_stop: Vec<String>,
    particles: Vec<String>,
    no: PatSet,
    bare_no: PatSet,
    greetings: PatSet,
    signoffs: PatSet,
    /// With whether it negates from one word away too (not a two-letter word).
    negators: Tagged<bool>,
    after: PatSet,
    until: PatSet,
    resume_verbs: PatSet,
    pause: PatSet,
    soft: PatSet,
    periods: Tagged<Period>,
    periods_ctx: Tagged<Period>,
    in_month: PatSet,
    in_n: PatSet,
    numbers: Tagged<Option<u32>>,
    week_units: PatSet,
    month_units: PatSet,
    quarters: Tagged<u32>,
    months: Tagged<u32>,
    asked: PatSet,
    asked_veto: PatSet,
    buying: PatSet,
    price: PatSet,
    concession: PatSet,
    reply_prefixes: Vec<String>,
}

type Field = fn(&ReplyWords) -> &'static [&'static str];

fn pats(f: Field) -> PatSet {
    PatSet::plain(
        LANGS
            .iter()
            .flat_map(|l| f(l).iter().flat_map(|s| compile(s)))
            .collect(),
    )
}

fn tagged<T: Copy>(list: impl Iterator<Item = (&'static str, T)>) -> Tagged<T> {
    Tagged::new(
        list.flat_map(|(s, v)| compile(s).into_iter().map(move |p| (p, v)))
            .collect(),
    )
}

fn single_words(list: impl Iterator<Item = &'static str>) -> Vec<String> {
    list.map(|s| words_of(s).join(" "))
        .filter(|w| !w.is_empty())
        .collect()
}

fn lex() -> &'static Lex {
    static LEX: OnceLock<Lex> = OnceLock::new();
    LEX.get_or_init(|| Lex {
        auto_subject: pats(|l| l.auto_subject),
        auto_strong: pats(|l| l.auto_strong),
        away: pats(|l| l.away),
        auto_context: pats(|l| l.auto_context),
        back: pats(|l| l.back),
        from: pats(|l| l.from),
        bounce_subject: pats(|l| l.bounce_subject),
        bounce_body: pats(|l| l.bounce_body),
        left: pats(|l| l.left),
        successor_before: pats(|l| l.successor_before),
        successor_after: pats(|l| l.successor_after),
        titles: single_words(LANGS.iter().flat_map(|l| l.titles.iter().copied())),
        name_stop: single_words(LANGS.iter().flat_map(|l| l.name_stop.iter().copied())),
        particles: single_words(PARTICLES.iter().copied()),
        no: pats(|l| l.no),
        bare_no: pats(|l| l.bare_no),
        greetings: pats(|l| l.greetings),
        signoffs: pats(|l| l.signoffs),
        negators: tagged(LANGS.iter().flat_map(|l| l.negators.iter()).map(|n| {
            let w = words_of(n);
            (*n, w.len() > 1 || w.iter().any(|w| w.chars().count() > 2))
        })),
        after: pats(|l| l.after),
        until: pats(|l| l.until),
        resume_verbs: pats(|l| l.resume_verbs),
        pause: pats(|l| l.pause),
        soft: pats(|l| l.soft),
        periods: tagged(LANGS.iter().flat_map(|l| l.periods.iter().copied())),
        periods_ctx: tagged(LANGS.iter().flat_map(|l| l.periods_ctx.iter().copied())),
        in_month: pats(|l| l.in_month),
        in_n: pats(|l| l.in_n),
        numbers: tagged(LANGS.iter().flat_map(|l| l.numbers.iter().copied())),
        week_units: pats(|l| l.week_units),
        month_units: pats(|l| l.month_units),
        quarters: tagged(LANGS.iter().flat_map(|l| l.quarters.iter().copied())),
        // Month names alone ("in March"): full names, and the short ones that are words of
        // their own ("Mai"), not abbreviations that collide with other words ("ago", "set").
        months: tagged(date_words::LANGUAGES.iter().flat_map(|l| {
            l.months.iter().zip(1u32..).flat_map(|(names, m)| {
                names
                    .iter()
                    .filter(|w| {
                        text::fold(w).chars().count() >= 4 || ["mai", "may", "mei"].contains(w)
                    })
                    .map(move |w| (*w, m))
            })
        })),
        asked: pats(|l| l.asked),
        asked_veto: pats(|l| l.asked_veto),
        buying: pats(|l| l.buying),
        price: pats(|l| l.price),
        concession: pats(|l| l.concession),
        reply_prefixes: single_words(LANGS.iter().flat_map(|l| l.reply_prefixes.iter().copied())),
    })
}

// --- The new part of a message ---------------------------------------------------------------

/// The new part of a message: everything before the first quoted-reply marker ("On … wrote:",
/// "-----Original Message-----", "From: … Sent: …", lines starting with ">", "Le … a écrit :",
/// "Am … schrieb …:", "________________", a mobile signature …), trimmed.
pub fn new_part(body: &str) -> &str {
    let cut = quote_start(body).unwrap_or(body.len());
    body[..cut].trim()
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn quote_start(body: &str) -> Option<usize> {
    let mut cuts: Vec<usize> = Vec::new();
    // Lines: "> quoted", the "-- " signature separator.
    let mut off = 0;
    for line in body.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('>') || t == "--" {
            cuts.push(off);
            break;
        }
        off += line.len();
    }
    // Outlook's separator line, also when lines were collapsed into one.
    if let Some(i) = body.find("________") {
        cuts.push(i);
    }
    let any_sent_header = |window: &str| {
        LANGS
            .iter()
            .flat_map(|l| l.sent_header.iter())
            .any(|h| !find_ci(window, h).is_empty())
    };
    for lang in LANGS {
        // "-----Original Message-----", "---------- Forwarded message ---------".
        for o in lang.original {
            for r in find_ci(body, o) {
                let before = body[..r.start].trim_end_matches(' ');
                let undashed = before.trim_end_matches('-');
                if before.len() - undashed.len() >= 2 {
                    cuts.push(undashed.len());
                }
            }
        }
        // "On Tue, Mar 3, 2026 at 9:14 AM Dana <dana@…> wrote:" and its kin.
        for w in lang.wrote {
            for r in find_ci(body, w) {
                let tail_end = floor_boundary(body, r.end + 160);
                let tail = &body[r.end..tail_end];
                let line = &tail[..tail.find('\n').unwrap_or(tail.len())];
                if !line.contains(':') {
                    continue;
                }
                cuts.push(header_start(body, r.start));
            }
        }
        // "From: Dana … Sent: Tuesday …" (Outlook), also collapsed into one line.
        for f in lang.from_header {
            for r in find_ci(body, f) {
                let window = &body[r.end..floor_boundary(body, r.end + 400)];
                if any_sent_header(window) {
                    cuts.push(r.start);
                }
            }
        }
        // "Sent from my iPhone", "Von meinem iPhone gesendet".
        for m in lang.mobile {
            for r in find_cs(body, m) {
                let next: String = body[r.end..]
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphanumeric())
                    .collect();
                if DEVICES.contains(&text::fold(&next).as_str()) {
                    cuts.push(r.start);
                }
            }
        }
        // A reply header cut short before its verb: "On Tue, Mar 3, 2026 at 9:14 AM Dana <da…".
        for h in lang.header_on {
            for r in find_cs(body, h) {
                let tail = &body[r.end..floor_boundary(body, r.end + 200)];
                let line = &tail[..tail.find('\n').unwrap_or(tail.len())];
                let year = line.as_bytes().windows(4).position(|w| {
                    (w[0] == b'1' && w[1] == b'9' || w[0] == b'2' && w[1] == b'0')
                        && w.iter().all(u8::is_ascii_digit)
                });
                if let Some(y) = year {
                    if let Some(lt) = line[y..].find('<') {
                        if line[y + lt..].contains('@') {
                            cuts.push(r.start);
                        }
                    }
                }
            }
        }
    }
    cuts.into_iter().min()
}

/// Where the reply header holding the verb at `verb` starts: the nearest header word ("On",
/// "Le", "Am" …) before it with a digit in between, on the verb's line (also when a preview
/// collapsed all lines into one) or the one before (a wrapped header); else the start of its
/// line or sentence.
fn header_start(body: &str, verb: usize) -> usize {
    let from = floor_boundary(body, verb.saturating_sub(300));
    let window = &body[from..verb];
    let line = line_start(body, verb);
    let previous_line = line_start(body, line.saturating_sub(1));
    let header = LANGS
        .iter()
        .flat_map(|l| l.header_on.iter())
        .flat_map(|h| find_cs(window, h))
        .filter(|r| {
            let between = &window[r.end..];
            between.bytes().any(|b| b.is_ascii_digit()) && from + r.start >= previous_line
        })
        .map(|r| from + r.start)
        .max();
    if let Some(h) = header {
        return h;
    }
    [". ", "! ", "? "]
        .iter()
        .filter_map(|p| body[line..verb].rfind(p).map(|i| line + i + 2))
        .max()
        .unwrap_or(line)
}

// --- Hearing the buyer -----------------------------------------------------------------------

/// Everything the buyer's touch says, in a stable order (AutoReply, Left, No, Resume, Asked,
/// BuyingSignal, PricePush). An auto-reply is only ever AutoReply (+ Left/Resume when it says
/// so); its "please contact X" is not a request. A bounce is only Left: the address is dead.
pub fn hear(subject: &str, body: &str, now: Day) -> Vec<Heard> {
    let lex = lex();
    let subject = subject.trim();
    let sdoc = Doc::new(subject);
    let doc = Doc::new(new_part(body));
    // The subject is the buyer's own words only when it is not a reply's ("Re: …").
    let own_subject = (!is_reply_subject(&sdoc, lex)).then_some(&sdoc);
    let docs: Vec<&Doc> = std::iter::once(&doc).chain(own_subject).collect();

    // A bounce: the address is dead.
    let bounce = if starts_with_any(&sdoc, &lex.bounce_subject) {
        Some(text::quote(subject))
    } else {
        first_sentence(&doc, &lex.bounce_body).map(|s| doc.quote(s))
    };
    if let Some(quote) = bounce {
        return vec![Heard::Left {
            replacement: None,
            quote,
        }];
    }

    let mut out = Vec::new();
    let strong = first_sentence(&doc, &lex.auto_strong);
    let away = first_sentence(&doc, &lex.away);
    let auto_context = doc.has(doc.all(), &lex.auto_context);
    let auto_subject = starts_with_any(&sdoc, &lex.auto_subject);
    if auto_subject || strong.is_some() || (away.is_some() && auto_context) {
        let quote = away
            .or(strong)
            .map(|s| doc.quote(s))
            .unwrap_or_else(|| text::quote(subject));
        out.push(Heard::AutoReply {
            back_on: back_on(&doc, lex, now),
            quote,
        });
        out.extend(left(&doc, lex));
        out.extend(resume(&[&doc], lex, now, true));
        return out;
    }

    let gone = left(&doc, lex);
    out.extend(gone.clone());
    if let Some(quote) = bare_no(&doc, lex).or_else(|| affirmed(&docs, &lex.no, lex)) {
        out.push(Heard::No { quote });
    }
    out.extend(resume(&docs, lex, now, false));
    if let Some(quote) = asked(&docs, lex, gone.is_some(), now) {
        out.push(Heard::Asked { quote });
    }
    if let Some(quote) = affirmed(&docs, &lex.buying, lex) {
        out.push(Heard::BuyingSignal { quote });
    }
    if let Some(quote) = affirmed(&docs, &lex.price, lex) {
        out.push(Heard::PricePush { quote });
    }
    out
}

/// A concession the rep offered in one outbound touch ("I can offer 10% off", "un mes gratis");
/// the quote, or None.
pub fn concession(subject: &str, body: &str) -> Option<String> {
    let lex = lex();
    let sdoc = Doc::new(subject.trim());
    let doc = Doc::new(new_part(body));
    let own_subject = (!is_reply_subject(&sdoc, lex)).then_some(&sdoc);
    let docs: Vec<&Doc> = std::iter::once(&doc).chain(own_subject).collect();
    affirmed(&docs, &lex.concession, lex)
}

/// "Re: …", "AW: …", "RE : …", "Re[2]: …".
/// The subject without its reply and forward prefixes ("Re: AW: Angebot" → "Angebot", "RE :
/// Remise" → "Remise"), in every language listened to; `None` when it is not a reply's subject.
pub fn reply_rest(subject: &str) -> Option<&str> {
    let lex = lex();
    let mut rest = subject.trim();
    let mut stripped = false;
    loop {
        let doc = Doc::new(rest);
        if !is_reply_subject(&doc, lex) {
            break;
        }
        let colon = rest.find(':').map_or(rest.len(), |i| i + 1);
        rest = rest[colon..].trim_start();
        stripped = true;
    }
    stripped.then_some(rest)
}

fn is_reply_subject(sdoc: &Doc, lex: &Lex) -> bool {
    let Some(first) = sdoc.toks.first() else {
        return false;
    };
    if !lex.reply_prefixes.contains(&first.norm) {
        return false;
    }
    let rest = sdoc.raw[first.end..].trim_start();
    let rest = match rest.chars().next() {
        Some('[' | '(') => rest
            .find([']', ')'])
            .map_or(rest, |i| rest[i + 1..].trim_start()),
        _ => rest,
    };
    rest.starts_with(':')
}

fn starts_with_any(doc: &Doc, pats: &PatSet) -> bool {
    pats.first_at(doc, 0, doc.toks.len()).is_some()
}

/// The first sentence holding a match of `pats`.
fn first_sentence<'d>(doc: &'d Doc, pats: &PatSet) -> Option<&'d Sent> {
    doc.sents.iter().find(|s| doc.has(s.toks.clone(), pats))
}

/// Whether the words right before word `i` negate it ("not ready to sign", "pas prêts", "no
/// estamos listos"): a negator ending right before it, or one word before it unless the
/// negator is a two-letter word ("no", "ne"). A comma in between breaks the link ("No, we went
/// with another vendor").
fn negated(doc: &Doc, s: &Sent, i: usize, lex: &Lex) -> bool {
    [i, i.saturating_sub(1)]
        .into_iter()
        .filter(|&e| e > s.toks.start)
        .any(|e| {
            lex.negators
                .ending_at(doc, s.toks.start, e)
                .is_some_and(|(st, long)| {
                    let between = &doc.raw[doc.toks[st].end..doc.toks[i].start];
                    (e == i || long) && !between.contains([',', ';', ':', '!', '?', '(', ')'])
                })
        })
}

/// The quote of the first sentence (body first, then the buyer's own subject) with a match of
/// `pats` that is not negated.
fn affirmed(docs: &[&Doc], pats: &PatSet, lex: &Lex) -> Option<String> {
    docs.iter().find_map(|doc| {
        doc.sents.iter().find_map(|s| {
            doc.find_all(s.toks.clone(), pats)
                .into_iter()
                .any(|h| !negated(doc, s, h.start, lex))
                .then(|| doc.quote(s))
        })
    })
}

fn is_cap(doc: &Doc, i: usize) -> bool {
    doc.raw[doc.toks[i].start..]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

// --- No --------------------------------------------------------------------------------------

/// A new text that says only no ("No.", "Nein danke 🙏", "Hi Sam, no. Thanks, Dana").
fn bare_no(doc: &Doc, lex: &Lex) -> Option<String> {
    let n = doc.toks.len();
    if n == 0 || n > 12 {
        return None;
    }
    let mut a = 0;
    let mut b = n;
    // A name alone on the last line ("Dana").
    let last_line = line_start(doc.raw, doc.raw.len());
    let name_line: Vec<usize> = (0..n).filter(|&i| doc.toks[i].start >= last_line).collect();
    if last_line > 0
        && (1..=3).contains(&name_line.len())
        && name_line.iter().all(|&i| is_cap(doc, i))
    {
        b = name_line[0];
    }
    // A sign-off, possibly followed by a name ("Thanks, Dana").
    if let Some(p) = (a..b).find(|&p| {
        lex.signoffs
            .matches_at(doc, p, b)
            .into_iter()
            .any(|(e, _)| e == b || (b - e <= 3 && (e..b).all(|k| is_cap(doc, k))))
    }) {
        if p > a {
            b = p;
        }
    }
    // A greeting, possibly followed by a name ("Hi Sam,").
    let only_no = |a: usize| {
        lex.bare_no
            .matches_at(doc, a, b)
            .iter()
            .any(|(e, _)| *e == b)
    };
    if let Some((e, _)) = lex.greetings.longest_at(doc, a, b) {
        a = e;
        let mut k = 0;
        while a < b && k < 2 && is_cap(doc, a) && !only_no(a) {
            a += 1;
            k += 1;
        }
    }
    if a >= b || !only_no(a) {
        return None;
    }
    doc.sent_of(a).map(|s| doc.quote(s))
}

// --- Left ------------------------------------------------------------------------------------

fn left(doc: &Doc, lex: &Lex) -> Option<Heard> {
    let s = first_sentence(doc, &lex.left)?;
    Some(Heard::Left {
        replacement: replacement(doc, lex),
        quote: doc.quote(s),
    })
}

/// The successor the text names ("please contact Maria Lopez", "Julien Roche reprend").
fn replacement(doc: &Doc, lex: &Lex) -> Option<String> {
    let longest =
        |i: usize, end: usize, pats: &PatSet| pats.longest_at(doc, i, end).map(|(e, _)| e);
    for s in &doc.sents {
        for i in s.toks.clone() {
            if let Some(e) = longest(i, s.toks.end, &lex.successor_before) {
                if let Some(name) = name_forward(doc, e, s.toks.end, lex) {
                    return Some(name);
                }
            }
            if let Some(e) = longest(i, s.toks.end, &lex.successor_after) {
                if let Some(name) = name_backward(doc, i, s.toks.start, lex)
                    .or_else(|| name_forward(doc, e, s.toks.end, lex))
                {
                    return Some(name);
                }
            }
        }
    }
    None
}

fn not_a_name(doc: &Doc, i: usize, lex: &Lex) -> bool {
    let w = &doc.toks[i].norm;
    lex.name_stop.contains(w) || lex.titles.contains(w) || !w.chars().all(char::is_alphabetic)
}

fn name_part(doc: &Doc, i: usize, lex: &Lex) -> bool {
    is_cap(doc, i) && !not_a_name(doc, i, lex)
}

/// Only spaces or a hyphen between two words of a name.
fn joined(doc: &Doc, a: usize, b: usize) -> bool {
    let gap = &doc.raw[doc.toks[a].end..doc.toks[b].start];
    gap.chars().all(|c| c == ' ' || c == '-' || c == '\u{a0}')
}

/// Up to four name words from word `i` on, particles allowed inside ("Anne de Vries").
fn collect_name(doc: &Doc, i: usize, end: usize, lex: &Lex) -> Option<Range<usize>> {
    if i >= end || !name_part(doc, i, lex) {
        return None;
    }
    let mut last = i;
    let mut j = i + 1;
    while j < end && j - i < 5 && joined(doc, j - 1, j) {
        if name_part(doc, j, lex) {
            last = j;
        } else if !(lex.particles.contains(&doc.toks[j].norm)
            && j + 1 < end
            && name_part(doc, j + 1, lex))
        {
            break;
        }
        j += 1;
    }
    Some(i..last + 1)
}

fn name_forward(doc: &Doc, from: usize, end: usize, lex: &Lex) -> Option<String> {
    let mut i = from;
    // Skip a few words before the name: "my colleague", "our", "Herrn", "M.".
    while i < end && i - from < 4 && !name_part(doc, i, lex) {
        i += 1;
    }
    collect_name(doc, i, end, lex).map(|r| doc.text(r).to_string())
}

fn name_backward(doc: &Doc, cue: usize, start: usize, lex: &Lex) -> Option<String> {
    if cue == start || !joined(doc, cue - 1, cue) {
        return None;
    }
    let mut first = None;
    let mut j = cue;
    while j > start && cue - j < 4 {
        let k = j - 1;
        if k + 1 < cue && !joined(doc, k, k + 1) {
            break;
        }
        if name_part(doc, k, lex) {
            first = Some(k);
        } else if !(lex.particles.contains(&doc.toks[k].norm) && first.is_some()) {
            break;
        }
        j -= 1;
    }
    let first = first?;
    let last = (first..cue).rev().find(|&k| name_part(doc, k, lex))?;
    Some(doc.text(first..last + 1).to_string())
}

// --- Asked -----------------------------------------------------------------------------------

fn ends_with_question(raw: &str) -> bool {
    raw.trim_end()
        .trim_end_matches(['!', ')', '"', '»', '“', '”', '\'', ' ', '！'])
        .ends_with(['?', '？'])
}

fn asked(docs: &[&Doc], lex: &Lex, left: bool, now: Day) -> Option<String> {
    docs.iter().find_map(|doc| {
        doc.sents.iter().find_map(|s| {
            let r = s.toks.clone();
            if doc.has(r.clone(), &lex.asked_veto)
                || (left && doc.has(r.clone(), &lex.successor_before))
            {
                return None;
            }
            // "Can you come back to me after 3 May?": a dated request to come back later is a
            // pause they asked for, not a question waiting for an answer.
            if matches!(resume_in(doc, s, lex, now, false), Some(Some(_))) {
                return None;
            }
            let question = ends_with_question(&doc.raw[s.span.clone()]);
            (question || doc.has(r, &lex.asked)).then(|| doc.quote(s))
        })
    })
}

// --- Dates -----------------------------------------------------------------------------------

struct DateHit {
    toks: Range<usize>,
    day: Day,
}

/// A date in words `a..b` of `raw`, read as `read_display_date` does, nearest to `now` when
/// it has no year. Relative forms ("2 days ago") are not dates a buyer sets.
fn read_date(text: &str, dotted_tail: bool, now: Day) -> Option<Day> {
    // "12.01." (German, no year).
    if dotted_tail {
        let parts: Vec<&str> = text.split('.').collect();
        if let [d, m] = parts[..] {
            if (1..=2).contains(&d.len()) && (1..=2).contains(&m.len()) {
                let (d, m): (u32, u32) = (d.parse().ok()?, m.parse().ok()?);
                let y = now.ymd().0;
                return (y - 1..=y + 1)
                    .filter_map(|y| Day::from_ymd(y, m, d))
                    .min_by_key(|x| x.days_since(now).abs());
            }
        }
    }
    // "15/05" (no year): read only when the numbers settle which is the day (one is over 12);
    // "03/05" could be either and is never guessed.
    if let Some((a, b)) = text.split_once('/') {
        let short = |x: &str| (1..=2).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit());
        if short(a) && short(b) {
            let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
            let (d, m) = match (a > 12, b > 12) {
                (true, false) => (a, b),
                (false, true) => (b, a),
                _ => return None,
            };
            let y = now.ymd().0;
            return (y - 1..=y + 1)
                .filter_map(|y| Day::from_ymd(y, m, d))
                .min_by_key(|x| x.days_since(now).abs());
        }
    }
    let DateRead::Day(day) = read_display_date(text, now, None, When::Any) else {
        return None;
    };
    let later = now.plus(400);
    if read_display_date(text, later, None, When::Any).day() == Some(day.plus(400)) {
        return None;
    }
    Some(day)
}

fn dates_in(doc: &Doc, r: Range<usize>, now: Day) -> Vec<DateHit> {
    let mut out = Vec::new();
    let mut i = r.start;
    while i < r.end {
        let found = (1..=5).rev().find_map(|len| {
            let j = i + len;
            if j > r.end || !(i..j).any(|k| doc.toks[k].norm.bytes().any(|b| b.is_ascii_digit())) {
                return None;
            }
            let dotted_tail = doc.raw[doc.toks[j - 1].end..].starts_with('.');
            read_date(doc.text(i..j), dotted_tail, now).map(|day| (j, day))
        });
        match found {
            Some((j, day)) => {
                out.push(DateHit { toks: i..j, day });
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// "after", "until": the first day to act is the day after.
    After,
    /// "from", "vom": the first day of an absence.
    From,
    None,
}

/// The cue right before word `at` (one filler word allowed: "after the 12th", "nach dem").
fn cue_before(doc: &Doc, r: Range<usize>, at: usize, lex: &Lex) -> Cue {
    let ends = |pats: &PatSet| {
        [at, at.saturating_sub(1)]
            .iter()
            .filter(|&&e| e >= r.start)
            .any(|&e| doc.ends_at(r.start..e, e, pats).is_some())
    };
    if ends(&lex.after) || ends(&lex.until) {
        Cue::After
    } else if ends(&lex.from) {
        Cue::From
    } else {
        Cue::None
    }
}

/// The first day back an auto-reply states: a date with a word of coming back ("back on 12
/// January") as is; a date after "until" the day after; else the day after the latest date.
fn back_on(doc: &Doc, lex: &Lex, now: Day) -> Option<Day> {
    let mut back = Vec::new();
    // "Ab dem 7. Januar bin ich wieder im Büro": a "from" date is the return only when the
    // sentence names no other ("from 4 December and back on 12 January": the day they left).
    let mut from_back = Vec::new();
    let mut until = Vec::new();
    let mut plain = Vec::new();
    for s in &doc.sents {
        let r = s.toks.clone();
        let has_back = doc.has(r.clone(), &lex.back);
        for h in dates_in(doc, r.clone(), now) {
            match cue_before(doc, r.clone(), h.toks.start, lex) {
                Cue::After => until.push(h.day.plus(1)),
                Cue::None if has_back => back.push(h.day),
                Cue::From if has_back => from_back.push(h.day),
                Cue::From => {}
                Cue::None => plain.push(h.day),
            }
        }
    }
    if back.is_empty() {
        back = from_back;
    }
    // The first return date still ahead (an old "back on" date says nothing now).
    let ahead = back.iter().copied().filter(|d| *d > now).min();
    ahead
        .or_else(|| back.into_iter().max())
        .or_else(|| until.into_iter().max())
        .or_else(|| plain.into_iter().max().map(|d| d.plus(1)))
}

// --- Resume ----------------------------------------------------------------------------------

fn ymd(y: i32, m: u32, d: u32) -> Option<Day> {
    Day::from_ymd(y, m, d)
}

fn period_day(p: Period, now: Day) -> Option<Day> {
    let (y, m, _) = now.ymd();
    match p {
        Period::NextQuarter => {
            let next = 3 * ((m - 1) / 3) + 4;
            if next > 12 {
                ymd(y + 1, 1, 1)
            } else {
                ymd(y, next, 1)
            }
        }
        Period::NewYear | Period::Holidays => (m >= 10).then(|| ymd(y + 1, 1, 2)).flatten(),
        Period::NextYear => ymd(y + 1, 1, 2),
        Period::NextMonth => {
            if m == 12 {
                ymd(y + 1, 1, 1)
            } else {
                ymd(y, m + 1, 1)
            }
        }
        Period::Summer => (m <= 8).then(|| ymd(y, 9, 1)).flatten(),
        Period::Later => None,
    }
}

/// The first day of quarter `q` (or of the one after it), the next time it starts; None when
/// it is the current quarter (then "in Q2" may mean any day of it).
fn quarter_day(q: u32, after: bool, now: Day) -> Option<Day> {
    let (y, m, _) = now.ymd();
    let cur = (m - 1) / 3 + 1;
    let t = if after { q % 4 + 1 } else { q };
    if t == cur {
        return None;
    }
    ymd(if t > cur { y } else { y + 1 }, 3 * (t - 1) + 1, 1)
}

/// The first of month `month` (or of the one after it) the next time it comes; None when it is
/// the current month.
fn month_day(month: u32, after: bool, now: Day) -> Option<Day> {
    let (y, m, _) = now.ymd();
    let t = if after { month % 12 + 1 } else { month };
    if t == m {
        return None;
    }
    ymd(if t > m { y } else { y + 1 }, t, 1)
}

fn add_months(now: Day, n: u32) -> Option<Day> {
    let (y, m, d) = now.ymd();
    let total = m - 1 + n;
    let (ny, nm) = (y + (total / 12) as i32, total % 12 + 1);
    ymd(ny, nm, d.min(days_in_month(ny, nm)))
}

fn resume(docs: &[&Doc], lex: &Lex, now: Day, auto: bool) -> Option<Heard> {
    let mut undated = None;
    for doc in docs {
        for s in &doc.sents {
            let r = s.toks.clone();
            // In an auto-reply, the absence itself is `back_on`, not a resume point.
            if auto
                && (doc.has(r.clone(), &lex.away)
                    || doc.has(r.clone(), &lex.auto_context)
                    || doc.has(r.clone(), &lex.back))
            {
                continue;
            }
            match resume_in(doc, s, lex, now, auto) {
                Some(Some(day)) => {
                    return Some(Heard::Resume {
                        from: Some(day),
                        quote: doc.quote(s),
                    })
                }
                Some(None) => {
                    undated.get_or_insert_with(|| doc.quote(s));
                }
                None => {}
            }
        }
    }
    undated.map(|quote| Heard::Resume { from: None, quote })
}

/// The resume point one sentence states: `Some(Some(day))`, `Some(None)` for a cue without an
/// honest date, `None` for no cue.
fn resume_in(doc: &Doc, s: &Sent, lex: &Lex, now: Day, auto: bool) -> Option<Option<Day>> {
    let r = s.toks.clone();
    let context = doc.has(r.clone(), &lex.resume_verbs)
        || doc.has(r.clone(), &lex.pause)
        || doc.has(r.clone(), &lex.soft)
        || (!auto && doc.has(r.clone(), &lex.away));
    let after_before = |at: usize| doc.has(r.start..at, &lex.after);
    // A date: "after January 12", "reach out again on 3 March", "nach dem 12. Januar".
    let dates = if context || doc.has(r.clone(), &lex.after) {
        dates_in(doc, r.clone(), now)
    } else {
        Vec::new()
    };
    for h in dates {
        let cue = cue_before(doc, r.clone(), h.toks.start, lex);
        // "after January 12", or "nothing before our board meeting on 4 April, I'll come back
        // after that": either way the first day to act is the day after.
        let after = cue == Cue::After
            || after_before(h.toks.start)
            || doc.has(h.toks.end..r.end, &lex.after);
        let day = if after { h.day.plus(1) } else { h.day };
        let ahead = (-1..=366).contains(&h.day.days_since(now));
        if context || (after && ahead) {
            return Some(Some(day));
        }
    }
    let find_tagged = |list: &Tagged<Period>| {
        r.clone()
            .find_map(|i| list.first_at(doc, i, r.end).map(|(_, p)| p))
    };
    // A cue without an honest date ("on hold", "in the new year" in March) gives way to a
    // dated one later in the sentence ("hold off until after our reorg in February").
    let mut undated = false;
    if let Some(p) = find_tagged(&lex.periods) {
        match period_day(p, now) {
            Some(day) => return Some(Some(day)),
            None => undated = true,
        }
    }
    if !context {
        return undated.then_some(None);
    }
    // "in Q2", "after Q1", "im zweiten Quartal".
    for i in r.clone() {
        if let Some((_, q)) = lex.quarters.first_at(doc, i, r.end) {
            let after = cue_before(doc, r.clone(), i, lex) == Cue::After || after_before(i);
            return Some(quarter_day(q, after, now));
        }
    }
    // "in 2 weeks", "dans deux semaines", "in a few months".
    for i in r.clone() {
        let Some((e, _)) = lex.in_n.longest_at(doc, i, r.end) else {
            continue;
        };
        let count = if e < r.end && doc.toks[e].norm.bytes().all(|b| b.is_ascii_digit()) {
            doc.toks[e]
                .norm
                .parse::<u32>()
                .ok()
                .filter(|n| *n <= 24)
                .map(|n| (e + 1, Some(n)))
        } else {
            lex.numbers.longest_at(doc, e, r.end)
        };
        let Some((u, n)) = count else {
            continue;
        };
        if lex.week_units.first_at(doc, u, r.end).is_some() {
            return Some(n.map(|n| now.plus(7 * n as i32)));
        }
        if lex.month_units.first_at(doc, u, r.end).is_some() {
            return Some(n.and_then(|n| add_months(now, n)));
        }
    }
    // A month alone: "in March", "im März", "after March".
    for i in r.clone() {
        let Some((e, m)) = lex.months.longest_at(doc, i, r.end) else {
            continue;
        };
        let number = |k: usize| {
            doc.toks
                .get(k)
                .is_some_and(|t| t.norm.bytes().all(|b| b.is_ascii_digit()))
        };
        if (i > r.start && number(i - 1)) || (e < r.end && number(e)) {
            continue;
        }
        let after = cue_before(doc, r.clone(), i, lex) == Cue::After;
        let prep = doc.ends_at(r.start..i, i, &lex.in_month).is_some();
        if after || prep {
            return Some(month_day(m, after || after_before(i), now));
        }
    }
    if let Some(p) = find_tagged(&lex.periods_ctx) {
        return Some(period_day(p, now));
    }
    undated.then_some(None)
}
