//! The app's shared state: where the store lives and, once unlocked, the store.

use rapport_core::flows::access::{self, AppStatus};
use rapport_core::store::keys::SystemKeyring;
use rapport_core::{Clock, Error, ErrorCode, Result, Store, StorePaths};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

pub struct AppState {
    pub paths: StorePaths,
    pub clock: Arc<dyn Clock>,
    /// `--passphrase-file`, for a passphrase store opened at start-up.
    passphrase_file: Option<PathBuf>,
    store: Mutex<Option<Store>>,
    /// Why the last automatic unlock failed, shown on the locked screen.
    problem: Mutex<Option<Error>>,
    keyring_available: OnceLock<bool>,
}

impl AppState {
    pub fn new(paths: StorePaths, passphrase_file: Option<PathBuf>, clock: Arc<dyn Clock>) -> Self {
        AppState {
            paths,
            clock,
            passphrase_file,
            store: Mutex::new(None),
            problem: Mutex::new(None),
            keyring_available: OnceLock::new(),
        }
    }

    pub fn keyring_available(&self) -> bool {
        *self
            .keyring_available
            .get_or_init(SystemKeyring::is_available)
    }

    fn store(&self) -> MutexGuard<'_, Option<Store>> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn set_problem(&self, problem: Option<Error>) {
        *self.problem.lock().unwrap_or_else(|p| p.into_inner()) = problem;
    }

    /// The current status; opens a keyring (or `RAPPORT_PASSPHRASE`) store on the way.
    pub fn status(&self) -> AppStatus {
        let mut slot = self.store();
        if slot.is_none() && access::stored_backend(&self.paths).is_some() {
            let supplied = access::supplied_passphrase(self.passphrase_file.as_deref())
                .ok()
                .flatten();
            match access::open_unattended(&self.paths, supplied, self.clock.clone()) {
                Some(Ok(store)) => {
                    tracing::info!(backend = ?store.header().backend(), "store opened");
                    *slot = Some(store);
                    self.set_problem(None);
                }
                Some(Err(err)) => {
                    tracing::warn!(code = err.code.as_str(), "the store did not open");
                    self.set_problem(Some(err));
                }
                None => {}
            }
        }
        match slot.as_ref() {
            Some(store) => access::open_status(&self.paths, store, self.keyring_available()),
            None => {
                let problem = self
                    .problem
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .clone();
                access::closed_status(&self.paths, self.keyring_available(), problem, false)
            }
        }
    }

    pub fn install(&self, store: Store) -> AppStatus {
        let status = access::open_status(&self.paths, &store, self.keyring_available());
        tracing::info!(backend = ?store.header().backend(), "store opened");
        *self.store() = Some(store);
        self.set_problem(None);
        status
    }

    /// Runs `f` with the open store, or says the store is locked.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        match self.store().as_mut() {
            Some(store) => f(store),
            None => Err(Error::new(ErrorCode::StoreLocked, "Unlock Rapport first.")),
        }
    }
}
