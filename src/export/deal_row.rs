//! One CSV row → a `Deal`, or every reason it cannot be one, each naming its column.
//!
//! A row with any unreadable value is not scored at all: a deal scored without, say, its
//! close date would look safer than it is.

use super::columns::{ColumnIndex, Field};
use super::csv_rows::CsvRow;
use super::problem::{Place, Problem};
use crate::core::date::{parse_display_date, Day, NumericOrder};
use crate::core::model::{status_from_stage, Deal, DealStatus};
use crate::core::money::{parse_money, Money};

/// What a file's rows are read against.
pub struct RowContext<'a> {
    /// The file as named on the command line.
    pub source: &'a str,
    pub index: &'a ColumnIndex,
    pub now: Day,
    pub order: NumericOrder,
}

/// A row as read: always a key and (when present) a name, so even an unreadable row can be
/// listed; the deal only when every value could be read.
#[derive(Debug)]
pub struct RowRead {
    pub key: String,
    pub name: Option<String>,
    pub deal: Option<Deal>,
    pub problems: Vec<Problem>,
}

impl RowContext<'_> {
    pub fn read(&self, row: &CsvRow) -> RowRead {
        let mut cells = Cells {
            ctx: self,
            row,
            problems: Vec::new(),
        };
        let key = self.key_of(row);
        let name = cells.text(Field::Name);
        if let Some(problem) = self.width_problem(row) {
            return RowRead {
                key,
                name,
                deal: None,
                problems: vec![problem],
            };
        }
        let stage = cells.text(Field::Stage);
        for (field, value) in [(Field::Name, &name), (Field::Stage, &stage)] {
            if value.is_none() {
                cells.problem(
                    field,
                    format!("empty, and every deal needs {}", field.what()),
                );
            }
        }
        let amount = cells.amount();
        let close_date = cells.date(Field::CloseDate);
        let stage_entered = cells
            .date(Field::StageEntered)
            .or_else(|| cells.days_ago(Field::DaysInStage));
        let last_inbound = cells.date(Field::LastInbound);
        let next_step_date = cells.date(Field::NextStepDate);
        let is_closed = cells.yes_no(Field::IsClosed);
        let is_won = cells.yes_no(Field::IsWon);
        let owner = cells.text(Field::Owner);
        let next_step = cells.text(Field::NextStep);
        let contact = cells.text(Field::Contact).map(|c| first_contact(&c));
        if !cells.problems.is_empty() {
            return RowRead {
                key,
                name,
                deal: None,
                problems: cells.problems,
            };
        }
        let status = status_of(stage.as_deref(), is_closed, is_won);
        let deal = Deal {
            crm: self.index.layout.crm,
            key: key.clone(),
            name: name.clone(),
            stage,
            status,
            amount,
            close_date,
            previous_close_dates: Vec::new(),
            stage_entered,
            owner,
            next_step,
            next_step_date,
            // An export without a next-step column says nothing about next steps.
            next_step_unknown: self.index.position(Field::NextStep).is_none(),
            contact,
            // Exports carry no activity timeline: `None`, not an empty one.
            touches: None,
            upcoming: Vec::new(),
            last_inbound,
            language: None,
            undated: 0,
            older_not_shown: false,
        };
        RowRead {
            key,
            name,
            deal: Some(deal),
            problems: Vec::new(),
        }
    }

    /// `sf:<15-char id>`, `hs:<record id>`, the generic `key` as written, or `<file>:<row>`.
    fn key_of(&self, row: &CsvRow) -> String {
        let id = self
            .index
            .position(Field::RecordId)
            .and_then(|i| row.fields.get(i))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty());
        match (id, self.index.layout.key_prefix) {
            (Some(id), Some(prefix)) => {
                // The CRM's own id rule (the 18-character Salesforce id only adds a checksum;
                // notes use 15); an id the rule does not know is kept as written.
                let normal = crate::crm::adapter::for_crm(self.index.layout.crm)
                    .and_then(|a| (a.row_id)(id));
                format!("{prefix}:{}", normal.as_deref().unwrap_or(id))
            }
            (Some(id), None) => id.to_string(),
            (None, _) => format!("{}:{}", self.source, row.row),
        }
    }

    /// A row shorter than the header lost values (or was cut); one longer has a value with an
    /// unquoted separator in it. Either way its columns cannot be trusted.
    fn width_problem(&self, row: &CsvRow) -> Option<Problem> {
        let header = &self.index.header;
        let (have, want) = (row.fields.len(), header.len());
        if have < want {
            Some(Problem::new(
                self.source,
                Place::Cell {
                    row: row.row,
                    column: column_name(header, have),
                },
                format!("the row ends before this column: it has {have} values, the header has {want} columns"),
            ))
        } else if row.fields[want..].iter().any(|f| !f.trim().is_empty()) {
            Some(Problem::new(
                self.source,
                Place::Row(row.row),
                format!("the row has {have} values but the header has {want} columns (a value with an unquoted comma?)"),
            ))
        } else {
            None
        }
    }
}

