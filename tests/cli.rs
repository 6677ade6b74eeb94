//! The `stallwatch` binary end to end: `score` on the sample exports in tests/exports/ (dates
//! relative to `--now 2026-03-20`), its errors and exit codes, and `read-plan`.
//!
//! Scores are still being tuned, so these tests check orderings and reason codes that hold
//! whatever the exact points: a passed close date outranks none, closed deals come last.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

const NOW: &str = "2026-03-20";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn stallwatch(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_stallwatch"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the stallwatch binary runs");
    Run {
        code: out.status.code().expect("exited normally"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn sample(name: &str) -> String {
    format!("tests/exports/{name}")
}

/// Writes a scratch file for one test and returns its path.
fn scratch(name: &str, contents: &str) -> String {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, contents).expect("scratch file written");
    path.to_string_lossy().into_owned()
}

fn score_json(files: &[&str]) -> (Run, Vec<Value>) {
    let mut args = vec!["score", "--json", "--now", NOW];
    args.extend_from_slice(files);
    let run = stallwatch(&args);
    let parsed: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("--json prints JSON ({e}):\n{}", run.stdout));
    let rows = parsed.as_array().expect("a JSON array").clone();
    (run, rows)
}

fn by_name<'a>(rows: &'a [Value], name: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no deal named {name:?}"))
}

