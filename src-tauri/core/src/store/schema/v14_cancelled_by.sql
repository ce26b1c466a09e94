-- Who asked to cancel a 1:1: the team numbers list cancellations by whom
-- (seed 001: a manager who keeps cancelling sends a message). Cancellations
-- recorded before this are of unknown origin and stay NULL.
ALTER TABLE meeting ADD COLUMN cancelled_by TEXT CHECK (cancelled_by IN ('manager', 'report'));

-- The Team screen reads every 1:1 of a period, up to ten years of a team's:
-- this index holds all it reads, so the notes beside them are never
-- decrypted for it.
CREATE INDEX meeting_team_facts ON meeting (scheduled_start, person_id, status, original_start,
    planned_minutes, started_at, ended_at, cancelled_by, cancel_reason, time_zone, id);
-- A person's last career conversation, without reading their other 1:1s.
CREATE INDEX meeting_person_status_template ON meeting (person_id, status, template_id, scheduled_start);
-- The action items touched since a period began.
CREATE INDEX action_item_updated ON action_item (updated_at);
-- The agenda items of those 1:1s, counted and their done ones, from the index alone.
CREATE INDEX agenda_item_meeting_done ON agenda_item (meeting_id, done);
