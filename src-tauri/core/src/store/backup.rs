//! Encrypted backups: writing one, checking one without restoring it, and
//! restoring one in place of the current store.
//!
//! A backup is one file. Its database snapshot stays encrypted with the
//! store's data key, and the store header it carries holds that key's slots,
//! so the file opens the way the store did when the backup was made: with
//! its passphrase or keyring entry, or, on a new computer or after losing
//! those, with the store's recovery key:
//!
//! ```text
//! rapport-backup 1\n
//! about <n>\n    n bytes: JSON, when and why it was made\n
//! header <n>\n   n bytes: the store's header (key slots) for the snapshot's key\n
//! database <n>\n n bytes: the SQLCipher database\n
//! sha256 <64 hex digits over every byte above>\n
//! ```
//!
//! The snapshot is made by `VACUUM INTO`, which SQLCipher writes with the key
//! of the database it reads: one statement and one consistent read, and the
//! free pages (which may still hold deleted notes) are left behind.
//! `sqlcipher_export` drops the schema version (`user_version`), and the
//! online backup API copies free pages too.

use super::keys::{self, DbKey, KeyBackend, KeyStore};
use super::{apply_key, owner_only, remove_with_companions, Store, StoreHeader, StorePaths};
use crate::clock::Clock;
use crate::error::{Error, ErrorCode, Result};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use ts_rs::TS;

const MAGIC: &str = "rapport-backup";
const FORMAT_VERSION: u32 = 1;
/// The extension of a backup file.
pub const EXTENSION: &str = "rapportbackup";
/// The lines of the format are short; a longer one means another kind of file.
const MAX_LINE: usize = 100;
/// The about and header sections are small JSON documents.
const MAX_SMALL_SECTION: u64 = 1024 * 1024;
/// The `setting` row that names the backup folder. It belongs to this
/// computer, so it is a row of its own and not part of the settings a JSON
/// export carries. `records::settings` writes it; it is read here because the
/// backup before a schema upgrade is made before any record module may read
/// the store.
pub const BACKUP_DIR_SETTING: &str = "backup_dir";
/// The folder inside the data directory that holds backups unless the
/// manager picks another.
const DEFAULT_DIR: &str = "backups";

/// How many automatic backups rotation keeps: the newest of each of the last
/// 7 days, 4 weeks and 6 months that have one.
pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 4;
pub const KEEP_MONTHLY: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// Asked for: "Back up now", `rapport backup`.
    Manual,
    /// The daily one, kept by rotation.
    Automatic,
    /// Made just before the schema of the store was upgraded; never rotated.
    BeforeUpgrade,
}

impl BackupKind {
    fn tag(self) -> &'static str {
        match self {
            BackupKind::Manual => "manual",
            BackupKind::Automatic => "auto",
            BackupKind::BeforeUpgrade => "before-upgrade",
        }
    }

    fn from_tag(tag: &str) -> Option<Self> {
        [
            BackupKind::Manual,
            BackupKind::Automatic,
            BackupKind::BeforeUpgrade,
        ]
        .into_iter()
        .find(|kind| kind.tag() == tag)
    }
}

/// The backup's own description, its first section.
#[derive(Debug, Serialize, Deserialize)]
struct About {
    created_at: DateTime<Utc>,
    kind: BackupKind,
    schema_version: u32,
    app_version: String,
}

/// What a backup file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupInfo {
    pub path: String,
    pub store_id: String,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    pub kind: BackupKind,
    pub schema_version: u32,
    pub key_backend: KeyBackend,
    #[ts(type = "number")]
    pub bytes: u64,
    /// Counted in the snapshot; None when the file was checked without its key.
    #[ts(type = "number | null")]
    pub people: Option<u64>,
    #[ts(type = "number | null")]
    pub meetings: Option<u64>,
}

/// A backup in the backup folder, known by its name alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupFile {
    pub path: String,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    pub kind: BackupKind,
}

/// Where backups go and the latest ones there, for Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupStatus {
    pub folder: String,
    /// Whether the folder is the default one inside the data directory.
    pub default_folder: bool,
    pub last_automatic: Option<BackupFile>,
    /// The newest backup of any kind.
    pub latest: Option<BackupFile>,
}

/// What a restore replaced, and where that store now is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReplacedStore {
    /// The id of the replaced store, when its header was readable.
    pub store_id: Option<String>,
    /// The folder inside the data directory that now holds its files.
    pub kept_in: String,
}

/// What restoring a file would do, for the window to ask before it does it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RestorePreview {
    /// The backup, checked without its key.
    pub backup: BackupInfo,
    pub data_dir: String,
    /// The data directory holds a store now, which the backup would replace.
    pub replaces_a_store: bool,
    /// That store is another one than the backup was made of.
    pub other_store: bool,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct RestoreOptions {
    /// Restore even when the data directory holds a different store than the
    /// one the backup was made of. Without it, such a restore is refused.
    pub replace_other_store: bool,
}

#[derive(Debug)]
pub struct Restored {
    /// The restored store, open.
    pub store: Store,
    pub backup: BackupInfo,
    /// None when the data directory held no store.
    pub replaced: Option<ReplacedStore>,
}

// --- Writing -----------------------------------------------------------------

/// What a backup is made of: an open connection, and the header and data
/// key it was opened with.
struct Origin<'a> {
    conn: &'a Connection,
    header: &'a StoreHeader,
    key: &'a DbKey,
}

impl Origin<'_> {
    fn store_id(&self) -> &str {
        &self.header.store_id
    }
}

