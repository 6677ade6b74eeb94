//! Content-free follow-up phrases ("just following up", "checking in" …): playbook idea 1.
//!
//! Matching ignores case, punctuation and spacing, and needs whole words, so "Checking-in!!"
//! matches "checking in" but "rechecking inventory" does not.

/// The default list; users can edit it in settings.
pub const DEFAULT_CONTENT_FREE: &[&str] = &[
    "just following up",
    "just wanted to follow up",
    "following up on my last",
    "following up on my previous",
    "just checking in",
    "checking in",
    "check in to see",
    "touching base",
    "touch base",
    "circling back",
    "circle back",
    "any update",
    "any updates",
    "any news",
    "bumping this",
    "bump this",
    "just bumping",
    "top of your inbox",
    "one last time before i close your file",
    "close your file",
    "did you get a chance",
    "had a chance to look",
    "just a reminder",
    "friendly reminder",
];

/// Lowercases, turns every non-alphanumeric run into one space, and pads with spaces so that
/// a `contains(" phrase ")` test means whole words. Several texts can be given; they are
/// normalised as if joined by a space.
pub fn normalize_all(texts: &[&str]) -> String {
    let len: usize = texts.iter().map(|t| t.len() + 1).sum();
    // Bytes, not a String: pushing a byte is far cheaper than pushing a char, and this runs
    // over every touch's text.
    let mut out: Vec<u8> = Vec::with_capacity(len + 2);
    out.push(b' ');
    let mut last_space = true;
    let mut utf8 = [0u8; 4];
    for text in texts {
        if text.is_ascii() {
            // The common case, byte by byte, without decoding characters.
            for b in text.bytes() {
                if b.is_ascii_alphanumeric() {
                    out.push(b.to_ascii_lowercase());
                    last_space = false;
                } else if b != b'\'' && !last_space {
                    out.push(b' ');
                    last_space = true;
                }
            }
        } else {
            for c in text.chars() {
                if c.is_alphanumeric() {
                    for l in c.to_lowercase() {
                        out.extend_from_slice(l.encode_utf8(&mut utf8).as_bytes());
                    }
                    last_space = false;
                } else if c == '\'' || c == '\u{2019}' {
                    // "I'm" → "im": apostrophes join words rather than split them.
                } else if !last_space {
                    out.push(b' ');
                    last_space = true;
                }
            }
        }
        if !last_space {
            out.push(b' ');
            last_space = true;
        }
    }
    // Only whole characters were written, so this cannot fail.
    String::from_utf8(out).unwrap_or_default()
}

pub fn normalize(text: &str) -> String {
    normalize_all(&[text])
}

/// Lowercases one character and folds its accents (`É` → `e`, `ß` → `ss`, `œ` → `oe`), for
/// the Latin-script languages Stallwatch reads (dates, buyers' replies, stage names).
pub fn fold_char(c: char, out: &mut String) {
    for l in c.to_lowercase() {
        match l {
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            // Lowercasing can yield a combining mark ('İ' → "i\u{307}").
            '\u{0300}'..='\u{036F}' => {}
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            l => out.push(l),
        }
    }
}

/// A list of phrases, normalised once, to test many texts against.
pub struct Matcher<'a> {
    needles: Vec<(&'a str, String)>,
}

impl<'a> Matcher<'a> {
    pub fn new(phrases: &'a [String]) -> Matcher<'a> {
        let needles = phrases
            .iter()
            .map(|p| (p.as_str(), normalize(p)))
            // A phrase of one character or none would match nearly everything.
            .filter(|(_, n)| n.trim().len() > 1)
            .collect();
        Matcher { needles }
    }

    /// The first phrase found in `text`, if any.
    pub fn find(&self, text: &str) -> Option<&'a str> {
        self.find_normalized(&normalize(text))
    }

    /// The same, for text already passed through `normalize`.
    pub fn find_normalized(&self, hay: &str) -> Option<&'a str> {
        self.needles
            .iter()
            .find(|(_, n)| hay.contains(n.as_str()))
            .map(|(p, _)| *p)
    }
}

/// The first phrase from `phrases` found in `text`, if any.
pub fn find_content_free<'a>(text: &str, phrases: &'a [String]) -> Option<&'a str> {
    Matcher::new(phrases).find(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> Vec<String> {
        DEFAULT_CONTENT_FREE.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn finds_variants_regardless_of_case_and_punctuation() {
        let p = defaults();
        for t in [
            "Just following up on my last note",
            "CHECKING-IN!! to see if you had a chance",
            "Circling back... re: the proposal",
            "Any updates?",
            "Bumping this to the top of your inbox",
            "One last time before I close your file.",
        ] {
            assert!(find_content_free(t, &p).is_some(), "{t}");
        }
    }

    #[test]
    fn ascii_and_unicode_text_normalise_alike() {
        assert_eq!(normalize("Just  FOLLOWING-up!!"), " just following up ");
        assert_eq!(
            normalize("Just  FOLLOWING-up — é!!"),
            " just following up é "
        );
        assert_eq!(normalize("I'm here"), " im here ");
        assert_eq!(normalize("I\u{2019}m here"), " im here ");
        assert_eq!(
            normalize_all(&["Re: Quote", "resending"]),
            " re quote resending "
        );
        assert_eq!(normalize(""), " ");
    }

    #[test]
    fn leaves_real_content_alone() {
        let p = defaults();
        for t in [
            "Attached is the revised SOW with the phased rollout you asked for",
            "Rechecking inventory numbers for the pilot sites",
            "Pricing for 40 vehicles, as discussed on Tuesday",
        ] {
            assert_eq!(find_content_free(t, &p), None, "{t}");
        }
    }
}
