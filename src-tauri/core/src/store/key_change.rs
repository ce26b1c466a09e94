//! Changing how an open store is unlocked, without re-encrypting it: moving a
//! version-1 store to key slots, replacing the recovery key, switching between
//! the keyring and a passphrase. Each change writes a whole new header in one
//! atomic rename, so a crash leaves the old header or the new one, both of
//! which open the store.

use super::header::NextKey;
use super::keys::{self, KeyStore, RecoveryKey, RecoveryKeyStore, SlotKind, SlotLock};
use super::{Store, StoreHeader};
use crate::error::{Error, ErrorCode, Result};

impl Store {
    /// Which slot opened this store (a recovery key asks for a new everyday key).
    pub fn opened_with(&self) -> SlotKind {
        self.opened_with
    }

    /// Whether this open moved a store made before key slots to slots; it then
    /// has a recovery key the manager has not seen yet.
    pub fn moved_to_slots(&self) -> bool {
        self.moved_to_slots
    }

    pub fn recovery_key_confirmed(&self) -> bool {
        self.header.recovery_key_confirmed
    }

    /// The current recovery key, read from its copy sealed under the data key.
    pub fn recovery_key(&self) -> Result<RecoveryKey> {
        let sealed = self
            .header
            .slot(SlotKind::RecoveryKey)
            .and_then(|slot| match &slot.lock {
                SlotLock::RecoveryKey { sealed_key, .. } => Some(sealed_key),
                _ => None,
            })
            .ok_or_else(no_recovery_slot)?;
        keys::open_under_data_key(&self.key, &self.header.store_id, sealed)
            .and_then(|bytes| RecoveryKey::from_bytes(&bytes))
            .ok_or_else(no_recovery_slot)
    }

    /// Makes a new recovery key; the old one no longer opens the store.
    pub fn replace_recovery_key(&mut self) -> Result<RecoveryKey> {
        let fresh = RecoveryKey::generate();
        let slot = RecoveryKeyStore(fresh.clone()).seal(&self.header.store_id, &self.key)?;
        let mut header = self.header.clone();
        header.slots.retain(|s| s.kind() != SlotKind::RecoveryKey);
        header.slots.push(slot);
        header.recovery_key_confirmed = false;
        self.replace_header(header)?;
        Ok(fresh)
    }

    /// Records that the manager stored the recovery key somewhere safe.
    pub fn confirm_recovery_key(&mut self) -> Result<()> {
        if self.header.recovery_key_confirmed {
            return Ok(());
        }
        let mut header = self.header.clone();
        header.recovery_key_confirmed = true;
        self.replace_header(header)
    }

    /// Unlocks with `new` from now on (the keyring or a passphrase) instead of
    /// the current everyday slot. `keyring` is the keyring whose entry is
    /// removed when the store leaves it.
    pub fn use_key(&mut self, new: &dyn KeyStore, keyring: &dyn KeyStore) -> Result<()> {
        if new.kind() == SlotKind::RecoveryKey {
            return Err(Error::invalid(
                "Choose a passphrase or the system keyring for everyday unlocking.",
            ));
        }
        let store_id = self.header.store_id.clone();
        let left_keyring =
            self.header.backend() == keys::KeyBackend::Keyring && new.kind() != SlotKind::Keyring;
        let slot = new.seal(&store_id, &self.key)?;
        let mut header = self.header.clone();
        header.slots.retain(|s| s.kind() == SlotKind::RecoveryKey);
        header.slots.insert(0, slot);
        self.replace_header(header)?;
        if left_keyring {
            // Only once the header no longer needs it.
            keyring.discard(&store_id);
        }
        self.opened_with = new.kind();
        Ok(())
    }

    /// A version-1 store gets slots for the key it already has (the database
    /// is not touched) and a new recovery key.
    pub(super) fn move_to_slots(&mut self, keys: &dyn KeyStore) -> Result<()> {
        let store_id = self.header.store_id.clone();
        let slots = vec![
            keys.seal(&store_id, &self.key)?,
            RecoveryKeyStore(RecoveryKey::generate()).seal(&store_id, &self.key)?,
        ];
        self.replace_header(StoreHeader::with_slots(store_id, &self.key, slots))?;
        self.moved_to_slots = true;
        Ok(())
    }

    /// "Re-encrypt everything", for when the data key may have leaked: a new
    /// random data key, every page rewritten with it (`PRAGMA rekey`), and
    /// the slots rewrapped. `everyday` must open the current everyday slot
    /// (the keyring, or the passphrase typed again); the recovery key stays.
    ///
    /// The new slots are written to the header before the pages change, so a
    /// crash at any point leaves a store that opens (see `settle_reencryption`).
    pub fn reencrypt(&mut self, everyday: &dyn KeyStore) -> Result<()> {
        self.reencrypt_until(everyday, ReencryptStep::Done)
    }

    /// Stops after `step`, as a crash would; for the tests of what opening
    /// makes of an interrupted re-encryption.
    #[doc(hidden)]
    pub fn reencrypt_until(&mut self, everyday: &dyn KeyStore, step: ReencryptStep) -> Result<()> {
        let store_id = self.header.store_id.clone();
        let current = self
            .header
            .slot(everyday.kind())
            .filter(|slot| slot.kind().backend().is_some())
            .ok_or_else(|| Error::invalid("Confirm with the way this store unlocks every day."))?;
        // A typo in the passphrase must not become the new passphrase.
        everyday.open(&store_id, current)?;
        let recovery = self.recovery_key()?;
        let new_key = keys::DbKey::random();
        let slots = vec![
            everyday.seal(&store_id, &new_key)?,
            RecoveryKeyStore(recovery).seal(&store_id, &new_key)?,
        ];
        let mut pending = self.header.clone();
        pending.next_key = Some(NextKey {
            key_check: new_key.check_value(&store_id),
            slots,
        });
        self.replace_header(pending)?;
        if step == ReencryptStep::HeaderWritten {
            return Ok(());
        }
        let value = new_key.pragma_value();
        self.conn.pragma_update(None, "rekey", value.as_str())?;
        self.key = new_key;
        if step == ReencryptStep::PagesRewritten {
            return Ok(());
        }
        self.settle_reencryption(true)
    }

    /// Finishes (or forgets) a re-encryption the header says was under way:
    /// the pages opened with the new key (`with_next`), so its slots become
    /// the store's; or they still have the old key, so the new one is dropped.
    pub(super) fn settle_reencryption(&mut self, with_next: bool) -> Result<()> {
        let mut header = self.header.clone();
        let Some(next) = header.next_key.take() else {
            return Ok(());
        };
        if with_next {
            header.key_check = next.key_check;
            header.slots = next.slots;
        }
        self.replace_header(header)
    }

    fn replace_header(&mut self, header: StoreHeader) -> Result<()> {
        header.write_new(&self.paths.header)?;
        self.header = header;
        Ok(())
    }
}

fn no_recovery_slot() -> Error {
    Error::new(
        ErrorCode::NotARapportDatabase,
        "The store header has no readable recovery key slot; it may be damaged.",
    )
}

/// Where `reencrypt_until` stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReencryptStep {
    HeaderWritten,
    PagesRewritten,
    Done,
}
