//! What the app window needs to get from "nothing yet" or "locked" to an open
//! store: the status it shows, and creating or unlocking a store on request.

use crate::clock::Clock;
use crate::error::{Error, ErrorCode, Result};
use crate::keys::{KeyBackend, KeyStore, PassphraseKeyStore};
use crate::store::{inspect, DirState, Store, StorePaths};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
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
    /// Why a present store is not open, when it is not a plain passphrase prompt.
    #[ts(type = "ErrorBody | null")]
    pub problem: Option<Error>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SetupRequest {
    pub backend: KeyBackend,
    pub passphrase: Option<String>,
    pub with_demo: bool,
}

/// The status for a store that is not open: first run, or locked and why.
pub fn closed_status(
    paths: &StorePaths,
    keyring_available: bool,
    problem: Option<Error>,
) -> AppStatus {
    let (state, key_backend, problem) = match inspect(paths) {
        Ok(DirState::Empty) => (StoreState::NeedsSetup, None, None),
        Ok(DirState::Present(header)) => {
            let backend = header.key.backend();
            // A passphrase prompt is not a problem; anything else is.
            let problem = problem.filter(|e| e.code != ErrorCode::PassphraseRequired);
            (StoreState::Locked, Some(backend), problem)
        }
        Err(err) => (StoreState::Locked, None, Some(err)),
    };
    AppStatus {
        state,
        data_dir: paths.dir.display().to_string(),
        keyring_available,
        key_backend,
        problem,
    }
}

pub fn open_status(paths: &StorePaths, store: &Store, keyring_available: bool) -> AppStatus {
    AppStatus {
        state: StoreState::Unlocked,
        data_dir: paths.dir.display().to_string(),
        keyring_available,
        key_backend: Some(store.header().key.backend()),
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
        crate::demo::generate(&mut store, Default::default())?;
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
