//! The rows the team numbers are computed from (`flows::team_stats`): one
//! read model over meetings, agenda items, action items and their history,
//! highlights and mood check-ins. It only reads; each of those tables is
//! written by its own module. The reads are shaped for the numbers (one query
//! per table for the whole team and period), so the Team screen stays fast
//! on a store of many years.

use crate::error::Result;
use crate::records::actions::{ActionStatus, Owner};
use crate::records::highlights::HighlightKind;
use crate::records::meetings::{CancelledBy, MeetingStatus};
use crate::store::Reading;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};
use std::collections::HashMap;
use std::marker::PhantomData;

/// One 1:1 scheduled in the period, as the numbers see it.
#[derive(Debug, Clone)]
pub struct MeetingFact {
    pub id: String,
    pub person_id: String,
    pub status: MeetingStatus,
    pub scheduled_start: DateTime<Utc>,
    pub original_start: Option<DateTime<Utc>>,
    pub planned_minutes: u32,
    pub started_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    pub cancelled_by: Option<CancelledBy>,
    pub cancel_reason: Option<String>,
    pub agenda_items: u32,
    pub agenda_done: u32,
    /// The zone it was planned in, to show its time as everywhere else.
    pub time_zone: crate::zone::Zone,
}

/// One action item as it stood at an instant, rebuilt from its dated history
/// (so an item reopened after the period counts as done in it, and one done
/// after it as open).
#[derive(Debug, Clone)]
pub struct ItemFact {
    pub id: String,
    pub person_id: String,
    pub title: String,
    pub owner: Owner,
    pub created_at: DateTime<Utc>,
    pub status: ActionStatus,
    pub due_on: Option<NaiveDate>,
    /// When it last became done, if it is done at that instant.
    pub done_at: Option<DateTime<Utc>>,
}

/// A mood check-in's score on its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoodFact {
    pub on: NaiveDate,
    pub score: u8,
}

/// The dates a person's rhythm is measured from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Milestones {
    pub last_held: Option<DateTime<Utc>>,
    pub last_career_talk: Option<DateTime<Utc>>,
    pub first_held: Option<DateTime<Utc>>,
}

pub struct TeamFacts<'a, A = Reading> {
    pub(crate) conn: &'a Connection,
    pub(crate) access: PhantomData<A>,
}

/// A stored instant, read with chrono's RFC 3339 parser: several times
/// faster than the general one, which matters over ten years of a team's
/// 1:1s and action items. Anything it does not take goes the general way.
fn instant(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<DateTime<Utc>> {
    let value = row.get_ref(index)?;
    if let Ok(text) = value.as_str() {
        if let Ok(at) = DateTime::parse_from_rfc3339(text) {
            return Ok(at.with_timezone(&Utc));
        }
    }
    row.get(index)
}

fn instant_or_null(
    row: &rusqlite::Row<'_>,
    index: usize,
) -> rusqlite::Result<Option<DateTime<Utc>>> {
    match row.get_ref(index)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        _ => instant(row, index).map(Some),
    }
}

/// Up to this long a period, the team's action items are looked up through
/// their indexes rather than read whole (see `items_at`).
const CANDIDATE_SETS_UP_TO_DAYS: i64 = 400;

/// `AND person_id = ?n` when the numbers are for one person.
fn person_clause(column: &str, index: usize, person: Option<&str>) -> String {
    person.map_or_else(String::new, |_| format!(" AND {column} = ?{index}"))
}

