//! Salesforce Lightning: where things are on an Opportunity page, and what the raw text means.
//!
//! Provenance strings ("§1 …") refer to docs/crm-dom-notes.md. The fixtures under
//! tests/fixtures/salesforce/ reproduce each selector; change both together.

use super::adapter::{last_segment, part, CrmAdapter};
use super::plan::{
    attr, text, ActivityListPlan, FieldPlan, ListPlan, PagePattern, PairPlan, PartPlan, ReadPlan,
    Selector, TimelinePlan, H, L, M,
};
use super::snapshot::Field;
use super::url::{PageKind, UrlParts};
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
    // The record URL Lightning itself links to (tests/urls.json); a 15-character id opens it.
    record_path: |_, id| format!("/lightning/r/Opportunity/{id}/view"),
    plan: PLAN,
    field_labels,
    trailing_words: &[],
    pair_property: |_| None,
    channel_of: |item| {
        if !part(item, "list").is_empty() {
            return tile_channel(part(item, "subject"), part(item, "record"));
        }
        channel_of(
            &format!("{} {}", part(item, "kind"), part(item, "type")),
            part(item, "icon"),
            part(item, "record"),
        )
    },
    direction_of: |channel, item, _| {
        direction_of(
            channel,
            &Subline {
                text: part(item, "header"),
                first_link: part(item, "actor"),
                first_link_href: part(item, "actor_link"),
            },
            part(item, "subject"),
        )
    },
    buyer_of: |item, _| {
        let first = part(item, "actor").trim();
        let inbound_actor = !first.is_empty()
            && part(item, "header").trim().starts_with(first)
            && matches!(key_prefix(part(item, "actor_link")), Some("003" | "00Q"));
        inbound_actor.then(|| first.to_string())
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
fn page(url: &UrlParts) -> (PageKind, Option<String>) {
    let segs = url.segments();
    let record = match segs.as_slice() {
        ["lightning", "r", "Opportunity", id, "view", ..] => Some(*id),
        ["lightning", "r", id, "view", ..] => Some(*id),
        _ => None,
    };
    if let Some(id) = record.and_then(opportunity_id) {
        return (PageKind::DealRecord, Some(id));
    }
    match segs.as_slice() {
        ["lightning", "o", "Opportunity", "list" | "home" | "pipelineInspection", ..] => {
            (PageKind::DealList, None)
        }
        _ => (PageKind::NotADeal, None),
    }
}

/// The org: the host's first label (`acme`, `acme--qa1`).
fn account(url: &UrlParts) -> Option<String> {
    url.host
        .split('.')
        .next()
        .filter(|org| !org.is_empty())
        .map(str::to_string)
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
            query: &[],
        },
        PagePattern {
            kind: PageKind::DealList,
            path: r"^/lightning/o/Opportunity/(list|home|pipelineInspection)",
            query: &[],
        },
    ],
    scope: &[
        text(".windowViewMode-maximized.active.lafPageHost", "standard navigation; §0.3", H),
        // Console apps keep one workspace per tab; only the active one is read.
        text(".oneWorkspace.active", "console apps; §0.3", M),
        text(".windowViewMode-normal", "older orgs; §0.3", M),
    ],
    fields: &[
        FieldPlan {
            field: Field::Name,
            selectors: &[
                // The slotted element is the value itself (UTAM `[slot='primaryField']`; the 2022
                // XPath `h1/slot/lightning-formatted-text`), so no descendant is required.
                text("records-highlights2 >>> [slot=\"primaryField\"]", "UTAM records/highlights2; part 2 §2", H),
                text("record_flexipage-highlights-primary-row >>> [slot=\"primaryField\"]", "UTAM dynamicHighlights2; part 2 §2", H),
                text("[data-target-selection-name=\"sfdc:RecordField.Opportunity.Name\"] <<< records-record-layout-item >>> [slot=\"outputField\"]", "API-name hook, host hop; part 2 §8", H),
                text("records-record-layout-item[field-label=\"{label}\"] >>> [slot=\"outputField\"]", "UTAM recordLayoutItem field-label; localised; part 2 §2", M),
                text("h1 .uiOutputText", "legacy Aura (TMetric); §1 field 1d", M),
            ],
            labels: FIELD_LABELS.name,
        },
        FieldPlan {
            field: Field::Stage,
            selectors: &[
                // Current stage, not the selected tab (.slds-is-active can differ).
                text(".runtime_sales_pathassistantPathAssistant li.slds-path__item.slds-is-current .slds-path__title", "Path assistant (Aura), UTAM pathassistant; part 2 §2", H),
                text("runtime_sales_pathassistant-path-step >>> .slds-is-current .slds-path__title", "LWC Path, UTAM pathStep (split across roots); part 2 §2", L),
                text("[data-target-selection-name=\"sfdc:RecordField.Opportunity.StageName\"] <<< records-record-layout-item >>> [slot=\"outputField\"]", "API-name hook, host hop; part 2 §8", H),
                text("sfa-output-stage-name", "UTAM sfa/outputStageName (StageName's own output component); part 2 §2", H),
                text("records-record-layout-item[field-label=\"{label}\"] >>> [slot=\"outputField\"]", "UTAM field-label; localised; part 2 §2", M),
                text("p.slds-text-title[title=\"{label}\"] <<< records-highlights-details-item >>> p.fieldComponent", "CumulusCI highlights, host hop; §1 field 9", M),
            ],
            labels: FIELD_LABELS.stage,
        },
        FieldPlan {
            field: Field::Amount,
            selectors: &[
                text("[data-target-selection-name=\"sfdc:RecordField.Opportunity.Amount\"] <<< records-record-layout-item >>> [slot=\"outputField\"]", "API-name hook, host hop; part 2 §8", H),
                text("records-record-layout-item[field-label=\"{label}\"] >>> [slot=\"outputField\"]", "UTAM field-label; localised; part 2 §2", M),
                text("p.slds-text-title[title=\"{label}\"] <<< records-highlights-details-item >>> p.fieldComponent", "highlights, host hop; §1 field 3c", M),
            ],
            labels: FIELD_LABELS.amount,
        },
        FieldPlan {
            field: Field::CloseDate,
            selectors: &[
                text("[data-target-selection-name=\"sfdc:RecordField.Opportunity.CloseDate\"] <<< records-record-layout-item >>> [slot=\"outputField\"]", "API-name hook, host hop; part 2 §8", H),
                text("records-record-layout-item[field-label=\"{label}\"] >>> [slot=\"outputField\"]", "UTAM field-label; localised; part 2 §2", M),
                text("p.slds-text-title[title=\"{label}\"] <<< records-highlights-details-item >>> p.fieldComponent", "highlights, host hop; §1 field 4c", M),
            ],
            labels: FIELD_LABELS.close_date,
        },
        FieldPlan {
            field: Field::Owner,
            selectors: &[
                // The name is a light span slotted into records-hoverable-link, three roots below
                // force-owner-lookup (UTAM force/ownerLookup → force/lookup → hoverableLink).
                text("[data-target-selection-name=\"sfdc:RecordField.Opportunity.OwnerId\"] <<< records-record-layout-item >>> records-hoverable-link", "API-name hook, UTAM ownerLookup chain; part 2 §2", H),
                text("force-owner-lookup >>> records-hoverable-link", "UTAM force/ownerLookup; part 2 §2", M),
                text("records-record-layout-item[field-label=\"{label}\"] >>> [slot=\"outputField\"]", "UTAM field-label; localised; part 2 §2", M),
                text("p.slds-text-title[title=\"{label}\"] <<< records-highlights-details-item >>> p.fieldComponent", "highlights, host hop; §1 field 5b", M),
            ],
            labels: FIELD_LABELS.owner,
        },
        FieldPlan {
            field: Field::NextStep,
            selectors: &[
                text("[data-target-selection-name=\"sfdc:RecordField.Opportunity.NextStep\"] <<< records-record-layout-item >>> [slot=\"outputField\"]", "API-name hook, host hop; part 2 §8", M),
                text("records-record-layout-item[field-label=\"{label}\"] >>> [slot=\"outputField\"]", "UTAM field-label; localised; part 2 §2", M),
            ],
            labels: FIELD_LABELS.next_step,
        },
        FieldPlan {
            // Only a contact the page marks as the deal's: otherwise the buyer is taken from the
            // most recent inbound activity (record.rs), never from the first contact link.
            field: Field::Contact,
            selectors: &[
                text("[data-target-selection-name=\"sfdc:RecordField.Opportunity.ContactId\"] <<< records-record-layout-item >>> records-hoverable-link", "API-name hook (rarely on layouts); part 2 §8", L),
                // The Primary flag's markup was never captured live (part 2 §10): modelled.
                text("article[aria-label=\"Contact Roles\"] li:has(dt[title=\"Primary\"] + dd[title=\"True\"]) a[href*=\"/lightning/r/003\"]", "Contact Roles card, Primary row; §1 field 7a", L),
                text("[data-primary=\"true\"] a[href*=\"/lightning/r/003\"]", "Contact Roles, primary row flag; modelled, never captured", L),
                // The same card found by its "View All" link, the Primary flag a check icon.
                text("a[href*=\"/related/OpportunityContactRoles/view\"] <<< article >>> li:has(dt[title=\"Primary\"] + dd lightning-icon) h3 records-hoverable-link", "Contact Roles tile, Primary as a check icon; fixtures-21 EVIDENCE §6", L),
            ],
            labels: &[],
        },
    ],
    date_hints: &[
        // Created By / Last Modified By datetimes (UTAM lists records-modstamp as an output
        // component): a day over 12 there settles the page's day/month order.
        text("records-modstamp", "UTAM recordLayoutItem outputs; part 2 §2, §7", M),
        text("[data-target-selection-name$=\"CreatedById\"] <<< records-record-layout-item >>> [slot=\"outputField\"] lightning-formatted-text", "System Information section; part 2 §7", M),
        text("[data-target-selection-name$=\"LastModifiedById\"] <<< records-record-layout-item >>> [slot=\"outputField\"] lightning-formatted-text", "System Information section; part 2 §7", M),
    ],
    // Contact Roles names are read for the record only through the primary flag above; the
    // timeline's sub-line links name the buyer by id, so no name list is needed here.
    contacts: &[],
    timeline: TimelinePlan {
        containers: &[
            text("div.skip-timeline-wrapper", "UTAM activityTimelineFixedLayout; part 2 §1.1", H),
            text(".runtime_sales_activitiesActivityTimeline2", "Aura activity timeline; §1 field 8", M),
            text(".runtime_sales_activitiesActivityPanel", "Aura activity panel; §1 field 8", M),
            text("#activityPanelContainer", "older (TMetric); §1 field 8", M),
        ],
        items: &[
            text("li.runtime_sales_activitiesActivityTimelineFixedStencil", "UTAM activityTimelineFixedStencil, Playwright test; part 2 §1.1", H),
            text("li.slds-timeline__item_expandable", "SLDS timeline blueprint (class on the li); part 2 §1.4", L),
        ],
        parts: &[
            PartPlan {
                // `row EmailMessage|Task|Event runtime_sales_…`: the sObject is a class token.
                part: "kind",
                selectors: &[attr(":scope", "class", "li class tokens; part 2 §1.1", H)],
            },
            PartPlan {
                part: "type",
                selectors: &[attr("[class*=\"slds-timeline__item_\"]", "class", "SLDS blueprint, inner div; part 2 §1.4", M)],
            },
            PartPlan {
                part: "icon",
                selectors: &[attr("[class*=\"slds-icon-standard-\"]", "class", "SLDS icons; part 2 §1.4", M)],
            },
            PartPlan {
                part: "subject",
                selectors: &[
                    text("a.subjectLink", "Playwright test; part 2 §1.3", M),
                    attr("a[title][href*=\"/lightning/r/\"]", "title", "live export; part 2 §1.2", M),
                    text("h3.slds-truncate a", "SLDS blueprint; part 2 §1.4", M),
                ],
            },
            PartPlan {
                // The record's id: its key prefix names the type (02s email, 00T task, 00U event).
                part: "record",
                selectors: &[
                    attr("a.subjectLink", "href", "subject link; part 2 §1.3", M),
                    attr("a[title][href*=\"/lightning/r/\"]", "href", "live export; part 2 §1.2", M),
                    attr("input[id$=\"inputCheckbox\"]", "id", "task checkbox id; part 2 §1.2", M),
                ],
            },
            PartPlan {
                part: "date",
                selectors: &[
                    text(".dueDate", "UTAM dueDate; part 2 §1.1", H),
                    text(".slds-timeline__date", "SLDS blueprint; part 2 §1.4", L),
                    // Activity list tiles: the value after the "Due Date" (events: "Date")
                    // label, in the languages we know; never "Last Modified Date/Time".
                    text("dt[title=\"Due Date\"] + dd", "activity list tile; fixtures-21 EVIDENCE §6, field label H, tile L", L),
                    text("dt[title=\"Date\"] + dd", "activity list tile (events); fixtures-21 EVIDENCE §6", L),
                    text("dt[title=\"Fälligkeitsdatum\"] + dd", "activity list tile, German label; not seen", L),
                    text("dt[title=\"Date d'échéance\"] + dd", "activity list tile, French label; not seen", L),
                    text("dt[title=\"Fecha de vencimiento\"] + dd", "activity list tile, Spanish label; not seen", L),
                ],
            },
            PartPlan {
                // "<a>You</a> emailed <a>Dana</a>": wording unverified (L); read for the English
                // fallback and to check whether the sentence starts with its first link.
                part: "header",
                selectors: &[text(".slds-media__body p.slds-m-horizontal_xx-small", "SLDS sub-line; part 2 §1.4", L)],
            },
            PartPlan {
                // The sub-line's first link: a user (005) or the contact (003) / lead (00Q).
                part: "actor_link",
                selectors: &[attr(".slds-media__body p.slds-m-horizontal_xx-small a[href]", "href", "SLDS sub-line links; part 2 §1.6", L)],
            },
            PartPlan {
                part: "actor",
                selectors: &[text(".slds-media__body p.slds-m-horizontal_xx-small a[href]", "SLDS sub-line links; part 2 §1.6", L)],
            },
            PartPlan {
                // Non-empty when the item sits in "Upcoming & Overdue": not a past touch.
                part: "upcoming",
                selectors: &[attr(":scope <<< .standardTimelineUpcomingActivities", "class", "UTAM upcomingActivities; part 2 §1.1", H)],
            },
            PartPlan {
                // An open task (its checkbox unticked) is not a touch yet.
                part: "open_task",
                selectors: &[attr("input[id$=\"inputCheckbox\"]:not(:checked)", "id", "task checkbox; part 2 §1.2", M)],
            },
            PartPlan {
                part: "body",
                selectors: &[
                    text("article.slds-timeline__item_details", "SLDS blueprint (expanded items only); part 2 §1.4", M),
                    text(".slds-item--detail", "Playwright test; part 2 §1.3", M),
                ],
            },
        ],
        // "Activities view: Related Lists": no timeline; Open Activities and Activity History
        // cards on the Related tab, found by their header and "View All" links
        // (`/related/OpenActivities/view`, `/related/ActivityHistories/view`: a live LEX aria
        // snapshot, M). Their tiles' layout is not observed (L).
        lists: &[
            ActivityListPlan {
                list: "open",
                cards: &[text("a[href*=\"/related/OpenActivities/view\"] <<< article", "related-list links, live LEX snapshot; fixtures-21 EVIDENCE §6", M)],
                count: &[text(".slds-card__header-title", "related-list card header; part 1 §1", M)],
                items: &[text("article.slds-tile", "related-list tiles; fixtures-21 EVIDENCE §6", L)],
            },
            ActivityListPlan {
                list: "history",
                cards: &[text("a[href*=\"/related/ActivityHistories/view\"] <<< article", "related-list links, live LEX snapshot; fixtures-21 EVIDENCE §6", M)],
                count: &[text(".slds-card__header-title", "related-list card header; part 1 §1", M)],
                items: &[text("article.slds-tile", "related-list tiles; fixtures-21 EVIDENCE §6", L)],
            },
        ],
    },
    list: ListPlan {
        // lst-* list views render every hop in a native shadow root; the reader descends.
        rows: &[
            text("tbody tr[data-row-key-value]", "UTAM lightning/datatable; part 2 §4", H),
            text("table[data-aura-class=\"uiVirtualDataTable\"] tbody tr", "older Aura list; §1 list views", M),
            // Kanban: the card's classes carry the Opportunity id (`006… pipelineViewCard`).
            text(".pipelineViewCard", "Kanban card; part 2 §3", M),
        ],
        parts: &[
            PartPlan {
                part: "id",
                selectors: &[
                    attr(":scope[data-row-key-value]", "data-row-key-value", "row key = record id; part 2 §4", H),
                    attr(":scope.pipelineViewCard", "class", "Kanban card id token; part 2 §3", M),
                    attr("a[href*=\"/lightning/r/006\"]", "href", "record link in the name cell; part 2 §4", M),
                ],
            },
            PartPlan {
                part: "name",
                selectors: &[text(".primaryDisplayField a", "Kanban card name; part 2 §3", M)],
            },
            PartPlan {
                part: "stage",
                selectors: &[Selector {
                    css: ".stageHeaderLabel",
                    closest: Some(".runtime_sales_pipelineboardPipelineViewColumn"),
                    attr: None,
                    seen: "Kanban column header; part 2 §3",
                    confidence: M,
                }],
            },
            PartPlan {
                part: "amount",
                selectors: &[
                    text(".sfaOpportunityDealMotionAmount", "Kanban card amount; part 2 §3", M),
                ],
            },
            PartPlan {
                part: "close_date",
                selectors: &[text(".sfaOpportunityDealMotionCloseDate .uiOutputDate", "Kanban card close date; part 2 §3", M)],
            },
        ],
        pairs: &[PairPlan {
            split: None,
            items: &[text("th[data-label], td[data-label]", "cells by column label (localised); part 2 §4", H)],
            label: attr(":scope", "data-label", "part 2 §4", H),
            value: text(":scope", "part 2 §4", H),
        }],
    },
};

