//! HubSpot: where things are on a deal record (object type 0-3), and what the raw text means.
//!
//! HubSpot is React with no shadow DOM; class names are build hashes, so every selector uses
//! `data-test-id` / `data-selenium-test`, and both attributes are queried for each hook because
//! HubSpot is migrating between them. Provenance ("§2 …") refers to docs/crm-dom-notes.md.

use super::adapter::{last_segment, part, CrmAdapter};
use super::plan::{
    attr, text, text_in_closest, FieldPlan, ListPlan, PagePattern, PairPlan, PartPlan, ReadPlan,
    TimelinePlan, H, L, M,
};
use super::snapshot::Field;
use super::url::PageKind;
use crate::core::model::{Channel, Crm, Direction};

pub const ADAPTER: CrmAdapter = CrmAdapter {
    crm: Crm::Hubspot,
    name: "HubSpot",
    key_prefix: "hs",
    match_patterns: &[
        "https://app.hubspot.com/*",
        "https://app-eu1.hubspot.com/*",
        "https://app-na1.hubspot.com/*",
        "https://app-na2.hubspot.com/*",
        "https://app-na3.hubspot.com/*",
        "https://app-ap1.hubspot.com/*",
    ],
    is_host,
    page,
    account,
    row_id,
    plan: PLAN,
    glued_labels: LABELS,
    list_labels: LIST_LABELS,
    channel_of: |item| channel_of(part(item, "kind"), part(item, "header")),
    direction_of: |channel, item| direction_of(channel, part(item, "header")),
};

/// The app hosts: the US data centre and the regional ones seen in portals' URLs
/// (docs/crm-dom-notes.md §2 "Hosts", H). Named one by one, not `*.hubspot.com`, so the
/// extension never runs on HubSpot's marketing, knowledge or developer sites. A new data centre
/// is one line here and one in `match_patterns` (a test keeps them equal).
const APP_HOSTS: &[&str] = &[
    "app.hubspot.com",
    "app-eu1.hubspot.com",
    "app-na1.hubspot.com",
    "app-na2.hubspot.com",
    "app-na3.hubspot.com",
    "app-ap1.hubspot.com",
];

