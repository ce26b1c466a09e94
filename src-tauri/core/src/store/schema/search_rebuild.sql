-- The search index from scratch: every searchable text, numbered within
-- its minute. The migration that creates the index runs it for existing
-- stores; `SearchIndex::rebuild` runs it again.
INSERT INTO search_text (search_text) VALUES ('delete-all');
DELETE FROM search_entry;
INSERT INTO search_entry (rowid, source_id, kind, visibility, person_id, meeting_id)
SELECT base + row_number() OVER (PARTITION BY base ORDER BY at, source_id, kind) - 1,
       source_id, kind, visibility, person_id, meeting_id
  FROM search_row;
INSERT INTO search_text (rowid, body, tags)
SELECT base + row_number() OVER (PARTITION BY base ORDER BY at, source_id, kind) - 1, body, tags
  FROM search_row;
