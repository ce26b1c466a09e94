CREATE TABLE share_log (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    meeting_id TEXT REFERENCES meeting (id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('notes', 'invite')),
    format TEXT NOT NULL CHECK (format IN ('md', 'html', 'txt', 'eml', 'ics', 'clipboard')),
    recipient TEXT NOT NULL,
    shared_at TEXT NOT NULL
) STRICT;
CREATE INDEX share_log_person ON share_log (person_id, shared_at);
