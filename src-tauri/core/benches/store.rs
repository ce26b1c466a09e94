//! Store figures on a large demo store (50 people, 10 years):
//! - demo generation time;
//! - open + unlock with a raw key (what keyring mode does), from the key in hand;
//! - the same including the fetch from the real system keyring;
//! - the prepare screen's data for one person, with topics, growth plans,
//!   feedback and mood over the years (target: under 5 ms);
//! - the Today screen's data (target: under 20 ms);
//! - the person page with its last 20 meetings;
//! - an encrypted backup of it, checking that backup, and restoring it into
//!   an empty data directory (a new computer);
//! - search: latency over a set of queries (p50, p95, worst), building the
//!   index from scratch, and the cost the index adds to an autosave of the
//!   notes (the same store with and without the index's triggers);
//! - a review packet of the longest-serving person over ten years.
//!
//! `make bench` runs this inside a private keyring session.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

use criterion::{criterion_group, criterion_main, Criterion};
use rapport_core::flows::demo::{generate, DemoOptions};
use rapport_core::flows::person_page;
use rapport_core::flows::prep;
use rapport_core::flows::team_stats;
use rapport_core::flows::today;
use rapport_core::store::backup::{self, RestoreOptions};
use rapport_core::store::keys::{MemoryKeyStore, SystemKeyring};
use rapport_core::{Store, StorePaths, SystemClock};
use std::sync::Arc;
use std::time::{Duration, Instant};

const LARGE: DemoOptions = DemoOptions {
    people: 50,
    years: 10,
    seed: 1,
};

