//! Listen to the channel (playbook idea 6): our recent touches on a channel the buyer ruled out,
//! or on another channel than the one they prefer.

use super::ReasonCode;
use super::{plural, Reason, Timeline};
use crate::core::date::Day;
use crate::core::model::{Channel, Direction};
use crate::core::notes::Notes;
use crate::core::settings::Settings;

fn verb(c: Channel, n: usize) -> String {
    match c {
        Channel::Call => format!("You called {}", plural(n, "time", "times")),
        Channel::Text => format!("You texted {}", plural(n, "time", "times")),
        Channel::Email => format!("You emailed {}", plural(n, "time", "times")),
        _ => format!("You reached out {}", plural(n, "time", "times")),
    }
}

pub(super) fn signals(notes: &Notes, t: &Timeline, s: &Settings, now: Day) -> Vec<Reason> {
    let recent: Vec<Channel> = t
        .touches
        .iter()
        .filter(|x| x.direction == Direction::Outbound)
        .filter(|x| now.days_since(x.day) <= s.channel_window_days as i32)
        .map(|x| x.channel)
        .filter(|c| c.is_sendable())
        .collect();
    let mut out = Vec::new();
    let window = format!("in the last {} days", s.channel_window_days);
    for avoided in &notes.avoid_channels {
        let n = recent.iter().filter(|c| *c == avoided).count();
        if n > 0 {
            out.push(Reason {
                code: ReasonCode::ChannelAvoided,
                points: (s.channel_avoided_points * n as u32).min(s.channel_avoided_max_points),
                fact: format!(
                    "{} {window}; they asked you not to use {}",
                    verb(*avoided, n),
                    avoided.as_str()
                ),
            });
        }
    }
    if let Some(pref) = notes.preferred_channel {
        let others: Vec<&Channel> = recent
            .iter()
            .filter(|c| **c != pref && !notes.avoid_channels.contains(c))
            .collect();
        if others.len() >= 2 {
            let extra = others.len() as u32 - 1;
            out.push(Reason {
                code: ReasonCode::ChannelNotPreferred,
                points: (s.channel_other_points * extra).min(s.channel_other_max_points),
                fact: format!(
                    "{} of your touches {window} were not by {}, the channel they prefer",
                    others.len(),
                    pref.as_str()
                ),
            });
        }
    }
    out
}
