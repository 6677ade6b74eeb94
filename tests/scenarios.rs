//! The scenario suite: every `tests/scenarios/*.json` file is a deal situation from the sales
//! playbook with the properties docs/scoring.md implies for it (state, reasons present or absent,
//! orderings between scenarios, facts the reasons must name). The format is described in
//! tests/scenarios/README.md.
//!
//! All scenarios are assessed and every failed expectation is collected, then the test fails
//! once with the whole list, so one run shows everything that disagrees with the spec.

use serde::Deserialize;
use serde_json::{Map, Value};
use stallwatch::core::date::parse_iso;
use stallwatch::core::input::deal_from_json;
use stallwatch::core::notes::Notes;
use stallwatch::core::risk::{assess, ReasonCode};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

mod common;
use common::{build_settings, scenario_files, DIR};

const SCORING_DOC: &str = include_str!("../docs/scoring.md");
const MIN_SCENARIOS: usize = 45;

/// Every reason code the model can give: each must be named in docs/scoring.md and expected
/// by at least one scenario (checked below), so a new signal cannot ship undocumented.
fn codes() -> Vec<&'static str> {
    ReasonCode::ALL.iter().map(|c| c.as_str()).collect()
}
const STATES: &[&str] = &[
    "act",
    "wait",
    "snoozed",
    "walk_away",
    "close_out",
    "closed",
    "not_a_deal",
];
const NOTICES: &[&str] = &["auto_reply", "stated_resume", "snooze_ended_early"];
const SECTIONS: &[&str] = &["act_today", "waiting", "paused", "closed"];
const UNSCORED_STATES: &[&str] = &["closed", "not_a_deal"];
const BANDS: &[&str] = &["low", "watch", "high"];
const CONFIDENCES: &[&str] = &["low", "medium", "high"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioFile {
    about: String,
    now: String,
    /// Required; `null` means "not a deal page".
    deal: Value,
    #[serde(default)]
    settings: Option<Value>,
    expect: Expect,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    state: String,
    #[serde(default)]
    band: Option<String>,
    #[serde(default)]
    reasons: Vec<String>,
    #[serde(default)]
    not_reasons: Vec<String>,
    #[serde(default)]
    top_reason: Option<String>,
    #[serde(default)]
    confidence: Option<String>,
    #[serde(default)]
    missing_mentions: Vec<String>,
    #[serde(default)]
    fact_mentions: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    act_from: Option<String>,
    #[serde(default)]
    riskier_than: Vec<String>,
    /// Notice codes that must be among the assessment's notices.
    #[serde(default)]
    notices: Vec<String>,
    /// The triage section: act_today, waiting, paused, closed.
    #[serde(default)]
    section: Option<String>,
}

/// One assessed scenario.
struct Outcome {
    name: String,
    expect: Expect,
    /// The assessment as JSON (the same snake_case names the CLI prints).
    actual: Value,
}

impl Outcome {
    fn risk(&self) -> Option<u64> {
        self.actual["stall_risk"].as_u64()
    }

    fn reasons(&self) -> Vec<(String, u64, String)> {
        self.actual["reasons"]
            .as_array()
            .map(|rs| {
                rs.iter()
                    .map(|r| {
                        (
                            r["code"].as_str().unwrap_or("?").to_string(),
                            r["points"].as_u64().unwrap_or(0),
                            r["fact"].as_str().unwrap_or("").to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn summary(&self) -> String {
        let risk = match self.risk() {
            Some(r) => r.to_string(),
            None => "none".to_string(),
        };
        let reasons: Vec<String> = self
            .reasons()
            .iter()
            .map(|(c, p, _)| format!("{c} {p}"))
            .collect();
        format!(
            "actual: state={} risk={} band={} confidence={} reasons=[{}]",
            str_or(&self.actual["state"]),
            risk,
            str_or(&self.actual["band"]),
            str_or(&self.actual["confidence"]),
            reasons.join(", ")
        )
    }
}

fn str_or(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "none".to_string(),
        other => other.to_string(),
    }
}

/// Failures of one scenario, printed together.
#[derive(Default)]
struct Report {
    /// Scenario name → failed expectations (and, last, the actual summary).
    by_scenario: BTreeMap<String, Vec<String>>,
    /// Suite-level problems (coverage, counts).
    suite: Vec<String>,
}

impl Report {
    fn fail(&mut self, scenario: &str, what: String) {
        self.by_scenario
            .entry(scenario.to_string())
            .or_default()
            .push(what);
    }
}

/// Problems in the scenario file itself (not in the implementation).
fn validate(name: &str, s: &ScenarioFile) -> Vec<String> {
    let e = &s.expect;
    let mut bad = Vec::new();
    if s.about.trim().is_empty() {
        bad.push("`about` is empty".to_string());
    }
    if !STATES.contains(&e.state.as_str()) {
        bad.push(format!("unknown state `{}`", e.state));
    }
    if let Some(b) = &e.band {
        if !BANDS.contains(&b.as_str()) {
            bad.push(format!("unknown band `{b}`"));
        }
    }
    if let Some(c) = &e.confidence {
        if !CONFIDENCES.contains(&c.as_str()) {
            bad.push(format!("unknown confidence `{c}`"));
        }
    }
    for n in &e.notices {
        if !NOTICES.contains(&n.as_str()) {
            bad.push(format!("unknown notice `{n}`"));
        }
    }
    if let Some(sec) = &e.section {
        if !SECTIONS.contains(&sec.as_str()) {
            bad.push(format!("unknown section `{sec}`"));
        }
    }
    let named = e
        .reasons
        .iter()
        .chain(&e.not_reasons)
        .chain(&e.top_reason)
        .chain(e.fact_mentions.keys());
    for code in named {
        if !codes().contains(&code.as_str()) {
            bad.push(format!("unknown reason code `{code}`"));
        }
    }
    for code in &e.reasons {
        if e.not_reasons.contains(code) {
            bad.push(format!("`{code}` is in both reasons and not_reasons"));
        }
    }
    for code in e.fact_mentions.keys() {
        if e.not_reasons.contains(code) {
            bad.push(format!(
                "fact_mentions names `{code}`, which not_reasons excludes"
            ));
        }
    }
    if let Some(d) = &e.act_from {
        if parse_iso(d).is_none() {
            bad.push(format!("act_from {d:?} is not a date"));
        }
        if e.state != "wait" {
            bad.push("act_from is only meaningful with state `wait`".to_string());
        }
    }
    let unscored = UNSCORED_STATES.contains(&e.state.as_str());
    if unscored
        && (e.band.is_some()
            || !e.reasons.is_empty()
            || e.top_reason.is_some()
            || !e.fact_mentions.is_empty()
            || !e.riskier_than.is_empty())
    {
        bad.push(format!(
            "state `{}` is never scored: it cannot expect a band, reasons or riskier_than",
            e.state
        ));
    }
    if s.deal.is_null() && e.state != "not_a_deal" {
        bad.push("`deal: null` is a page that is not a deal: expect state `not_a_deal`".into());
    }
    if e.riskier_than.iter().any(|o| o == name) {
        bad.push("riskier_than names the scenario itself".to_string());
    }
    bad
}

/// Loads and assesses one file. `Err` is a malformed scenario, reported under its file name.
fn run_one(name: &str, text: &str) -> Result<Outcome, Vec<String>> {
    let raw: Value =
        serde_json::from_str(text).map_err(|e| vec![format!("not valid JSON: {e}")])?;
    if raw
        .as_object()
        .is_some_and(|o: &Map<String, Value>| !o.contains_key("deal"))
    {
        return Err(vec![
            "`deal` is required (use null for a page that is not a deal)".into(),
        ]);
    }
    let s: ScenarioFile =
        serde_json::from_value(raw).map_err(|e| vec![format!("not a scenario: {e}")])?;
    let problems = validate(name, &s);
    if !problems.is_empty() {
        return Err(problems);
    }
    let now = parse_iso(&s.now).ok_or_else(|| vec![format!("now {:?} is not a date", s.now)])?;
    let settings = build_settings(s.settings.as_ref()).map_err(|e| vec![e])?;
    let assessment = if s.deal.is_null() {
        assess(None, &Notes::default(), &settings, now)
    } else {
        let (deal, notes) =
            deal_from_json(&s.deal, name).map_err(|e| vec![format!("deal: {e}")])?;
        if !notes.problems.is_empty() {
            return Err(vec![format!("notes: {}", notes.problems.join(" "))]);
        }
        assess(Some(&deal), &notes.notes, &settings, now)
    };
    let mut actual = serde_json::to_value(&assessment).expect("assessments serialize");
    actual["section"] = serde_json::to_value(assessment.section()).expect("sections serialize");
    Ok(Outcome {
        name: name.to_string(),
        expect: s.expect,
        actual,
    })
}

/// The expectations of one scenario that do not need the others.
fn check(o: &Outcome, report: &mut Report) {
    let e = &o.expect;
    let a = &o.actual;
    let mut fails: Vec<String> = Vec::new();
    let state = str_or(&a["state"]);
    if state != e.state {
        fails.push(format!("state: expected `{}`, got `{state}`", e.state));
    }
    let reasons = o.reasons();
    let codes: Vec<&str> = reasons.iter().map(|(c, _, _)| c.as_str()).collect();
    if UNSCORED_STATES.contains(&e.state.as_str()) {
        if !a["stall_risk"].is_null() || !a["band"].is_null() || !reasons.is_empty() {
            fails.push(format!(
                "a `{}` deal is never scored: expected no stall_risk, no band and no reasons",
                e.state
            ));
        }
    } else if o.risk().is_none() {
        fails.push(format!(
            "state `{}` is scored: expected a stall_risk",
            e.state
        ));
    }
    if let Some(band) = &e.band {
        let got = str_or(&a["band"]);
        if &got != band {
            fails.push(format!("band: expected `{band}`, got `{got}`"));
        }
    }
    for code in &e.reasons {
        if !codes.contains(&code.as_str()) {
            fails.push(format!("reason `{code}` expected but absent"));
        }
    }
    for code in &e.not_reasons {
        if codes.contains(&code.as_str()) {
            fails.push(format!("reason `{code}` present but should be absent"));
        }
    }
    if let Some(top) = &e.top_reason {
        match codes.first() {
            Some(first) if first == top => {}
            Some(first) => fails.push(format!("top reason: expected `{top}`, got `{first}`")),
            None => fails.push(format!("top reason: expected `{top}`, got no reasons")),
        }
    }
    if let Some(c) = &e.confidence {
        let got = str_or(&a["confidence"]);
        if &got != c {
            fails.push(format!("confidence: expected `{c}`, got `{got}`"));
        }
    }
    let missing: Vec<String> = a["missing"]
        .as_array()
        .map(|m| m.iter().map(str_or).collect())
        .unwrap_or_default();
    let notices: Vec<String> = a["notices"]
        .as_array()
        .map(|ns| ns.iter().map(|n| str_or(&n["code"])).collect())
        .unwrap_or_default();
    for n in &e.notices {
        if !notices.contains(n) {
            fails.push(format!(
                "notice `{n}` expected but absent (notices = {notices:?})"
            ));
        }
    }
    if let Some(sec) = &e.section {
        let got = str_or(&a["section"]);
        if &got != sec {
            fails.push(format!("section: expected `{sec}`, got `{got}`"));
        }
    }
    for want in &e.missing_mentions {
        let w = want.to_lowercase();
        if !missing.iter().any(|m| m.to_lowercase().contains(&w)) {
            fails.push(format!(
                "missing: no entry mentions {want:?} (missing = {missing:?})"
            ));
        }
    }
    for (code, wants) in &e.fact_mentions {
        match reasons.iter().find(|(c, _, _)| c == code) {
            None => fails.push(format!(
                "fact of `{code}`: the reason is absent, so it cannot mention {wants:?}"
            )),
            Some((_, _, fact)) => {
                let f = fact.to_lowercase();
                for want in wants {
                    if !f.contains(&want.to_lowercase()) {
                        fails.push(format!(
                            "fact of `{code}` should mention {want:?}: {fact:?}"
                        ));
                    }
                }
            }
        }
    }
    if let Some(want) = &e.act_from {
        let got = str_or(&a["act_from"]);
        if &got != want {
            fails.push(format!("act_from: expected {want}, got {got}"));
        }
    }
    for f in fails {
        report.fail(&o.name, f);
    }
}

#[test]
fn scenarios() {
    let mut report = Report::default();
    let mut outcomes: Vec<Outcome> = Vec::new();
    let files = scenario_files();
    for (name, path) in &files {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                report.fail(
                    name,
                    format!("malformed scenario file {}: {e}", path.display()),
                );
                continue;
            }
        };
        match run_one(name, &text) {
            Ok(o) => outcomes.push(o),
            Err(problems) => {
                for p in problems {
                    report.fail(name, format!("malformed scenario file {name}.json: {p}"));
                }
            }
        }
    }

    // `SCENARIOS_VERBOSE=1 cargo test --test scenarios -- --nocapture` prints every assessment.
    let verbose = std::env::var_os("SCENARIOS_VERBOSE").is_some();
    for o in &outcomes {
        check(o, &mut report);
        if verbose {
            println!("{}: {}", o.name, o.summary());
            for (c, _, f) in o.reasons() {
                println!("    {c}: {f}");
            }
            if !o.actual["act_from"].is_null() {
                println!("    act_from: {}", str_or(&o.actual["act_from"]));
            }
        }
    }

    // Orderings between scenarios, once every scenario is assessed.
    let by_name: BTreeMap<&str, &Outcome> = outcomes.iter().map(|o| (o.name.as_str(), o)).collect();
    let names: BTreeSet<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for o in &outcomes {
        for other in &o.expect.riskier_than {
            if !names.contains(other.as_str()) {
                report.fail(&o.name, format!("malformed scenario file {}.json: riskier_than names unknown scenario `{other}`", o.name));
                continue;
            }
            let Some(other_o) = by_name.get(other.as_str()) else {
                report.fail(
                    &o.name,
                    format!("riskier_than `{other}`: that scenario could not be run"),
                );
                continue;
            };
            if UNSCORED_STATES.contains(&other_o.expect.state.as_str()) {
                report.fail(&o.name, format!(
                    "malformed scenario file {}.json: riskier_than `{other}`, which expects `{}` and so has no risk",
                    o.name, other_o.expect.state
                ));
                continue;
            }
            match (o.risk(), other_o.risk()) {
                (Some(mine), Some(theirs)) if mine > theirs => {}
                (mine, theirs) => report.fail(
                    &o.name,
                    format!(
                        "riskier_than `{other}`: expected stall_risk {} > {} (theirs: {})",
                        mine.map_or("none".into(), |r| r.to_string()),
                        theirs.map_or("none".into(), |r| r.to_string()),
                        other_o.summary()
                    ),
                ),
            }
        }
    }

    // Coverage of the suite itself.
    if files.len() < MIN_SCENARIOS {
        report.suite.push(format!(
            "only {} scenarios in {DIR}; at least {MIN_SCENARIOS} are required",
            files.len()
        ));
    }
    let mut expected_codes: BTreeSet<&str> = BTreeSet::new();
    let mut expected_states: BTreeSet<&str> = BTreeSet::new();
    for o in &outcomes {
        expected_codes.extend(o.expect.reasons.iter().map(String::as_str));
        expected_states.insert(o.expect.state.as_str());
    }
    for code in codes() {
        if !SCORING_DOC.contains(&format!("`{code}`")) {
            report.suite.push(format!(
                "reason code `{code}` is not named in docs/scoring.md"
            ));
        }
        if !expected_codes.contains(code) {
            report
                .suite
                .push(format!("no scenario expects the reason `{code}`"));
        }
    }
    for state in STATES {
        if !expected_states.contains(state) {
            report
                .suite
                .push(format!("no scenario expects the state `{state}`"));
        }
    }
    let readme = std::fs::read_to_string(Path::new(DIR).join("README.md")).unwrap_or_default();
    for (name, _) in &files {
        if !readme.contains(&format!("`{name}`")) {
            report
                .suite
                .push(format!("tests/scenarios/README.md does not list `{name}`"));
        }
    }

    if report.by_scenario.is_empty() && report.suite.is_empty() {
        println!("{} scenarios, all expectations hold", outcomes.len());
        return;
    }
    let mut out = String::new();
    let mut n = 0;
    for (name, fails) in &report.by_scenario {
        n += fails.len();
        out.push_str(&format!("\n{name}:\n"));
        for f in fails {
            out.push_str(&format!("  - {f}\n"));
        }
        if let Some(o) = by_name.get(name.as_str()) {
            out.push_str(&format!("  {}\n", o.summary()));
            let facts: Vec<String> = o
                .reasons()
                .into_iter()
                .map(|(c, _, f)| format!("    {c}: {f}"))
                .collect();
            if !facts.is_empty() {
                out.push_str(&facts.join("\n"));
                out.push('\n');
            }
        }
    }
    if !report.suite.is_empty() {
        out.push_str("\nsuite:\n");
        for f in &report.suite {
            n += 1;
            out.push_str(&format!("  - {f}\n"));
        }
    }
    panic!(
        "{n} failed expectation(s) in {} of {} scenario(s):\n{out}",
        report.by_scenario.len(),
        files.len()
    );
}
