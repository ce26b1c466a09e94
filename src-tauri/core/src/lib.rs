//! Rapport's core: domain, encrypted store and everything the app and the CLI
//! do with it. No UI code and no Tauri here.

mod text_enum;

pub mod access;
pub mod actions;
pub mod bindings;
pub mod clock;
pub mod demo;
pub mod doctor;
pub mod error;
pub mod exchange;
pub mod highlights;
pub mod ics;
pub mod ids;
pub mod keys;
pub mod lookup;
pub mod people;
pub mod person_page;
pub mod prep;
pub mod recurrence;
pub mod reminders;
pub mod schedule;
pub mod scheduling;
pub mod schema;
pub mod session;
pub mod settings;
pub mod share_log;
pub mod shared_notes;
pub mod sharing;
pub mod store;
pub mod talking_points;
pub mod templates;
pub mod today;
pub mod upcoming;
pub mod vault;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{Error, ErrorCode, Result};
pub use store::{Store, StorePaths};
