//! Passphrase-derived keys: Argon2id over the passphrase with a random salt kept
//! in the (non-secret) store header.

use super::slot::{self, Kek, KeySlot, SlotKind, SlotLock, KDF_NAME};
use super::{DbKey, KdfParams, KeyParams, KeyStore, KEY_BYTES};
use crate::error::{Error, ErrorCode, Result};
use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

pub const MIN_PASSPHRASE_CHARS: usize = 8;

pub struct PassphraseKeyStore {
    passphrase: Zeroizing<String>,
    params: KdfParams,
}

impl PassphraseKeyStore {
    pub fn new(passphrase: Zeroizing<String>) -> Self {
        PassphraseKeyStore {
            passphrase,
            params: KdfParams::default(),
        }
    }

    /// Cheaper parameters for new slots; tests use them to stay quick. Opening
    /// always uses the parameters recorded in the slot.
    pub fn with_params(mut self, params: KdfParams) -> Self {
        self.params = params;
        self
    }

    fn derive(&self, params: &KdfParams, salt: &[u8]) -> Result<Zeroizing<[u8; KEY_BYTES]>> {
        // Bounds first: Argon2 allocates the memory a header asks for.
        params.check()?;
        let argon_params = Params::new(
            params.memory_kib,
            params.iterations,
            params.parallelism,
            Some(KEY_BYTES),
        )
        .map_err(|e| {
            Error::new(
                ErrorCode::NotARapportDatabase,
                format!("The store header has unusable key parameters ({e})."),
            )
        })?;
        let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params);
        let mut out = Zeroizing::new([0u8; KEY_BYTES]);
        argon
            .hash_password_into(self.passphrase.as_bytes(), salt, out.as_mut())
            .map_err(|e| Error::new(ErrorCode::Storage, format!("Key derivation failed: {e}")))?;
        Ok(out)
    }
}

fn wrong_passphrase() -> Error {
    Error::new(
        ErrorCode::WrongPassphrase,
        "That passphrase does not unlock this notes store.",
    )
}

impl KeyStore for PassphraseKeyStore {
    fn kind(&self) -> SlotKind {
        SlotKind::Passphrase
    }

    fn seal(&self, store_id: &str, data_key: &DbKey) -> Result<KeySlot> {
        if self.passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(Error::new(
                ErrorCode::PassphraseTooShort,
                format!("Choose a passphrase of at least {MIN_PASSPHRASE_CHARS} characters."),
            ));
        }
        let salt = slot::random_salt();
        let kek = Kek::from_bytes(self.derive(&self.params, &salt)?);
        let lock = SlotLock::Passphrase {
            kdf: KDF_NAME.to_string(),
            params: self.params,
            salt: hex::encode(salt),
        };
        KeySlot::seal(lock, &kek, store_id, data_key)
    }

    fn open(&self, store_id: &str, slot: &KeySlot) -> Result<DbKey> {
        let SlotLock::Passphrase { kdf, params, salt } = &slot.lock else {
            return Err(Error::invalid("That slot is not a passphrase slot."));
        };
        if kdf != KDF_NAME {
            return Err(unknown_kdf(kdf));
        }
        let salt = slot::decode_exact(salt, slot::SALT_BYTES)?;
        let kek = Kek::from_bytes(self.derive(params, &salt)?);
        slot.unwrap_key(&kek, store_id).ok_or_else(wrong_passphrase)
    }

    fn legacy_key(&self, _store_id: &str, params: &KeyParams) -> Result<DbKey> {
        match params {
            KeyParams::Passphrase { kdf, params, salt } if kdf == KDF_NAME => {
                let salt = hex::decode(salt).map_err(|_| {
                    Error::new(
                        ErrorCode::NotARapportDatabase,
                        "The store header's salt is not readable.",
                    )
                })?;
                Ok(DbKey::from_bytes(*self.derive(params, &salt)?))
            }
            KeyParams::Passphrase { kdf, .. } => Err(unknown_kdf(kdf)),
            KeyParams::Keyring => Err(Error::invalid(
                "This store keeps its key in the system keyring, not behind a passphrase.",
            )),
        }
    }
}

fn unknown_kdf(kdf: &str) -> Error {
    Error::new(
        ErrorCode::NotARapportDatabase,
        format!("The store header names an unknown key derivation \"{kdf}\"."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quick() -> KdfParams {
        KdfParams {
            memory_kib: 1024,
            iterations: 1,
            parallelism: 1,
        }
    }

    fn store(p: &str) -> PassphraseKeyStore {
        PassphraseKeyStore::new(Zeroizing::new(p.into())).with_params(quick())
    }

    #[test]
    fn the_passphrase_opens_its_slot() {
        let data = DbKey::random();
        let slot = store("correct horse").seal("s", &data).unwrap();
        assert_eq!(store("correct horse").open("s", &slot).unwrap(), data);
    }

    #[test]
    fn another_passphrase_is_told_apart() {
        let data = DbKey::random();
        let slot = store("correct horse").seal("s", &data).unwrap();
        let err = store("correct horsf").open("s", &slot).unwrap_err();
        assert_eq!(err.code, ErrorCode::WrongPassphrase);
    }

    #[test]
    fn each_slot_has_its_own_salt() {
        let data = DbKey::random();
        let a = store("correct horse").seal("s", &data).unwrap();
        let b = store("correct horse").seal("s", &data).unwrap();
        assert_ne!(a.lock, b.lock);
    }

    #[test]
    fn short_passphrase_is_refused() {
        let err = store("short").seal("s", &DbKey::random()).unwrap_err();
        assert_eq!(err.code, ErrorCode::PassphraseTooShort);
    }

    #[test]
    fn a_huge_cost_in_the_header_is_refused_before_deriving() {
        let data = DbKey::random();
        let mut slot = store("correct horse").seal("s", &data).unwrap();
        if let SlotLock::Passphrase { params, .. } = &mut slot.lock {
            params.memory_kib = u32::MAX;
        }
        let err = store("correct horse").open("s", &slot).unwrap_err();
        assert_eq!(err.code, ErrorCode::NotARapportDatabase);
        assert!(err.message.contains("costs"), "{}", err.message);
    }

    #[test]
    fn default_cost_meets_the_floor() {
        let p = KdfParams::default();
        assert!(p.memory_kib >= 64 * 1024 && p.iterations >= 3);
    }
}