/// A header cell as written, or its position when the header leaves it blank.
fn column_name(header: &[String], i: usize) -> String {
    match header.get(i).map(|h| h.trim()) {
        Some(h) if !h.is_empty() => h.to_string(),
        _ => format!("#{}", i + 1),
    }
}

/// The values of one row, collecting a problem for each one that cannot be read.
struct Cells<'a> {
    ctx: &'a RowContext<'a>,
    row: &'a CsvRow,
    problems: Vec<Problem>,
}

impl Cells<'_> {
    fn raw(&self, field: Field) -> Option<&str> {
        let i = self.ctx.index.position(field)?;
        let value = self.row.fields.get(i)?.trim();
        (!value.is_empty()).then_some(value)
    }

    fn problem(&mut self, field: Field, message: String) {
        let column = self.ctx.index.header_of(field).to_string();
        let column = if column.is_empty() {
            field.what().to_string()
        } else {
            column
        };
        self.problems.push(Problem::new(
            self.ctx.source,
            Place::Cell {
                row: self.row.row,
                column,
            },
            message,
        ));
    }

    fn text(&self, field: Field) -> Option<String> {
        self.raw(field).map(str::to_string)
    }

    fn amount(&mut self) -> Option<Money> {
        let raw = self.raw(Field::Amount)?.to_string();
        match parse_money(&raw) {
            Ok(mut money) => {
                if money.currency.is_none() {
                    money.currency = self.text(Field::Currency);
                }
                Some(money)
            }
            Err(_) => {
                self.problem(
                    Field::Amount,
                    format!("{raw:?} is not an amount I can read"),
                );
                None
            }
        }
    }

    fn date(&mut self, field: Field) -> Option<Day> {
        let raw = self.raw(field)?.to_string();
        let day = parse_display_date(&raw, self.ctx.now, self.ctx.order);
        if day.is_none() {
            self.problem(field, format!("{raw:?} is not a date I can read"));
        }
        day
    }

    /// A "days in stage" count, as the day that many days before now.
    fn days_ago(&mut self, field: Field) -> Option<Day> {
        let raw = self.raw(field)?.to_string();
        match parse_days(&raw) {
            Some(days) => Some(self.ctx.now.plus(-days)),
            None => {
                self.problem(field, format!("{raw:?} is not a number of days"));
                None
            }
        }
    }

    fn yes_no(&mut self, field: Field) -> Option<bool> {
        let raw = self.raw(field)?.to_string();
        match raw.to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "y" => Some(true),
            "0" | "false" | "no" | "n" => Some(false),
            _ => {
                self.problem(field, format!("{raw:?} is neither yes nor no"));
                None
            }
        }
    }
}

/// `12`, `12.0`, `1,234`: a whole, non-negative number of days (a fraction is dropped).
fn parse_days(raw: &str) -> Option<i32> {
    let digits: String = raw.chars().filter(|c| *c != ',' && *c != ' ').collect();
    let days: f64 = digits.parse().ok()?;
    (days.is_finite() && (0.0..=36_500.0).contains(&days)).then_some(days.floor() as i32)
}

/// The stage decides, unless the export also has the closed/won flags: those catch closed
/// stages with custom names ("Signed", "Churned").
fn status_of(stage: Option<&str>, is_closed: Option<bool>, is_won: Option<bool>) -> DealStatus {
    let from_stage = stage.map_or(DealStatus::Open, status_from_stage);
    match (is_closed, is_won) {
        (Some(false), _) => DealStatus::Open,
        (_, Some(true)) => DealStatus::Won,
        (Some(true), Some(false)) => DealStatus::Lost,
        (Some(true), None) if from_stage == DealStatus::Open => DealStatus::Lost,
        _ => from_stage,
    }
}

