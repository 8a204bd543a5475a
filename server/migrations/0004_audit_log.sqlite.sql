-- The audit trail: append-only. `sequence` orders all entries; `previous_hash` is the
-- hash of the same record's previous entry, so an edited, deleted or reordered entry
-- breaks the chain that `atrium audit verify` walks.
CREATE TABLE audit_log (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  action TEXT NOT NULL,
  user_id TEXT,
  at TEXT NOT NULL,
  changes TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_record ON audit_log (entity, record_id, sequence);
CREATE INDEX audit_log_at ON audit_log (at, sequence);
