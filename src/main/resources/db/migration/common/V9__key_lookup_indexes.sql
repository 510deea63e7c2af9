-- The duplicate check of a load (RecordWriter) looks rows up by the last column of their natural key,
-- a chunk at a time. The primary keys lead with agency_code, so without these indexes every chunk
-- scanned the whole table: loading grew with the square of the rows (measured: 3,700 rows/s falling
-- to 1,900 rows/s within 100,000 applications). With them the check is an index lookup per row.
CREATE INDEX application_by_id ON application (application_id);
CREATE INDEX appeal_by_id ON appeal_case (case_id);
CREATE INDEX training_by_id ON training (training_id);
CREATE INDEX hearing_by_id ON hearing (hearing_id);
