//! Where a store lives on disk.

use std::path::{Path, PathBuf};

pub const DATA_DIR_ENV: &str = "RAPPORT_DATA_DIR";
pub const LOG_DIR_ENV: &str = "RAPPORT_LOG_DIR";
const DB_FILE: &str = "rapport.db";
const HEADER_FILE: &str = "rapport.header.json";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorePaths {
    pub dir: PathBuf,
    pub db: PathBuf,
    pub header: PathBuf,
}

impl StorePaths {
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        let dir = dir.into();
        StorePaths {
            db: dir.join(DB_FILE),
            header: dir.join(HEADER_FILE),
            dir,
        }
    }

    /// The explicit choice, else `RAPPORT_DATA_DIR`, else the platform's data
    /// directory (`~/.local/share/rapport` on Linux).
    pub fn resolve(explicit: Option<&Path>) -> Self {
        if let Some(dir) = explicit {
            return Self::in_dir(dir);
        }
        if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
            return Self::in_dir(PathBuf::from(dir));
        }
        let base = dirs::data_dir().unwrap_or_else(|| PathBuf::from("."));
        Self::in_dir(base.join("rapport"))
    }

    /// Where a new database is built before it takes its place, so a store
    /// never exists without its header.
    pub fn unfinished_db(&self) -> PathBuf {
        self.db.with_extension("db.new")
    }

    /// The database's companion files (write-ahead log and shared memory).
    pub fn companions(&self) -> [PathBuf; 2] {
        let name = self.db.as_os_str().to_owned();
        let mut wal = name.clone();
        wal.push("-wal");
        let mut shm = name;
        shm.push("-shm");
        [PathBuf::from(wal), PathBuf::from(shm)]
    }
}

/// Where the window writes its log: `RAPPORT_LOG_DIR`, else the platform's
/// place for logs (`~/.local/state/rapport` on Linux, `~/Library/Logs/Rapport`
/// on macOS, the local app data folder on Windows). The log holds what the app
/// did and why it failed, never a note, a name or a key.
pub fn log_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(LOG_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    if cfg!(target_os = "macos") {
        if let Some(home) = dirs::home_dir() {
            return home.join("Library/Logs/Rapport");
        }
    }
    let base = dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .unwrap_or_else(|| PathBuf::from("."));
    if cfg!(windows) {
        base.join("Rapport").join("logs")
    } else {
        base.join("rapport")
    }
}

/// Makes a file (0600) or a folder (0700) readable by its owner only. Other
/// platforms keep a user's files private by the profile folder's own rights.
pub(crate) fn owner_only(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if path.is_dir() { 0o700 } else { 0o600 };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Writes a file only its owner can read, whole or not at all: a temporary
/// file beside it, flushed to disk, then renamed into place. An existing
/// file is replaced only when `replace` says so.
pub fn write_private_file(path: &Path, bytes: &[u8], replace: bool) -> crate::Result<()> {
    use std::io::Write;
    if path.exists() && !replace {
        return Err(crate::Error::invalid(format!(
            "{} already exists; pass --force to replace it.",
            path.display()
        )));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let fail = |e| crate::Error::io(&format!("Cannot write {}", path.display()), e);
    // A fresh temporary file is created 0600 on Unix.
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
