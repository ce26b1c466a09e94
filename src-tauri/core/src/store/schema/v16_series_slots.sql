-- A series' 1:1s are looked up by the slot they take (their original time if
-- moved) and by status: which slots are taken ahead (`rapport upcoming`, the
-- next occurrence), whether one is still open. On ten years of a weekly
-- series the old index on series_id alone led to every 1:1 row of the series,
-- notes and all, for each of these questions; these answer from the index.
-- The two times ride along: SQLite reads the slot from the index only when
-- the columns it is computed from are there too.
CREATE INDEX meeting_series_slot ON meeting (series_id, coalesce(original_start, scheduled_start),
    original_start, scheduled_start);
CREATE INDEX meeting_series_status_start ON meeting (series_id, status, scheduled_start);
-- Both start with series_id, so they also serve what this one did (a
-- series' 1:1s, and unlinking them when the series is deleted).
DROP INDEX meeting_series;
