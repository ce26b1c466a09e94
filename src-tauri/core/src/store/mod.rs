//! The encrypted store: opening, creating and checking the SQLCipher database.
//!
//! Opening never writes before the key has been proven right and the file has
//! been read, and never creates a database where one should already be: a
//! missing key, a wrong passphrase or a damaged file leave every byte on disk
//! as it was.

pub mod backup;
#[doc(hidden)]
pub mod bench_support;
pub mod doctor;
mod header;
mod key_change;
pub mod keys;
mod paths;
pub mod schema;

pub use header::{NextKey, StoreHeader};
pub use key_change::ReencryptStep;
pub(crate) use paths::owner_only;
pub use paths::{log_dir, write_private_file, StorePaths, DATA_DIR_ENV, LOG_DIR_ENV};

use crate::clock::Clock;
use crate::error::{Error, ErrorCode, Result};
use crate::store::keys::{DbKey, KeyBackend, KeyStore, RecoveryKey, RecoveryKeyStore, SlotKind};
use crate::time_of_day::ClockHours;
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::sync::Arc;
use std::time::Duration;

/// SQLCipher 4's page size; a whole database file is always a multiple of it.
const PAGE_SIZE: u64 = 4096;
const PLAINTEXT_SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What a data directory holds, judged without any key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirState {
    /// Nothing there yet: a store may be created.
    Empty,
    /// A store whose header names its key backend.
    Present(StoreHeader),
    /// A first run that stopped (a crash, power loss) after writing the header
    /// and before the database took its place. Nothing was stored in it;
    /// creating a store again clears it.
    Unfinished(StoreHeader),
}

/// What doctor and the window say about an unfinished store.
pub const UNFINISHED_MESSAGE: &str = "A first run of Rapport stopped before the notes store was \
     finished; nothing had been stored in it. Open Rapport (or run a command that creates a \
     store) to set it up again.";

/// Looks at a data directory without opening the database.
pub fn inspect(paths: &StorePaths) -> Result<DirState> {
    let header_exists = paths.header.exists();
    let db_exists = paths.db.exists();
    match (header_exists, db_exists) {
        (false, false) => {
            if paths.companions().iter().any(|p| p.exists()) {
                return Err(Error::new(
                    ErrorCode::DatabaseMissing,
                    format!(
                        "{} holds leftovers of a notes database but not the database itself. \
                         Nothing was changed.",
                        paths.dir.display()
                    ),
                ));
            }
            Ok(DirState::Empty)
        }
        (false, true) => Err(Error::new(
            ErrorCode::HeaderMissing,
            format!(
                "{} has a database but no store header ({}), so its key cannot be found. \
                 Nothing was changed.",
                paths.dir.display(),
                paths.header.display()
            ),
        )),
        (true, false) if paths.unfinished_db().exists() => {
            Ok(DirState::Unfinished(StoreHeader::read(&paths.header)?))
        }
        (true, false) => Err(Error::new(
            ErrorCode::DatabaseMissing,
            format!(
                "The notes database {} is missing although its header is there. Restore it from \
                 a backup; nothing was changed.",
                paths.db.display()
            ),
        )),
        (true, true) => {
            let header = StoreHeader::read(&paths.header)?;
            check_db_file(paths)?;
            Ok(DirState::Present(header))
        }
    }
}

/// Cheap structural checks that need no key.
fn check_db_file(paths: &StorePaths) -> Result<()> {
    let mut file = std::fs::File::open(&paths.db)
        .map_err(|e| Error::io("Cannot read the notes database", e))?;
    let len = file
        .metadata()
        .map_err(|e| Error::io("Cannot read the notes database", e))?
        .len();
    let mut first = [0u8; 16];
    if len >= 16 {
        file.read_exact(&mut first)
            .map_err(|e| Error::io("Cannot read the notes database", e))?;
        if &first == PLAINTEXT_SQLITE_MAGIC {
            return Err(Error::new(
                ErrorCode::NotARapportDatabase,
                format!(
                    "{} is an unencrypted SQLite database, not a Rapport store. Nothing was changed.",
                    paths.db.display()
                ),
            ));
        }
    }
    if len == 0 || len % PAGE_SIZE != 0 {
        return Err(Error::new(
            ErrorCode::CorruptDatabase,
            format!(
                "The notes database {} is truncated ({len} bytes). Nothing was changed; restore it \
                 from a backup or an export.",
                paths.db.display()
            ),
        ));
    }
    Ok(())
}

