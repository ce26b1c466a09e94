//! The JSON importer (`formats::exchange`): an export read back into an
//! empty store, all or nothing.
//!
//! Inputs are documents built field by field from the export format, with
//! references that hold, cross people or dangle, values at and past every
//! limit, trees changed at random places, real exports of a demo store
//! trimmed to a few people, and byte edits and raw bytes. Properties:
//! - no panic or hang; a refusal is `import_invalid` with a message;
//! - a document the checks accept imports into an empty store (the checks
//!   find whatever the database would refuse), and exports again as itself;
//! - a refused import writes nothing: importing into a store that holds
//!   data is refused and leaves its content as it was.

use crate::driver::Target;
use crate::gen::{chance, json_value, mutate_text, number, one_of, raw_text, text, upto};
use arbitrary::Unstructured;
use rapport_core::flows::demo::{generate as demo, DemoOptions};
use rapport_core::formats::exchange::{export, export_json, import, parse_json, ExportDocument};
use rapport_core::records::settings;
use rapport_core::store::keys::MemoryKeyStore;
use rapport_core::{ErrorCode, FixedClock, Store, StorePaths};
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

#[derive(Debug)]
pub struct JsonInput {
    pub text: String,
}

/// A store in a temporary folder, put back to its empty state after each
/// import that succeeded.
pub struct Json {
    _dir: tempfile::TempDir,
    paths: StorePaths,
    pristine: PathBuf,
    keys: MemoryKeyStore,
    store: Option<Store>,
    empty_export: String,
}

