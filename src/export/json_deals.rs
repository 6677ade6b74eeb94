//! JSON files in the deal format (docs/deal-format.md): one deal, a list of deals, or
//! `{"deals": [...]}`. Each deal is read by the core's `deal_from_json`, exactly as scenario
//! files are. Or a saved page, `{"page": <snapshot>, "stored": {...}}`: what the content script
//! read on a record page and what the extension stores, read exactly as the overlay reads them.

use super::problem::{Place, Problem};
use super::ReadRow;
use crate::core::date::Day;
use crate::core::input::deal_from_json;
use crate::crm::snapshot::RawSnapshot;
use serde_json::Value;

/// The deals of a JSON file, or the file-level problem that stopped it.
pub fn read_json(source: &str, text: &str, now: Day) -> Result<Vec<ReadRow>, Problem> {
    let file_problem = |message: String| Problem::new(source, Place::File, message);
    let value: Value =
        serde_json::from_str(text).map_err(|e| file_problem(format!("not valid JSON: {e}")))?;
    if let Some(page) = value.get("page") {
        return read_page(source, page, value.get("stored"), now).map(|row| vec![row]);
    }
    let deals: Vec<Value> = match value {
        Value::Array(deals) => deals,
        Value::Object(mut obj) if obj.contains_key("deals") => match obj.remove("deals") {
            Some(Value::Array(deals)) => deals,
            _ => return Err(file_problem("\"deals\" should be a list of deals".into())),
        },
        deal @ Value::Object(_) => vec![deal],
        _ => {
            return Err(file_problem(
                "expected a deal object, a list of deals, or {\"deals\": [...]}".into(),
            ))
        }
    };
    Ok(deals
        .iter()
        .enumerate()
        .map(|(i, value)| read_deal(source, i + 1, value))
        .collect())
}

/// A saved record page: the snapshot read as the overlay reads it, with the stored notes and
/// copied-suggestion memory (the stored settings' date order too; scoring uses `--settings`).
fn read_page(
    source: &str,
    page: &Value,
    stored: Option<&Value>,
    now: Day,
) -> Result<ReadRow, Problem> {
    let file_problem = |message: String| Problem::new(source, Place::File, message);
    let snapshot: RawSnapshot = serde_json::from_value::<RawSnapshot>(page.clone())
        .map_err(|e| file_problem(format!("\"page\" is not a page snapshot: {e}")))?
        // Held to what the content script would have read (a file can hold anything).
        .bounded();
    let kind = crate::crm::detect(&snapshot.url);
    let stored = crate::core::store::Stored::from_value(stored.cloned().unwrap_or(Value::Null));
    let read = crate::view::page_deal(&snapshot, kind.as_ref(), &stored, now);
    let problems = read
        .problems
        .into_iter()
        .map(|p| Problem::new(source, Place::Notes(1), p))
        .collect();
    let Some(reading) = read.reading else {
        return Err(file_problem(format!(
            "the page {:?} is not a deal record Stallwatch can read",
            snapshot.url
        )));
    };
    let deal = reading.deal;
    Ok(ReadRow {
        source: source.to_string(),
        row: 1,
        key: deal.key.clone(),
        name: deal.name.clone(),
        deal: Some(deal),
        notes: read.notes,
        copied: read.copied,
        problems,
    })
}

fn read_deal(source: &str, n: usize, value: &Value) -> ReadRow {
    let fallback_key = format!("{source}:{n}");
    let text_field = |name: &str| value.get(name).and_then(Value::as_str).map(str::to_string);
    match deal_from_json(value, &fallback_key) {
        Ok((deal, loaded)) => ReadRow {
            source: source.to_string(),
            row: n,
            key: deal.key.clone(),
            name: deal.name.clone(),
            deal: Some(deal),
            notes: loaded.notes,
            copied: None,
            // The deal is scored; a note field that was dropped is still reported.
            problems: loaded
                .problems
                .into_iter()
                .map(|p| Problem::new(source, Place::Notes(n), p))
                .collect(),
        },
        Err(e) => ReadRow {
            source: source.to_string(),
            row: n,
            key: text_field("key").unwrap_or(fallback_key),
            name: text_field("name"),
            deal: None,
            notes: Default::default(),
            copied: None,
            problems: vec![Problem::new(source, Place::Deal(n), e)],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: Day = Day(20_000);

    #[test]
    fn reads_one_deal_a_list_or_a_wrapper() {
        let one = read_json("d.json", r#"{"name": "A", "stage": "Prospecting"}"#, NOW).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].key, "d.json:1");
        let list = read_json(
            "d.json",
            r#"[{"name": "A"}, {"name": "B", "key": "x"}]"#,
            NOW,
        )
        .unwrap();
        assert_eq!(list[1].key, "x");
        let wrapped = read_json("d.json", r#"{"deals": [{"name": "A"}]}"#, NOW).unwrap();
        assert_eq!(wrapped[0].name.as_deref(), Some("A"));
    }

    #[test]
    fn a_bad_deal_is_reported_and_the_others_kept() {
        let rows = read_json("d.json",
            r#"[{"name": "A"}, {"name": "B", "nmae": "typo"}, {"name": "C", "notes": {"deadline": "soon"}}]"#, NOW)
        .unwrap();
        assert!(rows[0].deal.is_some());
        assert!(rows[1].deal.is_none());
        assert_eq!(rows[1].name.as_deref(), Some("B"));
        assert!(rows[1].problems[0]
            .to_string()
            .starts_with("d.json deal 2: "));
        assert!(
            rows[2].deal.is_some(),
            "a bad note field does not stop the deal"
        );
        assert!(rows[2].problems[0]
            .to_string()
            .starts_with("d.json deal 3, notes: "));
    }

    #[test]
    fn invalid_json_is_a_file_problem() {
        let e = read_json("d.json", "{not json", NOW).unwrap_err();
        assert!(e.to_string().starts_with("d.json: not valid JSON"), "{e}");
        assert!(read_json("d.json", "42", NOW).is_err());
    }
}