/// Field labels per language, for the label fallbacks and list columns. English from the
/// standard layout (H); German and French from report exports (part 2 §8, M); Spanish, Dutch and
/// Japanese are Salesforce's standard translations as we know them (L: not seen on a page).
pub struct FieldLabels {
    pub name: &'static [&'static str],
    pub stage: &'static [&'static str],
    pub amount: &'static [&'static str],
    pub close_date: &'static [&'static str],
    pub owner: &'static [&'static str],
    pub next_step: &'static [&'static str],
}

pub const FIELD_LABELS: FieldLabels = FieldLabels {
    //      en                    de                    fr                              es                          nl                       ja
    name: &[
        "Opportunity Name",
        "Opportunity-Name",
        "Nom de l'opportunité",
        "Nombre de la oportunidad",
        "Naam opportunity",
        "商談名",
    ],
    stage: &[
        "Stage",
        "Phase",
        "Verkaufsphase",
        "Étape",
        "Etape",
        "Etapa",
        "Fase",
        "フェーズ",
    ],
    amount: &["Amount", "Betrag", "Montant", "Importe", "Bedrag", "金額"],
    close_date: &[
        "Close Date",
        "Schlusstermin",
        "Date de clôture",
        "Fecha de cierre",
        "Sluitingsdatum",
        "完了予定日",
    ],
    owner: &[
        "Opportunity Owner",
        "Opportunity-Inhaber",
        "Propriétaire de l'opportunité",
        "Propietario de oportunidad",
        "Eigenaar opportunity",
        "商談 所有者",
        "Owner Full Name",
    ],
    next_step: &[
        "Next Step",
        "Nächster Schritt",
        "Étape suivante",
        "Paso siguiente",
        "Volgende stap",
        "ネクストステップ",
    ],
};

