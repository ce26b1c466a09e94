//! Store figures on a large demo store (50 people, 10 years):
//! - demo generation time;
//! - open + unlock with a raw key (what keyring mode does), from the key in hand;
//! - the same including the fetch from the real system keyring;
//! - the prepare screen's data for one person (target: under 5 ms);
//! - the Today screen's data (target: under 20 ms);
//! - the person page with its last 20 meetings;
//! - an encrypted backup of it, checking that backup, and restoring it into
//!   an empty data directory (a new computer).
//!
//! `make bench` runs this inside a private keyring session.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

use criterion::{criterion_group, criterion_main, Criterion};
use rapport_core::flows::demo::{generate, DemoOptions};
use rapport_core::flows::person_page;
use rapport_core::flows::prep;
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
    let size = std::fs::metadata(&paths.db).map(|m| m.len()).unwrap_or(0)
        + paths
            .companions()
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum::<u64>();
    eprintln!(
        "large demo store: {} people, {} meetings, {} action items, {} highlights, {:.1} MiB on disk",
        summary.people,
        summary.meetings,
        summary.action_items,
        summary.highlights,
        size as f64 / (1024.0 * 1024.0)
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
    eprintln!(
        "backup of the large store: {:.1} MiB",
        std::fs::metadata(&file).unwrap().len() as f64 / (1024.0 * 1024.0)
    );
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

criterion_group!(store, benches);
criterion_main!(store);
