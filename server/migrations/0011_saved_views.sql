-- Saved views: a user's named filter, sort and columns for one entity's list. One view
-- per user and entity may be the default the list opens with.
CREATE TABLE saved_views (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) DEFERRABLE INITIALLY IMMEDIATE,
  entity TEXT NOT NULL,
  name TEXT NOT NULL,
  filter TEXT NOT NULL,
  sort TEXT NOT NULL,
  columns TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX saved_views_name ON saved_views (user_id, entity, name);
