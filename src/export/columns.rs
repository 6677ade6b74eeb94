//! Header mapping: which column of an export holds which deal field, and which export a file
//! is, told apart by its headers. The header names themselves live with each CRM
//! (`salesforce.rs`, `hubspot.rs`, `generic.rs`).

use super::{generic, hubspot, salesforce};
use crate::core::model::Crm;

/// A deal field an export column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The CRM's record id; becomes the deal key.
    RecordId,
    Name,
    Stage,
    Amount,
    /// The currency of a bare amount (Salesforce "Amount Currency").
    Currency,
    CloseDate,
    Owner,
    NextStep,
    NextStepDate,
    Contact,
    /// The date the deal entered its current stage.
    StageEntered,
    /// Days in the current stage: the stage was entered that many days before "now".
    DaysInStage,
    /// The buyer's last reply (never "Last Contacted", which is our side's last touch).
    LastInbound,
    /// A yes/no "closed" flag: catches closed deals whose stage has a custom name.
    IsClosed,
    IsWon,
}

impl Field {
    /// Rows without these cannot be scored.
    pub const REQUIRED: [Field; 2] = [Field::Name, Field::Stage];

    /// What the field is, for messages.
    pub fn what(self) -> &'static str {
        match self {
            Field::RecordId => "the record id",
            Field::Name => "the deal name",
            Field::Stage => "the stage",
            Field::Amount => "the amount",
            Field::Currency => "the currency",
            Field::CloseDate => "the close date",
            Field::Owner => "the owner",
            Field::NextStep => "the next step",
            Field::NextStepDate => "the next step's due date",
            Field::Contact => "the contact",
            Field::StageEntered => "the date the stage was entered",
            Field::DaysInStage => "the days in the current stage",
            Field::LastInbound => "the buyer's last reply",
            Field::IsClosed => "whether the deal is closed",
            Field::IsWon => "whether the deal is won",
        }
    }
}

/// One deal field and the header names that hold it in one export, preferred first.
pub struct Column {
    pub field: Field,
    pub headers: &'static [&'static str],
}

/// The columns one kind of export has.
pub struct ExportLayout {
    pub crm: Crm,
    /// How people call this export, for messages.
    pub label: &'static str,
    /// The deal key is `<prefix>:<record id>`; `None`: the id column is the key as written.
    pub key_prefix: Option<&'static str>,
    pub columns: &'static [Column],
}

/// Every export `stallwatch score` knows, in the order ties are settled.
pub const LAYOUTS: [&ExportLayout; 3] = [
    &salesforce::OPPORTUNITY_REPORT,
    &hubspot::DEALS_EXPORT,
    &generic::DEAL_COLUMNS,
];

/// Where each field is in one file's header.
#[derive(Debug)]
pub struct ColumnIndex {
    pub layout: &'static ExportLayout,
    /// The header as written in the file.
    pub header: Vec<String>,
    found: Vec<(Field, usize)>,
}

impl std::fmt::Debug for ExportLayout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label)
    }
}

impl ColumnIndex {
    /// The position of a field's column, when the file has one.
    pub fn position(&self, field: Field) -> Option<usize> {
        self.found
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, i)| *i)
    }

    /// The header of a field's column as the file writes it, for messages.
    pub fn header_of(&self, field: Field) -> &str {
        self.position(field)
            .and_then(|i| self.header.get(i))
            .map_or("", |h| h.trim())
    }

    pub fn fields_found(&self) -> impl Iterator<Item = Field> + '_ {
        self.found.iter().map(|(f, _)| *f)
    }
}

