//! Locking the window: when idle time locks it, and what the manager chose.
//! Locking itself is closing the store (the shell drops it, and with it the
//! connection and the data key); reminders meanwhile come from
//! `flows::locked_reminders`.

use crate::error::{Error, Result};
use crate::records::settings::AutoLockChoice;
use crate::store::keys::KeyBackend;
use crate::store::Store;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use ts_rs::TS;

/// A passphrase store locks after this many idle minutes unless the manager
/// chooses otherwise: someone at an unlocked desk reads everything.
pub const PASSPHRASE_DEFAULT_MINUTES: u32 = 15;
/// The longest idle time offered: a working day.
pub const MAX_IDLE_MINUTES: u32 = 8 * 60;

/// What the window shows and follows: lock after this many minutes without
/// keyboard or mouse activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AutoLock {
    /// None: never locks by itself.
    pub idle_minutes: Option<u32>,
    /// What this kind of store uses until the manager chooses.
    pub default_minutes: Option<u32>,
    /// False while the default applies.
    pub chosen: bool,
}

/// The default per store kind. A keyring store unlocks with no typing, so
/// locking it by itself would only annoy; a passphrase store locks after
/// `PASSPHRASE_DEFAULT_MINUTES`.
pub fn default_idle_minutes(backend: KeyBackend) -> Option<u32> {
    match backend {
        KeyBackend::Keyring => None,
        KeyBackend::Passphrase => Some(PASSPHRASE_DEFAULT_MINUTES),
    }
}

/// The idle time that applies, from the manager's choice and the store kind.
pub fn resolve(choice: AutoLockChoice, backend: KeyBackend) -> AutoLock {
    let default_minutes = default_idle_minutes(backend);
    let (idle_minutes, chosen) = match choice {
        AutoLockChoice::Default => (default_minutes, false),
        AutoLockChoice::Never => (None, true),
        AutoLockChoice::AfterMinutes(m) => (Some(m), true),
    };
    AutoLock {
        idle_minutes,
        default_minutes,
        chosen,
    }
}

/// The idle rule: lock once `idle_minutes` have passed since the last
/// activity. A clock that went backwards (the last activity seems to lie
/// ahead) is not idle time. Idle time across a suspend counts: the laptop
/// that was closed for an hour comes back locked.
pub fn idle_expired(
    last_activity: DateTime<Utc>,
    now: DateTime<Utc>,
    idle_minutes: Option<u32>,
) -> bool {
    match idle_minutes {
        Some(m) => now - last_activity >= Duration::minutes(i64::from(m)),
        None => false,
    }
}

pub fn auto_lock(store: &Store) -> Result<AutoLock> {
    Ok(resolve(
        store.settings().auto_lock()?,
        store.header().backend(),
    ))
}

/// Sets the idle time (None: never locks by itself).
pub fn set_auto_lock(store: &mut Store, idle_minutes: Option<u32>) -> Result<AutoLock> {
    let choice = match idle_minutes {
        None => AutoLockChoice::Never,
        Some(m) if (1..=MAX_IDLE_MINUTES).contains(&m) => AutoLockChoice::AfterMinutes(m),
        Some(_) => {
            return Err(Error::invalid(format!(
                "Lock after 1 to {MAX_IDLE_MINUTES} minutes, or never."
            )))
        }
    };
    store.write(|s| s.settings().put_auto_lock(choice))?;
    auto_lock(store)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: u32) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-05T10:00:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
            + Duration::minutes(i64::from(minute))
    }

    #[test]
    fn a_keyring_store_never_locks_by_default_and_a_passphrase_store_after_15_minutes() {
        assert_eq!(default_idle_minutes(KeyBackend::Keyring), None);
        assert_eq!(default_idle_minutes(KeyBackend::Passphrase), Some(15));
        let keyring = resolve(AutoLockChoice::Default, KeyBackend::Keyring);
        assert_eq!(keyring.idle_minutes, None);
        assert!(!keyring.chosen);
        let passphrase = resolve(AutoLockChoice::Default, KeyBackend::Passphrase);
        assert_eq!(passphrase.idle_minutes, Some(15));
        assert!(!passphrase.chosen);
    }

    #[test]
    fn the_managers_choice_wins_over_the_default() {
        let never = resolve(AutoLockChoice::Never, KeyBackend::Passphrase);
        assert_eq!(never.idle_minutes, None);
        assert_eq!(never.default_minutes, Some(15));
        assert!(never.chosen);
        let five = resolve(AutoLockChoice::AfterMinutes(5), KeyBackend::Keyring);
        assert_eq!(five.idle_minutes, Some(5));
        assert_eq!(five.default_minutes, None);
    }

    #[test]
    fn idle_time_locks_once_the_minutes_have_passed() {
        assert!(!idle_expired(at(0), at(14), Some(15)));
        assert!(idle_expired(at(0), at(15), Some(15)));
        assert!(idle_expired(at(0), at(90), Some(15)));
        // Never: no idle time is long enough.
        assert!(!idle_expired(at(0), at(10_000), None));
        // The clock went back: not idle.
        assert!(!idle_expired(at(30), at(0), Some(15)));
    }
}
