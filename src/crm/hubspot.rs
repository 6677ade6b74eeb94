//! HubSpot: where things are on a deal record (object type 0-3), and what the raw text means.
//!
//! HubSpot is React with no shadow DOM; class names are build hashes, so every selector uses
//! `data-test-id` / `data-selenium-test`, and both attributes are queried for each hook because
//! HubSpot is migrating between them. Provenance ("§2 …") refers to docs/crm-dom-notes.md.

use super::adapter::People;
use super::adapter::{last_segment, part, CrmAdapter};
use super::plan::{
    attr, text, text_in_closest, FieldPlan, ListPlan, PagePattern, PairPlan, PartPlan, ReadPlan,
    Selector, TimelinePlan, H, L, M,
};
use super::snapshot::Field;
use super::url::{PageKind, UrlParts};
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
    // The deal record URL of HubSpot's current UI (tests/urls.json; 0-3 is the deal object).
    record_path: |portal, id| format!("/contacts/{portal}/record/0-3/{id}"),
    plan: PLAN,
    field_labels,
    // The owner span also holds its "Details" control (pt-BR "Detalhes"; part 2 §5.3).
    trailing_words: &[
        "Details", "Détails", "Detalhes", "Detalles", "Dettagli", "詳細",
    ],
    pair_property,
    channel_of: |item| channel_of(part(item, "kind"), part(item, "header")),
    direction_of: |channel, item, people| {
        direction_of(
            channel,
            &format!("{} {}", part(item, "header"), part(item, "participants")),
            people,
        )
    },
    buyer_of: |item, people| {
        let line =
            format!("{} {}", part(item, "header"), part(item, "participants")).to_lowercase();
        people
            .contacts
            .iter()
            .filter_map(|c| first_as_actor(&line, c).map(|at| (at, c)))
            .min()
            .map(|(_, c)| c.trim().to_string())
    },
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
fn page(url: &UrlParts) -> (PageKind, Option<String>) {
    match url.segments().as_slice() {
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
fn account(url: &UrlParts) -> Option<String> {
    match url.segments().as_slice() {
        ["contacts", portal, ..] if is_digits(portal) => Some(portal.to_string()),
        _ => None,
    }
}

/// A deal id, a table row's `row-<id>`, or the id at the end of a record link.
fn row_id(raw: &str) -> Option<String> {
    let id = raw
        .strip_prefix("row-")
        .unwrap_or_else(|| last_segment(raw));
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
            query: &[],
        },
        PagePattern {
            kind: PageKind::DealList,
            path: r"^/contacts/[0-9]+/objects/0-3/views/[^/]+/list",
            query: &[],
        },
        PagePattern {
            kind: PageKind::DealBoard,
            path: r"^/contacts/[0-9]+/objects/0-3/views/[^/]+/board",
            query: &[],
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
            labels: &[],
        },
        FieldPlan {
            field: Field::Stage,
            selectors: &[
                text("[data-test-id=\"highlight-property-display-dealstage\"]", "§2 field 2a", M),
                text("[data-selenium-test=\"property-input-dealstage\"]", "2020-2026, many; §2 field 2b", H),
                text("[data-test-id=\"property-input-dealstage\"]", "§2 field 2b", H),
                text("[data-test-id=\"deal-stage-select\"] button", "§2 field 2c", M),
            ],
            labels: &[],
        },
        FieldPlan {
            field: Field::Amount,
            selectors: &[
                text("[data-test-id=\"highlight-property-display-amount\"]", "§2 field 3a", M),
                text("[data-selenium-test=\"property-input-amount\"]", "§2 field 3b", M),
                text("[data-test-id=\"property-input-amount\"]", "§2 field 3b", M),
                text("[data-selenium-test=\"currency-component-loaded\"]", "older; §2 field 3c", M),
            ],
            labels: &[],
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
            labels: &[],
        },
        FieldPlan {
            field: Field::Owner,
            selectors: &[
                text("[data-test-id=\"highlight-property-display-hubspot_owner_id\"]", "inferred; §2 field 5c", L),
                // Bare text with the label in front ("Deal owner Priya …"); LABELS strips it.
                text("span[data-test-id=\"hubspot_owner_id\"]", "pt-BR scraper; §2 field 5a", M),
                text("[data-selenium-test=\"property-input-hubspot_owner_id\"] span.private-dropdown__item__label", "2021-23; §2 field 5b", M),
            ],
            labels: &[],
        },
        FieldPlan {
            field: Field::NextStep,
            selectors: &[
                text("[data-selenium-test=\"property-input-hs_next_step\"]", "inferred; §2 field 6", L),
                text("[data-test-id=\"property-input-hs_next_step\"]", "inferred; §2 field 6", L),
                text("[data-test-id=\"highlight-property-display-hs_next_step\"]", "inferred; §2 field 6", L),
            ],
            labels: &[],
        },
        FieldPlan {
            // HubSpot marks no primary contact on the page we could confirm: the buyer is the
            // contact on the most recent inbound activity, or the only associated one
            // (record.rs), never simply the first link.
            field: Field::Contact,
            selectors: &[],
            labels: &[],
        },
    ],
    date_hints: &[
        // Property dates in the user's date format (pt-BR `dd/mm/yyyy`; part 2 §5.3, §7).
        text("[data-test-id=\"property-input-notes_last_contacted\"]", "pt-BR scraper; part 2 §5.3", M),
        text("[data-selenium-test=\"property-input-notes_last_contacted\"]", "pt-BR scraper; part 2 §5.3", M),
        text("[data-test-id=\"property-input-createdate\"]", "property grammar; part 2 §5.3", L),
        text("[data-selenium-test=\"property-input-createdate\"]", "property grammar; part 2 §5.3", L),
    ],
    contacts: &[
        text("[data-test-id=\"card-wrapper-ASSOCIATION_V3/0-1\"] a[href*=\"/record/0-1/\"]", "contacts card; part 2 §5.3", M),
        text("[id=\"card-wrapper-ASSOCIATION_TABLE/0-1\"] a[href*=\"/record/0-1/\"]", "older card id form; part 2 §5.3", M),
        // The same chicklet hook titles the company card: only links to a contact (0-1).
        text("[data-selenium-test=\"contact-chicklet-title-link\"][href*=\"/record/0-1/\"]", "Clockify 2026; §2 field 7b", M),
    ],
    timeline: TimelinePlan {
        containers: &[text("[data-test-id=\"crm-events-viz-timeline\"]", "pt-BR scraper, SysAdminDoc 2026; part 2 §9", H)],
        items: &[
            // One card per activity; the 2025-26 preview UI renders each preview twice (visible
            // and an accessibility copy), so items are the outermost accordions, never previews.
            text("[data-selenium-test=\"timeline-card\"]", "card UI, pt-BR 2025-26; part 2 §5.1", M),
            text("[data-test-id=\"collapsible-event-accordion\"]", "preview UI, French portal 2026; part 2 §5.1", M),
        ],
        parts: &[
            PartPlan {
                part: "kind",
                selectors: &[
                    attr(":scope", "data-selenium-event-type", "card UI; part 2 §5.1", M),
                    attr(":scope", "data-event-type", "card UI; part 2 §5.1", M),
                    attr("[data-selenium-event-type]", "data-selenium-event-type", "card UI; part 2 §5.1", M),
                    // The type as the preview's icon names it: a guess that a real capture must
                    // confirm (fixtures-21 EVIDENCE, L); an unknown word reads as no type.
                    attr("[role=\"img\"][aria-label]", "aria-label", "preview UI type icon; fixtures-21, not observed", L),
                ],
            },
            PartPlan {
                // Card UI: "Incoming email from …"; preview UI: "<Type> - <title> <by whom>",
                // in the UI language.
                part: "header",
                selectors: &[
                    text("[data-test-id=\"header-message\"]", "card UI; part 2 §5.1", M),
                    text("[data-test-id=\"generic-preview-event-header\"]", "preview UI; part 2 §5.1", M),
                ],
            },
            PartPlan {
                // Who was involved ("from X to Y", "avec …"): names decide the direction.
                part: "participants",
                selectors: &[
                    text("[data-measured-element=\"timeline-participant-details-right-content\"]", "round 1 observation; part 2 §5.2", L),
                    text("[data-test-id=\"timeline-preview-event\"] .with", "preview UI fixture; part 2 §5.1", L),
                ],
            },
            PartPlan {
                part: "date",
                selectors: &[
                    text("[data-test-id=\"event-timestamp\"]", "card UI 2025-26; part 2 §9", M),
                    text("[data-test-id=\"timeline-preview-event\"] .when", "preview UI fixture; part 2 §5.1", M),
                ],
            },
            PartPlan {
                part: "subject",
                selectors: &[text("[data-selenium-test=\"timeline-editable-title\"]", "card UI, expanded; part 2 §9", M)],
            },
            PartPlan {
                part: "body",
                selectors: &[
                    text("[data-selenium-test=\"timeline-editable-section\"]", "card UI, expanded; part 2 §9", M),
                    text("[data-test-id=\"rte-content\"]", "ticket scraper 2025-26; part 2 §5.1", M),
                    // Collapsed preview UI: its snippet has no hook of its own, so the visible
                    // preview's whole text (header, time, snippet) stands in for the body.
                    text("[data-test-id=\"timeline-preview-event\"]", "preview UI; snippet unhooked; part 2 §5.1", L),
                ],
            },
            PartPlan {
                // A pinned copy of an activity that is also in the timeline: counted once.
                part: "pinned",
                selectors: &[attr(":scope <<< [data-test-id=\"pinned-activity-section\"]", "data-test-id", "2026 userscript CSS; part 2 §5.1", M)],
            },
        ],
        lists: &[],
    },
    list: ListPlan {
        rows: &[
            text("[data-test-id=\"cdbc-card\"]", "board card, 2023-25; §2 board", M),
            text("[data-test-id=\"cdb-card\"]", "board card, 2025-26; §2 board", M),
            text("tbody tr[data-test-id^=\"row-\"]", "deals table row-<id>; part 2 §6", H),
            text("[data-test-id=\"framework-data-table\"] tbody tr", "deals table; part 2 §6", M),
            // 2026 board: card internals were not seen; a card is taken to be a child of the
            // column body (L) that holds a record link (M).
            text("[data-test-id^=\"framework-data-column-\"] [data-droppable-id] > :has(a[href*=\"/record/0-3/\"])", "2026 board, pt-BR scraper; card box inferred; part 2 §6", L),
        ],
        parts: &[
            PartPlan {
                part: "id",
                selectors: &[
                    attr(":scope", "data-selenium-id", "card's deal id; §2 board", M),
                    attr(":scope[data-test-id^=\"row-\"]", "data-test-id", "table row-<id>; part 2 §6", H),
                    attr("a[href*=\"/record/0-3/\"]", "href", "record link; §2 board and list", H),
                ],
            },
            PartPlan {
                part: "name",
                selectors: &[
                    text("[data-test-id=\"cdbc-title\"]", "card title; §2 board", H),
                    text("[data-test-id=\"truncated-object-label\"]", "list name cell; part 2 §6", H),
                    text("a[href*=\"/record/0-3/\"]", "record link text (2026 board); part 2 §6", L),
                ],
            },
            PartPlan {
                // A card's stage is its column's name.
                part: "stage",
                selectors: &[
                    text_in_closest("[data-test-id=\"cdb-column\"]", "[data-test-id=\"cdb-column-name\"]", "column name, 2023-25; §2 board", H),
                    text_in_closest("[data-test-id^=\"framework-data-column-\"]", "[data-test-id=\"cdb-column-name\"]", "column name, 2026; part 2 §6", M),
                ],
            },
            PartPlan {
                // The column's stage id (`closedwon`): internal, so the same in every language.
                part: "stage_id",
                selectors: &[Selector {
                    css: ":scope",
                    closest: Some("[data-test-id^=\"framework-data-column-\"]"),
                    attr: Some("data-column-id"),
                    seen: "2026 board column id; part 2 §6",
                    confidence: M,
                }],
            },
        ],
        pairs: &[
            PairPlan {
                split: None,
                items: &[text("[data-test-id=\"cdbc-property\"]", "card properties; §2 board", M)],
                label: text("[data-test-id=\"cdbc-property-label\"]", "§2 board", M),
                value: text("[data-test-id=\"cdbc-property-value\"]", "§2 board", M),
            },
            PairPlan {
                // 2026 board cards: unhooked lines "Amount: $9,600" (L: card internals unseen).
                split: Some(": "),
                items: &[text(":scope > :not(:has(a[href*=\"/record/0-3/\"]))", "2026 board card lines; inferred; part 2 §6", L)],
                label: text(":scope", "part 2 §6", L),
                value: text(":scope", "part 2 §6", L),
            },
            PairPlan {
                split: None,
                // `cell-0-3-<property>-<id>`: the cell names its property in every language.
                items: &[text("td[data-table-external-id^=\"cell-0-3-\"]", "deals table cells; part 2 §6", H)],
                label: attr(":scope", "data-table-external-id", "part 2 §6", H),
                value: text(":scope", "part 2 §6", H),
            },
        ],
    },
};

