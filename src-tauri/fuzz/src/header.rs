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

fn key_params(u: &mut Unstructured<'_>) -> Value {
    match upto(u, 3) {
        0 => json!({ "backend": "keyring" }),
        1 | 2 => {
            let mut key = Map::new();
            key.insert(
                "backend".into(),
                maybe(u, json!("passphrase"), |u| json!(text(u, 20))),
            );
            key.insert(
                "kdf".into(),
                maybe(u, json!("argon2id"), |u| {
                    json!(one_of(u, &["argon2i", "scrypt", "", "ARGON2ID"]))
                }),
            );
            key.insert("memory_kib".into(), maybe(u, json!(65536), number_value));
            key.insert("iterations".into(), maybe(u, json!(3), number_value));
            key.insert("parallelism".into(), maybe(u, json!(1), number_value));
            key.insert(
                "salt".into(),
                maybe(u, json!("00112233445566778899aabbccddeeff"), |u| {
                    json!(one_of(u, &["", "zz", "0", "00112233"]))
                }),
            );
            Value::Object(key)
        }
        _ => json_value(u, 3),
    }
}

fn document(u: &mut Unstructured<'_>) -> Value {
    let mut doc = Map::new();
    let fields: [(&str, fn(&mut Unstructured<'_>) -> Value); 5] = [
        ("format", |u| {
            maybe(u, json!("rapport-store"), |u| {
                json!(one_of(
                    u,
                    &["rapport-export", "Rapport-Store", "rapport-store ", ""]
                ))
            })
        }),
        ("version", |u| maybe(u, json!(1), number_value)),
        ("store_id", |u| {
            maybe(u, json!("0192f1c4-7a3b-7000-8000-000000000001"), |u| {
                json!(text(u, 80))
            })
        }),
        ("key", key_params),
        ("key_check", |u| {
            maybe(u, json!("00112233445566778899aabbccddeeff"), |u| {
                json!(text(u, 40))
            })
        }),
    ];
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
            Ok(_) => Ok(()),
            Err(e) if e.message.trim().is_empty() => {
                Err(format!("a refusal without a message ({:?})", e.code))
            }
            Err(_) => Ok(()),
        }
    }
}
