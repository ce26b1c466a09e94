-- A monthly 1:1 on the last such weekday of each month ("the last Tuesday"),
-- the fifth one in a month that has five. Only a monthly series has it.
ALTER TABLE series ADD COLUMN last_of_month INTEGER NOT NULL DEFAULT 0
    CHECK (last_of_month IN (0, 1) AND (last_of_month = 0 OR frequency = 'monthly'));