impl Store {
    fn origin(&self) -> Origin<'_> {
        Origin {
            conn: &self.conn,
            header: &self.header,
            key: &self.key,
        }
    }

    /// Writes a backup of this store to `target`; an existing file there is
    /// replaced only when `replace` is set.
    pub fn back_up_to(&self, target: &Path, replace: bool) -> Result<BackupInfo> {
        write_backup(
            &self.origin(),
            self.clock.now(),
            BackupKind::Manual,
            target,
            replace,
        )
    }

    /// The folder backups go to: the one the manager picked, else `backups`
    /// in the data directory.
    pub fn backup_dir(&self) -> Result<PathBuf> {
        Ok(configured_dir(&self.conn)?.unwrap_or_else(|| default_backup_dir(&self.paths)))
    }

    /// "Back up now": a backup in the backup folder.
    pub fn back_up_now(&self) -> Result<BackupInfo> {
        into_folder(
            &self.origin(),
            self.clock.now(),
            BackupKind::Manual,
            &self.backup_dir()?,
        )
    }

    /// The daily backup: made when the backup folder holds no automatic
    /// backup of this store from the manager's today, then older automatic
    /// backups are rotated. None when today's already exists.
    pub fn back_up_if_due(&self) -> Result<Option<BackupInfo>> {
        let dir = self.backup_dir()?;
        let now = self.clock.now();
        let automatic: Vec<DateTime<Utc>> = list_backups(&dir, &self.header.store_id)
            .into_iter()
            .filter(|b| b.kind == BackupKind::Automatic)
            .map(|b| b.created_at)
            .collect();
        if !automatic_backup_due(&automatic, now, |at| self.clock.day_of(at)) {
            return Ok(None);
        }
        let info = into_folder(&self.origin(), now, BackupKind::Automatic, &dir)?;
        // The new backup is written; a file rotation cannot remove now is
        // removed at the next one.
        let _ = rotate(&dir, &self.header.store_id, |at| self.clock.day_of(at));
        Ok(Some(info))
    }

    pub fn backup_status(&self) -> Result<BackupStatus> {
        let dir = self.backup_dir()?;
        let backups = list_backups(&dir, &self.header.store_id);
        Ok(BackupStatus {
            folder: dir.display().to_string(),
            default_folder: dir == default_backup_dir(&self.paths),
            last_automatic: backups
                .iter()
                .find(|b| b.kind == BackupKind::Automatic)
                .cloned(),
            latest: backups.into_iter().next(),
        })
    }
}

pub fn default_backup_dir(paths: &StorePaths) -> PathBuf {
    paths.dir.join(DEFAULT_DIR)
}

