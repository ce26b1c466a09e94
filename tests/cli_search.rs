//! `rapport search` and `rapport export review` on a demo store: the
//! output lines, grep's exit statuses (0 found, 1 none, 2 bad query), and a
//! shareable review packet without a single private text.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use std::path::{Path, PathBuf};
use support::{rapport_with_passphrase, snapshot, text, PASSPHRASE};

fn demo() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let out = rapport_with_passphrase(&dir, PASSPHRASE, &["demo"]);
    assert!(out.status.success(), "{}", text(&out));
    (tmp, dir)
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    rapport_with_passphrase(dir, PASSPHRASE, args)
}

fn refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn search_prints_a_line_a_hit_and_exits_like_grep() {
    let (_tmp, dir) = demo();
    // The demo's first person mentioned a sabbatical once, in a private note.
    let out = run(&dir, &["search", "sabbatical"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let lines: Vec<String> = stdout(&out).lines().map(String::from).collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    let fields: Vec<&str> = lines[0]
        .split("  ")
        .filter(|f| !f.trim().is_empty())
        .collect();
    assert!(
        chrono::NaiveDate::parse_from_str(fields[0], "%Y-%m-%d").is_ok(),
        "{lines:?}"
    );
    assert_eq!(fields[1].trim(), "Amara Okafor");
    assert_eq!(fields[2].trim(), "private");
    assert!(fields[3].contains("sabbatical"), "{lines:?}");
    assert!(!lines[0].contains('\u{1b}'), "no colour when piped");

    // A common word, narrowed by person and kind; JSON for scripts.
    let all = run(&dir, &["search", "--json", "release"]);
    assert_eq!(all.status.code(), Some(0), "{}", text(&all));
    let all: serde_json::Value = serde_json::from_slice(&all.stdout).unwrap();
    let narrowed = run(
        &dir,
        &[
            "search", "--json", "release", "--person", "Amara", "--kind", "shared",
        ],
    );
    let narrowed: serde_json::Value = serde_json::from_slice(&narrowed.stdout).unwrap();
    assert!(narrowed["total"].as_u64().unwrap() > 0);
    assert!(narrowed["total"].as_u64() < all["total"].as_u64());
    for group in narrowed["groups"].as_array().unwrap() {
        assert_eq!(group["person_name"], "Amara Okafor");
        for hit in group["hits"].as_array().unwrap() {
            assert_eq!(hit["kind"], "shared");
        }
    }

    // The newest hundred by default, and how many more; --all prints every one.
    let common = run(&dir, &["search", "the"]);
    assert_eq!(common.status.code(), Some(0), "{}", text(&common));
    assert_eq!(stdout(&common).lines().count(), 100);
    assert!(
        String::from_utf8_lossy(&common.stderr).contains("more hits not shown"),
        "{}",
        text(&common)
    );
    let total = serde_json::from_slice::<serde_json::Value>(
        &run(&dir, &["search", "--json", "--all", "the"]).stdout,
    )
    .unwrap()["total"]
        .as_u64()
        .unwrap();
    assert!(total > 100);
    let every = run(&dir, &["search", "--all", "the"]);
    assert_eq!(stdout(&every).lines().count() as u64, total);
    assert!(every.stderr.is_empty(), "{}", text(&every));

    // One quoted argument is a whole query; several are words and phrases.
    let excluded = run(&dir, &["search", "--json", "release -retro"]);
    let excluded: serde_json::Value = serde_json::from_slice(&excluded.stdout).unwrap();
    assert!(excluded["total"].as_u64() < all["total"].as_u64());
    let phrase = run(&dir, &["search", "--json", "celebrated", "the release"]);
    let phrase: serde_json::Value = serde_json::from_slice(&phrase.stdout).unwrap();
    assert_eq!(phrase["terms"][1]["phrase"], true);

    // Nothing found: 1 and no output. A bad query: 2 and a sentence.
    let none = run(&dir, &["search", "xylophone"]);
    assert_eq!(none.status.code(), Some(1), "{}", text(&none));
    assert!(none.stdout.is_empty());
    let typo = run(&dir, &["search", "relese"]);
    assert_eq!(typo.status.code(), Some(1), "{}", text(&typo));
    assert!(
        String::from_utf8_lossy(&typo.stderr).contains("did you mean: release"),
        "{}",
        text(&typo)
    );
    for bad in [
        vec!["search", "\"unclosed"],
        vec!["search", "OR"],
        vec!["search", "release", "--from", "someday"],
        vec!["search", "release", "--kind", "gossip"],
        vec!["search", "release", "--person", "Nobody At All"],
    ] {
        let out = run(&dir, &bad);
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {}", text(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("rapport: "), "{err}");
        assert!(!err.to_lowercase().contains("fts5"), "{err}");
    }
}

#[test]
fn a_review_packet_is_manager_only_unless_shareable() {
    let (tmp, dir) = demo();
    let full = tmp.path().join("review.md");
    let from = (chrono::Local::now().date_naive() - chrono::Duration::days(400))
        .format("%Y-%m-%d")
        .to_string();
    let args = |out: &Path, extra: &[&str]| -> Vec<String> {
        let mut args: Vec<String> = ["export", "review", "--person", "Amara", "--from"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        args.push(from.clone());
        args.push("--out".into());
        args.push(out.to_str().unwrap().to_string());
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    let out = run(&dir, &refs(&args(&full, &[])));
    assert!(out.status.success(), "{}", text(&out));
    let md = std::fs::read_to_string(&full).unwrap();
    assert!(md.starts_with("# Review packet: Amara Okafor"), "{md}");
    assert!(md.contains("Manager only"));
    assert!(
        md.contains("sabbatical"),
        "the private note is in the manager's packet"
    );

    let shared = tmp.path().join("review.html");
    let out = run(
        &dir,
        &refs(&args(&shared, &["--shareable", "--format", "html"])),
    );
    assert!(out.status.success(), "{}", text(&out));
    let html = std::fs::read_to_string(&shared).unwrap();
    assert!(html.contains("Shareable version"));
    assert!(!html.contains("sabbatical"));
    // Every private text of the store stays out.
    let json = tmp.path().join("all.json");
    let out = run(&dir, &["export", "json", "--out", json.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    for m in doc["meetings"].as_array().unwrap() {
        for field in ["private_notes", "private_prep_notes"] {
            for line in m[field].as_str().unwrap_or("").lines() {
                let line = line.trim_start_matches("- ").trim();
                if line.len() > 12 {
                    assert!(!html.contains(line), "{line}");
                }
            }
        }
    }

    // Refusals change nothing.
    let before = snapshot(&dir);
    let existing = run(&dir, &refs(&args(&full, &[])));
    assert!(
        !existing.status.success(),
        "an existing file is not replaced without --force"
    );
    let bad = run(
        &dir,
        &[
            "export", "review", "--person", "Amara", "--format", "pdf", "--out", "x.pdf",
        ],
    );
    assert!(!bad.status.success());
    assert!(text(&bad).contains("md or html"), "{}", text(&bad));
    assert_eq!(snapshot(&dir), before);
}