pub struct Store {
    conn: Connection,
    paths: StorePaths,
    header: StoreHeader,
    clock: Arc<dyn Clock>,
    /// Kept while the store is open to rewrap slots; wiped on drop.
    key: DbKey,
    opened_with: SlotKind,
    /// Set when this open moved a version-1 store to key slots.
    moved_to_slots: bool,
    /// How the text Rapport writes from this store says a time of day.
    clock_hours: ClockHours,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("paths", &self.paths)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Creates a new store in an empty data directory.
    pub fn create(paths: &StorePaths, keys: &dyn KeyStore, clock: Arc<dyn Clock>) -> Result<Store> {
        match inspect(paths)? {
            DirState::Empty => {}
            DirState::Unfinished(old) => clear_unfinished(paths, &old, keys),
            DirState::Present(_) => {
                return Err(Error::new(
                    ErrorCode::StoreExists,
                    format!("{} already holds a Rapport store.", paths.dir.display()),
                ))
            }
        }
        std::fs::create_dir_all(&paths.dir)
            .and_then(|()| paths::owner_only(&paths.dir))
            .map_err(|e| Error::io("Cannot create the data directory", e))?;
        if keys.kind() == SlotKind::RecoveryKey {
            return Err(Error::invalid(
                "A new store is protected by the keyring or a passphrase; it gets its recovery key then.",
            ));
        }
        let store_id = crate::ids::new_id();
        let key = DbKey::random();
        let header = StoreHeader::with_slots(
            store_id.clone(),
            &key,
            vec![
                keys.seal(&store_id, &key)?,
                RecoveryKeyStore(RecoveryKey::generate()).seal(&store_id, &key)?,
            ],
        );
        let unfinished = paths.unfinished_db();
        remove_with_companions(&unfinished);
        // Built aside, then the header, then the database takes its place: a
        // crash at any step leaves either nothing or a state `inspect` names.
        let created = (|| {
            let conn = Connection::open_with_flags(
                &unfinished,
                OpenFlags::SQLITE_OPEN_READ_WRITE
                    | OpenFlags::SQLITE_OPEN_CREATE
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            paths::owner_only(&unfinished)
                .map_err(|e| Error::io("Cannot protect the notes database", e))?;
            apply_key(&conn, &key)?;
            // Closing the only connection folds the write-ahead log back in.
            drop(Store::finish_open(
                conn,
                paths,
                header.clone(),
                clock.clone(),
                (key.clone(), keys.kind()),
            )?);
            header.write_new(&paths.header)?;
            std::fs::rename(&unfinished, &paths.db)
                .map_err(|e| Error::io("Cannot put the notes database in place", e))?;
            let conn = Connection::open_with_flags(
                &paths.db,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            apply_key(&conn, &key)?;
            Store::finish_open(
                conn,
                paths,
                header.clone(),
                clock,
                (key.clone(), keys.kind()),
            )
        })();
        if created.is_err() {
            // Leave the directory as it was found.
            remove_store_files(paths);
            keys.discard(&store_id);
        }
        created
    }

    /// Removes a store made moments ago, its key included, after what it was
    /// made for failed (a first run's demo, an import). It holds nothing of
    /// the manager's yet.
    pub fn remove_new(self) {
        let paths = self.paths.clone();
        let header = self.header.clone();
        drop(self);
        remove_store_files(&paths);
        if header.backend() == KeyBackend::Keyring {
            keys::SystemKeyring.discard(&header.store_id);
        }
    }

    /// Opens an existing store. Fails, changing nothing, when the key is missing
    /// or wrong or the file is not a healthy Rapport database.
    pub fn open(paths: &StorePaths, keys: &dyn KeyStore, clock: Arc<dyn Clock>) -> Result<Store> {
        let header = match inspect(paths)? {
            DirState::Empty => {
                return Err(Error::new(
                    ErrorCode::DatabaseMissing,
                    format!("There is no Rapport store in {} yet.", paths.dir.display()),
                ))
            }
            DirState::Unfinished(_) => {
                return Err(Error::new(ErrorCode::DatabaseMissing, UNFINISHED_MESSAGE))
            }
            DirState::Present(header) => header,
        };
        // No CREATE flag: SQLite must never make a fresh database here.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let (conn, key, with_next) = open_with_either_key(paths, &header, keys, flags)?;
        let mut store = Store::finish_open(conn, paths, header, clock, (key, keys.kind()))?;
        if store.header.is_legacy() {
            store.move_to_slots(keys)?;
        }
        if store.header.next_key.is_some() {
            store.settle_reencryption(with_next)?;
        }
        Ok(store)
    }

    /// Opens a store only to look at it (`rapport doctor`, checking a backup):
    /// read-only at the SQLite level, no migration, no move to key slots. A
    /// store with an older schema is shown as it is.
    pub fn open_read_only(
        paths: &StorePaths,
        keys: &dyn KeyStore,
        clock: Arc<dyn Clock>,
    ) -> Result<Store> {
        let header = match inspect(paths)? {
            DirState::Present(header) => header,
            DirState::Empty | DirState::Unfinished(_) => {
                return Err(Error::new(
                    ErrorCode::DatabaseMissing,
                    format!("There is no Rapport store in {} yet.", paths.dir.display()),
                ))
            }
        };
        let read_only = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let [wal, _] = paths.companions();
        let (conn, key, _) = if wal.exists() {
            // Someone has it open (or a crash left its log): read through the log.
            open_with_either_key(paths, &header, keys, read_only)?
        } else {
            // Closed cleanly: the file is the whole store. Opened as immutable,
            // SQLite does not even create the log's shared-memory file.
            open_with_either_key(paths, &header, keys, read_only | OpenFlags::SQLITE_OPEN_URI)?
        };
        conn.pragma_update(None, "query_only", true)?;
        Ok(Store {
            conn,
            paths: paths.clone(),
            header,
            clock,
            key,
            opened_with: keys.kind(),
            moved_to_slots: false,
            clock_hours: ClockHours::default(),
        })
    }

    /// Pragmas, then migrations: the order SQLCipher needs after the key.
    fn finish_open(
        conn: Connection,
        paths: &StorePaths,
        header: StoreHeader,
        clock: Arc<dyn Clock>,
        (key, opened_with): (DbKey, SlotKind),
    ) -> Result<Store> {
        let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > crate::store::schema::LATEST_VERSION {
            return Err(Error::new(
                ErrorCode::SchemaTooNew,
                format!(
                    "This notes database has schema version {version}, newer than this Rapport \
                     understands ({}). Update Rapport to open it; nothing was changed.",
                    crate::store::schema::LATEST_VERSION
                ),
            ));
        }
        if version != 0 && version < crate::store::schema::LATEST_VERSION {
            // A store of an earlier release: a backup first, always, so an
            // upgrade that goes wrong (or a return to that release) loses nothing.
            backup::before_upgrade(&conn, paths, &header, &key, clock.now())?;
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        // Every page read from disk is checked and decrypted; keeping more of
        // them (up to 64 MiB) spares a search over years of notes doing that
        // twice for the same page.
        conn.pragma_update(None, "cache_size", -65_536)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.set_prepared_statement_cache_capacity(64);
        let mut conn = conn;
        // Migrations run with foreign keys off: one that builds a table again
        // must not have the drop of the old one cascade into the rows that
        // point at it. Each such migration checks the keys before it commits.
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        crate::store::schema::migrations().to_latest(&mut conn)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(Store {
            conn,
            paths: paths.clone(),
            header,
            clock,
            key,
            opened_with,
            moved_to_slots: false,
            clock_hours: ClockHours::default(),
        })
    }

    pub fn paths(&self) -> &StorePaths {
        &self.paths
    }

    pub fn header(&self) -> &StoreHeader {
        &self.header
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// The clock of the locale the text written from this store is for:
    /// the window's once it says which, the terminal's on the command line;
    /// 24 hours until then.
    pub fn clock_hours(&self) -> ClockHours {
        self.clock_hours
    }

    pub fn set_clock_hours(&mut self, hours: ClockHours) {
        self.clock_hours = hours;
    }

    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// SQLCipher's page authentication check plus SQLite's structural check;
    /// an empty list means healthy.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        integrity_problems_of(&self.conn)
    }

    pub fn cipher_version(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA cipher_version", [], |r| r.get(0))?)
    }

    pub fn fts5_available(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT sqlite_compileoption_used('ENABLE_FTS5')", [], |r| {
                r.get(0)
            })?)
    }

