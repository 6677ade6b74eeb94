//! The storage seam and the one call per page event, checked on every scenario.
//!
//! The badge is scored without composing any draft (`Depth::Score`): it must show exactly the
//! number, band and state the card shows with its drafts, for every scenario and notes variant.

mod common;
use common::{all_inputs, variants};

use stallwatch::core::message::assess_and_compose_after;
use stallwatch::core::risk::assess;

#[test]
fn the_badge_scored_without_drafts_says_what_the_card_says() {
    let mut checked = 0;
    for input in all_inputs() {
        let Some((deal, notes)) = &input.deal else {
            continue;
        };
        for (variant, notes) in variants(notes, input.now) {
            let badge = assess(Some(deal), &notes, &input.settings, input.now);
            let (card, _) =
                assess_and_compose_after(deal, &notes, &input.settings, input.now, None);
            assert_eq!(
                (badge.stall_risk, badge.band, badge.state),
                (card.stall_risk, card.band, card.state),
                "{} ({variant})",
                input.name
            );
            assert_eq!(badge, card, "{} ({variant})", input.name);
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} deals checked");
}
