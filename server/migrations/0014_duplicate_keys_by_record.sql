-- A record's own duplicate keys are read and replaced on every write of it. With the
-- index on record_id alone, SQLite's planner preferred the covering lookup index on
-- entity for `record_id = ? AND entity = ?` and scanned every key of the entity: each
-- write cost time in proportion to the table. Covering (record_id, entity, kind,
-- key_text), this index matches both terms and is chosen.
DROP INDEX duplicate_keys_record;
CREATE INDEX duplicate_keys_record ON duplicate_keys (record_id, entity, kind, key_text);