/// Compares header names as people mean them: case, spacing and a byte-order mark ignored.
fn normalize(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn index_for(layout: &'static ExportLayout, header: &[String]) -> ColumnIndex {
    let normalized: Vec<String> = header.iter().map(|h| normalize(h)).collect();
    let found = layout
        .columns
        .iter()
        .filter_map(|col| {
            col.headers
                .iter()
                .find_map(|name| normalized.iter().position(|h| *h == normalize(name)))
                .map(|i| (col.field, i))
        })
        .collect();
    ColumnIndex {
        layout,
        header: header.to_vec(),
        found,
    }
}

/// Tells which export a header belongs to: the known export with the deal name and stage
/// columns that recognises the most columns. Otherwise says what is missing and lists the
/// columns found.
pub fn detect(header: &[String]) -> Result<ColumnIndex, String> {
    let mut candidates: Vec<ColumnIndex> = LAYOUTS.iter().map(|l| index_for(l, header)).collect();
    let has_required = |c: &ColumnIndex| Field::REQUIRED.iter().all(|f| c.position(*f).is_some());
    // `max_by_key` keeps the last of equals; reversing keeps the first layout on ties.
    let best_complete = (0..candidates.len())
        .rev()
        .filter(|&i| has_required(&candidates[i]))
        .max_by_key(|&i| candidates[i].found.len());
    if let Some(best) = best_complete {
        return Ok(candidates.swap_remove(best));
    }
    let found = columns_found(header);
    let closest = candidates.iter().rev().max_by_key(|c| c.found.len());
    match closest {
        Some(c) if !c.found.is_empty() => {
            let missing: Vec<String> = Field::REQUIRED
                .iter()
                .filter(|f| c.position(**f).is_none())
                .map(|f| {
                    let name = c
                        .layout
                        .columns
                        .iter()
                        .find(|col| col.field == *f)
                        .and_then(|col| col.headers.first())
                        .unwrap_or(&"");
                    format!("\"{name}\" ({})", f.what())
                })
                .collect();
            Err(format!(
                "this looks like {} but has no {} column, which every deal needs. Columns found: {found}",
                c.layout.label,
                missing.join(" or ")
            ))
        }
        _ => Err(format!(
            "none of the columns is one I know; expected {}. Columns found: {found}",
            LAYOUTS
                .iter()
                .map(|l| l.label)
                .collect::<Vec<_>>()
                .join(", or ")
        )),
    }
}

fn columns_found(header: &[String]) -> String {
    header
        .iter()
        .map(|h| format!("\"{}\"", h.trim_start_matches('\u{feff}').trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn tells_salesforce_from_hubspot_by_headers() {
        let sf = detect(&header(&[
            "\u{feff}Opportunity Name",
            "Account Name",
            "Stage",
            "Amount Currency",
            "Amount",
            "Close Date",
        ]))
        .unwrap();
        assert_eq!(sf.layout.crm, Crm::Salesforce);
        assert_eq!(sf.position(Field::Name), Some(0));
        assert_eq!(sf.position(Field::Currency), Some(3));
        assert_eq!(sf.position(Field::Amount), Some(4));
        assert_eq!(sf.header_of(Field::CloseDate), "Close Date");

        let hs = detect(&header(&[
            "Record ID",
            "Deal Name",
            "DEAL  STAGE",
            "Amount",
            "Last Contacted",
            "Recent Sales Email Replied Date",
        ]))
        .unwrap();
        assert_eq!(hs.layout.crm, Crm::Hubspot);
        assert_eq!(
            hs.position(Field::Stage),
            Some(2),
            "case and spacing ignored"
        );
        assert_eq!(hs.position(Field::LastInbound), Some(5));
        assert!(
            hs.fields_found()
                .all(|f| hs.header_of(f) != "Last Contacted"),
            "Last Contacted is our side's touch, never the buyer's reply"
        );

        let generic = detect(&header(&["name", "stage", "close_date"])).unwrap();
        assert_eq!(generic.layout.crm, Crm::Other);
    }

    #[test]
    fn a_missing_required_column_names_it_and_the_columns_found() {
        let e = detect(&header(&["Record ID", "Deal Name", "Amount", "Close Date"])).unwrap_err();
        assert!(e.contains("HubSpot"), "{e}");
        assert!(e.contains("\"Deal Stage\""), "{e}");
        assert!(
            e.contains("\"Record ID\", \"Deal Name\", \"Amount\", \"Close Date\""),
            "{e}"
        );

        let e = detect(&header(&["foo", "bar"])).unwrap_err();
        assert!(e.contains("none of the columns"), "{e}");
        assert!(e.contains("\"foo\", \"bar\""), "{e}");
    }
}
