//! Words, sentences and the small pattern language of `words`.
//!
//! Words are split exactly as `phrases::normalize` splits them (alphanumeric runs, apostrophes
//! joining), with accents folded on top, and each word keeps its place in the original text so
//! that quotes, names and dates can be cut from it.

use crate::core::phrases;
use std::collections::HashMap;
use std::ops::Range;

/// One word: folded and lowercased, and where it stands in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tok {
    pub norm: String,
    pub start: usize,
    pub end: usize,
}

pub(super) use crate::core::phrases::fold_char;

pub(super) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

fn joins(c: char) -> bool {
    c == '\'' || c == '\u{2019}' || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// The words of `raw`, as `phrases::normalize(fold(raw))` would split them.
pub(super) fn tokenize(raw: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut cur: Option<Tok> = None;
    for (i, c) in raw.char_indices() {
        if c.is_alphanumeric() {
            let t = cur.get_or_insert_with(|| Tok {
                norm: String::new(),
                start: i,
                end: i,
            });
            fold_char(c, &mut t.norm);
            t.end = i + c.len_utf8();
        } else if joins(c) {
            // "I'm" → "im", as `phrases::normalize` does.
        } else if let Some(t) = cur.take() {
            out.push(t);
        }
    }
    out.extend(cur);
    out
}

/// The folded, normalised words of a phrase from the word lists.
pub(super) fn words_of(s: &str) -> Vec<String> {
    phrases::normalize(&fold(s))
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

// --- Patterns --------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum P {
    W(String),
    /// Up to two words of anything.
    Gap,
    /// A number.
    Num,
    /// A number followed by `%`.
    Pct,
    /// The end of the sentence.
    End,
}

pub(super) type Pat = Vec<P>;

fn pieces(s: &str) -> Vec<P> {
    let mut out = Vec::new();
    for piece in s.split_whitespace() {
        match piece {
            "*" => out.push(P::Gap),
            "#" => out.push(P::Num),
            "#%" => out.push(P::Pct),
            "$" => out.push(P::End),
            _ => out.extend(words_of(piece).into_iter().map(P::W)),
        }
    }
    out
}

/// Expands one pattern of the word lists (`(a|b c|)`, `*`, `#`, `#%`, `$`) into the plain
/// sequences it stands for.
pub(super) fn compile(src: &str) -> Vec<Pat> {
    let mut slots: Vec<Vec<Vec<P>>> = Vec::new();
    let mut rest = src;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        if let Some(inner) = rest.strip_prefix('(') {
            let close = inner.find(')').unwrap_or(inner.len());
            slots.push(inner[..close].split('|').map(pieces).collect());
            rest = inner.get(close + 1..).unwrap_or("");
        } else {
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '(')
                .unwrap_or(rest.len());
            slots.push(vec![pieces(&rest[..end])]);
            rest = &rest[end..];
        }
    }
    let mut out: Vec<Pat> = vec![Vec::new()];
    for slot in slots {
        out = out
            .iter()
            .flat_map(|head| {
                slot.iter().map(move |alt| {
                    let mut p = head.clone();
                    p.extend(alt.iter().cloned());
                    p
                })
            })
            .collect();
    }
    out.retain(|p| p.iter().any(|x| !matches!(x, P::Gap | P::End)));
    out
}

/// Patterns indexed by their first word, each with a tag (`()` for plain lists). Lists
/// expand to thousands of patterns; a word only tries those that start with it.
pub(super) struct Tagged<T> {
    pats: Vec<(Pat, T)>,
    by_first: HashMap<String, Vec<usize>>,
    /// Patterns starting with something else than a word (`#`, `*`).
    wild: Vec<usize>,
}

pub(super) type PatSet = Tagged<()>;

impl<T: Copy> Tagged<T> {
    pub fn new(pats: Vec<(Pat, T)>) -> Tagged<T> {
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        let mut wild = Vec::new();
        for (i, (p, _)) in pats.iter().enumerate() {
            match p.first() {
                Some(P::W(w)) => by_first.entry(w.clone()).or_default().push(i),
                _ => wild.push(i),
            }
        }
        Tagged {
            pats,
            by_first,
            wild,
        }
    }

    /// The patterns that may match at word `i`, in list order.
    fn candidates(&self, doc: &Doc, i: usize) -> Vec<usize> {
        let mut c: Vec<usize> = doc
            .toks
            .get(i)
            .and_then(|t| self.by_first.get(&t.norm))
            .map_or_else(Vec::new, Clone::clone);
        if !self.wild.is_empty() {
            c.extend(&self.wild);
            c.sort_unstable();
        }
        c
    }

    /// Every match starting at word `i` (not past word `end`): its end and tag, in list order.
    pub fn matches_at(&self, doc: &Doc, i: usize, end: usize) -> Vec<(usize, T)> {
        self.candidates(doc, i)
            .into_iter()
            .filter_map(|k| {
                let (p, t) = &self.pats[k];
                doc.match_at(i, end, p).map(|e| (e, *t))
            })
            .collect()
    }

