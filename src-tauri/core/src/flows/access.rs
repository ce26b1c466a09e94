//! Getting from "nothing yet" or "locked" to an open store, for the window and
//! the command line alike: which key backend a store uses, creating a store
//! (and removing one that was only half made), unlocking, and the status the
//! window shows meanwhile.

use crate::clock::Clock;
use crate::error::{Error, ErrorCode, Result};
use crate::store::keys::{
    KeyBackend, KeyStore, PassphraseKeyStore, RecoveryKey, RecoveryKeyStore, SlotKind,
    SystemKeyring,
};
use crate::store::{inspect, DirState, Store, StorePaths};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::{Arc, Mutex};
use ts_rs::TS;
use zeroize::Zeroizing;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StoreState {
    /// No store yet: first run.
    NeedsSetup,
    /// A store that could not be opened yet (passphrase needed, or a problem).
    Locked,
    Unlocked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppStatus {
    pub state: StoreState,
    pub data_dir: String,
    pub keyring_available: bool,
    pub key_backend: Option<KeyBackend>,
    /// A locked store that a recovery key can open (stores made before key
    /// slots get one on their next unlock).
    pub has_recovery_key: bool,
    /// Open, but the manager has not yet said they stored the recovery key.
    pub recovery_key_pending: bool,
    /// Opened with the recovery key: the manager chooses a new passphrase or
    /// keyring entry before going on.
    pub needs_new_key: bool,
    /// Locked by "Lock now" or idle time: unlocking asks again, even a
    /// keyring store (one button that reads the keyring).
    pub session_locked: bool,
    /// Why a present store is not open, when it is not a plain passphrase prompt.
    #[ts(type = "ErrorBody | null")]
    pub problem: Option<Error>,
}

#[derive(Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SetupRequest {
    pub backend: KeyBackend,
    pub passphrase: Option<String>,
    pub with_demo: bool,
}

/// Printed without the passphrase, so no log or panic message can hold it.
impl std::fmt::Debug for SetupRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SetupRequest")
            .field("backend", &self.backend)
            .field("passphrase", &self.passphrase.as_ref().map(|_| "…"))
            .field("with_demo", &self.with_demo)
            .finish()
    }
}

/// The status for a store that is not open: first run, or locked and why.
pub fn closed_status(
    paths: &StorePaths,
    keyring_available: bool,
    problem: Option<Error>,
    session_locked: bool,
) -> AppStatus {
    let (state, header, problem) = match inspect(paths) {
        // An interrupted first run is a first run: creating clears what it left.
        Ok(DirState::Empty | DirState::Unfinished(_)) => (StoreState::NeedsSetup, None, None),
        Ok(DirState::Present(header)) => {
            // A passphrase prompt is not a problem; anything else is.
            let problem = problem.filter(|e| e.code != ErrorCode::PassphraseRequired);
            (StoreState::Locked, Some(header), problem)
        }
        Err(err) => (StoreState::Locked, None, Some(err)),
    };
    AppStatus {
        state,
        data_dir: paths.dir.display().to_string(),
        keyring_available,
        key_backend: header.as_ref().map(|h| h.backend()),
        has_recovery_key: header.is_some_and(|h| !h.is_legacy()),
        recovery_key_pending: false,
        needs_new_key: false,
        session_locked: session_locked && state == StoreState::Locked,
        problem,
    }
}

pub fn open_status(paths: &StorePaths, store: &Store, keyring_available: bool) -> AppStatus {
    AppStatus {
        state: StoreState::Unlocked,
        data_dir: paths.dir.display().to_string(),
        keyring_available,
        key_backend: Some(store.header().backend()),
        has_recovery_key: true,
        recovery_key_pending: !store.recovery_key_confirmed(),
        needs_new_key: store.opened_with() == SlotKind::RecoveryKey,
        session_locked: false,
        problem: None,
    }
}

/// Creates the store the first-run screen asked for, with demo data if wanted.
pub fn create(
    paths: &StorePaths,
    request: SetupRequest,
    keyring: &dyn KeyStore,
    clock: Arc<dyn Clock>,
) -> Result<Store> {
    let mut store = match request.backend {
        KeyBackend::Keyring => Store::create(paths, keyring, clock)?,
        KeyBackend::Passphrase => {
            let passphrase = Zeroizing::new(request.passphrase.unwrap_or_default());
            Store::create(paths, &PassphraseKeyStore::new(passphrase), clock)?
        }
    };
    if request.with_demo {
        if let Err(err) = crate::flows::demo::generate(&mut store, Default::default()) {
            // A first run that failed half-way leaves the directory as it found it.
            store.remove_new();
            return Err(err);
        }
    }
    Ok(store)
}

pub fn unlock(paths: &StorePaths, passphrase: String, clock: Arc<dyn Clock>) -> Result<Store> {
    if passphrase.is_empty() {
        return Err(Error::new(
            ErrorCode::PassphraseRequired,
            "Enter your passphrase.",
        ));
    }
    Store::open(
        paths,
        &PassphraseKeyStore::new(Zeroizing::new(passphrase)),
        clock,
    )
}