fn clock() -> Arc<FixedClock> {
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-19T10:00:00Z")
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_default();
    Arc::new(FixedClock::new(at))
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

fn text_of(e: rapport_core::Error) -> String {
    format!("{:?}: {}", e.code, e.message)
}

impl Json {
    fn store(&mut self) -> Result<&mut Store, String> {
        self.store
            .as_mut()
            .ok_or_else(|| "the store is closed".to_string())
    }

    /// Closes the store, puts the empty one back and opens it.
    fn reset(&mut self) -> Result<(), String> {
        drop(self.store.take());
        std::fs::remove_dir_all(&self.paths.dir).map_err(|e| e.to_string())?;
        copy_dir(&self.pristine, &self.paths.dir).map_err(|e| e.to_string())?;
        self.store = Some(Store::open(&self.paths, &self.keys, clock()).map_err(text_of)?);
        Ok(())
    }
}

/// A temporary folder, in memory where the system has one: every import
/// ends in an fsync, which on a disk takes longer than the rest of the check.
fn scratch_dir() -> Result<tempfile::TempDir, String> {
    let memory = Path::new("/dev/shm");
    let made = if memory.is_dir() {
        tempfile::Builder::new()
            .prefix("rapport-fuzz")
            .tempdir_in(memory)
            .or_else(|_| tempfile::tempdir())
    } else {
        tempfile::tempdir()
    };
    made.map_err(|e| e.to_string())
}

/// Sorted by id, so that documents compare whatever order they list in.
fn canonical(mut doc: ExportDocument) -> ExportDocument {
    doc.people.sort_by(|a, b| a.id.cmp(&b.id));
    doc.templates.sort_by(|a, b| a.id.cmp(&b.id));
    doc.series.sort_by(|a, b| a.id.cmp(&b.id));
    doc.meetings.sort_by(|a, b| a.id.cmp(&b.id));
    doc.action_items.sort_by(|a, b| a.id.cmp(&b.id));
    doc.highlights.sort_by(|a, b| a.id.cmp(&b.id));
    doc
}

impl Target for Json {
    type Input = JsonInput;
    const NAME: &'static str = "json";

    fn new() -> Result<Self, String> {
        let dir = scratch_dir()?;
        let paths = StorePaths::in_dir(dir.path().join("data"));
        let pristine = dir.path().join("pristine");
        let keys = MemoryKeyStore::new();
        let store = Store::create(&paths, &keys, clock()).map_err(text_of)?;
        let empty_export = export_json(&store).map_err(text_of)?;
        drop(store);
        copy_dir(&paths.dir, &pristine).map_err(|e| e.to_string())?;
        let store = Store::open(&paths, &keys, clock()).map_err(text_of)?;
        Ok(Json {
            _dir: dir,
            paths,
            pristine,
            keys,
            store: Some(store),
            empty_export,
        })
    }

    fn generate(u: &mut Unstructured<'_>) -> JsonInput {
        let text = match upto(u, 19) {
            0 => raw_text(u),
            1 => {
                let depth = upto(u, 4000);
                format!("{{\"format\":{}", "[".repeat(depth))
            }
            2 => serde_json::to_string(&json_value(u, 6)).unwrap_or_default(),
            3..=5 => {
                let mut doc = trimmed_demo(u);
                if chance(u, 60) {
                    change_tree(u, &mut doc);
                }
                serialize(u, &doc)
            }
            _ => {
                let mut doc = document(u);
                if chance(u, 35) {
                    change_tree(u, &mut doc);
                }
                serialize(u, &doc)
            }
        };
        JsonInput { text }
    }

    fn check(&mut self, input: &JsonInput) -> Result<(), String> {
        let doc = match parse_json(&input.text) {
            Ok(doc) => doc,
            Err(e) if e.code == ErrorCode::ImportInvalid && !e.message.trim().is_empty() => {
                return Ok(())
            }
            Err(e) => {
                return Err(format!(
                    "refused without import_invalid and a message: {}",
                    text_of(e)
                ))
            }
        };
        let empty = self.empty_export.clone();
        let store = self.store()?;
        if let Err(e) = import(store, &doc) {
            let after = export_json(store).map_err(text_of)?;
            if after != empty {
                return Err(format!(
                    "a refused import wrote to the store: {}",
                    text_of(e)
                ));
            }
            return Err(format!(
                "the checks passed a document the store then refused: {}",
                text_of(e)
            ));
        }
        let exported = export(store).map_err(text_of)?;
        if canonical(exported.clone()) != canonical(doc.clone()) {
            return Err(format!(
                "the store does not give back what it imported\nimported: {doc:?}\nexported: {exported:?}"
            ));
        }
        // A second import goes into a store that holds people or templates:
        // refused, unwritten. (Settings alone leave a store empty.)
        if !doc.people.is_empty() || !doc.templates.is_empty() {
            let before = export_json(store).map_err(text_of)?;
            match import(store, &doc) {
                Err(e) if e.code == ErrorCode::StoreNotEmpty => {}
                Err(e) => {
                    return Err(format!(
                        "an import into a full store failed oddly: {}",
                        text_of(e)
                    ))
                }
                Ok(()) => return Err("an import into a store with data was accepted".into()),
            }
            if export_json(store).map_err(text_of)? != before {
                return Err("a refused import into a full store changed it".into());
            }
        }
        // What an import sets, the app's own settings form accepts.
        if let Err(e) = settings::save(store, doc.settings.clone()) {
            return Err(format!(
                "import took settings the app refuses: {}",
                text_of(e)
            ));
        }
        self.reset()
    }
}

fn serialize(u: &mut Unstructured<'_>, doc: &Value) -> String {
    let text = if chance(u, 50) {
        serde_json::to_string_pretty(doc).unwrap_or_default()
    } else {
        serde_json::to_string(doc).unwrap_or_default()
    };
    if chance(u, 12) {
        mutate_text(u, text, DICTIONARY)
    } else {
        text
    }
}

const DICTIONARY: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "null",
    "\\u0000",
    "\\ud800",
    "\"id\"",
    "\"person_id\"",
    "1e999",
    "-0",
    "\u{feff}",
    "\"private_text\":\"x\",",
];

/// The export of a small demo store, made once (it is the same every time:
/// seeded data, fixed clock).
fn demo_export() -> &'static Value {
    static DEMO: OnceLock<Value> = OnceLock::new();
    DEMO.get_or_init(|| {
        let made = (|| -> Result<Value, String> {
            let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
            let paths = StorePaths::in_dir(dir.path().join("data"));
            let keys = MemoryKeyStore::new();
            let mut store = Store::create(&paths, &keys, clock()).map_err(text_of)?;
            demo(
                &mut store,
                DemoOptions {
                    people: 3,
                    years: 1,
                    seed: 7,
                },
            )
            .map_err(text_of)?;
            let json = export_json(&store).map_err(text_of)?;
            serde_json::from_str(&json).map_err(|e| e.to_string())
        })();
        made.unwrap_or(Value::Null)
    })
}

