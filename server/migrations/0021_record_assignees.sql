-- The users a record is assigned to (a task given to several people), each with their
-- own status and progress; their reports, oldest first, for whoever follows the record.
CREATE TABLE record_assignees (
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id),
  status TEXT NOT NULL DEFAULT 'open',
  progress INTEGER NOT NULL DEFAULT 0,
  assigned_by_id TEXT,
  assigned_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (entity, record_id, user_id)
);
CREATE INDEX record_assignees_user ON record_assignees (user_id, entity, status);

CREATE TABLE progress_reports (
  id TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  status TEXT NOT NULL,
  progress INTEGER NOT NULL,
  remarks TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX progress_reports_record ON progress_reports (entity, record_id, created_at);