/// Property labels per language (board card properties, glued labels). English and the
/// pt-BR owner label were seen (part 2 §5.3, M); the rest are HubSpot's translations as we know
/// them (L: not seen on a page).
fn field_labels(field: Field) -> &'static [&'static str] {
    match field {
        Field::Name => &[
            "Deal name",
            "Deal-Name",
            "Nom de la transaction",
            "Nombre del negocio",
            "Dealnaam",
            "Nome do negócio",
            "取引名",
        ],
        Field::Stage => &[
            "Deal stage",
            "Deal-Phase",
            "Phase de la transaction",
            "Étape de la transaction",
            "Etapa del negocio",
            "Dealfase",
            "Etapa do negócio",
            "取引ステージ",
        ],
        Field::Amount => &[
            "Amount", "Betrag", "Montant", "Importe", "Bedrag", "Valor", "金額",
        ],
        Field::CloseDate => &[
            "Close date",
            "Abschlussdatum",
            "Date de fermeture",
            "Date de clôture",
            "Fecha de cierre",
            "Sluitingsdatum",
            "Data de fechamento",
            "完了日",
        ],
        Field::Owner => &[
            "Deal owner",
            "Deal-Inhaber",
            "Propriétaire de la transaction",
            "Propietario del negocio",
            "Eigenaar deal",
            "Proprietário do negócio",
            "取引担当者",
        ],
        Field::NextStep => &[
            "Next step",
            "Nächster Schritt",
            "Prochaine étape",
            "Siguiente paso",
            "Volgende stap",
            "Próxima etapa",
            "次のステップ",
        ],
        Field::Contact => &[],
    }
}