fn field_labels(field: Field) -> &'static [&'static str] {
    match field {
        Field::Name => FIELD_LABELS.name,
        Field::Stage => FIELD_LABELS.stage,
        Field::Amount => FIELD_LABELS.amount,
        Field::CloseDate => FIELD_LABELS.close_date,
        Field::Owner => FIELD_LABELS.owner,
        Field::NextStep => FIELD_LABELS.next_step,
        Field::Contact => &[],
    }
}

/// The key prefix of the record a link or id points at (`/lightning/r/02s…/view` → `02s`,
/// `00T…inputCheckbox` → `00T`): the first path segment that starts with a 15- or 18-character
/// record id.
fn key_prefix(href_or_id: &str) -> Option<&str> {
    href_or_id.split('/').find_map(|seg| {
        let id_len = seg
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        (id_len >= 15 && seg.chars().take(3).any(|c| c.is_ascii_digit())).then(|| &seg[..3])
    })
}

/// Channel from, in order: the item's sObject class token (`EmailMessage`, `Event`, `Task`)
/// and SLDS type classes, the icon class, the record id's key prefix (`02s` email, `00U` event,
/// `00T` task). A Task is a call when its icon or type says so, otherwise internal work.
pub fn channel_of(classes: &str, icon: &str, record: &str) -> Option<Channel> {
    let tokens: Vec<&str> = classes.split_whitespace().collect();
    let has = |t: &str| tokens.contains(&t);
    let looks = |needle: &str| classes.contains(needle) || icon.contains(needle);
    let call = looks("item_call") || looks("log-a-call") || looks("standard-call");
    if has("EmailMessage") || looks("item_email") || looks("standard-email") {
        return Some(Channel::Email);
    }
    if has("Event") || looks("item_event") || looks("standard-event") {
        return Some(Channel::Meeting);
    }
    if call {
        return Some(Channel::Call);
    }
    if has("Task") || looks("item_task") || looks("standard-task") {
        return Some(Channel::Other);
    }
    match key_prefix(record) {
        Some("02s") => Some(Channel::Email),
        Some("00U") => Some(Channel::Meeting),
        Some("00T") => Some(Channel::Other),
        _ => None,
    }
}

