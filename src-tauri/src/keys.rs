//! Which key store a process uses: a passphrase when one is supplied
//! (`RAPPORT_PASSPHRASE`, `--passphrase-file`, or a prompt), else the OS keyring.

use rapport_core::keys::{KeyStore, PassphraseKeyStore, SystemKeyring};
use rapport_core::{Error, ErrorCode, Result};
use std::path::Path;
use zeroize::Zeroizing;

pub const PASSPHRASE_ENV: &str = "RAPPORT_PASSPHRASE";

/// The passphrase given for automation, if any.
pub fn supplied_passphrase(passphrase_file: Option<&Path>) -> Result<Option<Zeroizing<String>>> {
    if let Some(path) = passphrase_file {
        let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
            Error::new(
                ErrorCode::Io,
                format!("Cannot read the passphrase file {}: {e}", path.display()),
            )
        })?);
        // A trailing newline is an artefact of how the file was written, not part of the passphrase.
        let trimmed = text.trim_end_matches(['\n', '\r']);
        return Ok(Some(Zeroizing::new(trimmed.to_string())));
    }
    Ok(std::env::var(PASSPHRASE_ENV)
        .ok()
        .filter(|p| !p.is_empty())
        .map(Zeroizing::new))
}

pub fn key_store(passphrase: Option<Zeroizing<String>>) -> Box<dyn KeyStore> {
    match passphrase {
        Some(p) => Box::new(PassphraseKeyStore::new(p)),
        None => Box::new(SystemKeyring),
    }
}
