CREATE TABLE person (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    email TEXT,
    role TEXT NOT NULL DEFAULT '',
    level TEXT NOT NULL CHECK (level IN ('junior', 'confirmed', 'senior', 'staff_plus')),
    start_date TEXT,
    focus_areas TEXT NOT NULL DEFAULT '[]',
    cadence TEXT CHECK (cadence IN ('weekly', 'biweekly', 'monthly')),
    career_talk_every_days INTEGER CHECK (career_talk_every_days > 0),
    default_template_id TEXT,
    archived INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX person_name ON person (name COLLATE NOCASE);
