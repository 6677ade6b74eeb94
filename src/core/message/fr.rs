//! Drafts in this language (placeholder while being written: English).

use super::{Draft, Kind, Slots, Tone};
use crate::core::model::Channel;

pub fn draft(kind: Kind, channel: Channel, tone: Tone, s: &Slots) -> Draft {
    super::draft_en(kind, channel, tone, s)
}
