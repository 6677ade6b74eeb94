//! The day/month order of a CRM's numeric dates: what the rep set, what a page of the same host
//! proved before, and what to remember when a page proves it now.

use crate::core::date::NumericOrder;
use crate::core::settings::Settings;
use crate::core::store::{Effects, StoreKey, Stored};
use crate::crm::PageRef;
use serde::Serialize;
use serde_json::Value;

/// A storage write the glue makes on the view's behalf: `{key: value}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Remember {
    pub key: StoreKey,
    pub value: Value,
}

impl Remember {
    pub fn effects(&self) -> Effects {
        Effects::setting(self.key.clone(), self.value.clone())
    }
}

/// `date_order:<host>`: where the order a host's pages proved is remembered.
pub fn storage_key(page: &PageRef) -> StoreKey {
    StoreKey::DateOrder(page.host.clone())
}

fn as_value(order: NumericOrder) -> Value {
    serde_json::to_value(order).unwrap_or(Value::Null)
}

/// The order to read ambiguous dates with when the page itself does not settle it: the rep's
/// setting, else what this host's pages proved before.
pub fn preferred(
    settings: &Settings,
    stored: &Stored,
    page: Option<&PageRef>,
) -> Option<NumericOrder> {
    settings.date_order.or_else(|| {
        let key = storage_key(page?);
        serde_json::from_value(stored.get(&key)?.clone()).ok()
    })
}

/// What to store when the page proved an order the host has not remembered yet.
pub fn remember(
    proved: Option<NumericOrder>,
    stored: &Stored,
    page: Option<&PageRef>,
) -> Option<Remember> {
    let order = proved?;
    let key = storage_key(page?);
    let value = as_value(order);
    (stored.get(&key) != Some(&value)).then_some(Remember { key, value })
}
