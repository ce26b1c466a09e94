//! Finding a person, a template or a 1:1 from what someone types: an id, a name, or
//! `next` / `last` for a person's coming or latest 1:1.

use crate::error::{Error, Result};
use crate::flows::search::fold;
use crate::records::meetings::{Meeting, MeetingStatus};
use crate::records::people::Person;
use crate::records::templates::TemplateView;
use crate::store::Store;

/// The items called `query`, case and accents aside; when none is, those
/// whose name holds it. The caller says what none or several mean.
fn named<'a, T>(items: &'a [T], query: &str, name: impl Fn(&T) -> &str) -> Vec<&'a T> {
    let wanted = fold(query.trim());
    let exact: Vec<&T> = items
        .iter()
        .filter(|item| fold(name(item).trim()) == wanted)
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    items
        .iter()
        .filter(|item| fold(name(item)).contains(wanted.as_ref()))
        .collect()
}

/// An agenda template by name, as `template:` in a search gives it.
pub fn template(store: &Store, query: &str) -> Result<TemplateView> {
    let templates = store.templates().all()?;
    match named(&templates, query, |t| &t.name).as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(Error::not_found(format!(
            "No agenda template is called \"{query}\"."
        ))),
        many => Err(Error::invalid(format!(
            "\"{query}\" matches several templates: {}. Use more of the name.",
            many.iter()
                .map(|t| t.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// A person by id, or by name (case and accents aside): the whole name, else a
/// unique first name or part of a name. Several matches are refused, naming them.
pub fn person(store: &Store, query: &str) -> Result<Person> {
    let query = query.trim();
    if query.is_empty() {
        return Err(Error::invalid("Say which person (an id or a name)."));
    }
    let people = store.people().list()?;
    if let Some(p) = people.iter().find(|p| p.id == query) {
        return Ok(p.clone());
    }
    let candidates = named(&people, query, |p| &p.name);
    match candidates.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(Error::not_found(format!(
            "No one called \"{query}\" is in your notes."
        ))),
        many => Err(Error::invalid(format!(
            "\"{query}\" matches several people: {}. Use more of the name or the id.",
            many.iter()
                .map(|p| format!("{} ({})", p.name, p.id))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// A 1:1 by id, or `next` / `last` of the given person.
pub fn meeting(store: &Store, query: &str, person_query: Option<&str>) -> Result<Meeting> {
    let query = query.trim();
    let keyword = query.to_ascii_lowercase();
    if keyword == "next" || keyword == "last" {
        let Some(person_query) = person_query else {
            return Err(Error::invalid(format!(
                "--meeting {keyword} needs --person to say whose 1:1."
            )));
        };
        let person = person(store, person_query)?;
        let now = store.clock().now();
        let found = if keyword == "next" {
            store.schedule().current_or_next(&person.id, now)?
        } else {
            store.schedule().last_completed(&person.id)?
        };
        return match found {
            Some(m) => store.schedule().get_meeting(&m.id),
            None if keyword == "next" => Err(Error::not_found(format!(
                "No 1:1 with {} is coming up.",
                person.name
            ))),
            None => Err(Error::not_found(format!(
                "{} has no held 1:1 yet.",
                person.name
            ))),
        };
    }
    let meeting = store.schedule().get_meeting(query).map_err(|e| {
        if e.code == crate::error::ErrorCode::NotFound {
            Error::not_found(format!(
                "No 1:1 has the id \"{query}\" (use an id, or next / last with --person)."
            ))
        } else {
            e
        }
    })?;
    if let Some(person_query) = person_query {
        let person = person(store, person_query)?;
        if person.id != meeting.person_id {
            return Err(Error::invalid(format!(
                "That 1:1 is not with {}.",
                person.name
            )));
        }
    }
    Ok(meeting)
}

/// Whether notes of this 1:1 can be shared: it has been held.
pub fn require_held(meeting: &Meeting) -> Result<()> {
    match meeting.status {
        MeetingStatus::Completed | MeetingStatus::InProgress => Ok(()),
        MeetingStatus::Scheduled => Err(Error::invalid(
            "That 1:1 has not taken place yet, so it has no notes to share.",
        )),
        MeetingStatus::Cancelled => Err(Error::invalid(
            "That 1:1 was cancelled, so it has no notes to share.",
        )),
    }
}