    /// Whether the store holds anything the manager made (not just settings).
    pub fn is_empty(&self) -> Result<bool> {
        Ok(!self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM agenda_template)",
            [],
            |r| r.get::<_, bool>(0),
        )?)
    }

    /// Runs `f` over one snapshot of the store: every statement in it sees the
    /// same notes, and a read of thousands of rows (a search, the calendar)
    /// takes SQLite's read lock once instead of once a statement. Inside a
    /// transaction already open, `f` simply runs in it.
    pub fn read<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        self.transaction("BEGIN DEFERRED", f)
    }

    /// Runs `f` in one transaction: all of it is stored, or none of it. The
    /// transaction is the only way to a record handle that can write.
    pub fn write<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        self.transaction("BEGIN IMMEDIATE", |store| f(&Tx { store }))
    }

    /// Runs `f` between `begin` and its COMMIT. Whatever failed, the COMMIT
    /// too, the transaction ends, so the next read or write can begin.
    fn transaction<T>(&self, begin: &str, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.conn.execute_batch(begin)?;
        let outcome = f(self).and_then(|value| {
            self.conn.execute_batch("COMMIT")?;
            Ok(value)
        });
        if !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        outcome
    }

    /// The connection, for the record modules; writes go through `write`.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// What a record handle may do: read (from the store) or also write (from a