/// Internal property names → fields (the same in every portal language).
const PROPERTIES: &[(&str, Field)] = &[
    ("dealname", Field::Name),
    ("dealstage", Field::Stage),
    ("amount", Field::Amount),
    ("closedate", Field::CloseDate),
    ("hubspot_owner_id", Field::Owner),
    ("hs_next_step", Field::NextStep),
];

/// A table cell's `cell-0-3-<property>-<id>` → its field.
fn pair_property(label: &str) -> Option<Field> {
    let rest = label.strip_prefix("cell-0-3-")?;
    let (property, id) = rest.rsplit_once('-')?;
    if !is_digits(id) {
        return None;
    }
    PROPERTIES
        .iter()
        .find(|(p, _)| *p == property)
        .map(|(_, f)| *f)
}

/// Activity type words as the preview UI's header starts ("Appel - Connecté …"), per language
/// (English seen, French from the 2026 portal fixture, M; others L).
const TYPE_WORDS: &[(&str, Channel)] = &[
    ("email", Channel::Email),
    ("e-mail", Channel::Email),
    ("courriel", Channel::Email),
    ("correo", Channel::Email),
    ("call", Channel::Call),
    ("appel", Channel::Call),
    ("anruf", Channel::Call),
    ("llamada", Channel::Call),
    ("gesprek", Channel::Call),
    ("oproep", Channel::Call),
    ("chamada", Channel::Call),
    ("ligação", Channel::Call),
    ("通話", Channel::Call),
    ("meeting", Channel::Meeting),
    ("réunion", Channel::Meeting),
    ("besprechung", Channel::Meeting),
    ("termin", Channel::Meeting),
    ("reunión", Channel::Meeting),
    ("vergadering", Channel::Meeting),
    ("reunião", Channel::Meeting),
    ("ミーティング", Channel::Meeting),
    ("sms", Channel::Text),
    ("whatsapp", Channel::Text),
    ("linkedin", Channel::Text),
    ("note", Channel::Other),
    ("notiz", Channel::Other),
    ("nota", Channel::Other),
    ("notitie", Channel::Other),
    ("メモ", Channel::Other),
    ("task", Channel::Other),
    ("tâche", Channel::Other),
    ("aufgabe", Channel::Other),
    ("tarea", Channel::Other),
    ("taak", Channel::Other),
    ("tarefa", Channel::Other),
    ("タスク", Channel::Other),
];