impl<A> TeamFacts<'_, A> {
    /// The 1:1s scheduled in `[since, until)`, with their agenda counted when
    /// they were held.
    pub fn meetings(
        &self,
        since: DateTime<Utc>,
        until: DateTime<Utc>,
        person: Option<&str>,
    ) -> Result<Vec<MeetingFact>> {
        let sql = format!(
            "SELECT m.id, m.person_id, m.status, m.scheduled_start, m.original_start,
                    m.planned_minutes, m.started_at, m.ended_at, m.cancelled_by, m.cancel_reason,
                    CASE WHEN m.status = 'completed'
                         THEN (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id) ELSE 0 END,
                    CASE WHEN m.status = 'completed'
                         THEN (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id AND a.done) ELSE 0 END,
                    m.time_zone
             FROM meeting m
             WHERE m.scheduled_start >= ?1 AND m.scheduled_start < ?2{}
             ORDER BY m.scheduled_start, m.id",
            person_clause("m.person_id", 3, person)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let map = |row: &rusqlite::Row<'_>| {
            Ok(MeetingFact {
                id: row.get(0)?,
                person_id: row.get(1)?,
                status: row.get(2)?,
                scheduled_start: instant(row, 3)?,
                original_start: instant_or_null(row, 4)?,
                planned_minutes: row.get(5)?,
                started_at: instant_or_null(row, 6)?,
                ended_at: instant_or_null(row, 7)?,
                cancelled_by: row.get(8)?,
                cancel_reason: row.get(9)?,
                agenda_items: row.get(10)?,
                agenda_done: row.get(11)?,
                time_zone: row.get(12)?,
            })
        };
        let rows = match person {
            Some(p) => stmt.query_map(params![since, until, p], map)?,
            None => stmt.query_map(params![since, until], map)?,
        };
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Per person: the last 1:1 held before `until` (its actual start when
    /// recorded), the last one on one of `career_templates` (its scheduled
    /// start), and the first one ever held. One indexed look-up each.
    pub fn milestones(
        &self,
        until: DateTime<Utc>,
        career_templates: &[&str],
        person: Option<&str>,
    ) -> Result<HashMap<String, Milestones>> {
        let sql = format!(
            "SELECT p.id,
               (SELECT coalesce(m.started_at, m.scheduled_start) FROM meeting m
                 WHERE m.person_id = p.id AND m.status = 'completed' AND m.scheduled_start < ?1
                 ORDER BY m.scheduled_start DESC LIMIT 1),
               (SELECT max(m.scheduled_start) FROM meeting m
                 WHERE m.person_id = p.id AND m.status = 'completed' AND m.scheduled_start < ?1
                   AND m.template_id IN (SELECT value FROM json_each(?2))),
               (SELECT min(m.scheduled_start) FROM meeting m
                 WHERE m.person_id = p.id AND m.status = 'completed')
             FROM person p WHERE 1{}",
            person_clause("p.id", 3, person)
        );
        let templates = serde_json::to_string(career_templates)
            .map_err(|e| crate::Error::new(crate::ErrorCode::Storage, e.to_string()))?;
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let map = |row: &rusqlite::Row<'_>| {
            Ok((
                row.get::<_, String>(0)?,
                Milestones {
                    last_held: row.get(1)?,
                    last_career_talk: row.get(2)?,
                    first_held: row.get(3)?,
                },
            ))
        };
        let rows = match person {
            Some(p) => stmt.query_map(params![until, templates, p], map)?,
            None => stmt.query_map(params![until, templates], map)?,
        };
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The action items as they stood at `until` (created before it), among
    /// those that can count for a period from `since` (or its first day,
    /// `from`): still open now, touched since the period began, or due in or
    /// after it. Any other item was closed, and its due date past, before the
    /// period; nothing about it can count.
    pub fn items_at(
        &self,
        since: DateTime<Utc>,
        from: NaiveDate,
        until: DateTime<Utc>,
        person: Option<&str>,
    ) -> Result<Vec<ItemFact>> {
        // Over a year or less, three indexed sets make the team's candidates.
        // Over longer, or for one person, nearly every item is one: reading
        // them all is cheaper than collecting them.
        let filter = "(a.updated_at >= ?2 OR a.status IN ('open', 'partial', 'escalated') OR a.due_on >= ?3)";
        let sql = if person.is_none()
            && until - since <= chrono::Duration::days(CANDIDATE_SETS_UP_TO_DAYS)
        {
            "WITH candidate AS (
               SELECT id FROM action_item WHERE updated_at >= ?2
               UNION SELECT id FROM action_item WHERE status IN ('open', 'partial', 'escalated')
               UNION SELECT id FROM action_item WHERE status IN ('done', 'dropped') AND due_on >= ?3)
             SELECT a.id, a.person_id, a.title, a.owner, a.created_at, e.status, e.due_on, e.changed_at
             FROM candidate c JOIN action_item a ON a.id = c.id
               JOIN action_item_event e ON e.action_item_id = a.id
             WHERE a.created_at < ?1 AND e.changed_at < ?1
             ORDER BY a.id, e.position"
                .to_string()
        } else {
            format!(
                "SELECT a.id, a.person_id, a.title, a.owner, a.created_at, e.status, e.due_on, e.changed_at
                 FROM action_item a JOIN action_item_event e ON e.action_item_id = a.id
                 WHERE a.created_at < ?1 AND e.changed_at < ?1 AND {filter}{}
                 ORDER BY a.id, e.position",
                person_clause("a.person_id", 4, person)
            )
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = match person {
            Some(p) => stmt.query(params![until, since, from, p])?,
            None => stmt.query(params![until, since, from])?,
        };
        let mut items: Vec<ItemFact> = Vec::new();
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            let status: ActionStatus = row.get(5)?;
            let due_on: Option<NaiveDate> = row.get(6)?;
            let changed_at = instant(row, 7)?;
            // Each event holds the whole state after it: the last one before
            // `until` is the state then. Done since the first of a run of
            // done events (a due date edited after done keeps it done).
            match items.last_mut() {
                Some(item) if item.id == id => {
                    item.done_at = match (status, item.status) {
                        (ActionStatus::Done, ActionStatus::Done) => item.done_at,
                        (ActionStatus::Done, _) => Some(changed_at),
                        _ => None,
                    };
                    item.status = status;
                    item.due_on = due_on;
                }
                _ => items.push(ItemFact {
                    id,
                    person_id: row.get(1)?,
                    title: row.get(2)?,
                    owner: row.get(3)?,
                    created_at: instant(row, 4)?,
                    done_at: (status == ActionStatus::Done).then_some(changed_at),
                    status,
                    due_on,
                }),
            }
        }
        Ok(items)
    }

    /// Per person, wins (with accomplishments) and concerns logged on the
    /// days `from..=to`.
    pub fn highlight_counts(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        person: Option<&str>,
    ) -> Result<HashMap<String, (u32, u32)>> {
        let sql = format!(
            "SELECT person_id, kind, count(*) FROM highlight
             WHERE occurred_on >= ?1 AND occurred_on <= ?2{}
             GROUP BY person_id, kind",
            person_clause("person_id", 3, person)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let map = |row: &rusqlite::Row<'_>| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, HighlightKind>(1)?,
                row.get::<_, u32>(2)?,
            ))
        };
        let rows = match person {
            Some(p) => stmt.query_map(params![from, to, p], map)?,
            None => stmt.query_map(params![from, to], map)?,
        };
        let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
        for row in rows {
            let (person_id, kind, n) = row?;
            let entry = counts.entry(person_id).or_default();
            match kind {
                HighlightKind::Concern => entry.1 += n,
                HighlightKind::Win | HighlightKind::Accomplishment => entry.0 += n,
            }
        }
        Ok(counts)
    }

    /// Per person, the mood check-ins on the days `from..=to`, oldest first.
    pub fn moods(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        person: Option<&str>,
    ) -> Result<HashMap<String, Vec<MoodFact>>> {
        let sql = format!(
            "SELECT person_id, recorded_on, score FROM mood_check
             WHERE recorded_on >= ?1 AND recorded_on <= ?2{}
             ORDER BY person_id, recorded_on, created_at, id",
            person_clause("person_id", 3, person)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let map = |row: &rusqlite::Row<'_>| {
            Ok((
                row.get::<_, String>(0)?,
                MoodFact {
                    on: row.get(1)?,
                    score: row.get(2)?,
                },
            ))
        };
        let rows = match person {
            Some(p) => stmt.query_map(params![from, to, p], map)?,
            None => stmt.query_map(params![from, to], map)?,
        };
        let mut moods: HashMap<String, Vec<MoodFact>> = HashMap::new();
        for row in rows {
            let (person_id, fact) = row?;
            moods.entry(person_id).or_default().push(fact);
        }
        Ok(moods)
    }
}

impl crate::store::Store {
    pub fn team_facts(&self) -> TeamFacts<'_> {
        TeamFacts {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}
