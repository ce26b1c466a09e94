//! The small, non-secret header file beside the database: the store's id, a
//! fingerprint of its data key, and the key slots that each hold the data key
//! wrapped for one way of unlocking. The format is described in
//! docs/key-slots.md.

use crate::error::{Error, ErrorCode, Result};
use crate::store::keys::{DbKey, KeyBackend, KeyParams, KeySlot, SlotKind};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

const FORMAT: &str = "rapport-store";
/// Version 1 had no slots: the keyring held the database key itself, or the
/// passphrase derived it. Version 2 wraps a random data key in slots.
const LEGACY_VERSION: u32 = 1;
const VERSION: u32 = 2;
/// Far beyond any real header; a bigger file is not one of ours.
const MAX_HEADER_BYTES: usize = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreHeader {
    pub format: String,
    pub version: u32,
    pub store_id: String,
    pub key_check: String,
    /// Version 2: one everyday slot (keyring or passphrase) and the recovery key's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub slots: Vec<KeySlot>,
    /// Whether the manager said they stored the current recovery key.
    #[serde(default, skip_serializing_if = "is_false")]
    pub recovery_key_confirmed: bool,
    /// Version 1 only: how its key was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<KeyParams>,
    /// Present only while the store is being re-encrypted with a new data key:
    /// the new key's fingerprint and slots, so a crash half-way leaves a
    /// store that opens with whichever key its pages have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_key: Option<NextKey>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextKey {
    pub key_check: String,
    pub slots: Vec<KeySlot>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl StoreHeader {
    /// A header with key slots for `data_key`.
    pub fn with_slots(store_id: String, data_key: &DbKey, slots: Vec<KeySlot>) -> Self {
        StoreHeader {
            format: FORMAT.to_string(),
            version: VERSION,
            key_check: data_key.check_value(&store_id),
            store_id,
            slots,
            recovery_key_confirmed: false,
            key: None,
            next_key: None,
        }
    }

    /// A version-1 header, as Rapport wrote them before key slots; kept for
    /// the fixtures that prove such stores still open.
    #[doc(hidden)]
    pub fn legacy(store_id: String, key: &DbKey, params: KeyParams) -> Self {
        StoreHeader {
            format: FORMAT.to_string(),
            version: LEGACY_VERSION,
            key_check: key.check_value(&store_id),
            store_id,
            slots: Vec::new(),
            recovery_key_confirmed: false,
            key: Some(params),
            next_key: None,
        }
    }

    pub fn matches(&self, key: &DbKey) -> bool {
        self.key_check == key.check_value(&self.store_id)
    }

    /// Whether the store predates key slots and moves to them on its next unlock.
    pub fn is_legacy(&self) -> bool {
        self.key.is_some()
    }

    /// How the store is unlocked day to day.
    pub fn backend(&self) -> KeyBackend {
        match &self.key {
            Some(params) => params.backend(),
            None => self
                .slots
                .iter()
                .find_map(|s| s.kind().backend())
                // `from_bytes` refuses a header without an everyday slot.
                .unwrap_or(KeyBackend::Passphrase),
        }
    }

    pub fn slot(&self, kind: SlotKind) -> Option<&KeySlot> {
        self.slots.iter().find(|s| s.kind() == kind)
    }

    /// Parses and checks a header: the whole shape, and KDF costs within
    /// bounds, before any key is derived.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        if bytes.len() > MAX_HEADER_BYTES {
            return Err(not_ours());
        }
        // The version decides the shape, so a newer header is reported as newer
        // rather than as unreadable.
        #[derive(Deserialize)]
        struct Probe {
            format: String,
            version: u32,
        }
        let probe: Probe = serde_json::from_slice(bytes).map_err(|_| not_ours())?;
        if probe.format != FORMAT {
            return Err(not_ours());
        }
        if probe.version > VERSION {
            return Err(Error::new(
                ErrorCode::SchemaTooNew,
                "This notes store was written by a newer version of Rapport. Update Rapport \
                 to open it; nothing was changed.",
            ));
        }
        let header: StoreHeader = serde_json::from_slice(bytes).map_err(|_| not_ours())?;
        header.check()?;
        Ok(header)
    }

    fn check(&self) -> Result<()> {
        if self.store_id.is_empty() || hex::decode(&self.key_check).is_err() {
            return Err(not_ours());
        }
        if self.version == LEGACY_VERSION && self.next_key.is_some() {
            return Err(not_ours());
        }
        match (self.version, &self.key) {
            (LEGACY_VERSION, Some(KeyParams::Passphrase { params, .. }))
                if self.slots.is_empty() =>
            {
                params.check()
            }
            (LEGACY_VERSION, Some(KeyParams::Keyring)) if self.slots.is_empty() => Ok(()),
            (VERSION, None) => {
                check_slots(&self.slots)?;
                match &self.next_key {
                    Some(next) if hex::decode(&next.key_check).is_err() => Err(not_ours()),
                    Some(next) => check_slots(&next.slots),
                    None => Ok(()),
                }
            }
            _ => Err(not_ours()),
        }
    }

    pub fn read(path: &Path) -> Result<Self> {
        let bytes =
            std::fs::read(path).map_err(|e| Error::io("Cannot read the store header", e))?;
        Self::from_bytes(&bytes).map_err(|err| match err.code {
            ErrorCode::NotARapportDatabase if err.message.starts_with("This file") => Error::new(
                ErrorCode::NotARapportDatabase,
                format!(
                    "{} is not a Rapport store header. Nothing was changed.",
                    path.display()
                ),
            ),
            _ => err,
        })
    }

    /// Writes the header so that a crash leaves either the old header or the
    /// whole new one: used for new stores and for every change of slots.
    pub fn write_new(&self, path: &Path) -> Result<()> {
        let mut json = serde_json::to_vec_pretty(self).map_err(|e| {
            Error::new(ErrorCode::Storage, format!("Cannot encode the header: {e}"))
        })?;
        json.push(b'\n');
        let tmp = path.with_extension("json.tmp");
        let write = || -> std::io::Result<()> {
            let mut file = std::fs::File::create(&tmp)?;
            super::paths::owner_only(&tmp)?;
            file.write_all(&json)?;
            file.sync_all()?;
            std::fs::rename(&tmp, path)?;
            if let Some(dir) = path.parent() {
                // Persist the rename itself; not possible (nor needed) on every platform.
                if let Ok(d) = std::fs::File::open(dir) {
                    let _ = d.sync_all();
                }
            }
            Ok(())
        };
        write().map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::io("Cannot write the store header", e)
        })
    }
}

