//! Reading exported pipelines for the `stallwatch score` command line. Host only.
//!
//! A file becomes rows of deals: `encoding` (bytes → text), then either `json_deals` (the deal
//! JSON format) or `csv_rows` (records, footer cut) → `columns` (which export, which column is
//! which field; the names per CRM in `salesforce`, `hubspot`, `generic`) → `deal_row` (values
//! → `Deal`). `ranking` scores the rows with the core and orders them; `table` prints them.
//! Problems are collected, never fatal: one bad row or file leaves the rest scored.

pub mod columns;
pub mod csv_rows;
pub mod date_order;
pub mod deal_row;
pub mod encoding;
pub mod generic;
pub mod hubspot;
pub mod json_deals;
pub mod problem;
pub mod ranking;
pub mod salesforce;
pub mod table;
pub mod terminal;

use crate::core::date::{Day, NumericOrder};
use crate::core::model::Deal;
use crate::core::notes::Notes;
use deal_row::RowContext;
pub use problem::{Place, Problem};
use std::path::Path;

/// How to read the files of one run.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// "Now": days-in-stage counts and yearless dates are relative to it.
    pub now: Day,
    /// `--day-first`: read `12/03/2026` as 12 March in every file.
    pub day_first: bool,
}

/// One deal of a file, read or not.
#[derive(Debug)]
pub struct ReadRow {
    /// The file as named on the command line.
    pub source: String,
    /// The spreadsheet row (header = 1) of a CSV file; the deal's position (from 1) in JSON.
    pub row: usize,
    pub key: String,
    pub name: Option<String>,
    /// `None` when the row could not be read: `problems` says why.
    pub deal: Option<Deal>,
    /// Exports carry no notes; JSON deals may.
    pub notes: Notes,
    /// The suggestion copied last on this deal (a saved page's stored memory), so the command
    /// line moves on from an unanswered one as the overlay does.
    pub copied: Option<crate::core::message::memory::Copied>,
    /// Why the row was not read, or (with a deal) what was dropped from its notes.
    pub problems: Vec<Problem>,
}

/// Everything read from one file.
#[derive(Debug, Default)]
pub struct FileRead {
    pub rows: Vec<ReadRow>,
    /// Problems with the file as a whole (unreadable, not JSON, unknown columns).
    pub problems: Vec<Problem>,
    /// Things worth knowing that are not problems ("dates read day first").
    pub notices: Vec<String>,
}

impl FileRead {
    fn failed(problem: Problem) -> FileRead {
        FileRead {
            problems: vec![problem],
            ..FileRead::default()
        }
    }
}

/// Reads one file from disk.
pub fn read_path(path: &str, options: ReadOptions) -> FileRead {
    match std::fs::read(path) {
        Ok(bytes) => read_bytes(path, &bytes, options),
        Err(e) => FileRead::failed(Problem::new(
            path,
            Place::File,
            format!("cannot be read: {e}"),
        )),
    }
}

/// Reads one file's contents; `source` names it in messages and picks the format by extension.
pub fn read_bytes(source: &str, bytes: &[u8], options: ReadOptions) -> FileRead {
    let file_problem =
        |message: String| FileRead::failed(Problem::new(source, Place::File, message));
    if bytes.starts_with(b"PK\x03\x04") {
        return file_problem(
            "this is a zip file, probably an Excel workbook (.xlsx): export the report as CSV"
                .into(),
        );
    }
    let text = match encoding::decode(bytes) {
        Ok(text) => text,
        Err(e) => return file_problem(e),
    };
    match format_of(source, &text) {
        Format::Json => match json_deals::read_json(source, &text, options.now) {
            Ok(rows) => FileRead {
                rows,
                ..FileRead::default()
            },
            Err(problem) => FileRead::failed(problem),
        },
        Format::Csv => read_csv(source, &text, options),
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
}

/// By extension when it says; otherwise JSON when the text starts like JSON.
fn format_of(source: &str, text: &str) -> Format {
    let extension = Path::new(source)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("json") => Format::Json,
        Some("csv" | "tsv" | "txt") => Format::Csv,
        _ if text.trim_start().starts_with(['{', '[']) => Format::Json,
        _ => Format::Csv,
    }
}

fn read_csv(source: &str, text: &str, options: ReadOptions) -> FileRead {
    let file_problem =
        |message: String| FileRead::failed(Problem::new(source, Place::File, message));
    let table = match csv_rows::read_table(text) {
        Ok(table) => table,
        Err(e) => return file_problem(e),
    };
    let index = match columns::detect(&table.header.fields) {
        Ok(index) => index,
        Err(e) => return file_problem(e),
    };
    let mut notices = Vec::new();
    let order = if options.day_first {
        NumericOrder::DayFirst
    } else if let Some(row) = date_order::infer_day_first(&index, &table.rows) {
        notices.push(format!(
            "{source}: dates read day first (12/03/2026 is 12 March): row {row} has a date that can only be day first"
        ));
        NumericOrder::DayFirst
    } else {
        NumericOrder::MonthFirst
    };
    let context = RowContext {
        source,
        index: &index,
        now: options.now,
        order,
    };
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let read = context.read(row);
            ReadRow {
                source: source.to_string(),
                row: row.row,
                key: read.key,
                name: read.name,
                deal: read.deal,
                notes: Notes::default(),
                copied: None,
                problems: read.problems,
            }
        })
        .collect();
    FileRead {
        rows,
        problems: Vec::new(),
        notices,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Crm;

    fn options() -> ReadOptions {
        ReadOptions {
            now: Day::from_ymd(2026, 3, 20).unwrap(),
            day_first: false,
        }
    }

    #[test]
    fn picks_the_format_by_extension_then_content() {
        assert_eq!(format_of("a.json", "name,stage"), Format::Json);
        assert_eq!(format_of("a.CSV", "[x]"), Format::Csv);
        assert_eq!(format_of("export", "  [{\"name\": \"A\"}]"), Format::Json);
        assert_eq!(format_of("export", "Deal Name,Deal Stage"), Format::Csv);
    }

    #[test]
    fn reads_a_csv_without_extension() {
        let read = read_bytes(
            "pipeline",
            b"Deal Name,Deal Stage,Close Date\nAcme,Appointment Scheduled,2026-03-01\n",
            options(),
        );
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        let deal = read.rows[0].deal.as_ref().unwrap();
        assert_eq!(deal.crm, Crm::Hubspot);
        assert_eq!(read.rows[0].row, 2);
    }

    #[test]
    fn infers_day_first_and_says_so() {
        let read = read_bytes(
            "uk.csv",
            b"name,stage,close_date\nA,Prospecting,03/04/2026\nB,Prospecting,25/03/2026\n",
            options(),
        );
        assert_eq!(read.notices.len(), 1, "{:?}", read.notices);
        let first = read.rows[0].deal.as_ref().unwrap();
        assert_eq!(first.close_date, Day::from_ymd(2026, 4, 3));
    }

    #[test]
    fn workbooks_and_missing_files_are_file_problems() {
        let read = read_bytes("p.xlsx", b"PK\x03\x04rest", options());
        assert!(read.problems[0]
            .message
            .contains("export the report as CSV"));
        let read = read_path("/no/such/file.csv", options());
        assert!(read.problems[0]
            .to_string()
            .starts_with("/no/such/file.csv: cannot be read"));
    }
}
