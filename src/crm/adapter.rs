//! One adapter per CRM, and the registry that lists them.
//!
//! Everything Stallwatch knows about a CRM is one `CrmAdapter` value in that CRM's module
//! (`salesforce::ADAPTER`, `hubspot::ADAPTER`): its hosts, how a URL names a page and a record,
//! the read plan the content script follows, the labels its pages use, and how a timeline item's
//! channel and direction are decided. Code that needs CRM knowledge looks the adapter up here;
//! nothing matches on a CRM by name, so a new CRM cannot fall into another's rules.

use super::plan::ReadPlan;
use super::snapshot::{Field, RawActivity};
use super::url::{PageKind, UrlParts};
use crate::core::model::{Channel, Crm, Direction};

/// What one CRM's pages look like, as data and small pure functions.
pub struct CrmAdapter {
    pub crm: Crm,
    /// The product's name for it ("Salesforce"), for messages and docs.
    pub name: &'static str,
    /// The first part of every deal key (`sf` in `sf:acme:0065g00000XyZ12`).
    pub key_prefix: &'static str,
    /// Browser match patterns for the hosts the extension may run on. The manifest's host
    /// permissions, content-script matches and web-accessible-resource matches are generated
    /// from these (`stallwatch manifest`), so the extension runs exactly where a plan can read.
    pub match_patterns: &'static [&'static str],
    /// Whether a lowercase hostname is one of this CRM's app hosts (stricter than the match
    /// patterns: `*.lightning.force.com` also matches hosts that are not an org).
    pub is_host: fn(host: &str) -> bool,
    /// The page kind and, on a deal record, the record id (normalised: Salesforce's 15-character
    /// form), from the URL: its path's `segments()` or its `query_param`s (a CRM that names the
    /// record in the query string). Only plain `https` URLs of this CRM's hosts get here
    /// (`crm::url`). The plan's `pages` say the same to the content script.
    pub page: fn(url: &UrlParts) -> (PageKind, Option<String>),
    /// The account a deal belongs to (the Salesforce org, the HubSpot portal), which makes a
    /// record id unique across the rep's accounts, from the same URL.
    pub account: fn(url: &UrlParts) -> Option<String>,
    /// A list row's record id from the row's `id` part (an id or a record link), normalised.
    pub row_id: fn(raw: &str) -> Option<String>,
    /// The path (and query, for a CRM addressed by query string) of a deal's record page for its
    /// account and record id: where the Today queue and a remembered list row open the deal (on
    /// the host it was seen on).
    pub record_path: fn(account: &str, id: &str) -> String,
    /// What the content script reads on this CRM's pages.
    pub plan: ReadPlan,
    /// A field's labels in every language we know: list columns, card properties, labels glued
    /// in front of values ("Deal owner Priya"), and the read plan's label fallbacks.
    pub field_labels: fn(Field) -> &'static [&'static str],
    /// Control words that arrive glued after a value (the owner's "Details" button), stripped.
    pub trailing_words: &'static [&'static str],
    /// The field a list pair's label names whatever the UI language (HubSpot table cells'
    /// `cell-0-3-amount-<id>`), before the localised labels are tried.
    pub pair_property: fn(label: &str) -> Option<Field>,
    /// A timeline item's channel from its raw parts; `None` when the item's type is unknown.
    pub channel_of: fn(item: &RawActivity) -> Option<Channel>,
    /// Who acted in a timeline item (the buyer, the rep, or neither); `None` when the page does
    /// not say (the item is then reported, not guessed).
    pub direction_of:
        fn(channel: Channel, item: &RawActivity, people: &People) -> Option<Direction>,
    /// The buyer-side person who acted in an inbound item, when the page names them.
    pub buyer_of: fn(item: &RawActivity, people: &People) -> Option<String>,
}

/// Who is who on a deal page, for telling the buyer's actions from the rep's by name.
#[derive(Debug, Clone, Copy, Default)]
pub struct People<'a> {
    /// The deal owner as the page shows them.
    pub owner: Option<&'a str>,
    /// The buyer-side people associated with the deal.
    pub contacts: &'a [String],
}

impl CrmAdapter {
    /// The deal key for a record id in an account.
    pub fn deal_key(&self, account: &str, id: &str) -> String {
        format!("{}:{account}:{id}", self.key_prefix)
    }

    /// The URL of the record page of the deal `key` on `host` (`None` for another CRM's key).
    pub fn record_url(&self, host: &str, key: &str) -> Option<String> {
        let rest = key.strip_prefix(self.key_prefix)?.strip_prefix(':')?;
        let (account, id) = rest.rsplit_once(':')?;
        Some(format!("https://{host}{}", (self.record_path)(account, id)))
    }
}

/// Every CRM Stallwatch reads. Adding a CRM: one module with an `ADAPTER`, and one line here
/// (README, "Adding a CRM").
pub const ADAPTERS: [&CrmAdapter; 2] = [&super::salesforce::ADAPTER, &super::hubspot::ADAPTER];

/// The adapter for a CRM; `None` for deals that came from no CRM page (a JSON file).
pub fn for_crm(crm: Crm) -> Option<&'static CrmAdapter> {
    ADAPTERS.into_iter().find(|a| a.crm == crm)
}

/// The adapter whose app hosts include `host` (lowercase).
pub fn for_host(host: &str) -> Option<&'static CrmAdapter> {
    ADAPTERS.into_iter().find(|a| (a.is_host)(host))
}

/// The adapter whose deal keys start with `prefix` (`sf`, `hs`).
pub fn for_key_prefix(prefix: &str) -> Option<&'static CrmAdapter> {
    ADAPTERS.into_iter().find(|a| a.key_prefix == prefix)
}

/// Every host match pattern, in registry order, for the manifest.
pub fn match_patterns() -> Vec<&'static str> {
    ADAPTERS
        .iter()
        .flat_map(|a| a.match_patterns.iter().copied())
        .collect()
}

/// Every CRM's deal-key prefix (backups restore the notes of these).
pub fn key_prefixes() -> Vec<&'static str> {
    ADAPTERS.iter().map(|a| a.key_prefix).collect()
}

/// The id in a list row's `id` part: the part itself, or the last segment of a record link
/// (`/lightning/r/Opportunity/006…/view`, `/contacts/1/record/0-3/456`).
pub fn last_segment(raw: &str) -> &str {
    raw.trim_end_matches('/')
        .trim_end_matches("/view")
        .rsplit('/')
        .next()
        .unwrap_or("")
}

/// A part of a raw timeline item, or "" when the page did not show it.
pub fn part<'a>(item: &'a RawActivity, name: &str) -> &'a str {
    item.get(name).map(String::as_str).unwrap_or("")
}

impl std::fmt::Debug for CrmAdapter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl PartialEq for CrmAdapter {
    fn eq(&self, other: &Self) -> bool {
        self.crm == other.crm
    }
}

impl Eq for CrmAdapter {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn adapters_do_not_overlap() {
        let crms: BTreeSet<_> = ADAPTERS.iter().map(|a| format!("{:?}", a.crm)).collect();
        let prefixes: BTreeSet<_> = ADAPTERS.iter().map(|a| a.key_prefix).collect();
        assert_eq!(crms.len(), ADAPTERS.len());
        assert_eq!(prefixes.len(), ADAPTERS.len());
        assert!(for_crm(Crm::Other).is_none(), "no CRM stands in for others");
        for a in ADAPTERS {
            assert!(!a.match_patterns.is_empty(), "{}", a.name);
            assert_eq!(for_key_prefix(a.key_prefix).map(|x| x.name), Some(a.name));
        }
    }
}