fn array<'v>(doc: &'v Value, key: &str) -> impl Iterator<Item = &'v Value> {
    doc.get(key).and_then(Value::as_array).into_iter().flatten()
}

fn field<'v>(item: &'v Value, key: &str) -> Option<&'v str> {
    item.get(key).and_then(Value::as_str)
}

/// The demo export cut to some people and some of their meetings, keeping
/// every reference whole: a valid document of real shape and size.
fn trimmed_demo(u: &mut Unstructured<'_>) -> Value {
    let full = demo_export();
    let people: Vec<&str> = array(full, "people")
        .filter_map(|p| field(p, "id"))
        .filter(|_| chance(u, 50))
        .collect();
    let keep_person = |item: &Value| field(item, "person_id").is_some_and(|p| people.contains(&p));
    let most = upto(u, 12);
    let mut per_person: std::collections::HashMap<&str, usize> = Default::default();
    let meetings: Vec<Value> = array(full, "meetings")
        .filter(|m| keep_person(m))
        .filter(|m| {
            let n = per_person
                .entry(field(m, "person_id").unwrap_or(""))
                .or_default();
            *n += 1;
            *n <= most
        })
        .cloned()
        .collect();
    let meeting_ids: Vec<&str> = meetings.iter().filter_map(|m| field(m, "id")).collect();
    let meeting_kept = |item: &Value| match item.get("meeting_id") {
        Some(Value::String(id)) => meeting_ids.contains(&id.as_str()),
        _ => true,
    };
    let pick = |key: &str, keep: &dyn Fn(&Value) -> bool| -> Value {
        Value::Array(array(full, key).filter(|i| keep(i)).cloned().collect())
    };
    let whole = |key: &str| full.get(key).cloned().unwrap_or(Value::Null);
    json!({
        "format": whole("format"),
        "version": whole("version"),
        "settings": whole("settings"),
        "templates": whole("templates"),
        "people": pick("people", &|p| field(p, "id").is_some_and(|id| people.contains(&id))),
        "series": pick("series", &keep_person),
        "action_items": pick("action_items", &|a| keep_person(a) && meeting_kept(a)),
        "highlights": pick("highlights", &|h| keep_person(h) && meeting_kept(h)),
        "meetings": Value::Array(meetings.clone()),
    })
}

// ---- Documents built field by field ----

