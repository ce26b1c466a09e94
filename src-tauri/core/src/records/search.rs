//! The full-text index: tables `search_entry` and `search_text` (FTS5),
//! written only by the triggers of `store/schema/v10_search.sql`, so every
//! writer keeps it in step within its own transaction. This module reads it
//! and rebuilds it; the query language a person types is `flows::search_query`,
//! the snippets are cut by `flows::search_snippet`.

use crate::error::{Error, ErrorCode, Result};
use crate::records::meetings::MeetingStatus;
use crate::store::{Reading, Writing};
use crate::text_enum::text_enum;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use std::marker::PhantomData;

text_enum! {
    /// Which piece of text a search hit is.
    pub enum TextKind {
        Shared = "shared", Private = "private", Prep = "prep", Topic = "topic",
        CancelReason = "cancel_reason", Agenda = "agenda", Action = "action", Win = "win",
        Concern = "concern", Accomplishment = "accomplishment", Focus = "focus",
        Backlog = "backlog", Feedback = "feedback", Growth = "growth", Mood = "mood",
    }
}

text_enum! {
    /// Whether a text reaches the person: shared notes, agenda, topics and
    /// action items do; private notes, prep notes and manager-only
    /// highlights never do; the rest (shareable highlights, cancel reasons,
    /// focus areas) are not part of any shared document.
    pub enum Visibility { Shared = "shared", Private = "private", NotShared = "not_shared" }
}

/// The rowid bit shift: rows of one minute share the bits above it.
const MINUTE_SHIFT: u32 = 20;

/// The first rowid a text dated at or after `at` can have.
pub fn first_row_at(at: DateTime<Utc>) -> i64 {
    (at.timestamp().max(0) / 60) << MINUTE_SHIFT
}

/// A query the index understands: an FTS5 expression (built by the query
/// language, never typed by anyone) and a rowid range for the dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexQuery {
    pub expression: String,
    pub rows: std::ops::Range<i64>,
    pub best_match_first: bool,
    pub limit: u32,
    pub offset: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexHit {
    pub row: i64,
    pub source_id: String,
    pub kind: TextKind,
    pub visibility: Visibility,
    pub person_id: String,
    pub meeting_id: Option<String>,
    /// When the hit's 1:1 is, and where it stands.
    pub meeting: Option<(DateTime<Utc>, MeetingStatus)>,
    /// The text as the record holds it now.
    pub text: String,
}

pub struct SearchIndex<'a, A = Reading> {
    pub(crate) conn: &'a Connection,
    pub(crate) access: PhantomData<A>,
}

