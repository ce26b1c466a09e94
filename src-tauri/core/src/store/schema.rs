//! The schema, one SQL file a version in `schema/`, named after the version it
//! creates. The version is SQLite's `user_version`; a release only ever appends.

use rusqlite_migration::{Migrations, M};

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("schema/v01_settings.sql")),
    M::up(include_str!("schema/v02_people.sql")),
    M::up(include_str!("schema/v03_templates.sql")),
    M::up(include_str!("schema/v04_series_meetings_agenda.sql")),
    M::up(include_str!("schema/v05_action_items.sql")),
    M::up(include_str!("schema/v06_highlights.sql")),
    M::up(include_str!("schema/v07_meeting_indexes.sql")),
    M::up(include_str!("schema/v08_reminders.sql")),
    M::up(include_str!("schema/v09_share_log.sql")),
    // The index, then the same rebuild `SearchIndex::rebuild` runs.
    M::up(concat!(
        include_str!("schema/v10_search.sql"),
        include_str!("schema/search_rebuild.sql")
    )),
    M::up(include_str!("schema/v11_topics.sql")),
    M::up(include_str!("schema/v12_coaching.sql")),
    M::up(include_str!("schema/v13_twice_weekly.sql")).foreign_key_check(),
    M::up(include_str!("schema/v14_cancelled_by.sql")),
    M::up(include_str!("schema/v15_last_weekday.sql")),
    M::up(include_str!("schema/v16_series_slots.sql")),
];

pub const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

/// The migrations up to and including `version`: how databases of earlier
/// releases looked, for the upgrade tests' fixtures.
#[doc(hidden)]
pub fn migrations_up_to(version: u32) -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS.get(..version as usize).unwrap_or(MIGRATIONS))
}
