CREATE TABLE series (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    frequency TEXT NOT NULL CHECK (frequency IN ('weekly', 'biweekly', 'monthly')),
    weekday TEXT NOT NULL CHECK (weekday IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
    local_time TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    format TEXT NOT NULL CHECK (format IN ('in_person', 'video', 'phone')),
    template_id TEXT,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    sequence INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX series_person ON series (person_id);

CREATE TABLE meeting (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    series_id TEXT REFERENCES series (id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('regular', 'urgent', 'requested')),
    topic TEXT,
    scheduled_start TEXT NOT NULL,
    original_start TEXT,
    planned_minutes INTEGER NOT NULL CHECK (planned_minutes > 0),
    time_zone TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('in_person', 'video', 'phone')),
    status TEXT NOT NULL CHECK (status IN ('scheduled', 'in_progress', 'completed', 'cancelled')),
    started_at TEXT,
    ended_at TEXT,
    cancel_reason TEXT,
    template_id TEXT,
    shared_notes TEXT NOT NULL DEFAULT '',
    private_notes TEXT NOT NULL DEFAULT '',
    private_prep_notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX meeting_person_start ON meeting (person_id, scheduled_start);
CREATE INDEX meeting_start ON meeting (scheduled_start);
CREATE INDEX meeting_series ON meeting (series_id);

CREATE TABLE agenda_item (
    id TEXT PRIMARY KEY NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes >= 0),
    prompts TEXT NOT NULL DEFAULT '[]',
    done INTEGER NOT NULL DEFAULT 0,
    UNIQUE (meeting_id, position)
) STRICT;
