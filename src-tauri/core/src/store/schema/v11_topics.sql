-- The topics a manager keeps to raise with a person, and action items'
-- priority.
--
-- A topic is "mine" (the manager's) or "theirs" (the report asked for it),
-- shareable (`text`) or manager-only (`private_text`), never both. It is
-- open until it is ticked in a 1:1 (`discussed_at`, `discussed_in`); an
-- open topic carries over to the next 1:1 by staying open.

ALTER TABLE action_item ADD COLUMN priority TEXT CHECK (priority IN ('p1', 'p2'));

CREATE TABLE backlog_topic (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    raised_by TEXT NOT NULL CHECK (raised_by IN ('mine', 'theirs')),
    text TEXT,
    private_text TEXT,
    created_at TEXT NOT NULL,
    discussed_at TEXT,
    discussed_in TEXT REFERENCES meeting (id) ON DELETE SET NULL,
    CHECK ((text IS NULL) <> (private_text IS NULL))
) STRICT;
CREATE INDEX backlog_topic_person ON backlog_topic (person_id, discussed_at);
CREATE INDEX backlog_topic_meeting ON backlog_topic (discussed_in) WHERE discussed_in IS NOT NULL;

-- The search index covers topics: the views gain their rows (a topic is
-- dated when it was written, and belongs to the 1:1 it was discussed in).
DROP VIEW search_row;
DROP VIEW search_source;

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
SELECT t.id, 'backlog', CASE WHEN t.private_text IS NULL THEN 'shared' ELSE 'private' END,
       t.person_id, t.discussed_in, 1, t.created_at, coalesce(t.text, t.private_text), m.kind, m.template_id
  FROM backlog_topic t LEFT JOIN meeting m ON m.id = t.discussed_in
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

-- A topic is written again when its text, its person or its 1:1 changes,
-- and a move of that 1:1 re-dates it like the meeting's other records.
CREATE TRIGGER search_backlog_insert AFTER INSERT ON backlog_topic BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, NULL);
END;

CREATE TRIGGER search_backlog_update AFTER UPDATE ON backlog_topic
WHEN OLD.text IS NOT NEW.text OR OLD.private_text IS NOT NEW.private_text
     OR OLD.person_id IS NOT NEW.person_id OR OLD.discussed_in IS NOT NEW.discussed_in
BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, NULL);
END;

CREATE TRIGGER search_backlog_delete AFTER DELETE ON backlog_topic BEGIN
    INSERT INTO search_reindex VALUES (OLD.id, NULL);
END;

CREATE TRIGGER search_backlog_meeting_move AFTER UPDATE OF scheduled_start, kind, template_id, person_id ON meeting
WHEN OLD.scheduled_start IS NOT NEW.scheduled_start OR OLD.kind IS NOT NEW.kind
     OR OLD.template_id IS NOT NEW.template_id OR OLD.person_id IS NOT NEW.person_id
BEGIN
    INSERT INTO search_reindex SELECT id, NULL FROM backlog_topic WHERE discussed_in = NEW.id;
END;
