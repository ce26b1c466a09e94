//! The people a manager holds 1:1s with, and their `person` table.

use crate::error::{Error, Result};
use crate::store::{Reading, Writing};
use crate::text_enum::text_enum;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;
use ts_rs::TS;

text_enum! {
    /// Career level; it proposes a cadence and a career-talk rhythm.
    pub enum Level {
        Junior = "junior",
        Confirmed = "confirmed",
        Senior = "senior",
        StaffPlus = "staff_plus",
    }
}

text_enum! {
    /// How often 1:1s happen.
    pub enum Cadence {
        Weekly = "weekly",
        Biweekly = "biweekly",
        Monthly = "monthly",
    }
}

impl Level {
    /// The recommended cadence by level (career framework: junior weekly, senior
    /// and staff+ every two weeks; confirmed either, weekly proposed).
    pub fn proposed_cadence(self) -> Cadence {
        match self {
            Level::Junior | Level::Confirmed => Cadence::Weekly,
            Level::Senior | Level::StaffPlus => Cadence::Biweekly,
        }
    }

    /// How long a 1:1 proposes to last (seed 001: 30–45 minutes for a
    /// junior, who has more to learn and ask; 30 for everyone else).
    pub fn proposed_duration_minutes(self) -> u32 {
        match self {
            Level::Junior => 45,
            Level::Confirmed | Level::Senior | Level::StaffPlus => 30,
        }
    }

    /// How often a career conversation is due: every other week for juniors,
    /// monthly for confirmed and senior, every two months for staff+.
    pub fn proposed_career_talk_days(self) -> u32 {
        match self {
            Level::Junior => 14,
            Level::Confirmed | Level::Senior => 30,
            Level::StaffPlus => 60,
        }
    }
}

/// A person as stored and exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub email: Option<String>,
    pub role: String,
    pub level: Level,
    pub start_date: Option<NaiveDate>,
    pub focus_areas: Vec<String>,
    /// The manager's override of the level's proposed cadence.
    pub cadence: Option<Cadence>,
    pub career_talk_every_days: Option<u32>,
    pub default_template_id: Option<String>,
    pub archived: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What the sidebar needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PersonSummary {
    pub id: String,
    pub name: String,
    pub email: Option<String>,
    pub role: String,
    pub level: Level,
    pub archived: bool,
}

pub struct People<'a, A = Reading> {
    pub(crate) conn: &'a Connection,
    pub(crate) access: PhantomData<A>,
}

const PERSON_COLUMNS: &str = "id, name, email, role, level, start_date, focus_areas, cadence, \
     career_talk_every_days, default_template_id, archived, created_at, updated_at";

impl<A> People<'_, A> {
    /// Everyone, archived included, by name.
    pub fn list(&self) -> Result<Vec<Person>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM person ORDER BY name COLLATE NOCASE, id"
        ))?;
        let rows = stmt.query_map([], person_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn summaries(&self) -> Result<Vec<PersonSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, email, role, level, archived FROM person ORDER BY name COLLATE NOCASE, id",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(PersonSummary {
                id: row.get(0)?,
                name: row.get(1)?,
                email: row.get(2)?,
                role: row.get(3)?,
                level: row.get(4)?,
                archived: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn count(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM person", [], |r| r.get(0))?)
    }

    pub fn get(&self, id: &str) -> Result<Person> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {PERSON_COLUMNS} FROM person WHERE id = ?1"
            ))?
            .query_row([id], person_from_row)
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => {
                    Error::not_found("That person is no longer in Rapport.")
                }
                other => other.into(),
            })
    }

    /// Everyone not archived, by name.
    pub fn active(&self) -> Result<Vec<Person>> {
        Ok(self.list()?.into_iter().filter(|p| !p.archived).collect())
    }

    fn check_template(&self, template_id: &Option<String>) -> Result<()> {
        crate::records::templates::Templates::<Reading> {
            conn: self.conn,
            access: PhantomData,
        }
        .require_known(template_id.as_deref())
    }
}

impl People<'_, Writing> {
    pub fn insert(&self, person: &Person) -> Result<()> {
        validate(person)?;
        self.conn
            .prepare_cached(&format!(
                "INSERT INTO person ({PERSON_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
            ))?
            .execute(params![
                person.id,
                person.name.trim(),
                person.email,
                person.role,
                person.level,
                person.start_date,
                serde_json::to_value(&person.focus_areas).map_err(|e| Error::invalid(e.to_string()))?,
                person.cadence,
                person.career_talk_every_days,
                person.default_template_id,
                person.archived,
                person.created_at,
                person.updated_at,
            ])?;
        Ok(())
    }

    pub fn create(&self, input: PersonInput, now: DateTime<Utc>) -> Result<Person> {
        let mut person = Person {
            id: crate::ids::new_id(),
            name: String::new(),
            email: None,
            role: String::new(),
            level: input.level,
            start_date: None,
            focus_areas: Vec::new(),
            cadence: None,
            career_talk_every_days: None,
            default_template_id: None,
            archived: false,
            created_at: now,
            updated_at: now,
        };
        person.apply(input);
        self.check_template(&person.default_template_id)?;
        self.insert(&person)?;
        Ok(person)
    }

    pub fn update(&self, id: &str, input: PersonInput, now: DateTime<Utc>) -> Result<Person> {
        let mut person = self.get(id)?;
        person.apply(input);
        person.updated_at = now;
        validate(&person)?;
        self.check_template(&person.default_template_id)?;
        self.write_row(&person)?;
        Ok(person)
    }

    pub fn set_archived(&self, id: &str, archived: bool, now: DateTime<Utc>) -> Result<Person> {
        let mut person = self.get(id)?;
        person.archived = archived;
        person.updated_at = now;
        self.write_row(&person)?;
        Ok(person)
    }

    /// Forgets a template as anyone's default (it is being deleted).
    pub(crate) fn clear_default_template(&self, template_id: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE person SET default_template_id = NULL WHERE default_template_id = ?1",
            )?
            .execute([template_id])?;
        Ok(())
    }

    fn write_row(&self, person: &Person) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE person SET name = ?2, email = ?3, role = ?4, level = ?5, start_date = ?6,
                   focus_areas = ?7, cadence = ?8, career_talk_every_days = ?9,
                   default_template_id = ?10, archived = ?11, updated_at = ?12 WHERE id = ?1",
            )?
            .execute(params![
                person.id,
                person.name,
                person.email,
                person.role,
                person.level,
                person.start_date,
                serde_json::to_value(&person.focus_areas)
                    .map_err(|e| Error::invalid(e.to_string()))?,
                person.cadence,
                person.career_talk_every_days,
                person.default_template_id,
                person.archived,
                person.updated_at,
            ])?;
        Ok(())
    }
}
/// What the manager types when adding or editing a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    pub name: String,
    pub email: Option<String>,
    pub role: String,
    pub level: Level,
    pub start_date: Option<NaiveDate>,
    pub focus_areas: Vec<String>,
    pub cadence: Option<Cadence>,
    pub career_talk_every_days: Option<u32>,
    pub default_template_id: Option<String>,
}

