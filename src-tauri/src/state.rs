//! The app's shared state: where the store lives and, once unlocked, the
//! store. Locking drops the store (its connection and data key) and keeps
//! only what the reminders need until the next unlock.

use chrono::{DateTime, Utc};
use rapport_core::flows::access::{self, AppStatus};
use rapport_core::flows::locked_reminders::{self, LockedReminders};
use rapport_core::flows::start_up::{self, StartUp};
use rapport_core::store::backup::{self, RestoreOptions, RestorePreview};
use rapport_core::store::keys::{SlotKind, SystemKeyring};
use rapport_core::time_of_day::ClockHours;
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
    /// The backup file last chosen in the native dialog: the only one the
    /// window can restore, so the web view never names a file itself.
    chosen_backup: Mutex<Option<PathBuf>>,
    /// Set by "Lock now" or idle time: what the reminders need meanwhile.
    /// While set, nothing opens the store without the manager.
    locked: Mutex<Option<LockedReminders>>,
    /// The last keyboard or mouse activity in the window, for idle locking.
    last_activity: Mutex<DateTime<Utc>>,
    /// The window's clock, given to every store this state opens.
    clock_hours: Mutex<ClockHours>,
}

impl AppState {
    pub fn new(paths: StorePaths, passphrase_file: Option<PathBuf>, clock: Arc<dyn Clock>) -> Self {
        AppState {
            paths,
            passphrase_file,
            store: Mutex::new(None),
            problem: Mutex::new(None),
            keyring_available: OnceLock::new(),
            chosen_backup: Mutex::new(None),
            locked: Mutex::new(None),
            last_activity: Mutex::new(clock.now()),
            clock_hours: Mutex::new(ClockHours::default()),
            clock,
        }
    }

    pub fn keyring_available(&self) -> bool {
        *self
            .keyring_available
            .get_or_init(SystemKeyring::is_available)
    }

    /// A store the keyring just opened says the keyring answers, which
    /// spares the start-up a second exchange with it only to ask that.
    fn note_keyring_answered(&self, store: &Store) {
        if store.opened_with() == SlotKind::Keyring {
            let _ = self.keyring_available.set(true);
        }
    }

