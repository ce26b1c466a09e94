//! Rapport's command line: thin calls into the core. It links no GUI toolkit,
//! so a command starts in milliseconds; the window's binary hands it every
//! subcommand. Errors print their message and exit non-zero.

use clap::{Args, Parser, Subcommand};
use rapport_core::flows::access::{self, supplied_passphrase};
use rapport_core::flows::demo::DemoOptions;
use rapport_core::formats::exchange;
use rapport_core::store::keys::{KeyBackend, SystemKeyring};
use rapport_core::store::{inspect, DirState};
use rapport_core::time_of_day::{self, ClockHours};
use rapport_core::{Error, ErrorCode, Result, Store, StorePaths, SystemClock};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod backups;
mod keys;
mod search;
mod sharing;
mod stats;

#[derive(Debug, Parser)]
#[command(
    name = "rapport",
    version,
    about = "Private 1:1 notes for managers. `rapport` without a command opens the app.",
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

mod notifications;

fn main() {
    // Before any thread starts: the passphrase leaves the environment.
    let _ = access::take_passphrase_env();
    let cli = Cli::parse();
    std::process::exit(run(&cli.global, cli.command));
}

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Where the notes store lives (default: RAPPORT_DATA_DIR, else the platform's data directory).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Unlock (or create) a passphrase-protected store with the passphrase in FILE.
    /// RAPPORT_PASSPHRASE does the same.
    #[arg(long, global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
    /// Unlock the store with the recovery key saved in FILE (when its keyring
    /// entry or passphrase is lost).
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        conflicts_with = "passphrase_file"
    )]
    pub recovery_key_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the store: data directory, key, schema, integrity, keyring and notifications.
    Doctor {
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Fill an empty store with a realistic demo team.
    Demo {
        #[arg(long, default_value_t = 6)]
        people: u32,
        #[arg(long, default_value_t = 1)]
        years: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Export data.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Import data.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Save the store's recovery key in a new file (or make a new one with --replace).
    RecoveryKey(keys::RecoveryKeyArgs),
    /// Change how the store is unlocked: a passphrase or the system keyring.
    #[command(subcommand)]
    Key(keys::KeyCommand),
    /// Write an encrypted backup of the store to FILE; it opens with the
    /// store's passphrase or keyring entry, or with its recovery key.
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Replace the store with a backup, after checking it fully. Asks nothing;
    /// the store it replaces is kept in a folder in the data directory. Quit
    /// the Rapport window first. On a new computer, open the backup with
    /// --passphrase-file or --recovery-key-file.
    Restore {
        file: PathBuf,
        /// Restore even when the data directory holds another store than the
        /// one the backup was made of.
        #[arg(long)]
        replace_other_store: bool,
    },
    /// Check a backup fully (checksum, key, integrity) without restoring it.
    VerifyBackup { file: PathBuf },
    /// Search every note, agenda, action item, highlight and focus area.
    /// Exits 0 when something matched, 1 when nothing did, 2 on a bad query.
    Search(search::SearchArgs),
    /// The team numbers of a period (the last 90 days by default): 1:1s
    /// held and cancelled, length, action items done and overdue, career
    /// talks, mood, and who is under the 80% targets and why.
    Stats(stats::StatsArgs),
    /// The coming 1:1s with their local and UTC start and reminder times.
    Upcoming {
        /// How many days ahead.
        #[arg(long, default_value_t = 7)]
        days: u32,
        /// Print the list as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The complete store, private notes included, as versioned JSON.
    Json {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// A calendar invite (.ics): a person's recurring 1:1 or one 1:1.
    Ics(sharing::IcsArgs),
    /// The shared notes of a 1:1 for the IC (never private notes).
    Shared(sharing::SharedArgs),
    /// A Markdown vault: a folder per person with a running document and one file per 1:1.
    Vault(sharing::VaultArgs),
    /// A person's review packet for a period (Markdown or printable HTML):
    /// manager only, unless --shareable leaves every private field out.
    Review(sharing::ReviewArgs),
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// A JSON export, into an empty store (created if there is none).
    Json { file: PathBuf },
    /// A person's recurring 1:1 from another app's calendar file (.ics).
    Ics {
        file: PathBuf,
        /// Whose 1:1: an id or a name.
        #[arg(long, value_name = "PERSON")]
        person: String,
    },
}

fn run(global: &GlobalArgs, command: Command) -> i32 {
    match execute(global, command) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("rapport: {}", err.message);
            1
        }
    }
}

fn execute(global: &GlobalArgs, command: Command) -> Result<i32> {
    let paths = StorePaths::resolve(global.data_dir.as_deref());
    match command {
        Command::Doctor { json } => doctor(global, &paths, json),
        Command::RecoveryKey(args) => keys::recovery_key(global, &paths, args),
        Command::Key(command) => keys::key(global, &paths, command),
        Command::Demo {
            people,
            years,
            seed,
        } => {
            let options = DemoOptions {
                people,
                years,
                seed,
            };
            let (mut store, _) = open_or_create(global, &paths)?;
            let summary = rapport_core::flows::demo::generate(&mut store, options)?;
            println!(
                "Demo team added to {}: {} people, {} meetings, {} action items, {} wins and concerns.",
                paths.dir.display(),
                summary.people,
                summary.meetings,
                summary.action_items,
                summary.highlights
            );
            Ok(0)
        }
        Command::Export(ExportCommand::Json { out, force }) => {
            let store = open(global, &paths)?;
            let json = exchange::export_json(&store)?;
            write_private_file(&out, json.as_bytes(), force)?;
            eprintln!(
                "Exported to {}. The file holds your private notes unencrypted: keep it safe.",
                out.display()
            );
            Ok(0)
        }
        Command::Export(ExportCommand::Ics(args)) => sharing::export_ics(global, &paths, args),
        Command::Export(ExportCommand::Shared(args)) => {
            sharing::export_shared(global, &paths, args)
        }
        Command::Export(ExportCommand::Vault(args)) => sharing::export_vault(global, &paths, args),
        Command::Export(ExportCommand::Review(args)) => {
            sharing::export_review(global, &paths, args)
        }
        Command::Import(ImportCommand::Ics { file, person }) => {
            sharing::import_ics(global, &paths, &file, &person)
        }
        Command::Upcoming { days, json } => sharing::upcoming(global, &paths, days, json),
        Command::Search(args) => Ok(search::run(global, &paths, args)),
        Command::Stats(args) => stats::run(global, &paths, args),
        Command::Backup { out, force } => backups::back_up(global, &paths, &out, force),
        Command::Restore {
            file,
            replace_other_store,
        } => backups::restore(global, &paths, &file, replace_other_store),
        Command::VerifyBackup { file } => backups::verify(global, &file),
        Command::Import(ImportCommand::Json { file }) => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| Error::io(&format!("Cannot read {}", file.display()), e))?;
            // Everything is checked before a store is even created.
            let doc = exchange::parse_json(&text)?;
            let (mut store, created) = open_or_create(global, &paths)?;
            if let Err(err) = exchange::import(&mut store, &doc) {
                if created {
                    store.remove_new();
                }
                return Err(err);
            }
            println!(
                "Imported {} people and {} meetings into {}.",
                doc.people.len(),
                doc.meetings.len(),
                paths.dir.display()
            );
            Ok(0)
        }
    }
}