/// Opens a keyring store again after it was locked: the "Unlock" button
/// reads the keyring once more.
pub fn unlock_with_keyring(
    paths: &StorePaths,
    keyring: &dyn KeyStore,
    clock: Arc<dyn Clock>,
) -> Result<Store> {
    if stored_backend(paths) == Some(KeyBackend::Passphrase) {
        return Err(Error::new(
            ErrorCode::PassphraseRequired,
            "Enter your passphrase.",
        ));
    }
    Store::open(paths, keyring, clock)
}

/// Opens the store with its recovery key, as typed or pasted on the unlock screen.
pub fn unlock_with_recovery_key(
    paths: &StorePaths,
    recovery_key: &str,
    clock: Arc<dyn Clock>,
) -> Result<Store> {
    let key = RecoveryKey::parse(recovery_key)?;
    Store::open(paths, &RecoveryKeyStore(key), clock)
}

/// What the window sends to choose a new everyday key (after unlocking with
/// the recovery key, or from Settings).
#[derive(Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct KeyChangeRequest {
    pub backend: KeyBackend,
    pub passphrase: Option<String>,
}

impl std::fmt::Debug for KeyChangeRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyChangeRequest")
            .field("backend", &self.backend)
            .field("passphrase", &self.passphrase.as_ref().map(|_| "…"))
            .finish()
    }
}

/// Rewraps the data key for the chosen backend; the database is not touched.
pub fn change_key(
    store: &mut Store,
    request: KeyChangeRequest,
    keyring: &dyn KeyStore,
) -> Result<()> {
    match request.backend {
        KeyBackend::Keyring => store.use_key(keyring, keyring),
        KeyBackend::Passphrase => {
            let passphrase = Zeroizing::new(request.passphrase.unwrap_or_default());
            store.use_key(&PassphraseKeyStore::new(passphrase), keyring)
        }
    }
}

/// What a saved recovery key file says: the key, what it is for and which
/// store it opens. Reading it back (`--recovery-key-file`) finds the key line.
pub fn recovery_key_file_text(store: &Store) -> Result<Zeroizing<String>> {
    let key = store.recovery_key()?;
    Ok(Zeroizing::new(format!(
        "Rapport recovery key\n\
         \n\
         {}\n\
         \n\
         It opens the notes store {} (kept in {}) when its keyring entry or \
         passphrase is lost. Keep it away from this computer: printed, or in a \
         password manager. Anyone who has it and a copy of the store can read \
         the notes.\n",
        key.to_text().as_str(),
        store.header().store_id,
        store.paths().dir.display(),
    )))
}

/// Saves the current recovery key (or a new one, retiring the old, with
/// `replace_key`) in a new owner-only file, and records it as stored.
pub fn save_recovery_key(
    store: &mut Store,
    path: &Path,
    replace_key: bool,
    replace_file: bool,
) -> Result<()> {
    if path.exists() && !replace_file {
        return Err(Error::invalid(format!(
            "{} already exists; choose another file.",
            path.display()
        )));
    }
    if replace_key {
        store.replace_recovery_key()?;
    }
    write_recovery_key_file(store, path, replace_file)?;
    store.confirm_recovery_key()
}

/// Writes the current recovery key to an owner-only file; the window's
/// "Save as file…" (the manager still says when it is stored safely).
pub fn write_recovery_key_file(store: &Store, path: &Path, replace_file: bool) -> Result<()> {
    let text = recovery_key_file_text(store)?;
    crate::store::write_private_file(path, text.as_bytes(), replace_file)
}

/// "Re-encrypt everything": a new data key for every page. A passphrase
/// store confirms with its passphrase; a keyring store with its keyring.
pub fn reencrypt(
    store: &mut Store,
    passphrase: Option<String>,
    keyring: &dyn KeyStore,
) -> Result<()> {
    match store.header().backend() {
        KeyBackend::Keyring => store.reencrypt(keyring),
        KeyBackend::Passphrase => {
            let passphrase = Zeroizing::new(passphrase.unwrap_or_default());
            if passphrase.is_empty() {
                return Err(Error::new(
                    ErrorCode::PassphraseRequired,
                    "Enter your passphrase to confirm.",
                ));
            }
            store.reencrypt(&PassphraseKeyStore::new(passphrase))
        }
    }
}

/// The variable scripts set to unlock, or create, a passphrase store.
pub const PASSPHRASE_ENV: &str = "RAPPORT_PASSPHRASE";

/// A passphrase given for automation: the file's contents when a file is
/// named, else `RAPPORT_PASSPHRASE`.
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
    Ok(take_passphrase_env())
}

/// The process's copy of `RAPPORT_PASSPHRASE`.
enum EnvPassphrase {
    Unread,
    Held(Option<Zeroizing<String>>),
    Forgotten,
}

static ENV_PASSPHRASE: Mutex<EnvPassphrase> = Mutex::new(EnvPassphrase::Unread);

