//! The recovery key: 128 random bits the manager keeps outside the computer
//! (printed, in a password manager), which open the store when the keyring
//! entry is gone or the passphrase is forgotten.
//!
//! Written as 28 Crockford base32 characters in groups of four. Crockford's
//! alphabet leaves out I, L, O and U, and reading treats I/L as 1 and O as 0,
//! so a key copied by hand survives the usual slips; one check byte catches
//! the rest before a slot is even tried.

use super::slot::{self, Kek, KeySlot, SlotKind, SlotLock};
use super::{DbKey, KeyParams, KeyStore};
use crate::error::{Error, ErrorCode, Result};
use rand::RngCore;
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

const SECRET_BYTES: usize = 16;
const GROUP: usize = 4;
/// 17 bytes (key and check byte) need 28 base32 characters.
const CHARS: usize = 28;

#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct RecoveryKey([u8; SECRET_BYTES]);

impl RecoveryKey {
    pub fn generate() -> Self {
        let mut bytes = [0u8; SECRET_BYTES];
        rand::rng().fill_bytes(&mut bytes);
        RecoveryKey(bytes)
    }

    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Self> {
        Some(RecoveryKey(bytes.try_into().ok()?))
    }

    pub(crate) fn as_bytes(&self) -> &[u8; SECRET_BYTES] {
        &self.0
    }

    fn check_byte(bytes: &[u8; SECRET_BYTES]) -> u8 {
        let digest = Sha256::new()
            .chain_update(b"rapport recovery key check\0")
            .chain_update(bytes)
            .finalize();
        digest.first().copied().unwrap_or_default()
    }

    /// The text to show and save: `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`.
    pub fn to_text(&self) -> Zeroizing<String> {
        let mut raw = Zeroizing::new(self.0.to_vec());
        raw.push(Self::check_byte(&self.0));
        let plain = Zeroizing::new(base32::encode(base32::Alphabet::Crockford, &raw));
        let mut out = Zeroizing::new(String::with_capacity(CHARS + CHARS / GROUP));
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && i % GROUP == 0 {
                out.push('-');
            }
            out.push(c);
        }
        out
    }

    /// Reads a key typed or pasted by a person: any case, with or without
    /// dashes and spaces.
    pub fn parse(text: &str) -> Result<Self> {
        let mut cleaned = Zeroizing::new(String::with_capacity(CHARS));
        for c in text.chars() {
            match c.to_ascii_uppercase() {
                '-' | ' ' | '\t' | '\n' | '\r' => {}
                'O' => cleaned.push('0'),
                'I' | 'L' => cleaned.push('1'),
                c => cleaned.push(c),
            }
        }
        if cleaned.len() != CHARS {
            return Err(Error::new(
                ErrorCode::InvalidInput,
                "A recovery key has 28 letters and digits in seven groups of four, like \
                 ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345.",
            ));
        }
        let decoded = base32::decode(base32::Alphabet::Crockford, &cleaned)
            .map(Zeroizing::new)
            .ok_or_else(typo)?;
        let (secret, check) = decoded.split_at_checked(SECRET_BYTES).ok_or_else(typo)?;
        let key = RecoveryKey::from_bytes(secret).ok_or_else(typo)?;
        if check != [Self::check_byte(&key.0)] {
            return Err(typo());
        }
        Ok(key)
    }

    /// Reads a key from a file the manager saved earlier; the file may hold a
    /// line of explanation around the key.
    pub fn read_file(path: &std::path::Path) -> Result<Self> {
        let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
            Error::new(
                ErrorCode::Io,
                format!("Cannot read the recovery key file {}: {e}", path.display()),
            )
        })?);
        let mut last_error = None;
        for line in text.lines() {
            match RecoveryKey::parse(line) {
                Ok(key) => return Ok(key),
                Err(err) => last_error = Some(err),
            }
        }
        Err(last_error.unwrap_or_else(|| {
            Error::invalid(format!("{} holds no recovery key.", path.display()))
        }))
    }
}

