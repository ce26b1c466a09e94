//! The sharing commands of the real `rapport` binary on a demo store:
//! invites, shared notes, the vault, calendar import and the coming 1:1s;
//! every refusal exits non-zero with a message and changes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use std::path::{Path, PathBuf};
use support::{rapport_in_locale, rapport_with_passphrase, snapshot, text, PASSPHRASE};

struct Demo {
    tmp: tempfile::TempDir,
    dir: PathBuf,
    export: serde_json::Value,
}

impl Demo {
    fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        let out = rapport_with_passphrase(&dir, PASSPHRASE, &["demo", "--people", "3"]);
        assert!(out.status.success(), "{}", text(&out));
        let json = tmp.path().join("all.json");
        let out = run(&dir, &["export", "json", "--out", json.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out));
        let export = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
        std::fs::remove_file(&json).unwrap();
        Demo { tmp, dir, export }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    fn person(&self, n: usize) -> (String, String) {
        let p = &self.export["people"][n];
        (
            p["id"].as_str().unwrap().to_string(),
            p["name"].as_str().unwrap().to_string(),
        )
    }

    /// Every private text in the store (private notes, prep notes, private highlights).
    fn private_texts(&self) -> Vec<String> {
        let mut texts = Vec::new();
        for m in self.export["meetings"].as_array().unwrap() {
            for field in ["private_notes", "private_prep_notes"] {
                let t = m[field].as_str().unwrap_or("").trim();
                if t.len() > 12 {
                    texts.push(t.to_string());
                }
            }
        }
        for h in self.export["highlights"].as_array().unwrap() {
            if let Some(t) = h["private_text"].as_str() {
                texts.push(t.to_string());
            }
        }
        texts
    }
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    rapport_with_passphrase(dir, PASSPHRASE, args)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn shared_notes_in_every_format_by_name_and_last() {
    let demo = Demo::new();
    let (_, name) = demo.person(0);
    let first = name.split_whitespace().next().unwrap().to_lowercase();
    let private = demo.private_texts();
    assert!(!private.is_empty(), "the demo has private notes");
    for format in ["md", "html", "txt", "eml"] {
        let out_file = demo.path(&format!("notes.{format}"));
        let out = run(
            &demo.dir,
            &[
                "export",
                "shared",
                "--meeting",
                "last",
                "--person",
                &first,
                "--format",
                format,
                "--out",
                out_file.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{format}: {}", text(&out));
        let body = read(&out_file);
        for p in &private {
            assert!(
                !body.contains(p.as_str()),
                "{format} holds private text {p:?}"
            );
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&out_file).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "{format} readable by others");
        }
        match format {
            "md" => assert!(body.starts_with("# 1:1 "), "{body}"),
            "html" => assert!(body.starts_with("<!DOCTYPE html>")),
            "txt" => assert!(body.contains("Action items\n------------")),
            _ => {
                assert!(body.contains("X-Unsent: 1"));
                assert!(body.contains("multipart/mixed"));
                assert!(
                    body.contains("Content-Type: text/calendar; method=\"REQUEST\""),
                    "{body}"
                );
            }
        }
    }
    // An existing file is not replaced without --force.
    let existing = demo.path("notes.md");
    let before = read(&existing);
    let out = run(
        &demo.dir,
        &[
            "export",
            "shared",
            "--meeting",
            "last",
            "--person",
            &first,
            "--out",
            existing.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("already exists; pass --force"),
        "{}",
        text(&out)
    );
    assert_eq!(read(&existing), before);
}

#[test]
fn invites_for_a_person_and_a_meeting() {
    let demo = Demo::new();
    let (id, name) = demo.person(1);
    let file = demo.path("series.ics");
    let out = run(
        &demo.dir,
        &[
            "export",
            "ics",
            "--person",
            &name.to_uppercase(),
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let ics = read(&file);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.contains("METHOD:REQUEST\r\n"));
    assert!(ics.contains("BEGIN:VTIMEZONE"));
    assert!(ics.contains("RRULE:FREQ="));
    let next = run(&demo.dir, &["upcoming", "--days", "30", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&next.stdout).unwrap();
    let meeting = list
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["person_id"] == id.as_str() && m["meeting_id"].is_string())
        .expect("the person's next 1:1")["meeting_id"]
        .as_str()
        .unwrap()
        .to_string();
    let file = demo.path("one.ics");
    let out = run(
        &demo.dir,
        &[
            "export",
            "ics",
            "--meeting",
            &meeting,
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(read(&file).contains("BEGIN:VEVENT"));
    // --person and --meeting together, or neither: refused by the parser.
    let out = run(
        &demo.dir,
        &[
            "export",
            "ics",
            "--out",
            demo.path("x.ics").to_str().unwrap(),
        ],
    );
    assert_ne!(out.status.code(), Some(0));
    assert!(!demo.path("x.ics").exists());
}

#[test]
fn the_vault_shared_only_has_no_private_text() {
    let demo = Demo::new();
    let out_dir = demo.path("vault");
    let out = run(
        &demo.dir,
        &[
            "export",
            "vault",
            "--out",
            out_dir.to_str().unwrap(),
            "--shared-only",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let (_, name) = demo.person(0);
    let doc = read(&out_dir.join(&name).join(format!("{name}.md")));
    assert!(doc.starts_with(&format!("---\nperson: {name}\n")), "{doc}");
    assert!(doc.contains("## Meeting History\n- [["));
    let mut all = String::new();
    let mut stack = vec![out_dir.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                all.push_str(&read(&p));
            }
        }
    }
    for p in demo.private_texts() {
        assert!(!all.contains(p.as_str()), "vault holds private text {p:?}");
    }
    // Not into a folder that has something in it.
    let out = run(
        &demo.dir,
        &["export", "vault", "--out", out_dir.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("is not empty"), "{}", text(&out));
}

#[test]
fn upcoming_lists_local_utc_and_reminder_times() {
    let demo = Demo::new();
    let out = run(&demo.dir, &["upcoming", "--days", "30", "--json"]);
    assert!(out.status.success(), "{}", text(&out));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &list[0];
    assert!(first["start_utc"].as_str().unwrap().ends_with('Z'));
    assert!(first["start_local"].as_str().unwrap().contains('T'));
    assert!(!first["reminders"].as_array().unwrap().is_empty());
    // Every occurrence, not only the one planned ahead: the demo's people
    // meet weekly or every two weeks, so each has several in 30 days.
    let list = list.as_array().unwrap();
    let planned = list.iter().filter(|e| e["meeting_id"].is_string()).count();
    let later = list.iter().filter(|e| e["meeting_id"].is_null()).count();
    assert!(
        planned > 0 && later > planned,
        "{planned} planned, {later} later"
    );
    let starts: Vec<&str> = list
        .iter()
        .map(|e| e["start_utc"].as_str().unwrap())
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted, "soonest first");
    let out = run(&demo.dir, &["upcoming"]);
    assert!(out.status.success());
    assert!(text(&out).contains("UTC"), "{}", text(&out));
    let out = run(&demo.dir, &["upcoming", "--days", "0"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("--days must be between"));
}

#[test]
fn import_ics_and_every_refusal_changes_nothing() {
    let demo = Demo::new();
    let (_, name) = demo.person(0);
    let fixtures =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src-tauri/core/tests/fixtures/ics");
    let before = snapshot(&demo.dir);
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "import".into(),
                "ics".into(),
                fixtures.join("truncated.ics").display().to_string(),
                "--person".into(),
                name.clone(),
            ],
            "damaged",
        ),
        (
            vec![
                "import".into(),
                "ics".into(),
                fixtures.join("google.ics").display().to_string(),
                "--person".into(),
                "Nobody Here".into(),
            ],
            "No one called \"Nobody Here\"",
        ),
        (
            vec![
                "import".into(),
                "ics".into(),
                demo.path("missing.ics").display().to_string(),
                "--person".into(),
                name.clone(),
            ],
            "Cannot read",
        ),
        (
            vec![
                "export".into(),
                "shared".into(),
                "--meeting".into(),
                "no-such-id".into(),
                "--out".into(),
                demo.path("n.md").display().to_string(),
            ],
            "No 1:1 has the id",
        ),
        (
            vec![
                "export".into(),
                "shared".into(),
                "--meeting".into(),
                "last".into(),
                "--out".into(),
                demo.path("n.md").display().to_string(),
            ],
            "needs --person",
        ),
        (
            vec![
                "export".into(),
                "shared".into(),
                "--meeting".into(),
                "last".into(),
                "--person".into(),
                "o".into(),
                "--out".into(),
                demo.path("n.md").display().to_string(),
            ],
            "matches several people",
        ),
        (
            vec![
                "export".into(),
                "shared".into(),
                "--meeting".into(),
                "next".into(),
                "--person".into(),
                name.clone(),
                "--out".into(),
                demo.path("n.md").display().to_string(),
            ],
            "has not taken place yet",
        ),
        (
            vec![
                "export".into(),
                "shared".into(),
                "--meeting".into(),
                "last".into(),
                "--person".into(),
                name.clone(),
                "--format".into(),
                "pdf".into(),
                "--out".into(),
                demo.path("n.md").display().to_string(),
            ],
            "not a format for shared notes",
        ),
    ];
    for (args, expected) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&demo.dir, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert!(text(&out).contains(expected), "{args:?}: {}", text(&out));
        assert!(!demo.path("n.md").exists());
    }
    assert_eq!(snapshot(&demo.dir), before, "a refusal changed the store");

    // The demo people already have their series: a calendar file is refused
    // for them, and accepted once the store has a person without one.
    let json = demo.path("one.json");
    let mut doc = demo.export.clone();
    doc["series"] = serde_json::json!([]);
    for m in doc["meetings"].as_array_mut().unwrap() {
        m["series_id"] = serde_json::Value::Null;
    }
    doc["people"][0]["email"] = serde_json::json!("ada.okafor@example.com");
    doc["people"][0]["name"] = serde_json::json!("Ada Okafor");
    std::fs::write(&json, serde_json::to_string(&doc).unwrap()).unwrap();
    let fresh = demo.path("fresh");
    let out = run(&fresh, &["import", "json", json.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let out = run(
        &fresh,
        &[
            "import",
            "ics",
            fixtures.join("google.ics").to_str().unwrap(),
            "--person",
            "ada okafor",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("weekly on Thursday at 14:00 (Europe/Paris), 30 min"),
        "{}",
        text(&out)
    );
    let out = run(
        &fresh,
        &[
            "import",
            "ics",
            fixtures.join("google.ics").to_str().unwrap(),
            "--person",
            "Ada Okafor",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("already has a recurring 1:1 (weekly on Thursday at 14:00)"),
        "{}",
        text(&out)
    );

    // The series' time on the clock of the terminal's locale, the first of
    // LC_ALL, LC_TIME and LANG that is set.
    let google = fixtures.join("google.ics");
    let again = [
        "import",
        "ics",
        google.to_str().unwrap(),
        "--person",
        "Ada Okafor",
    ];
    for (locale, time) in [
        (vec![("LANG", "en_US.UTF-8")], "2:00 PM"),
        (vec![("LANG", "en_GB.UTF-8")], "14:00"),
        (
            vec![("LANG", "de_DE.UTF-8"), ("LC_TIME", "en_US.UTF-8")],
            "2:00 PM",
        ),
        (vec![("LC_TIME", "en_US.UTF-8"), ("LC_ALL", "C")], "14:00"),
    ] {
        let out = rapport_in_locale(&fresh, PASSPHRASE, &locale, &again);
        assert_eq!(out.status.code(), Some(1), "{locale:?}: {}", text(&out));
        assert!(
            text(&out).contains(&format!("(weekly on Thursday at {time})")),
            "{locale:?}: {}",
            text(&out)
        );
    }
}
