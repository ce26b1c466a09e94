//! An in-memory stand-in for the OS keyring, for tests and benchmarks.

use super::{DbKey, KeyBackend, KeyParams, KeyStore};
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

    /// The key held for a store, as a keyring would return it.
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
    fn backend(&self) -> KeyBackend {
        KeyBackend::Keyring
    }

    fn create_key(&self, store_id: &str) -> Result<(DbKey, KeyParams)> {
        let key = DbKey::random();
        self.insert(store_id, key.clone());
        Ok((key, KeyParams::Keyring))
    }

    fn recover_key(&self, store_id: &str, _params: &KeyParams) -> Result<DbKey> {
        self.lock().get(store_id).cloned().ok_or_else(|| {
            Error::new(
                ErrorCode::KeyMissing,
                "The key of this notes store is not in the keyring.",
            )
        })
    }

    fn discard_key(&self, store_id: &str) {
        self.remove(store_id);
    }
}
