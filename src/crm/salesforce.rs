//! Salesforce Lightning: where things are on an Opportunity page, and what the raw text means.
//!
//! Provenance strings ("§1 …") refer to docs/crm-dom-notes.md. The fixtures under
//! tests/fixtures/salesforce/ reproduce each selector; change both together.

use super::adapter::{last_segment, part, CrmAdapter};
use super::plan::{
    attr, text, FieldPlan, ListPlan, PagePattern, PairPlan, PartPlan, ReadPlan, TimelinePlan, H, L,
    M,
};
use super::snapshot::Field;
use super::url::PageKind;
use crate::core::model::{Channel, Crm, Direction};

pub const ADAPTER: CrmAdapter = CrmAdapter {
    crm: Crm::Salesforce,
    name: "Salesforce",
    key_prefix: "sf",
    // Every org, sandbox, dev and scratch org (`is_host` narrows these to org hosts).
    match_patterns: &[
        "https://*.lightning.force.com/*",
        "https://*.my.salesforce.com/*",
    ],
    is_host,
    page,
    account,
    row_id,
    plan: PLAN,
    glued_labels: LABELS,
    list_labels: LIST_LABELS,
    channel_of: |item| channel_of(part(item, "kind"), part(item, "icon")),
    direction_of: |channel, item| {
        direction_of(channel, part(item, "header"), part(item, "subject"))
    },
};

/// `<org>.lightning.force.com`, `<org>.my.salesforce.com`, and the sandbox (`acme--qa.sandbox.…`),
/// dev (`x-dev-ed.develop.…`) and scratch forms of both; §1 "Hosts" (H).
fn is_host(host: &str) -> bool {
    let org = host.split('.').next().unwrap_or("");
    let tail = &host[org.len()..];
    let tail = [".sandbox", ".develop", ".scratch"]
        .iter()
        .find_map(|p| tail.strip_prefix(p))
        .unwrap_or(tail);
    !org.is_empty()
        && org.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && (tail == ".lightning.force.com" || tail == ".my.salesforce.com")
}

/// An Opportunity id (key prefix `006`), in its 15- or 18-character form, cut to 15: the
/// 18-character form only adds a case checksum.
fn opportunity_id(s: &str) -> Option<String> {
    ((s.len() == 15 || s.len() == 18)
        && s.starts_with("006")
        && s.chars().all(|c| c.is_ascii_alphanumeric()))
    .then(|| s[..15].to_string())
}

/// `/lightning/r/Opportunity/<id>/view` and the object-less `/lightning/r/<id>/view`; the
/// Opportunity list view and object home.
fn page(segs: &[&str]) -> (PageKind, Option<String>) {
    let record = match segs {
        ["lightning", "r", "Opportunity", id, "view", ..] => Some(*id),
        ["lightning", "r", id, "view", ..] => Some(*id),
        _ => None,
    };
    if let Some(id) = record.and_then(opportunity_id) {
        return (PageKind::DealRecord, Some(id));
    }
    match segs {
        ["lightning", "o", "Opportunity", "list" | "home", ..] => (PageKind::DealList, None),
        _ => (PageKind::NotADeal, None),
    }
}

/// The org: the host's first label (`acme`, `acme--qa1`).
fn account(host: &str, _segs: &[&str]) -> Option<String> {
    host.split('.')
        .next()
        .filter(|org| !org.is_empty())
        .map(str::to_string)
}

/// The row key (a record id) or the id at the end of a record link.
fn row_id(raw: &str) -> Option<String> {
    opportunity_id(last_segment(raw))
}