fn large_store(
    keys: &dyn rapport_core::store::keys::KeyStore,
) -> (tempfile::TempDir, StorePaths, Duration) {
    let tmp = tempfile::tempdir().unwrap();
    let paths = StorePaths::in_dir(tmp.path().join("data"));
    let mut store = Store::create(&paths, keys, Arc::new(SystemClock)).unwrap();
    let started = Instant::now();
    let summary = generate(&mut store, LARGE).unwrap();
    let took = started.elapsed();
    let db = std::fs::metadata(&paths.db).map(|m| m.len()).unwrap_or(0);
    let companions = paths
        .companions()
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum::<u64>();
    let mib = |bytes: u64| bytes as f64 / (1024.0 * 1024.0);
    eprintln!(
        "large demo store: {} people, {} meetings, {} action items, {} highlights, {} topics, \
         {} feedback, {} growth plans, {} mood check-ins; \
         {:.1} MiB database + {:.1} MiB write-ahead log",
        summary.people,
        summary.meetings,
        summary.action_items,
        summary.highlights,
        summary.topics,
        summary.feedback,
        summary.growth_plans,
        summary.moods,
        mib(db),
        mib(companions)
    );
    (tmp, paths, took)
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("store");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("demo --people 50 --years 10", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let keys = MemoryKeyStore::new();
                let (_tmp, _paths, took) = large_store(&keys);
                total += took;
            }
            total
        })
    });
    group.finish();

    let mut group = c.benchmark_group("store");
    group.sample_size(50);
    let keys = MemoryKeyStore::new();
    let (_tmp, paths, _) = large_store(&keys);
    group.bench_function("open+unlock, raw key (large store)", |b| {
        b.iter(|| Store::open(&paths, &keys, Arc::new(SystemClock)).unwrap())
    });
    let (_tmp2, keyring_paths, _) = large_store(&SystemKeyring);
    group.bench_function("open+unlock via system keyring (large store)", |b| {
        b.iter(|| Store::open(&keyring_paths, &SystemKeyring, Arc::new(SystemClock)).unwrap())
    });
    group.finish();

    let mut group = c.benchmark_group("screens");
    group.sample_size(100);
    let store = Store::open(&paths, &keys, Arc::new(SystemClock)).unwrap();
    let people = store.people().list().unwrap();
    // The person with the longest history: the first one created.
    let person = people
        .iter()
        .min_by_key(|p| p.created_at)
        .map(|p| p.id.clone())
        .unwrap();
    group.bench_function("prepare screen data (large store)", |b| {
        b.iter(|| prep::prepare(&store, &person).unwrap())
    });
    group.bench_function("today screen data (large store)", |b| {
        b.iter(|| today::today(&store).unwrap())
    });
    group.bench_function("person page, last 20 meetings (large store)", |b| {
        b.iter(|| person_page::person_page(&store, &person, Some(20)).unwrap())
    });
    group.finish();

    let mut group = c.benchmark_group("team");
    group.sample_size(50);
    let today = store.clock().day_of(store.clock().now());
    for (label, days) in [("last year", 365), ("10 years", 3653)] {
        let period = team_stats::StatsPeriod::last_days(today, days);
        let stats = team_stats::team(&store, period, None).unwrap();
        eprintln!(
            "team numbers over {label}: {} people, {} 1:1s due, {} action items due",
            stats.people.len(),
            stats.team.due,
            stats.team.items_due
        );
        group.bench_function(format!("team screen data, {label} (large store)"), |b| {
            b.iter(|| team_stats::team(&store, period, None).unwrap())
        });
    }
    group.finish();

    let mut group = c.benchmark_group("backup");
    // A run takes seconds: ten of them, with the time they need.
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(25));
    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("large.rapportbackup");
    group.bench_function("back up (large store)", |b| {
        b.iter(|| store.back_up_to(&file, true).unwrap())
    });
    // A filtered run (`make bench` with a pattern) may not have made it.
    if let Ok(meta) = std::fs::metadata(&file) {
        eprintln!(
            "backup of the large store: {:.1} MiB",
            meta.len() as f64 / (1024.0 * 1024.0)
        );
    }
    group.bench_function("verify backup (large store)", |b| {
        b.iter(|| backup::verify_backup(&file, &keys).unwrap())
    });
    group.bench_function("restore into an empty data directory (large store)", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |target| {
                let paths = StorePaths::in_dir(target.path().join("data"));
                let restored = backup::restore(
                    &file,
                    &paths,
                    &keys,
                    Arc::new(SystemClock),
                    RestoreOptions::default(),
                )
                .unwrap();
                (restored.store, target)
            },
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// Queries a manager types, of every shape: common, middling and rare
/// words, phrases, prefixes, OR, exclusions, and filtered by person,
/// quarter, kind and template. `{person}` is the longest-serving person's
/// name, `{year}` last year.
const QUERIES: &[&str] = &[
    "team",
    "release",
    "priorities",
    "Kestrel",
    "Borealis",
    "sabbatical",
    "harpsichord",
    "firefighter",
    "\"focus mornings\"",
    "\"on-call load\"",
    "\"design review\"",
    "migr*",
    "obs*",
    "onboard*",
    "promotion OR compensation",
    "release -retro",
    "release person:\"{person}\"",
    "Kestrel person:\"{person}\"",
    "release date:{year}-Q2",
    "hiring date:{year}-Q1",
    "stretched kind:concern",
    "promotion kind:private",
    "growth template:\"Career development\"",
    "incident meeting:urgent",
];

/// Milliseconds of the `q`-quantile of sorted durations.
fn quantile(sorted: &[Duration], q: f64) -> f64 {
    let at = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[at].as_secs_f64() * 1000.0
}

fn search_benches(c: &mut Criterion) {
    use rapport_core::flows::search::{search, SearchRequest};
    let keys = MemoryKeyStore::new();
    let (_tmp, paths, _) = large_store(&keys);
    let mut store = Store::open(&paths, &keys, Arc::new(SystemClock)).unwrap();
    let person = store
        .people()
        .list()
        .unwrap()
        .into_iter()
        .min_by_key(|p| p.created_at)
        .unwrap();
    let year = store
        .clock()
        .day_of(store.clock().now())
        .format("%Y")
        .to_string();
    let last_year = (year.parse::<i32>().unwrap() - 1).to_string();
    let request = |query: &str, best: bool| SearchRequest {
        query: query
            .replace("{person}", &person.name)
            .replace("{year}", &last_year),
        best_match_first: Some(best),
        ..Default::default()
    };

    // Every query, newest first (the default) and best match first: 30
    // runs each after a warm-up, the way the window asks (one page of 50).
    for best in [false, true] {
        let mut all = Vec::new();
        eprintln!(
            "search, {} (ms: median / worst of 30, hits):",
            if best {
                "best match first"
            } else {
                "newest first"
            }
        );
        for query in QUERIES {
            let request = request(query, best);
            let results = search(&store, &request).unwrap();
            let mut runs: Vec<Duration> = (0..30)
                .map(|_| {
                    let started = Instant::now();
                    std::hint::black_box(search(&store, &request).unwrap());
                    started.elapsed()
                })
                .collect();
            runs.sort();
            eprintln!(
                "  {:<42} {:>7.3} / {:>7.3}  {:>6}",
                request.query,
                quantile(&runs, 0.5),
                quantile(&runs, 1.0),
                results.total
            );
            all.extend(runs);
        }
        all.sort();
        eprintln!(
            "  all {} runs of {} queries: p50 {:.3} ms, p95 {:.3} ms, worst {:.3} ms",
            all.len(),
            QUERIES.len(),
            quantile(&all, 0.5),
            quantile(&all, 0.95),
            quantile(&all, 1.0)
        );
    }

    let mut group = c.benchmark_group("search");
    group.sample_size(50);
    for query in [
        "release",
        "sabbatical",
        "\"design review\"",
        "release person:\"{person}\"",
    ] {
        let request = request(query, false);
        group.bench_function(format!("search {} (large store)", request.query), |b| {
            b.iter(|| search(&store, &request).unwrap())
        });
    }
    group.finish();

    let mut group = c.benchmark_group("review packet");
    group.sample_size(50);
    let ten_years = rapport_core::formats::review::ReviewRequest {
        person_id: person.id.clone(),
        from: Some(store.clock().day_of(store.clock().now()) - chrono::Duration::days(3660)),
        to: None,
        shareable: None,
    };
    let packet = rapport_core::formats::review::build(&store, &ten_years).unwrap();
    eprintln!(
        "review packet over 10 years: {} held 1:1s, {} highlights, {} action items, {} excerpts",
        packet.attendance.held,
        packet.highlights.len(),
        packet.actions.opened,
        packet.excerpts.len()
    );
    group.bench_function(
        "review packet, one person over 10 years (large store)",
        |b| b.iter(|| rapport_core::formats::review::build(&store, &ten_years).unwrap()),
    );
    group.bench_function("review packet as Markdown, 10 years (large store)", |b| {
        b.iter(|| {
            rapport_core::formats::review::markdown(
                &rapport_core::formats::review::build(&store, &ten_years).unwrap(),
            )
        })
    });
    group.finish();

    let mut group = c.benchmark_group("search index");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(60));
    group.bench_function("build the index from scratch (large store)", |b| {
        b.iter(|| store.write(|tx| tx.search_index().rebuild()).unwrap())
    });
    eprintln!(
        "search index of the large store: {} texts",
        store.search_index().len().unwrap()
    );
    group.finish();

    // An autosave: the notes of the coming 1:1 grow by a sentence at a time,
    // with the index kept in step, then on a copy without its triggers.
    let mut group = c.benchmark_group("autosave");
    group.sample_size(100);
    let meeting = store
        .schedule()
        .current_or_next(&person.id, store.clock().now())
        .unwrap()
        .unwrap();
    let autosave = |store: &mut Store, round: &mut usize| {
        *round += 1;
        let text =
            "Talked through the rollout plan and who reviews what. ".repeat(20 + *round % 20);
        rapport_core::flows::session::save_notes(
            store,
            &meeting.id,
            rapport_core::records::meetings::NotesPatch {
                shared_notes: Some(text),
                private_notes: None,
                private_prep_notes: None,
            },
        )
        .unwrap();
    };
    let mut round = 0;
    group.bench_function("autosave notes, index kept in step (large store)", |b| {
        b.iter(|| autosave(&mut store, &mut round))
    });
    drop(store);
    let plain_dir = tempfile::tempdir().unwrap();
    let plain_paths = StorePaths::in_dir(plain_dir.path().join("data"));
    std::fs::create_dir_all(&plain_paths.dir).unwrap();
    std::fs::copy(&paths.db, &plain_paths.db).unwrap();
    std::fs::copy(&paths.header, &plain_paths.header).unwrap();
    let mut plain = Store::open(&plain_paths, &keys, Arc::new(SystemClock)).unwrap();
    rapport_core::store::bench_support::drop_search_triggers(&mut plain).unwrap();
    group.bench_function("autosave notes, without the index (large store)", |b| {
        b.iter(|| autosave(&mut plain, &mut round))
    });
    group.finish();
}

criterion_group!(store, benches, search_benches);
criterion_main!(store);
