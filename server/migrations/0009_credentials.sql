-- Credentials besides the password: API tokens, TOTP second factors and their recovery
-- codes; login failures for throttling; a public id per session so a user can list and
-- revoke sessions without ever seeing another session's token. Foreign keys are
-- DEFERRABLE so a restore may copy these tables before `users`.

-- Sessions opened before this migration have no public id: they end here, once.
DELETE FROM sessions;
ALTER TABLE sessions ADD COLUMN public_id TEXT;
CREATE UNIQUE INDEX sessions_public_id ON sessions (public_id);

-- The token is shown once; only its SHA-256 is kept.
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) DEFERRABLE INITIALLY IMMEDIATE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  expires_at TEXT
);
CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash);
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);

-- One row per failed login, in the database so that every server process counts the
-- same failures. Rows older than the throttling window are deleted as new ones arrive.
CREATE TABLE login_failures (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  remote_address TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX login_failures_username ON login_failures (username, at);
CREATE INDEX login_failures_address ON login_failures (remote_address, at);
CREATE INDEX login_failures_at ON login_failures (at);

-- A TOTP secret must be readable to check codes, so it cannot be hashed. `enabled_at`
-- is null between setup and the first code; `last_step` is the time step of the last
-- code accepted, so no code works twice.
CREATE TABLE totp_factors (
  user_id TEXT PRIMARY KEY REFERENCES users (id) DEFERRABLE INITIALLY IMMEDIATE,
  secret TEXT NOT NULL,
  created_at TEXT NOT NULL,
  enabled_at TEXT,
  last_step INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE recovery_codes (
  user_id TEXT NOT NULL REFERENCES users (id) DEFERRABLE INITIALLY IMMEDIATE,
  code_hash TEXT NOT NULL,
  used_at TEXT,
  PRIMARY KEY (user_id, code_hash)
);

-- Security events (logins, logouts, tokens, second factors) are audit entries of entity
-- "auth" chained per user. Concurrent appends to one chain lock its row here first, so
-- both cannot link to the same previous entry.
CREATE TABLE audit_chain_locks (
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  appended_at TEXT NOT NULL,
  PRIMARY KEY (entity, record_id)
);
