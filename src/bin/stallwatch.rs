//! `stallwatch`: the command-line face of the same core the extension runs.
//!
//! Commands:
//!   stallwatch read-plan      print the content script's read plans as JavaScript (build step)
//!   stallwatch hosts          print the CRMs' host match patterns as JSON (build step)
//!   stallwatch score FILE...  the day's queue of exported deals (docs/cli.md)
//!   stallwatch suggest FILE...  what to do about a deal: reasons and the message in full
//!
//! Exit codes: 0 success; 1 some rows or files could not be read (the rest were scored and
//! printed); 2 usage error, or `suggest --deal` names no deal or several.

#![deny(clippy::unwrap_used, clippy::expect_used)]

use stallwatch::core::date::{parse_iso, Day};
use stallwatch::core::settings::{self, Settings};
use stallwatch::export::ranking::Found;
use stallwatch::export::terminal::{self, safe};
use stallwatch::export::{self, ranking, table, ReadOptions};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

const USAGE: &str = "\
usage: stallwatch score [--json] [--now YYYY-MM-DD] [--day-first] [--settings FILE.json] FILE...
       stallwatch suggest [--deal KEY] [--now YYYY-MM-DD] [--day-first] [--settings FILE.json] FILE...
       stallwatch read-plan
       stallwatch hosts
       stallwatch --help

score      The day's queue: act today (riskiest first), waiting (until the date to act),
           paused, then closed and unreadable rows. Each FILE is a Salesforce opportunity
           report export (.csv), a HubSpot deals export (.csv), a CSV with the deal-format
           columns, JSON deals (docs/deal-format.md), or a saved record page with the
           extension's storage (docs/cli.md), read as the overlay reads it.
             --json             print a JSON array instead of the table, with each deal's
                                state, section, dates, notices and suggested message
             --now YYYY-MM-DD   score as of this day (default: today, UTC)
             --day-first        read numeric dates as day/month/year (12/03/2026 = 12 March)
             --settings FILE    scoring settings as JSON (field names in docs/scoring.md)
suggest    What to do about a deal: its state, every reason, and the suggested message in
           full (every channel and tone, subject, text, call openers), or the advice to wait.
             --deal KEY         the deal, by its key or its exact name; without it, every
                                deal with something to send, in queue order
             --now, --day-first, --settings   as for score
