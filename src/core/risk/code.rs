//! The reason codes: one stable name per signal's reason, the vocabulary docs/scoring.md, the
//! scenario suite and the overlay's `data-code` share.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What a reason's fact is read from (`ReasonCode::reads`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reads {
    /// What came after the buyer's last reply.
    SinceLastReply,
    /// Counts over the whole timeline.
    WholeTimeline,
    /// The deal's fields and the rep's notes only.
    DealAndNotes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonCode {
    Silence,
    Deadline,
    FollowUpTrap,
    EffortBalance,
    NoReason,
    ChannelAvoided,
    ChannelNotPreferred,
    CloseDatePast,
    CloseDatePushed,
    StageAge,
    NoNextStep,
    NextStepOverdue,
    FitShortReplies,
    FitResentQuote,
    FitDiscount,
    FitTags,
    BuyerWaiting,
    BuyerSaidNo,
    ChampionLeft,
    RepConcessions,
}

impl ReasonCode {
    /// Every code. Tests walk this list: each code must be documented and expected by a
    /// scenario, so a new signal cannot ship undocumented.
    pub const ALL: [ReasonCode; 20] = [
        ReasonCode::Silence,
        ReasonCode::Deadline,
        ReasonCode::FollowUpTrap,
        ReasonCode::EffortBalance,
        ReasonCode::NoReason,
        ReasonCode::ChannelAvoided,
        ReasonCode::ChannelNotPreferred,
        ReasonCode::CloseDatePast,
        ReasonCode::CloseDatePushed,
        ReasonCode::StageAge,
        ReasonCode::NoNextStep,
        ReasonCode::NextStepOverdue,
        ReasonCode::FitShortReplies,
        ReasonCode::FitResentQuote,
        ReasonCode::FitDiscount,
        ReasonCode::FitTags,
        ReasonCode::BuyerWaiting,
        ReasonCode::BuyerSaidNo,
        ReasonCode::ChampionLeft,
        ReasonCode::RepConcessions,
    ];

    /// The stable name (`follow_up_trap`).
    /// What the reason's fact is read from, so a partial timeline never states it falsely.
    pub fn reads(self) -> Reads {
        match self {
            // "Since their last reply": a touch whose side is unknown after the last known
            // reply could be a newer reply, or one more message of ours.
            ReasonCode::FollowUpTrap
            | ReasonCode::BuyerWaiting
            | ReasonCode::BuyerSaidNo
            | ReasonCode::ChampionLeft => Reads::SinceLastReply,
            // Counts over the timeline (shares, calls, resent quotes, replies, concessions):
            // any touch whose side is unknown could change the count. Silence too: when it
            // starts counting follows the buyer's rhythm, their gaps between replies.
            ReasonCode::Silence
            | ReasonCode::Deadline
            | ReasonCode::EffortBalance
            | ReasonCode::ChannelAvoided
            | ReasonCode::ChannelNotPreferred
            | ReasonCode::FitShortReplies
            | ReasonCode::FitResentQuote
            | ReasonCode::FitDiscount
            | ReasonCode::RepConcessions => Reads::WholeTimeline,
            // The deal's fields and the rep's notes.
            ReasonCode::NoReason
            | ReasonCode::CloseDatePast
            | ReasonCode::CloseDatePushed
            | ReasonCode::StageAge
            | ReasonCode::NoNextStep
            | ReasonCode::NextStepOverdue
            | ReasonCode::FitTags => Reads::DealAndNotes,
        }
    }

    /// The code named `name` (`follow_up_trap`), if there is one.
    pub fn parse(name: &str) -> Option<ReasonCode> {
        ReasonCode::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// What the reason is about, in a few words ("buyer silence"), for the rep's corrections
    /// and the options page's proposals.
    pub fn label(self) -> &'static str {
        match self {
            ReasonCode::Silence => "buyer silence",
            ReasonCode::Deadline => "their deadline",
            ReasonCode::FollowUpTrap => "messages in a row",
            ReasonCode::EffortBalance => "effort balance",
            ReasonCode::NoReason => "no reason noted",
            ReasonCode::ChannelAvoided => "a channel they avoid",
            ReasonCode::ChannelNotPreferred => "not their preferred channel",
            ReasonCode::CloseDatePast => "close date passed",
            ReasonCode::CloseDatePushed => "close date pushed",
            ReasonCode::StageAge => "time in stage",
            ReasonCode::NoNextStep => "no next step",
            ReasonCode::NextStepOverdue => "next step overdue",
            ReasonCode::FitShortReplies => "shrinking replies",
            ReasonCode::FitResentQuote => "quote sent again",
            ReasonCode::FitDiscount => "discount asks",
            ReasonCode::FitTags => "your bad-fit tags",
            ReasonCode::BuyerWaiting => "buyer waiting on you",
            ReasonCode::BuyerSaidNo => "buyer said no",
            ReasonCode::ChampionLeft => "contact left",
            ReasonCode::RepConcessions => "your concessions",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ReasonCode::Silence => "silence",
            ReasonCode::Deadline => "deadline",
            ReasonCode::FollowUpTrap => "follow_up_trap",
            ReasonCode::EffortBalance => "effort_balance",
            ReasonCode::NoReason => "no_reason",
            ReasonCode::ChannelAvoided => "channel_avoided",
            ReasonCode::ChannelNotPreferred => "channel_not_preferred",
            ReasonCode::CloseDatePast => "close_date_past",
            ReasonCode::CloseDatePushed => "close_date_pushed",
            ReasonCode::StageAge => "stage_age",
            ReasonCode::NoNextStep => "no_next_step",
            ReasonCode::NextStepOverdue => "next_step_overdue",
            ReasonCode::FitShortReplies => "fit_short_replies",
            ReasonCode::FitResentQuote => "fit_resent_quote",
            ReasonCode::FitDiscount => "fit_discount",
            ReasonCode::FitTags => "fit_tags",
            ReasonCode::BuyerWaiting => "buyer_waiting",
            ReasonCode::BuyerSaidNo => "buyer_said_no",
            ReasonCode::ChampionLeft => "champion_left",
            ReasonCode::RepConcessions => "rep_concessions",
        }
    }
}

impl fmt::Display for ReasonCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for ReasonCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_serde_names_and_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for c in ReasonCode::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
            assert!(seen.insert(c.as_str()));
        }
    }
}
