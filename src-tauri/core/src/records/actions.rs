//! Action items (commitments with an owner, due date and status) and the dated
//! history of their status changes. Tables `action_item`, `action_item_event`.
//! "Overdue" is computed from the due date, never stored.

use crate::error::{Error, Result};
use crate::store::{Reading, Writing};
use crate::text_enum::text_enum;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;
use ts_rs::TS;

text_enum! {
    /// Who has to do it: the report (IC) or the manager.
    pub enum Owner { Ic = "ic", Manager = "manager" }
}

text_enum! {
    pub enum ActionStatus {
        Open = "open", Partial = "partial", Done = "done", Escalated = "escalated", Dropped = "dropped",
    }
}

text_enum! {
    /// How much it matters now (seed 002's P1 and P2); most items have none.
    pub enum Priority { P1 = "p1", P2 = "p2" }
}

impl ActionStatus {
    /// Still somebody's to do.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ActionStatus::Open | ActionStatus::Partial | ActionStatus::Escalated
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    pub status: ActionStatus,
    pub due_on: Option<NaiveDate>,
    pub changed_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub id: String,
    pub person_id: String,
    pub meeting_id: Option<String>,
    pub title: String,
    pub owner: Owner,
    /// None: ongoing, no date.
    pub due_on: Option<NaiveDate>,
    pub status: ActionStatus,
    /// Absent from exports written before items had a priority.
    #[serde(default)]
    pub priority: Option<Priority>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Every status or due-date change, oldest first.
    pub history: Vec<StatusChange>,
}

impl ActionItem {
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due_on.is_some_and(|due| due < today)
    }
}

pub struct Actions<'a, A = Reading> {
    pub(crate) conn: &'a Connection,
    pub(crate) access: PhantomData<A>,
}

