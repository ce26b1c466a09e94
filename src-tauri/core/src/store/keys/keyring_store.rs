//! The OS keyring (Secret Service, Keychain, Credential Manager) through the
//! `keyring` crate. One entry per store, named by the store's id, holding a
//! random secret from which the keyring slot's KEK is derived. (A store made
//! before key slots kept its raw database key there; that key serves as the
//! secret when the store moves to slots, so the entry never has to change.)

use super::slot::{Kek, KeySlot, SlotKind, SlotLock};
use super::{DbKey, KeyParams, KeyStore, KEY_BYTES};
use crate::error::{Error, ErrorCode, Result};
use zeroize::Zeroizing;

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
             store from another computer or reset the keyring, unlock it with your recovery key.",
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

impl SystemKeyring {
    fn secret(store_id: &str) -> Result<Zeroizing<[u8; KEY_BYTES]>> {
        let secret = Zeroizing::new(Self::entry(store_id)?.get_secret().map_err(map_error)?);
        let bytes: [u8; KEY_BYTES] = secret.as_slice().try_into().map_err(|_| {
            Error::new(
                ErrorCode::KeyMissing,
                "The keyring entry for this notes store does not hold a valid key. Unlock \
                 with your recovery key.",
            )
        })?;
        Ok(Zeroizing::new(bytes))
    }

    /// The store's secret, made and stored now if the keyring has none.
    fn secret_or_new(store_id: &str) -> Result<Zeroizing<[u8; KEY_BYTES]>> {
        match Self::secret(store_id) {
            Ok(secret) => return Ok(secret),
            Err(err) if err.code == ErrorCode::KeyMissing => {}
            Err(err) => return Err(err),
        }
        let fresh = DbKey::random();
        let entry = Self::entry(store_id)?;
        entry.set_secret(fresh.as_bytes()).map_err(map_error)?;
        // Read it back: a keyring that accepts a write but loses it would lock the
        // manager out on the next start.
        let stored = Self::secret(store_id)?;
        if stored.as_slice() != fresh.as_bytes() {
            return Err(Error::new(
                ErrorCode::KeyringUnavailable,
                "The system keyring did not keep the key it was given; use a passphrase instead.",
            ));
        }
        Ok(stored)
    }
}

impl KeyStore for SystemKeyring {
    fn kind(&self) -> SlotKind {
        SlotKind::Keyring
    }

    fn seal(&self, store_id: &str, data_key: &DbKey) -> Result<KeySlot> {
        let secret = Self::secret_or_new(store_id)?;
        keyring_seal(secret.as_ref(), store_id, data_key)
    }

    fn open(&self, store_id: &str, slot: &KeySlot) -> Result<DbKey> {
        keyring_open(Self::secret(store_id)?.as_ref(), store_id, slot)
    }

    fn legacy_key(&self, store_id: &str, _params: &KeyParams) -> Result<DbKey> {
        Ok(DbKey::from_bytes(*Self::secret(store_id)?))
    }

    fn discard(&self, store_id: &str) {
        if let Ok(entry) = Self::entry(store_id) {
            let _ = entry.delete_credential();
        }
    }
}

/// The keyring slot's sealing, shared with the in-memory keyring of the tests.
pub(super) fn keyring_seal(secret: &[u8], store_id: &str, data_key: &DbKey) -> Result<KeySlot> {
    let kek = Kek::from_secret(secret, store_id.as_bytes(), SlotKind::Keyring)?;
    KeySlot::seal(SlotLock::Keyring, &kek, store_id, data_key)
}

pub(super) fn keyring_open(secret: &[u8], store_id: &str, slot: &KeySlot) -> Result<DbKey> {
    let kek = Kek::from_secret(secret, store_id.as_bytes(), SlotKind::Keyring)?;
    slot.unwrap_key(&kek, store_id).ok_or_else(|| {
        Error::new(
            ErrorCode::KeyMissing,
            "The system keyring holds a different key than this notes store needs. Unlock \
             with your recovery key; nothing was changed.",
        )
    })
}
