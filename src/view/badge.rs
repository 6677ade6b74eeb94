//! The badge: what a page shows before the rep opens the card. The content script draws it in
//! the host page (so the score does not wait for the card's frame to start), which is why it
//! carries only the number, its band and fixed words: nothing the rep wrote in their notes and
//! no page text goes into the host page's process through it. The card, in its own frame, says
//! the rest.

use super::copy;
use super::PageView;
use crate::core::store::{Effects, StoreKey, Stored};
use serde::Serialize;

/// The badge of any page, for the content script to draw as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadgeView {
    /// `deal` (a record page, or a page that is not a deal) or `list` (a list or board).
    pub kind: &'static str,
    /// The deal's state (`act`, `wait`, `snoozed`, …) or `list`: for the colours only.
    pub state: String,
    /// `low`, `watch` or `high`; `None` when unscored.
    pub band: Option<String>,
    /// The badge's word ("Stall risk", "Stalling").
    pub brand: &'static str,
    /// The stall risk, the count of stalling deals, or a dash.
    pub number: String,
    /// The accessible name and tooltip: what the number is and what a click does.
    pub label: String,
}

impl PageView {
    /// The badge of this page (the same number and band the card's header shows).
    pub fn badge(&self) -> BadgeView {
        match self {
            PageView::Deal(v) => {
                let band = v.band.map(|b| serde_name(&b));
                let number = score_text(v.score);
                BadgeView {
                    kind: "deal",
                    state: serde_name(&v.state),
                    label: copy::badge_label_deal(&number, band.as_deref()),
                    band,
                    brand: copy::BADGE_DEAL,
                    number,
                }
            }
            PageView::List(v) => BadgeView {
                kind: "list",
                state: "list".to_string(),
                band: Some(if v.stalling > 0 { "high" } else { "low" }.to_string()),
                brand: copy::BADGE_LIST,
                number: v.stalling.to_string(),
                label: copy::badge_label_list(v.stalling),
            },
        }
    }
}

/// A stall risk as shown: the number, or a dash when there is none.
pub fn score_text(score: Option<u8>) -> String {
    score.map_or_else(|| copy::NO_SCORE.to_string(), |s| s.to_string())
}

/// The serde name of an enum value (`high`, `act`), for data attributes and CSS.
pub fn serde_name<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|x| x.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The window corners the badge (and the open card) can sit in; the first is the default:
/// the CRMs' own header controls and record actions are along the top.
pub const CORNERS: [&str; 4] = ["bottom-right", "bottom-left", "top-right", "top-left"];

/// The corner the rep dragged the badge to (kept for every CRM page), or the default.
pub fn corner(stored: &Stored) -> &'static str {
    let chosen = stored
        .get(&StoreKey::OverlayCorner)
        .and_then(|v| v.as_str());
    CORNERS
        .into_iter()
        .find(|c| Some(*c) == chosen)
        .unwrap_or(CORNERS[0])
}

/// What to store when the rep drops the badge in `corner`; nothing for a corner that is none.
pub fn corner_moved(corner: &str) -> Effects {
    if CORNERS.contains(&corner) {
        Effects::setting(StoreKey::OverlayCorner, corner.into())
    } else {
        Effects::none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::Day;
    use crate::crm::snapshot::RawSnapshot;
    use serde_json::{json, Value};

    fn view(url: &str, fields: Value, stored: Value) -> PageView {
        let snap: RawSnapshot = serde_json::from_value(json!({
            "url": url, "title": "t", "fields": fields, "activities": [],
        }))
        .unwrap();
        super::super::page_view(
            &snap,
            &crate::core::store::Stored::from_value(stored),
            Day::from_ymd(2026, 3, 20).unwrap(),
        )
    }

    const RECORD: &str =
        "https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view";

    #[test]
    fn the_badge_shows_the_cards_number_and_band_and_no_note_text() {
        let fields = json!({
            "name": {"value": "Acme renewal"},
            "stage": {"value": "Negotiation"},
            "close_date": {"value": "1/15/2026"},
            "amount": {"value": "$48,000"},
        });
        let stored = json!({"notes:sf:acme:0065g00000XyZ12": {
            "reason": "their CFO Maria wants the audit closed by March",
        }});
        let v = view(RECORD, fields, stored);
        let PageView::Deal(d) = &v else {
            panic!("a deal view")
        };
        let b = v.badge();
        assert_eq!(b.kind, "deal");
        assert_eq!(b.number, score_text(d.score));
        assert!(
            d.score.is_some(),
            "an open deal with a past close date is scored"
        );
        assert_eq!(b.band, d.band.map(|x| serde_name(&x)));
        let shown = serde_json::to_string(&b).unwrap();
        assert!(
            !shown.contains("Maria") && !shown.contains("audit"),
            "{shown}"
        );
        assert!(b.label.contains(&b.number), "{}", b.label);
    }

    #[test]
    fn a_page_that_is_not_a_deal_gets_a_dash() {
        let b = view(
            "https://acme.lightning.force.com/lightning/r/Account/0015g00000AbCdE/view",
            json!({}),
            Value::Null,
        )
        .badge();
        assert_eq!((b.kind, b.number.as_str(), b.band), ("deal", "–", None));
    }

    #[test]
    fn a_list_badge_counts_the_stalling_deals() {
        let b = view(
            "https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent",
            json!({}),
            Value::Null,
        )
        .badge();
        assert_eq!((b.kind, b.number.as_str()), ("list", "0"));
        assert_eq!(b.band.as_deref(), Some("low"));
    }
}
