//! Table access: one module per table or aggregate. Each owns its row mapping
//! and the handle that reads and writes it (`store.people()`, …); the tables'
//! SQL is in `store/schema/`. Records import the store and each other, never
//! flows or formats.

pub mod actions;
pub mod builtin_templates;
pub mod feedback;
pub mod growth;
pub mod highlights;
pub mod meetings;
pub mod moods;
pub mod people;
pub mod questions;
pub mod recurrence;
pub mod reminder_state;
pub mod search;
pub mod settings;
pub mod share_log;
pub mod templates;
pub mod topics;

/// A name or an action item's title is one line: a line break or a tab
/// would break lists and invites, and SQLite's checks read text only up to a
/// NUL. `whose` starts the message ("A name", "A template's name").
pub(crate) fn check_one_line(whose: &str, name: &str) -> crate::Result<()> {
    if name.chars().any(char::is_control) {
        return Err(crate::Error::invalid(format!(
            "{whose} cannot hold a line break, a tab or another control character."
        )));
    }
    Ok(())
}
