//! The read plan: the data the content script follows to read a CRM page.
//!
//! Each CRM module (`salesforce`, `hubspot`) declares its plan as static data in its adapter.
//! The build turns every registered plan into `read_plan.js` for the content script, so
//! selectors live in exactly one place (the Rust source), each with where it was seen and how
//! sure we are of it.

use super::snapshot::Field;
use super::url::PageKind;
use serde::Serialize;

/// How sure we are that a selector matches the real page, as graded in docs/crm-dom-notes.md:
/// high (seen in the CRM's own page objects or several live captures), medium (one source or
/// an older one), low (inferred). Serialised as `H`, `M`, `L`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Sure {
    #[serde(rename = "H")]
    High,
    #[serde(rename = "M")]
    Medium,
    #[serde(rename = "L")]
    Low,
}

/// Short names for the selector tables.
pub const H: Sure = Sure::High;
pub const M: Sure = Sure::Medium;
pub const L: Sure = Sure::Low;

/// One way to find something, with its provenance.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Selector {
    /// A CSS selector, run from the scope (or the timeline item); descends open shadow roots.
    /// Steps joined by ` >>> ` continue inside each match (its light subtree and the shadow
    /// roots under it) and ` <<< ` go up to the nearest match across shadow boundaries: one CSS
    /// selector cannot span two shadow trees, a chain can (native and synthetic shadow alike).
    /// `{label}` is filled with each of the field's `labels` in turn.
    pub css: &'static str,
    /// Run `css` from the nearest ancestor matching this instead (a board card's column).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closest: Option<&'static str>,
    /// Read this attribute instead of the element's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attr: Option<&'static str>,
    /// Where this selector was seen (for the next person who has to fix it).
    pub seen: &'static str,
    pub confidence: Sure,
}

/// Text of the first match of `css`.
pub const fn text(css: &'static str, seen: &'static str, confidence: Sure) -> Selector {
    Selector {
        css,
        closest: None,
        attr: None,
        seen,
        confidence,
    }
}

/// An attribute of the first match of `css`.
pub const fn attr(
    css: &'static str,
    attr: &'static str,
    seen: &'static str,
    confidence: Sure,
) -> Selector {
    Selector {
        css,
        closest: None,
        attr: Some(attr),
        seen,
        confidence,
    }
}

/// Text of the first match of `css` under the nearest ancestor matching `closest`.
pub const fn text_in_closest(
    closest: &'static str,
    css: &'static str,
    seen: &'static str,
    confidence: Sure,
) -> Selector {
    Selector {
        css,
        closest: Some(closest),
        attr: None,
        seen,
        confidence,
    }
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct FieldPlan {
    pub field: Field,
    /// Tried in order; the first that yields non-empty text wins.
    pub selectors: &'static [Selector],
    /// The field's label in every language we know, for selectors with `{label}` (the last
    /// fallback: labels are localised and admins rename them).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub labels: &'static [&'static str],
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct PartPlan {
    pub part: &'static str,
    pub selectors: &'static [Selector],
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct TimelinePlan {
    /// The timeline container; its absence means "no timeline visible", not "no activity".
    pub containers: &'static [Selector],
    /// Timeline items inside the container.
    pub items: &'static [Selector],
    /// Read on each item, and on each item of the activity lists below.
    pub parts: &'static [PartPlan],
    /// Lists that show the activity instead of a timeline (Salesforce users who chose
    /// "Related Lists" as their activities view), read only when no timeline container is found.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub lists: &'static [ActivityListPlan],
}

/// One activity list: its card, the count its header shows, and its items. Each item is read
/// with the timeline's parts, plus the part `list` set to the list's name.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ActivityListPlan {
    /// `open` (planned or still open: never a touch) or `history` (what happened).
    pub list: &'static str,
    pub cards: &'static [Selector],
    /// Read on the card: its count as shown ("(6+)": more than the items shown).
    pub count: &'static [Selector],
    /// Items inside the card.
    pub items: &'static [Selector],
}

/// Label/value pairs inside a list row or board card (table cells with `data-label`, card
/// properties with a label span). Labels are mapped to fields in Rust (`LIST_LABELS`).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PairPlan {
    pub items: &'static [Selector],
    /// Label and value are one text ("Amount: $9,600"), split at the first of this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub split: Option<&'static str>,
    /// Read on each item (`:scope` = the item itself).
    pub label: Selector,
    pub value: Selector,
}

/// Deals shown as rows of a list view or cards of a board.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ListPlan {
    /// Each row or card; the first selector that finds any wins.
    pub rows: &'static [Selector],
    /// Parts read inside each row (`id`, `name`, `stage`, …).
    pub parts: &'static [PartPlan],
    /// Each kind of label/value pair the rows hold (table cells, card properties).
    pub pairs: &'static [PairPlan],
}