fn position(rows: &[Value], name: &str) -> usize {
    rows.iter()
        .position(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no deal named {name:?}"))
}

fn codes(row: &Value) -> Vec<&str> {
    row["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .map(|r| r["code"].as_str().expect("code"))
        .collect()
}

/// Risks never go up down the list, and every unscored row comes after every scored one.
fn assert_ranked(rows: &[Value]) {
    let risks: Vec<Option<u64>> = rows.iter().map(|r| r["stall_risk"].as_u64()).collect();
    let first_unscored = risks
        .iter()
        .position(Option::is_none)
        .unwrap_or(risks.len());
    assert!(
        risks[first_unscored..].iter().all(Option::is_none),
        "unscored rows come last: {risks:?}"
    );
    let scored: Vec<u64> = risks[..first_unscored].iter().flatten().copied().collect();
    assert!(
        scored.windows(2).all(|w| w[0] >= w[1]),
        "highest risk first: {scored:?}"
    );
}

#[test]
fn salesforce_export_is_ranked_with_closed_deals_last() {
    let (run, rows) = score_json(&[&sample("salesforce-opportunities.csv")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "", "the report footer is not an error");
    assert_eq!(
        rows.len(),
        12,
        "12 opportunities; footer lines are not deals"
    );
    assert_ranked(&rows);

    let northwind = by_name(&rows, "Northwind - 200 seats");
    assert_eq!(northwind["key"], "sf:0065g00000AbC01");
    assert_eq!(northwind["row"], 2);
    assert!(codes(northwind).contains(&"close_date_past"));
    assert!(codes(northwind).contains(&"no_reason"));
    // Row numbers count as a spreadsheet does: the multi-line "Next Step" of row 8 is one row.
    assert_eq!(by_name(&rows, "Wayne - Data residency")["row"], 9);

    let won = by_name(&rows, "Initech - Pilot expansion");
    assert_eq!(won["state"], "closed");
    assert!(won["stall_risk"].is_null());
    // A passed close date outranks a future one; closed deals come after both.
    assert!(
        position(&rows, "Northwind - 200 seats") < position(&rows, "Globex - Platform renewal")
    );
    for closed in [
        "Initech - Pilot expansion",
        "Soylent - 3 year deal",
        "Tyrell - QA suite",
    ] {
        assert_eq!(by_name(&rows, closed)["state"], "closed");
        assert!(
            position(&rows, closed) >= 9,
            "{closed} is after every open deal"
        );
    }
}

#[test]
fn the_table_ranks_and_marks_closed_deals_not_scored() {
    let run = stallwatch(&[
        "score",
        "--now",
        NOW,
        &sample("salesforce-opportunities.csv"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("RANK"), "{}", run.stdout);
    assert!(lines[0].contains("TOP REASON"));
    assert!(
        lines.iter().all(|l| l.chars().count() <= 120),
        "{}",
        run.stdout
    );
    assert!(lines[1].trim_start().starts_with("1 "), "{}", lines[1]);
    let northwind = lines
        .iter()
        .position(|l| l.contains("Northwind - 200 seats"))
        .expect("Northwind listed");
    let tyrell = lines
        .iter()
        .position(|l| l.contains("Tyrell - QA suite"))
        .expect("Tyrell listed");
    assert!(northwind < tyrell);
    assert!(lines[tyrell].contains("not scored"), "{}", lines[tyrell]);
    assert!(run
        .stdout
        .contains("12 deals: 9 scored, 3 closed, 0 could not be read."));
}

#[test]
fn hubspot_export_json_has_every_field() {
    let (run, rows) = score_json(&[&sample("hubspot-deals.csv")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(rows.len(), 10);
    assert_ranked(&rows);
    for row in &rows {
        for field in [
            "source",
            "row",
            "key",
            "name",
            "stall_risk",
            "band",
            "state",
            "reasons",
            "confidence",
            "missing",
        ] {
            assert!(row.get(field).is_some(), "{field} missing in {row}");
        }
        for reason in row["reasons"].as_array().unwrap() {
            assert!(reason["code"].is_string() && reason["points"].is_u64());
            assert!(reason["fact"].is_string());
        }
    }
    let pied_piper = by_name(&rows, "Pied Piper – compression licence");
    assert_eq!(pied_piper["key"], "hs:9001");
    assert_eq!(pied_piper["source"], sample("hubspot-deals.csv"));
    assert!(codes(pied_piper).contains(&"close_date_past"));
    // "Recent Sales Email Replied Date" is the buyer's last reply: a month ago is silence.
    assert!(codes(pied_piper).contains(&"silence"), "{pied_piper}");
    // "Last Contacted" (our side's touch, two days ago) must not hide that silence.
    assert!(
        position(&rows, "Pied Piper – compression licence")
            < position(&rows, "Prestige Worldwide – events CRM")
    );
    assert_eq!(by_name(&rows, "Oscorp – lab inventory")["state"], "closed");
}

#[test]
fn json_deals_are_scored_with_their_timeline_and_notes() {
    let (run, rows) = score_json(&[&sample("deals.json")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(rows.len(), 3);
    assert_ranked(&rows);
    let silent = by_name(&rows, "Northwind - silent buyer");
    assert!(codes(silent).contains(&"silence"), "{silent}");
    assert!(codes(silent).contains(&"no_reason"));
    let engaged = by_name(&rows, "Initech - engaged buyer");
    assert!(
        !codes(engaged).contains(&"no_reason"),
        "the notes hold a reason"
    );
    assert_eq!(rows[0]["key"], "demo:northwind");
    assert_eq!(rows[2]["state"], "closed");
}

#[test]
fn malformed_rows_are_named_and_the_good_rows_still_scored() {
    let (run, rows) = score_json(&[&sample("malformed.csv")]);
    assert_eq!(run.code, 1, "some rows could not be read");
    let file = sample("malformed.csv");
    for expected in [
        format!("{file} row 3, column \"Close Date\": \"31/31/2026\" is not a date I can read"),
        format!("{file} row 5, column \"Amount\": \"twelve grand\" is not an amount I can read"),
        format!("{file} row 6, column \"Stage\": the row ends before this column"),
        format!("{file} row 7, column \"Stage\": empty"),
    ] {
        assert!(
            run.stderr.contains(&expected),
            "stderr should contain {expected:?}:\n{}",
            run.stderr
        );
    }
    assert_eq!(run.stderr.lines().count(), 4, "{}", run.stderr);
    assert_ranked(&rows);
    for good in ["Fabrikam - Field service app", "Litware - Helpdesk seats"] {
        assert!(by_name(&rows, good)["stall_risk"].is_u64(), "{good} scored");
    }
    let bad = by_name(&rows, "Contoso - Data migration");
    assert_eq!(bad["state"], "unreadable");
    assert!(bad["stall_risk"].is_null());
    assert_eq!(bad["row"], 3);
    assert!(bad["problems"][0].as_str().unwrap().contains("Close Date"));

    let table = stallwatch(&["score", "--now", NOW, &file]);
    assert_eq!(table.code, 1);
    assert!(table.stdout.contains("Litware - Helpdesk seats"));
    let contoso = table
        .stdout
        .lines()
        .find(|l| l.contains("Contoso"))
        .expect("unreadable rows are listed");
    assert!(contoso.contains("not scored"), "{contoso}");
}

#[test]
fn unknown_columns_are_ignored() {
    let path = scratch(
        "unknown-column.csv",
        "Record ID,Favourite Colour,Deal Name,Deal Stage,Close Date,Mystery\n\
         1,teal,Acme – pilot,Contract Sent,2026-03-01,???\n\
         2,plum,Globex – seats,Contract Sent,2026-05-01,\n",
    );
    let (run, rows) = score_json(&[&path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["name"], "Acme – pilot");
    assert!(codes(&rows[0]).contains(&"close_date_past"));
}

#[test]
fn a_missing_required_column_names_the_columns_found_and_other_files_still_run() {
    let path = scratch(
        "no-stage.csv",
        "Record ID,Deal Name,Amount,Close Date\n1,Acme – pilot,1000,2026-03-01\n",
    );
    let (run, rows) = score_json(&[&path, &sample("deals.json")]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no-stage.csv: "), "{}", run.stderr);
    assert!(run.stderr.contains("\"Deal Stage\""), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("Columns found: \"Record ID\", \"Deal Name\", \"Amount\", \"Close Date\""),
        "{}",
        run.stderr
    );
    assert_eq!(rows.len(), 3, "deals.json is still scored");
}

#[test]
fn unreadable_files_and_invalid_json_are_errors_but_not_fatal() {
    let bad_json = scratch("bad.json", "{\"deals\": [");
    let (run, rows) = score_json(&[
        "tests/exports/no-such-file.csv",
        &bad_json,
        &sample("deals.json"),
    ]);
    assert_eq!(run.code, 1);
    assert!(run
        .stderr
        .contains("tests/exports/no-such-file.csv: cannot be read"));
    assert!(
        run.stderr.contains("bad.json: not valid JSON"),
        "{}",
        run.stderr
    );
    assert_eq!(rows.len(), 3);
}

#[test]
fn several_files_rank_together() {
    let (run, rows) = score_json(&[
        &sample("salesforce-opportunities.csv"),
        &sample("hubspot-deals.csv"),
        &sample("deals.json"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(rows.len(), 25);
    assert_ranked(&rows);
}

#[test]
fn day_first_reads_european_dates() {
    // 12/03/2026 is 3 December read month first, 12 March read day first (passed by --now).
    let path = scratch(
        "day-first.csv",
        "name,stage,close_date\nKontor – Lizenzen,Proposal,12/03/2026\n",
    );
    let (_, us) = score_json(&[&path]);
    assert!(!codes(&us[0]).contains(&"close_date_past"));
    let run = stallwatch(&["score", "--json", "--day-first", "--now", NOW, &path]);
    let eu: Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(codes(&eu[0]).contains(&"close_date_past"), "{eu}");
}

#[test]
fn settings_change_the_score_and_bad_settings_are_usage_errors() {
    let settings = scratch("settings.json", "{\"no_reason_points\": 0}");
    let path = sample("deals.json");
    let run = stallwatch(&[
        "score",
        "--json",
        "--now",
        NOW,
        "--settings",
        &settings,
        &path,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows: Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(!codes(&rows[0]).contains(&"no_reason"));

    let typo = scratch("typo-settings.json", "{\"no_reason_pionts\": 0}");
    let run = stallwatch(&["score", "--now", NOW, "--settings", &typo, &path]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no_reason_pionts"), "{}", run.stderr);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec![],
        vec!["score"],
        vec!["score", "--now", NOW],
        vec!["score", "--frobnicate", "tests/exports/deals.json"],
        vec!["score", "-x", "tests/exports/deals.json"],
        vec!["score", "--now", "20/03/2026", "tests/exports/deals.json"],
        vec!["score", "tests/exports/deals.json", "--now"],
        vec!["scroe", "tests/exports/deals.json"],
    ] {
        let run = stallwatch(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("usage: stallwatch"),
            "{args:?}: {}",
            run.stderr
        );
        assert_eq!(run.stdout, "", "{args:?}");
    }
}

#[test]
fn help_prints_usage() {
    for args in [vec!["--help"], vec!["-h"], vec!["score", "--help"]] {
        let run = stallwatch(&args);
        assert_eq!(run.code, 0, "{args:?}");
        assert!(
            run.stdout.contains("usage: stallwatch score"),
            "{}",
            run.stdout
        );
        assert!(run.stdout.contains("--day-first"));
    }
}

#[test]
fn read_plan_still_prints_the_read_plans() {
    let run = stallwatch(&["read-plan"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("globalThis.STALLWATCH_READ_PLANS"));
}
