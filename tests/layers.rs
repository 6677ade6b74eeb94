//! The crate's layers, checked from the source: `core` imports nothing else from the crate;
//! `crm` imports only `core`; `view` imports `core` and `crm`; nothing below the glue imports
//! the glue, and the two front ends (the wasm glue `web`, the command line `export`) do not
//! import each other. A `use` that crosses a layer the wrong way fails here with the file and line.

use std::fs;
use std::path::Path;

/// (layer directory or file, crate modules it must not name)
const RULES: &[(&str, &[&str])] = &[
    ("src/core", &["crm", "view", "web", "export"]),
    ("src/crm", &["view", "web", "export"]),
    ("src/view", &["web", "export"]),
    // The glue and the command line are two front ends over `view`: neither uses the other.
    ("src/web", &["export"]),
    ("src/export", &["web"]),
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The lines (1-based, trimmed) of `text` that name one of the `forbidden` modules: as
/// `crate::crm`, `stallwatch::crm` (doc tests), or climbing out with `super::super::crm`.
fn crossings<'a>(text: &'a str, forbidden: &[&str]) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let crosses = forbidden.iter().any(|module| {
            [
                format!("crate::{module}"),
                format!("stallwatch::{module}"),
                format!("super::super::{module}"),
            ]
            .iter()
            .any(|n| line.contains(n.as_str()))
        });
        if crosses {
            out.push((i + 1, line.trim()));
        }
    }
    out
}

#[test]
fn each_layer_imports_only_the_layers_below_it() {
    let mut bad = Vec::new();
    let mut checked = 0;
    for (layer, forbidden) in RULES {
        let mut files = Vec::new();
        rust_files(Path::new(layer), &mut files);
        assert!(!files.is_empty(), "{layer} has no Rust files");
        for file in files {
            checked += 1;
            let text = fs::read_to_string(&file).unwrap();
            for (n, line) in crossings(&text, forbidden) {
                bad.push(format!("{}:{n}: {line}", file.display()));
            }
        }
    }
    assert!(checked > 30, "only {checked} files checked");
    assert!(bad.is_empty(), "imports across layers:\n{}", bad.join("\n"));
}

#[test]
fn a_crossing_is_seen() {
    let text = "use super::date::Day;\nuse crate::crm::detect;\n";
    assert_eq!(
        crossings(text, &["crm"]),
        vec![(2, "use crate::crm::detect;")]
    );
    assert!(crossings(text, &["view"]).is_empty());
}
