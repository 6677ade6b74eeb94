//! Moving on when ignored (playbook: never send the same nudge twice): the suggestion the rep
//! copied last on a deal, kept locally (`copied:<deal key>` in storage.local), so that when it
//! went unanswered the next suggestion takes another angle instead of repeating itself.

use super::{Draft, Kind, Tone};
use crate::core::date::Day;
use crate::core::model::Channel;
use crate::core::store::Effects;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What the rep copied: which kind, channel and tone, a fingerprint of the exact text (the text
/// itself is not kept), and the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Copied {
    pub kind: Kind,
    pub channel: Channel,
    pub tone: Tone,
    pub fingerprint: String,
    pub on: Day,
}

/// The storage key for a deal's memory.
pub fn storage_key(deal_key: &str) -> crate::core::store::StoreKey {
    crate::core::store::StoreKey::Copied(deal_key.to_string())
}

/// A stable fingerprint of a draft's words (FNV-1a over subject and text): the same words give
/// the same fingerprint on every machine and version.
pub fn fingerprint(d: &Draft) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in d
        .subject
        .as_deref()
        .unwrap_or("")
        .bytes()
        .chain([0u8])
        .chain(d.text.bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

impl Copied {
    pub fn of(kind: Kind, d: &Draft, on: Day) -> Copied {
        Copied {
            kind,
            channel: d.channel,
            tone: d.tone,
            fingerprint: fingerprint(d),
            on,
        }
    }

    /// What to store when the rep copies `d` (a draft of `kind`) on the deal `deal_key`.
    pub fn effects(deal_key: &str, kind: Kind, d: &Draft, on: Day) -> Effects {
        match serde_json::to_value(Copied::of(kind, d, on)) {
            Ok(v) => Effects::setting(storage_key(deal_key), v),
            // A memory always serialises; if it ever did not, nothing is written.
            Err(_) => Effects::none(),
        }
    }

    /// The stored memory, or `None` when there is none or it cannot be read (a corrupt entry
    /// only means the next suggestion may repeat; it never fails the page).
    pub fn load(v: &Value) -> Option<Copied> {
        serde_json::from_value(v.clone()).ok()
    }
}
