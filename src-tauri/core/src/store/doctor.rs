//! `rapport doctor`: what a manager (or support) needs to know about a store.
//! It only reads: no migration, no move to key slots, no file written.

use crate::clock::Clock;
use crate::error::Result;
use crate::store::keys::{KeyBackend, KeyStore};
use crate::store::{inspect, DirState, Store, StorePaths};
use serde::Serialize;
use std::sync::Arc;

#[derive(Debug, Clone, Serialize)]
pub struct DoctorReport {
    pub data_dir: String,
    /// Where the window writes its log.
    pub log_dir: String,
    pub store_present: bool,
    pub key_backend: Option<KeyBackend>,
    pub schema_version: Option<u32>,
    /// A store made before key slots; it moves to them when next opened.
    pub legacy_header: bool,
    pub recovery_key_confirmed: Option<bool>,
    pub latest_schema_version: u32,
    pub cipher_version: Option<String>,
    pub fts5: Option<bool>,
    pub integrity: Vec<String>,
    pub people: Option<u64>,
    pub meetings: Option<u64>,
    pub keyring_reachable: bool,
    /// None where the platform gives no way to ask.
    pub notification_service_reachable: Option<bool>,
    pub problem: Option<crate::error::Error>,
    pub healthy: bool,
}

pub struct Environment {
    pub keyring_reachable: bool,
    pub notification_service_reachable: Option<bool>,
}

pub fn diagnose(
    paths: &StorePaths,
    keys: &dyn KeyStore,
    clock: Arc<dyn Clock>,
    env: Environment,
) -> DoctorReport {
    let mut report = DoctorReport {
        data_dir: paths.dir.display().to_string(),
        log_dir: super::log_dir().display().to_string(),
        store_present: false,
        key_backend: None,
        schema_version: None,
        legacy_header: false,
        recovery_key_confirmed: None,
        latest_schema_version: crate::store::schema::LATEST_VERSION,
        cipher_version: None,
        fts5: None,
        integrity: Vec::new(),
        people: None,
        meetings: None,
        keyring_reachable: env.keyring_reachable,
        notification_service_reachable: env.notification_service_reachable,
        problem: None,
        healthy: false,
    };
    let result = (|| -> Result<()> {
        match inspect(paths)? {
            DirState::Empty => {
                return Err(crate::error::Error::new(
                    crate::error::ErrorCode::DatabaseMissing,
                    format!(
                        "There is no Rapport store in {} yet. Open the app to create one, or run `rapport demo`.",
                        paths.dir.display()
                    ),
                ))
            }
            DirState::Unfinished(_) => {
                return Err(crate::error::Error::new(
                    crate::error::ErrorCode::DatabaseMissing,
                    super::UNFINISHED_MESSAGE,
                ))
            }
            DirState::Present(header) => {
                report.store_present = true;
                report.key_backend = Some(header.backend());
                report.legacy_header = header.is_legacy();
                report.recovery_key_confirmed =
                    (!header.is_legacy()).then_some(header.recovery_key_confirmed);
            }
        }
        let store = Store::open_read_only(paths, keys, clock)?;
        let version = store.schema_version()?;
        report.schema_version = Some(version);
        report.cipher_version = Some(store.cipher_version()?);
        report.fts5 = Some(store.fts5_available()?);
        report.integrity = store.integrity_problems()?;
        // An older schema is upgraded when the app next opens the store; its
        // tables may not be there to count yet.
        if version == crate::store::schema::LATEST_VERSION {
            report.people = Some(store.people().count()?);
            report.meetings = Some(store.schedule().count_meetings()?);
        }
        Ok(())
    })();
    if let Err(err) = result {
        report.problem = Some(err);
    }
    report.healthy =
        report.problem.is_none() && report.integrity.is_empty() && report.fts5 == Some(true);
    report
}