impl<A> Actions<'_, A> {
    pub fn list(&self) -> Result<Vec<ActionItem>> {
        let mut history: std::collections::HashMap<String, Vec<StatusChange>> = Default::default();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT action_item_id, status, due_on, changed_at FROM action_item_event
                 ORDER BY action_item_id, position",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                history.entry(row.get(0)?).or_default().push(StatusChange {
                    status: row.get(1)?,
                    due_on: row.get(2)?,
                    changed_at: row.get(3)?,
                });
            }
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM action_item ORDER BY created_at, id"
        ))?;
        let rows = stmt.query_map([], item_from_row)?;
        let mut items: Vec<ActionItem> = rows.collect::<rusqlite::Result<_>>()?;
        for item in &mut items {
            item.history = history.remove(&item.id).unwrap_or_default();
        }
        Ok(items)
    }

    pub fn get(&self, id: &str) -> Result<ActionItem> {
        let mut item = self
            .conn
            .prepare_cached(&format!(
                "SELECT {ITEM_COLUMNS} FROM action_item WHERE id = ?1"
            ))?
            .query_row([id], item_from_row)
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => {
                    Error::not_found("That action item no longer exists.")
                }
                other => other.into(),
            })?;
        self.attach_history(std::slice::from_mut(&mut item))?;
        Ok(item)
    }

    fn attach_history(&self, items: &mut [ActionItem]) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT status, due_on, changed_at FROM action_item_event
             WHERE action_item_id = ?1 ORDER BY position",
        )?;
        for item in items {
            let rows = stmt.query_map([&item.id], |row| {
                Ok(StatusChange {
                    status: row.get(0)?,
                    due_on: row.get(1)?,
                    changed_at: row.get(2)?,
                })
            })?;
            item.history = rows.collect::<rusqlite::Result<_>>()?;
        }
        Ok(())
    }

    /// A person's open items, plus the ones closed since `closed_since` (so a
    /// completion shows at the next 1:1), oldest first.
    pub fn carried_for(
        &self,
        person_id: &str,
        closed_since: Option<DateTime<Utc>>,
    ) -> Result<Vec<ActionItem>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM action_item WHERE person_id = ?1
               AND (status IN ('open', 'partial', 'escalated') OR (?2 IS NOT NULL AND updated_at >= ?2))
             ORDER BY created_at, id"
        ))?;
        let rows = stmt.query_map(params![person_id, closed_since], item_from_row)?;
        let mut items: Vec<ActionItem> = rows.collect::<rusqlite::Result<_>>()?;
        self.attach_history(&mut items)?;
        Ok(items)
    }

    /// A person's items, oldest first.
    pub fn of_person(&self, person_id: &str) -> Result<Vec<ActionItem>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM action_item WHERE person_id = ?1 ORDER BY created_at, id"
        ))?;
        let rows = stmt.query_map([person_id], item_from_row)?;
        let mut items: Vec<ActionItem> = rows.collect::<rusqlite::Result<_>>()?;
        self.attach_history(&mut items)?;
        Ok(items)
    }

    /// Items created in one meeting.
    pub fn of_meeting(&self, meeting_id: &str) -> Result<Vec<ActionItem>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM action_item WHERE meeting_id = ?1 ORDER BY created_at, id"
        ))?;
        let rows = stmt.query_map([meeting_id], item_from_row)?;
        let mut items: Vec<ActionItem> = rows.collect::<rusqlite::Result<_>>()?;
        self.attach_history(&mut items)?;
        Ok(items)
    }

    /// Open items across the team that were due before `today`, most overdue first.
    pub fn overdue(&self, today: NaiveDate) -> Result<Vec<ActionItem>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM action_item
             WHERE status IN ('open', 'partial', 'escalated') AND due_on IS NOT NULL AND due_on < ?1
             ORDER BY due_on, id"
        ))?;
        let rows = stmt.query_map([today], item_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Actions<'_, Writing> {
    pub fn insert(&self, item: &ActionItem) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO action_item (id, person_id, meeting_id, title, owner, due_on, status, priority, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                item.id,
                item.person_id,
                item.meeting_id,
                item.title,
                item.owner,
                item.due_on,
                item.status,
                item.priority,
                item.created_at,
                item.updated_at,
            ])?;
        let mut event = self.conn.prepare_cached(
            "INSERT INTO action_item_event (action_item_id, position, status, due_on, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (position, change) in item.history.iter().enumerate() {
            event.execute(params![
                item.id,
                position as i64,
                change.status,
                change.due_on,
                change.changed_at
            ])?;
        }
        Ok(())
    }

    fn append_event(&self, item: &ActionItem, at: DateTime<Utc>) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO action_item_event (action_item_id, position, status, due_on, changed_at)
                 VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM action_item_event WHERE action_item_id = ?1), ?2, ?3, ?4)",
            )?
            .execute(params![item.id, item.status, item.due_on, at])?;
        Ok(())
    }

    pub fn create(
        &self,
        person_id: &str,
        input: ActionInput,
        now: DateTime<Utc>,
    ) -> Result<ActionItem> {
        let item = ActionItem {
            id: crate::ids::new_id(),
            person_id: person_id.to_string(),
            meeting_id: input.meeting_id,
            title: clean_title(&input.title)?,
            owner: input.owner,
            due_on: input.due_on,
            status: ActionStatus::Open,
            priority: input.priority,
            created_at: now,
            updated_at: now,
            history: vec![StatusChange {
                status: ActionStatus::Open,
                due_on: input.due_on,
                changed_at: now,
            }],
        };
        self.insert(&item)?;
        Ok(item)
    }

    /// Changes the status; the change is dated and kept in the history.
    pub fn set_status(
        &self,
        id: &str,
        status: ActionStatus,
        now: DateTime<Utc>,
    ) -> Result<ActionItem> {
        let mut item = self.get(id)?;
        if item.status == status {
            return Ok(item);
        }
        item.status = status;
        item.updated_at = now;
        self.write_row(&item)?;
        self.append_event(&item, now)?;
        self.get(id)
    }

    /// New title, owner, due date or priority. A new due date is dated and
    /// kept in the history next to the status changes, so "was due 24 Nov"
    /// stays readable after it moved.
    pub fn edit(&self, id: &str, edit: ActionEdit, now: DateTime<Utc>) -> Result<ActionItem> {
        let mut item = self.get(id)?;
        let title = clean_title(&edit.title)?;
        let due_moved = item.due_on != edit.due_on;
        if item.title == title
            && item.owner == edit.owner
            && !due_moved
            && item.priority == edit.priority
        {
            return Ok(item);
        }
        item.title = title;
        item.owner = edit.owner;
        item.due_on = edit.due_on;
        item.priority = edit.priority;
        item.updated_at = now;
        self.write_row(&item)?;
        if due_moved {
            self.append_event(&item, now)?;
        }
        self.get(id)
    }

    pub fn delete(&self, id: &str) -> Result<()> {
        let removed = self
            .conn
            .prepare_cached("DELETE FROM action_item WHERE id = ?1")?
            .execute([id])?;
        if removed == 0 {
            return Err(Error::not_found("That action item no longer exists."));
        }
        Ok(())
    }

    fn write_row(&self, item: &ActionItem) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE action_item SET title = ?2, owner = ?3, due_on = ?4, status = ?5, priority = ?6,
                 updated_at = ?7 WHERE id = ?1",
            )?
            .execute(params![
                item.id,
                item.title,
                item.owner,
                item.due_on,
                item.status,
                item.priority,
                item.updated_at
            ])?;
        Ok(())
    }
}
/// A new action item, as typed during a session or on the person page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ActionInput {
    pub title: String,
    pub owner: Owner,
    pub due_on: Option<NaiveDate>,
    pub meeting_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub priority: Option<Priority>,
}

