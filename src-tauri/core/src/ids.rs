//! Stable identifiers: UUIDv7 strings, time-ordered, kept through export and
//! import and used as calendar UIDs.

use uuid::Uuid;

pub fn new_id() -> String {
    Uuid::now_v7().to_string()
}

/// A UUIDv7 made from a given time and random bytes, for reproducible data.
pub fn id_at(unix_millis: u64, random: [u8; 10]) -> String {
    uuid::Builder::from_unix_timestamp_millis(unix_millis, &random)
        .into_uuid()
        .to_string()
}
