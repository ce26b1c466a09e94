//! The OS keyring (Secret Service, Keychain, Credential Manager) through the
//! `keyring` crate. One entry per store, named by the store's id.

use super::{DbKey, KeyBackend, KeyParams, KeyStore};
use crate::error::{Error, ErrorCode, Result};

const SERVICE: &str = "rapport";

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemKeyring;

impl SystemKeyring {
    fn entry(store_id: &str) -> Result<keyring::Entry> {
        keyring::Entry::new(SERVICE, &format!("store-{store_id}")).map_err(map_error)
    }

    /// Whether a keyring answers at all: asks for an entry that does not exist.
    pub fn is_available() -> bool {
        match Self::entry("availability-probe").and_then(|e| e.get_secret().map_err(map_error)) {
            Ok(_) => true,
            Err(err) => err.code == ErrorCode::KeyMissing,
        }
    }
}

fn map_error(err: keyring::Error) -> Error {
    match err {
        keyring::Error::NoEntry => Error::new(
            ErrorCode::KeyMissing,
            "The key of this notes store is not in the system keyring. If you moved the \
             store from another computer or reset the keyring, restore the key or use an export.",
        ),
        keyring::Error::PlatformFailure(e) | keyring::Error::NoStorageAccess(e) => Error::new(
            ErrorCode::KeyringUnavailable,
            format!(
                "The system keyring cannot be reached ({e}). Start or unlock it, or \
                 use a passphrase instead."
            ),
        ),
        other => Error::new(
            ErrorCode::KeyringUnavailable,
            format!("The system keyring refused the request ({other})."),
        ),
    }
}

impl KeyStore for SystemKeyring {
    fn backend(&self) -> KeyBackend {
        KeyBackend::Keyring
    }

    fn create_key(&self, store_id: &str) -> Result<(DbKey, KeyParams)> {
        let key = DbKey::random();
        let entry = Self::entry(store_id)?;
        entry.set_secret(key.as_bytes()).map_err(map_error)?;
        // Read it back: a keyring that accepts a write but loses it would lock the
        // manager out on the next start.
        let stored = entry.get_secret().map_err(map_error)?;
        let stored = zeroize::Zeroizing::new(stored);
        if stored.as_slice() != key.as_bytes() {
            return Err(Error::new(
                ErrorCode::KeyringUnavailable,
                "The system keyring did not keep the key it was given; use a passphrase instead.",
            ));
        }
        Ok((key, KeyParams::Keyring))
    }

    fn recover_key(&self, store_id: &str, _params: &KeyParams) -> Result<DbKey> {
        let secret =
            zeroize::Zeroizing::new(Self::entry(store_id)?.get_secret().map_err(map_error)?);
        DbKey::from_slice(&secret).ok_or_else(|| {
            Error::new(
                ErrorCode::KeyMissing,
                "The keyring entry for this notes store does not hold a valid key.",
            )
        })
    }

    fn discard_key(&self, store_id: &str) {
        if let Ok(entry) = Self::entry(store_id) {
            let _ = entry.delete_credential();
        }
    }
}