/// transaction).
pub struct Reading;
pub struct Writing;

/// An open transaction: everything the store reads, plus record handles
/// that write. Only `Store::write` makes one, so a write outside a
/// transaction does not compile:
///
/// ```no_run
/// # fn f(store: &mut rapport_core::Store, person: &rapport_core::records::people::Person) {
/// store.write(|tx| tx.people().insert(person)).unwrap();
/// # }
/// ```
///
/// ```compile_fail
/// # fn f(store: &mut rapport_core::Store, person: &rapport_core::records::people::Person) {
/// store.people().insert(person).unwrap();
/// # }
/// ```
pub struct Tx<'a> {
    store: &'a Store,
}

impl Tx<'_> {
    pub(crate) fn conn(&self) -> &Connection {
        &self.store.conn
    }
}

impl std::ops::Deref for Tx<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        self.store
    }
}

/// The database (finished or not), its companions and the header.
fn remove_store_files(paths: &StorePaths) {
    remove_with_companions(&paths.unfinished_db());
    remove_with_companions(&paths.db);
    let _ = std::fs::remove_file(&paths.header);
}

fn remove_with_companions(db: &std::path::Path) {
    let _ = std::fs::remove_file(db);
    for suffix in ["-wal", "-shm"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(std::path::PathBuf::from(name));
    }
}

/// Clears what an interrupted first run left: its header, its unfinished
/// database and the key it made.
fn clear_unfinished(paths: &StorePaths, old: &StoreHeader, keys: &dyn KeyStore) {
    remove_store_files(paths);
    if SlotKind::from(old.backend()) == keys.kind() {
        keys.discard(&old.store_id);
    } else if old.backend() == KeyBackend::Keyring {
        keys::SystemKeyring.discard(&old.store_id);
    }
}

