//! `RAPPORT_PASSPHRASE` is read once and then gone from the environment, so
//! programs Rapport starts never inherit it. Its own binary: it changes the
//! process's environment.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

use rapport_core::flows::access::{
    forget_passphrase_env, supplied_passphrase, take_passphrase_env, PASSPHRASE_ENV,
};

#[test]
fn the_passphrase_leaves_the_environment_once_read() {
    std::env::set_var(PASSPHRASE_ENV, "correct horse battery");
    let taken = take_passphrase_env();
    assert_eq!(
        taken.as_deref().map(String::as_str),
        Some("correct horse battery")
    );
    assert!(std::env::var_os(PASSPHRASE_ENV).is_none());
    // A child process started now does not see it.
    let child = std::process::Command::new("env").output().unwrap();
    assert!(!String::from_utf8_lossy(&child.stdout).contains(PASSPHRASE_ENV));
    // Later readers still get it, from the process's own copy.
    let again = supplied_passphrase(None).unwrap();
    assert_eq!(
        again.as_deref().map(String::as_str),
        Some("correct horse battery")
    );
    // Locking the window wipes it: a passphrase is typed again from then on.
    forget_passphrase_env();
    assert!(supplied_passphrase(None).unwrap().is_none());
    assert!(take_passphrase_env().is_none());
}