impl Person {
    /// The cadence in force: the manager's override or the level's proposal.
    pub fn effective_cadence(&self) -> Cadence {
        self.cadence
            .unwrap_or_else(|| self.level.proposed_cadence())
    }

    pub fn effective_career_talk_days(&self) -> u32 {
        self.career_talk_every_days
            .unwrap_or_else(|| self.level.proposed_career_talk_days())
    }

    fn apply(&mut self, input: PersonInput) {
        let blank_to_none =
            |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        self.name = input.name.trim().to_string();
        self.email = blank_to_none(input.email);
        self.role = input.role.trim().to_string();
        self.level = input.level;
        self.start_date = input.start_date;
        self.focus_areas = input
            .focus_areas
            .into_iter()
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty())
            .collect();
        self.cadence = input.cadence;
        self.career_talk_every_days = input.career_talk_every_days;
        self.default_template_id = blank_to_none(input.default_template_id);
    }
}

impl Cadence {
    /// Days between 1:1s at this cadence.
    pub fn days(self) -> i64 {
        match self {
            Cadence::Weekly => 7,
            Cadence::Biweekly => 14,
            Cadence::Monthly => 30,
        }
    }
}

fn person_from_row(row: &Row<'_>) -> rusqlite::Result<Person> {
    let focus: serde_json::Value = row.get(6)?;
    Ok(Person {
        id: row.get(0)?,
        name: row.get(1)?,
        email: row.get(2)?,
        role: row.get(3)?,
        level: row.get(4)?,
        start_date: row.get(5)?,
        focus_areas: serde_json::from_value(focus).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(6, rusqlite::types::Type::Text, Box::new(e))
        })?,
        cadence: row.get(7)?,
        career_talk_every_days: row.get(8)?,
        default_template_id: row.get(9)?,
        archived: row.get(10)?,
        created_at: row.get(11)?,
        updated_at: row.get(12)?,
    })
}

pub(crate) fn validate(person: &Person) -> Result<()> {
    if person.name.trim().is_empty() {
        return Err(Error::invalid("A person needs a name."));
    }
    super::check_one_line("A name", &person.name)?;
    if let Some(email) = &person.email {
        check_email_address(email)?;
    }
    if person.career_talk_every_days == Some(0) {
        return Err(Error::invalid(
            "The career-talk rhythm must be at least one day.",
        ));
    }
    Ok(())
}

/// An address that can go into an e-mail header as it is: text on both sides
/// of one `@`, and no white space, control character or character that ends
/// or splits an address, so nobody can add a header or a recipient through it.
pub(crate) fn check_email_address(email: &str) -> Result<()> {
    let shaped = email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && !domain.is_empty() && !domain.contains('@')
    });
    let breaking = email
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "<>,;:\"()[]\\".contains(c));
    if shaped && !breaking {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "\"{}\" is not an e-mail address.",
            email.escape_debug()
        )))
    }
}

/// Adds a person (one transaction, clock from the store).
pub fn create(store: &mut crate::Store, input: PersonInput) -> Result<Person> {
    let now = store.clock().now();
    store.write(|s| s.people().create(input, now))
}

pub fn update(store: &mut crate::Store, id: &str, input: PersonInput) -> Result<Person> {
    let now = store.clock().now();
    store.write(|s| s.people().update(id, input, now))
}

/// Archives a person (kept with their history, out of the way) or brings them back.
pub fn set_archived(store: &mut crate::Store, id: &str, archived: bool) -> Result<Person> {
    let now = store.clock().now();
    store.write(|s| s.people().set_archived(id, archived, now))
}

impl crate::store::Store {
    pub fn people(&self) -> People<'_> {
        People {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

impl crate::store::Tx<'_> {
    pub fn people(&self) -> People<'_, Writing> {
        People {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check_email_address;

    #[test]
    fn an_address_that_could_break_a_header_is_refused() {
        assert!(check_email_address("ada.okafor@example.com").is_ok());
        for bad in [
            "ada@example.com\nBcc: all@example.com",
            "ada@example.com\r\n",
            "Ada <ada@example.com>",
            "ada@example.com, eve@example.com",
            "ada@@example.com",
            "@example.com",
            "ada@",
            "ada",
            "ada\u{0}@example.com",
        ] {
            assert!(check_email_address(bad).is_err(), "{bad:?}");
        }
    }
}
