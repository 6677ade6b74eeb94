//! What a URL says about the page: which CRM, which kind of page, which deal.
//!
//! The content script classifies pages with the read plans' regexes; this is the Rust reading
//! of the same URLs, and the shared URL table (tests/urls.json) keeps the two, and the
//! manifest's host patterns, in agreement.

use super::adapter::{self, CrmAdapter};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    DealRecord,
    DealList,
    DealBoard,
    NotADeal,
}

impl PageKind {
    /// A list view or a board: many deals on one page.
    pub fn is_list(self) -> bool {
        matches!(self, PageKind::DealList | PageKind::DealBoard)
    }
}

/// What a URL says about the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRef {
    /// The CRM's adapter (`adapter.crm` says which CRM).
    pub adapter: &'static CrmAdapter,
    pub kind: PageKind,
    /// The deal key of a deal record (`sf:acme:0065g00000XyZ12`, `hs:123:456`).
    pub key: Option<String>,
    /// The account the page belongs to (org, portal): list rows' deal keys use it.
    pub account: String,
}

/// Splits `https://host/path?query#frag` into (lowercase host, path). Only `https` counts.
pub(crate) fn host_and_path(url: &str) -> Option<(String, &str)> {
    let rest = url.strip_prefix("https://")?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    Some((host, path))
}

/// Recognises a CRM page from its URL; `None` when the host is no CRM's.
pub fn detect(url: &str) -> Option<PageRef> {
    let (host, path) = host_and_path(url)?;
    let adapter = adapter::for_host(&host)?;
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let (kind, id) = (adapter.page)(&segs);
    let account = (adapter.account)(&host, &segs).unwrap_or_default();
    let key = match (kind, id) {
        (PageKind::DealRecord, Some(id)) if !account.is_empty() => {
            Some(adapter.deal_key(&account, &id))
        }
        _ => None,
    };
    Some(PageRef {
        kind: if kind == PageKind::DealRecord && key.is_none() {
            PageKind::NotADeal
        } else {
            kind
        },
        key,
        account,
        adapter,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_deal_urls_and_nothing_else() {
        let sf = detect(
            "https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view",
        )
        .unwrap();
        assert_eq!(sf.kind, PageKind::DealRecord);
        assert_eq!(sf.key.as_deref(), Some("sf:acme:0065g00000XyZ12"));
        let hs = detect("https://app-eu1.hubspot.com/contacts/123/record/0-3/456/").unwrap();
        assert_eq!(hs.key.as_deref(), Some("hs:123:456"));
        assert_eq!(
            detect("https://acme.lightning.force.com/lightning/r/Contact/0035g00000QwErTy/view")
                .unwrap()
                .kind,
            PageKind::NotADeal
        );
        assert!(
            detect("https://evil.example.com/lightning/r/Opportunity/0065g00000XyZ12/view")
                .is_none()
        );
        assert!(detect("https://app.hubspot.com.evil.com/contacts/1/record/0-3/2").is_none());
        assert!(
            detect("http://app.hubspot.com/contacts/1/record/0-3/2").is_none(),
            "https only"
        );
    }
}
