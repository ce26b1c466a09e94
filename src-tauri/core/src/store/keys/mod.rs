//! Database keys: the random 256-bit data key that SQLCipher uses, and the
//! slots in the store's header that each hold it wrapped for one way of
//! unlocking (see `slot`). A [`KeyStore`] is one such way. Keys live in
//! [`DbKey`], which is wiped from memory when dropped and never printed.

mod keyring_store;
mod memory;
mod passphrase;
mod recovery;
mod slot;

pub use keyring_store::SystemKeyring;
pub use memory::MemoryKeyStore;
pub use passphrase::{PassphraseKeyStore, MIN_PASSPHRASE_CHARS};
pub use recovery::{RecoveryKey, RecoveryKeyStore};
pub(crate) use slot::open_under_data_key;
pub use slot::{
    KdfParams, KeySlot, SlotKind, SlotLock, MAX_KDF_ITERATIONS, MAX_KDF_MEMORY_KIB,
    MAX_KDF_PARALLELISM,
};

use crate::error::{Error, ErrorCode, Result};
use crate::store::StoreHeader;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

pub const KEY_BYTES: usize = 32;

/// A raw SQLCipher key.
#[derive(Clone, Zeroize, ZeroizeOnDrop, PartialEq, Eq)]
pub struct DbKey([u8; KEY_BYTES]);

impl DbKey {
    pub fn random() -> Self {
        let mut bytes = [0u8; KEY_BYTES];
        rand::rng().fill_bytes(&mut bytes);
        DbKey(bytes)
    }

    pub fn from_bytes(bytes: [u8; KEY_BYTES]) -> Self {
        DbKey(bytes)
    }

    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        let array: [u8; KEY_BYTES] = bytes.try_into().ok()?;
        Some(DbKey(array))
    }

    pub fn as_bytes(&self) -> &[u8; KEY_BYTES] {
        &self.0
    }

    /// The `PRAGMA key` value for a raw key, which skips SQLCipher's own PBKDF2.
    pub(crate) fn pragma_value(&self) -> Zeroizing<String> {
        let mut hex_key = Zeroizing::new(hex::encode(self.0));
        let value = Zeroizing::new(format!("x'{}'", hex_key.as_str()));
        hex_key.zeroize();
        value
    }

    /// A non-secret fingerprint kept in the header so a wrong key is told apart
    /// from a damaged file before SQLCipher is asked to read anything.
    pub(crate) fn check_value(&self, store_id: &str) -> String {
        let mut hasher = Sha256::new();
        hasher.update(b"rapport key check v1\0");
        hasher.update(store_id.as_bytes());
        hasher.update([0u8]);
        hasher.update(self.0);
        let digest = hasher.finalize();
        hex::encode(digest.get(..16).unwrap_or_default())
    }
}

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbKey(<redacted>)")
    }
}

/// How a store is unlocked day to day (the recovery key is kept for emergencies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KeyBackend {
    Keyring,
    Passphrase,
}

/// The non-secret half of a version-1 key (before key slots), as its header
/// recorded it. Read only to move such a store to slots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "backend", rename_all = "snake_case", deny_unknown_fields)]
pub enum KeyParams {
    /// The raw database key was the keyring entry itself.
    Keyring,
    /// The database key was derived from the passphrase.
    Passphrase {
        kdf: String,
        #[serde(flatten)]
        params: KdfParams,
        salt: String,
    },
}

impl KeyParams {
    pub fn backend(&self) -> KeyBackend {
        match self {
            KeyParams::Keyring => KeyBackend::Keyring,
            KeyParams::Passphrase { .. } => KeyBackend::Passphrase,
        }
    }
}

/// A way of unlocking: the keyring, a passphrase or a recovery key. One
/// implementation per kind, plus an in-memory keyring for tests.
pub trait KeyStore: Send + Sync {
    fn kind(&self) -> SlotKind;

    /// A slot of this kind that holds `data_key`. The keyring keeps using the
    /// secret it already holds for the store, or makes one.
    fn seal(&self, store_id: &str, data_key: &DbKey) -> Result<KeySlot>;

    /// The data key from a slot of this kind, or why this secret does not open it.
    fn open(&self, store_id: &str, slot: &KeySlot) -> Result<DbKey>;

    /// The key of a version-1 store, which had no slots.
    fn legacy_key(&self, store_id: &str, params: &KeyParams) -> Result<DbKey>;

