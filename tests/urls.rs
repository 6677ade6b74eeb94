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