fn configured_dir(conn: &Connection) -> Result<Option<PathBuf>> {
    let value: Option<String> = conn
        .prepare_cached("SELECT value ->> '$' FROM setting WHERE key = ?1")?
        .query_row([BACKUP_DIR_SETTING], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(value.filter(|v| !v.trim().is_empty()).map(PathBuf::from))
}

/// The backup made before migrations change a store's schema. It goes to the
/// backup folder, or to the default one when that folder cannot take it; if
/// neither can, the store is not upgraded.
pub(super) fn before_upgrade(
    conn: &Connection,
    paths: &StorePaths,
    header: &StoreHeader,
    key: &DbKey,
    now: DateTime<Utc>,
) -> Result<BackupInfo> {
    let origin = Origin { conn, header, key };
    let default = default_backup_dir(paths);
    // The upgrade must not depend on reading a setting of the old schema.
    let chosen = configured_dir(conn).ok().flatten();
    let first = chosen.clone().unwrap_or_else(|| default.clone());
    let written = into_folder(&origin, now, BackupKind::BeforeUpgrade, &first).or_else(|err| {
        if first == default {
            Err(err)
        } else {
            into_folder(&origin, now, BackupKind::BeforeUpgrade, &default)
        }
    });
    written.map_err(|err| {
        Error::new(
            err.code,
            format!(
                "This version of Rapport upgrades the notes store, and first saves a backup of \
                 it, which failed: {} The store was not changed.",
                err.message
            ),
        )
    })
}

fn into_folder(
    origin: &Origin<'_>,
    now: DateTime<Utc>,
    kind: BackupKind,
    dir: &Path,
) -> Result<BackupInfo> {
    if !dir.is_dir() {
        std::fs::create_dir_all(dir)
            .and_then(|()| owner_only(dir))
            .map_err(|e| {
                Error::io(
                    &format!("Cannot create the backup folder {}", dir.display()),
                    e,
                )
            })?;
    }
    let base = file_stem(origin.store_id(), now, kind);
    let mut target = dir.join(format!("{base}.{EXTENSION}"));
    let mut n = 2;
    while target.exists() && n < 100 {
        target = dir.join(format!("{base}-{n}.{EXTENSION}"));
        n += 1;
    }
    write_backup(origin, now, kind, &target, false)
}

/// The header a backup carries: the store's, with the slots of the key its
/// pages have. A re-encryption under way is settled in the copy (its pages
/// have one key or the other), so the backup opens with `key_for` alone.
fn header_for_snapshot(header: &StoreHeader, key: &DbKey) -> Result<StoreHeader> {
    let mut copy = header.clone();
    let next = copy.next_key.take();
    if copy.matches(key) {
        return Ok(copy);
    }
    match next {
        Some(next) if next.key_check == key.check_value(&copy.store_id) => {
            copy.key_check = next.key_check;
            copy.slots = next.slots;
            Ok(copy)
        }
        _ => Err(Error::new(
            ErrorCode::Storage,
            "The store header does not describe the key the store is open with. No backup \
             was made.",
        )),
    }
}

fn write_backup(
    origin: &Origin<'_>,
    now: DateTime<Utc>,
    kind: BackupKind,
    target: &Path,
    replace: bool,
) -> Result<BackupInfo> {
    if !replace && target.exists() {
        return Err(target_exists(target));
    }
    let conn = origin.conn;
    let store_id = origin.store_id();
    let header = header_for_snapshot(origin.header, origin.key)?;
    // As the header file is written, so a restored store's header is that file.
    let mut header_bytes = serde_json::to_vec_pretty(&header).map_err(|e| {
        Error::new(
            ErrorCode::Storage,
            format!("Cannot encode the store header: {e}"),
        )
    })?;
    header_bytes.push(b'\n');
    let dir = parent_dir(target);
    let cannot_write =
        |e: std::io::Error| Error::io(&format!("Cannot write {}", target.display()), e);
    let work = private_temp_dir_in(dir, ".rapport-backup-").map_err(cannot_write)?;
    let snapshot = work.path().join("snapshot.db");
    let snapshot_name = snapshot.to_str().ok_or_else(|| {
        Error::invalid(format!(
            "Rapport cannot write a backup in {}: its name is not valid Unicode.",
            dir.display()
        ))
    })?;
    let schema_version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let people = count_rows(conn, "person")?;
    let meetings = count_rows(conn, "meeting")?;
    conn.execute("VACUUM INTO ?1", [snapshot_name])?;

    let about = serde_json::to_vec(&About {
        created_at: now,
        kind,
        schema_version,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
    })
    .map_err(|e| {
        Error::new(
            ErrorCode::Storage,
            format!("Cannot describe the backup: {e}"),
        )
    })?;
    let mut part = tempfile::Builder::new()
        .prefix(".rapport-backup-")
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(cannot_write)?;
    let compose = |file: &mut std::fs::File| -> std::io::Result<u64> {
        owner_only(&snapshot)?;
        let db_len = std::fs::metadata(&snapshot)?.len();
        let mut out = HashingWriter::new(BufWriter::new(&mut *file));
        writeln!(out, "{MAGIC} {FORMAT_VERSION}")?;
        write_section(&mut out, "about", &about)?;
        write_section(&mut out, "header", &header_bytes)?;
        writeln!(out, "database {db_len}")?;
        let copied = std::io::copy(&mut std::fs::File::open(&snapshot)?, &mut out)?;
        if copied != db_len {
            return Err(std::io::Error::other(
                "the snapshot changed while it was copied",
            ));
        }
        out.write_all(b"\n")?;
        let (mut inner, digest) = out.finish();
        writeln!(inner, "sha256 {digest}")?;
        inner.flush()?;
        drop(inner);
        file.sync_all()?;
        Ok(file.metadata()?.len())
    };
    owner_only(part.path()).map_err(cannot_write)?;
    let bytes = compose(part.as_file_mut()).map_err(cannot_write)?;
    let persisted = if replace {
        part.persist(target)
    } else {
        part.persist_noclobber(target)
    };
    persisted.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            target_exists(target)
        } else {
            cannot_write(e.error)
        }
    })?;
    sync_dir(dir);
    Ok(BackupInfo {
        path: target.display().to_string(),
        store_id: store_id.to_string(),
        created_at: now,
        kind,
        schema_version,
        key_backend: header.backend(),
        bytes,
        people,
        meetings,
    })
}

fn write_section(out: &mut impl Write, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    writeln!(out, "{name} {}", bytes.len())?;
    out.write_all(bytes)?;
    out.write_all(b"\n")
}

fn target_exists(target: &Path) -> Error {
    Error::new(
        ErrorCode::InvalidInput,
        format!(
            "{} already exists; pass --force to replace it.",
            target.display()
        ),
    )
}

fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn private_temp_dir_in(dir: &Path, prefix: &str) -> std::io::Result<tempfile::TempDir> {
    let work = tempfile::Builder::new().prefix(prefix).tempdir_in(dir)?;
    owner_only(work.path())?;
    Ok(work)
}

/// Persists renames in a folder; not possible (nor needed) on every platform.
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Rows of a table, or None when the schema has no such table yet (a backup
/// made before an upgrade).
fn count_rows(conn: &Connection, table: &'static str) -> Result<Option<u64>> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
        [table],
        |r| r.get(0),
    )?;
    if !exists {
        return Ok(None);
    }
    let count: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
        r.get(0)
    })?;
    Ok(Some(u64::try_from(count).unwrap_or(0)))
}

struct HashingWriter<W: Write> {
    inner: W,
    hasher: Sha256,
}

impl<W: Write> HashingWriter<W> {
    fn new(inner: W) -> Self {
        HashingWriter {
            inner,
            hasher: Sha256::new(),
        }
    }

