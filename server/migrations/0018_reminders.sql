-- Reminders: a first local time in a time zone and an optional RRULE. `next_at` is the
-- next occurrence in UTC (fixed-width ISO 8601, so text order is time order); the
-- dispatcher takes the rows whose next_at has passed. NULL once nothing is left.
CREATE TABLE reminders (
  id TEXT PRIMARY KEY,
  created_by_id TEXT NOT NULL REFERENCES users (id),
  title TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  starts_at TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  rrule TEXT NOT NULL DEFAULT '',
  entity TEXT,
  record_id TEXT,
  channels TEXT NOT NULL,
  create_task INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  next_at TEXT,
  fired_count INTEGER NOT NULL DEFAULT 0,
  last_fired_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX reminders_due ON reminders (status, next_at);
CREATE INDEX reminders_creator ON reminders (created_by_id, next_at);

CREATE TABLE reminder_recipients (
  reminder_id TEXT NOT NULL REFERENCES reminders (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (reminder_id, user_id)
);
CREATE INDEX reminder_recipients_user ON reminder_recipients (user_id);

-- One row per delivered occurrence: the unique key makes a second delivery of the same
-- occurrence fail instead of notifying twice.
CREATE TABLE reminder_occurrences (
  reminder_id TEXT NOT NULL REFERENCES reminders (id) ON DELETE CASCADE,
  occurrence_at TEXT NOT NULL,
  fired_at TEXT NOT NULL,
  recipients INTEGER NOT NULL,
  emails INTEGER NOT NULL DEFAULT 0,
  tasks INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (reminder_id, occurrence_at)
);