/// A kind of page, recognised from the URL by JavaScript regex sources: the path, and the
/// query parameters a CRM that addresses its pages by query string names them with. The URL is
/// a plain `https` one (no userinfo, the default port: the content script refuses any other, as
/// `crm::url::UrlParts::parse` does); the adapter's `page` reads the same URLs in Rust.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PagePattern {
    pub kind: PageKind,
    /// Matched against `location.pathname` (`/main.aspx`, `/lightning/r/…`).
    pub path: &'static str,
    /// Each must be in the query with a value that matches (every one must match; none by
    /// default): Dynamics 365's record form is `path: "^/main\\.aspx$"` with
    /// `query("pagetype", "^entityrecord$")` and `query("etn", "^opportunity$")`.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub query: &'static [QueryPattern],
}

/// A query parameter a page's URL must have: its first value, decoded as
/// `URLSearchParams.get(name)` and `UrlParts::query_param(name)` give it, matches `value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QueryPattern {
    pub name: &'static str,
    /// A JavaScript regex source.
    pub value: &'static str,
}

/// The query parameter `name` with a value matching the regex source `value`.
pub const fn query(name: &'static str, value: &'static str) -> QueryPattern {
    QueryPattern { name, value }
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct ReadPlan {
    pub crm: &'static str,
    /// JavaScript regex sources matched against `location.hostname`.
    pub hosts: &'static [&'static str],
    /// Matched against the page's URL (path and query); pages that match none get no overlay.
    pub pages: &'static [PagePattern],
    /// The visible record container (CRMs keep cached pages in the DOM); first visible match.
    pub scope: &'static [Selector],
    pub fields: &'static [FieldPlan],
    /// Dates shown on the page besides the fields (Created By, Last Modified): every match is
    /// read, as evidence of the user's day/month order.
    pub date_hints: &'static [Selector],
    /// The buyer-side people associated with the deal (every match is read): timeline items
    /// are told apart by who acted, and the buyer is named from them.
    pub contacts: &'static [Selector],
    pub timeline: TimelinePlan,
    /// List and board pages.
    pub list: ListPlan,
}

/// Every registered plan, as the JavaScript the content script loads before itself.
pub fn plans_as_js() -> Result<String, serde_json::Error> {
    let plans: Vec<&ReadPlan> = super::adapter::ADAPTERS.iter().map(|a| &a.plan).collect();
    let mut value = serde_json::to_value(&plans)?;
    // Where each selector was seen, and how sure we are, stay in the source and the docs: every
    // CRM page loads this file, and the reader needs neither.
    strip_provenance(&mut value);
    let json = serde_json::to_string(&value)?;
    // A global property, not a `const`: content scripts listed together share the global
    // object, but a top-level `const` would not be a property of it.
    Ok(format!(
        "// Generated by `stallwatch read-plan` from src/crm/*.rs. Do not edit.\n\
         globalThis.STALLWATCH_READ_PLANS = Object.freeze({json});\n"
    ))
}

/// Removes `seen` and `confidence` from every selector of the serialised plans.
fn strip_provenance(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(o) => {
            if o.contains_key("css") {
                o.remove("seen");
                o.remove("confidence");
            }
            o.values_mut().for_each(strip_provenance);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_provenance),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::adapter::ADAPTERS;
    use super::*;

    fn all_selectors(plan: &ReadPlan) -> Vec<&Selector> {
        let mut v: Vec<&Selector> = plan.scope.iter().collect();
        v.extend(plan.fields.iter().flat_map(|f| f.selectors));
        v.extend(plan.date_hints);
        v.extend(plan.contacts);
        v.extend(plan.timeline.containers);
        v.extend(plan.timeline.items);
        v.extend(plan.timeline.parts.iter().flat_map(|p| p.selectors));
        v.extend(plan.list.rows);
        v.extend(plan.list.parts.iter().flat_map(|p| p.selectors));
        for p in plan.list.pairs {
            v.extend(p.items);
            v.push(&p.label);
            v.push(&p.value);
        }
        v
    }

    #[test]
    fn the_shipped_plans_keep_every_selector_and_no_provenance() {
        let js = plans_as_js().unwrap();
        assert!(!js.contains("\"seen\"") && !js.contains("\"confidence\""));
        for a in ADAPTERS {
            for s in all_selectors(&a.plan) {
                let css = serde_json::to_string(s.css).unwrap();
                assert!(js.contains(&css), "{css} is shipped");
                assert!(!s.seen.trim().is_empty(), "{css} says where it was seen");
            }
        }
    }

    #[test]
    fn chains_are_well_formed_and_labels_are_given_where_used() {
        for a in ADAPTERS {
            for s in all_selectors(&a.plan) {
                let steps: Vec<&str> = s
                    .css
                    .split(" >>> ")
                    .flat_map(|x| x.split(" <<< "))
                    .collect();
                assert!(
                    steps
                        .iter()
                        .all(|x| !x.trim().is_empty() && !x.contains(">>>") && !x.contains("<<<")),
                    "{}: malformed chain {:?}",
                    a.name,
                    s.css
                );
            }
            for f in a.plan.fields {
                let uses = f.selectors.iter().any(|s| s.css.contains("{label}"));
                assert_eq!(
                    uses,
                    !f.labels.is_empty(),
                    "{}: {:?} labels",
                    a.name,
                    f.field
                );
            }
        }
    }
}
