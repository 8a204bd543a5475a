-- Business-hours calendars: a time zone, working intervals per weekday and holidays, as
-- JSON text (read and checked by the server, never queried inside).
CREATE TABLE business_calendars (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  hours TEXT NOT NULL,
  holidays TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX business_calendars_name ON business_calendars (name);

-- Routing paths: for records of one entity whose `field` holds `value`, an ordered list
-- of steps (JSON text: a user or a role each, with its SLA in working minutes).
CREATE TABLE routing_paths (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  entity TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  calendar_id TEXT NOT NULL REFERENCES business_calendars (id) DEFERRABLE INITIALLY IMMEDIATE,
  steps TEXT NOT NULL,
  overall_sla_minutes INTEGER,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX routing_paths_name ON routing_paths (name);
CREATE UNIQUE INDEX routing_paths_match ON routing_paths (entity, field, value);

-- A record on a path. The steps are copied when it starts, so editing a path never
-- changes the course of records already on it.
CREATE TABLE record_routings (
  id TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  path_id TEXT NOT NULL,
  path_name TEXT NOT NULL,
  calendar_id TEXT NOT NULL,
  steps TEXT NOT NULL,
  status TEXT NOT NULL,
  current_step INTEGER NOT NULL,
  assignee_id TEXT,
  step_started_at TEXT NOT NULL,
  step_due_at TEXT,
  started_at TEXT NOT NULL,
  overall_due_at TEXT,
  overall_breached_at TEXT,
  completed_at TEXT,
  escalation_exhausted INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX record_routings_record ON record_routings (entity, record_id);
CREATE INDEX record_routings_assignee ON record_routings (assignee_id, status);
CREATE INDEX record_routings_step_due ON record_routings (status, step_due_at);
CREATE INDEX record_routings_overall_due ON record_routings (status, overall_due_at);

-- Every move of a routed record, oldest first: who moved it from which step and person to
-- which, with the remarks and the action taken; escalations have no actor.
CREATE TABLE routing_moves (
  id TEXT PRIMARY KEY,
  routing_id TEXT NOT NULL REFERENCES record_routings (id) DEFERRABLE INITIALLY IMMEDIATE,
  sequence INTEGER NOT NULL,
  kind TEXT NOT NULL,
  from_step INTEGER,
  to_step INTEGER,
  from_user_id TEXT,
  to_user_id TEXT,
  actor_id TEXT,
  remarks TEXT,
  action_text TEXT,
  step_due_at TEXT,
  at TEXT NOT NULL
);
CREATE UNIQUE INDEX routing_moves_sequence ON routing_moves (routing_id, sequence);