fn doctor(global: &GlobalArgs, paths: &StorePaths, json: bool) -> Result<i32> {
    let keys = doctor_keys(global, paths)?;
    let env = rapport_core::store::doctor::Environment {
        keyring_reachable: SystemKeyring::is_available(),
        notification_service_reachable: notifications::service_reachable(),
    };
    let report =
        rapport_core::store::doctor::diagnose(paths, keys.as_ref(), Arc::new(SystemClock), env);
    if json {
        let text = serde_json::to_string_pretty(&report)
            .map_err(|e| Error::new(ErrorCode::Io, e.to_string()))?;
        println!("{text}");
    } else {
        let yes_no = |b: bool| if b { "yes" } else { "no" };
        println!("Data directory:        {}", report.data_dir);
        println!("Log directory:         {}", report.log_dir);
        println!(
            "Store:                 {}",
            if report.store_present {
                "present"
            } else {
                "none"
            }
        );
        if let Some(backend) = report.key_backend {
            println!("Key backend:           {}", backend_name(backend));
        }
        if report.store_present {
            println!(
                "Recovery key:          {}",
                match report.recovery_key_confirmed {
                    Some(true) => "saved",
                    Some(false) => "not saved yet (rapport recovery-key --out FILE)",
                    None => "made when the store is next opened",
                }
            );
        }
        if let Some(v) = report.schema_version {
            println!(
                "Schema version:        {v} (latest {})",
                report.latest_schema_version
            );
        }
        if let Some(c) = &report.cipher_version {
            println!("Encryption:            SQLCipher {c}");
        }
        if let Some(f) = report.fts5 {
            println!("Full-text search:      {}", yes_no(f));
        }
        if report.problem.is_none() && report.store_present {
            if report.integrity.is_empty() {
                println!("Integrity check:       ok");
            } else {
                println!("Integrity check:       FAILED");
                for line in report.integrity.iter().take(10) {
                    println!("  {line}");
                }
            }
        }
        if let (Some(p), Some(m)) = (report.people, report.meetings) {
            println!("Contents:              {p} people, {m} meetings");
        }
        println!(
            "Keyring reachable:     {}",
            yes_no(report.keyring_reachable)
        );
        println!(
            "Notifications:         {}",
            match report.notification_service_reachable {
                Some(true) => "reachable",
                Some(false) => "no notification service",
                None => "not checked on this platform",
            }
        );
        if let Some(problem) = &report.problem {
            println!("Problem:               {}", problem.message);
        }
        println!("Healthy:               {}", yes_no(report.healthy));
    }
    Ok(if report.healthy { 0 } else { 1 })
}

