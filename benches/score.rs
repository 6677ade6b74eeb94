//! Scoring speed: one deal with a 200-touch timeline, and a batch of 10,000 deals.
//! Run with `cargo bench --bench score`; figures are recorded in docs/performance.md.

use criterion::{criterion_group, criterion_main, Criterion};
use stallwatch::core::date::Day;
use stallwatch::core::model::{Channel, Deal, Direction, Touch};
use stallwatch::core::notes::Notes;
use stallwatch::core::risk::assess;
use stallwatch::core::settings::Settings;
use std::hint::black_box;

const BODIES: [&str; 4] = [
    "Just following up on my last note, any update?",
    "Attached is the revised proposal with the phased rollout you asked for.",
    "Thanks, we reviewed it with finance and have two questions on the discount.",
    "Can we move the call to Thursday? Our CFO wants to join.",
];

/// A deterministic deal whose timeline mixes directions, channels and bodies.
fn deal(touches: usize, seed: usize, now: Day) -> Deal {
    let timeline = (0..touches)
        .map(|i| {
            let k = i * 7 + seed;
            Touch {
                day: now.plus(-((i as i32 * 120) / touches.max(1) as i32)),
                direction: if k % 3 == 0 {
                    Direction::Inbound
                } else {
                    Direction::Outbound
                },
                channel: [Channel::Email, Channel::Call, Channel::Meeting][k % 3],
                subject: format!("Re: Proposal v{}", k % 5),
                body: BODIES[k % BODIES.len()].to_string(),
            }
        })
        .collect();
    Deal {
        key: format!("bench:{seed}"),
        name: Some(format!("Deal {seed}")),
        stage: Some("Proposal/Price Quote".into()),
        close_date: Some(now.plus(seed as i32 % 60 - 30)),
        previous_close_dates: vec![now.plus(-60), now.plus(-40)],
        stage_entered: Some(now.plus(-(seed as i32 % 50))),
        touches: Some(timeline),
        ..Deal::default()
    }
}

fn bench(c: &mut Criterion) {
    let now = Day::from_ymd(2026, 3, 20).expect("valid date");
    let settings = Settings::default();
    let notes = Notes {
        reason: Some("have dispatch live before the spring peak".into()),
        avoid_channels: vec![Channel::Call],
        ..Notes::default()
    };
    let one = deal(200, 1, now);
    c.bench_function("assess one deal, 200 touches", |b| {
        b.iter(|| assess(black_box(Some(&one)), &notes, &settings, now))
    });
    let batch: Vec<Deal> = (0..10_000).map(|i| deal(20, i, now)).collect();
    c.bench_function("assess 10,000 deals, 20 touches each", |b| {
        b.iter(|| {
            batch
                .iter()
                .map(|d| assess(Some(d), &notes, &settings, now).stall_risk)
                .filter(|r| r.is_some_and(|r| r >= 65))
                .count()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