/// How a logged email's Task subject starts ("Email: Re: MSA redlines"), per language (the
/// English convention of Salesforce's email logging, L: not verified; the others L).
const EMAIL_SUBJECT_PREFIXES: &[&str] = &["email:", "e-mail:", "e-mail :", "courriel :", "correo:"];

/// A logged call's default Task subject ("Call", "Call with Grace — …"), per language (L).
const CALL_SUBJECT_WORDS: &[&str] = &["call", "anruf", "appel", "llamada", "chamada", "chiamata"];

/// An activity-list tile's type, which has no class or icon to say it: an event (`00U`) is a
/// meeting; a task (`00T`) whose subject is a logged email's or a call's is that, else a task.
pub fn tile_channel(subject: &str, record: &str) -> Option<Channel> {
    let s = subject.trim().to_lowercase();
    let first_word = s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    match key_prefix(record) {
        Some("00U") => Some(Channel::Meeting),
        Some("02s") => Some(Channel::Email),
        Some("00T") if EMAIL_SUBJECT_PREFIXES.iter().any(|p| s.starts_with(p)) => {
            Some(Channel::Email)
        }
        Some("00T") if CALL_SUBJECT_WORDS.contains(&first_word) => Some(Channel::Call),
        Some("00T") => Some(Channel::Other),
        _ => None,
    }
}

