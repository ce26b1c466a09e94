CREATE TABLE highlight (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    meeting_id TEXT REFERENCES meeting (id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('win', 'concern', 'accomplishment')),
    occurred_on TEXT NOT NULL,
    text TEXT,
    private_text TEXT,
    created_at TEXT NOT NULL,
    CHECK ((text IS NULL) <> (private_text IS NULL))
) STRICT;
CREATE INDEX highlight_person ON highlight (person_id, occurred_on);
