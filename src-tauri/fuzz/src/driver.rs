//! Runs a target over a range of seeds. Each seed gives the same input on
//! every machine, so a failure is replayed from its seed alone. A panic, a
//! broken property or an input that takes longer than the time bound stops
//! the run and is reported with the seed and the input.

use arbitrary::Unstructured;
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// One thing to fuzz: how to build an input from random bytes, and what must
/// hold for every input.
pub trait Target: Sized {
    type Input: fmt::Debug;
    const NAME: &'static str;

    /// Whatever the checks need once (a temporary store, a reference export).
    fn new() -> Result<Self, String>;

    /// Builds an input; runs on any bytes, including none.
    fn generate(u: &mut Unstructured<'_>) -> Self::Input;

    /// Err names the property the input broke; a panic is caught by the driver.
    fn check(&mut self, input: &Self::Input) -> Result<(), String>;
}

/// The input of `seed` for target `T`.
pub fn input_for<T: Target>(seed: u64) -> T::Input {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    // Mostly small inputs, which run fast and reach every branch; now and
    // then a large one, which finds what only size triggers.
    let len = match rng.random_range(0..16u8) {
        0..=5 => rng.random_range(0..256),
        6..=12 => rng.random_range(256..2048),
        13..=14 => rng.random_range(2048..8192),
        _ => rng.random_range(8192..32768),
    };
    let mut bytes = vec![0u8; len];
    rng.fill_bytes(&mut bytes);
    T::generate(&mut Unstructured::new(&bytes))
}

#[derive(Debug, Clone)]
pub struct Plan {
    /// The first seed; the run takes `inputs` consecutive seeds from it.
    pub from: u64,
    pub inputs: u64,
    /// An input still running after this long is reported as a hang.
    pub time_bound: Duration,
    /// Print a progress line every so often (for long runs).
    pub progress_every: Option<Duration>,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub target: &'static str,
    pub inputs: u64,
    pub elapsed: Duration,
}

impl Report {
    pub fn per_second(&self) -> f64 {
        self.inputs as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} inputs in {:.1} s, {:.0} inputs/s, no panic, hang or broken property",
            self.target,
            self.inputs,
            self.elapsed.as_secs_f64(),
            self.per_second()
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailureKind {
    Setup(String),
    Panic(String),
    Property(String),
    Hang(Duration),
}

#[derive(Debug, Clone)]
pub struct Failure {
    pub target: &'static str,
    pub seed: Option<u64>,
    pub kind: FailureKind,
    /// The input, as Rust would write it, shortened when long.
    pub input: String,
}

/// What a long input is cut to in a report; the seed replays it whole.
const SHOWN_INPUT_CHARS: usize = 4000;

impl Failure {
    fn new<T: Target>(seed: u64, kind: FailureKind) -> Failure {
        Failure {
            target: T::NAME,
            seed: Some(seed),
            kind,
            input: shown::<T>(seed),
        }
    }

    /// The command that runs this input again.
    pub fn replay(&self) -> Option<String> {
        self.seed.map(|seed| {
            format!(
                "cargo run --release -p rapport-fuzz -- --target {} --seed {seed}",
                self.target
            )
        })
    }
}

fn shown<T: Target>(seed: u64) -> String {
    // Building the input again cannot loop: generators are bounded.
    let full = format!("{:#?}", input_for::<T>(seed));
    if full.chars().count() <= SHOWN_INPUT_CHARS {
        full
    } else {
        let cut: String = full.chars().take(SHOWN_INPUT_CHARS).collect();
        format!("{cut}… (cut; replay the seed for all of it)")
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match &self.kind {
            FailureKind::Setup(m) => format!("could not start: {m}"),
            FailureKind::Panic(m) => format!("panicked: {m}"),
            FailureKind::Property(m) => format!("broke a property: {m}"),
            FailureKind::Hang(d) => {
                format!("hang: one input ran for more than {:.1} s", d.as_secs_f64())
            }
        };
        writeln!(f, "fuzz target {} {what}", self.target)?;
        if let (Some(seed), Some(replay)) = (self.seed, self.replay()) {
            writeln!(f, "seed: {seed}")?;
            writeln!(f, "replay: {replay}")?;
            write!(f, "input:\n{}", self.input)?;
        }
        Ok(())
    }
}

enum Message {
    Ready,
    Done(u64),
    Failed(u64, FailureKind),
}

struct Progress {
    current: AtomicU64,
    done: AtomicU64,
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_string()
    }
}

/// Time allowed for a target's setup before it is called stuck.
const SETUP_BOUND: Duration = Duration::from_secs(120);

/// Runs `plan.inputs` seeds through `T` on a worker thread while this thread
/// watches the clock. Once it reports, the worker has ended: its target is
/// dropped and its thread gone, so nothing of it runs while the process that
/// called `run` exits (a thread still tearing down a store as the process's
/// exit handlers free the same libraries' state is a crash at exit). Only a
/// hung input leaves its thread behind, told to stop at the next input; the
/// process that called `run` is expected to report and exit.
pub fn run<T: Target + 'static>(plan: &Plan) -> Result<Report, Failure> {
    let progress = Arc::new(Progress {
        current: AtomicU64::new(plan.from),
        done: AtomicU64::new(0),
    });
    let stop = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel();
    let worker_progress = Arc::clone(&progress);
    let worker_stop = Arc::clone(&stop);
    let (from, inputs) = (plan.from, plan.inputs);
    crate::abort::install();
    let spawned = std::thread::Builder::new()
        .name(format!("fuzz-{}", T::NAME))
        .spawn(move || {
            let mut target = match catch_unwind(T::new) {
                Ok(Ok(t)) => t,
                Ok(Err(m)) => {
                    let _ = tx.send(Message::Failed(from, FailureKind::Setup(m)));
                    return;
                }
                Err(p) => {
                    let m = panic_text(p.as_ref());
                    let _ = tx.send(Message::Failed(from, FailureKind::Setup(m)));
                    return;
                }
            };
            let _ = tx.send(Message::Ready);
            for seed in from..from.saturating_add(inputs) {
                if worker_stop.load(Ordering::SeqCst) {
                    return;
                }
                worker_progress.current.store(seed, Ordering::SeqCst);
                crate::abort::running(T::NAME, seed);
                let outcome = catch_unwind(AssertUnwindSafe(|| {
                    let input = input_for::<T>(seed);
                    target.check(&input)
                }));
                let failed = match outcome {
                    Ok(Ok(())) => None,
                    Ok(Err(m)) => Some(FailureKind::Property(m)),
                    Err(p) => Some(FailureKind::Panic(panic_text(p.as_ref()))),
                };
                if let Some(kind) = failed {
                    crate::abort::idle();
                    let _ = tx.send(Message::Failed(seed, kind));
                    return;
                }
                worker_progress.done.fetch_add(1, Ordering::SeqCst);
            }
            crate::abort::idle();
            let _ = tx.send(Message::Done(worker_progress.done.load(Ordering::SeqCst)));
        });
    let worker = match spawned {
        Ok(worker) => worker,
        Err(e) => {
            return Err(Failure {
                target: T::NAME,
                seed: None,
                kind: FailureKind::Setup(format!("cannot start a thread: {e}")),
                input: String::new(),
            })
        }
    };
    let (outcome, worker_ended) = watch::<T>(plan, &rx, &progress);
    if worker_ended {
        // It has reported or returned: joining waits only for its target to
        // be dropped and its thread's own clean-up.
        let _ = worker.join();
    } else {
        stop.store(true, Ordering::SeqCst);
    }
    outcome
}

