//! The manager's own settings (name and e-mail for invites, and the like).
//! Table `setting`: one row per key, values as JSON. The row `settings`
//! holds the [`Settings`] form and travels in a JSON export; `auto_lock`
//! (the locking choice, kept apart so that saving the form never resets it)
//! and the row naming the backup folder belong to this computer and do not.

use crate::error::{Error, Result};
use crate::store::backup::BACKUP_DIR_SETTING;
use crate::store::{Reading, Writing};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub manager_name: String,
    pub manager_email: Option<String>,
    /// Reminders show their title only ("1:1 with Ada in 15 minutes"), for a
    /// manager who shares their screen.
    pub discreet_reminders: bool,
}

pub struct SettingsTable<'a, A = Reading> {
    pub(crate) conn: &'a Connection,
    pub(crate) access: PhantomData<A>,
}

impl<A> SettingsTable<'_, A> {
    pub fn get(&self) -> Result<Settings> {
        let value: Option<serde_json::Value> = self
            .conn
            .prepare_cached("SELECT value FROM setting WHERE key = 'settings'")?
            .query_row([], |r| r.get(0))
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                other => Err(other),
            })?;
        match value {
            None => Ok(Settings::default()),
            Some(v) => serde_json::from_value(v).map_err(|e| {
                Error::new(
                    crate::error::ErrorCode::CorruptDatabase,
                    format!("Unreadable settings: {e}"),
                )
            }),
        }
    }
}

/// What the manager chose for locking after idle time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutoLockChoice {
    /// Never chosen: the store kind's default applies.
    Default,
    Never,
    AfterMinutes(u32),
}

impl<A> SettingsTable<'_, A> {
    pub fn auto_lock(&self) -> Result<AutoLockChoice> {
        let found = self
            .conn
            .prepare_cached("SELECT value FROM setting WHERE key = 'auto_lock'")?
            .query_row([], |r| r.get::<_, String>(0));
        let text = match found {
            Err(rusqlite::Error::QueryReturnedNoRows) => return Ok(AutoLockChoice::Default),
            Err(e) => return Err(e.into()),
            Ok(text) => text,
        };
        match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(serde_json::Value::Null) => Ok(AutoLockChoice::Never),
            value => value
                .ok()
                .and_then(|v| v.as_u64())
                .and_then(|m| u32::try_from(m).ok())
                .map(AutoLockChoice::AfterMinutes)
                .ok_or_else(|| {
                    Error::new(
                        crate::error::ErrorCode::CorruptDatabase,
                        "Unreadable auto-lock setting.",
                    )
                }),
        }
    }

    /// The backup folder the manager picked; None for the default one.
    pub fn backup_dir(&self) -> Result<Option<String>> {
        let value: Option<serde_json::Value> = self
            .conn
            .prepare_cached("SELECT value FROM setting WHERE key = ?1")?
            .query_row([BACKUP_DIR_SETTING], |r| r.get(0))
            .optional()?;
        Ok(value.and_then(|v| v.as_str().map(str::to_string)))
    }
}

impl SettingsTable<'_, Writing> {
    pub fn put_backup_dir(&self, dir: Option<&str>) -> Result<()> {
        match dir {
            None => {
                self.conn
                    .prepare_cached("DELETE FROM setting WHERE key = ?1")?
                    .execute([BACKUP_DIR_SETTING])?;
            }
            Some(dir) => {
                self.conn
                    .prepare_cached("INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")?
                    .execute(params![BACKUP_DIR_SETTING, serde_json::Value::from(dir)])?;
            }
        }
        Ok(())
    }

    pub fn put_auto_lock(&self, choice: AutoLockChoice) -> Result<()> {
        // Stored as JSON text: `null` for never, else the minutes.
        let value = match choice {
            AutoLockChoice::Default => {
                self.conn
                    .prepare_cached("DELETE FROM setting WHERE key = 'auto_lock'")?
                    .execute([])?;
                return Ok(());
            }
            AutoLockChoice::Never => "null".to_string(),
            AutoLockChoice::AfterMinutes(m) => m.to_string(),
        };
        self.conn
            .prepare_cached("INSERT INTO setting (key, value) VALUES ('auto_lock', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value")?
            .execute(params![value])?;
        Ok(())
    }

    pub fn put(&self, settings: &Settings) -> Result<()> {
        let value = serde_json::to_value(settings).map_err(|e| Error::invalid(e.to_string()))?;
        self.conn
            .prepare_cached("INSERT INTO setting (key, value) VALUES ('settings', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value")?
            .execute(params![value])?;
        Ok(())
    }
}
pub fn save(store: &mut crate::Store, settings: Settings) -> Result<Settings> {
    if let Some(email) = settings.manager_email.as_deref().map(str::trim) {
        if !email.is_empty() {
            crate::records::people::check_email_address(email)?;
        }
    }
    let settings = Settings {
        manager_name: settings.manager_name.trim().to_string(),
        manager_email: settings
            .manager_email
            .map(|e| e.trim().to_string())
            .filter(|e| !e.is_empty()),
        discreet_reminders: settings.discreet_reminders,
    };
    store.write(|s| s.settings().put(&settings))?;
    Ok(settings)
}

/// Sets the backup folder (None: back to `backups` in the data directory).
/// It must be a full path; it is created at the first backup.
pub fn set_backup_dir(store: &mut crate::Store, dir: Option<String>) -> Result<Option<String>> {
    let dir = dir.map(|d| d.trim().to_string()).filter(|d| !d.is_empty());
    if let Some(d) = &dir {
        let path = std::path::Path::new(d);
        if !path.is_absolute() {
            return Err(Error::invalid(format!(
                "Choose the backup folder by its full path; \"{d}\" is not one."
            )));
        }
        if path.exists() && !path.is_dir() {
            return Err(Error::invalid(format!("{d} is a file, not a folder.")));
        }
    }
    store.write(|s| s.settings().put_backup_dir(dir.as_deref()))?;
    Ok(dir)
}

impl crate::store::Store {
    pub fn settings(&self) -> SettingsTable<'_> {
        SettingsTable {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

impl crate::store::Tx<'_> {
    pub fn settings(&self) -> SettingsTable<'_, Writing> {
        SettingsTable {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}
