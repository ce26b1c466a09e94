//! Ten thousand inputs per target, part of every test run; and proof that
//! the driver reports what it finds with the seed that replays it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

use arbitrary::Unstructured;
use rapport_fuzz::driver::{input_for, run, FailureKind, Plan, Target};
use rapport_fuzz::{header, ics, json, markdown};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

const SHORT: u64 = 10_000;

fn short<T: Target + 'static>() {
    let plan = Plan {
        from: 0,
        inputs: SHORT,
        // Generous: a debug build on a busy machine; a hang is far longer.
        time_bound: Duration::from_secs(60),
        progress_every: None,
    };
    match run::<T>(&plan) {
        Ok(report) => {
            assert_eq!(report.inputs, SHORT);
            eprintln!("{report}");
        }
        Err(failure) => panic!("{failure}"),
    }
}

#[test]
fn ics_importer() {
    short::<ics::Ics>();
}

#[test]
fn json_importer() {
    short::<json::Json>();
}

#[test]
fn header_parser() {
    short::<header::Header>();
}

#[test]
fn notes_renderer() {
    short::<markdown::Markdown>();
}

/// A target with a bug planted in it: a panic, a broken property or a hang
/// on some inputs.
struct Planted<const WHAT: u8>;

impl<const WHAT: u8> Target for Planted<WHAT> {
    type Input = u16;
    const NAME: &'static str = "planted";

    fn new() -> Result<Self, String> {
        Ok(Planted)
    }

    fn generate(u: &mut Unstructured<'_>) -> u16 {
        u.arbitrary().unwrap_or(0)
    }

    fn check(&mut self, input: &u16) -> Result<(), String> {
        if input % 500 != 7 {
            return Ok(());
        }
        match WHAT {
            0 => panic!("planted panic on {input}"),
            1 => Err(format!("planted property on {input}")),
            _ => {
                std::thread::sleep(Duration::from_secs(3));
                Ok(())
            }
        }
    }
}

fn plan(time_bound: Duration) -> Plan {
    Plan {
        from: 1000,
        inputs: 100_000,
        time_bound,
        progress_every: None,
    }
}

/// The first seed from 1000 whose input trips the planted bug.
fn first_bad_seed() -> u64 {
    (1000..)
        .find(|s| input_for::<Planted<0>>(*s) % 500 == 7)
        .unwrap()
}

#[test]
fn a_panic_is_reported_with_the_seed_that_replays_it() {
    let failure = run::<Planted<0>>(&plan(Duration::from_secs(60))).unwrap_err();
    let seed = first_bad_seed();
    assert_eq!(failure.seed, Some(seed));
    let input = input_for::<Planted<0>>(seed);
    assert_eq!(
        failure.kind,
        FailureKind::Panic(format!("planted panic on {input}"))
    );
    let shown = failure.to_string();
    assert!(shown.contains(&format!("seed: {seed}")), "{shown}");
    assert!(
        shown.contains(&format!("-- --target planted --seed {seed}")),
        "{shown}"
    );
    assert!(shown.contains(&input.to_string()), "{shown}");
}

#[test]
fn a_broken_property_is_reported_with_its_seed() {
    let failure = run::<Planted<1>>(&plan(Duration::from_secs(60))).unwrap_err();
    assert_eq!(failure.seed, Some(first_bad_seed()));
    assert!(
        matches!(failure.kind, FailureKind::Property(ref m) if m.starts_with("planted property"))
    );
}

#[test]
fn a_slow_input_is_reported_as_a_hang() {
    let failure = run::<Planted<2>>(&plan(Duration::from_millis(500))).unwrap_err();
    assert_eq!(failure.seed, Some(first_bad_seed()));
    assert_eq!(failure.kind, FailureKind::Hang(Duration::from_millis(500)));
}

/// Set once a `SlowToDrop` target has been dropped: [0] the run that ends
/// well, [1] the one that finds a broken property.
static DROPPED: [AtomicBool; 2] = [AtomicBool::new(false), AtomicBool::new(false)];

/// A target slow to tear down, as a store in a temporary folder is.
struct SlowToDrop<const FAILS: bool>;

impl<const FAILS: bool> Target for SlowToDrop<FAILS> {
    type Input = u16;
    const NAME: &'static str = "slow-to-drop";

    fn new() -> Result<Self, String> {
        Ok(SlowToDrop)
    }

    fn generate(u: &mut Unstructured<'_>) -> u16 {
        u.arbitrary().unwrap_or(0)
    }

    fn check(&mut self, _: &u16) -> Result<(), String> {
        if FAILS {
            Err("planted property".into())
        } else {
            Ok(())
        }
    }
}

impl<const FAILS: bool> Drop for SlowToDrop<FAILS> {
    fn drop(&mut self) {
        std::thread::sleep(Duration::from_millis(300));
        DROPPED[usize::from(FAILS)].store(true, Ordering::SeqCst);
    }
}

/// Nothing of a target runs once its run has reported: a worker still
/// tearing down a store while the process exits crashed a test run at exit
/// ("double free or corruption").
#[test]
fn a_run_reports_only_once_its_target_is_dropped() {
    let report = run::<SlowToDrop<false>>(&plan(Duration::from_secs(60))).unwrap();
    assert_eq!(report.inputs, 100_000);
    assert!(
        DROPPED[0].load(Ordering::SeqCst),
        "the run reported while its target was still being dropped"
    );
    let failure = run::<SlowToDrop<true>>(&plan(Duration::from_secs(60))).unwrap_err();
    assert!(matches!(failure.kind, FailureKind::Property(_)));
    assert!(
        DROPPED[1].load(Ordering::SeqCst),
        "the failed run reported while its target was still being dropped"
    );
}
