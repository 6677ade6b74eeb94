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
/// a `contains(" phrase ")` test means whole words.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    let mut last_space = true;
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            last_space = false;
        } else if c == '\'' || c == '\u{2019}' {
            // "I'm" → "im": apostrophes join words rather than split them.
        } else if !last_space {
            out.push(' ');
            last_space = true;
        }
    }
    if !last_space {
        out.push(' ');
    }
    out
}

/// The first phrase from `phrases` found in `text`, if any.
pub fn find_content_free<'a>(text: &str, phrases: &'a [String]) -> Option<&'a str> {
    let hay = normalize(text);
    phrases.iter().map(String::as_str).find(|p| {
        let needle = normalize(p);
        needle.trim().len() > 1 && hay.contains(&needle)
    })
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
