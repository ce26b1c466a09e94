//! The store header parser (`StoreHeader::from_bytes`): the first thing
//! Rapport reads from disk, before any key, so anything on disk reaches it.
//!
//! Inputs are header documents with every field valid, missing, of the wrong
//! type, out of range or doubled, in JSON with odd spacing and encodings,
//! edited at the byte level, plus raw bytes. Properties: no panic or hang,
//! and a refusal comes with a message.

use crate::driver::Target;
use crate::gen::{chance, json_value, mutate, one_of, text, upto, HOSTILE};
use arbitrary::Unstructured;
use rapport_core::store::keys::{KeyParams, SlotLock};
use rapport_core::store::StoreHeader;
use serde_json::{json, Map, Value};

#[derive(Debug)]
pub struct HeaderInput {
    pub bytes: Vec<u8>,
}

pub struct Header;

fn number_value(u: &mut Unstructured<'_>) -> Value {
    match upto(u, 9) {
        0 => json!(0),
        1 => json!(1),
        2 => json!(2),
        3 => json!(u32::MAX),
        4 => json!(u64::from(u32::MAX) + 1),
        5 => json!(-1),
        6 => json!(1.5),
        7 => json!("1"),
        8 => json!(u64::MAX),
        _ => json_value(u, 1),
    }
}

fn maybe(
    u: &mut Unstructured<'_>,
    valid: Value,
    other: impl FnOnce(&mut Unstructured<'_>) -> Value,
) -> Value {
    if chance(u, 85) {
        valid
    } else {
        other(u)
    }
}

fn hex_value(u: &mut Unstructured<'_>, bytes: usize) -> Value {
    maybe(u, json!("ab".repeat(bytes)), |u| {
        json!(one_of(u, &["", "zz", "0", "00112233", "AB"]))
    })
}

fn kdf_fields(u: &mut Unstructured<'_>, into: &mut Map<String, Value>) {
    into.insert(
        "kdf".into(),
        maybe(u, json!("argon2id"), |u| {
            json!(one_of(u, &["argon2i", "scrypt", "", "ARGON2ID"]))
        }),
    );
    into.insert("memory_kib".into(), maybe(u, json!(65536), number_value));
    into.insert("iterations".into(), maybe(u, json!(3), number_value));
    into.insert("parallelism".into(), maybe(u, json!(1), number_value));
    into.insert("salt".into(), hex_value(u, 16));
}

/// A version-1 header's `key`: the keyring or a passphrase's KDF settings.
fn key_params(u: &mut Unstructured<'_>) -> Value {
    match upto(u, 3) {
        0 => json!({ "backend": "keyring" }),
        1 | 2 => {
            let mut key = Map::new();
            key.insert(
                "backend".into(),
                maybe(u, json!("passphrase"), |u| json!(text(u, 20))),
            );
            kdf_fields(u, &mut key);
            Value::Object(key)
        }
        _ => json_value(u, 3),
    }
}

/// A version-2 key slot: the data key wrapped for one way of unlocking.
fn slot(u: &mut Unstructured<'_>) -> Value {
    let mut slot = Map::new();
    let valid = json!(one_of(u, &["keyring", "passphrase", "recovery_key"]));
    let kind = maybe(u, valid, |u| json!(text(u, 12)));
    match kind.as_str() {
        Some("passphrase") => kdf_fields(u, &mut slot),
        Some("recovery_key") => {
            slot.insert("salt".into(), hex_value(u, 16));
            slot.insert("sealed_key".into(), hex_value(u, 56));
        }
        _ => {}
    }
    slot.insert("kind".into(), kind);
    slot.insert("nonce".into(), hex_value(u, 24));
    slot.insert("wrapped_key".into(), hex_value(u, 48));
    Value::Object(slot)
}

fn slots(u: &mut Unstructured<'_>) -> Value {
    if chance(u, 10) {
        return json_value(u, 2);
    }
    Value::Array((0..upto(u, 4)).map(|_| slot(u)).collect())
}

fn next_key(u: &mut Unstructured<'_>) -> Value {
    json!({ "key_check": hex_value(u, 16), "slots": slots(u) })
}

/// Makes one field's value.
type Field = fn(&mut Unstructured<'_>) -> Value;

fn document(u: &mut Unstructured<'_>) -> Value {
    let mut doc = Map::new();
    let v2 = chance(u, 70);
    let check = |u: &mut Unstructured<'_>| hex_value(u, 16);
    let store_id = |u: &mut Unstructured<'_>| {
        maybe(u, json!("0192f1c4-7a3b-7000-8000-000000000001"), |u| {
            json!(text(u, 80))
        })
    };
    let format = |u: &mut Unstructured<'_>| {
        maybe(u, json!("rapport-store"), |u| {
            json!(one_of(
                u,
                &["rapport-export", "Rapport-Store", "rapport-store ", ""]
            ))
        })
    };
    let mut fields: Vec<(&str, Field)> = vec![
        ("format", format),
        ("store_id", store_id),
        ("key_check", check),
    ];
    if v2 {
        fields.push(("version", |u| maybe(u, json!(2), number_value)));
        fields.push(("slots", slots));
        fields.push(("recovery_key_confirmed", |u| {
            maybe(u, json!(true), |u| json_value(u, 1))
        }));
        if chance(u, 10) {
            fields.push(("next_key", next_key));
        }
        if chance(u, 5) {
            fields.push(("key", key_params));
        }
    } else {
        fields.push(("version", |u| maybe(u, json!(1), number_value)));
        fields.push(("key", key_params));
    }
    for (name, value) in fields {
        if chance(u, 95) {
            doc.insert(name.into(), value(u));
        }
    }
    if chance(u, 10) {
        doc.insert(text(u, 12), json_value(u, 2));
    }
    Value::Object(doc)
}