fn is_host(host: &str) -> bool {
    APP_HOSTS.contains(&host)
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// `/contacts/<portal>/record/0-3/<deal>` (and the older `/contacts/<portal>/deal/<deal>`);
/// lists and boards are `/contacts/<portal>/objects/0-3/views/<view>/list|board`.
fn page(segs: &[&str]) -> (PageKind, Option<String>) {
    match segs {
        ["contacts", portal, "record", "0-3", deal, ..]
        | ["contacts", portal, "deal", deal, ..]
            if is_digits(portal) && is_digits(deal) =>
        {
            (PageKind::DealRecord, Some(deal.to_string()))
        }
        ["contacts", portal, "objects", "0-3", "views", _, view, ..] if is_digits(portal) => {
            match *view {
                "list" => (PageKind::DealList, None),
                "board" => (PageKind::DealBoard, None),
                _ => (PageKind::NotADeal, None),
            }
        }
        _ => (PageKind::NotADeal, None),
    }
}

/// The portal id, the path's second segment.
fn account(_host: &str, segs: &[&str]) -> Option<String> {
    match segs {
        ["contacts", portal, ..] if is_digits(portal) => Some(portal.to_string()),
        _ => None,
    }
}

/// A deal id, or the id at the end of a record link.
fn row_id(raw: &str) -> Option<String> {
    let id = last_segment(raw);
    is_digits(id).then(|| id.to_string())
}

pub const PLAN: ReadPlan = ReadPlan {
    crm: "hubspot",
    hosts: &[
        // APP_HOSTS, as a regex (tests/urls.json keeps the two equal).
        r"^app(-(eu1|na1|na2|na3|ap1))?\.hubspot\.com$",
    ],
    pages: &[
        PagePattern {
            kind: PageKind::DealRecord,
            path: r"^/contacts/[0-9]+/(record/0-3|deal)/[0-9]+",
        },
        PagePattern {
            kind: PageKind::DealList,
            path: r"^/contacts/[0-9]+/objects/0-3/views/[^/]+/list",
        },
        PagePattern {
            kind: PageKind::DealBoard,
            path: r"^/contacts/[0-9]+/objects/0-3/views/[^/]+/board",
        },
    ],
    // No cached pages to tell apart; read the document (selectors are scoped by container).
    scope: &[],
    fields: &[
        FieldPlan {
            field: Field::Name,
            selectors: &[
                text("[data-test-id=\"highlight-property-display-dealname\"]", "2025-26 scraper; §2 field 1a", H),
                text("[data-selenium-test=\"highlightTitle\"]", "Clockify, toggl; §2 field 1b", H),
                text("[data-test-id=\"record-highlight-title\"]", "§2 field 1c", M),
                text("[data-test-id=\"highlight-record-label\"]", "§2 field 1c", M),
                text("div[data-selenium-test=\"deal-highlight-details\"] h3", "2023; §2 field 1d", M),
            ],
        },
        FieldPlan {
            field: Field::Stage,
            selectors: &[
                text("[data-test-id=\"highlight-property-display-dealstage\"]", "§2 field 2a", M),
                text("[data-selenium-test=\"property-input-dealstage\"]", "2020-2026, many; §2 field 2b", H),
                text("[data-test-id=\"property-input-dealstage\"]", "§2 field 2b", H),
                text("[data-test-id=\"deal-stage-select\"] button", "§2 field 2c", M),
            ],
        },
        FieldPlan {
            field: Field::Amount,
            selectors: &[
                text("[data-test-id=\"highlight-property-display-amount\"]", "§2 field 3a", M),
                text("[data-selenium-test=\"property-input-amount\"]", "§2 field 3b", M),
                text("[data-test-id=\"property-input-amount\"]", "§2 field 3b", M),
                text("[data-selenium-test=\"currency-component-loaded\"]", "older; §2 field 3c", M),
            ],
        },
        FieldPlan {
            field: Field::CloseDate,
            selectors: &[
                text("[data-test-id=\"highlight-property-display-closedate\"]", "inferred from the grammar; §2 field 4a", L),
                text("[data-selenium-test=\"property-input-closedate\"]", "2020 form; §2 field 4b", M),
                text("[data-test-id=\"property-input-closedate\"]", "§2 field 4b", M),
                attr("[data-selenium-test=\"DealHighlightDetailsCloseDateInput\"]", "value", "2021-23; §2 field 4c", M),
                text("[data-property-name=\"closedate\"]", "§2 field 4d", M),
            ],
        },
        FieldPlan {
            field: Field::Owner,
            selectors: &[
                text("[data-test-id=\"highlight-property-display-hubspot_owner_id\"]", "inferred; §2 field 5c", L),
                // Bare text with the label in front ("Deal owner Priya …"); LABELS strips it.
                text("span[data-test-id=\"hubspot_owner_id\"]", "pt-BR scraper; §2 field 5a", M),
                text("[data-selenium-test=\"property-input-hubspot_owner_id\"] span.private-dropdown__item__label", "2021-23; §2 field 5b", M),
            ],
        },
        FieldPlan {
            field: Field::NextStep,
            selectors: &[
                text("[data-selenium-test=\"property-input-hs_next_step\"]", "inferred; §2 field 6", L),
                text("[data-test-id=\"property-input-hs_next_step\"]", "inferred; §2 field 6", L),
                text("[data-test-id=\"highlight-property-display-hs_next_step\"]", "inferred; §2 field 6", L),
            ],
        },
        FieldPlan {
            field: Field::Contact,
            selectors: &[
                text("[data-test-id=\"card-wrapper-ASSOCIATION_V3/0-1\"] a[href*=\"/record/0-1/\"]", "§2 field 7a", M),
                text("[data-selenium-test=\"contact-chicklet-title-link\"]", "Clockify 2026; §2 field 7b", M),
            ],
        },
    ],
    timeline: TimelinePlan {
        containers: &[text("[data-test-id=\"crm-events-viz-timeline\"]", "§2 field 8", M)],
        items: &[
            text("[data-selenium-test=\"timeline-card\"]", "§2 field 8", M),
            text("[data-test-id=\"timeline-preview-event\"]", "newer preview cards; §2 field 8", M),
        ],
        parts: &[
            PartPlan {
                part: "kind",
                selectors: &[
                    attr(":scope", "data-selenium-event-type", "§2 field 8", M),
                    attr(":scope", "data-event-type", "§2 field 8", M),
                ],
            },
            PartPlan {
                part: "header",
                selectors: &[text("[data-test-id=\"header-message\"]", "§2 field 8 (direction: L)", M)],
            },
            PartPlan {
                part: "date",
                selectors: &[text("[data-test-id=\"event-timestamp\"]", "§2 field 8", M)],
            },
            PartPlan {
                part: "subject",
                selectors: &[text("[data-selenium-test=\"timeline-editable-title\"]", "§2 field 8", M)],
            },
            PartPlan {
                part: "body",
                selectors: &[text("[data-selenium-test=\"timeline-editable-section\"]", "§2 field 8", M)],
            },
        ],
    },
    list: ListPlan {
        rows: &[
            text("[data-test-id=\"cdbc-card\"]", "board card, 2023-25; §2 board", M),
            text("[data-test-id=\"cdb-card\"]", "board card, 2025-26; §2 board", M),
            // List view rows: from the notes' table, not covered by a fixture yet.
            text("[data-test-id=\"framework-data-table\"] tbody tr", "list table; §2 list", M),
        ],
        parts: &[
            PartPlan {
                part: "id",
                selectors: &[
                    attr(":scope", "data-selenium-id", "card's deal id; §2 board", M),
                    attr("a[href*=\"/record/0-3/\"]", "href", "record link; §2 board and list", H),
                ],
            },
            PartPlan {
                part: "name",
                selectors: &[
                    text("[data-test-id=\"cdbc-title\"]", "card title; §2 board", H),
                    text("[data-test-id=\"truncated-object-label\"]", "list name cell; §2 list", H),
                ],
            },
            PartPlan {
                // A card's stage is its column's name.
                part: "stage",
                selectors: &[
                    text_in_closest("[data-test-id=\"cdb-column\"]", "[data-test-id=\"cdb-column-name\"]", "column name; §2 board", H),
                    text("td[data-table-external-id*=\"dealstage\"]", "list stage cell; §2 list", M),
                ],
            },
        ],
        pairs: PairPlan {
            items: &[text("[data-test-id=\"cdbc-property\"]", "card properties; §2 board", M)],
            label: text("[data-test-id=\"cdbc-property-label\"]", "§2 board", M),
            value: text("[data-test-id=\"cdbc-property-value\"]", "§2 board", M),
        },
    },
};

/// Card property labels → deal fields (as configured on the board; trailing colons ignored).
pub const LIST_LABELS: &[(&str, Field)] = &[
    ("Amount", Field::Amount),
    ("Close date", Field::CloseDate),
    ("Deal owner", Field::Owner),
    ("Next step", Field::NextStep),
    ("Deal stage", Field::Stage),
];

/// Labels that arrive glued to values (the owner span holds its label), in the locales seen.
pub const LABELS: &[&str] = &[
    "Deal owner",
    "Proprietário do negócio",
    "Propriétaire de la transaction",
    "Deal-Inhaber",
    "Deal stage",
    "Amount",
    "Close date",
    "Next step",
];

pub fn channel_of(kind: &str, header: &str) -> Option<Channel> {
    let k = kind.to_ascii_uppercase();
    let h = header.to_ascii_lowercase();
    match k.as_str() {
        "EMAIL" | "INCOMING_EMAIL" | "FORWARDED_EMAIL" => Some(Channel::Email),
        "CALL" => Some(Channel::Call),
        "MEETING" => Some(Channel::Meeting),
        "SMS" | "WHATSAPP" | "LINKEDIN_MESSAGE" => Some(Channel::Text),
        "NOTE" | "TASK" => Some(Channel::Other),
        _ if h.contains("email") => Some(Channel::Email),
        _ if h.contains("call") => Some(Channel::Call),
        _ if h.contains("meeting") => Some(Channel::Meeting),
        _ => None,
    }
}

/// Direction from the header message ("Incoming email from …", "Outgoing email to …",
/// "Logged call with …"). Meetings count as inbound: the buyer showed up.
pub fn direction_of(channel: Channel, header: &str) -> Direction {
    let h = header.to_ascii_lowercase();
    match channel {
        Channel::Meeting => Direction::Inbound,
        Channel::Other => Direction::Internal,
        _ if h.contains("incoming")
            || h.contains("inbound")
            || h.contains("replied")
            || h.contains(" from ") =>
        {
            Direction::Inbound
        }
        _ => Direction::Outbound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn match_patterns_name_exactly_the_app_hosts() {
        let from_patterns: Vec<String> = ADAPTER
            .match_patterns
            .iter()
            .map(|p| {
                p.trim_start_matches("https://")
                    .trim_end_matches("/*")
                    .to_string()
            })
            .collect();
        assert_eq!(from_patterns, APP_HOSTS);
    }

    #[test]
    fn direction_from_headers() {
        assert_eq!(
            direction_of(Channel::Email, "Incoming email from Marcus Oyelaran"),
            Direction::Inbound
        );
        assert_eq!(
            direction_of(Channel::Email, "Outgoing email to Marcus Oyelaran"),
            Direction::Outbound
        );
        assert_eq!(
            direction_of(Channel::Call, "Logged call with Marcus Oyelaran"),
            Direction::Outbound
        );
        assert_eq!(
            direction_of(Channel::Call, "Inbound call from Marcus"),
            Direction::Inbound
        );
        assert_eq!(
            direction_of(Channel::Meeting, "Meeting with Marcus"),
            Direction::Inbound
        );
        assert_eq!(
            direction_of(Channel::Other, "Note by Priya"),
            Direction::Internal
        );
    }
}