    fn finish(self) -> (W, String) {
        (self.inner, hex::encode(self.hasher.finalize()))
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.hasher.update(buf.get(..written).unwrap_or_default());
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

// --- Names and rotation --------------------------------------------------------

/// Backups in one folder may come from several stores (two computers sharing
/// a synced folder); a file's name says which store it is of, so rotation
/// only ever touches its own store's files.
fn short_id(store_id: &str) -> String {
    let last = store_id.rsplit('-').next().unwrap_or(store_id);
    let clean: String = last
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let tail: String = clean
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if tail.is_empty() {
        "store".to_string()
    } else {
        tail
    }
}

const STAMP: &str = "%Y%m%d-%H%M%S";
const STAMP_LEN: usize = 15;

fn file_stem(store_id: &str, at: DateTime<Utc>, kind: BackupKind) -> String {
    format!(
        "rapport-{}-{}-{}",
        short_id(store_id),
        at.format(STAMP),
        kind.tag()
    )
}

/// When and why a backup of `store_id` was made, from its file name.
fn parse_file_name(name: &str, store_id: &str) -> Option<(DateTime<Utc>, BackupKind)> {
    let prefix = format!("rapport-{}-", short_id(store_id));
    let rest = name
        .strip_prefix(&prefix)?
        .strip_suffix(&format!(".{EXTENSION}"))?;
    let stamp = rest.get(..STAMP_LEN)?;
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    let tag = rest.get(STAMP_LEN..)?.strip_prefix('-')?;
    // A same-second name ends in "-2", "-3"…
    let tag = match tag.rsplit_once('-') {
        Some((head, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => head,
        _ => tag,
    };
    Some((at, BackupKind::from_tag(tag)?))
}

/// The backups of a store in a folder, newest first. An unreadable folder
/// has none.
pub fn list_backups(dir: &Path, store_id: &str) -> Vec<BackupFile> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<BackupFile> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|entry| {
            let name = entry.file_name();
            let (created_at, kind) = parse_file_name(name.to_str()?, store_id)?;
            Some(BackupFile {
                path: entry.path().display().to_string(),
                created_at,
                kind,
            })
        })
        .collect();
    found.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.path.cmp(&a.path)));
    found
}

