//! The Rust URL reader agrees with the shared URL table (tests/urls.json), which the content
//! script's read-plan regexes are tested against too.

use stallwatch::core::model::Crm;
use stallwatch::crm::adapter::CrmAdapter;
use stallwatch::crm::plan::{query, ListPlan, PagePattern, ReadPlan, TimelinePlan};
use stallwatch::crm::{detect, detect_in, PageKind, UrlParts};

/// A page kind as the URL table names it (`None`: a CRM page that is not a deal page).
fn kind_name(kind: PageKind) -> Option<&'static str> {
    match kind {
        PageKind::DealRecord => Some("deal_record"),
        PageKind::DealList => Some("deal_list"),
        PageKind::DealBoard => Some("deal_board"),
        PageKind::NotADeal => None,
    }
}

#[test]
fn crm_detect_matches_the_shared_url_table() {
    let table: serde_json::Value =
        serde_json::from_str(include_str!("urls.json")).expect("tests/urls.json is valid JSON");
    let cases = table["cases"].as_array().expect("cases");
    assert!(cases.len() >= 20);
    for case in cases {
        let url = case[0].as_str().unwrap();
        let want_kind = case[1].as_str();
        let want_key = case[2].as_str();
        let got = detect(url);
        match want_kind {
            Some("not_crm") => assert!(got.is_none(), "{url} is not a CRM page: {got:?}"),
            _ => {
                let got = got.unwrap_or_else(|| panic!("{url} should be recognised"));
                assert_eq!(kind_name(got.kind), want_kind, "{url}");
                assert_eq!(got.key.as_deref(), want_key, "{url}");
            }
        }
    }
}

