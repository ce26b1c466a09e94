//! Table access: one module per table or aggregate. Each owns its row mapping
//! and the handle that reads and writes it (`store.people()`, …); the tables'
//! SQL is in `store/schema/`. Records import the store and each other, never
//! flows or formats.

pub mod actions;
pub mod builtin_templates;
pub mod highlights;
pub mod meetings;
pub mod people;
pub mod recurrence;
pub mod reminder_state;
pub mod settings;
pub mod share_log;
pub mod templates;
