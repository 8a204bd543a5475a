-- Files uploaded for import, with what their first block told (format, separator), so
-- only their uploader may import them.
CREATE TABLE import_files (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) DEFERRABLE INITIALLY IMMEDIATE,
  name TEXT NOT NULL,
  format TEXT NOT NULL,
  separator TEXT NOT NULL,
  size INTEGER NOT NULL,
  created_at TEXT NOT NULL
);

-- Imports of CSV and XLSX files into any entity. One row per import: its options, where
-- the background job stands (`next_batch`, `next_offset`: the batch job that runs next and
-- the byte where its rows start, so a crash resumes without doing a batch twice) and the
-- counts the wizard shows. `status`: queued → running → done | failed | cancelled.
CREATE TABLE imports (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) DEFERRABLE INITIALLY IMMEDIATE,
  entity TEXT NOT NULL,
  file_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  options TEXT NOT NULL,
  dry_run INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  rows_total INTEGER,
  rows_done INTEGER NOT NULL DEFAULT 0,
  rows_failed INTEGER NOT NULL DEFAULT 0,
  created_count INTEGER NOT NULL DEFAULT 0,
  updated_count INTEGER NOT NULL DEFAULT 0,
  skipped_count INTEGER NOT NULL DEFAULT 0,
  next_batch INTEGER NOT NULL DEFAULT 0,
  next_offset INTEGER NOT NULL DEFAULT 0,
  message TEXT,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT
);
CREATE INDEX imports_user ON imports (user_id, created_at);

-- The rows an import could not save, with the original cells, for the error report.
CREATE TABLE import_errors (
  import_id TEXT NOT NULL REFERENCES imports (id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
  row_index INTEGER NOT NULL,
  cells TEXT NOT NULL,
  error TEXT NOT NULL,
  PRIMARY KEY (import_id, row_index)
);

-- A user's named column mappings per entity, with the options that go with them.
CREATE TABLE import_templates (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) DEFERRABLE INITIALLY IMMEDIATE,
  entity TEXT NOT NULL,
  name TEXT NOT NULL,
  settings TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX import_templates_name ON import_templates (user_id, entity, name);
