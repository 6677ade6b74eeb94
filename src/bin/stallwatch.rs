//! `stallwatch`: the command-line face of the same core the extension runs.
//!
//! Commands:
//!   stallwatch read-plan      print the content script's read plans as JavaScript (build step)
//!
//! Exit codes: 0 success, 2 usage error.

use std::process::ExitCode;

const USAGE: &str = "usage: stallwatch read-plan";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("read-plan") => {
            print!("{}", stallwatch::crm::plan::plans_as_js());
            ExitCode::SUCCESS
        }
        Some("-h" | "--help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
