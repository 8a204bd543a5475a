-- The platform's own tables. Times are ISO 8601 UTC text (fixed width, so text order is
-- time order on both databases); ids are ULID text.

-- One row: this installation.
CREATE TABLE instance (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  demo_loaded_at TEXT
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT,
  password_hash TEXT,
  is_admin INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
-- Usernames are stored lower-cased, so uniqueness is case-insensitive on both databases.
CREATE UNIQUE INDEX users_username ON users (username);