/// Channel from the card's event type attribute (or the preview's type icon, in any language
/// we know), else the first word of the header in any language we know ("Appel - …", "Email - …"), else English wording anywhere in it.
pub fn channel_of(kind: &str, header: &str) -> Option<Channel> {
    match kind.to_ascii_uppercase().as_str() {
        "EMAIL" | "INCOMING_EMAIL" | "FORWARDED_EMAIL" => return Some(Channel::Email),
        "CALL" => return Some(Channel::Call),
        "MEETING" => return Some(Channel::Meeting),
        "SMS" | "WHATSAPP" | "LINKEDIN_MESSAGE" => return Some(Channel::Text),
        "NOTE" | "TASK" => return Some(Channel::Other),
        _ => {}
    }
    // The preview UI's type icon names the type in the UI language ("E-Mail", "Anruf").
    let k = kind.trim().to_lowercase();
    if let Some((_, c)) = TYPE_WORDS.iter().find(|(w, _)| *w == k) {
        return Some(*c);
    }
    let h = header.trim().to_lowercase();
    let first = h
        .split([' ', ':', '–'])
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if let Some((_, c)) = TYPE_WORDS.iter().find(|(w, _)| *w == first) {
        return Some(*c);
    }
    if h.contains("email") {
        Some(Channel::Email)
    } else if h.contains("call") {
        Some(Channel::Call)
    } else if h.contains("meeting") {
        Some(Channel::Meeting)
    } else {
        None
    }
}

