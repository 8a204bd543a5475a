-- Duplicate detection and merges of records.
--
-- The normalised name, e-mail and phone keys of every record of an entity that declares
-- duplicates ("acme" for "ACME GmbH", "+442071234567" for "(020) 7123 4567"), so finding a
-- record's possible duplicates is an index lookup per key, not a scan.
CREATE TABLE duplicate_keys (
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  key_text TEXT NOT NULL
);
CREATE INDEX duplicate_keys_lookup ON duplicate_keys (entity, kind, key_text, record_id);
CREATE INDEX duplicate_keys_record ON duplicate_keys (record_id);

-- One merge of records into a survivor, with everything its undo needs: the survivor as
-- it was before and its version after, and each reference the merge moved (JSON arrays).
CREATE TABLE merges (
  id TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  survivor_id TEXT NOT NULL,
  merged_ids TEXT NOT NULL,
  survivor_before TEXT NOT NULL,
  survivor_version INTEGER NOT NULL,
  moved TEXT NOT NULL,
  merged_by_id TEXT NOT NULL,
  merged_at TEXT NOT NULL,
  undone_at TEXT,
  undone_by_id TEXT
);
CREATE INDEX merges_merged_at ON merges (merged_at, id);
