//! What could not be read, said the way a spreadsheet user finds it: file, row, column.

use std::fmt;

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The whole file (unreadable, not JSON, no header …).
    File,
    /// A CSV row, counted as a spreadsheet counts it: the header is row 1.
    Row(usize),
    /// One cell of a CSV row.
    Cell { row: usize, column: String },
    /// The n-th deal (from 1) of a JSON file.
    Deal(usize),
    /// The notes of the n-th deal of a JSON file.
    Notes(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as named on the command line.
    pub source: String,
    pub place: Place,
    pub message: String,
}

impl Problem {
    pub fn new(source: &str, place: Place, message: impl Into<String>) -> Problem {
        Problem {
            source: source.to_string(),
            place,
            message: message.into(),
        }
    }

    /// The message without the file and place, for the table's reason column.
    pub fn short(&self) -> String {
        match &self.place {
            Place::Cell { column, .. } => format!("column \"{column}\": {}", self.message),
            Place::Notes(_) => format!("notes: {}", self.message),
            _ => self.message.clone(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = &self.source;
        let message = &self.message;
        match &self.place {
            Place::File => write!(f, "{source}: {message}"),
            Place::Row(row) => write!(f, "{source} row {row}: {message}"),
            Place::Cell { row, column } => {
                write!(f, "{source} row {row}, column \"{column}\": {message}")
            }
            Place::Deal(n) => write!(f, "{source} deal {n}: {message}"),
            Place::Notes(n) => write!(f, "{source} deal {n}, notes: {message}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_file_row_and_column() {
        let p = Problem::new(
            "pipeline.csv",
            Place::Cell {
                row: 7,
                column: "Close Date".into(),
            },
            "\"31/31/2026\" is not a date I can read",
        );
        assert_eq!(
            p.to_string(),
            "pipeline.csv row 7, column \"Close Date\": \"31/31/2026\" is not a date I can read"
        );
    }
}
