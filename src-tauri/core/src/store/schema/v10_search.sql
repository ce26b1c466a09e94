-- Full-text search over everything the manager wrote or logged.
--
-- `search_text` (FTS5) holds only the index of the words, not a second
-- copy of the text (contentless, with deletes); `search_entry` says where
-- each row came from, and snippets are cut from the records themselves.
-- Both share a rowid that orders rows by time: the minute of the text's
-- date times 2^20, plus a counter within that minute. So "newest first"
-- is the index's own order and a date range is a rowid range, and neither
-- needs to read a single row of text.
--
-- Triggers keep both in step inside the transaction that writes the record,
-- whoever writes it (a session, an import, a restore).
--
-- `tags` holds one token per filter a query can apply (person, kind,
-- visibility, meeting kind, template); `body` is the text itself.

CREATE TABLE search_entry (
    rowid INTEGER PRIMARY KEY,
    source_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('shared', 'private', 'not_shared')),
    person_id TEXT NOT NULL,
    meeting_id TEXT
) STRICT;
CREATE INDEX search_entry_source ON search_entry (source_id, kind);
-- What a meeting's move writes again, and what deleting a meeting unlinks.
CREATE INDEX action_item_meeting ON action_item (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX highlight_meeting ON highlight (meeting_id) WHERE meeting_id IS NOT NULL;

CREATE VIRTUAL TABLE search_text USING fts5 (
    body,
    tags,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Every searchable text, one row each. A highlight's day is dated at noon
-- UTC, so it stays on its day in the manager's zone. `ord` keeps the rows
-- of one meeting (its fields, which share a date) apart when they are
-- written by one statement.
CREATE VIEW search_source AS
SELECT id AS source_id, 'shared' AS kind, 'shared' AS visibility, person_id, id AS meeting_id,
       1 AS ord, scheduled_start AS at, shared_notes AS body, kind AS meeting_kind, template_id
  FROM meeting WHERE shared_notes <> ''
UNION ALL
SELECT id, 'private', 'private', person_id, id, 2, scheduled_start, private_notes, kind, template_id
  FROM meeting WHERE private_notes <> ''
UNION ALL
SELECT id, 'prep', 'private', person_id, id, 3, scheduled_start, private_prep_notes, kind, template_id
  FROM meeting WHERE private_prep_notes <> ''
UNION ALL
SELECT id, 'topic', 'shared', person_id, id, 4, scheduled_start, topic, kind, template_id
  FROM meeting WHERE topic <> ''
UNION ALL
SELECT id, 'cancel_reason', 'not_shared', person_id, id, 5, scheduled_start, cancel_reason, kind, template_id
  FROM meeting WHERE cancel_reason <> ''
UNION ALL
SELECT a.id, 'agenda', 'shared', m.person_id, m.id, 6 + a.position, m.scheduled_start, a.title,
       m.kind, m.template_id
  FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
UNION ALL
SELECT x.id, 'action', 'shared', x.person_id, x.meeting_id, 1, x.created_at, x.title, m.kind, m.template_id
  FROM action_item x LEFT JOIN meeting m ON m.id = x.meeting_id
UNION ALL
SELECT h.id, h.kind, CASE WHEN h.private_text IS NULL THEN 'not_shared' ELSE 'private' END,
       h.person_id, h.meeting_id, 1, h.occurred_on || ' 12:00:00', coalesce(h.text, h.private_text), m.kind, m.template_id
  FROM highlight h LEFT JOIN meeting m ON m.id = h.meeting_id
UNION ALL
SELECT p.id, 'focus', 'not_shared', p.id, NULL, 1, p.created_at,
       (SELECT group_concat(value, char(10)) FROM json_each(p.focus_areas)), NULL, NULL
  FROM person p WHERE p.focus_areas <> '[]';

-- The same rows with their rowid base (the minute, shifted) and their tags:
-- an id becomes one token (a UUID without its dashes, anything else in hex
-- after an x), `flows::search` writes the same tokens into its queries.
CREATE VIEW search_row AS
SELECT s.*,
       coalesce(max(0, CAST(strftime('%s', s.at) AS INTEGER) / 60), 0) * 1048576 AS base,
       'p' || CASE WHEN s.person_id GLOB '*[^0-9A-Za-z-]*' THEN 'x' || hex(s.person_id)
                   ELSE replace(s.person_id, '-', '') END
         || ' k' || replace(s.kind, '_', '') || ' v' || replace(s.visibility, '_', '')
         || coalesce(' m' || s.meeting_kind, '')
         || coalesce(' t' || CASE WHEN s.template_id GLOB '*[^0-9A-Za-z-]*' THEN 'x' || hex(s.template_id)
                               ELSE replace(s.template_id, '-', '') END, '') AS tags
  FROM search_source s;

-- The one way rows are written: insert a record's id here (with a kind, to
-- write just that text of a meeting). Its rows go, and the rows the records
-- now give take their place, numbered after the last row of their minute;
-- a record that is gone gives none. The triggers below only say which
-- record changed.
CREATE VIEW search_reindex AS SELECT NULL AS source_id, NULL AS kind;

CREATE TRIGGER search_reindex_record INSTEAD OF INSERT ON search_reindex BEGIN
    DELETE FROM search_text WHERE rowid IN (
        SELECT rowid FROM search_entry
         WHERE source_id = NEW.source_id AND (NEW.kind IS NULL OR kind = NEW.kind));
    DELETE FROM search_entry WHERE source_id = NEW.source_id AND (NEW.kind IS NULL OR kind = NEW.kind);
    INSERT INTO search_entry (rowid, source_id, kind, visibility, person_id, meeting_id)
    SELECT coalesce((SELECT max(e.rowid) FROM search_entry e
                      WHERE e.rowid BETWEEN r.base AND r.base + 1048575), r.base - 1) + r.ord,
           r.source_id, r.kind, r.visibility, r.person_id, r.meeting_id
      FROM search_row r
     WHERE r.source_id = NEW.source_id AND (NEW.kind IS NULL OR r.kind = NEW.kind);
    INSERT INTO search_text (rowid, body, tags)
    SELECT e.rowid, r.body, r.tags
      FROM search_entry e JOIN search_row r ON r.source_id = e.source_id AND r.kind = e.kind
     WHERE e.source_id = NEW.source_id AND r.source_id = NEW.source_id
       AND (NEW.kind IS NULL OR e.kind = NEW.kind);
END;

-- Meetings: an autosave of the notes writes only the text that changed; a
-- move, a new kind or template re-dates or re-tags the meeting, its agenda
-- and what is linked to it.
CREATE TRIGGER search_meeting_insert AFTER INSERT ON meeting BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, NULL);
END;

