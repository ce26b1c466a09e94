//! Key slots: the data key of a store, wrapped once per way of unlocking it.
//!
//! Each slot holds the data key encrypted (XChaCha20-Poly1305) under a key
//! encryption key (KEK) that only its secret can produce: the keyring's
//! secret, the passphrase (Argon2id) or the recovery key. The store id and the
//! slot's kind are bound in as associated data, so a slot copied from another
//! store, or relabelled as another kind, does not open.

use super::{DbKey, KeyBackend, KEY_BYTES};
use crate::error::{Error, ErrorCode, Result};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use zeroize::Zeroizing;

const NONCE_BYTES: usize = 24;
const TAG_BYTES: usize = 16;
pub(crate) const SALT_BYTES: usize = 16;
pub(crate) const KDF_NAME: &str = "argon2id";

/// The three ways to unlock a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotKind {
    Keyring,
    Passphrase,
    RecoveryKey,
}

impl SlotKind {
    fn label(self) -> &'static str {
        match self {
            SlotKind::Keyring => "keyring",
            SlotKind::Passphrase => "passphrase",
            SlotKind::RecoveryKey => "recovery_key",
        }
    }

    /// The everyday backend this kind stands for; the recovery key is not one.
    pub fn backend(self) -> Option<KeyBackend> {
        match self {
            SlotKind::Keyring => Some(KeyBackend::Keyring),
            SlotKind::Passphrase => Some(KeyBackend::Passphrase),
            SlotKind::RecoveryKey => None,
        }
    }
}

impl From<KeyBackend> for SlotKind {
    fn from(backend: KeyBackend) -> Self {
        match backend {
            KeyBackend::Keyring => SlotKind::Keyring,
            KeyBackend::Passphrase => SlotKind::Passphrase,
        }
    }
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

/// The most a header may ask for. A header is a plain file anyone with access
/// to the folder can edit; without a ceiling, one edit could make opening the
/// store allocate gigabytes or run for hours.
pub const MAX_KDF_MEMORY_KIB: u32 = 1024 * 1024;
pub const MAX_KDF_ITERATIONS: u32 = 16;
pub const MAX_KDF_PARALLELISM: u32 = 8;

impl KdfParams {
    /// Refuses parameters outside sane limits before anything is allocated.
    pub fn check(&self) -> Result<()> {
        let in_bounds = (1..=MAX_KDF_PARALLELISM).contains(&self.parallelism)
            && (1..=MAX_KDF_ITERATIONS).contains(&self.iterations)
            // Argon2 itself needs at least 8 KiB per lane.
            && self.memory_kib >= 8 * self.parallelism
            && self.memory_kib <= MAX_KDF_MEMORY_KIB;
        if in_bounds {
            return Ok(());
        }
        Err(Error::new(
            ErrorCode::NotARapportDatabase,
            format!(
                "The store header asks for key derivation costs Rapport does not accept \
                 ({} KiB of memory, {} passes, {} lanes; at most {MAX_KDF_MEMORY_KIB} KiB, \
                 {MAX_KDF_ITERATIONS} passes, {MAX_KDF_PARALLELISM} lanes). The header may have \
                 been edited; nothing was changed.",
                self.memory_kib, self.iterations, self.parallelism
            ),
        ))
    }
}

/// What a slot records, beside the wrapped key, to rebuild its KEK.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SlotLock {
    /// The secret is in the OS keyring, in the entry named after the store.
    Keyring,
    Passphrase {
        kdf: String,
        #[serde(flatten)]
        params: KdfParams,
        salt: String,
    },
    RecoveryKey {
        salt: String,
        /// The recovery key itself, sealed under the data key, so an unlocked
        /// store can show it again (`rapport recovery-key --out`).
        sealed_key: String,
    },
}

/// One way to unlock a store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeySlot {
    #[serde(flatten)]
    pub lock: SlotLock,
    pub nonce: String,
    pub wrapped_key: String,
}

impl KeySlot {
    pub fn kind(&self) -> SlotKind {
        match self.lock {
            SlotLock::Keyring => SlotKind::Keyring,
            SlotLock::Passphrase { .. } => SlotKind::Passphrase,
            SlotLock::RecoveryKey { .. } => SlotKind::RecoveryKey,
        }
    }

