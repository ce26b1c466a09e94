CREATE TABLE action_item (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    meeting_id TEXT REFERENCES meeting (id) ON DELETE SET NULL,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    owner TEXT NOT NULL CHECK (owner IN ('ic', 'manager')),
    due_on TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'partial', 'done', 'escalated', 'dropped')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX action_item_person ON action_item (person_id, status);
CREATE INDEX action_item_due ON action_item (status, due_on);

CREATE TABLE action_item_event (
    action_item_id TEXT NOT NULL REFERENCES action_item (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    status TEXT NOT NULL,
    due_on TEXT,
    changed_at TEXT NOT NULL,
    PRIMARY KEY (action_item_id, position)
) STRICT;
