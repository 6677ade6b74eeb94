//! Scores every readable row with the core and orders them as the day's queue (act today,
//! waiting, paused; see `today_order`); closed deals and unreadable rows after, in file order.

use super::ReadRow;
use crate::core::date::Day;
use crate::core::risk::{assess, today_order, Assessment, Section, TodayKey};
use crate::core::settings::Settings;

#[derive(Debug)]
pub struct Ranked {
    pub read: ReadRow,
    /// `None` when the row could not be read.
    pub assessment: Option<Assessment>,
}

impl Ranked {
    pub fn stall_risk(&self) -> Option<u8> {
        self.assessment.as_ref().and_then(|a| a.stall_risk)
    }
}

pub fn rank(rows: Vec<ReadRow>, settings: &Settings, now: Day) -> Vec<Ranked> {
    let mut ranked: Vec<Ranked> = rows
        .into_iter()
        .map(|read| {
            let assessment = read
                .deal
                .as_ref()
                .map(|deal| assess(Some(deal), &read.notes, settings, now));
            Ranked { read, assessment }
        })
        .collect();
    today_order(&mut ranked, |r| match (&r.assessment, &r.read.deal) {
        (Some(a), Some(deal)) => TodayKey::of(
            a,
            r.read.notes.deadline,
            deal.amount.as_ref().map(|m| m.units()),
        ),
        _ => TodayKey {
            section: Section::Closed,
            stall_risk: None,
            deadline: None,
            act_from: None,
            amount: None,
        },
    });
    ranked
}
