#![allow(dead_code)]
//! Shared helpers for the core integration tests.

use chrono::{DateTime, Utc};
use rapport_core::keys::MemoryKeyStore;
use rapport_core::{FixedClock, Store, StorePaths};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

pub fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::new(at("2026-11-19T10:00:00Z")))
}

pub fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

pub struct TestStore {
    pub dir: tempfile::TempDir,
    pub paths: StorePaths,
    pub keys: MemoryKeyStore,
}

impl TestStore {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let paths = StorePaths::in_dir(dir.path().join("data"));
        TestStore {
            dir,
            paths,
            keys: MemoryKeyStore::new(),
        }
    }

    pub fn create(&self) -> Store {
        Store::create(&self.paths, &self.keys, clock()).unwrap()
    }

    pub fn open(&self) -> rapport_core::Result<Store> {
        Store::open(&self.paths, &self.keys, clock())
    }
}

/// Every file under a directory with its bytes: to prove nothing changed.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            files.insert(
                entry.file_name().to_string_lossy().into_owned(),
                std::fs::read(entry.path()).unwrap(),
            );
        }
    }
    files
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}