const DICTIONARY: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "\\u0000",
    "\\ud800",
    "\"format\"",
    "\"key\"",
    "\"backend\"",
    "\"passphrase\"",
    "\"slots\"",
    "\"kind\"",
    "\"memory_kib\"",
    "4294967295",
    "1e999",
    "-0",
    "null",
    "\u{feff}",
];

impl Target for Header {
    type Input = HeaderInput;
    const NAME: &'static str = "header";

    fn new() -> Result<Self, String> {
        Ok(Header)
    }

    fn generate(u: &mut Unstructured<'_>) -> HeaderInput {
        let bytes = match upto(u, 9) {
            0 => {
                let n = upto(u, 2048).min(u.len());
                u.bytes(n).map(<[u8]>::to_vec).unwrap_or_default()
            }
            1 => {
                // Deep nesting: a parser must not recurse without bound.
                let depth = upto(u, 5000);
                format!("{}{}", "[".repeat(depth), "]".repeat(upto(u, depth))).into_bytes()
            }
            2 => one_of(u, HOSTILE).as_bytes().to_vec(),
            _ => {
                let doc = document(u);
                let mut bytes = if chance(u, 50) {
                    serde_json::to_vec_pretty(&doc).unwrap_or_default()
                } else {
                    serde_json::to_vec(&doc).unwrap_or_default()
                };
                if chance(u, 5) {
                    // A duplicated key: the later one must not slip past the checks.
                    let extra = b",\"format\":\"other\"}";
                    if let Some(b'}') = bytes.last() {
                        bytes.pop();
                        bytes.extend_from_slice(extra);
                    }
                }
                if chance(u, 30) {
                    mutate(u, &mut bytes, DICTIONARY);
                }
                bytes
            }
        };
        HeaderInput { bytes }
    }

    fn check(&mut self, input: &HeaderInput) -> Result<(), String> {
        match StoreHeader::from_bytes(&input.bytes) {
            // A header that parses never asks for KDF costs out of bounds:
            // they are refused before any key is derived.
            Ok(header) => kdf_costs_in_bounds(&header),
            Err(e) if e.message.trim().is_empty() => {
                Err(format!("a refusal without a message ({:?})", e.code))
            }
            Err(_) => Ok(()),
        }
    }
}

fn kdf_costs_in_bounds(header: &StoreHeader) -> Result<(), String> {
    let next = header.next_key.iter().flat_map(|n| n.slots.iter());
    let legacy = header.key.iter().filter_map(|key| match key {
        KeyParams::Passphrase { params, .. } => Some(*params),
        KeyParams::Keyring => None,
    });
    let slot_params = header
        .slots
        .iter()
        .chain(next)
        .filter_map(|slot| match &slot.lock {
            SlotLock::Passphrase { params, .. } => Some(*params),
            _ => None,
        });
    for params in slot_params.chain(legacy) {
        if params.check().is_err() {
            return Err(format!(
                "a header with KDF costs out of bounds parsed: {params:?}"
            ));
        }
    }
    Ok(())
}
