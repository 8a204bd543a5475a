-- Login sessions live in the database so every server process sees them. The cookie
-- carries a random token; only its SHA-256 is stored, so a leaked table logs no one in.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  remote_address TEXT,
  user_agent TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);
