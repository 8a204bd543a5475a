-- The durable job queue and its recurring schedules. Any number of server processes
-- share them: a worker claims due jobs under a lease (`locked_by` until `locked_until`);
-- a lease that runs out (the process died) makes the job claimable again.
-- `state`: pending → running → done, or back to pending for a retry, or failed after
-- `max_attempts`; cancelled while pending. `attempts` counts claims, so a job that kills
-- its worker every time still ends as failed.
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0,
  run_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  last_error TEXT,
  idempotency_key TEXT,
  locked_by TEXT,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  finished_at TEXT
);
-- Enqueueing a key again finds the job already there (keys without a value never clash).
CREATE UNIQUE INDEX jobs_idempotency ON jobs (kind, idempotency_key);
-- Partial indexes hold only the rows a worker looks for, so finished jobs cost nothing.
CREATE INDEX jobs_pending ON jobs (priority DESC, run_at, id) WHERE state = 'pending';
CREATE INDEX jobs_leases ON jobs (locked_until) WHERE state = 'running';
CREATE INDEX jobs_finished ON jobs (state, finished_at);

-- Recurring jobs. `schedule` is text ("every 5 minutes", "every day at 03:00") so new
-- forms (RRULE) need no new columns. `next_run_at` is the next slot; the job of a slot
-- carries the idempotency key "schedule:NAME@SLOT", so processes that see the same due
-- slot enqueue it once.
CREATE TABLE job_schedules (
  name TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  schedule TEXT NOT NULL,
  max_attempts INTEGER NOT NULL,
  next_run_at TEXT NOT NULL,
  last_slot_at TEXT,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX job_schedules_due ON job_schedules (next_run_at) WHERE enabled = 1;