impl<A> SearchIndex<'_, A> {
    /// The hits for `query`, newest first or best match first.
    pub fn find(&self, query: &IndexQuery) -> Result<Vec<IndexHit>> {
        let order = if query.best_match_first {
            // Words in the text weigh; the filter tags do not.
            "bm25(search_text, 1.0, 0.0), rowid DESC"
        } else {
            "rowid DESC"
        };
        // The hits with their 1:1 in one statement; the command line asks
        // for thousands at once.
        let sql = format!(
            "SELECT t.rowid, e.source_id, e.kind, e.visibility, e.person_id, e.meeting_id,
                    m.scheduled_start, m.status
               FROM (SELECT rowid FROM search_text
                      WHERE search_text MATCH ?1 AND rowid >= ?2 AND rowid < ?3
                      ORDER BY {order} LIMIT ?4 OFFSET ?5) t
               JOIN search_entry e ON e.rowid = t.rowid
               LEFT JOIN meeting m ON m.id = e.meeting_id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(
                params![
                    query.expression,
                    query.rows.start,
                    query.rows.end,
                    query.limit,
                    query.offset
                ],
                |row| {
                    let start: Option<DateTime<Utc>> = row.get(6)?;
                    let status: Option<MeetingStatus> = row.get(7)?;
                    Ok(IndexHit {
                        row: row.get(0)?,
                        source_id: row.get(1)?,
                        kind: row.get(2)?,
                        visibility: row.get(3)?,
                        person_id: row.get(4)?,
                        meeting_id: row.get(5)?,
                        meeting: start.zip(status),
                        text: String::new(),
                    })
                },
            )
            .map_err(fts_error)?;
        let mut hits: Vec<IndexHit> = rows.collect::<rusqlite::Result<_>>().map_err(fts_error)?;
        for hit in &mut hits {
            hit.text = self.text_of(hit.kind, &hit.source_id)?;
        }
        Ok(hits)
    }

    /// The text a hit points at, as the record holds it now: the same
    /// column the `search_source` view indexes, read by its key (the view,
    /// asked row by row, would be read whole).
    pub fn text_of(&self, kind: TextKind, source_id: &str) -> Result<String> {
        let sql = match kind {
            TextKind::Shared => "SELECT shared_notes FROM meeting WHERE id = ?1",
            TextKind::Private => "SELECT private_notes FROM meeting WHERE id = ?1",
            TextKind::Prep => "SELECT private_prep_notes FROM meeting WHERE id = ?1",
            TextKind::Topic => "SELECT topic FROM meeting WHERE id = ?1",
            TextKind::CancelReason => "SELECT cancel_reason FROM meeting WHERE id = ?1",
            TextKind::Agenda => "SELECT title FROM agenda_item WHERE id = ?1",
            TextKind::Action => "SELECT title FROM action_item WHERE id = ?1",
            TextKind::Win | TextKind::Concern | TextKind::Accomplishment => {
                "SELECT coalesce(text, private_text) FROM highlight WHERE id = ?1"
            }
            TextKind::Backlog => {
                "SELECT coalesce(text, private_text) FROM backlog_topic WHERE id = ?1"
            }
            TextKind::Feedback => {
                "SELECT situation || char(10) || behaviour || char(10) || impact
                        || coalesce(char(10) || request, '') FROM feedback WHERE id = ?1"
            }
            TextKind::Growth => {
                "SELECT g.goal || char(10) || g.support || char(10) || g.evidence
                        || coalesce(char(10) || (SELECT group_concat(c.title, char(10))
                                                   FROM growth_checkpoint c WHERE c.plan_id = g.id), '')
                   FROM growth_plan g WHERE g.id = ?1"
            }
            TextKind::Mood => "SELECT word FROM mood_check WHERE id = ?1",
            TextKind::Focus => {
                "SELECT (SELECT group_concat(value, char(10)) FROM json_each(focus_areas))
                   FROM person WHERE id = ?1"
            }
        };
        Ok(self
            .conn
            .prepare_cached(sql)?
            .query_row([source_id], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten()
            .unwrap_or_default())
    }

    /// How many texts match, whatever the page.
    pub fn count(&self, query: &IndexQuery) -> Result<u64> {
        self.conn
            .prepare_cached(
                "SELECT count(*) FROM search_text WHERE search_text MATCH ?1 AND rowid >= ?2 AND rowid < ?3",
            )?
            .query_row(
                params![query.expression, query.rows.start, query.rows.end],
                |r| r.get(0),
            )
            .map_err(fts_error)
    }

    /// Words of the notes (not the filter tags) that start with `start`,
    /// with how many texts hold each, for "did you mean".
    pub fn words_starting(&self, start: &str) -> Result<Vec<(String, u64)>> {
        // The vocabulary is read through a per-connection view of the index;
        // it stores nothing.
        self.conn.execute_batch(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab
               USING fts5vocab(main, search_text, col)",
        )?;
        let mut end = start.to_string();
        end.push(char::MAX);
        let mut stmt = self.conn.prepare_cached(
            "SELECT term, doc FROM temp.search_vocab
              WHERE term >= ?1 AND term < ?2 AND col = 'body'",
        )?;
        let rows = stmt.query_map(params![start, end], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many texts the index holds.
    pub fn len(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM search_entry", [], |r| r.get(0))?)
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }

    /// Whether the index has a row for every text the records hold, in the
    /// right place, and no other: what the tests check after every kind of write.
    pub fn matches_records(&self) -> Result<bool> {
        let count = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        const INDEXED: &str =
            "SELECT source_id, kind, visibility, person_id, meeting_id FROM search_entry";
        const RECORDS: &str =
            "SELECT source_id, kind, visibility, person_id, meeting_id FROM search_row";
        let records = count("SELECT count(*) FROM search_row")?;
        Ok(count(&format!(
            "SELECT count(*) FROM ({RECORDS} EXCEPT {INDEXED})"
        ))? == 0
            && count(&format!(
                "SELECT count(*) FROM ({INDEXED} EXCEPT {RECORDS})"
            ))? == 0
            && count("SELECT count(*) FROM search_entry")? == records
            && count("SELECT count(*) FROM search_text")? == records)
    }
}

/// An id as one token of the index's tags; the same rule as the
/// `search_row` view's.
pub fn id_token(id: &str) -> String {
    if id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        id.replace('-', "")
    } else {
        format!("x{}", hex::encode_upper(id))
    }
}

impl SearchIndex<'_, Writing> {
    /// Builds the index again from the records.
    pub fn rebuild(&self) -> Result<()> {
        self.conn
            .execute_batch(include_str!("../store/schema/search_rebuild.sql"))?;
        Ok(())
    }
}

/// The expressions are built by the query language, so an FTS5 complaint
/// means a query it let through; say so plainly rather than in SQL terms.
fn fts_error(err: rusqlite::Error) -> Error {
    let text = err.to_string();
    if text.contains("fts5") {
        Error::new(
            ErrorCode::InvalidInput,
            "That search could not be understood. Try plain words, \"a phrase\", -word or word*.",
        )
    } else {
        Error::from(err)
    }
}

impl crate::store::Store {
    pub fn search_index(&self) -> SearchIndex<'_> {
        SearchIndex {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

impl crate::store::Tx<'_> {
    pub fn search_index(&self) -> SearchIndex<'_, Writing> {
        SearchIndex {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}
