//! The Rust URL reader agrees with the shared URL table (tests/urls.json), which the content
//! script's read-plan regexes are tested against too.

use stallwatch::crm::{detect, PageKind};

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
                let kind = match got.kind {
                    PageKind::DealRecord => Some("deal_record"),
                    PageKind::DealList => Some("deal_list"),
                    PageKind::DealBoard => Some("deal_board"),
                    PageKind::NotADeal => None,
                };
                assert_eq!(kind, want_kind, "{url}");
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
    let host = u.split(['/', '?', '#']).next().unwrap_or("");
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
