//! What a deal's timeline says, computed once per deal and shared by the stall-risk signals
//! and the message: touches newest first, the buyer's last reply, our unanswered streak, the
//! buyer's rhythm, and each touch's normalised text (for phrase matching).

use super::date::Day;
use super::model::{Deal, Direction, Touch};
use super::phrases::{normalize_all, Matcher};
use super::settings::Settings;
use std::cell::OnceCell;

/// What the timeline says, computed once for all signals.
pub struct Timeline<'a> {
    /// The content-free phrases, normalised once for every touch they are tested against.
    content_free: Matcher<'a>,
    /// Each touch's subject and body, normalised at most once (signals share it).
    texts: Vec<OnceCell<String>>,
    /// Touches between the two sides (notes and tasks left out), newest first.
    pub touches: Vec<&'a Touch>,
    pub last_inbound: Option<&'a Touch>,
    /// Outbound touches newer than the last inbound one (all of them if there is none).
    pub streak: Vec<&'a Touch>,
    /// The buyer's usual gap between touches, in days (see `inbound_rhythm_days`).
    pub rhythm: Option<u32>,
}

impl<'a> Timeline<'a> {
    pub fn new(deal: &'a Deal, settings: &'a Settings) -> Timeline<'a> {
        let touches: Vec<&Touch> = deal
            .touches_newest_first()
            .into_iter()
            .filter(|t| t.direction != Direction::Internal)
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
        Timeline {
            content_free: Matcher::new(&settings.content_free_phrases),
            texts: touches.iter().map(|_| OnceCell::new()).collect(),
            touches,
            last_inbound,
            streak,
            rhythm,
        }
    }

    /// The normalised subject and body of the touch at `i` in `touches`.
    pub fn text(&self, i: usize) -> &str {
        self.texts[i].get_or_init(|| {
            let t = self.touches[i];
            normalize_all(&[&t.subject, &t.body])
        })
    }

    /// The content-free phrase the touch at `i` uses, if any.
    pub fn content_free(&self, i: usize) -> Option<&'a str> {
        self.content_free.find_normalized(self.text(i))
    }
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
