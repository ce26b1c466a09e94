//! Database keys: where the 256-bit SQLCipher key of a store comes from.
//!
//! A store's header records which backend holds its key ([`KeyParams`]); a
//! [`KeyStore`] turns those parameters back into the key. Keys live in
//! [`DbKey`], which is wiped from memory when dropped and never printed.

mod keyring_store;
mod memory;
mod passphrase;

pub use keyring_store::SystemKeyring;
pub use memory::MemoryKeyStore;
pub use passphrase::{PassphraseKeyStore, MIN_PASSPHRASE_CHARS};

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

/// Which kind of secret protects a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KeyBackend {
    Keyring,
    Passphrase,
}

/// Argon2id cost parameters; stored in the header so they can be raised later
/// without locking anyone out of an older store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl Default for KdfParams {
    fn default() -> Self {
        // 64 MiB and 3 passes: the floor we promise; about a quarter second on a laptop.
        KdfParams {
            memory_kib: 64 * 1024,
            iterations: 3,
            parallelism: 1,
        }
    }
}

/// The non-secret half of a key, written to the store header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "backend", rename_all = "snake_case", deny_unknown_fields)]
pub enum KeyParams {
    Keyring,
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

/// Where keys come from. One implementation per backend, plus an in-memory fake.
pub trait KeyStore: Send + Sync {
    fn backend(&self) -> KeyBackend;

    /// Makes the key of a new store and whatever the header must record to find it again.
    fn create_key(&self, store_id: &str) -> Result<(DbKey, KeyParams)>;

    /// Finds the key of an existing store.
    fn recover_key(&self, store_id: &str, params: &KeyParams) -> Result<DbKey>;

    /// Forgets a key that was created for a store whose creation then failed.
    fn discard_key(&self, store_id: &str);
}

/// The key that opens the database a header describes, from whichever
/// secret `keys` holds. Opening a store, checking a backup and restoring one
/// all ask here, so how a header leads to its key is decided in one place.
/// Fails with `PassphraseRequired`, `WrongPassphrase` or `KeyMissing` (or the
/// key store's own error) and never returns a key the header does not vouch for.
pub fn key_for(header: &StoreHeader, keys: &dyn KeyStore) -> Result<DbKey> {
    match (header.key.backend(), keys.backend()) {
        (KeyBackend::Passphrase, KeyBackend::Keyring) => {
            return Err(Error::new(
                ErrorCode::PassphraseRequired,
                "This notes store is protected by a passphrase. Enter it (or set \
                 RAPPORT_PASSPHRASE / use --passphrase-file).",
            ))
        }
        (KeyBackend::Keyring, KeyBackend::Passphrase) => {
            return Err(Error::invalid(
                "This notes store keeps its key in the system keyring; no passphrase is needed.",
            ))
        }
        _ => {}
    }
    let key = keys.recover_key(&header.store_id, &header.key)?;
    if !header.matches(&key) {
        return Err(match header.key.backend() {
            KeyBackend::Passphrase => Error::new(
                ErrorCode::WrongPassphrase,
                "That passphrase does not unlock this notes store.",
            ),
            KeyBackend::Keyring => Error::new(
                ErrorCode::KeyMissing,
                "The system keyring holds a different key than this notes store needs. \
                 Nothing was changed.",
            ),
        });
    }
    Ok(key)
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

    #[test]
    fn key_for_gives_the_key_the_header_vouches_for() {
        let keys = MemoryKeyStore::new();
        let (key, params) = keys.create_key("s1").unwrap();
        let header = StoreHeader::new("s1".into(), &key, params);
        assert_eq!(key_for(&header, &keys).unwrap(), key);

        keys.insert("s1", DbKey::from_bytes([7; KEY_BYTES]));
        assert_eq!(
            key_for(&header, &keys).unwrap_err().code,
            ErrorCode::KeyMissing
        );
        keys.remove("s1");
        assert_eq!(
            key_for(&header, &keys).unwrap_err().code,
            ErrorCode::KeyMissing
        );

        let passphrase_header = StoreHeader::new(
            "s2".into(),
            &key,
            KeyParams::Passphrase {
                kdf: "argon2id".into(),
                params: KdfParams::default(),
                salt: "00".into(),
            },
        );
        assert_eq!(
            key_for(&passphrase_header, &keys).unwrap_err().code,
            ErrorCode::PassphraseRequired
        );
    }
}
