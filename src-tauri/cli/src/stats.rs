//! `rapport stats`: the Team screen's numbers on the command line, one line
//! a person and a team line, then the flags with their reasons and the
//! cancellations with theirs. `--json` prints the very structure the window
//! reads.

use super::{open, period_bound, GlobalArgs};
use chrono::Duration;
use clap::Args;
use rapport_core::flows::lookup;
use rapport_core::flows::team_stats::{self, PersonStats, StatsPeriod, TeamStats, Totals};
use rapport_core::records::meetings::CancelledBy;
use rapport_core::{Error, ErrorCode, Result, StorePaths};
use std::io::Write;

/// Without --from, the period is the Team screen's default: the last 90 days.
const DEFAULT_DAYS: i64 = 90;

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Only this person (an id or a name), archived or not.
    #[arg(long, value_name = "PERSON")]
    pub person: Option<String>,
    /// From this day, month, quarter or year (2026-07-01, 2026-07, 2026-Q3,
    /// 2026). Default: 90 days before --to.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Up to this day, month, quarter or year, included. Default: today.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Print the numbers as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(global: &GlobalArgs, paths: &StorePaths, args: StatsArgs) -> Result<i32> {
    let from = period_bound(args.from.as_deref(), "from", true)?;
    let to = period_bound(args.to.as_deref(), "to", false)?;
    let store = open(global, paths)?;
    let today = store.clock().day_of(store.clock().now());
    let to = to.unwrap_or(today);
    let from = from.unwrap_or(to - Duration::days(DEFAULT_DAYS - 1));
    let person = match &args.person {
        Some(who) => Some(lookup::person(&store, who)?.id),
        None => None,
    };
    let stats = team_stats::team(&store, StatsPeriod { from, to }, person.as_deref())?;
    let text = if args.json {
        serde_json::to_string_pretty(&stats)
            .map_err(|e| Error::new(ErrorCode::Io, e.to_string()))?
    } else {
        table(&stats)
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}").map_err(|e| Error::new(ErrorCode::Io, e.to_string()))?;
    Ok(0)
}

fn rate(percent: Option<u32>) -> String {
    percent.map_or_else(|| "—".to_string(), |p| format!("{p}%"))
}

fn minutes(m: Option<f64>) -> String {
    m.map_or_else(|| "—".to_string(), |m| format!("{m:.0}"))
}

/// The columns of one row, person or team.
fn cells(t: &Totals) -> Vec<String> {
    vec![
        format!("{}/{} {}", t.held, t.due, rate(t.completion_percent)),
        format!(
            "{} ({}/{})",
            t.cancelled, t.cancelled_by_me, t.cancelled_by_them
        ),
        t.missed.to_string(),
        t.moved.to_string(),
        format!(
            "{}/{}",
            minutes(t.average_minutes),
            minutes(t.average_planned_minutes)
        ),
        format!(
            "{}/{} {}",
            t.items_done,
            t.items_due,
            rate(t.action_completion_percent)
        ),
        t.items_on_time.to_string(),
        format!(
            "{} ({}/{})",
            t.items_open, t.items_open_theirs, t.items_open_mine
        ),
        format!(
            "{} ({}/{})",
            t.items_overdue, t.items_overdue_theirs, t.items_overdue_mine
        ),
        t.mood_average
            .map_or_else(|| "—".to_string(), |m| format!("{m:.1}")),
    ]
}

fn person_cells(p: &PersonStats) -> Vec<String> {
    let mut row = vec![if p.archived {
        format!("{} (archived)", p.name)
    } else {
        p.name.clone()
    }];
    row.extend(cells(&p.totals));
    row.push(p.days_since_last.map_or_else(
        || "never".to_string(),
        |d| format!("{d}d/{}", p.cadence_days),
    ));
    row.push(match (p.last_career_talk_on, p.career_overdue) {
        (_, true) => "overdue".to_string(),
        (Some(_), false) => "kept".to_string(),
        (None, false) => "not due yet".to_string(),
    });
    row
}

fn table(stats: &TeamStats) -> String {
    let header: Vec<String> = [
        "Person",
        "Held/due",
        "Cancelled (me/them)",
        "Missed",
        "Moved",
        "Minutes/planned",
        "Actions done/due",
        "On time",
        "Open (theirs/mine)",
        "Overdue (theirs/mine)",
        "Mood",
        "Last 1:1/cadence",
        "Career talk",
    ]
    .map(String::from)
    .to_vec();
    let mut rows = vec![header];
    rows.extend(stats.people.iter().map(person_cells));
    if stats.people.len() != 1 {
        let mut team = vec!["Team".to_string()];
        team.extend(cells(&stats.team));
        team.extend(["".to_string(), "".to_string()]);
        rows.push(team);
    }
    let columns = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = format!(
        "Team numbers {} ({} to {}; open and overdue as of {})\n\n",
        stats.phrase, stats.period.from, stats.period.to, stats.as_of
    );
    for row in &rows {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    let flagged: Vec<&PersonStats> = stats
        .people
        .iter()
        .filter(|p| !p.flags.is_empty())
        .collect();
    if !flagged.is_empty() {
        out.push_str("\nNeeds attention\n");
        for p in flagged {
            for flag in &p.flags {
                out.push_str(&format!("  {}: {}\n", p.name, flag.reason));
            }
        }
    }
    let cancelled: Vec<(&str, &team_stats::CancelledMeeting)> = stats
        .people
        .iter()
        .flat_map(|p| p.cancellations.iter().map(move |c| (p.name.as_str(), c)))
        .collect();
    if !cancelled.is_empty() {
        out.push_str("\nCancellations\n");
        for (name, c) in cancelled {
            let by = match c.by {
                Some(CancelledBy::Manager) => "by me",
                Some(CancelledBy::Report) => "by them",
                None => "by ?",
            };
            out.push_str(&format!("  {}  {name}  {by}  {}\n", c.on, c.reason));
        }
    }
    out.trim_end().to_string()
}