/// HubSpot joins associated contacts with `;` and may add the email in brackets:
/// `Dana Whitfield (dana@northwind.example); Sam Lee` → `Dana Whitfield`.
fn first_contact(raw: &str) -> String {
    let first = raw.split(';').next().unwrap_or(raw).trim();
    match first.rfind(" (") {
        Some(i) if first.ends_with(')') && first[i..].contains('@') => {
            first[..i].trim().to_string()
        }
        _ => first.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Crm;
    use crate::export::columns::detect;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    fn row(n: usize, values: &[&str]) -> CsvRow {
        CsvRow {
            row: n,
            fields: values.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn now() -> Day {
        Day::from_ymd(2026, 3, 20).unwrap()
    }

    #[test]
    fn reads_a_salesforce_row() {
        let index = detect(&header(&[
            "Opportunity Name",
            "Stage",
            "Amount Currency",
            "Amount",
            "Close Date",
            "Opportunity Owner",
            "Next Step",
            "Stage Duration",
            "Opportunity ID",
            "Probability (%)",
        ]))
        .unwrap();
        let ctx = RowContext {
            source: "sf.csv",
            index: &index,
            now: now(),
            order: NumericOrder::MonthFirst,
        };
        let read = ctx.read(&row(
            2,
            &[
                "Northwind - 200 seats",
                "Negotiation/Review",
                "USD",
                "48,500.00",
                "3/12/2026",
                "Jane Doe",
                "",
                "30",
                "0065g00000XyZ12AAB",
                "90",
            ],
        ));
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        let deal = read.deal.unwrap();
        assert_eq!(deal.key, "sf:0065g00000XyZ12");
        assert_eq!(deal.crm, Crm::Salesforce);
        assert_eq!(deal.status, DealStatus::Open);
        assert_eq!(deal.close_date, Day::from_ymd(2026, 3, 12));
        assert_eq!(deal.stage_entered, Some(now().plus(-30)));
        let amount = deal.amount.unwrap();
        assert_eq!(
            (amount.minor, amount.currency.as_deref()),
            (4_850_000, Some("USD"))
        );
        assert_eq!(deal.next_step, None, "an empty cell is no value");
        assert_eq!(deal.touches, None, "exports have no timeline");
    }

    #[test]
    fn reads_a_hubspot_row() {
        let index = detect(&header(&[
            "Record ID",
            "Deal Name",
            "Deal Stage",
            "Close Date",
            "Last Contacted",
            "Recent Sales Email Replied Date",
            "Date entered current stage",
            "Associated Contact",
        ]))
        .unwrap();
        let ctx = RowContext {
            source: "hs.csv",
            index: &index,
            now: now(),
            order: NumericOrder::MonthFirst,
        };
        let read = ctx.read(&row(
            3,
            &[
                "4567",
                "Acme renewal",
                "closedwon",
                "2026-03-12 14:05",
                "2026-03-18 09:00",
                "2026-02-27 16:30",
                "2026-02-01",
                "Dana Whitfield (dana@acme.example);Sam Lee (sam@acme.example)",
            ],
        ));
        let deal = read.deal.unwrap();
        assert_eq!(deal.key, "hs:4567");
        assert_eq!(deal.status, DealStatus::Won);
        assert_eq!(deal.close_date, Day::from_ymd(2026, 3, 12));
        assert_eq!(deal.last_inbound, Day::from_ymd(2026, 2, 27));
        assert_eq!(deal.stage_entered, Day::from_ymd(2026, 2, 1));
        assert_eq!(deal.contact.as_deref(), Some("Dana Whitfield"));
    }

    #[test]
    fn each_bad_value_names_its_column_and_the_row_is_not_scored() {
        let index = detect(&header(&[
            "Opportunity Name",
            "Stage",
            "Amount",
            "Close Date",
        ]))
        .unwrap();
        let ctx = RowContext {
            source: "pipeline.csv",
            index: &index,
            now: now(),
            order: NumericOrder::MonthFirst,
        };
        let read = ctx.read(&row(7, &["Globex", "", "lots", "31/31/2026"]));
        assert!(read.deal.is_none());
        assert_eq!(read.name.as_deref(), Some("Globex"));
        assert_eq!(read.key, "pipeline.csv:7");
        let messages: Vec<String> = read.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            messages,
            vec![
                "pipeline.csv row 7, column \"Stage\": empty, and every deal needs the stage",
                "pipeline.csv row 7, column \"Amount\": \"lots\" is not an amount I can read",
                "pipeline.csv row 7, column \"Close Date\": \"31/31/2026\" is not a date I can read",
            ]
        );
    }

    #[test]
    fn short_and_long_rows_are_refused() {
        let index = detect(&header(&[
            "Opportunity Name",
            "Stage",
            "Amount",
            "Close Date",
        ]))
        .unwrap();
        let ctx = RowContext {
            source: "p.csv",
            index: &index,
            now: now(),
            order: NumericOrder::MonthFirst,
        };
        let short = ctx.read(&row(4, &["Globex", "Prospecting"]));
        assert!(short.deal.is_none());
        assert_eq!(
            short.problems[0].place,
            Place::Cell {
                row: 4,
                column: "Amount".into()
            }
        );
        let long = ctx.read(&row(5, &["Globex", "Prospecting", "1", "000", "3/1/2026"]));
        assert_eq!(long.problems[0].place, Place::Row(5));
        let trailing_comma = ctx.read(&row(6, &["Globex", "Prospecting", "1000", "3/1/2026", ""]));
        assert!(
            trailing_comma.deal.is_some(),
            "{:?}",
            trailing_comma.problems
        );
    }

    #[test]
    fn closed_flags_catch_custom_closed_stages() {
        assert_eq!(
            status_of(Some("Signed"), Some(true), Some(true)),
            DealStatus::Won
        );
        assert_eq!(
            status_of(Some("Churned"), Some(true), None),
            DealStatus::Lost
        );
        assert_eq!(status_of(Some("Closed Won"), None, None), DealStatus::Won);
        assert_eq!(
            status_of(Some("Proposal"), Some(false), Some(false)),
            DealStatus::Open
        );
    }

    #[test]
    fn days_in_stage_values() {
        assert_eq!(parse_days("12"), Some(12));
        assert_eq!(parse_days("1,234"), Some(1234));
        assert_eq!(parse_days("12.7"), Some(12));
        assert_eq!(parse_days("-3"), None);
        assert_eq!(parse_days("soon"), None);
    }
}
