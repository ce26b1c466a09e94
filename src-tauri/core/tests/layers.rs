//! The core's folders are layers, and imports only run downwards:
//! base (error, ids, clock, text_enum) ← store ← records ← formats ← flows.
//! `lib.rs` and `bindings.rs` sit above everything: they name every module.
//! This test reads the sources and names each import that runs upwards.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

use std::path::{Path, PathBuf};

const LAYERS: &[(&str, u8)] = &[
    ("error", 0),
    ("ids", 0),
    ("clock", 0),
    ("zone", 0),
    ("day_text", 0),
    ("time_of_day", 0),
    ("text_enum", 0),
    ("store", 1),
    ("records", 2),
    ("formats", 3),
    ("flows", 4),
    ("bindings", 5),
    ("lib", 5),
];

fn layer_of(top: &str) -> Option<u8> {
    LAYERS
        .iter()
        .find(|(name, _)| *name == top)
        .map(|(_, l)| *l)
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read the sources") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to: `records/people.rs` → records.
fn home(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let first = rel.components().next().expect("a component");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_string()
}

/// Every `crate::name` in the file, with its line number, comments left out.
fn crate_references(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `$crate::` in macros and `crate::{…}` groups are read the same way.
            if !name.is_empty() {
                found.push((n + 1, name));
            }
            rest = after;
        }
    }
    found
}

fn upward_imports(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    sources(src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    for file in &files {
        let home = home(src, file);
        let Some(own) = layer_of(&home) else {
            problems.push(format!(
                "{}: the module `{home}` has no layer; add it to LAYERS in this test",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).expect("read a source file");
        for (line, name) in crate_references(&text) {
            // Re-exports at the crate root (`crate::Error`, `crate::Store`) are base or store.
            let target = match name.as_str() {
                "Error" | "ErrorCode" | "Result" | "Clock" | "FixedClock" | "SystemClock"
                | "Zone" => 0,
                "Store" | "StorePaths" => 1,
                other => match layer_of(other) {
                    Some(l) => l,
                    None => {
                        problems.push(format!(
                            "{}:{line}: unknown `crate::{other}`",
                            file.display()
                        ));
                        continue;
                    }
                },
            };
            if target > own {
                problems.push(format!(
                    "{}:{line}: `{home}` imports `crate::{name}`, a layer above it",
                    file.display()
                ));
            }
        }
    }
    problems
}

#[test]
fn imports_only_run_downwards() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let problems = upward_imports(&src);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_sees_an_upward_import() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let records = dir.path().join("records");
    std::fs::create_dir_all(&records).expect("a folder");
    std::fs::write(
        records.join("people.rs"),
        "use crate::flows::prep::prepare; // a record reaching up\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("clock.rs"), "use crate::error::Result;\n").expect("write");
    let problems = upward_imports(dir.path());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("`records` imports `crate::flows`"),
        "{problems:?}"
    );
}