/// Waits for the worker's report, or for the clock to run out: the outcome,
/// and whether the worker has ended (false when it is stuck).
fn watch<T: Target>(
    plan: &Plan,
    rx: &mpsc::Receiver<Message>,
    progress: &Progress,
) -> (Result<Report, Failure>, bool) {
    let tick = Duration::from_millis(20);
    let setup_started = Instant::now();
    loop {
        match rx.recv_timeout(tick) {
            Ok(Message::Ready) => break,
            Ok(Message::Failed(seed, kind)) => return (Err(setup_failure::<T>(seed, kind)), true),
            Ok(Message::Done(_)) | Err(mpsc::RecvTimeoutError::Disconnected) => {
                return (
                    Err(setup_failure::<T>(
                        plan.from,
                        FailureKind::Setup("the worker stopped before it was ready".into()),
                    )),
                    true,
                )
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if setup_started.elapsed() > SETUP_BOUND {
                    return (
                        Err(setup_failure::<T>(
                            plan.from,
                            FailureKind::Setup("setup did not finish in time".into()),
                        )),
                        false,
                    );
                }
            }
        }
    }

    let started = Instant::now();
    let mut last_done = 0;
    let mut last_change = Instant::now();
    let mut last_print = Instant::now();
    loop {
        match rx.recv_timeout(tick) {
            Ok(Message::Done(done)) => {
                let report = Report {
                    target: T::NAME,
                    inputs: done,
                    elapsed: started.elapsed(),
                };
                return (Ok(report), true);
            }
            Ok(Message::Failed(seed, kind)) => return (Err(Failure::new::<T>(seed, kind)), true),
            Ok(Message::Ready) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                let seed = progress.current.load(Ordering::SeqCst);
                let failure = Failure::new::<T>(
                    seed,
                    FailureKind::Panic("the worker thread ended without a report".into()),
                );
                return (Err(failure), true);
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let done = progress.done.load(Ordering::SeqCst);
                if done != last_done {
                    last_done = done;
                    last_change = Instant::now();
                } else if last_change.elapsed() > plan.time_bound {
                    let seed = progress.current.load(Ordering::SeqCst);
                    return (
                        Err(Failure::new::<T>(seed, FailureKind::Hang(plan.time_bound))),
                        false,
                    );
                }
                if let Some(every) = plan.progress_every {
                    if last_print.elapsed() >= every {
                        last_print = Instant::now();
                        let rate = done as f64 / started.elapsed().as_secs_f64().max(1e-9);
                        eprintln!(
                            "{}: {done} of {} inputs, {rate:.0} inputs/s",
                            T::NAME,
                            plan.inputs
                        );
                    }
                }
            }
        }
    }
}

fn setup_failure<T: Target>(seed: u64, kind: FailureKind) -> Failure {
    match kind {
        FailureKind::Setup(_) => Failure {
            target: T::NAME,
            seed: None,
            kind,
            input: String::new(),
        },
        other => Failure::new::<T>(seed, other),
    }
}

/// A replayed seed: the input as shown, and the check's verdict; Err when
/// the target could not be set up.
pub type Replay = Result<(String, Result<(), String>), String>;

/// Runs one seed in this thread, for replaying a failure: the input, and
/// what the check said (a panic propagates with its own message).
pub fn replay<T: Target>(seed: u64) -> Replay {
    crate::abort::install();
    crate::abort::running(T::NAME, seed);
    let mut target = T::new()?;
    let input = input_for::<T>(seed);
    let shown = format!("{input:#?}");
    let verdict = target.check(&input);
    crate::abort::idle();
    Ok((shown, verdict))
}