fn typo() -> Error {
    Error::new(
        ErrorCode::InvalidInput,
        "That recovery key has a typo: check each group against what you saved.",
    )
}

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(<redacted>)")
    }
}

/// Unlocks with a recovery key.
pub struct RecoveryKeyStore(pub RecoveryKey);

impl KeyStore for RecoveryKeyStore {
    fn kind(&self) -> SlotKind {
        SlotKind::RecoveryKey
    }

    fn seal(&self, store_id: &str, data_key: &DbKey) -> Result<KeySlot> {
        let salt = slot::random_salt();
        let kek = Kek::from_secret(self.0.as_bytes(), &salt, SlotKind::RecoveryKey)?;
        let sealed_key = slot::seal_under_data_key(data_key, store_id, self.0.as_bytes())?;
        let lock = SlotLock::RecoveryKey {
            salt: hex::encode(salt),
            sealed_key,
        };
        KeySlot::seal(lock, &kek, store_id, data_key)
    }

    fn open(&self, store_id: &str, slot: &KeySlot) -> Result<DbKey> {
        let SlotLock::RecoveryKey { salt, .. } = &slot.lock else {
            return Err(Error::invalid("That slot is not a recovery key slot."));
        };
        let salt = slot::decode_exact(salt, slot::SALT_BYTES)?;
        let kek = Kek::from_secret(self.0.as_bytes(), &salt, SlotKind::RecoveryKey)?;
        slot.unwrap_key(&kek, store_id).ok_or_else(|| {
            Error::new(
                ErrorCode::WrongRecoveryKey,
                "That recovery key does not open this notes store. Nothing was changed.",
            )
        })
    }

    fn legacy_key(&self, _store_id: &str, _params: &KeyParams) -> Result<DbKey> {
        Err(Error::new(
            ErrorCode::WrongRecoveryKey,
            "This notes store was made before recovery keys existed; open it with its \
             passphrase or keyring once, and Rapport gives it one.",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_and_is_grouped() {
        let key = RecoveryKey::generate();
        let text = key.to_text();
        assert_eq!(text.len(), CHARS + CHARS / GROUP - 1, "{}", text.as_str());
        assert_eq!(text.split('-').count(), CHARS / GROUP);
        assert_eq!(RecoveryKey::parse(&text).unwrap(), key);
        assert_eq!(RecoveryKey::parse(&text.to_lowercase()).unwrap(), key);
        assert_eq!(RecoveryKey::parse(&text.replace('-', " ")).unwrap(), key);
    }

    #[test]
    fn look_alike_letters_read_as_digits() {
        let key = RecoveryKey::generate();
        let text = key.to_text();
        let slipped = text.replace('0', "O").replace('1', "l");
        assert_eq!(RecoveryKey::parse(&slipped).unwrap(), key);
    }

    #[test]
    fn a_typo_is_caught_by_the_check_byte() {
        let key = RecoveryKey::generate();
        let text = key.to_text().to_string();
        let first = text.chars().next().unwrap();
        let swapped = if first == 'A' { 'B' } else { 'A' };
        let typo = format!("{swapped}{}", &text[1..]);
        let err = RecoveryKey::parse(&typo).unwrap_err();
        assert!(err.message.contains("typo"), "{}", err.message);
        let err = RecoveryKey::parse("ABCD-EFGH").unwrap_err();
        assert!(err.message.contains("seven groups"), "{}", err.message);
    }

    #[test]
    fn a_recovery_slot_opens_with_its_key_only() {
        let data = DbKey::random();
        let key = RecoveryKey::generate();
        let slot = RecoveryKeyStore(key.clone()).seal("s", &data).unwrap();
        slot.check().unwrap();
        assert_eq!(RecoveryKeyStore(key).open("s", &slot).unwrap(), data);
        let err = RecoveryKeyStore(RecoveryKey::generate())
            .open("s", &slot)
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::WrongRecoveryKey);
    }

    #[test]
    fn debug_hides_the_key() {
        let key = RecoveryKey::generate();
        let shown = format!("{key:?}");
        assert!(!shown.contains(&key.to_text()[..4]), "{shown}");
    }
}
