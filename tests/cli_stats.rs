//! `rapport stats` against the window's own reads on one demo store: the
//! Team screen's numbers (what `get_team_stats` returns), Prepare's
//! performance snapshot and the command line must agree, number for number.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use rapport_core::flows::team_stats::{self, StatsPeriod};
use rapport_core::flows::{access, prep};
use rapport_core::{StorePaths, SystemClock};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use support::{rapport_with_passphrase, text, PASSPHRASE};

fn demo() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let out = rapport_with_passphrase(&dir, PASSPHRASE, &["demo"]);
    assert!(out.status.success(), "{}", text(&out));
    (tmp, dir)
}

fn stats(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["stats", "--json"];
    all.extend_from_slice(args);
    let out = rapport_with_passphrase(dir, PASSPHRASE, &all);
    assert!(out.status.success(), "{}", text(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_team_screen_prepare_and_the_command_line_agree() {
    let (_tmp, dir) = demo();
    let cli = stats(&dir, &[]);
    let store = access::unlock(
        &StorePaths::in_dir(&dir),
        PASSPHRASE.into(),
        Arc::new(SystemClock),
    )
    .unwrap();
    let period: StatsPeriod = serde_json::from_value(cli["period"].clone()).unwrap();
    assert_eq!((period.to - period.from).num_days(), 89, "the last 90 days");
    let screen = team_stats::team(&store, period, None).unwrap();
    assert_eq!(serde_json::to_value(&screen).unwrap(), cli);
    assert_eq!(screen.people.len(), 6);
    assert!(screen.team.held > 0 && screen.team.items_due > 0);

    for person in &screen.people {
        let snapshot = prep::prepare(&store, &person.person_id).unwrap().snapshot;
        for window in &snapshot.windows {
            let from = window.period.from.to_string();
            let to = window.period.to.to_string();
            let cli = stats(
                &dir,
                &["--person", &person.name, "--from", &from, "--to", &to],
            );
            let t = &cli["people"][0]["totals"];
            let seen = (
                t["held"].as_u64().unwrap(),
                t["due"].as_u64().unwrap(),
                t["items_opened"].as_u64().unwrap(),
                t["items_closed"].as_u64().unwrap(),
                t["items_overdue"].as_u64().unwrap(),
                t["wins"].as_u64().unwrap(),
                t["concerns"].as_u64().unwrap(),
                t["mood_checks"].as_u64().unwrap(),
                t["mood_average"].as_f64(),
            );
            let shown = (
                u64::from(window.held),
                u64::from(window.due),
                u64::from(window.items_opened),
                u64::from(window.items_closed),
                u64::from(window.items_overdue),
                u64::from(window.wins),
                u64::from(window.concerns),
                u64::from(window.mood_checks),
                window.mood_average,
            );
            assert_eq!(seen, shown, "{} {}", person.name, window.label);
        }
        // The 30-day column is the Team screen's "Last 30 days" row.
        let thirty = team_stats::team(&store, snapshot.windows[1].period, None).unwrap();
        let row = thirty
            .people
            .iter()
            .find(|p| p.person_id == person.person_id)
            .unwrap();
        assert_eq!(row.totals.held, snapshot.windows[1].held, "{}", person.name);
        assert_eq!(
            row.totals.items_closed, snapshot.windows[1].items_closed,
            "{}",
            person.name
        );
    }
}

#[test]
fn the_table_reads_like_the_screen_and_bad_periods_change_nothing() {
    let (_tmp, dir) = demo();
    let out = rapport_with_passphrase(&dir, PASSPHRASE, &["stats", "--from", "2026-Q3"]);
    assert!(out.status.success(), "{}", text(&out));
    let table = String::from_utf8(out.stdout).unwrap();
    let json = stats(&dir, &["--from", "2026-Q3"]);
    assert_eq!(json["period"]["from"], "2026-07-01");
    let first = table.lines().next().unwrap();
    assert!(
        first.starts_with(&format!(
            "Team numbers {}",
            json["phrase"].as_str().unwrap()
        )),
        "{first}"
    );
    for person in json["people"].as_array().unwrap() {
        let name = person["name"].as_str().unwrap();
        let t = &person["totals"];
        let line = table
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name} in {table}"));
        assert!(
            line.contains(&format!("{}/{}", t["held"], t["due"])),
            "{line}"
        );
        for flag in person["flags"].as_array().unwrap() {
            let reason = flag["reason"].as_str().unwrap();
            assert!(
                table.contains(&format!("{name}: {reason}")),
                "{reason} in {table}"
            );
        }
    }
    assert!(table.lines().any(|l| l.starts_with("Team ")), "{table}");

    let out = rapport_with_passphrase(
        &dir,
        PASSPHRASE,
        &["stats", "--from", "2026-12-01", "--to", "2026-11-01"],
    );
    assert!(!out.status.success());
    assert!(
        text(&out).contains("The period starts on 1 Dec 2026 after it ends on 1 Nov 2026"),
        "{}",
        text(&out)
    );
    let out = rapport_with_passphrase(&dir, PASSPHRASE, &["stats", "--from", "soon"]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains("--from soon is not a date"),
        "{}",
        text(&out)
    );
    let out = rapport_with_passphrase(&dir, PASSPHRASE, &["stats", "--person", "Nobody Atall"]);
    assert!(!out.status.success(), "{}", text(&out));
}