pub const PLAN: ReadPlan = ReadPlan {
    crm: "salesforce",
    hosts: &[
        // MyDomain, sandbox (`acme--qa.sandbox`), dev org (`x-dev-ed.develop`), scratch and
        // legacy instanced (`na39`) hosts; CRM_DOM_NOTES §1 "Hosts" (H).
        r"^[a-z0-9-]+(\.(sandbox|develop|scratch))?\.lightning\.force\.com$",
        r"^[a-z0-9-]+(\.(sandbox|develop|scratch))?\.my\.salesforce\.com$",
    ],
    pages: &[
        // `/lightning/r/Opportunity/006…/view` and the object-less `/lightning/r/006…/view` (H).
        PagePattern {
            kind: PageKind::DealRecord,
            path: r"^/lightning/r/(Opportunity/)?006[A-Za-z0-9]{12}([A-Za-z0-9]{3})?/view",
        },
        PagePattern {
            kind: PageKind::DealList,
            path: r"^/lightning/o/Opportunity/(list|home)",
        },
    ],
    scope: &[
        text(".windowViewMode-maximized.active.lafPageHost", "standard navigation; §0.3", H),
        text(".oneWorkspace.active", "console apps; §0.3", M),
        text(".windowViewMode-normal", "older orgs; §0.3", M),
    ],
    fields: &[
        FieldPlan {
            field: Field::Name,
            selectors: &[
                text("records-highlights2 [slot=\"primaryField\"] lightning-formatted-text", "UTAM highlights2.primaryFieldContent; §1 field 1a", H),
                text(".slds-page-header__title lightning-formatted-text", "toggl; §1 field 1a", H),
                text("[data-target-selection-name=\"sfdc:RecordField.Opportunity.Name\"] [slot=\"outputField\"]", "§1 primitive 1", H),
                text("h1 .uiOutputText", "legacy Aura (TMetric); §1 field 1d", M),
            ],
        },
        FieldPlan {
            field: Field::Stage,
            selectors: &[
                // Current stage, not the selected tab (.slds-is-active can differ).
                text(".runtime_sales_pathassistantPathAssistant li.slds-path__item.slds-is-current .slds-path__title", "Path assistant (Aura); §1 field 2a", H),
                text("[data-target-selection-name=\"sfdc:RecordField.Opportunity.StageName\"] [slot=\"outputField\"]", "§1 field 2b", H),
                text("records-record-layout-item[field-label=\"Stage\"] [slot=\"outputField\"]", "label fallback; §1 primitive 2", M),
                text("records-highlights-details-item:has(p.slds-text-title[title=\"Stage\"]) p.fieldComponent", "CumulusCI highlights; §1 field 9", H),
            ],
        },
        FieldPlan {
            field: Field::Amount,
            selectors: &[
                text("[data-target-selection-name=\"sfdc:RecordField.Opportunity.Amount\"] [slot=\"outputField\"]", "§1 field 3a", H),
                text("records-record-layout-item[field-label=\"Amount\"] [slot=\"outputField\"]", "Thumbtack; §1 field 3b", H),
                text("records-highlights-details-item:has(p.slds-text-title[title=\"Amount\"]) p.fieldComponent", "§1 field 3c", H),
            ],
        },
        FieldPlan {
            field: Field::CloseDate,
            selectors: &[
                text("[data-target-selection-name=\"sfdc:RecordField.Opportunity.CloseDate\"] [slot=\"outputField\"]", "§1 field 4a", H),
                text("records-record-layout-item[field-label=\"Close Date\"] [slot=\"outputField\"]", "Thumbtack; §1 field 4b", H),
                text("records-highlights-details-item:has(p.slds-text-title[title=\"Close Date\"]) p.fieldComponent", "2022 test; §1 field 4c", H),
            ],
        },
        FieldPlan {
            field: Field::Owner,
            selectors: &[
                // The name sits in force-owner-lookup's native shadow root: the reader descends.
                text("force-owner-lookup a[href*=\"/lightning/r/\"]", "native root seen on Case; §1 field 5a", M),
                text("[data-target-selection-name=\"sfdc:RecordField.Opportunity.OwnerId\"] a[href*=\"/lightning/r/\"]", "§1 field 5a", M),
                text("records-record-layout-item[field-label=\"Opportunity Owner\"] [slot=\"outputField\"]", "Thumbtack; §1 field 5a", M),
                text("records-highlights-details-item:has(p.slds-text-title[title=\"Opportunity Owner\"]) p.fieldComponent", "§1 field 5b", M),
            ],
        },
        FieldPlan {
            field: Field::NextStep,
            selectors: &[
                text("[data-target-selection-name=\"sfdc:RecordField.Opportunity.NextStep\"] [slot=\"outputField\"]", "Playwright test; §1 field 6", M),
                text("records-record-layout-item[field-label=\"Next Step\"] [slot=\"outputField\"]", "§1 field 6", M),
            ],
        },
        FieldPlan {
            field: Field::Contact,
            selectors: &[
                text("[data-target-selection-name=\"sfdc:RecordField.Opportunity.ContactId\"] a[href*=\"/lightning/r/\"]", "§1 field 7b", L),
                // Inside the Contact Roles card's native root: the row flagged Primary. The flag's
                // markup was never captured live; modelled in tests/fixtures/salesforce.
                text("article[aria-label=\"Contact Roles\"] li:has(dt[title=\"Primary\"] + dd[title=\"True\"]) a[href*=\"/lightning/r/003\"]", "Contact Roles card, Primary row; §1 field 7a", L),
                text("article[aria-label=\"Contact Roles\"] a[href*=\"/lightning/r/003\"]", "Contact Roles card, first row; §1 field 7a", L),
                text("a[href*=\"/lightning/r/Contact/\"]", "German extension; §1 field 7c", M),
                text("a[href*=\"/lightning/r/003\"]", "German extension; §1 field 7c", M),
            ],
        },
    ],
    timeline: TimelinePlan {
        containers: &[
            text(".runtime_sales_activitiesActivityTimeline2", "Aura activity timeline; §1 field 8", M),
            text(".runtime_sales_activitiesActivityPanel", "Aura activity panel; §1 field 8", M),
            text("#activityPanelContainer", "older (TMetric); §1 field 8", M),
        ],
        items: &[
            text("li.slds-timeline__item_expandable", "SLDS timeline blueprint; §1 field 8", M),
            text("li.runtime_sales_activitiesActivityTimelineFixedStencil", "Playwright test; §1 field 8", M),
        ],
        parts: &[
            PartPlan {
                part: "kind",
                selectors: &[
                    attr(":scope", "class", "slds-timeline__item_{task|call|email|event}; §1 field 8", M),
                ],
            },
            PartPlan {
                part: "icon",
                selectors: &[attr("[class*=\"slds-icon-standard-\"]", "class", "SLDS icons; §1 field 8", M)],
            },
            PartPlan {
                part: "subject",
                selectors: &[
                    text("a.subjectLink", "Playwright test; §1 field 8", M),
                    text("h3.slds-truncate a", "SLDS blueprint; §1 field 8", M),
                ],
            },
            PartPlan {
                part: "date",
                selectors: &[text(".slds-timeline__date", "SLDS blueprint; §1 field 8", M)],
            },
            PartPlan {
                // "You sent an email to …": the only place direction is readable (L).
                part: "header",
                selectors: &[text(".slds-media__body p.slds-m-horizontal_xx-small", "SLDS sub-line vocabulary; §1 field 8", L)],
            },
            PartPlan {
                part: "body",
                selectors: &[
                    text("article.slds-timeline__item_details", "SLDS blueprint; §1 field 8", M),
                    text(".slds-item--detail", "Playwright test; §1 field 8", M),
                ],
            },
        ],
    },
    list: ListPlan {
        // lst-* list views render every hop in a native shadow root; the reader descends.
        rows: &[
            text("tbody tr[data-row-key-value]", "lst-customized-datatable rows; §1 list views", H),
            text("table[data-aura-class=\"uiVirtualDataTable\"] tbody tr", "older Aura list; §1 list views", M),
        ],
        parts: &[PartPlan {
            part: "id",
            selectors: &[
                attr(":scope", "data-row-key-value", "row key = record id; §1 list views", H),
                attr("a[href*=\"/lightning/r/006\"]", "href", "record link in the name cell; §1 list views", M),
            ],
        }],
        pairs: PairPlan {
            items: &[text("th[data-label], td[data-label]", "cells by column label; §1 list views", M)],
            label: attr(":scope", "data-label", "§1 list views", M),
            value: text(":scope", "§1 list views", M),
        },
    },
};

