//! `rapport recovery-key` and `rapport key …`: how a store is unlocked. Each
//! rewraps the data key in the store's header; the notes are not re-encrypted.

use crate::{open, GlobalArgs};
use clap::{Args, Subcommand};
use rapport_core::flows::access::{self, supplied_passphrase, KeyChangeRequest};
use rapport_core::store::keys::{KeyBackend, SystemKeyring};
use rapport_core::store::keys::{KeyStore, PassphraseKeyStore};
use rapport_core::{Error, ErrorCode, Result, StorePaths};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

#[derive(Debug, Args)]
pub struct RecoveryKeyArgs {
    /// Where to save the recovery key: a new file only you can read.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Make a new recovery key; the old one no longer opens the store.
    #[arg(long)]
    pub replace: bool,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Unlock with a passphrase from now on (read from --new-passphrase-file,
    /// else asked twice on the terminal).
    SetPassphrase {
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
    },
    /// Unlock through the system keyring from now on.
    UseKeyring,
    /// Re-encrypt everything with a new data key, for when the key may have
    /// leaked. Every way of unlocking keeps working; the passphrase of a
    /// passphrase store is asked again (or read from --passphrase-file).
    Reencrypt,
}

pub fn recovery_key(global: &GlobalArgs, paths: &StorePaths, args: RecoveryKeyArgs) -> Result<i32> {
    let mut store = open(global, paths)?;
    access::save_recovery_key(&mut store, &args.out, args.replace, args.force)?;
    if args.replace {
        eprintln!("A new recovery key was made; the old one no longer opens this store.");
    }
    eprintln!(
        "Recovery key saved in {} (readable by you only). Keep a copy away from this computer.",
        args.out.display()
    );
    Ok(0)
}

pub fn key(global: &GlobalArgs, paths: &StorePaths, command: KeyCommand) -> Result<i32> {
    let request = match command {
        KeyCommand::Reencrypt => return reencrypt(global, paths),
        KeyCommand::SetPassphrase {
            new_passphrase_file,
        } => KeyChangeRequest {
            backend: KeyBackend::Passphrase,
            passphrase: Some(new_passphrase(new_passphrase_file.as_deref())?.to_string()),
        },
        KeyCommand::UseKeyring => {
            if !SystemKeyring::is_available() {
                return Err(Error::new(
                    ErrorCode::KeyringUnavailable,
                    "No system keyring is reachable; nothing was changed.",
                ));
            }
            KeyChangeRequest {
                backend: KeyBackend::Keyring,
                passphrase: None,
            }
        }
    };
    let backend = request.backend;
    let mut store = open(global, paths)?;
    access::change_key(&mut store, request, &SystemKeyring)?;
    eprintln!(
        "{}",
        match backend {
            KeyBackend::Passphrase => "The store now opens with the new passphrase.",
            KeyBackend::Keyring => "The store now opens through the system keyring.",
        }
    );
    Ok(0)
}

fn new_passphrase(file: Option<&Path>) -> Result<Zeroizing<String>> {
    if let Some(file) = file {
        let text = Zeroizing::new(std::fs::read_to_string(file).map_err(|e| {
            Error::io(
                &format!("Cannot read the passphrase file {}", file.display()),
                e,
            )
        })?);
        return Ok(Zeroizing::new(
            text.trim_end_matches(['\n', '\r']).to_string(),
        ));
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::invalid(
            "Give the new passphrase with --new-passphrase-file FILE.",
        ));
    }
    let first = Zeroizing::new(
        rpassword::prompt_password("New passphrase: ")
            .map_err(|e| Error::io("Cannot read the passphrase", e))?,
    );
    let again = Zeroizing::new(
        rpassword::prompt_password("Repeat it: ")
            .map_err(|e| Error::io("Cannot read the passphrase", e))?,
    );
    if first != again {
        return Err(Error::invalid(
            "The two passphrases differ; nothing was changed.",
        ));
    }
    Ok(first)
}

fn reencrypt(global: &GlobalArgs, paths: &StorePaths) -> Result<i32> {
    let mut store = open(global, paths)?;
    let everyday: Box<dyn KeyStore> = match store.header().backend() {
        KeyBackend::Keyring => Box::new(SystemKeyring),
        KeyBackend::Passphrase => {
            let passphrase = match supplied_passphrase(global.passphrase_file.as_deref())? {
                Some(passphrase) => passphrase,
                None if std::io::stdin().is_terminal() => Zeroizing::new(
                    rpassword::prompt_password("Passphrase: ")
                        .map_err(|e| Error::io("Cannot read the passphrase", e))?,
                ),
                None => {
                    return Err(Error::new(
                        ErrorCode::PassphraseRequired,
                        "Confirm with the store's passphrase (RAPPORT_PASSPHRASE or \
                         --passphrase-file).",
                    ))
                }
            };
            Box::new(PassphraseKeyStore::new(passphrase))
        }
    };
    store.reencrypt(everyday.as_ref())?;
    eprintln!(
        "Every page of the store is now encrypted with a new key. Your passphrase or keyring \
         entry and your recovery key still open it; backups made before keep the old key."
    );
    Ok(0)
}
