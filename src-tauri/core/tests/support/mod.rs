#![allow(dead_code)]
//! Shared helpers for the core integration tests.

use chrono::{DateTime, Utc};
use rapport_core::store::keys::MemoryKeyStore;
use rapport_core::{FixedClock, Store, StorePaths};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// A person with only a name and a level.
pub fn person_input(
    name: &str,
    level: rapport_core::records::people::Level,
) -> rapport_core::records::people::PersonInput {
    rapport_core::records::people::PersonInput {
        name: name.into(),
        email: None,
        role: String::new(),
        level,
        start_date: None,
        focus_areas: vec![],
        cadence: None,
        career_talk_every_days: None,
        default_template_id: None,
    }
}

/// A senior person as stored, with an id chosen by the test.
pub fn person_record(
    id: &str,
    name: &str,
    focus: &[&str],
    at: DateTime<Utc>,
) -> rapport_core::records::people::Person {
    rapport_core::records::people::Person {
        id: id.into(),
        name: name.into(),
        email: None,
        role: "Engineer".into(),
        level: rapport_core::records::people::Level::Senior,
        start_date: None,
        focus_areas: focus.iter().map(|s| s.to_string()).collect(),
        cadence: None,
        career_talk_every_days: None,
        default_template_id: None,
        archived: false,
        created_at: at,
        updated_at: at,
    }
}

/// A 30-minute video 1:1 on `weekday` at 14:00 in `zone`, from 1 October 2024.
pub fn series_at_two(
    frequency: rapport_core::records::meetings::Frequency,
    weekday: rapport_core::records::meetings::Weekday,
    zone: &str,
) -> rapport_core::records::meetings::SeriesInput {
    rapport_core::records::meetings::SeriesInput {
        frequency,
        weekday,
        local_time: chrono::NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
        time_zone: zone.into(),
        duration_minutes: 30,
        format: rapport_core::records::meetings::MeetingFormat::Video,
        template_id: None,
        starts_on: "2024-10-01".parse().unwrap(),
        second_weekday: None,
        last_of_month: false,
    }
}

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

/// Starts `meeting` a minute after its planned time, as the clock says.
pub fn start_on_time(store: &mut Store, clock: &FixedClock, meeting: &str) {
    let planned = store
        .schedule()
        .get_meeting(meeting)
        .unwrap()
        .scheduled_start;
    clock.set(planned + chrono::Duration::minutes(1));
    rapport_core::flows::session::start(store, meeting).unwrap();
}

/// Ends the running `meeting` half an hour on and stores it, the next
/// recurring 1:1 planned; returns the shared notes as the person gets them.
pub fn finish_half_an_hour_on(store: &mut Store, clock: &FixedClock, meeting: &str) -> String {
    use rapport_core::flows::session;
    use rapport_core::Clock;
    clock.set(clock.now() + chrono::Duration::minutes(30));
    session::end(store, meeting).unwrap();
    session::finish(
        store,
        meeting,
        session::FinishRequest {
            include_private_notes: false,
            next: rapport_core::flows::scheduling::NextPlan::Recurring,
        },
    )
    .unwrap()
    .shared_markdown
}
