//! JSON export and import: lossless round trip, all-or-nothing import.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use rapport_core::flows::demo::{generate, DemoOptions};
use rapport_core::formats::exchange::{export_json, import, parse_json};
use rapport_core::ErrorCode;
use support::{snapshot, TestStore};

fn demo_store() -> (TestStore, String) {
    let t = TestStore::new();
    let mut store = t.create();
    generate(
        &mut store,
        DemoOptions {
            people: 4,
            years: 1,
            seed: 11,
        },
    )
    .unwrap();
    let json = export_json(&store).unwrap();
    (t, json)
}

#[test]
fn export_import_export_is_identical() {
    let (_t, json) = demo_store();
    let target = TestStore::new();
    let mut store = target.create();
    import(&mut store, &parse_json(&json).unwrap()).unwrap();
    assert_eq!(export_json(&store).unwrap(), json);
    drop(store);
    // And after closing and reopening.
    assert_eq!(export_json(&target.open().unwrap()).unwrap(), json);
}

#[test]
fn export_names_manager_only_fields_private() {
    let (_t, json) = demo_store();
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let meeting = &doc["meetings"][0];
    for field in ["private_notes", "private_prep_notes", "shared_notes"] {
        assert!(meeting.get(field).is_some(), "missing {field}");
    }
    let private_highlights = doc["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h.get("private_text").is_some())
        .count();
    assert!(private_highlights > 0);
    assert!(doc["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h.get("text").is_some() != h.get("private_text").is_some()));
}

#[test]
fn demo_is_deterministic_for_a_seed_and_clock() {
    let (_a, first) = demo_store();
    let (_b, second) = demo_store();
    assert_eq!(first, second);
}

fn assert_bad_import(json: &str, place: &str) {
    let target = TestStore::new();
    let store = target.create();
    drop(store);
    let before = snapshot(&target.paths.dir);
    let err = match parse_json(json) {
        Err(err) => err,
        Ok(doc) => {
            let mut store = target.open().unwrap();
            let err = import(&mut store, &doc).unwrap_err();
            drop(store);
            err
        }
    };
    assert_eq!(err.code, ErrorCode::ImportInvalid, "{}", err.message);
    assert!(
        err.message.contains(place),
        "expected {place:?} in {:?}",
        err.message
    );
    let store = target.open().unwrap();
    assert!(store.is_empty().unwrap());
    drop(store);
    assert_eq!(snapshot(&target.paths.dir), before);
}

#[test]
fn bad_imports_name_the_place_and_change_nothing() {
    let (_t, json) = demo_store();
    let good: serde_json::Value = serde_json::from_str(&json).unwrap();

    // A dangling reference deep in the file: everything before it is valid.
    let mut doc = good.clone();
    let last = doc["action_items"].as_array().unwrap().len() - 1;
    doc["action_items"][last]["person_id"] = "nobody".into();
    assert_bad_import(&doc.to_string(), &format!("action_items[{last}].person_id"));

    let mut doc = good.clone();
    doc["people"][1]["level"] = "wizard".into();
    assert_bad_import(&doc.to_string(), "people[1].level");

    let mut doc = good.clone();
    doc["meetings"][2]["id"] = doc["meetings"][1]["id"].clone();
    assert_bad_import(&doc.to_string(), "meetings[2].id");

    let mut doc = good.clone();
    doc["series"][0]["time_zone"] = "Mars/Olympus".into();
    assert_bad_import(&doc.to_string(), "series[0].time_zone");

    let mut doc = good.clone();
    doc["meetings"][0]["surprise"] = true.into();
    assert_bad_import(&doc.to_string(), "meetings[0]");

    let mut doc = good.clone();
    doc["version"] = 99.into();
    assert_bad_import(&doc.to_string(), "version");

    assert_bad_import("{\"format\": \"rapport-export\", ", "line 1");

    // Found by fuzzing: the manager's address skipped the check the settings
    // form makes, so a file could put a header break into every e-mail.
    for address in [
        "grace@example.com\r\nBcc: eve@example.com",
        "grace",
        " grace@example.com",
    ] {
        let mut doc = good.clone();
        doc["settings"]["manager_email"] = address.into();
        assert_bad_import(&doc.to_string(), "settings.manager_email");
    }
}

/// Every reference joins records of one person: an action item, a win or a
/// meeting of one report can never attach to another report's 1:1 or series.
/// Found by fuzzing: a NUL in a name or title passed the checks, and the
/// store then refused the import half-way (its checks read up to the NUL).
#[test]
fn control_characters_in_names_and_titles_are_refused_before_writing() {
    let (_t, json) = demo_store();
    let good: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut doc = good.clone();
    doc["action_items"][0]["title"] = "\u{0}x".into();
    assert_bad_import(&doc.to_string(), "action_items[0].title");
    let mut doc = good.clone();
    doc["people"][0]["name"] = "Ada\nOkafor".into();
    assert_bad_import(&doc.to_string(), "people[0]");
}

#[test]
fn references_across_people_are_refused() {
    let (_t, json) = demo_store();
    let good: serde_json::Value = serde_json::from_str(&json).unwrap();
    let meetings = good["meetings"].as_array().unwrap();
    let first = &meetings[0];
    let other = meetings
        .iter()
        .find(|m| m["person_id"] != first["person_id"])
        .expect("the demo has meetings of two people");

    let mut doc = good.clone();
    let i = doc["action_items"]
        .as_array()
        .unwrap()
        .iter()
        .position(|a| a["person_id"] == first["person_id"])
        .unwrap();
    doc["action_items"][i]["meeting_id"] = other["id"].clone();
    assert_bad_import(&doc.to_string(), &format!("action_items[{i}].meeting_id"));

    let mut doc = good.clone();
    let i = doc["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .position(|h| h["person_id"] == first["person_id"])
        .unwrap();
    doc["highlights"][i]["meeting_id"] = other["id"].clone();
    assert_bad_import(&doc.to_string(), &format!("highlights[{i}].meeting_id"));

    let mut doc = good.clone();
    let series_of_other = good["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["person_id"] == other["person_id"])
        .unwrap()["id"]
        .clone();
    let k = meetings
        .iter()
        .position(|m| m["person_id"] == first["person_id"] && !m["series_id"].is_null())
        .unwrap();
    doc["meetings"][k]["series_id"] = series_of_other;
    assert_bad_import(&doc.to_string(), &format!("meetings[{k}].series_id"));
}

#[test]
fn import_into_a_store_with_data_is_refused() {
    let (t, json) = demo_store();
    let mut store = t.open().unwrap();
    let err = import(&mut store, &parse_json(&json).unwrap()).unwrap_err();
    assert_eq!(err.code, ErrorCode::StoreNotEmpty);
}