    /// Shape checks that need no secret: readable hex of the right lengths
    /// and KDF costs within bounds.
    pub fn check(&self) -> Result<()> {
        decode_exact(&self.nonce, NONCE_BYTES)?;
        decode_exact(&self.wrapped_key, KEY_BYTES + TAG_BYTES)?;
        match &self.lock {
            SlotLock::Keyring => Ok(()),
            SlotLock::Passphrase { kdf, params, salt } => {
                if kdf != KDF_NAME {
                    return Err(damaged(&format!("an unknown key derivation \"{kdf}\"")));
                }
                decode_exact(salt, SALT_BYTES)?;
                params.check()
            }
            SlotLock::RecoveryKey { salt, sealed_key } => {
                decode_exact(salt, SALT_BYTES)?;
                let sealed = hex::decode(sealed_key).map_err(|_| damaged("an unreadable slot"))?;
                if sealed.len() <= NONCE_BYTES + TAG_BYTES {
                    return Err(damaged("an unreadable slot"));
                }
                Ok(())
            }
        }
    }

    /// Wraps `data_key` under `kek` into a slot with the given lock.
    pub(crate) fn seal(
        lock: SlotLock,
        kek: &Kek,
        store_id: &str,
        data_key: &DbKey,
    ) -> Result<Self> {
        let kind = kind_of(&lock);
        let (nonce, wrapped) = encrypt(kek, &aad(store_id, kind), data_key.as_bytes())?;
        Ok(KeySlot {
            lock,
            nonce: hex::encode(nonce),
            wrapped_key: hex::encode(wrapped),
        })
    }

    /// The data key, when `kek` is the one this slot was sealed with.
    pub(crate) fn unwrap_key(&self, kek: &Kek, store_id: &str) -> Option<DbKey> {
        let nonce = decode_exact(&self.nonce, NONCE_BYTES).ok()?;
        let wrapped = hex::decode(&self.wrapped_key).ok()?;
        let plain = decrypt(kek, &aad(store_id, self.kind()), &nonce, &wrapped)?;
        DbKey::from_slice(&plain)
    }
}

fn kind_of(lock: &SlotLock) -> SlotKind {
    match lock {
        SlotLock::Keyring => SlotKind::Keyring,
        SlotLock::Passphrase { .. } => SlotKind::Passphrase,
        SlotLock::RecoveryKey { .. } => SlotKind::RecoveryKey,
    }
}

/// A key encryption key: wiped when dropped.
pub(crate) struct Kek(Zeroizing<[u8; KEY_BYTES]>);

impl Kek {
    pub(crate) fn from_bytes(bytes: Zeroizing<[u8; KEY_BYTES]>) -> Self {
        Kek(bytes)
    }

    /// For high-entropy secrets (the keyring's, the recovery key): HKDF, with
    /// the kind as context so one secret never yields the same KEK twice.
    pub(crate) fn from_secret(secret: &[u8], salt: &[u8], kind: SlotKind) -> Result<Self> {
        let mut out = Zeroizing::new([0u8; KEY_BYTES]);
        Hkdf::<Sha256>::new(Some(salt), secret)
            .expand(
                format!("rapport key slot v2 {}", kind.label()).as_bytes(),
                out.as_mut(),
            )
            .map_err(|_| Error::new(ErrorCode::Storage, "Cannot derive a slot key."))?;
        Ok(Kek(out))
    }
}

fn aad(store_id: &str, kind: SlotKind) -> Vec<u8> {
    let mut aad = b"rapport-slot\0".to_vec();
    aad.extend_from_slice(store_id.as_bytes());
    aad.push(0);
    aad.extend_from_slice(kind.label().as_bytes());
    aad
}

fn cipher(kek: &Kek) -> XChaCha20Poly1305 {
    XChaCha20Poly1305::new(chacha20poly1305::Key::from_slice(kek.0.as_ref()))
}

pub(crate) fn encrypt(kek: &Kek, aad: &[u8], plain: &[u8]) -> Result<([u8; NONCE_BYTES], Vec<u8>)> {
    let mut nonce = [0u8; NONCE_BYTES];
    rand::rng().fill_bytes(&mut nonce);
    let sealed = cipher(kek)
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain, aad })
        .map_err(|_| Error::new(ErrorCode::Storage, "Cannot seal a key slot."))?;
    Ok((nonce, sealed))
}

pub(crate) fn decrypt(
    kek: &Kek,
    aad: &[u8],
    nonce: &[u8],
    sealed: &[u8],
) -> Option<Zeroizing<Vec<u8>>> {
    if nonce.len() != NONCE_BYTES {
        return None;
    }
    cipher(kek)
        .decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad })
        .ok()
        .map(Zeroizing::new)
}