fn backend_name(backend: KeyBackend) -> &'static str {
    match backend {
        KeyBackend::Keyring => "system keyring",
        KeyBackend::Passphrase => "passphrase (Argon2id)",
    }
}

/// Doctor reports on a passphrase store even without its passphrase, so it
/// takes the key store itself: supplied, asked for on a terminal, or the keyring.
fn doctor_keys(
    global: &GlobalArgs,
    paths: &StorePaths,
) -> Result<Box<dyn rapport_core::store::keys::KeyStore>> {
    if let Some(file) = &global.recovery_key_file {
        return access::recovery_key_store(file);
    }
    let mut passphrase = supplied_passphrase(global.passphrase_file.as_deref())?;
    if passphrase.is_none()
        && access::stored_backend(paths) == Some(KeyBackend::Passphrase)
        && std::io::stdin().is_terminal()
    {
        let typed = rpassword::prompt_password("Passphrase: ")
            .map_err(|e| Error::io("Cannot read the passphrase", e))?;
        passphrase = Some(zeroize::Zeroizing::new(typed));
    }
    Ok(access::key_store(passphrase))
}

/// Opens the store: with a supplied passphrase, through the keyring, or,
/// for a passphrase store on a terminal, with a passphrase asked for there.
fn open(global: &GlobalArgs, paths: &StorePaths) -> Result<Store> {
    let mut store = open_quietly(global, paths)?;
    store.set_clock_hours(terminal_clock());
    if store.moved_to_slots() {
        eprintln!(
            "This store now has a recovery key, which opens it if the keyring entry or \
             passphrase is ever lost. Save it with `rapport recovery-key --out FILE`."
        );
    }
    Ok(store)
}

fn open_quietly(global: &GlobalArgs, paths: &StorePaths) -> Result<Store> {
    if let Some(file) = &global.recovery_key_file {
        let keys = access::recovery_key_store(file)?;
        return Store::open(paths, keys.as_ref(), Arc::new(SystemClock));
    }
    let supplied = supplied_passphrase(global.passphrase_file.as_deref())?;
    if let Some(opened) = access::open_unattended(paths, supplied, Arc::new(SystemClock)) {
        return opened;
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::new(
            ErrorCode::PassphraseRequired,
            "This notes store is protected by a passphrase. Set RAPPORT_PASSPHRASE or use \
             --passphrase-file.",
        ));
    }
    let typed = rpassword::prompt_password("Passphrase: ")
        .map_err(|e| Error::io("Cannot read the passphrase", e))?;
    access::open_unattended(
        paths,
        Some(zeroize::Zeroizing::new(typed)),
        Arc::new(SystemClock),
    )
    .unwrap_or_else(|| {
        Err(Error::new(
            ErrorCode::PassphraseRequired,
            "Enter your passphrase.",
        ))
    })
}

/// The 12- or 24-hour clock of the terminal's locale, which what the command
/// line writes for a person (an exported note, a series' rhythm) follows.
pub(crate) fn terminal_clock() -> ClockHours {
    time_of_day::terminal_clock(|name| std::env::var(name).ok())
}

/// Opens the store, or creates one where there is none yet. The flag says
/// whether it was created now.
fn open_or_create(global: &GlobalArgs, paths: &StorePaths) -> Result<(Store, bool)> {
    if let DirState::Present(_) = inspect(paths)? {
        return Ok((open(global, paths)?, false));
    }
    let supplied = supplied_passphrase(global.passphrase_file.as_deref())?;
    let mut created = access::open_or_create(paths, supplied, Arc::new(SystemClock))?;
    created.0.set_clock_hours(terminal_clock());
    eprintln!(
        "Created a new encrypted store in {}. Save its recovery key, which opens it if the \
         keyring entry or passphrase is ever lost: `rapport recovery-key --out FILE`.",
        paths.dir.display()
    );
    Ok(created)
}

/// The first (or last) day of the day, month, quarter or year given to
/// `--FLAG`, as `--from` and `--to` take them.
fn period_bound(value: Option<&str>, flag: &str, first: bool) -> Result<Option<chrono::NaiveDate>> {
    value
        .map(|v| {
            rapport_core::flows::search_query::period(v)
                .map(|(start, end)| if first { start } else { end })
                .ok_or_else(|| {
                    Error::invalid(format!(
                        "--{flag} {v} is not a date: write a day (2025-07-01), a month (2025-07), \
                         a quarter (2025-Q3) or a year (2025)."
                    ))
                })
        })
        .transpose()
}

/// Writes a file only its owner can read, whole or not at all.
fn write_private_file(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    rapport_core::store::write_private_file(path, bytes, force)
}
