-- The revisions of a quotation as they were sent: header and lines frozen as JSON, kept
-- read-only, so any two can be compared and a customer's copy is never rewritten.
CREATE TABLE quotation_revisions (
  id TEXT PRIMARY KEY,
  quotation_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  snapshot TEXT NOT NULL,
  reason TEXT,
  frozen_by_id TEXT,
  frozen_at TEXT NOT NULL,
  UNIQUE (quotation_id, revision)
);