/// One everyday slot (keyring or passphrase) and one recovery key slot, each well formed.
fn check_slots(slots: &[KeySlot]) -> Result<()> {
    for slot in slots {
        slot.check()?;
    }
    let everyday = slots.iter().filter(|s| s.kind().backend().is_some());
    let recovery = slots.iter().filter(|s| s.kind() == SlotKind::RecoveryKey);
    if everyday.count() == 1 && recovery.count() == 1 && slots.len() == 2 {
        Ok(())
    } else {
        Err(Error::new(
            ErrorCode::NotARapportDatabase,
            "The store header should hold one keyring or passphrase slot and one recovery key \
             slot; it may be damaged. Nothing was changed.",
        ))
    }
}

fn not_ours() -> Error {
    Error::new(
        ErrorCode::NotARapportDatabase,
        "This file is not a Rapport store header. Nothing was changed.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::keys::{KeyStore, MemoryKeyStore, RecoveryKey, RecoveryKeyStore};

    fn v2() -> StoreHeader {
        let data = DbKey::random();
        let slots = vec![
            MemoryKeyStore::new().seal("s", &data).unwrap(),
            RecoveryKeyStore(RecoveryKey::generate())
                .seal("s", &data)
                .unwrap(),
        ];
        StoreHeader::with_slots("s".into(), &data, slots)
    }

    #[test]
    fn a_v2_header_round_trips() {
        let header = v2();
        let bytes = serde_json::to_vec(&header).unwrap();
        assert_eq!(StoreHeader::from_bytes(&bytes).unwrap(), header);
        assert_eq!(header.backend(), KeyBackend::Keyring);
    }

    #[test]
    fn a_header_without_its_recovery_slot_is_refused() {
        let mut header = v2();
        header.slots.pop();
        let bytes = serde_json::to_vec(&header).unwrap();
        let err = StoreHeader::from_bytes(&bytes).unwrap_err();
        assert_eq!(err.code, ErrorCode::NotARapportDatabase);
    }

    #[test]
    fn a_newer_header_is_reported_as_newer() {
        let mut value = serde_json::to_value(v2()).unwrap();
        value["version"] = 3.into();
        value["new_field"] = true.into();
        let err = StoreHeader::from_bytes(value.to_string().as_bytes()).unwrap_err();
        assert_eq!(err.code, ErrorCode::SchemaTooNew);
    }

    #[test]
    fn garbage_is_not_a_header() {
        for bytes in [
            &b""[..],
            b"{}",
            b"[1,2]",
            b"\xff\xfe",
            br#"{"format":"x","version":1}"#,
        ] {
            let err = StoreHeader::from_bytes(bytes).unwrap_err();
            assert_eq!(err.code, ErrorCode::NotARapportDatabase);
        }
    }

    #[test]
    fn a_legacy_header_with_slots_is_refused() {
        let mut header = v2();
        header.version = LEGACY_VERSION;
        let bytes = serde_json::to_vec(&header).unwrap();
        assert!(StoreHeader::from_bytes(&bytes).is_err());
    }
}