    /// Forgets what this kind keeps outside the header (the keyring entry).
    fn discard(&self, _store_id: &str) {}
}

/// The data key of a store, from whichever of its slots `keys` opens. Fails,
/// saying what to do instead, when `keys` is the wrong kind for this store.
pub fn key_for(header: &StoreHeader, keys: &dyn KeyStore) -> Result<DbKey> {
    let key = match &header.key {
        Some(params) => {
            wrong_kind(header.backend(), keys.kind())?;
            keys.legacy_key(&header.store_id, params)?
        }
        None => {
            let Some(slot) = header.slot(keys.kind()) else {
                wrong_kind(header.backend(), keys.kind())?;
                return Err(Error::new(
                    ErrorCode::NotARapportDatabase,
                    "The store header has no slot for this way of unlocking.",
                ));
            };
            keys.open(&header.store_id, slot)?
        }
    };
    if !header.matches(&key) {
        return Err(match keys.kind() {
            SlotKind::Passphrase => Error::new(
                ErrorCode::WrongPassphrase,
                "That passphrase does not unlock this notes store.",
            ),
            SlotKind::RecoveryKey => Error::new(
                ErrorCode::WrongRecoveryKey,
                "That recovery key does not open this notes store. Nothing was changed.",
            ),
            SlotKind::Keyring => Error::new(
                ErrorCode::KeyMissing,
                "The system keyring holds a different key than this notes store needs. \
                 Unlock with your recovery key; nothing was changed.",
            ),
        });
    }
    Ok(key)
}

/// The new data key of a re-encryption that was cut short, when `keys` opens
/// its slot; None when there is no such re-encryption.
pub fn next_key_for(header: &StoreHeader, keys: &dyn KeyStore) -> Option<Result<DbKey>> {
    let next = header.next_key.as_ref()?;
    let slot = next.slots.iter().find(|s| s.kind() == keys.kind())?;
    Some(keys.open(&header.store_id, slot).and_then(|key| {
        if key.check_value(&header.store_id) == next.key_check {
            Ok(key)
        } else {
            Err(Error::new(
                ErrorCode::NotARapportDatabase,
                "The store header's pending key does not match its fingerprint.",
            ))
        }
    }))
}

/// The message for unlocking a store with a kind of secret it does not use.
fn wrong_kind(store: KeyBackend, tried: SlotKind) -> Result<()> {
    match (store, tried) {
        (KeyBackend::Passphrase, SlotKind::Keyring) => Err(Error::new(
            ErrorCode::PassphraseRequired,
            "This notes store is protected by a passphrase. Enter it (or set \
             RAPPORT_PASSPHRASE / use --passphrase-file), or use the recovery key.",
        )),
        (KeyBackend::Keyring, SlotKind::Passphrase) => Err(Error::invalid(
            "This notes store keeps its key in the system keyring; no passphrase is needed.",
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_key_material() {
        let key = DbKey::from_bytes([0xAB; KEY_BYTES]);
        let shown = format!("{key:?}");
        assert!(!shown.to_lowercase().contains("ab"), "{shown}");
    }

    #[test]
    fn pragma_value_is_raw_hex_key() {
        let key = DbKey::from_bytes([1; KEY_BYTES]);
        assert_eq!(
            key.pragma_value().as_str(),
            format!("x'{}'", "01".repeat(32))
        );
    }

    #[test]
    fn check_value_depends_on_key_and_store() {
        let a = DbKey::from_bytes([1; KEY_BYTES]);
        let b = DbKey::from_bytes([2; KEY_BYTES]);
        assert_ne!(a.check_value("s1"), b.check_value("s1"));
        assert_ne!(a.check_value("s1"), a.check_value("s2"));
        assert_eq!(a.check_value("s1"), a.check_value("s1"));
    }

    #[test]
    fn key_params_round_trip_through_json() {
        let params = KeyParams::Passphrase {
            kdf: "argon2id".into(),
            params: KdfParams::default(),
            salt: "00ff".into(),
        };
        let json = serde_json::to_string(&params).unwrap();
        assert!(json.contains(r#""backend":"passphrase""#), "{json}");
        assert_eq!(serde_json::from_str::<KeyParams>(&json).unwrap(), params);
        assert_eq!(
            serde_json::to_string(&KeyParams::Keyring).unwrap(),
            r#"{"backend":"keyring"}"#
        );
    }
}
