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
pub mod team_facts;
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

/// A record's words sit in one of two fields: the shareable one, or the
/// manager-only one the export names `private_…`. This puts them in the
/// field their privacy says, the other left empty.
pub(crate) fn by_privacy<T>(words: T, private: bool) -> (Option<T>, Option<T>) {
    if private {
        (None, Some(words))
    } else {
        (Some(words), None)
    }
}

/// The words of a record and whether they are private, read back from its
/// two fields; `what` names the record when both or neither hold them.
pub(crate) fn words_of<'a, T>(
    shareable: &'a Option<T>,
    private: &'a Option<T>,
    what: &str,
) -> crate::Result<(&'a T, bool)> {
    match (shareable, private) {
        (Some(words), None) => Ok((words, false)),
        (None, Some(words)) => Ok((words, true)),
        _ => Err(crate::Error::invalid(format!(
            "{what} is either shareable or private, exactly one of them."
        ))),
    }
}
