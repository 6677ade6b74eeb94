//! Why the card refused an action: the check that it is really in front of the rep failed
//! (clickjacking). The card's script and the content script report one of these codes;
//! `extension/lib/protocol.js` (`REFUSED`) holds the same table, and
//! `tests/js/architecture.test.mjs` keeps the two equal.

shared_strings! {
    /// Why an action was refused.
    pub enum Refused, fn code;
    /// Our container or the card's frame is no longer in the page.
    Removed => "removed",
    /// Made invisible (display, visibility or opacity).
    Hidden => "hidden",
    /// Moved, resized or transformed away from its corner.
    Moved => "moved",
    /// Something of the page is painted over it.
    Covered => "covered",
    /// The browser's own check (IntersectionObserver v2) says it is not visible.
    Obscured => "obscured",
    /// One of the checks above failed less than `MIN_VISIBLE_MS` before the press: a cover the
    /// page removes at the moment of the click (on blur, on pointerdown) is still refused.
    Recent => "recently-covered",
    /// The press and the click were not one gesture on the same control of the card.
    Gesture => "gesture",
    /// The card has no port to its page yet.
    Unpaired => "unpaired",
    /// The content script did not answer the check in time.
    NoAnswer => "no-answer",
}

impl Refused {
    /// The reason a script sent; a code no version of the scripts sends reads as "could not
    /// confirm" (never as "nothing was wrong").
    pub fn parse(code: &str) -> Refused {
        Refused::ALL
            .iter()
            .copied()
            .find(|r| r.code() == code)
            .unwrap_or(Refused::NoAnswer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_reads_back_and_an_unknown_one_is_unconfirmed() {
        for r in Refused::ALL {
            assert_eq!(Refused::parse(r.code()), *r);
        }
        assert_eq!(Refused::parse("something new"), Refused::NoAnswer);
    }
}