fn instant(u: &mut Unstructured<'_>) -> Value {
    if chance(u, 90) {
        let (y, mo, d) = (number(u, 2000, 2035), number(u, 1, 12), number(u, 1, 28));
        let (h, mi) = (number(u, 0, 23), number(u, 0, 59));
        return json!(format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:00Z"));
    }
    json!(one_of(
        u,
        &[
            "1970-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
            "+262143-12-31T23:59:59Z",
            "2024-02-29T12:00:00Z",
            "2023-02-29T12:00:00Z",
            "2024-06-30T23:59:60Z",
            "2024-01-01T00:00:00.123456789Z",
            "2024-01-01T00:00:00.1234567891Z",
            "2024-01-01T00:00:00+14:00",
            "2024-01-01T00:00:00-23:59",
            "2024-01-01T00:00:00+24:00",
            "2024-01-01T00:00:00",
            "2024-01-01 00:00:00Z",
            "2024-01-01t00:00:00z",
            "",
        ]
    ))
}

fn date(u: &mut Unstructured<'_>) -> Value {
    if chance(u, 90) {
        let (y, mo, d) = (number(u, 2000, 2035), number(u, 1, 12), number(u, 1, 28));
        return json!(format!("{y:04}-{mo:02}-{d:02}"));
    }
    json!(one_of(
        u,
        &[
            "2024-02-29",
            "2023-02-29",
            "0000-01-01",
            "9999-12-31",
            "+262143-12-31",
            "-0001-01-01",
            "2024-1-1",
            "2024-13-01",
            ""
        ]
    ))
}

fn local_time(u: &mut Unstructured<'_>) -> Value {
    if chance(u, 90) {
        return json!(format!(
            "{:02}:{:02}:00",
            number(u, 0, 23),
            number(u, 0, 59)
        ));
    }
    json!(one_of(
        u,
        &[
            "23:59:59",
            "23:59:60",
            "24:00:00",
            "14:00",
            "14:00:00.5",
            "2:00:00",
            ""
        ]
    ))
}

fn zone(u: &mut Unstructured<'_>) -> Value {
    json!(one_of(
        u,
        &[
            "Europe/Paris",
            "Europe/Paris",
            "America/New_York",
            "UTC",
            "Pacific/Kiritimati",
            "Mars/Olympus",
            "",
            " Europe/Paris",
            "europe/paris",
            "Etc/GMT+12"
        ]
    ))
}

fn minutes(u: &mut Unstructured<'_>) -> Value {
    if chance(u, 85) {
        return json!(*one_of(u, &[15u32, 30, 45, 60, 90]));
    }
    one_of(
        u,
        &[
            json!(0),
            json!(1),
            json!(480),
            json!(481),
            json!(u32::MAX),
            json!(u64::from(u32::MAX) + 1),
            json!(-1),
            json!(1.5),
            json!("30"),
        ],
    )
    .clone()
}

fn words(u: &mut Unstructured<'_>) -> Value {
    if chance(u, 80) {
        json!(one_of(
            u,
            &[
                "Ada Lovelace",
                "Grace",
                "Ship the report",
                "Career talk",
                "Q1 goals",
                "é 日本"
            ]
        ))
    } else {
        json!(text(u, 60))
    }
}

fn email(u: &mut Unstructured<'_>) -> Value {
    if chance(u, 40) {
        return Value::Null;
    }
    json!(one_of(
        u,
        &[
            "ada@example.com",
            "ada@example.com",
            "",
            " ",
            "ada",
            "a@b@c",
            "ada@example.com\r\nBcc: eve@example.com",
            "Ada <ada@example.com>",
            "ada@exa mple.com",
            "ada@example.com\0"
        ]
    ))
}

fn choice(u: &mut Unstructured<'_>, valid: &[&str]) -> Value {
    if chance(u, 92) {
        json!(one_of(u, valid))
    } else {
        json!(one_of(u, &["", "WEEKLY", "postponed", "null", " "]))
    }
}

fn maybe(
    u: &mut Unstructured<'_>,
    percent: u8,
    value: impl FnOnce(&mut Unstructured<'_>) -> Value,
) -> Value {
    if chance(u, percent) {
        value(u)
    } else {
        Value::Null
    }
}

fn id(u: &mut Unstructured<'_>, kind: &str, n: usize) -> String {
    if chance(u, 95) {
        format!("{kind}-{n}")
    } else {
        one_of(
            u,
            &["", " ", "\0", "builtin-basic", "person-0", "meeting-0", "é"],
        )
        .to_string()
    }
}

/// A reference: mostly to a record of the same person, sometimes to
/// another person's, to nothing, or missing.
fn reference(u: &mut Unstructured<'_>, owned: &[(String, String)], person: &str) -> Value {
    match upto(u, 9) {
        0 => json!("nobody"),
        1 => owned
            .first()
            .map(|(id, _)| json!(id))
            .unwrap_or(Value::Null),
        2..=4 => Value::Null,
        _ => {
            let mine: Vec<&String> = owned
                .iter()
                .filter(|(_, p)| p == person)
                .map(|(id, _)| id)
                .collect();
            if mine.is_empty() {
                Value::Null
            } else {
                json!(one_of(u, &mine))
            }
        }
    }
}

fn strings(u: &mut Unstructured<'_>) -> Value {
    Value::Array((0..upto(u, 3)).map(|_| words(u)).collect())
}

fn document(u: &mut Unstructured<'_>) -> Value {
    let people: Vec<String> = (0..upto(u, 3)).map(|n| id(u, "person", n)).collect();
    let templates: Vec<String> = (0..upto(u, 2)).map(|n| id(u, "template", n)).collect();
    let template_ref = |u: &mut Unstructured<'_>| -> Value {
        match upto(u, 5) {
            0 => json!("builtin-standard-weekly"),
            1 => templates.first().map(|t| json!(t)).unwrap_or(Value::Null),
            2 => json!("no-such-template"),
            _ => Value::Null,
        }
    };
    let person_of = |u: &mut Unstructured<'_>| -> String {
        if people.is_empty() || chance(u, 3) {
            "nobody".to_string()
        } else {
            one_of(u, &people).clone()
        }
    };
    let people_values: Vec<Value> = people
        .iter()
        .map(|pid| {
            json!({
                "id": pid,
                "name": words(u),
                "email": email(u),
                "role": words(u),
                "level": choice(u, &["junior", "confirmed", "senior", "staff_plus"]),
                "start_date": maybe(u, 50, date),
                "focus_areas": strings(u),
                "cadence": maybe(u, 30, |u| choice(u, &["weekly", "biweekly", "monthly"])),
                "career_talk_every_days": maybe(u, 30, |u| one_of(u, &[json!(90), json!(0), json!(1), json!(u32::MAX), json!(-1)]).clone()),
                "default_template_id": template_ref(u),
                "archived": chance(u, 10),
                "created_at": instant(u),
                "updated_at": instant(u),
            })
        })
        .collect();
    let template_values: Vec<Value> = templates
        .iter()
        .map(|tid| {
            let items: Vec<Value> = (0..upto(u, 3))
                .map(|_| json!({ "title": words(u), "minutes": minutes(u), "prompts": strings(u) }))
                .collect();
            json!({
                "id": tid, "name": words(u), "description": words(u), "items": items,
                "created_at": instant(u), "updated_at": instant(u),
            })
        })
        .collect();
    let mut series: Vec<(String, String)> = Vec::new();
    let series_values: Vec<Value> = (0..upto(u, 2))
        .map(|n| {
            let sid = id(u, "series", n);
            let person = person_of(u);
            series.push((sid.clone(), person.clone()));
            json!({
                "id": sid, "person_id": person,
                "frequency": choice(u, &["weekly", "biweekly", "monthly"]),
                "weekday": choice(u, &["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
                "local_time": local_time(u), "time_zone": zone(u), "duration_minutes": minutes(u),
                "format": choice(u, &["in_person", "video", "phone"]),
                "template_id": template_ref(u), "starts_on": date(u), "ends_on": maybe(u, 30, date),
                "sequence": one_of(u, &[json!(0), json!(3), json!(u32::MAX)]).clone(),
                "created_at": instant(u), "updated_at": instant(u),
            })
        })
        .collect();
    let mut meetings: Vec<(String, String)> = Vec::new();
    let meeting_values: Vec<Value> = (0..upto(u, 3))
        .map(|n| {
            let mid = id(u, "meeting", n);
            let person = person_of(u);
            meetings.push((mid.clone(), person.clone()));
            let agenda: Vec<Value> = (0..upto(u, 3))
                .map(|k| {
                    json!({
                        "id": id(u, &format!("agenda-{n}"), k), "title": words(u),
                        "minutes": minutes(u), "prompts": strings(u), "done": chance(u, 50),
                    })
                })
                .collect();
            let notes = |u: &mut Unstructured<'_>| json!(text(u, 200));
            json!({
                "id": mid, "person_id": person, "series_id": reference(u, &series, &person),
                "kind": choice(u, &["regular", "urgent", "requested"]),
                "topic": maybe(u, 30, words),
                "scheduled_start": instant(u), "original_start": maybe(u, 15, instant),
                "planned_minutes": minutes(u), "time_zone": zone(u),
                "format": choice(u, &["in_person", "video", "phone"]),
                "status": choice(u, &["scheduled", "in_progress", "completed", "cancelled"]),
                "started_at": maybe(u, 40, instant), "ended_at": maybe(u, 40, instant),
                "cancel_reason": maybe(u, 10, words), "template_id": template_ref(u),
                "agenda": agenda, "shared_notes": notes(u), "private_notes": notes(u),
                "private_prep_notes": notes(u), "created_at": instant(u), "updated_at": instant(u),
            })
        })
        .collect();
    let action_values: Vec<Value> = (0..upto(u, 3))
        .map(|n| {
            let person = person_of(u);
            let history: Vec<Value> = (0..upto(u, 2))
                .map(|_| {
                    json!({
                        "status": choice(u, &["open", "partial", "done", "escalated", "dropped"]),
                        "due_on": maybe(u, 50, date), "changed_at": instant(u),
                    })
                })
                .collect();
            json!({
                "id": id(u, "action", n), "person_id": person,
                "meeting_id": reference(u, &meetings, &person), "title": words(u),
                "owner": choice(u, &["ic", "manager"]), "due_on": maybe(u, 50, date),
                "status": choice(u, &["open", "partial", "done", "escalated", "dropped"]),
                "created_at": instant(u), "updated_at": instant(u), "history": history,
            })
        })
        .collect();
    let highlight_values: Vec<Value> = (0..upto(u, 3))
        .map(|n| {
            let person = person_of(u);
            let mut h = Map::new();
            h.insert("id".into(), json!(id(u, "highlight", n)));
            h.insert("person_id".into(), json!(person));
            h.insert("meeting_id".into(), reference(u, &meetings, &person));
            h.insert(
                "kind".into(),
                choice(u, &["win", "concern", "accomplishment"]),
            );
            h.insert("occurred_on".into(), date(u));
            match upto(u, 5) {
                0 => {}
                1 => {
                    h.insert("text".into(), words(u));
                    h.insert("private_text".into(), words(u));
                }
                2 => {
                    h.insert("text".into(), Value::Null);
                }
                3 | 4 => {
                    h.insert("private_text".into(), words(u));
                }
                _ => {
                    h.insert("text".into(), words(u));
                }
            }
            h.insert("created_at".into(), instant(u));
            Value::Object(h)
        })
        .collect();
    json!({
        "format": if chance(u, 97) { json!("rapport-export") } else { json!("rapport-store") },
        "version": if chance(u, 97) { json!(1) } else { json!(2) },
        "settings": {
            "manager_name": words(u),
            "manager_email": email(u),
            "discreet_reminders": chance(u, 20),
        },
        "people": people_values,
        "templates": template_values,
        "series": series_values,
        "meetings": meeting_values,
        "action_items": action_values,
        "highlights": highlight_values,
    })
}

/// Changes one place in the tree: a value replaced by any other, a key
/// removed or added, an element repeated (so ids repeat).
fn change_tree(u: &mut Unstructured<'_>, value: &mut Value) {
    let descend = chance(u, 75);
    match value {
        Value::Object(map) if !map.is_empty() && descend => {
            let keys: Vec<String> = map.keys().cloned().collect();
            let key = one_of(u, &keys).clone();
            if let Some(child) = map.get_mut(&key) {
                change_tree(u, child);
            }
        }
        Value::Array(items) if !items.is_empty() && descend => {
            let i = upto(u, items.len() - 1);
            if let Some(child) = items.get_mut(i) {
                change_tree(u, child);
            }
        }
        Value::Object(map) => match upto(u, 2) {
            0 if !map.is_empty() => {
                let keys: Vec<String> = map.keys().cloned().collect();
                let key = one_of(u, &keys).clone();
                map.remove(&key);
            }
            1 => {
                map.insert(text(u, 12), json_value(u, 2));
            }
            _ => *value = json_value(u, 3),
        },
        Value::Array(items) => match upto(u, 2) {
            0 if !items.is_empty() => {
                let i = upto(u, items.len() - 1);
                if let Some(item) = items.get(i).cloned() {
                    items.push(item);
                }
            }
            1 => items.clear(),
            _ => *value = json_value(u, 3),
        },
        _ => *value = json_value(u, 2),
    }
}