    /// The longest match starting at word `i`: its end and tag.
    pub fn longest_at(&self, doc: &Doc, i: usize, end: usize) -> Option<(usize, T)> {
        self.matches_at(doc, i, end)
            .into_iter()
            .max_by_key(|(e, _)| *e)
    }

    /// The first match in list order starting at word `i`.
    pub fn first_at(&self, doc: &Doc, i: usize, end: usize) -> Option<(usize, T)> {
        self.candidates(doc, i).into_iter().find_map(|k| {
            let (p, t) = &self.pats[k];
            doc.match_at(i, end, p).map(|e| (e, *t))
        })
    }

    /// Where a match ending exactly at word `at` starts, if one does (from `from` on).
    pub fn ending_at(&self, doc: &Doc, from: usize, at: usize) -> Option<(usize, T)> {
        (from..at).rev().find_map(|i| {
            self.candidates(doc, i).into_iter().find_map(|k| {
                let (p, t) = &self.pats[k];
                (doc.match_at(i, at, p) == Some(at)).then_some((i, *t))
            })
        })
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.pats.len()
    }
}

impl PatSet {
    pub fn plain(pats: Vec<Pat>) -> PatSet {
        Tagged::new(pats.into_iter().map(|p| (p, ())).collect())
    }
}

fn is_number(t: &Tok) -> bool {
    !t.norm.is_empty() && t.norm.bytes().all(|b| b.is_ascii_digit())
}

fn followed_by_percent(raw: &str, at: usize) -> bool {
    raw[at..]
        .trim_start_matches([' ', '\u{a0}', '\u{202f}'])
        .starts_with('%')
}

// --- Documents -------------------------------------------------------------------------------

/// A sentence: its words and its span in the original text.
#[derive(Debug, Clone)]
pub(super) struct Sent {
    pub toks: Range<usize>,
    pub span: Range<usize>,
}

/// A text split into words and sentences.
pub(super) struct Doc<'a> {
    pub raw: &'a str,
    pub toks: Vec<Tok>,
    pub sents: Vec<Sent>,
}

/// A match of a pattern: its words.
pub(super) type Hit = Range<usize>;

impl<'a> Doc<'a> {
    pub fn new(raw: &'a str) -> Doc<'a> {
        let toks = tokenize(raw);
        let mut sents = Vec::new();
        let mut t = 0;
        for span in sentence_spans(raw) {
            let first = t;
            while t < toks.len() && toks[t].start < span.end {
                t += 1;
            }
            if t > first {
                sents.push(Sent {
                    toks: first..t,
                    span,
                });
            }
        }
        Doc { raw, toks, sents }
    }

    /// The end of a match of `pat` starting at word `i`, not going past word `end`.
    pub fn match_at(&self, i: usize, end: usize, pat: &[P]) -> Option<usize> {
        let Some((first, rest)) = pat.split_first() else {
            return Some(i);
        };
        match first {
            P::Gap => (0..=2)
                .filter(|k| i + k <= end)
                .find_map(|k| self.match_at(i + k, end, rest)),
            P::End => (i == end)
                .then_some(i)
                .and_then(|_| self.match_at(i, end, rest)),
            _ => {
                let t = self.toks.get(i).filter(|_| i < end)?;
                let ok = match first {
                    P::W(w) => t.norm == *w,
                    P::Num => is_number(t),
                    P::Pct => is_number(t) && followed_by_percent(self.raw, t.end),
                    P::Gap | P::End => false,
                };
                if ok {
                    self.match_at(i + 1, end, rest)
                } else {
                    None
                }
            }
        }
    }

    /// The first match of `pats` in the words `range`, earliest first (the longest there).
    pub fn find(&self, range: Range<usize>, pats: &PatSet) -> Option<Hit> {
        range
            .clone()
            .find_map(|i| pats.longest_at(self, i, range.end).map(|(e, _)| i..e))
    }

    /// Every match start of `pats` in `range`, with the longest end at that start.
    pub fn find_all(&self, range: Range<usize>, pats: &PatSet) -> Vec<Hit> {
        range
            .clone()
            .filter_map(|i| pats.longest_at(self, i, range.end).map(|(e, _)| i..e))
            .collect()
    }

    /// Where a match of `pats` ending exactly at word `at` starts (not before `range.start`).
    pub fn ends_at(&self, range: Range<usize>, at: usize, pats: &PatSet) -> Option<usize> {
        pats.ending_at(self, range.start, at).map(|(i, _)| i)
    }

    pub fn has(&self, range: Range<usize>, pats: &PatSet) -> bool {
        self.find(range, pats).is_some()
    }

    /// The whole text's words.
    pub fn all(&self) -> Range<usize> {
        0..self.toks.len()
    }

    /// The original text of words `a..b`.
    pub fn text(&self, r: Range<usize>) -> &'a str {
        if r.is_empty() {
            return "";
        }
        &self.raw[self.toks[r.start].start..self.toks[r.end - 1].end]
    }

    /// The sentence holding word `i`.
    pub fn sent_of(&self, i: usize) -> Option<&Sent> {
        self.sents.iter().find(|s| s.toks.contains(&i))
    }

