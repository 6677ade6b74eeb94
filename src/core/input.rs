//! The deal JSON format: how deals are written by hand, in scenario files and for
//! `stallwatch score`. Documented in docs/deal-format.md.
//!
//! Unknown fields are refused, so a typo in a scenario cannot silently change what it tests.

use super::date::Day;
use super::model::{status_from_stage, Channel, Crm, Deal, DealStatus, Direction, Touch};
use super::money::{parse_money, Money};
use super::notes::{self, LoadedNotes};
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DealInput {
    #[serde(default)]
    pub key: Option<String>,
    #[serde(default)]
    pub crm: Crm,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub stage: Option<String>,
    /// Derived from the stage when absent.
    #[serde(default)]
    pub status: Option<DealStatus>,
    #[serde(default)]
    pub amount: Option<AmountInput>,
    #[serde(default)]
    pub close_date: Option<Day>,
    #[serde(default)]
    pub previous_close_dates: Vec<Day>,
    #[serde(default)]
    pub stage_entered: Option<Day>,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub next_step: Option<String>,
    #[serde(default)]
    pub next_step_date: Option<Day>,
    #[serde(default)]
    pub contact: Option<String>,
    /// Absent: no timeline known. Present and empty: a timeline with nothing on it.
    #[serde(default)]
    pub touches: Option<Vec<TouchInput>>,
    #[serde(default)]
    pub last_inbound: Option<Day>,
    /// The rep's notes, in the storage format (docs/deal-format.md).
    #[serde(default)]
    pub notes: Option<Value>,
    /// The language of the page or file the deal comes from (`fr`): the messages' default
    /// when the notes and settings name none.
    #[serde(default)]
    pub language: Option<crate::core::lang::Lang>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum AmountInput {
    Number(f64),
    Text(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TouchInput {
    pub date: Day,
    pub direction: Direction,
    pub channel: Channel,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub body: String,
}

impl DealInput {
    /// The deal and its notes. `fallback_key` names deals that have no `key`.
    pub fn into_deal(self, fallback_key: &str) -> Result<(Deal, LoadedNotes), String> {
        let amount = match self.amount {
            None => None,
            Some(AmountInput::Number(n)) if n.is_finite() => Some(Money {
                minor: (n * 100.0).round() as i64,
                currency: None,
            }),
            Some(AmountInput::Number(n)) => return Err(format!("amount {n} is not a number")),
            Some(AmountInput::Text(t)) => Some(parse_money(&t)?),
        };
        let status = self.status.unwrap_or_else(|| {
            self.stage
                .as_deref()
                .map_or(DealStatus::Open, status_from_stage)
        });
        let touches = self.touches.map(|ts| {
            ts.into_iter()
                .map(|t| Touch {
                    day: t.date,
                    direction: t.direction,
                    channel: t.channel,
                    subject: t.subject,
                    body: t.body,
                })
                .collect()
        });
        let deal = Deal {
            crm: self.crm,
            key: self.key.unwrap_or_else(|| fallback_key.to_string()),
            name: self.name,
            stage: self.stage,
            status,
            amount,
            close_date: self.close_date,
            previous_close_dates: self.previous_close_dates,
            stage_entered: self.stage_entered,
            owner: self.owner,
            next_step: self.next_step,
            next_step_date: self.next_step_date,
            next_step_unknown: false,
            contact: self.contact,
            touches,
            upcoming: Vec::new(),
            last_inbound: self.last_inbound,
            language: self.language,
            undated: 0,
            older_not_shown: false,
        };
        let notes = notes::load(self.notes.as_ref().unwrap_or(&Value::Null));
        Ok((deal, notes))
    }
}

/// Reads one deal from a JSON value, with an error that says what was wrong.
pub fn deal_from_json(value: &Value, fallback_key: &str) -> Result<(Deal, LoadedNotes), String> {
    let input: DealInput = serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
    input.into_deal(fallback_key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_a_hand_written_deal() {
        let (deal, notes) = deal_from_json(
            &json!({
                "name": "Northwind", "stage": "Closed Won", "amount": "USD 48,500.00",
                "close_date": "2026-03-12",
                "touches": [{"date": "2026-03-01", "direction": "inbound", "channel": "email"}],
                "notes": {"reason": "pass the audit"}
            }),
            "row 1",
        )
        .unwrap();
        assert_eq!(deal.key, "row 1");
        assert_eq!(deal.status, DealStatus::Won);
        assert_eq!(deal.amount.unwrap().minor, 4_850_000);
        assert_eq!(deal.touches.unwrap().len(), 1);
        assert_eq!(notes.notes.reason.as_deref(), Some("pass the audit"));
    }

    #[test]
    fn typos_and_bad_dates_are_refused_with_the_reason() {
        let e = deal_from_json(&json!({"nmae": "x"}), "k").unwrap_err();
        assert!(e.contains("nmae"), "{e}");
        let e = deal_from_json(&json!({"close_date": "12/03/2026"}), "k").unwrap_err();
        assert!(e.contains("12/03/2026"), "{e}");
    }
}
