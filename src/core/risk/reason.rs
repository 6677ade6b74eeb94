//! Nobody knows why they want it (playbook idea 3).

use super::Reason;
use super::ReasonCode;
use crate::core::notes::Notes;
use crate::core::settings::Settings;

pub(super) fn signal(notes: &Notes, s: &Settings) -> Option<Reason> {
    if notes.reason.is_some() {
        return None;
    }
    Some(Reason {
        code: ReasonCode::NoReason,
        points: s.no_reason_points,
        fact: "No recorded reason why the buyer wants this: the deal runs on hope (add one in the Stallwatch popup)".to_string(),
    })
}
