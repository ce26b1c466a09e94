//! The UI's TypeScript types must match the Rust types. Regenerate with
//! `make bindings` (RAPPORT_UPDATE_BINDINGS=1).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

use std::path::PathBuf;

#[test]
fn ui_bindings_are_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.ts");
    let expected = rapport_core::bindings::typescript();
    if std::env::var_os("RAPPORT_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "ui/src/lib/bindings.ts is stale: run `make bindings` and commit the result"
    );
}
