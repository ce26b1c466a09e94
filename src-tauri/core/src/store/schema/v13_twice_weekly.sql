-- A 1:1 twice a week (an improvement plan's rhythm): a series can repeat on
-- a second weekday. SQLite cannot change a CHECK in place, so the table is
-- built again with the same rows; the store runs its migrations with
-- foreign keys off (and checks them after), so dropping the old table
-- leaves the 1:1s that point at it untouched.

CREATE TABLE series_new (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    frequency TEXT NOT NULL CHECK (frequency IN ('weekly', 'biweekly', 'monthly', 'twice_weekly')),
    weekday TEXT NOT NULL CHECK (weekday IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
    second_weekday TEXT CHECK (second_weekday IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
    local_time TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    format TEXT NOT NULL CHECK (format IN ('in_person', 'video', 'phone')),
    template_id TEXT,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    sequence INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((frequency = 'twice_weekly') = (second_weekday IS NOT NULL)),
    CHECK (second_weekday IS NOT weekday)
) STRICT;

INSERT INTO series_new (id, person_id, frequency, weekday, second_weekday, local_time, time_zone,
                        duration_minutes, format, template_id, starts_on, ends_on, sequence,
                        created_at, updated_at)
SELECT id, person_id, frequency, weekday, NULL, local_time, time_zone, duration_minutes, format,
       template_id, starts_on, ends_on, sequence, created_at, updated_at
  FROM series;

DROP TABLE series;
ALTER TABLE series_new RENAME TO series;
CREATE INDEX series_person ON series (person_id);
