//! Fuzzing on stable Rust: seeded, structure-aware inputs for the four
//! places where outside data enters Rapport or leaves it for someone else:
//! the calendar importer, the JSON importer, the store header parser and
//! the notes renderer. `make fuzz` runs a million inputs per target; the
//! test suite runs ten thousand each (see tests/short.rs).

mod abort;
pub mod driver;
pub mod gen;
pub mod header;
pub mod ics;
pub mod json;
pub mod markdown;

use driver::{run, Failure, Plan, Report};

pub const TARGETS: &[&str] = &["ics", "json", "header", "markdown"];

/// Runs the target called `name`; None for a name that is not one.
pub fn run_named(name: &str, plan: &Plan) -> Option<Result<Report, Failure>> {
    Some(match name {
        "ics" => run::<ics::Ics>(plan),
        "json" => run::<json::Json>(plan),
        "header" => run::<header::Header>(plan),
        "markdown" => run::<markdown::Markdown>(plan),
        _ => return None,
    })
}

/// One seed of the target called `name`, in this thread: the input and the
/// check's verdict.
pub fn replay_named(name: &str, seed: u64) -> Option<driver::Replay> {
    Some(match name {
        "ics" => driver::replay::<ics::Ics>(seed),
        "json" => driver::replay::<json::Json>(seed),
        "header" => driver::replay::<header::Header>(seed),
        "markdown" => driver::replay::<markdown::Markdown>(seed),
        _ => return None,
    })
}
