//! Which way round a file writes numeric dates. `3/12/2026` is 12 March in en_US exports
//! and 3 December in en_GB ones; each date alone cannot say. A file that also holds
//! `25/03/2026` can only be day first, so the whole file is read that way.

use super::columns::{ColumnIndex, Field};
use super::csv_rows::CsvRow;
use crate::core::date::NumericOrder;

const DATE_FIELDS: [Field; 4] = [
    Field::CloseDate,
    Field::StageEntered,
    Field::LastInbound,
    Field::NextStepDate,
];

/// Day first when some date in the file can only be read day first and none only month
/// first; returns the row of the first such date too. `None` when the file does not say.
pub fn infer_day_first(index: &ColumnIndex, rows: &[CsvRow]) -> Option<usize> {
    let columns: Vec<usize> = DATE_FIELDS
        .iter()
        .filter_map(|f| index.position(*f))
        .collect();
    let mut day_first_at = None;
    for row in rows {
        for value in columns.iter().filter_map(|&c| row.fields.get(c)) {
            match unambiguous_order(value) {
                Some(NumericOrder::MonthFirst) => return None,
                Some(NumericOrder::DayFirst) => {
                    day_first_at.get_or_insert(row.row);
                }
                None => {}
            }
        }
    }
    day_first_at
}

/// The order a numeric date like `25/03/2026` can only have, if any.
fn unambiguous_order(value: &str) -> Option<NumericOrder> {
    let date = value.trim().split([' ', 'T', ',']).next()?;
    let parts: Vec<&str> = date.split(['/', '.', '-']).collect();
    if parts.len() != 3 || parts[0].len() > 2 || parts[1].len() > 2 {
        return None; // ISO `2026-03-12` or not numeric at all
    }
    let a: u32 = parts[0].parse().ok()?;
    let b: u32 = parts[1].parse().ok()?;
    match (a > 12, b > 12) {
        (true, false) => Some(NumericOrder::DayFirst),
        (false, true) => Some(NumericOrder::MonthFirst),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::columns::detect;

    fn rows(dates: &[&str]) -> Vec<CsvRow> {
        dates
            .iter()
            .enumerate()
            .map(|(i, d)| CsvRow {
                row: i + 2,
                fields: vec!["Deal".into(), "Prospecting".into(), d.to_string()],
            })
            .collect()
    }

    #[test]
    fn a_day_over_twelve_makes_the_file_day_first() {
        let header: Vec<String> = ["name", "stage", "close_date"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let index = detect(&header).unwrap();
        assert_eq!(
            infer_day_first(&index, &rows(&["03/04/2026", "25/03/2026"])),
            Some(3)
        );
        assert_eq!(
            infer_day_first(&index, &rows(&["03/04/2026", "2026-03-25"])),
            None
        );
        assert_eq!(
            infer_day_first(&index, &rows(&["25/03/2026", "3/25/2026"])),
            None,
            "contradicting dates: no guess"
        );
    }
}