read-plan  Print the content script's read plans as JavaScript (a build step).
hosts      Print the host match patterns of every CRM as a JSON array (a build step: the
           manifest's host permissions and content-script matches).

Exit codes: 0 every row scored; 1 some rows or files could not be read (the rest were
scored and printed); 2 usage error, or suggest --deal names no deal (or several).
Details: docs/cli.md";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("read-plan") => match stallwatch::crm::plan::plans_as_js() {
            Ok(js) => {
                print!("{js}");
                ExitCode::SUCCESS
            }
            // A build that shipped no plans would silently never activate: fail it instead.
            Err(e) => {
                eprintln!("stallwatch: the read plans could not be written: {e}");
                ExitCode::FAILURE
            }
        },
        Some("hosts") => {
            let patterns = stallwatch::crm::adapter::match_patterns();
            match serde_json::to_string(&patterns) {
                Ok(json) => {
                    println!("{json}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("stallwatch: the host patterns could not be written: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(name @ ("score" | "suggest")) => {
            let command = if name == "score" {
                Subcommand::Score
            } else {
                Subcommand::Suggest
            };
            match Args::parse(command, &args[1..]) {
                Ok(Command::Run(args)) => run(args),
                Ok(Command::Help) => {
                    println!("{USAGE}");
                    ExitCode::SUCCESS
                }
                Err(message) => usage_error(&message),
            }
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => usage_error(&format!("unknown command {other:?}")),
        None => usage_error("no command given"),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("stallwatch: {}\n\n{USAGE}", safe(message));
    ExitCode::from(2)
}

enum Command {
    Run(Args),
    Help,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Subcommand {
    Score,
    Suggest,
}

struct Args {
    command: Subcommand,
    json: bool,
    deal: Option<String>,
    now: Option<Day>,
    day_first: bool,
    settings_file: Option<String>,
    files: Vec<String>,
}

impl Args {
    /// Options may come before or after the files; `--` ends them; `--opt=value` works too.
    fn parse(command: Subcommand, args: &[String]) -> Result<Command, String> {
        let mut parsed = Args {
            command,
            json: false,
            deal: None,
            now: None,
            day_first: false,
            settings_file: None,
            files: Vec::new(),
        };
        let name_of = match command {
            Subcommand::Score => "score",
            Subcommand::Suggest => "suggest",
        };
        let mut rest = args.iter();
        let mut options_done = false;
        while let Some(arg) = rest.next() {
            // "-" alone is a file name like any other; "-x" is an (unknown) option.
            if options_done || !arg.starts_with('-') || arg == "-" {
                parsed.files.push(arg.clone());
                continue;
            }
            let (name, inline_value) = match arg.split_once('=') {
                Some((name, value)) => (name, Some(value.to_string())),
                None => (arg.as_str(), None),
            };
            let mut value = || {
                inline_value
                    .clone()
                    .or_else(|| rest.next().cloned())
                    .ok_or_else(|| format!("{name} needs a value"))
            };
            match name {
                "--" => options_done = true,
                "-h" | "--help" => return Ok(Command::Help),
                "--json" if command == Subcommand::Score => parsed.json = true,
                "--deal" if command == Subcommand::Suggest => parsed.deal = Some(value()?),
                "--json" | "--deal" => {
                    return Err(format!("{name} is not an option of {name_of}"));
                }
                "--day-first" => parsed.day_first = true,
                "--now" => {
                    let raw = value()?;
                    let day = parse_iso(&raw)
                        .ok_or_else(|| format!("--now {raw:?} is not a date in YYYY-MM-DD form"))?;
                    parsed.now = Some(day);
                }
                "--settings" => parsed.settings_file = Some(value()?),
                _ => return Err(format!("unknown option {name}")),
            }
        }
        if parsed.files.is_empty() {
            return Err(format!("{name_of} needs at least one FILE"));
        }
        Ok(Command::Run(parsed))
    }
}

fn run(args: Args) -> ExitCode {
    let settings = match &args.settings_file {
        None => Settings::default(),
        Some(path) => match read_settings(path) {
            Ok(settings) => settings,
            Err(message) => return usage_error(&format!("{path}: {message}")),
        },
    };
    let now = args.now.unwrap_or_else(today_utc);
    let options = ReadOptions {
        now,
        day_first: args.day_first,
    };
    let mut rows = Vec::new();
    let mut anything_unread = false;
    // Everything echoed from the files goes through `terminal::safe` (bounded, control
    // characters shown), and at most `MAX_PROBLEMS` problems are printed.
    let mut problems_printed = 0usize;
    let mut problems_left = 0usize;
    for path in &args.files {
        let read = export::read_path(path, options);
        for notice in &read.notices {
            eprintln!("note: {}", safe(&notice.to_string()));
        }
        for problem in read
            .problems
            .iter()
            .chain(read.rows.iter().flat_map(|r| &r.problems))
        {
            anything_unread = true;
            if problems_printed < terminal::MAX_PROBLEMS {
                eprintln!("{}", safe(&problem.to_string()));
                problems_printed += 1;
            } else {
                problems_left += 1;
            }
        }
        rows.extend(read.rows);
    }
    if problems_left > 0 {
        eprintln!("… and {problems_left} more problems not shown");
    }
    let ranked = ranking::rank(rows, &settings, now);
    let read_code = if anything_unread {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    match args.command {
        Subcommand::Score if args.json => match table::render_json(&ranked) {
            Ok(text) => println!("{text}"),
            Err(e) => eprintln!("stallwatch: could not write JSON: {e}"),
        },
        Subcommand::Score => print!("{}", safe(&table::render_table(&ranked, now))),
        Subcommand::Suggest => match &args.deal {
            Some(query) => return suggest_one(&ranked, query, &args.files, now, read_code),
            None => suggest_all(&ranked, now),
        },
    }
    read_code
}

/// `suggest --deal KEY`: that deal in full, or why it cannot be found (exit 2).
fn suggest_one(
    ranked: &[ranking::Ranked],
    query: &str,
    files: &[String],
    now: Day,
    read_code: ExitCode,
) -> ExitCode {
    let listed = |rows: &[&ranking::Ranked]| -> String {
        rows.iter()
            .map(|r| {
                format!(
                    "\n  {:?} (key {}, {} row {})",
                    table::deal_label(r),
                    r.read.key,
                    r.read.source,
                    r.read.row
                )
            })
            .collect()
    };
    match ranking::find(ranked, query) {
        Found::One(r) => {
            print!("{}", safe(&table::render_suggestion(r, now)));
            read_code
        }
        Found::Several(rows) => {
            eprintln!(
                "{}",
                safe(&format!(
                    "stallwatch: {} deals match {query:?}; pass one key with --deal:{}",
                    rows.len(),
                    listed(&rows)
                ))
            );
            ExitCode::from(2)
        }
        Found::Nothing { close } => {
            let files = files.join(", ");
            if close.is_empty() {
                eprintln!(
                    "{}",
                    safe(&format!("stallwatch: no deal with the key or name {query:?} in {files}, and none close; `stallwatch score --json` lists every key and name"))
                );
            } else {
                eprintln!(
                    "{}",
                    safe(&format!(
                        "stallwatch: no deal with the key or name {query:?} in {files}. Close matches:{}",
                        listed(&close)
                    ))
                );
            }
            ExitCode::from(2)
        }
    }
}

/// `suggest` without `--deal`: every deal with something to send, in queue order.
fn suggest_all(ranked: &[ranking::Ranked], now: Day) {
    let to_send: Vec<&ranking::Ranked> = ranked.iter().filter(|r| r.has_message()).collect();
    if to_send.is_empty() {
        println!("Nothing to send today: no deal in these files has a message to send.");
        return;
    }
    let deals = if to_send.len() == 1 { "deal" } else { "deals" };
    println!(
        "{} {deals} with something to send, in queue order.",
        to_send.len()
    );
    for r in to_send {
        println!("\n{}\n", "═".repeat(72));
        print!("{}", safe(&table::render_suggestion(r, now)));
    }
}

/// Settings JSON: fields left out keep their defaults; an unknown field is refused, since a
/// misspelt threshold would otherwise be silently ignored.
fn read_settings(path: &str) -> Result<Settings, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot be read: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("not valid JSON: {e}"))?;
    let known = serde_json::to_value(Settings::default()).map_err(|e| e.to_string())?;
    if let (Some(given), Some(known)) = (value.as_object(), known.as_object()) {
        if let Some(unknown) = given.keys().find(|k| !known.contains_key(*k)) {
            return Err(format!("unknown setting {unknown:?}"));
        }
    } else if !value.is_object() {
        return Err("settings should be a JSON object".into());
    }
    let (settings, problems) = settings::load(&value);
    match problems.first() {
        Some(problem) => Err(problem.clone()),
        None => Ok(settings),
    }
}

/// Today's date in UTC, from the system clock (the core never reads a clock).
fn today_utc() -> Day {
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64);
    Day::from_unix_ms(ms)
}
