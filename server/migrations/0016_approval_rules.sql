-- Approval rules as data (DESIGN §7): an entity, a trigger, a condition in the list filter
-- language and a chain of approver levels, kept as JSON because the engine reads it whole.
CREATE TABLE approval_rules (
  id TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  name TEXT NOT NULL,
  trigger_kind TEXT NOT NULL,
  condition TEXT NOT NULL DEFAULT '',
  levels TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by_id TEXT,
  updated_at TEXT NOT NULL,
  updated_by_id TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX approval_rules_trigger ON approval_rules (entity, trigger_kind, active);

-- A running approval keeps the chain it started with, so editing a rule changes only the
-- approvals started after the edit.
ALTER TABLE approvals ADD COLUMN rule_id TEXT;
ALTER TABLE approvals ADD COLUMN rule_name TEXT;
ALTER TABLE approvals ADD COLUMN levels TEXT;
ALTER TABLE approvals ADD COLUMN current_level INTEGER NOT NULL DEFAULT 0;
CREATE INDEX approvals_requester ON approvals (requested_by_id, status);

-- One row per approver of a level that has been reached: who may decide, and what they
-- decided (for themselves or on behalf of someone away).
CREATE TABLE approval_steps (
  id TEXT PRIMARY KEY,
  approval_id TEXT NOT NULL,
  level INTEGER NOT NULL,
  approver_id TEXT NOT NULL,
  status TEXT NOT NULL,
  decided_by_id TEXT,
  on_behalf_of_id TEXT,
  decided_at TEXT,
  remarks TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX approval_steps_approval ON approval_steps (approval_id, level);
CREATE INDEX approval_steps_waiting ON approval_steps (approver_id, status);

-- A user away names a delegate for a period; during it the delegate decides in their place.
CREATE TABLE approval_delegations (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  delegate_id TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  remarks TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX approval_delegations_delegate ON approval_delegations (delegate_id, ends_at);
CREATE INDEX approval_delegations_user ON approval_delegations (user_id, ends_at);