/// Whether a browser match pattern (`https://*.example.com/*`, `https://app.example.com/*`)
/// matches a URL, per the WebExtensions rules for the scheme, host and a `/*` path.
fn pattern_matches(pattern: &str, url: &str) -> bool {
    let (Some(p), Some(u)) = (
        pattern.strip_prefix("https://"),
        url.strip_prefix("https://"),
    ) else {
        return false;
    };
    let (p_host, p_path) = p.split_once('/').unwrap_or((p, ""));
    assert_eq!(p_path, "*", "only whole-site patterns are used: {pattern}");
    // The host follows the authority's last `@` (userinfo) and ends at its port.
    let authority = u.split(['/', '\\', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    match p_host.strip_prefix("*.") {
        Some(domain) => host == domain || host.ends_with(&format!(".{domain}")),
        None => host == p_host,
    }
}

#[test]
fn the_manifest_host_patterns_cover_exactly_the_crm_urls_of_the_table() {
    let table: serde_json::Value = serde_json::from_str(include_str!("urls.json")).unwrap();
    let patterns = stallwatch::crm::adapter::match_patterns();
    assert!(patterns.len() >= 3);
    for case in table["cases"].as_array().unwrap() {
        let url = case[0].as_str().unwrap();
        let is_crm = case[1].as_str() != Some("not_crm");
        let injected = patterns.iter().any(|p| pattern_matches(p, url));
        assert_eq!(
            injected,
            is_crm,
            "{url}: the manifest {} it, the URL table says it is {}a CRM page",
            if injected {
                "matches"
            } else {
                "does not match"
            },
            if is_crm { "" } else { "not " }
        );
    }
}

#[test]
fn the_pattern_matcher_follows_the_browser_rules() {
    assert!(pattern_matches(
        "https://*.lightning.force.com/*",
        "https://acme--qa.sandbox.lightning.force.com/x"
    ));
    assert!(!pattern_matches(
        "https://*.lightning.force.com/*",
        "https://lightning.force.com.evil.example/x"
    ));
    assert!(pattern_matches(
        "https://app.hubspot.com/*",
        "https://app.hubspot.com/contacts"
    ));
    assert!(!pattern_matches(
        "https://app.hubspot.com/*",
        "https://app-eu2.hubspot.com/"
    ));
    assert!(!pattern_matches(
        "https://app.hubspot.com/*",
        "http://app.hubspot.com/"
    ));
    assert!(!pattern_matches(
        "https://*.lightning.force.com/*",
        "https://x.lightning.force.com:x@evil.example/x"
    ));
    assert!(!pattern_matches(
        "https://*.lightning.force.com/*",
        "https://evil.example\\@x.lightning.force.com/x"
    ));
}

#[test]
fn the_record_url_built_from_a_deal_key_opens_that_deal() {
    // The Today queue and remembered list rows open a deal by the URL built from its key: every
    // deal record of the table, rebuilt from its key on its own host, reads back as the same key.
    let table: serde_json::Value = serde_json::from_str(include_str!("urls.json")).unwrap();
    let mut checked = 0;
    for case in table["cases"].as_array().unwrap() {
        let (url, kind, key) = (
            case[0].as_str().unwrap(),
            case[1].as_str(),
            case[2].as_str(),
        );
        let (Some("deal_record"), Some(key)) = (kind, key) else {
            continue;
        };
        let host = url
            .trim_start_matches("https://")
            .split('/')
            .next()
            .unwrap();
        let adapter = stallwatch::crm::adapter::for_host(host).expect("a CRM host");
        let rebuilt = adapter.record_url(host, key).expect("a key of this CRM");
        let again = detect(&rebuilt).unwrap_or_else(|| panic!("{rebuilt} is recognised"));
        assert_eq!(again.kind, PageKind::DealRecord, "{rebuilt}");
        assert_eq!(again.key.as_deref(), Some(key), "{url} → {rebuilt}");
        checked += 1;
    }
    assert!(checked >= 6, "{checked} deal records checked");
}

#[test]
fn urls_that_are_not_plain_https_are_no_crm_page() {
    let table: serde_json::Value = serde_json::from_str(include_str!("urls.json")).unwrap();
    let urls = table["refused"]["urls"].as_array().expect("refused urls");
    assert!(urls.len() >= 8);
    for url in urls {
        let url = url.as_str().unwrap();
        assert!(detect(url).is_none(), "{url} is no CRM page");
    }
}

/// An adapter for a CRM that names its pages in the query string, shaped like Dynamics 365
/// (`main.aspx?pagetype=entityrecord&etn=opportunity&id=<guid>`), registered nowhere: it shows
/// that such a CRM is one module under the adapter contract, in Rust and in its read plan.
static QUERY_ADDRESSED: CrmAdapter = CrmAdapter {
    crm: Crm::Other,
    name: "Example (query-addressed)",
    key_prefix: "ex",
    match_patterns: &["https://*.dynamics.com/*"],
    is_host: |host| {
        let mut labels = host.split('.');
        let (org, crm) = (labels.next().unwrap_or(""), labels.next().unwrap_or(""));
        !org.is_empty()
            && org.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && crm
                .strip_prefix("crm")
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
            && labels.collect::<Vec<_>>() == ["dynamics", "com"]
    },
    page: query_addressed_page,
    account: |url| url.host.split('.').next().map(str::to_string),
    row_id: |_| None,
    record_path: |_, id| format!("/main.aspx?pagetype=entityrecord&etn=opportunity&id={id}"),
    plan: ReadPlan {
        crm: "example_query",
        hosts: &[r"^[a-z0-9-]+\.crm[0-9]*\.dynamics\.com$"],
        pages: &[
            PagePattern {
                kind: PageKind::DealRecord,
                path: r"^/main\.aspx$",
                query: &[
                    query("pagetype", "^entityrecord$"),
                    query("etn", "^opportunity$"),
                    query(
                        "id",
                        r"^\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?$",
                    ),
                ],
            },
            PagePattern {
                kind: PageKind::DealList,
                path: r"^/main\.aspx$",
                query: &[
                    query("pagetype", "^entitylist$"),
                    query("etn", "^opportunity$"),
                ],
            },
        ],
        scope: &[],
        fields: &[],
        date_hints: &[],
        contacts: &[],
        timeline: TimelinePlan {
            containers: &[],
            items: &[],
            parts: &[],
            lists: &[],
        },
        list: ListPlan {
            rows: &[],
            parts: &[],
            pairs: &[],
        },
    },
    field_labels: |_| &[],
    trailing_words: &[],
    pair_property: |_| None,
    channel_of: |_| None,
    direction_of: |_, _, _| None,
    buyer_of: |_, _| None,
};

/// The record form and the list of opportunities, from the query; the record id is the GUID in
/// `id` (braces and case as the URL has them), lowercase.
fn query_addressed_page(url: &UrlParts) -> (PageKind, Option<String>) {
    if url.path != "/main.aspx" || url.query_param("etn").as_deref() != Some("opportunity") {
        return (PageKind::NotADeal, None);
    }
    match url.query_param("pagetype").as_deref() {
        Some("entityrecord") => {
            let id = url.query_param("id").unwrap_or_default();
            let id = id.strip_prefix('{').unwrap_or(&id);
            let id = id.strip_suffix('}').unwrap_or(id);
            let groups: Vec<usize> = id.split('-').map(str::len).collect();
            let guid =
                groups == [8, 4, 4, 4, 12] && id.chars().all(|c| c == '-' || c.is_ascii_hexdigit());
            if guid {
                (PageKind::DealRecord, Some(id.to_ascii_lowercase()))
            } else {
                (PageKind::NotADeal, None)
            }
        }
        Some("entitylist") => (PageKind::DealList, None),
        _ => (PageKind::NotADeal, None),
    }
}

#[test]
fn a_crm_addressed_by_query_string_fits_the_adapter_contract() {
    let table: serde_json::Value = serde_json::from_str(include_str!("urls.json")).unwrap();
    let section = &table["query_addressed"];
    // The plan the JS test classifies with is this adapter's, as the build would ship it.
    let plan = &QUERY_ADDRESSED.plan;
    assert_eq!(
        serde_json::json!({ "crm": plan.crm, "hosts": plan.hosts, "pages": plan.pages }),
        section["plan"]
    );
    let patterns = stallwatch::crm::adapter::match_patterns();
    let cases = section["cases"].as_array().expect("cases");
    assert!(cases.len() >= 10);
    let mut records = 0;
    for case in cases {
        let url = case[0].as_str().unwrap();
        let (want_kind, want_key) = (case[1].as_str(), case[2].as_str());
        // No registered CRM claims it, nor does the manifest.
        assert!(detect(url).is_none(), "{url}: claimed by {:?}", detect(url));
        assert!(!patterns.iter().any(|p| pattern_matches(p, url)), "{url}");
        let got = detect_in(&[&QUERY_ADDRESSED], url);
        if want_kind == Some("not_crm") {
            assert!(got.is_none(), "{url}: {got:?}");
            continue;
        }
        let got = got.unwrap_or_else(|| panic!("{url} should be recognised"));
        assert_eq!(kind_name(got.kind), want_kind, "{url}");
        assert_eq!(got.key.as_deref(), want_key, "{url}");
        // The record URL built from the key (a query, here) reads back as the same deal.
        if let Some(key) = want_key {
            let host = UrlParts::parse(url).unwrap().host;
            let rebuilt = QUERY_ADDRESSED.record_url(&host, key).unwrap();
            let again = detect_in(&[&QUERY_ADDRESSED], &rebuilt).unwrap();
            assert_eq!(again.key.as_deref(), Some(key), "{rebuilt}");
            records += 1;
        }
    }
    assert!(records >= 3);
}