    /// The quote of a sentence: the original text, spaces collapsed, at most 120 characters,
    /// without a reply prefix it starts with (a subject read as part of a preview: "Re: …").
    pub fn quote(&self, s: &Sent) -> String {
        let raw = &self.raw[s.span.clone()];
        quote(super::reply_rest(raw).unwrap_or(raw))
    }
}

/// Trims, collapses runs of whitespace and cuts to at most 120 characters with "…".
pub(super) fn quote(raw: &str) -> String {
    let joined = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    const MAX: usize = 120;
    if joined.chars().count() <= MAX {
        return joined;
    }
    let mut cut: String = joined.chars().take(MAX - 1).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "sra", "jr", "vs", "etc", "eg", "ie", "ca", "bzw",
    "usw", "ggf", "evtl", "zb", "approx", "mme", "mlle", "dhr", "mevr", "nr", "tel",
];

/// Sentence spans: a break after `?`, `!`, `…` and line ends, and after a `.` that ends a
/// sentence (not `12. Januar`, `J. Roche`, `e.g. the`, `No. 3`, `acme.com`).
fn sentence_spans(raw: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = raw.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let ends = match c {
            '\n' | '\r' => !wrapped(raw, i),
            '?' | '!' | '…' | '？' | '！' | '。' => !next.is_some_and(|n| {
                n.is_alphanumeric() || matches!(n, '?' | '!' | '？' | '！' | '=' | '&' | '/' | '_')
            }),
            '.' => dot_ends(&chars, k),
            _ => false,
        };
        if ends {
            let end = i + c.len_utf8();
            if !raw[start..end].trim().is_empty() {
                out.push(start..end);
            }
            start = end;
        }
    }
    if !raw[start..].trim().is_empty() {
        out.push(start..raw.len());
    }
    out
}

/// Whether the line break at byte `i` only wraps a long line: the line before is long and
/// ends without punctuation, and the next line goes on.
fn wrapped(raw: &str, i: usize) -> bool {
    let before = raw[line_start(raw, i)..i].trim();
    let after = raw[i + 1..].split('\n').next().unwrap_or("").trim();
    before.chars().count() >= 40
        && !before.ends_with(['.', '!', '?', ':', ';', ',', '…'])
        && after.chars().next().is_some_and(char::is_alphanumeric)
}

fn dot_ends(chars: &[(usize, char)], k: usize) -> bool {
    match chars.get(k + 1) {
        None => return true,
        Some(&(_, n)) if !n.is_whitespace() => return false,
        _ => {}
    }
    // The next visible character: a lowercase letter or a digit continues the sentence.
    if let Some(&(_, n)) = chars[k + 1..].iter().find(|(_, c)| !c.is_whitespace()) {
        if n.is_lowercase() || n.is_ascii_digit() {
            return false;
        }
    }
    // The word before the dot.
    let word: String = chars[..k]
        .iter()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .map(|&(_, c)| c)
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return true;
    }
    let is_ordinal = word.len() <= 2 && word.chars().all(|c| c.is_ascii_digit());
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    let lower = word.to_lowercase();
    !(is_ordinal || is_initial || ABBREVIATIONS.contains(&lower.as_str()))
}

// --- Raw, case-insensitive search (quote markers) -------------------------------------------

/// The byte length of `needle` at the start of `hay`, comparing case-insensitively.
fn starts_ci(hay: &str, needle: &str) -> Option<usize> {
    let mut h = hay.char_indices();
    for n in needle.chars() {
        let (_, c) = h.next()?;
        if !c.to_lowercase().eq(n.to_lowercase()) {
            return None;
        }
    }
    Some(h.next().map_or(hay.len(), |(i, _)| i))
}

/// Every place `needle` occurs in `hay` case-insensitively, as whole words, with its end.
pub(super) fn find_ci(hay: &str, needle: &str) -> Vec<Range<usize>> {
    let first_alnum = needle.chars().next().is_some_and(char::is_alphanumeric);
    let last_alnum = needle.chars().last().is_some_and(char::is_alphanumeric);
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in hay.char_indices() {
        let boundary_before = !first_alnum || !prev.is_some_and(char::is_alphanumeric);
        prev = Some(c);
        if !boundary_before {
            continue;
        }
        if let Some(len) = starts_ci(&hay[i..], needle) {
            let after = hay[i + len..].chars().next();
            if !last_alnum || !after.is_some_and(char::is_alphanumeric) {
                out.push(i..i + len);
            }
        }
    }
    out
}

/// The same, case-sensitive.
pub(super) fn find_cs(hay: &str, needle: &str) -> Vec<Range<usize>> {
    hay.match_indices(needle)
        .filter(|(i, _)| {
            !hay[..*i].chars().last().is_some_and(char::is_alphanumeric)
                && !hay[i + needle.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
        .map(|(i, m)| i..i + m.len())
        .collect()
}

/// The start of the line holding byte `i`.
pub(super) fn line_start(s: &str, i: usize) -> usize {
    s[..i].rfind('\n').map_or(0, |j| j + 1)
}