/// Opens the database with the header's data key, or, when a re-encryption
/// was cut short after the pages took the new key, with the new one. Says
/// which key it was.
fn open_with_either_key(
    paths: &StorePaths,
    header: &StoreHeader,
    keys: &dyn KeyStore,
    flags: OpenFlags,
) -> Result<(Connection, DbKey, bool)> {
    let key = keys::key_for(header, keys)?;
    let err = match open_keyed(paths, &key, flags) {
        Ok(conn) => return Ok((conn, key, false)),
        Err(err) => err,
    };
    match keys::next_key_for(header, keys) {
        Some(Ok(next)) => match open_keyed(paths, &next, flags) {
            Ok(conn) => Ok((conn, next, true)),
            Err(_) => Err(err),
        },
        _ => Err(err),
    }
}

/// Opens the file with `key` and reads the schema, the first read that needs
/// the right key. The key matched the header's fingerprint, so a failure here
/// means damage.
fn open_keyed(paths: &StorePaths, key: &DbKey, flags: OpenFlags) -> Result<Connection> {
    let conn = if flags.contains(OpenFlags::SQLITE_OPEN_URI) {
        Connection::open_with_flags(immutable_uri(&paths.db), flags)?
    } else {
        Connection::open_with_flags(&paths.db, flags)?
    };
    apply_key(&conn, key)?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| match Error::from(e) {
        err if err.code == ErrorCode::CorruptDatabase => err,
        other => Error::new(
            ErrorCode::CorruptDatabase,
            format!("The notes database cannot be read: {other}"),
        ),
    })?;
    Ok(conn)
}