/// List columns (`data-label`) → deal fields.
pub const LIST_LABELS: &[(&str, Field)] = &[
    ("Opportunity Name", Field::Name),
    ("Stage", Field::Stage),
    ("Amount", Field::Amount),
    ("Close Date", Field::CloseDate),
    ("Opportunity Owner", Field::Owner),
    ("Owner Full Name", Field::Owner),
    ("Next Step", Field::NextStep),
];

/// Owner and other values sometimes arrive with their label in front.
pub const LABELS: &[&str] = &[
    "Opportunity Owner",
    "Owner",
    "Next Step",
    "Amount",
    "Close Date",
    "Stage",
];

/// Channel from the item's class list or icon (`slds-timeline__item_email`,
/// `slds-icon-standard-log-a-call`).
pub fn channel_of(kind: &str, icon: &str) -> Option<Channel> {
    let both = format!("{kind} {icon}").to_ascii_lowercase();
    if both.contains("item_email") || both.contains("standard-email") {
        Some(Channel::Email)
    } else if both.contains("item_call") || both.contains("log-a-call") {
        Some(Channel::Call)
    } else if both.contains("item_event") || both.contains("standard-event") {
        Some(Channel::Meeting)
    } else if both.contains("item_task") || both.contains("standard-task") {
        Some(Channel::Other)
    } else {
        None
    }
}

