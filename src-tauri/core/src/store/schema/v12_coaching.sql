-- The coaching toolkit: feedback in the SBI form, growth plans with dated
-- checkpoints, mood and energy check-ins, and the manager's own questions.
--
-- Each record is shareable or manager-only by an explicit `private` flag;
-- the export names a private record's content `private_…`.

CREATE TABLE feedback (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    -- The 1:1 it was given in (or is planned for); null when given elsewhere.
    meeting_id TEXT REFERENCES meeting (id) ON DELETE SET NULL,
    tone TEXT NOT NULL CHECK (tone IN ('positive', 'constructive')),
    status TEXT NOT NULL CHECK (status IN ('planned', 'given')),
    situation TEXT NOT NULL CHECK (length(trim(situation)) > 0),
    behaviour TEXT NOT NULL CHECK (length(trim(behaviour)) > 0),
    impact TEXT NOT NULL CHECK (length(trim(impact)) > 0),
    request TEXT,
    private INTEGER NOT NULL CHECK (private IN (0, 1)),
    given_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((status = 'given') = (given_on IS NOT NULL))
) STRICT;
CREATE INDEX feedback_person ON feedback (person_id, status, created_at);
CREATE INDEX feedback_meeting ON feedback (meeting_id) WHERE meeting_id IS NOT NULL;

CREATE TABLE growth_plan (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    goal TEXT NOT NULL CHECK (length(trim(goal)) > 0),
    support TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('active', 'achieved', 'dropped')),
    private INTEGER NOT NULL CHECK (private IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX growth_plan_person ON growth_plan (person_id, status);

CREATE TABLE growth_checkpoint (
    id TEXT PRIMARY KEY NOT NULL,
    plan_id TEXT NOT NULL REFERENCES growth_plan (id) ON DELETE CASCADE,
    due_on TEXT NOT NULL,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    status TEXT NOT NULL CHECK (status IN ('pending', 'met', 'missed')),
    note TEXT NOT NULL DEFAULT '',
    checked_on TEXT
) STRICT;
CREATE INDEX growth_checkpoint_plan ON growth_checkpoint (plan_id, due_on);

CREATE TABLE mood_check (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    meeting_id TEXT REFERENCES meeting (id) ON DELETE SET NULL,
    recorded_on TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 10),
    word TEXT,
    private INTEGER NOT NULL DEFAULT 1 CHECK (private IN (0, 1)),
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX mood_check_person ON mood_check (person_id, recorded_on);
-- One check-in per 1:1: recording again in the same 1:1 corrects it.
CREATE UNIQUE INDEX mood_check_meeting ON mood_check (meeting_id) WHERE meeting_id IS NOT NULL;

-- The question bank ships with the app; the manager's own questions, edits
-- and hidden built-ins live here. A row with `builtin_key` overrides (or,
-- hidden, removes) that built-in question.
CREATE TABLE question (
    id TEXT PRIMARY KEY NOT NULL,
    builtin_key TEXT UNIQUE,
    category TEXT NOT NULL,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- Search covers feedback and growth plans (their words, dated when
-- written) and a check-in's word.
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
SELECT f.id, 'feedback', CASE WHEN f.private THEN 'private' ELSE 'shared' END,
       f.person_id, f.meeting_id, 1, f.created_at,
       f.situation || char(10) || f.behaviour || char(10) || f.impact || coalesce(char(10) || f.request, ''),
       m.kind, m.template_id
  FROM feedback f LEFT JOIN meeting m ON m.id = f.meeting_id
UNION ALL
SELECT g.id, 'growth', CASE WHEN g.private THEN 'private' ELSE 'shared' END,
       g.person_id, NULL, 1, g.created_at,
       g.goal || char(10) || g.support || char(10) || g.evidence
         || coalesce(char(10) || (SELECT group_concat(c.title, char(10)) FROM growth_checkpoint c
                                   WHERE c.plan_id = g.id), ''),
       NULL, NULL
  FROM growth_plan g
UNION ALL
SELECT k.id, 'mood', CASE WHEN k.private THEN 'private' ELSE 'shared' END,
       k.person_id, k.meeting_id, 1, k.recorded_on || ' 12:00:00', k.word, m.kind, m.template_id
  FROM mood_check k LEFT JOIN meeting m ON m.id = k.meeting_id
 WHERE k.word <> ''
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


-- Feedback, growth plans (with their checkpoints' titles) and check-ins are
-- written again whenever they change; a move of their 1:1 re-tags them.
CREATE TRIGGER search_feedback_insert AFTER INSERT ON feedback BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, NULL);
END;

CREATE TRIGGER search_feedback_update AFTER UPDATE ON feedback BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, NULL);
END;

CREATE TRIGGER search_feedback_delete AFTER DELETE ON feedback BEGIN
    INSERT INTO search_reindex VALUES (OLD.id, NULL);
END;

CREATE TRIGGER search_growth_insert AFTER INSERT ON growth_plan BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, NULL);
END;

CREATE TRIGGER search_growth_update AFTER UPDATE ON growth_plan BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, NULL);
END;

CREATE TRIGGER search_growth_delete AFTER DELETE ON growth_plan BEGIN
    INSERT INTO search_reindex VALUES (OLD.id, NULL);
END;

CREATE TRIGGER search_checkpoint_insert AFTER INSERT ON growth_checkpoint BEGIN
    INSERT INTO search_reindex VALUES (NEW.plan_id, NULL);
END;

CREATE TRIGGER search_checkpoint_update AFTER UPDATE OF title ON growth_checkpoint
WHEN OLD.title IS NOT NEW.title
BEGIN
    INSERT INTO search_reindex VALUES (NEW.plan_id, NULL);
END;

CREATE TRIGGER search_checkpoint_delete AFTER DELETE ON growth_checkpoint BEGIN
    INSERT INTO search_reindex VALUES (OLD.plan_id, NULL);
END;

CREATE TRIGGER search_mood_insert AFTER INSERT ON mood_check BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, NULL);
END;

CREATE TRIGGER search_mood_update AFTER UPDATE ON mood_check BEGIN
    INSERT INTO search_reindex VALUES (NEW.id, NULL);
END;

CREATE TRIGGER search_mood_delete AFTER DELETE ON mood_check BEGIN
    INSERT INTO search_reindex VALUES (OLD.id, NULL);
END;

CREATE TRIGGER search_coaching_meeting_move AFTER UPDATE OF scheduled_start, kind, template_id, person_id ON meeting
WHEN OLD.scheduled_start IS NOT NEW.scheduled_start OR OLD.kind IS NOT NEW.kind
     OR OLD.template_id IS NOT NEW.template_id OR OLD.person_id IS NOT NEW.person_id
BEGIN
    INSERT INTO search_reindex SELECT id, NULL FROM feedback WHERE meeting_id = NEW.id;
    INSERT INTO search_reindex SELECT id, NULL FROM mood_check WHERE meeting_id = NEW.id;
END;
