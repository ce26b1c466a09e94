CREATE INDEX meeting_person_status_start ON meeting (person_id, status, scheduled_start);
CREATE INDEX meeting_status_start ON meeting (status, scheduled_start);