/// Seals bytes under the data key itself (the recovery key's copy).
pub(crate) fn seal_under_data_key(
    data_key: &DbKey,
    store_id: &str,
    plain: &[u8],
) -> Result<String> {
    let kek = Kek::from_secret(
        data_key.as_bytes(),
        store_id.as_bytes(),
        SlotKind::RecoveryKey,
    )?;
    let (nonce, sealed) = encrypt(&kek, b"rapport-recovery-copy", plain)?;
    let mut out = nonce.to_vec();
    out.extend_from_slice(&sealed);
    Ok(hex::encode(out))
}

pub(crate) fn open_under_data_key(
    data_key: &DbKey,
    store_id: &str,
    sealed_hex: &str,
) -> Option<Zeroizing<Vec<u8>>> {
    let bytes = hex::decode(sealed_hex).ok()?;
    let (nonce, sealed) = bytes.split_at_checked(NONCE_BYTES)?;
    let kek = Kek::from_secret(
        data_key.as_bytes(),
        store_id.as_bytes(),
        SlotKind::RecoveryKey,
    )
    .ok()?;
    decrypt(&kek, b"rapport-recovery-copy", nonce, sealed)
}

pub(crate) fn random_salt() -> [u8; SALT_BYTES] {
    let mut salt = [0u8; SALT_BYTES];
    rand::rng().fill_bytes(&mut salt);
    salt
}

pub(crate) fn decode_exact(text: &str, len: usize) -> Result<Vec<u8>> {
    match hex::decode(text) {
        Ok(bytes) if bytes.len() == len => Ok(bytes),
        _ => Err(damaged("an unreadable slot")),
    }
}

fn damaged(what: &str) -> Error {
    Error::new(
        ErrorCode::NotARapportDatabase,
        format!("The store header has {what}; it may be damaged. Nothing was changed."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kek(byte: u8) -> Kek {
        Kek::from_bytes(Zeroizing::new([byte; KEY_BYTES]))
    }

    #[test]
    fn a_slot_opens_with_its_kek_and_store_only() {
        let data = DbKey::from_bytes([7; KEY_BYTES]);
        let slot = KeySlot::seal(SlotLock::Keyring, &kek(1), "store-a", &data).unwrap();
        assert_eq!(slot.unwrap_key(&kek(1), "store-a"), Some(data));
        assert_eq!(slot.unwrap_key(&kek(2), "store-a"), None);
        assert_eq!(slot.unwrap_key(&kek(1), "store-b"), None);
        slot.check().unwrap();
    }

    #[test]
    fn a_slot_relabelled_as_another_kind_does_not_open() {
        let data = DbKey::from_bytes([7; KEY_BYTES]);
        let mut slot = KeySlot::seal(SlotLock::Keyring, &kek(1), "s", &data).unwrap();
        slot.lock = SlotLock::RecoveryKey {
            salt: "00".repeat(SALT_BYTES),
            sealed_key: "00".repeat(64),
        };
        assert_eq!(slot.unwrap_key(&kek(1), "s"), None);
    }

    #[test]
    fn kdf_costs_are_bounded() {
        KdfParams::default().check().unwrap();
        for bad in [
            KdfParams {
                memory_kib: MAX_KDF_MEMORY_KIB + 1,
                ..Default::default()
            },
            KdfParams {
                iterations: 0,
                ..Default::default()
            },
            KdfParams {
                iterations: MAX_KDF_ITERATIONS + 1,
                ..Default::default()
            },
            KdfParams {
                parallelism: 0,
                ..Default::default()
            },
            KdfParams {
                parallelism: 64,
                ..Default::default()
            },
            KdfParams {
                memory_kib: 4,
                iterations: 1,
                parallelism: 1,
            },
        ] {
            let err = bad.check().unwrap_err();
            assert_eq!(err.code, ErrorCode::NotARapportDatabase, "{bad:?}");
        }
    }

    #[test]
    fn the_recovery_copy_opens_only_with_the_data_key() {
        let data = DbKey::from_bytes([3; KEY_BYTES]);
        let sealed = seal_under_data_key(&data, "s", b"secret").unwrap();
        assert_eq!(
            open_under_data_key(&data, "s", &sealed).unwrap().as_slice(),
            b"secret"
        );
        let other = DbKey::from_bytes([4; KEY_BYTES]);
        assert!(open_under_data_key(&other, "s", &sealed).is_none());
    }
}
