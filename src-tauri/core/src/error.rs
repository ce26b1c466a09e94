//! The one error type of Rapport. Every failure carries a stable machine-readable
//! code (for the UI and scripts) and a message written for the manager.

use serde::Serialize;
use ts_rs::TS;

/// Stable error codes. The serialized names are part of the IPC and CLI contract:
/// add new ones, never rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    KeyMissing,
    KeyringUnavailable,
    WrongPassphrase,
    WrongRecoveryKey,
    PassphraseRequired,
    PassphraseTooShort,
    NotARapportDatabase,
    CorruptDatabase,
    HeaderMissing,
    DatabaseMissing,
    StoreExists,
    StoreLocked,
    SchemaTooNew,
    InvalidInput,
    NotFound,
    ImportInvalid,
    StoreNotEmpty,
    Io,
    Storage,
    /// A file given as a backup is not one.
    NotABackup,
    /// A backup that is cut short or does not match its checksum.
    BackupDamaged,
    /// A backup of a different store than the one it would replace.
    OtherStore,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::KeyMissing => "key_missing",
            ErrorCode::KeyringUnavailable => "keyring_unavailable",
            ErrorCode::WrongPassphrase => "wrong_passphrase",
            ErrorCode::WrongRecoveryKey => "wrong_recovery_key",
            ErrorCode::PassphraseRequired => "passphrase_required",
            ErrorCode::PassphraseTooShort => "passphrase_too_short",
            ErrorCode::NotARapportDatabase => "not_a_rapport_database",
            ErrorCode::CorruptDatabase => "corrupt_database",
            ErrorCode::HeaderMissing => "header_missing",
            ErrorCode::DatabaseMissing => "database_missing",
            ErrorCode::StoreExists => "store_exists",
            ErrorCode::StoreLocked => "store_locked",
            ErrorCode::SchemaTooNew => "schema_too_new",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::NotFound => "not_found",
            ErrorCode::ImportInvalid => "import_invalid",
            ErrorCode::StoreNotEmpty => "store_not_empty",
            ErrorCode::Io => "io",
            ErrorCode::Storage => "storage",
            ErrorCode::NotABackup => "not_a_backup",
            ErrorCode::BackupDamaged => "backup_damaged",
            ErrorCode::OtherStore => "other_store",
        }
    }
}

/// What crosses the IPC boundary: `{ "code": "...", "message": "..." }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[ts(rename = "ErrorBody")]
#[error("{message}")]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Error::new(ErrorCode::InvalidInput, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Error::new(ErrorCode::NotFound, message)
    }

    pub fn io(context: &str, err: std::io::Error) -> Self {
        Error::new(ErrorCode::Io, format!("{context}: {err}"))
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode as Sqlite;
        match err.sqlite_error_code() {
            Some(Sqlite::NotADatabase) | Some(Sqlite::DatabaseCorrupt) => Error::new(
                ErrorCode::CorruptDatabase,
                "The notes database is damaged and cannot be read. Nothing was changed; \
                 restore it from a backup or an export.",
            ),
            Some(Sqlite::DatabaseBusy) | Some(Sqlite::DatabaseLocked) => Error::new(
                ErrorCode::Storage,
                "The notes database is busy in another Rapport process; try again.",
            ),
            Some(Sqlite::DiskFull) => Error::new(
                ErrorCode::Io,
                "The disk is full; the last change was not saved.",
            ),
            _ => Error::new(ErrorCode::Storage, format!("Storage error: {err}")),
        }
    }
}

impl From<rusqlite_migration::Error> for Error {
    fn from(err: rusqlite_migration::Error) -> Self {
        match err {
            rusqlite_migration::Error::RusqliteError { err, .. } => err.into(),
            rusqlite_migration::Error::MigrationDefinition(
                rusqlite_migration::MigrationDefinitionError::DatabaseTooFarAhead,
            ) => Error::new(
                ErrorCode::SchemaTooNew,
                "This notes database was written by a newer version of Rapport. \
                 Update Rapport to open it; nothing was changed.",
            ),
            other => Error::new(
                ErrorCode::Storage,
                format!("Schema migration failed: {other}"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_code_and_message() {
        let err = Error::new(ErrorCode::WrongPassphrase, "That passphrase is not right.");
        assert_eq!(
            serde_json::to_string(&err).unwrap(),
            r#"{"code":"wrong_passphrase","message":"That passphrase is not right."}"#
        );
    }

    #[test]
    fn as_str_matches_serialized_name() {
        for code in [
            ErrorCode::KeyMissing,
            ErrorCode::KeyringUnavailable,
            ErrorCode::WrongPassphrase,
            ErrorCode::PassphraseRequired,
            ErrorCode::PassphraseTooShort,
            ErrorCode::NotARapportDatabase,
            ErrorCode::CorruptDatabase,
            ErrorCode::HeaderMissing,
            ErrorCode::DatabaseMissing,
            ErrorCode::StoreExists,
            ErrorCode::StoreLocked,
            ErrorCode::SchemaTooNew,
            ErrorCode::InvalidInput,
            ErrorCode::NotFound,
            ErrorCode::ImportInvalid,
            ErrorCode::StoreNotEmpty,
            ErrorCode::Io,
            ErrorCode::Storage,
            ErrorCode::NotABackup,
            ErrorCode::BackupDamaged,
            ErrorCode::OtherStore,
        ] {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::Value::String(code.as_str().to_string())
            );
        }
    }
}
