CREATE TABLE reminder_fired (
    meeting_id TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    offset_minutes INTEGER NOT NULL,
    meeting_start TEXT NOT NULL,
    fired_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, offset_minutes, meeting_start)
) STRICT;

CREATE TABLE reminder_snooze (
    meeting_id TEXT PRIMARY KEY NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    until TEXT NOT NULL
) STRICT;

-- person_id NULL: the default for everyone.
CREATE TABLE reminder_offsets (
    person_id TEXT UNIQUE REFERENCES person (id) ON DELETE CASCADE,
    minutes TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX reminder_offsets_default ON reminder_offsets (ifnull(person_id, ''));
