//! The ordered list of schema migrations. Each table module owns its SQL; this
//! list only fixes the order. The schema version is SQLite's `user_version`.

use rusqlite_migration::{Migrations, M};

const MIGRATIONS: &[M<'static>] = &[
    // 1: settings and people
    M::up(crate::settings::MIGRATION_V1),
    M::up(crate::people::MIGRATION_V1),
    // 3: templates, series, meetings and agendas
    M::up(crate::templates::MIGRATION_V2),
    M::up(crate::schedule::MIGRATION_V2),
    // 5: action items and their history
    M::up(crate::actions::MIGRATION_V3),
    // 6: wins and concerns
    M::up(crate::highlights::MIGRATION_V4),
    // 7: faster per-person meeting lookups
    M::up(crate::schedule::MIGRATION_V5),
    // 8: reminders shown, snoozed, and their offsets
    M::up(crate::reminders::MIGRATION_V1),
    // 9: what was shared with whom
    M::up(crate::share_log::MIGRATION_V1),
];

pub const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

/// The migrations up to and including `version`: how databases of earlier
/// releases looked, for the upgrade tests' fixtures.
#[doc(hidden)]
pub fn migrations_up_to(version: u32) -> Migrations<'static> {
    Migrations::from_slice(&MIGRATIONS[..(version as usize).min(MIGRATIONS.len())])
}