/// Words that put the name after them on the receiving end of an item ("Hannah Price to Tomás
/// Ferreira", "Katrin Vogel an Matthias Brenner", the expanded "To"/"An"/"Cc" rows), per
/// language. The 2025-26 email preview's "<sender> to <recipient>" header was not observed
/// (tests/fixtures/hubspot/EVIDENCE.md "fixtures-21", L); the words are each language's own.
const RECIPIENT_WORDS: &[&str] = &[
    "to", "cc", "bcc", // en
    "an", "kopie", // de
    "à", "cci", // fr
    "a", "para", "cco", // es, it, pt
    "aan", // nl
    "till", "til", // sv, da, nb
    "do", "dw", // pl
];

/// Where a person's name appears in `lowercase_line` as whole words ("Ann" is not in
/// "Annual review"), each position with whether a recipient word stands right before it; none
/// for names too short to tell apart.
fn name_positions<'a>(
    lowercase_line: &'a str,
    name: &str,
) -> impl Iterator<Item = (usize, bool)> + 'a {
    let n = name.trim().to_lowercase();
    let usable = n.chars().count() >= 2;
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let len = n.len();
    let found: Vec<usize> = if usable {
        lowercase_line
            .match_indices(&n)
            .map(|(i, _)| i)
            .filter(|&i| {
                !is_word(lowercase_line[..i].chars().next_back())
                    && !is_word(lowercase_line[i + len..].chars().next())
            })
            .collect()
    } else {
        Vec::new()
    };
    found.into_iter().map(move |i| {
        let before = lowercase_line[..i]
            .trim_end_matches(|c: char| c.is_whitespace() || c == ':')
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        (i, RECIPIENT_WORDS.contains(&before))
    })
}

