//! Passphrase-derived keys: Argon2id over the passphrase with a random salt kept
//! in the (non-secret) store header.

use super::{DbKey, KdfParams, KeyBackend, KeyParams, KeyStore, KEY_BYTES};
use crate::error::{Error, ErrorCode, Result};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;
use zeroize::Zeroizing;

pub const MIN_PASSPHRASE_CHARS: usize = 8;
const SALT_BYTES: usize = 16;
const KDF_NAME: &str = "argon2id";

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

    /// Cheaper parameters for new stores; tests use them to stay quick. Opening
    /// always uses the parameters recorded in the store's header.
    pub fn with_params(mut self, params: KdfParams) -> Self {
        self.params = params;
        self
    }

    fn derive(&self, params: &KdfParams, salt: &[u8]) -> Result<DbKey> {
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
        Ok(DbKey::from_bytes(*out))
    }
}

impl KeyStore for PassphraseKeyStore {
    fn backend(&self) -> KeyBackend {
        KeyBackend::Passphrase
    }

    fn create_key(&self, _store_id: &str) -> Result<(DbKey, KeyParams)> {
        if self.passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(Error::new(
                ErrorCode::PassphraseTooShort,
                format!("Choose a passphrase of at least {MIN_PASSPHRASE_CHARS} characters."),
            ));
        }
        let mut salt = [0u8; SALT_BYTES];
        rand::rng().fill_bytes(&mut salt);
        let key = self.derive(&self.params, &salt)?;
        Ok((
            key,
            KeyParams::Passphrase {
                kdf: KDF_NAME.to_string(),
                params: self.params,
                salt: hex::encode(salt),
            },
        ))
    }

    fn recover_key(&self, _store_id: &str, params: &KeyParams) -> Result<DbKey> {
        match params {
            KeyParams::Passphrase { kdf, params, salt } if kdf == KDF_NAME => {
                let salt = hex::decode(salt).map_err(|_| {
                    Error::new(
                        ErrorCode::NotARapportDatabase,
                        "The store header's salt is not readable.",
                    )
                })?;
                self.derive(params, &salt)
            }
            KeyParams::Passphrase { kdf, .. } => Err(Error::new(
                ErrorCode::NotARapportDatabase,
                format!("The store header names an unknown key derivation \"{kdf}\"."),
            )),
            KeyParams::Keyring => Err(Error::new(
                ErrorCode::InvalidInput,
                "This store keeps its key in the system keyring, not behind a passphrase.",
            )),
        }
    }

    fn discard_key(&self, _store_id: &str) {}
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

    #[test]
    fn same_passphrase_and_salt_give_same_key() {
        let store =
            PassphraseKeyStore::new(Zeroizing::new("correct horse".into())).with_params(quick());
        let (key, params) = store.create_key("s").unwrap();
        assert_eq!(store.recover_key("s", &params).unwrap(), key);
    }

    #[test]
    fn other_passphrase_gives_other_key() {
        let store =
            PassphraseKeyStore::new(Zeroizing::new("correct horse".into())).with_params(quick());
        let (key, params) = store.create_key("s").unwrap();
        let other = PassphraseKeyStore::new(Zeroizing::new("correct horsf".into()));
        assert_ne!(other.recover_key("s", &params).unwrap(), key);
    }

    #[test]
    fn short_passphrase_is_refused() {
        let store = PassphraseKeyStore::new(Zeroizing::new("short".into()));
        let err = store.create_key("s").unwrap_err();
        assert_eq!(err.code, ErrorCode::PassphraseTooShort);
    }

    #[test]
    fn default_cost_meets_the_floor() {
        let p = KdfParams::default();
        assert!(p.memory_kib >= 64 * 1024 && p.iterations >= 3);
    }
}