/// A `file:` URI that opens `path` read-only without touching anything beside it.
fn immutable_uri(path: &std::path::Path) -> String {
    let mut uri = String::from("file:");
    for c in path.display().to_string().chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

fn apply_key(conn: &Connection, key: &DbKey) -> Result<()> {
    // Damaged pages are reported through our errors; SQLCipher's own log
    // would only print to the terminal.
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    // `PRAGMA key` must come before anything reads; a raw key skips SQLCipher's PBKDF2.
    let value = key.pragma_value();
    conn.pragma_update(None, "key", value.as_str())?;
    let cipher: Option<String> = conn
        .query_row("PRAGMA cipher_version", [], |r| r.get(0))
        .ok();
    if cipher.as_deref().unwrap_or("").is_empty() {
        return Err(Error::new(
            ErrorCode::Storage,
            "This build of Rapport lacks encryption support; refusing to store notes unencrypted.",
        ));
    }
    Ok(())
}

/// SQLCipher's page authentication check plus SQLite's structural check;
/// an empty list means healthy.
fn integrity_problems_of(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut cipher = conn.prepare("PRAGMA cipher_integrity_check")?;
    let rows = cipher.query_map([], |r| r.get::<_, String>(0))?;
    for row in rows {
        problems.push(row?);
    }
    // SQLite's check also walks the search index, whose reader stops at the
    // first damaged page with an error instead of a line: that is a finding
    // of the check too.
    let structural = (|| -> rusqlite::Result<Vec<String>> {
        let mut check = conn.prepare("PRAGMA integrity_check")?;
        let rows = check.query_map([], |r| r.get::<_, String>(0))?;
        rows.filter(|line| !matches!(line.as_deref(), Ok("ok")))
            .collect()
    })();
    match structural {
        Ok(lines) => problems.extend(lines),
        Err(err) => problems.push(format!("The check stopped at damaged data: {err}")),
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic with its message

    use super::*;
    use crate::clock::FixedClock;
    use crate::store::keys::MemoryKeyStore;

    /// A series for a person who does not exist, its foreign key checked
    /// only at COMMIT: the COMMIT fails.
    const SERIES_OF_NOBODY: &str = "PRAGMA defer_foreign_keys = ON;
         INSERT INTO series (id, person_id, frequency, weekday, local_time, time_zone,
             duration_minutes, format, starts_on, created_at, updated_at)
         VALUES ('s1', 'nobody', 'weekly', 'mon', '09:00', 'UTC', 30, 'video',
             '2026-01-05', '', '');";

    /// A transaction that fails at its COMMIT.
    type FailingCommit = fn(&mut Store) -> Result<()>;

    /// SQLite leaves the transaction open when COMMIT itself fails; without a
    /// rollback every later write would fail with "cannot start a transaction
    /// within a transaction". Reads and writes share the runner that rolls
    /// back. Nothing on a user's path writes inside a read: the read here
    /// writes only to give its COMMIT something to fail on.
    #[test]
    fn a_failed_commit_is_rolled_back_and_later_reads_and_writes_work() {
        let failing: [(&str, FailingCommit); 2] = [
            ("write", |store| {
                store.write(|tx| Ok(tx.store.conn.execute_batch(SERIES_OF_NOBODY)?))
            }),
            ("read", |store| {
                store.read(|s| Ok(s.conn.execute_batch(SERIES_OF_NOBODY)?))
            }),
        ];
        for (runner, fail) in failing {
            let dir = tempfile::tempdir().unwrap();
            let clock = Arc::new(FixedClock::new(chrono::Utc::now()));
            let mut store = Store::create(
                &StorePaths::in_dir(dir.path()),
                &MemoryKeyStore::new(),
                clock,
            )
            .unwrap();
            assert!(
                fail(&mut store).is_err(),
                "{runner}: the commit should fail on the foreign key"
            );
            assert!(
                store.conn.is_autocommit(),
                "{runner}: the transaction was left open"
            );
            let series = store
                .read(|s| {
                    Ok(s.conn
                        .query_row("SELECT count(*) FROM series", [], |r| r.get::<_, i64>(0))?)
                })
                .unwrap();
            assert_eq!(series, 0, "{runner}: the failed transaction's row was kept");
            let later = store.write(|tx| {
                tx.store.conn.execute_batch(
                    "INSERT INTO person (id, name, level, created_at, updated_at)
                         VALUES ('p1', 'Ada', 'junior', '', '')",
                )?;
                Ok(())
            });
            assert!(later.is_ok(), "{runner}: {later:?}");
        }
    }

    /// A read is one snapshot: a person another connection adds while it
    /// runs is seen only by the next read. A failed read ends its snapshot,
    /// and a read inside a write runs in the write's transaction.
    #[test]
    fn a_read_sees_one_snapshot_and_always_ends_it() {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::new(chrono::Utc::now()));
        let keys = MemoryKeyStore::new();
        let paths = StorePaths::in_dir(dir.path());
        let mut writer = Store::create(&paths, &keys, clock.clone()).unwrap();
        let reader = Store::open(&paths, &keys, clock).unwrap();
        let people = |s: &Store| -> Result<i64> {
            Ok(s.conn
                .query_row("SELECT count(*) FROM person", [], |r| r.get(0))?)
        };
        let add = |tx: &Tx<'_>, id: &str| -> Result<()> {
            tx.store.conn.execute(
                "INSERT INTO person (id, name, level, created_at, updated_at)
                     VALUES (?1, 'Ada', 'junior', '', '')",
                [id],
            )?;
            Ok(())
        };

        let seen = reader
            .read(|s| {
                let before = people(s)?;
                writer.write(|tx| add(tx, "p1"))?;
                Ok((before, people(s)?))
            })
            .unwrap();
        assert_eq!(seen, (0, 0), "the read saw a row added after it began");
        assert!(reader.conn.is_autocommit(), "the snapshot was left open");
        assert_eq!(reader.read(people).unwrap(), 1);

        let failed = reader.read(|s| {
            people(s)?;
            Err::<(), _>(Error::invalid("a read that fails"))
        });
        assert!(failed.is_err());
        assert!(
            reader.conn.is_autocommit(),
            "a failed read left its snapshot open"
        );

        let inside = writer
            .write(|tx| {
                add(tx, "p2")?;
                tx.read(people)
            })
            .unwrap();
        assert_eq!(inside, 2, "a read inside a write sees the write");
    }
}