/// Direction from the sub-line ("You sent an email to Dana", "Dana sent you an email").
/// Events count as inbound: the buyer showed up. Logged calls are ours unless the subject says
/// the buyer called. Tasks are internal.
pub fn direction_of(channel: Channel, header: &str, subject: &str) -> Direction {
    let h = header.to_ascii_lowercase();
    let s = subject.to_ascii_lowercase();
    match channel {
        Channel::Meeting => Direction::Inbound,
        Channel::Other => Direction::Internal,
        _ if h.contains("sent you") || h.contains(" to you") || h.contains("replied") => {
            Direction::Inbound
        }
        Channel::Call
            if s.contains("inbound") || s.contains("call from") || s.contains("returned") =>
        {
            Direction::Inbound
        }
        _ if h.starts_with("you ") => Direction::Outbound,
        // A sentence that names someone else as the actor ("Dana Whitfield emailed …").
        _ if !h.is_empty() => Direction::Inbound,
        _ => Direction::Outbound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_from_sub_lines() {
        assert_eq!(
            direction_of(Channel::Email, "You sent an email to Dana Whitfield", ""),
            Direction::Outbound
        );
        assert_eq!(
            direction_of(Channel::Email, "Dana Whitfield sent you an email", ""),
            Direction::Inbound
        );
        assert_eq!(
            direction_of(
                Channel::Call,
                "You logged a call with Dana Whitfield",
                "Call"
            ),
            Direction::Outbound
        );
        assert_eq!(
            direction_of(
                Channel::Call,
                "You logged a call with Dana Whitfield",
                "Inbound call: pricing"
            ),
            Direction::Inbound
        );
        assert_eq!(
            direction_of(Channel::Meeting, "You had an event with Dana Whitfield", ""),
            Direction::Inbound
        );
        assert_eq!(
            direction_of(Channel::Other, "You created a task", ""),
            Direction::Internal
        );
    }

    #[test]
    fn channel_from_classes() {
        assert_eq!(
            channel_of(
                "slds-timeline__item_expandable slds-timeline__item_email",
                ""
            ),
            Some(Channel::Email)
        );
        assert_eq!(
            channel_of("x", "slds-icon slds-icon-standard-log-a-call"),
            Some(Channel::Call)
        );
        assert_eq!(channel_of("x", "y"), None);
    }
}