    fn store(&self) -> MutexGuard<'_, Option<Store>> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn locked(&self) -> MutexGuard<'_, Option<LockedReminders>> {
        self.locked.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether the manager or idle time locked the window.
    pub fn is_session_locked(&self) -> bool {
        self.locked().is_some()
    }

    fn set_problem(&self, problem: Option<Error>) {
        *self.problem.lock().unwrap_or_else(|p| p.into_inner()) = problem;
    }

    /// The current status; opens a keyring (or `RAPPORT_PASSPHRASE`) store on the way.
    pub fn status(&self) -> AppStatus {
        let mut slot = self.store();
        let session_locked = self.is_session_locked();
        if slot.is_none() && !session_locked && access::stored_backend(&self.paths).is_some() {
            let supplied = access::supplied_passphrase(self.passphrase_file.as_deref())
                .ok()
                .flatten();
            match access::open_unattended(&self.paths, supplied, self.clock.clone()) {
                Some(Ok(store)) => {
                    tracing::info!(backend = ?store.header().backend(), "store opened");
                    self.note_keyring_answered(&store);
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
                access::closed_status(
                    &self.paths,
                    self.keyring_available(),
                    problem,
                    session_locked,
                )
            }
        }
    }

    /// The window's first question: the status and, when the window opens
    /// on its main screens, their data. Should reading that data fail, the
    /// screens ask for it themselves and show the error where it belongs.
    pub fn start_up(&self, desktop_font: Option<String>) -> StartUp {
        let status = self.status();
        let first_screen = if status.opens_main_screens() {
            match self.with_store(|store| start_up::first_screen(store)) {
                Ok(first) => Some(first),
                Err(err) => {
                    tracing::warn!(
                        code = err.code.as_str(),
                        "the first screen loads on its own"
                    );
                    None
                }
            }
        } else {
            None
        };
        StartUp {
            status,
            first_screen,
            desktop_font,
        }
    }

    /// Takes a store just opened. After a lock, what the reminders showed
    /// meanwhile is recorded first, so none of them comes again.
    pub fn install(&self, mut store: Store) -> AppStatus {
        if let Some(locked) = self.locked().take() {
            if let Err(err) = locked_reminders::record_shown(&mut store, &locked) {
                tracing::warn!(
                    code = err.code.as_str(),
                    "could not record the reminders shown while locked"
                );
            }
        }
        self.note_keyring_answered(&store);
        let status = access::open_status(&self.paths, &store, self.keyring_available());
        tracing::info!(backend = ?store.header().backend(), "store opened");
        *self.store() = Some(store);
        self.set_problem(None);
        self.note_activity();
        status
    }

    /// Locks: keeps what the coming reminders need, then drops the store,
    /// which closes the connection and wipes the data key. False when
    /// nothing was open.
    pub fn lock(&self) -> bool {
        let mut slot = self.store();
        let Some(store) = slot.take() else {
            return false;
        };
        let kept = locked_reminders::snapshot(&store, self.clock.now()).unwrap_or_else(|err| {
            tracing::warn!(
                code = err.code.as_str(),
                "no reminders while locked: the coming ones could not be read"
            );
            LockedReminders::default()
        });
        tracing::info!(upcoming = kept.len(), "locked");
        *self.locked() = Some(kept);
        drop(store);
        drop(slot);
        // A passphrase given at start-up is typed again from now on.
        access::forget_passphrase_env();
        true
    }

    /// Runs `f` with what a locked window keeps for the reminders; None
    /// when the window is not locked.
    pub fn with_locked<T>(&self, f: impl FnOnce(&mut LockedReminders) -> T) -> Option<T> {
        self.locked().as_mut().map(f)
    }

    pub fn note_activity(&self) {
        *self.last_activity.lock().unwrap_or_else(|p| p.into_inner()) = self.clock.now();
    }

    pub fn last_activity(&self) -> DateTime<Utc> {
        *self.last_activity.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn set_clock_hours(&self, hours: ClockHours) {
        *self.clock_hours.lock().unwrap_or_else(|p| p.into_inner()) = hours;
    }

    /// Runs `f` with the open store, or says the store is locked.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        match self.store().as_mut() {
            Some(store) => {
                // Set on every use, as a store may open before the window says.
                store.set_clock_hours(*self.clock_hours.lock().unwrap_or_else(|p| p.into_inner()));
                f(store)
            }
            None => Err(Error::new(
                ErrorCode::StoreLocked,
                "Rapport is locked. Unlock it to see your notes.",
            )),
        }
    }

    /// Remembers a backup file picked in the native dialog and says what
    /// restoring it would replace.
    pub fn choose_backup(&self, file: PathBuf) -> Result<RestorePreview> {
        let preview = backup::preview_restore(&file, &self.paths)?;
        *self.chosen_backup.lock().unwrap_or_else(|p| p.into_inner()) = Some(file);
        Ok(preview)
    }

    /// Restores the chosen backup in place of the open store. The backup is
    /// checked while the current store stays open, so a bad file or a wrong
    /// passphrase leaves the window as it was; the store is closed only for
    /// the swap, and the restored one is opened in its place. Without an open
    /// store (a new computer) it restores into the empty data folder.
    pub fn restore_chosen(
        &self,
        passphrase: Option<String>,
        recovery_key: Option<String>,
        replace_other_store: bool,
    ) -> Result<AppStatus> {
        let file = self
            .chosen_backup
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .ok_or_else(|| Error::invalid("Choose a backup file first."))?;
        let keys = access::typed_key_store(passphrase, recovery_key.as_deref())?;
        backup::verify_backup(&file, keys.as_ref())?;
        let mut slot = self.store();
        // Closing folds the write-ahead log into the database before it moves.
        drop(slot.take());
        let restored = backup::restore(
            &file,
            &self.paths,
            keys.as_ref(),
            self.clock.clone(),
            RestoreOptions {
                replace_other_store,
            },
        );
        match restored {
            Ok(restored) => {
                tracing::info!(
                    replaced = restored.replaced.is_some(),
                    "a backup was restored"
                );
                let status =
                    access::open_status(&self.paths, &restored.store, self.keyring_available());
                *slot = Some(restored.store);
                self.set_problem(None);
                *self.chosen_backup.lock().unwrap_or_else(|p| p.into_inner()) = None;
                Ok(status)
            }
            Err(err) => {
                tracing::warn!(code = err.code.as_str(), "a restore failed");
                // The old store is back in place: open it again (a passphrase
                // store waits for the unlock screen).
                drop(slot);
                let _ = self.status();
                Err(err)
            }
        }
    }
}