CREATE TRIGGER search_meeting_text
AFTER UPDATE OF shared_notes, private_notes, private_prep_notes, topic, cancel_reason ON meeting
WHEN OLD.scheduled_start IS NEW.scheduled_start AND OLD.kind IS NEW.kind
     AND OLD.template_id IS NEW.template_id AND OLD.person_id IS NEW.person_id
BEGIN
    INSERT INTO search_reindex SELECT NEW.id, 'shared' WHERE OLD.shared_notes IS NOT NEW.shared_notes;
    INSERT INTO search_reindex SELECT NEW.id, 'private' WHERE OLD.private_notes IS NOT NEW.private_notes;
    INSERT INTO search_reindex SELECT NEW.id, 'prep' WHERE OLD.private_prep_notes IS NOT NEW.private_prep_notes;
    INSERT INTO search_reindex SELECT NEW.id, 'topic' WHERE OLD.topic IS NOT NEW.topic;
    INSERT INTO search_reindex SELECT NEW.id, 'cancel_reason' WHERE OLD.cancel_reason IS NOT NEW.cancel_reason;
END;

CREATE TRIGGER search_meeting_move AFTER UPDATE OF scheduled_start, kind, template_id, person_id ON meeting
WHEN OLD.scheduled_start IS NOT NEW.scheduled_start OR OLD.kind IS NOT NEW.kind
     OR OLD.template_id IS NOT NEW.template_id OR OLD.person_id IS NOT NEW.person_id
BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, NULL);
    INSERT INTO search_reindex SELECT id, NULL FROM agenda_item WHERE meeting_id = NEW.id;
    INSERT INTO search_reindex SELECT id, NULL FROM action_item WHERE meeting_id = NEW.id;
    INSERT INTO search_reindex SELECT id, NULL FROM highlight WHERE meeting_id = NEW.id;
END;

-- Deleting a meeting deletes its agenda and unlinks its action items and
-- highlights; their own triggers follow.
CREATE TRIGGER search_meeting_delete AFTER DELETE ON meeting BEGIN
    INSERT INTO search_reindex VALUES (OLD.id, NULL);
END;

-- Agenda items, action items, highlights and focus areas: written again
-- whenever what they show, or where, changes.
CREATE TRIGGER search_agenda_insert AFTER INSERT ON agenda_item BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, NULL);
END;

CREATE TRIGGER search_agenda_update AFTER UPDATE OF title ON agenda_item WHEN OLD.title IS NOT NEW.title BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, NULL);
END;

CREATE TRIGGER search_agenda_delete AFTER DELETE ON agenda_item BEGIN
    INSERT INTO search_reindex VALUES (OLD.id, NULL);
END;

CREATE TRIGGER search_action_insert AFTER INSERT ON action_item BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, NULL);
END;

CREATE TRIGGER search_action_update AFTER UPDATE OF title, person_id, meeting_id, created_at ON action_item
WHEN OLD.title IS NOT NEW.title OR OLD.person_id IS NOT NEW.person_id
     OR OLD.meeting_id IS NOT NEW.meeting_id OR OLD.created_at IS NOT NEW.created_at
BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, NULL);
END;

CREATE TRIGGER search_action_delete AFTER DELETE ON action_item BEGIN
    INSERT INTO search_reindex VALUES (OLD.id, NULL);
END;

CREATE TRIGGER search_highlight_insert AFTER INSERT ON highlight BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, NULL);
END;

CREATE TRIGGER search_highlight_update AFTER UPDATE ON highlight BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, NULL);
END;

CREATE TRIGGER search_highlight_delete AFTER DELETE ON highlight BEGIN
    INSERT INTO search_reindex VALUES (OLD.id, NULL);
END;

CREATE TRIGGER search_person_insert AFTER INSERT ON person BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, 'focus');
END;

CREATE TRIGGER search_person_update AFTER UPDATE OF focus_areas ON person
WHEN OLD.focus_areas IS NOT NEW.focus_areas
BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, 'focus');
END;

CREATE TRIGGER search_person_delete AFTER DELETE ON person BEGIN
    INSERT INTO search_reindex VALUES (OLD.id, 'focus');
END;
