//! An in-memory stand-in for the OS keyring, for tests and benchmarks.

use super::keyring_store::{keyring_open, keyring_seal};
use super::{DbKey, KeyParams, KeySlot, KeyStore, SlotKind};
use crate::error::{Error, ErrorCode, Result};
use std::collections::HashMap;
use std::sync::Mutex;

#[derive(Default)]
pub struct MemoryKeyStore {
    keys: Mutex<HashMap<String, DbKey>>,
}

impl MemoryKeyStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Puts a known key in place, as if an earlier run had stored it.
    pub fn insert(&self, store_id: &str, key: DbKey) {
        self.lock().insert(store_id.to_string(), key);
    }

    /// The secret held for a store, as a keyring would return it.
    pub fn key(&self, store_id: &str) -> Option<DbKey> {
        self.lock().get(store_id).cloned()
    }

    pub fn remove(&self, store_id: &str) {
        self.lock().remove(store_id);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, DbKey>> {
        self.keys.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl KeyStore for MemoryKeyStore {
    fn kind(&self) -> SlotKind {
        SlotKind::Keyring
    }

    fn seal(&self, store_id: &str, data_key: &DbKey) -> Result<KeySlot> {
        let secret = match self.key(store_id) {
            Some(secret) => secret,
            None => {
                let fresh = DbKey::random();
                self.insert(store_id, fresh.clone());
                fresh
            }
        };
        keyring_seal(secret.as_bytes(), store_id, data_key)
    }

    fn open(&self, store_id: &str, slot: &KeySlot) -> Result<DbKey> {
        keyring_open(self.secret(store_id)?.as_bytes(), store_id, slot)
    }

    fn legacy_key(&self, store_id: &str, _params: &KeyParams) -> Result<DbKey> {
        self.secret(store_id)
    }

    fn discard(&self, store_id: &str) {
        self.remove(store_id);
    }
}

impl MemoryKeyStore {
    fn secret(&self, store_id: &str) -> Result<DbKey> {
        self.key(store_id).ok_or_else(|| {
            Error::new(
                ErrorCode::KeyMissing,
                "The key of this notes store is not in the keyring; unlock it with your recovery key.",
            )
        })
    }
}
