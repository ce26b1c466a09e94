//! `rapport-fuzz`: runs the fuzz targets, or replays one input.
//!
//!     rapport-fuzz [--inputs N] [--from SEED] [--target NAME]... [--time-bound SECONDS]
//!     rapport-fuzz --target NAME --seed SEED

use rapport_fuzz::driver::Plan;
use rapport_fuzz::{replay_named, run_named, TARGETS};
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

struct Args {
    inputs: u64,
    from: Option<u64>,
    targets: Vec<String>,
    seed: Option<u64>,
    time_bound: Duration,
}

fn usage() -> String {
    format!(
        "usage: rapport-fuzz [--inputs N] [--from SEED] [--target NAME]... [--time-bound SECONDS]\n       \
         rapport-fuzz --target NAME --seed SEED   (replays one input)\ntargets: {}",
        TARGETS.join(", ")
    )
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        inputs: 1_000_000,
        from: None,
        targets: Vec::new(),
        seed: None,
        time_bound: Duration::from_secs(10),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .ok_or_else(|| format!("{arg} needs a value\n{}", usage()))
        };
        let number = |v: String| {
            v.replace('_', "")
                .parse::<u64>()
                .map_err(|_| format!("{v} is not a number"))
        };
        match arg.as_str() {
            "--inputs" => args.inputs = number(value()?)?,
            "--from" => args.from = Some(number(value()?)?),
            "--seed" => args.seed = Some(number(value()?)?),
            "--target" => args.targets.push(value()?),
            "--time-bound" => args.time_bound = Duration::from_secs(number(value()?)?),
            "--help" | "-h" => return Err(usage()),
            other => return Err(format!("unknown argument {other}\n{}", usage())),
        }
    }
    for t in &args.targets {
        if !TARGETS.contains(&t.as_str()) {
            return Err(format!("no target {t}\n{}", usage()));
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(m) => {
            eprintln!("{m}");
            return ExitCode::from(2);
        }
    };
    if let Some(seed) = args.seed {
        let [target] = args.targets.as_slice() else {
            eprintln!("--seed replays one input: name exactly one --target");
            return ExitCode::from(2);
        };
        return match replay_named(target, seed) {
            Some(Ok((input, verdict))) => {
                println!("input:\n{input}");
                match verdict {
                    Ok(()) => {
                        println!("{target} seed {seed}: every property holds");
                        ExitCode::SUCCESS
                    }
                    Err(m) => {
                        println!("{target} seed {seed} broke a property: {m}");
                        ExitCode::FAILURE
                    }
                }
            }
            Some(Err(m)) => {
                eprintln!("{target} could not start: {m}");
                ExitCode::FAILURE
            }
            None => ExitCode::from(2),
        };
    }
    // A fresh range each run unless one is asked for; printed, so any run
    // can be repeated exactly.
    let from = args.from.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs().wrapping_mul(1_000_000_007))
            .unwrap_or(0)
    });
    let targets: Vec<String> = if args.targets.is_empty() {
        TARGETS.iter().map(|t| t.to_string()).collect()
    } else {
        args.targets.clone()
    };
    let plan = Plan {
        from,
        inputs: args.inputs,
        time_bound: args.time_bound,
        progress_every: Some(Duration::from_secs(30)),
    };
    println!(
        "fuzzing {} with seeds {from} to {} ({} inputs each, {} s bound per input)",
        targets.join(", "),
        from.saturating_add(args.inputs.saturating_sub(1)),
        args.inputs,
        args.time_bound.as_secs()
    );
    let mut reports = Vec::new();
    for target in &targets {
        match run_named(target, &plan) {
            Some(Ok(report)) => {
                println!("{report}");
                reports.push(report);
            }
            Some(Err(failure)) => {
                eprintln!("{failure}");
                return ExitCode::FAILURE;
            }
            None => return ExitCode::from(2),
        }
    }
    println!("\ninputs per second:");
    for r in &reports {
        println!("  {:<10} {:>10.0}", r.target, r.per_second());
    }
    ExitCode::SUCCESS
}
