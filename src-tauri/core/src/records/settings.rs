//! The manager's own settings (name and e-mail for invites, and the like).
//! Table `setting`: one row per key, values as JSON.

use crate::error::{Error, Result};
use crate::store::{Reading, Writing};
use rusqlite::{params, Connection};
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

impl SettingsTable<'_, Writing> {
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