/// An existing item's fields as the manager edits them; its status changes
/// through `set_status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ActionEdit {
    pub title: String,
    pub owner: Owner,
    pub due_on: Option<NaiveDate>,
    pub priority: Option<Priority>,
}

/// An action item with what the app computes about it today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ActionItemView {
    #[serde(flatten)]
    #[ts(flatten)]
    pub item: ActionItem,
    pub overdue: bool,
    /// Days past the due date, when overdue.
    #[ts(type = "number | null")]
    pub days_overdue: Option<i64>,
}

impl ActionItemView {
    pub fn new(item: ActionItem, today: NaiveDate) -> Self {
        let overdue = item.is_overdue(today);
        let days_overdue = item
            .due_on
            .filter(|_| overdue)
            .map(|due| (today - due).num_days());
        ActionItemView {
            item,
            overdue,
            days_overdue,
        }
    }
}

const ITEM_COLUMNS: &str =
    "id, person_id, meeting_id, title, owner, due_on, status, priority, created_at, updated_at";

fn item_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ActionItem> {
    Ok(ActionItem {
        id: row.get(0)?,
        person_id: row.get(1)?,
        meeting_id: row.get(2)?,
        title: row.get(3)?,
        owner: row.get(4)?,
        due_on: row.get(5)?,
        status: row.get(6)?,
        priority: row.get(7)?,
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
        history: Vec::new(),
    })
}

fn clean_title(title: &str) -> Result<String> {
    let title = title.trim();
    if title.is_empty() {
        return Err(Error::invalid("An action item needs a title."));
    }
    super::check_one_line("An action item's title", title)?;
    Ok(title.to_string())
}

/// Marks progress on an item (the manager can mark an IC's item done too).
pub fn set_status(
    store: &mut crate::Store,
    id: &str,
    status: ActionStatus,
) -> Result<ActionItemView> {
    let now = store.clock().now();
    let item = store.write(|s| s.actions().set_status(id, status, now))?;
    Ok(ActionItemView::new(item, store.clock().day_of(now)))
}

/// Edits an item from wherever it shows (session, prepare, person page).
pub fn edit(store: &mut crate::Store, id: &str, edit: ActionEdit) -> Result<ActionItemView> {
    let now = store.clock().now();
    let item = store.write(|s| s.actions().edit(id, edit, now))?;
    Ok(ActionItemView::new(item, store.clock().day_of(now)))
}

pub fn delete(store: &mut crate::Store, id: &str) -> Result<()> {
    store.write(|s| s.actions().delete(id))
}

impl crate::store::Store {
    pub fn actions(&self) -> Actions<'_> {
        Actions {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

impl crate::store::Tx<'_> {
    pub fn actions(&self) -> Actions<'_, Writing> {
        Actions {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(status: ActionStatus, due: Option<&str>) -> ActionItem {
        let at = DateTime::parse_from_rfc3339("2024-11-01T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        ActionItem {
            id: "a".into(),
            person_id: "p".into(),
            meeting_id: None,
            title: "t".into(),
            owner: Owner::Ic,
            due_on: due.map(|d| d.parse().unwrap()),
            status,
            priority: None,
            created_at: at,
            updated_at: at,
            history: vec![],
        }
    }

    #[test]
    fn overdue_is_open_and_past_due() {
        let today: NaiveDate = "2024-11-28".parse().unwrap();
        assert!(item(ActionStatus::Open, Some("2024-11-27")).is_overdue(today));
        assert!(item(ActionStatus::Partial, Some("2024-11-01")).is_overdue(today));
        assert!(!item(ActionStatus::Open, Some("2024-11-28")).is_overdue(today));
        assert!(!item(ActionStatus::Done, Some("2024-11-01")).is_overdue(today));
        assert!(!item(ActionStatus::Dropped, Some("2024-11-01")).is_overdue(today));
        assert!(!item(ActionStatus::Open, None).is_overdue(today));
    }
}