/// A timeline item's sub-line: its text and its first link.
pub struct Subline<'a> {
    pub text: &'a str,
    pub first_link: &'a str,
    pub first_link_href: &'a str,
}

/// Direction, without depending on the language where the page allows it. When the sub-line
/// starts with a link, that link is the actor (the SLDS blueprint's `<a>You</a> emailed
/// <a>Dana</a>`): a user (`005`) is the rep's side, a contact (`003`) or lead (`00Q`) the buyer.
/// Otherwise English wording; events count as inbound (the buyer attended) and tasks as
/// internal. `None` when nothing says who acted.
pub fn direction_of(channel: Channel, line: &Subline, subject: &str) -> Option<Direction> {
    match channel {
        Channel::Meeting => return Some(Direction::Inbound),
        Channel::Other => return Some(Direction::Internal),
        _ => {}
    }
    let text = line.text.trim();
    let link = line.first_link.trim();
    if !link.is_empty() && text.starts_with(link) {
        match key_prefix(line.first_link_href) {
            Some("005") => return Some(Direction::Outbound),
            Some("003" | "00Q") => return Some(Direction::Inbound),
            _ => {}
        }
    }
    let h = text.to_lowercase();
    let s = subject.to_lowercase();
    if h.contains("sent you") || h.contains(" to you") || h.contains("replied") {
        return Some(Direction::Inbound);
    }
    if channel == Channel::Call
        && (s.contains("inbound") || s.contains("call from") || s.contains("returned"))
    {
        return Some(Direction::Inbound);
    }
    if h.starts_with("you ") {
        return Some(Direction::Outbound);
    }
    // No sub-line, or one we cannot read: who called or wrote is not guessed (a logged call
    // may be the buyer's call the rep took; an activity list's tile never says).
    None
}