/// Whether the daily backup is due: none of `automatic` is from the
/// manager's day of `now` (`day_of` gives a day in the manager's zone).
pub fn automatic_backup_due(
    automatic: &[DateTime<Utc>],
    now: DateTime<Utc>,
    day_of: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> bool {
    let today = day_of(now);
    !automatic.iter().any(|at| day_of(*at) == today)
}

/// A period a day falls in (a day, an ISO week, a month), as (year, number).
type PeriodOf = fn(NaiveDate) -> (i32, u32);

/// The rotation rule over backup dates: for each of the last
/// [`KEEP_DAILY`] days, [`KEEP_WEEKLY`] weeks and [`KEEP_MONTHLY`] months
/// that have a backup, the newest backup of that period is kept. A backup
/// kept by any rule is kept; the newest one always is. `day_of` gives a
/// date's day in the manager's zone. The answer is in the order of `dates`.
pub fn kept_by_rotation(
    dates: &[DateTime<Utc>],
    day_of: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> Vec<bool> {
    let mut order: Vec<usize> = (0..dates.len()).collect();
    order.sort_by(|&a, &b| dates.get(b).cmp(&dates.get(a)));
    let mut keep = vec![false; dates.len()];
    let periods: [(usize, PeriodOf); 3] = [
        (KEEP_DAILY, |d| (d.year(), d.ordinal())),
        (KEEP_WEEKLY, |d| (d.iso_week().year(), d.iso_week().week())),
        (KEEP_MONTHLY, |d| (d.year(), d.month())),
    ];
    for (count, period_of) in periods {
        let mut seen: Vec<(i32, u32)> = Vec::new();
        for &i in &order {
            let Some(at) = dates.get(i) else { continue };
            let period = period_of(day_of(*at));
            if seen.contains(&period) {
                continue;
            }
            if seen.len() == count {
                break;
            }
            seen.push(period);
            if let Some(k) = keep.get_mut(i) {
                *k = true;
            }
        }
    }
    keep
}

/// Removes the automatic backups of a store the rotation rule does not
/// keep; returns what it removed.
pub fn rotate(
    dir: &Path,
    store_id: &str,
    day_of: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> Result<Vec<PathBuf>> {
    let automatic: Vec<BackupFile> = list_backups(dir, store_id)
        .into_iter()
        .filter(|b| b.kind == BackupKind::Automatic)
        .collect();
    let dates: Vec<DateTime<Utc>> = automatic.iter().map(|b| b.created_at).collect();
    let keep = kept_by_rotation(&dates, day_of);
    let mut removed = Vec::new();
    for (backup, kept) in automatic.iter().zip(keep) {
        if kept {
            continue;
        }
        let path = PathBuf::from(&backup.path);
        std::fs::remove_file(&path)
            .map_err(|e| Error::io(&format!("Cannot remove {}", path.display()), e))?;
        removed.push(path);
    }
    Ok(removed)
}

// --- Reading and checking --------------------------------------------------------

struct Parsed {
    about: About,
    header: StoreHeader,
    header_bytes: Vec<u8>,
    bytes: u64,
}

fn not_a_backup(file: &Path, hint: &str) -> Error {
    Error::new(
        ErrorCode::NotABackup,
        format!(
            "{} is not a Rapport backup{hint}. Nothing was changed.",
            file.display()
        ),
    )
}

fn truncated(file: &Path) -> Error {
    Error::new(
        ErrorCode::BackupDamaged,
        format!(
            "{} is incomplete: the file ends before the backup does (a copy or a sync that \
             stopped part-way?). Nothing was changed; use another backup.",
            file.display()
        ),
    )
}

fn damaged(file: &Path, what: &str) -> Error {
    Error::new(
        ErrorCode::BackupDamaged,
        format!(
            "{} is damaged: {what}. Nothing was changed; use another backup.",
            file.display()
        ),
    )
}

enum Line {
    Whole(Vec<u8>),
    /// The file ended before a newline, after these bytes.
    End(Vec<u8>),
    TooLong,
}

/// The backup file as it is read: every byte goes through the checksum.
struct Source<R: BufRead> {
    inner: R,
    hasher: Sha256,
    read: u64,
}

impl<R: BufRead> Read for Source<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(buf.get(..n).unwrap_or_default());
        self.read += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> Source<R> {
    fn line(&mut self) -> std::io::Result<Line> {
        let mut line = Vec::new();
        let mut byte = [0u8; 1];
        loop {
            if self.read(&mut byte)? == 0 {
                return Ok(Line::End(line));
            }
            match byte {
                [b'\n'] => return Ok(Line::Whole(line)),
                [b] if line.len() < MAX_LINE => line.push(b),
                _ => return Ok(Line::TooLong),
            }
        }
    }
}

/// Reads a whole backup, copying its database into `db_out`, and checks its
/// layout and checksum; nothing in it is trusted before the checksum matched.
fn read_backup(file: &Path, db_out: &mut dyn Write) -> Result<Parsed> {
    let cannot_read = |e: std::io::Error| Error::io(&format!("Cannot read {}", file.display()), e);
    if file.is_dir() {
        return Err(not_a_backup(file, " but a folder"));
    }
    let opened = std::fs::File::open(file).map_err(cannot_read)?;
    let mut src = Source {
        inner: BufReader::with_capacity(1 << 16, opened),
        hasher: Sha256::new(),
        read: 0,
    };

    let magic = format!("{MAGIC} ");
    match src.line().map_err(cannot_read)? {
        Line::Whole(line) => {
            let Some(version) = line.strip_prefix(magic.as_bytes()) else {
                let hint = if line.first() == Some(&b'{') {
                    " (it looks like a JSON export: use `rapport import json`)"
                } else {
                    ""
                };
                return Err(not_a_backup(file, hint));
            };
            match std::str::from_utf8(version)
                .ok()
                .and_then(|v| v.parse::<u32>().ok())
            {
                Some(FORMAT_VERSION) => {}
                Some(newer) if newer > FORMAT_VERSION => {
                    return Err(Error::new(
                        ErrorCode::SchemaTooNew,
                        format!(
                            "{} was made by a newer version of Rapport (backup format {newer}). \
                             Update Rapport to use it; nothing was changed.",
                            file.display()
                        ),
                    ))
                }
                _ => return Err(not_a_backup(file, "")),
            }
        }
        Line::End(partial) if partial.is_empty() => {
            return Err(not_a_backup(file, ": it is empty"))
        }
        Line::End(partial)
            if magic.as_bytes().starts_with(&partial) || partial.starts_with(magic.as_bytes()) =>
        {
            return Err(truncated(file))
        }
        Line::End(_) | Line::TooLong => return Err(not_a_backup(file, "")),
    }

    let section = |src: &mut Source<_>, name: &str| -> Result<u64> {
        match src.line().map_err(cannot_read)? {
            Line::Whole(line) => {
                let len = std::str::from_utf8(&line)
                    .ok()
                    .and_then(|l| l.strip_prefix(name))
                    .and_then(|l| l.strip_prefix(' '))
                    .and_then(|n| n.parse::<u64>().ok());
                len.ok_or_else(|| damaged(file, &format!("its {name} section is missing")))
            }
            Line::End(_) => Err(truncated(file)),
            Line::TooLong => Err(damaged(file, &format!("its {name} section is missing"))),
        }
    };
    let end_of_section = |src: &mut Source<_>, name: &str| -> Result<()> {
        let mut byte = [0u8; 1];
        match src.read(&mut byte).map_err(cannot_read)? {
            0 => Err(truncated(file)),
            _ if byte == [b'\n'] => Ok(()),
            _ => Err(damaged(
                file,
                &format!("its {name} section has the wrong length"),
            )),
        }
    };
    let small = |src: &mut Source<_>, name: &str| -> Result<Vec<u8>> {
        let len = section(src, name)?;
        if len > MAX_SMALL_SECTION {
            return Err(damaged(file, &format!("its {name} section is too large")));
        }
        let mut bytes = Vec::new();
        let got = src.take(len).read_to_end(&mut bytes).map_err(cannot_read)?;
        if (got as u64) < len {
            return Err(truncated(file));
        }
        end_of_section(src, name)?;
        Ok(bytes)
    };
    let about_bytes = small(&mut src, "about")?;
    let header_bytes = small(&mut src, "header")?;
    let db_len = section(&mut src, "database")?;
    if db_len == 0 || db_len % super::PAGE_SIZE != 0 {
        return Err(damaged(
            file,
            "its database section has an impossible length",
        ));
    }
    let copied = std::io::copy(&mut (&mut src).take(db_len), db_out)
        .map_err(|e| Error::io("Cannot copy the backup's database to a temporary folder", e))?;
    if copied < db_len {
        return Err(truncated(file));
    }
    end_of_section(&mut src, "database")?;

    let digest = hex::encode(src.hasher.clone().finalize());
    let stated = match src.line().map_err(cannot_read)? {
        Line::Whole(line) => line,
        Line::End(_) => return Err(truncated(file)),
        Line::TooLong => return Err(damaged(file, "its checksum line is unreadable")),
    };
    let Some(stated) = stated.strip_prefix(b"sha256 ") else {
        return Err(damaged(file, "its checksum line is unreadable"));
    };
    if stated != digest.as_bytes() {
        return Err(damaged(file, "its contents do not match its checksum"));
    }
    let mut rest = [0u8; 1];
    if src.read(&mut rest).map_err(cannot_read)? != 0 {
        return Err(damaged(file, "it has extra bytes after its end"));
    }

    let about: About = serde_json::from_slice(&about_bytes)
        .map_err(|_| damaged(file, "its description is unreadable"))?;
    let header = StoreHeader::from_bytes(&header_bytes)
        .map_err(|_| damaged(file, "its store header is unreadable"))?;
    Ok(Parsed {
        about,
        header,
        header_bytes,
        bytes: src.read,
    })
}

impl Parsed {
    fn info(&self, file: &Path) -> BackupInfo {
        BackupInfo {
            path: file.display().to_string(),
            store_id: self.header.store_id.clone(),
            created_at: self.about.created_at,
            kind: self.about.kind,
            schema_version: self.about.schema_version,
            key_backend: self.header.backend(),
            bytes: self.bytes,
            people: None,
            meetings: None,
        }
    }
}

/// Checks a backup's layout and checksum, without its key and without
/// writing anything: what it is of, when it was made, which key opens it.
pub fn inspect_backup(file: &Path) -> Result<BackupInfo> {
    let parsed = read_backup(file, &mut std::io::sink())?;
    Ok(parsed.info(file))
}

/// Checks a backup without its key and says what restoring it into `paths`
/// would replace.
pub fn preview_restore(file: &Path, paths: &StorePaths) -> Result<RestorePreview> {
    let backup = inspect_backup(file)?;
    let current = StoreHeader::read(&paths.header).ok();
    Ok(RestorePreview {
        replaces_a_store: !store_files(paths).is_empty(),
        other_store: current.is_some_and(|h| h.store_id != backup.store_id),
        data_dir: paths.dir.display().to_string(),
        backup,
    })
}

/// Checks a backup fully without restoring it: layout, checksum, header, the
/// key opening it, and SQLCipher's and SQLite's integrity checks on a copy in
/// a temporary folder, which is all it writes.
pub fn verify_backup(file: &Path, keys: &dyn KeyStore) -> Result<BackupInfo> {
    let work = tempfile::Builder::new()
        .prefix("rapport-verify-")
        .tempdir()
        .and_then(|work| owner_only(work.path()).map(|()| work))
        .map_err(|e| Error::io("Cannot create a temporary folder to check the backup", e))?;
    stage(file, work.path(), keys)
}

/// Unpacks a backup into `dir` as a store (database and header) and checks it
/// there with its key.
fn stage(file: &Path, dir: &Path, keys: &dyn KeyStore) -> Result<BackupInfo> {
    let paths = StorePaths::in_dir(dir);
    let cannot_unpack =
        |e: std::io::Error| Error::io("Cannot unpack the backup into a temporary folder", e);
    let parsed = {
        let db = std::fs::File::create(&paths.db).map_err(cannot_unpack)?;
        owner_only(&paths.db).map_err(cannot_unpack)?;
        let mut out = BufWriter::new(db);
        let parsed = read_backup(file, &mut out)?;
        let db = out
            .into_inner()
            .map_err(|e| cannot_unpack(e.into_error()))?;
        db.sync_all().map_err(cannot_unpack)?;
        parsed
    };
    std::fs::write(&paths.header, &parsed.header_bytes)
        .and_then(|()| owner_only(&paths.header))
        .map_err(cannot_unpack)?;
    let key = keys::key_for(&parsed.header, keys).map_err(|e| in_backup_terms(e, file))?;
    let mut info = parsed.info(file);
    let checked = check_snapshot(&paths.db, &key, file);
    // Only the database itself is handed on.
    for companion in paths.companions() {
        let _ = std::fs::remove_file(companion);
    }
    let (schema_version, people, meetings) = checked?;
    info.schema_version = schema_version;
    info.people = people;
    info.meetings = meetings;
    Ok(info)
}

fn check_snapshot(db: &Path, key: &DbKey, file: &Path) -> Result<(u32, Option<u64>, Option<u64>)> {
    let conn = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    apply_key(&conn, key)?;
    let unreadable = |_: rusqlite::Error| damaged(file, "its database cannot be read with its key");
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(unreadable)?;
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(unreadable)?;
    if version > super::schema::LATEST_VERSION {
        return Err(Error::new(
            ErrorCode::SchemaTooNew,
            format!(
                "{} holds a store of a newer version of Rapport (schema version {version}). \
                 Update Rapport to restore it; nothing was changed.",
                file.display()
            ),
        ));
    }
    let problems = super::integrity_problems_of(&conn)
        .map_err(|_| damaged(file, "its database cannot be read with its key"))?;
    if let Some(first) = problems.first() {
        return Err(damaged(
            file,
            &format!("its database fails the integrity check ({first})"),
        ));
    }
    Ok((
        version,
        count_rows(&conn, "person")?,
        count_rows(&conn, "meeting")?,
    ))
}

/// The key errors, said of a backup rather than of the open store.
fn in_backup_terms(err: Error, file: &Path) -> Error {
    let message = match err.code {
        ErrorCode::WrongPassphrase => "That passphrase does not unlock this backup. It opens \
             with the passphrase the store had when the backup was made, or with the \
             recovery key."
            .to_string(),
        ErrorCode::WrongRecoveryKey => "That recovery key does not open this backup. It opens \
             with the recovery key the store had when the backup was made."
            .to_string(),
        ErrorCode::PassphraseRequired => "This backup is protected by a passphrase. Enter it (or \
             set RAPPORT_PASSPHRASE / use --passphrase-file), or use the recovery key \
             (--recovery-key-file)."
            .to_string(),
        ErrorCode::KeyMissing => format!(
            "The key of {} is not in this computer's keyring: the backup is of a store kept \
             on another computer, or of a store whose keyring entry is gone. Open it with the \
             store's recovery key (--recovery-key-file). Nothing was changed.",
            file.display()
        ),
        _ => return err,
    };
    Error::new(err.code, message)
}

// --- Restoring -----------------------------------------------------------------

/// Restores a backup into `paths`: checks it fully first, then moves the
/// current store (if any) aside into a folder inside the data directory,
/// puts the backup in its place and opens it. A failure at any step puts
/// everything back as it was. The store set aside is kept: the caller says
/// where it is.
pub fn restore(
    file: &Path,
    paths: &StorePaths,
    keys: &dyn KeyStore,
    clock: Arc<dyn Clock>,
    options: RestoreOptions,
) -> Result<Restored> {
    let created_dir = !paths.dir.exists();
    if created_dir {
        std::fs::create_dir_all(&paths.dir)
            .and_then(|()| owner_only(&paths.dir))
            .map_err(|e| Error::io("Cannot create the data directory", e))?;
    }
    let restored = restore_into(file, paths, keys, clock, options);
    if restored.is_err() && created_dir {
        // Only removes it when empty again.
        let _ = std::fs::remove_dir(&paths.dir);
    }
    restored
}

fn restore_into(
    file: &Path,
    paths: &StorePaths,
    keys: &dyn KeyStore,
    clock: Arc<dyn Clock>,
    options: RestoreOptions,
) -> Result<Restored> {
    // Unpacked beside the store, so that putting it in place is a rename.
    let staging = private_temp_dir_in(&paths.dir, ".restore-")
        .map_err(|e| Error::io("Cannot unpack the backup in the data directory", e))?;
    let backup = stage(file, staging.path(), keys)?;
    let staged = StorePaths::in_dir(staging.path());

    let current = StoreHeader::read(&paths.header).ok();
    if let Some(current) = &current {
        if current.store_id != backup.store_id && !options.replace_other_store {
            return Err(Error::new(
                ErrorCode::OtherStore,
                format!(
                    "{} is a backup of another notes store than the one in {}. Restoring it \
                     would replace that store's notes with different ones; nothing was changed. \
                     To replace it all the same, restore with --replace-other-store.",
                    file.display(),
                    paths.dir.display()
                ),
            ));
        }
    }

    let aside = move_aside(paths, clock.now())?;
    let placed = (|| -> Result<Store> {
        let put = |from: &Path, to: &Path| {
            std::fs::rename(from, to)
                .map_err(|e| Error::io("Cannot put the restored store in place", e))
        };
        // The database first: a crash before the header follows leaves a state
        // that is reported, never one that looks like a first run.
        put(&staged.db, &paths.db)?;
        put(&staged.header, &paths.header)?;
        sync_dir(&paths.dir);
        Store::open(paths, keys, clock.clone())
    })();
    match placed {
        Ok(store) => Ok(Restored {
            store,
            backup,
            replaced: aside.map(|kept_in| ReplacedStore {
                store_id: current.map(|h| h.store_id),
                kept_in: kept_in.display().to_string(),
            }),
        }),
        Err(err) => {
            remove_with_companions(&paths.db);
            let _ = std::fs::remove_file(&paths.header);
            if let Some(aside) = aside {
                if put_back(&aside, paths).is_err() {
                    return Err(Error::new(
                        err.code,
                        format!(
                            "{} The store that was there could not be moved back: its files are \
                             in {}; move them back into {}.",
                            err.message,
                            aside.display(),
                            paths.dir.display()
                        ),
                    ));
                }
            }
            Err(err)
        }
    }
}

/// The files that make up the store in a data directory (those present).
fn store_files(paths: &StorePaths) -> Vec<PathBuf> {
    let unfinished = paths.unfinished_db();
    let [wal, shm] = paths.companions();
    let mut files = vec![paths.db.clone(), wal, shm, paths.header.clone()];
    files.push(unfinished.clone());
    for suffix in ["-wal", "-shm"] {
        let mut name = unfinished.as_os_str().to_owned();
        name.push(suffix);
        files.push(PathBuf::from(name));
    }
    files.into_iter().filter(|f| f.exists()).collect()
}

/// Moves the current store's files into a new folder `before-restore-…`
/// inside the data directory; None when there were none.
fn move_aside(paths: &StorePaths, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
    let files = store_files(paths);
    if files.is_empty() {
        return Ok(None);
    }
    let base = format!("before-restore-{}", now.format(STAMP));
    let mut aside = paths.dir.join(&base);
    let mut n = 2;
    while aside.exists() {
        aside = paths.dir.join(format!("{base}-{n}"));
        n += 1;
    }
    let cannot = |e: std::io::Error| Error::io("Cannot move the current store aside", e);
    std::fs::create_dir(&aside)
        .and_then(|()| owner_only(&aside))
        .map_err(cannot)?;
    let mut moved = Vec::new();
    for file in files {
        let Some(name) = file.file_name() else {
            continue;
        };
        let to = aside.join(name);
        if let Err(e) = std::fs::rename(&file, &to) {
            for (from, to) in moved.into_iter().rev() {
                let _ = std::fs::rename(to, from);
            }
            let _ = std::fs::remove_dir(&aside);
            return Err(cannot(e));
        }
        moved.push((file, to));
    }
    sync_dir(&aside);
    sync_dir(&paths.dir);
    Ok(Some(aside))
}

fn put_back(aside: &Path, paths: &StorePaths) -> std::io::Result<()> {
    for entry in std::fs::read_dir(aside)? {
        let entry = entry?;
        std::fs::rename(entry.path(), paths.dir.join(entry.file_name()))?;
    }
    std::fs::remove_dir(aside)?;
    sync_dir(&paths.dir);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn utc_day(at: DateTime<Utc>) -> NaiveDate {
        at.date_naive()
    }

    fn kept(dates: &[DateTime<Utc>]) -> Vec<String> {
        let keep = kept_by_rotation(dates, utc_day);
        let mut out: Vec<String> = dates
            .iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(d, _)| d.format("%Y-%m-%d %H:%M").to_string())
            .collect();
        out.sort();
        out
    }

    /// One backup a day at 09:00 for `days` days up to and including `last`.
    fn daily(last: &str, days: i64) -> Vec<DateTime<Utc>> {
        let last = at(last);
        (0..days).map(|i| last - TimeDelta::days(i)).collect()
    }

    #[test]
    fn nothing_to_rotate() {
        assert!(kept_by_rotation(&[], utc_day).is_empty());
        assert_eq!(kept(&[at("2026-03-01T09:00:00Z")]), ["2026-03-01 09:00"]);
    }

    #[test]
    fn a_week_of_daily_backups_is_all_kept() {
        let dates = daily("2026-03-07T09:00:00Z", 7);
        assert!(kept_by_rotation(&dates, utc_day).iter().all(|k| *k));
    }

    #[test]
    fn the_newest_of_a_day_is_the_one_kept() {
        let dates = [
            at("2026-03-07T08:00:00Z"),
            at("2026-03-07T18:00:00Z"),
            at("2026-03-07T12:00:00Z"),
        ];
        assert_eq!(kept_by_rotation(&dates, utc_day), [false, true, false]);
    }

    #[test]
    fn a_year_of_daily_backups_keeps_seven_days_four_weeks_six_months() {
        // Sunday 31 May 2026 is the last day; weeks are ISO weeks (Monday first).
        let dates = daily("2026-05-31T09:00:00Z", 365);
        assert_eq!(
            kept(&dates),
            [
                // Months: the newest backup of each of the last six months.
                "2025-12-31 09:00",
                "2026-01-31 09:00",
                "2026-02-28 09:00",
                "2026-03-31 09:00",
                "2026-04-30 09:00",
                // Weeks: the Sundays ending the last four ISO weeks (the last
                // one is also a day, and the end of May).
                "2026-05-10 09:00",
                "2026-05-17 09:00",
                // Days: the last seven.
                "2026-05-24 09:00",
                "2026-05-25 09:00",
                "2026-05-26 09:00",
                "2026-05-27 09:00",
                "2026-05-28 09:00",
                "2026-05-29 09:00",
                "2026-05-30 09:00",
                "2026-05-31 09:00",
            ]
        );
    }

    #[test]
    fn gaps_count_only_periods_that_have_a_backup() {
        // Away for a month: the last seven days with a backup are kept, even
        // though they span more than a week.
        let mut dates = daily("2026-03-31T09:00:00Z", 3);
        dates.extend(daily("2026-02-27T09:00:00Z", 10));
        let keep = kept_by_rotation(&dates, utc_day);
        assert_eq!(
            keep.iter().filter(|k| **k).count(),
            7 + 1,
            "{:?}",
            kept(&dates)
        );
        assert!(keep.iter().take(7).all(|k| *k));
    }

    #[test]
    fn rotation_follows_the_managers_day() {
        // 23:30 and 00:30 UTC are the same day in New York.
        let dates = [at("2026-03-07T23:30:00Z"), at("2026-03-08T00:30:00Z")];
        let new_york = |at: DateTime<Utc>| (at - TimeDelta::hours(5)).date_naive();
        assert_eq!(kept_by_rotation(&dates, new_york), [false, true]);
        assert_eq!(kept_by_rotation(&dates, utc_day), [true, true]);
    }

    #[test]
    fn the_daily_backup_is_due_once_a_day() {
        let now = at("2026-03-07T15:00:00Z");
        assert!(automatic_backup_due(&[], now, utc_day));
        assert!(automatic_backup_due(
            &[at("2026-03-06T23:59:00Z")],
            now,
            utc_day
        ));
        assert!(!automatic_backup_due(
            &[at("2026-03-07T00:01:00Z")],
            now,
            utc_day
        ));
        // A backup dated in the future (the clock was turned back) does not
        // stand in for today's.
        assert!(automatic_backup_due(
            &[at("2026-03-09T10:00:00Z")],
            now,
            utc_day
        ));
    }

    #[test]
    fn file_names_say_store_time_and_kind() {
        let id = "01936f2e-8a4b-7c3d-9e5f-0123456789ab";
        let when = at("2026-03-07T15:04:05Z");
        let stem = file_stem(id, when, BackupKind::Automatic);
        assert_eq!(stem, "rapport-0123456789ab-20260307-150405-auto");
        let name = format!("{stem}.{EXTENSION}");
        assert_eq!(
            parse_file_name(&name, id),
            Some((when, BackupKind::Automatic))
        );
        let second = format!(
            "{}-2.{EXTENSION}",
            file_stem(id, when, BackupKind::BeforeUpgrade)
        );
        assert_eq!(
            parse_file_name(&second, id),
            Some((when, BackupKind::BeforeUpgrade))
        );
        // Another store's backup, or another file, is not this store's.
        assert_eq!(
            parse_file_name(&name, "01936f2e-8a4b-7c3d-9e5f-ffffffffffff"),
            None
        );
        assert_eq!(parse_file_name("notes.txt", id), None);
        assert_eq!(
            parse_file_name(&format!("rapport-0123456789ab-2026-auto.{EXTENSION}"), id),
            None
        );
        assert_eq!(short_id("fixture-store"), "store");
        assert_eq!(short_id("--"), "store");
    }
}