/// Where `name` first appears as someone who acted, not as a recipient ("to Tomás").
fn first_as_actor(lowercase_line: &str, name: &str) -> Option<usize> {
    name_positions(lowercase_line, name)
        .find(|&(_, recipient)| !recipient)
        .map(|(at, _)| at)
}

/// Direction: the card UI's own words first ("Incoming email from …", "Outgoing email to …");
/// then by identity, whichever known person the header and participant line name first as the
/// one who acted (the deal owner: the rep's side; an associated contact: the buyer), since the
/// preview UI's header names who acted in any language ("… sent by <whom>", "<sender> to
/// <recipient>"). A known person named only as a recipient ("Jane Smith to Tomás") says nothing
/// about who sent it: not guessed. Meetings count as inbound (the buyer showed up), notes and
/// tasks as internal. `None` when nothing says who acted.
pub fn direction_of(channel: Channel, line: &str, people: &People) -> Option<Direction> {
    match channel {
        Channel::Meeting => return Some(Direction::Inbound),
        Channel::Other => return Some(Direction::Internal),
        _ => {}
    }
    let h = line.to_lowercase();
    // The card UI says it outright ("Incoming email from …", "Outgoing email to …", M).
    if h.contains("incoming") || h.contains("inbound") || h.contains("replied") {
        return Some(Direction::Inbound);
    }
    if h.contains("outgoing") || h.contains("logged call") {
        return Some(Direction::Outbound);
    }
    let owner = people.owner.and_then(|o| first_as_actor(&h, o));
    let contact = people
        .contacts
        .iter()
        .filter_map(|c| first_as_actor(&h, c))
        .min();
    match (owner, contact) {
        (Some(o), Some(c)) if o < c => Some(Direction::Outbound),
        (Some(_), Some(_)) | (None, Some(_)) => Some(Direction::Inbound),
        (Some(_), None) => Some(Direction::Outbound),
        (None, None) => None,
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
        let nobody = People::default();
        let d = |c, h: &str| direction_of(c, h, &nobody);
        assert_eq!(
            d(Channel::Email, "Incoming email from Marcus Oyelaran"),
            Some(Direction::Inbound)
        );
        assert_eq!(
            d(Channel::Email, "Outgoing email to Marcus Oyelaran"),
            Some(Direction::Outbound)
        );
        assert_eq!(
            d(Channel::Call, "Logged call with Marcus Oyelaran"),
            Some(Direction::Outbound)
        );
        assert_eq!(
            d(Channel::Call, "Inbound call from Marcus"),
            Some(Direction::Inbound)
        );
        assert_eq!(
            d(Channel::Meeting, "Meeting with Marcus"),
            Some(Direction::Inbound)
        );
        assert_eq!(
            d(Channel::Other, "Note by Priya"),
            Some(Direction::Internal)
        );
        // A French header with no known names: not guessed.
        assert_eq!(d(Channel::Email, "E-mail - Devis révisé"), None);
    }

    #[test]
    fn direction_by_who_is_named_first_in_any_language() {
        let contacts = vec!["Marie Dupont".to_string(), "Luc Martin".to_string()];
        let people = People {
            owner: Some("Aurélien Milano"),
            contacts: &contacts,
        };
        let d = |h: &str| direction_of(Channel::Email, h, &people);
        assert_eq!(
            d("E-mail - Devis révisé de Marie Dupont à Aurélien Milano"),
            Some(Direction::Inbound)
        );
        assert_eq!(
            d("E-mail - Re: devis de Aurélien Milano à Marie Dupont"),
            Some(Direction::Outbound)
        );
        assert_eq!(
            direction_of(
                Channel::Call,
                "Appel - Connecté passé par Aurélien Milano",
                &people
            ),
            Some(Direction::Outbound)
        );
        assert_eq!(
            d("E-Mail - Angebot von Luc Martin"),
            Some(Direction::Inbound)
        );
    }

    #[test]
    fn sender_to_recipient_headers_in_several_languages() {
        let contacts = vec!["Tomás Ferreira".to_string(), "Aisha Karim".to_string()];
        let people = People {
            owner: Some("Hannah Price"),
            contacts: &contacts,
        };
        let d = |h: &str| direction_of(Channel::Email, h, &people);
        assert_eq!(
            d("Hannah Price to Tomás Ferreira"),
            Some(Direction::Outbound)
        );
        assert_eq!(
            d("Tomás Ferreira to Hannah Price"),
            Some(Direction::Inbound)
        );
        assert_eq!(
            d("Tomás Ferreira an Hannah Price"),
            Some(Direction::Inbound)
        );
        assert_eq!(d("Hannah Price à Aisha Karim"), Some(Direction::Outbound));
        // The expanded rows agree with the header; Cc'd people never act.
        assert_eq!(
            d("Tomás Ferreira to Hannah Price From Tomás Ferreira <t@x.example> To Hannah Price <h@y.example> Cc Aisha Karim <a@x.example>"),
            Some(Direction::Inbound)
        );
        // Near-misses: the known person is only the recipient, and the sender is someone the
        // page does not place (a colleague of the rep, or of the buyer): not guessed.
        assert_eq!(d("Jane Smith to Tomás Ferreira"), None);
        assert_eq!(d("Jane Smith to Hannah Price"), None);
        assert_eq!(
            d("Von Jane Smith An: Tomás Ferreira Cc: Hannah Price"),
            None
        );
        // A sender the page names by an unknown name ("Email from …") is not guessed either.
        assert_eq!(d("Email from Jane Smith"), None);
        // The buyer named as acting is the one who wrote, not the one copied.
        let item: crate::crm::snapshot::RawActivity = [
            ("header", "Tomás Ferreira to Hannah Price"),
            ("participants", "Cc Aisha Karim"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(
            (ADAPTER.buyer_of)(&item, &people).as_deref(),
            Some("Tomás Ferreira")
        );
    }

    #[test]
    fn type_from_the_preview_icon_in_any_language() {
        assert_eq!(
            channel_of("Email", "Hannah Price to Tomás"),
            Some(Channel::Email)
        );
        assert_eq!(
            channel_of("E-Mail", "Katrin Vogel an Matthias"),
            Some(Channel::Email)
        );
        assert_eq!(channel_of("Anruf", ""), Some(Channel::Call));
        assert_eq!(channel_of("Notiz", ""), Some(Channel::Other));
        // An icon that names something else (an avatar's person) gives no type.
        assert_eq!(channel_of("Hannah Price", "Hannah Price to Tomás"), None);
    }

    #[test]
    fn channel_from_localised_header_words() {
        assert_eq!(
            channel_of("", "Appel - Connecté passé par Aurélien Milano"),
            Some(Channel::Call)
        );
        assert_eq!(
            channel_of("", "E-mail - Devis révisé"),
            Some(Channel::Email)
        );
        assert_eq!(channel_of("", "Réunion - Démo"), Some(Channel::Meeting));
        assert_eq!(channel_of("", "Tâche - Relancer"), Some(Channel::Other));
        assert_eq!(channel_of("INCOMING_EMAIL", ""), Some(Channel::Email));
        // Near-miss: a word that only starts like a type word.
        assert_eq!(channel_of("", "Notable update"), None);
    }

    #[test]
    fn table_cells_name_their_property() {
        assert_eq!(
            pair_property("cell-0-3-amount-5698373322"),
            Some(Field::Amount)
        );
        assert_eq!(
            pair_property("cell-0-3-hubspot_owner_id-12"),
            Some(Field::Owner)
        );
        assert_eq!(
            pair_property("cell-0-3-closedate-12"),
            Some(Field::CloseDate)
        );
        assert_eq!(
            pair_property("cell-0-2-name-6602561637"),
            None,
            "a company cell"
        );
        assert_eq!(pair_property("cell-0-3-amount-abc"), None);
        assert_eq!(pair_property("Amount"), None);
        assert_eq!(row_id("row-5698373322").as_deref(), Some("5698373322"));
    }
}
