-- Requests that wait for a manager's decision. Deletions of master data start here; the
-- workflow engine adds other kinds (discounts, special prices) without new routes.
CREATE TABLE approvals (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  status TEXT NOT NULL,
  requested_by_id TEXT,
  requested_at TEXT NOT NULL,
  decided_by_id TEXT,
  decided_at TEXT,
  remarks TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX approvals_status ON approvals (status, requested_at);
CREATE INDEX approvals_record ON approvals (entity, record_id);
