//! A partial reading never states a false fact: on every scenario, turning any touch's side
//! into "not shown" (`Direction::Unknown`, what the reader gives an item that names nobody), or
//! its date into unreadable (the reader then only counts it, `Deal::undated`), or leaving
//! every touch older than a day off the page as a list that shows only its newest items does
//! (`Deal::older_not_shown`), never produces a reason or a notice read from the timeline whose fact the full reading does
//! not also state word for word, nor advice (wait, walk away, close out) the full reading does
//! not give. Facts read from the deal's fields and notes cannot be made
//! false by the timeline: they must only say the same as the full reading when both state them.

mod common;
use common::all_inputs;

use stallwatch::core::message::{assess_and_compose_after, Kind};
use stallwatch::core::model::Direction;
use stallwatch::core::risk::{assess, Reads, State};

#[test]
fn an_unknown_side_never_makes_a_false_fact() {
    let mut checked = 0;
    let mut false_facts = Vec::new();
    for input in all_inputs() {
        let Some((deal, notes)) = &input.deal else {
            continue;
        };
        let full = assess(Some(deal), notes, &input.settings, input.now);
        let n = deal.touches.as_ref().map_or(0, Vec::len);
        // Each touch in turn: its side unknown, or (the second pass) its date unreadable, so
        // that it is only counted as an activity that could be anywhere in time.
        // A third pass: only the newest touches are shown (on and after the day of the i-th
        // newest), and the page says there are older ones (`Deal::older_not_shown`).
        let mut days: Vec<_> = deal.touches.iter().flatten().map(|t| t.day).collect();
        days.sort_unstable_by(|a, b| b.cmp(a));
        for (i, pass) in (0..n).flat_map(|i| [(i, 0), (i, 1), (i, 2)]) {
            let mut partial = deal.clone();
            let Some(ts) = partial.touches.as_mut() else {
                continue;
            };
            match pass {
                0 if ts[i].direction == Direction::Internal => continue,
                0 => ts[i].direction = Direction::Unknown,
                1 => {
                    ts.remove(i);
                    partial.undated += 1;
                }
                _ => {
                    let from = days[i];
                    if days.iter().all(|d| *d >= from) {
                        continue; // nothing older to leave off
                    }
                    ts.retain(|t| t.day >= from);
                    partial.older_not_shown = true;
                }
            }
            let i = match pass {
                0 => i.to_string(),
                1 => format!("{i}, undated"),
                _ => format!("only the newest from {}, older not shown", days[i]),
            };
            let a = assess(Some(&partial), notes, &input.settings, input.now);
            // A message answering their question says they asked and nothing went back: only
            // when the full reading answers it too (or reaches a stronger conclusion, walking
            // away or closing out, which sets an open question aside).
            let kind = |d: &stallwatch::core::model::Deal| {
                assess_and_compose_after(d, notes, &input.settings, input.now, None)
                    .1
                    .map(|m| m.kind)
            };
            if kind(&partial) == Some(Kind::Answer)
                && !matches!(
                    kind(deal),
                    Some(Kind::Answer | Kind::WalkAway | Kind::CloseOut)
                )
            {
                false_facts.push(format!("{} (touch {i} unknown): answers a question the full reading does not see as open", input.name));
            }
            checked += 1;
            for r in &a.reasons {
                // A fact read from the deal's fields and the notes cannot be made false by the
                // timeline; the full reading may leave it out only because the buyer asked for
                // a pause (a stage or a close date is then explained), which the partial one
                // could not hear. When both state it, they must say the same.
                if r.code.reads() == Reads::DealAndNotes {
                    if let Some(f) = full.reasons.iter().find(|f| f.code == r.code) {
                        if f.fact != r.fact {
                            false_facts.push(format!(
                                "{} (touch {i} unknown): {:?} says {:?}, truly {:?}",
                                input.name, r.code, r.fact, f.fact
                            ));
                        }
                    }
                    continue;
                }
                if !full
                    .reasons
                    .iter()
                    .any(|f| f.code == r.code && f.fact == r.fact)
                {
                    false_facts.push(format!(
                        "{} (touch {i} unknown): reason {:?}: {}",
                        input.name, r.code, r.fact
                    ));
                }
            }
            for x in &a.notices {
                if !full
                    .notices
                    .iter()
                    .any(|f| f.code == x.code && f.fact == x.fact)
                {
                    false_facts.push(format!(
                        "{} (touch {i} unknown): notice {:?}: {}",
                        input.name, x.code, x.fact
                    ));
                }
            }
            // Advice is a claim about the timeline too: to walk away or close out only where the
            // full reading does; to wait (the ball is in their court) never where it says to act.
            // (Waiting where the full reading walks away misses a conclusion; it states nothing
            // false.)
            let false_advice = match a.state {
                State::WalkAway | State::CloseOut => a.state != full.state,
                State::Wait => full.state == State::Act,
                _ => false,
            };
            if false_advice {
                false_facts.push(format!(
                    "{} (touch {i} unknown): state {:?}, truly {:?}",
                    input.name, a.state, full.state
                ));
            }
        }
    }
    assert!(checked > 300, "only {checked} variants");
    assert!(
        false_facts.is_empty(),
        "{} false facts from a partial reading:\n{}",
        false_facts.len(),
        false_facts.join("\n")
    );
}
