//! The thresholds a rep can tune, with the defaults documented in docs/scoring.md.
//!
//! Settings are stored in `storage.local` under `settings`; a missing or invalid value falls
//! back on its default (reported, never fatal).

use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Days of buyer silence before it costs points.
    pub silence_start_days: u32,
    /// Days of silence at which the silence points reach their maximum.
    pub silence_full_days: u32,
    pub silence_max_points: u32,
    /// Outbound touches in a row (since the buyer's last reply) at which the trap starts.
    pub streak_start: u32,
    pub streak_points_per_touch: u32,
    /// Extra points for each content-free touch in the streak.
    pub content_free_extra_points: u32,
    pub streak_max_points: u32,
    pub no_reason_points: u32,
    pub past_due_points: u32,
    /// Phrases that mark a touch as content-free (matched case- and punctuation-insensitively).
    pub content_free_phrases: Vec<String>,
    /// Signs the messages with this name when set.
    pub rep_name: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            silence_start_days: 7,
            silence_full_days: 30,
            silence_max_points: 35,
            streak_start: 2,
            streak_points_per_touch: 8,
            content_free_extra_points: 3,
            streak_max_points: 35,
            no_reason_points: 15,
            past_due_points: 15,
            content_free_phrases: super::phrases::DEFAULT_CONTENT_FREE
                .iter()
                .map(|s| s.to_string())
                .collect(),
            rep_name: None,
        }
    }
}

/// Settings from storage, with what was wrong in them.
pub fn load(value: &Value) -> (Settings, Vec<String>) {
    if value.is_null() {
        return (Settings::default(), Vec::new());
    }
    match serde_json::from_value::<Settings>(value.clone()) {
        Ok(s) => (s, Vec::new()),
        Err(e) => (
            Settings::default(),
            vec![format!(
                "Saved settings could not be read ({e}); using the defaults."
            )],
        ),
    }
}