/// The Opportunity id among a Kanban card's class tokens (`006… pipelineViewCard uiDraggable`),
/// a row key, or a record link.
fn row_id(raw: &str) -> Option<String> {
    raw.split_whitespace()
        .find_map(opportunity_id)
        .or_else(|| opportunity_id(last_segment(raw)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line<'a>(text: &'a str, first_link: &'a str, href: &'a str) -> Subline<'a> {
        Subline {
            text,
            first_link,
            first_link_href: href,
        }
    }

    #[test]
    fn direction_from_the_actor_link_in_any_language() {
        let rep = "/lightning/r/0055g00000J7rEyAAJ/view";
        let buyer = "/lightning/r/0035g00000Dn4WhAAJ/view";
        // The same structure in English, German and Japanese: only the link decides.
        for (text, first, href, want) in [
            (
                "You emailed Dana Whitfield",
                "You",
                rep,
                Direction::Outbound,
            ),
            (
                "Sie haben Dana Whitfield eine E-Mail gesendet",
                "Sie",
                rep,
                Direction::Outbound,
            ),
            (
                "Dana Whitfield hat Ihnen eine E-Mail gesendet",
                "Dana Whitfield",
                buyer,
                Direction::Inbound,
            ),
            (
                "Dana Whitfield さんがメールを送信しました",
                "Dana Whitfield",
                buyer,
                Direction::Inbound,
            ),
        ] {
            assert_eq!(
                direction_of(Channel::Email, &line(text, first, href), ""),
                Some(want),
                "{text}"
            );
        }
        // Near-miss: a sentence that does not start with its link ("You sent an email to
        // <a>Dana</a>") names the recipient first, not the actor.
        assert_eq!(
            direction_of(
                Channel::Email,
                &line(
                    "You sent an email to Dana Whitfield",
                    "Dana Whitfield",
                    buyer
                ),
                ""
            ),
            Some(Direction::Outbound)
        );
        // Nothing to go on: not guessed.
        assert_eq!(
            direction_of(Channel::Email, &line("Dana Whitfield: RE", "", ""), ""),
            None
        );
        assert_eq!(direction_of(Channel::Email, &line("", "", ""), ""), None);
    }

    #[test]
    fn direction_from_english_sub_lines() {
        let d = |c, h: &str, s: &str| direction_of(c, &line(h, "", ""), s);
        assert_eq!(
            d(Channel::Email, "Dana Whitfield sent you an email", ""),
            Some(Direction::Inbound)
        );
        assert_eq!(
            d(
                Channel::Call,
                "You logged a call with Dana Whitfield",
                "Call"
            ),
            Some(Direction::Outbound)
        );
        assert_eq!(
            d(
                Channel::Call,
                "You logged a call with Dana",
                "Inbound call: pricing"
            ),
            Some(Direction::Inbound)
        );
        assert_eq!(
            d(Channel::Meeting, "You had an event with Dana Whitfield", ""),
            Some(Direction::Inbound)
        );
        assert_eq!(
            d(Channel::Other, "You created a task", ""),
            Some(Direction::Internal)
        );
    }

    #[test]
    fn channel_from_sobject_tokens_icons_and_key_prefixes() {
        let stencil = "runtime_sales_activitiesActivityTimelineFixedStencil";
        assert_eq!(
            channel_of(&format!("row EmailMessage {stencil}"), "", ""),
            Some(Channel::Email)
        );
        assert_eq!(
            channel_of(&format!("row Event {stencil}"), "", ""),
            Some(Channel::Meeting)
        );
        assert_eq!(
            channel_of(
                &format!("row Task {stencil}"),
                "slds-icon-standard-log-a-call",
                ""
            ),
            Some(Channel::Call)
        );
        assert_eq!(
            channel_of(
                &format!("row Task {stencil}"),
                "slds-icon-standard-task",
                ""
            ),
            Some(Channel::Other)
        );
        assert_eq!(
            channel_of(
                "slds-timeline__item_expandable slds-timeline__item_email",
                "",
                ""
            ),
            Some(Channel::Email)
        );
        assert_eq!(
            channel_of("x", "", "/lightning/r/02s5g00000Wq1A4AAJ/view"),
            Some(Channel::Email)
        );
        assert_eq!(
            channel_of("x", "", "00U5g00000Wq1A4AAJ"),
            Some(Channel::Meeting)
        );
        // Near-misses: a class that merely contains "Event" or "Task" is not the token.
        assert_eq!(channel_of("row EventLog TaskList", "", ""), None);
        assert_eq!(
            channel_of("x", "y", "/lightning/r/0015g00000Nw7LgAAJ/view"),
            None
        );
    }

    #[test]
    fn kanban_card_ids_come_from_the_class_tokens() {
        assert_eq!(
            row_id("006Ts00000V5K5tIAF pipelineViewCard uiDraggable").as_deref(),
            Some("006Ts00000V5K5t")
        );
        assert_eq!(
            row_id("/lightning/r/Opportunity/0065g00000XyZ12AAB/view").as_deref(),
            Some("0065g00000XyZ12")
        );
        assert_eq!(row_id("pipelineViewCard uiDraggable"), None);
    }

    #[test]
    fn activity_list_tiles_are_typed_by_record_and_subject() {
        let task = "/lightning/r/00T3h00000Qa1FfAAJ/view";
        let event = "/lightning/r/00U3h00000Ze6HjAAJ/view";
        assert_eq!(
            tile_channel("Email: Re: MSA redlines", task),
            Some(Channel::Email)
        );
        assert_eq!(tile_channel("Call", task), Some(Channel::Call));
        assert_eq!(
            tile_channel("Call with Grace — discovery follow-up", task),
            Some(Channel::Call)
        );
        assert_eq!(tile_channel("Anruf: Rückfrage", task), Some(Channel::Call));
        assert_eq!(
            tile_channel("Pricing review with procurement", event),
            Some(Channel::Meeting)
        );
        assert_eq!(
            tile_channel("Send MSA to legal", task),
            Some(Channel::Other)
        );
        // Near-misses: a word that only starts like "call", an email word inside a subject.
        assert_eq!(
            tile_channel("Callback list for Q3", task),
            Some(Channel::Other)
        );
        assert_eq!(
            tile_channel("Draft the email to legal", task),
            Some(Channel::Other)
        );
        assert_eq!(
            tile_channel("Email: x", "/lightning/r/Opportunity/x/view"),
            None
        );
        // Neither an email tile nor a call tile says who acted.
        let none = line("", "", "");
        assert_eq!(
            direction_of(Channel::Email, &none, "Email: Re: MSA redlines"),
            None
        );
        assert_eq!(direction_of(Channel::Call, &none, "Call"), None);
        assert_eq!(
            direction_of(Channel::Call, &none, "Inbound call from Grace"),
            Some(Direction::Inbound)
        );
    }
}