/// `RAPPORT_PASSPHRASE`, read once and then removed from the process's
/// environment, so nothing Rapport starts (the mail app, a browser) inherits
/// it. The window and the command line call this first thing.
pub fn take_passphrase_env() -> Option<Zeroizing<String>> {
    let mut held = ENV_PASSPHRASE.lock().unwrap_or_else(|p| p.into_inner());
    if let EnvPassphrase::Unread = *held {
        let value = std::env::var(PASSPHRASE_ENV).ok();
        std::env::remove_var(PASSPHRASE_ENV);
        *held = EnvPassphrase::Held(value.filter(|p| !p.is_empty()).map(Zeroizing::new));
    }
    match &*held {
        EnvPassphrase::Held(value) => value.clone(),
        EnvPassphrase::Unread | EnvPassphrase::Forgotten => None,
    }
}

/// Wipes the process's copy of `RAPPORT_PASSPHRASE` (when the window locks:
/// unlocking then needs the passphrase typed again).
pub fn forget_passphrase_env() {
    *ENV_PASSPHRASE.lock().unwrap_or_else(|p| p.into_inner()) = EnvPassphrase::Forgotten;
}

/// The key store for a passphrase when one is given, else the system keyring.
pub fn key_store(passphrase: Option<Zeroizing<String>>) -> Box<dyn KeyStore> {
    match passphrase {
        Some(p) => Box::new(PassphraseKeyStore::new(p)),
        None => Box::new(SystemKeyring),
    }
}

/// The key store for a recovery key saved in a file (`--recovery-key-file`).
pub fn recovery_key_store(path: &Path) -> Result<Box<dyn KeyStore>> {
    Ok(Box::new(RecoveryKeyStore(RecoveryKey::read_file(path)?)))
}

/// The key store for a secret typed in the window to open a backup: the
/// recovery key when one is given, else the passphrase; neither (or empty
/// ones) means the system keyring.
pub fn typed_key_store(
    passphrase: Option<String>,
    recovery_key: Option<&str>,
) -> Result<Box<dyn KeyStore>> {
    match recovery_key.filter(|k| !k.trim().is_empty()) {
        Some(text) => Ok(Box::new(RecoveryKeyStore(RecoveryKey::parse(text)?))),
        None => Ok(key_store(
            passphrase.filter(|p| !p.is_empty()).map(Zeroizing::new),
        )),
    }
}

/// The key backend of the store in `paths`, when there is a readable one.
pub fn stored_backend(paths: &StorePaths) -> Option<KeyBackend> {
    match inspect(paths) {
        Ok(DirState::Present(header)) => Some(header.backend()),
        _ => None,
    }
}

/// Opens the store without asking anyone: a keyring store through the
/// keyring, a passphrase store with the supplied passphrase. None when a
/// passphrase store has no passphrase yet, so the caller asks for one.
pub fn open_unattended(
    paths: &StorePaths,
    passphrase: Option<Zeroizing<String>>,
    clock: Arc<dyn Clock>,
) -> Option<Result<Store>> {
    match (stored_backend(paths), passphrase) {
        (Some(KeyBackend::Passphrase), None) => None,
        (_, passphrase) => Some(Store::open(paths, key_store(passphrase).as_ref(), clock)),
    }
}

/// Opens the store, or creates one in an empty directory: with the passphrase
/// when one is given, else with a key in the system keyring. The flag says
/// whether the store was created now.
pub fn open_or_create(
    paths: &StorePaths,
    passphrase: Option<Zeroizing<String>>,
    clock: Arc<dyn Clock>,
) -> Result<(Store, bool)> {
    if let DirState::Present(_) = inspect(paths)? {
        let keys = key_store(passphrase);
        return Ok((Store::open(paths, keys.as_ref(), clock)?, false));
    }
    if passphrase.is_none() && !SystemKeyring::is_available() {
        return Err(Error::new(
            ErrorCode::KeyringUnavailable,
            "No system keyring is reachable to hold the key of a new store. Set RAPPORT_PASSPHRASE \
             or use --passphrase-file to protect it with a passphrase instead.",
        ));
    }
    let keys = key_store(passphrase);
    Ok((Store::create(paths, keys.as_ref(), clock)?, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_secret_picks_the_key_store() {
        let kind = |p: Option<&str>, r: Option<&str>| {
            typed_key_store(p.map(str::to_string), r).map(|k| k.kind())
        };
        let key = RecoveryKey::generate().to_text();
        assert_eq!(kind(None, None).unwrap(), SlotKind::Keyring);
        assert_eq!(kind(Some(""), Some("  ")).unwrap(), SlotKind::Keyring);
        assert_eq!(
            kind(Some("correct horse"), None).unwrap(),
            SlotKind::Passphrase
        );
        assert_eq!(
            kind(Some("ignored"), Some(key.as_str())).unwrap(),
            SlotKind::RecoveryKey
        );
        assert_eq!(
            kind(None, Some("not a key")).unwrap_err().code,
            ErrorCode::InvalidInput
        );
    }

    #[test]
    fn a_setup_request_prints_without_its_passphrase() {
        let request = SetupRequest {
            backend: KeyBackend::Passphrase,
            passphrase: Some("correct horse battery".into()),
            with_demo: false,
        };
        let printed = format!("{request:?}");
        assert!(!printed.contains("correct horse"), "{printed}");
        assert!(printed.contains("Passphrase"), "{printed}");
    }
}
