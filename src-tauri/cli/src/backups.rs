//! Backups from the command line: write one, check one, restore one. Each is
//! a call into the core, which checks a backup fully before it replaces
//! anything.

use super::{open, terminal_clock, GlobalArgs};
use rapport_core::flows::access::{self, supplied_passphrase};
use rapport_core::store::backup::{self, BackupInfo, RestoreOptions};
use rapport_core::store::keys::{KeyBackend, KeyStore, SlotKind};
use rapport_core::time_of_day::clock_time;
use rapport_core::{Clock, Error, Result, StorePaths, SystemClock};
use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;

pub fn back_up(global: &GlobalArgs, paths: &StorePaths, out: &Path, force: bool) -> Result<i32> {
    let store = open(global, paths)?;
    let info = store.back_up_to(out, force)?;
    println!(
        "Backed up {} to {} ({}).",
        contents(&info),
        out.display(),
        size(info.bytes)
    );
    println!("{}", opens_with(info.key_backend));
    Ok(0)
}

pub fn verify(global: &GlobalArgs, file: &Path) -> Result<i32> {
    let keys = backup_keys(global, file)?;
    let info = backup::verify_backup(file, keys.as_ref())?;
    println!(
        "{} is a healthy backup, made {}: {}, schema version {}.",
        file.display(),
        when(&info),
        contents(&info),
        info.schema_version
    );
    println!("{}", opens_with(info.key_backend));
    Ok(0)
}

pub fn restore(
    global: &GlobalArgs,
    paths: &StorePaths,
    file: &Path,
    replace_other_store: bool,
) -> Result<i32> {
    let keys = backup_keys(global, file)?;
    let restored = backup::restore(
        file,
        paths,
        keys.as_ref(),
        Arc::new(SystemClock),
        RestoreOptions {
            replace_other_store,
        },
    )?;
    println!(
        "Restored the backup made {} ({}) into {}.",
        when(&restored.backup),
        contents(&restored.backup),
        paths.dir.display()
    );
    match &restored.replaced {
        Some(replaced) => println!(
            "The store it replaced is kept in {}; delete that folder once you have checked \
             your notes.",
            replaced.kept_in
        ),
        None => println!("There was no store there before."),
    }
    if restored.store.opened_with() == SlotKind::RecoveryKey {
        println!(
            "It was opened with its recovery key. Choose how it unlocks on this computer: \
             `rapport key set-passphrase --recovery-key-file FILE` or \
             `rapport key use-keyring --recovery-key-file FILE`."
        );
    }
    Ok(0)
}

/// The key store for a backup: a recovery key file, a supplied passphrase,
/// else one typed on a terminal when the backup needs one, else the system
/// keyring.
fn backup_keys(global: &GlobalArgs, file: &Path) -> Result<Box<dyn KeyStore>> {
    if let Some(recovery) = &global.recovery_key_file {
        return access::recovery_key_store(recovery);
    }
    let mut passphrase = supplied_passphrase(global.passphrase_file.as_deref())?;
    if passphrase.is_none()
        && std::io::stdin().is_terminal()
        && backup::inspect_backup(file)?.key_backend == KeyBackend::Passphrase
    {
        let typed = rpassword::prompt_password("Passphrase of the backup: ")
            .map_err(|e| Error::io("Cannot read the passphrase", e))?;
        passphrase = Some(zeroize::Zeroizing::new(typed));
    }
    Ok(access::key_store(passphrase))
}

fn contents(info: &BackupInfo) -> String {
    let count = |n: Option<u64>, one: &str, many: &str| match n {
        Some(1) => format!("1 {one}"),
        Some(n) => format!("{n} {many}"),
        None => format!("no {many}"),
    };
    format!(
        "{} and {}",
        count(info.people, "person", "people"),
        count(info.meetings, "meeting", "meetings")
    )
}

fn when(info: &BackupInfo) -> String {
    let zone = SystemClock.zone();
    let at = info.created_at.with_timezone(&zone.tz());
    format!(
        "{} {} {}",
        at.format("%Y-%m-%d"),
        clock_time(&at, terminal_clock()),
        at.format("%Z")
    )
}

fn size(bytes: u64) -> String {
    const MIB: f64 = 1024.0 * 1024.0;
    if bytes as f64 >= MIB / 10.0 {
        format!("{:.1} MiB", bytes as f64 / MIB)
    } else {
        format!("{} KiB", bytes.div_ceil(1024))
    }
}

fn opens_with(backend: KeyBackend) -> &'static str {
    match backend {
        KeyBackend::Passphrase => {
            "It is encrypted: it opens with the store's passphrase as it was when the backup \
             was made, or with the store's recovery key."
        }
        KeyBackend::Keyring => {
            "It is encrypted: it opens with the store's key in this computer's keyring, or \
             elsewhere with the store's recovery key."
        }
    }
}
