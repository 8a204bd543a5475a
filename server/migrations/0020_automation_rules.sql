-- Automation rules: on a trigger (a write, a field changed, a state entered, a date
-- reached, a schedule), for the records of `entity` that meet `condition` (the list filter
-- language), run `actions` in order as durable jobs. Trigger and actions are JSON.
CREATE TABLE automation_rules (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  entity TEXT NOT NULL,
  trigger_kind TEXT NOT NULL,
  trigger_spec TEXT NOT NULL,
  condition TEXT NOT NULL,
  actions TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_by_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX automation_rules_name ON automation_rules (name);
CREATE INDEX automation_rules_entity ON automation_rules (entity, active, trigger_kind);

-- Once per rule, record and key: a date reached fires once per date value, a schedule once
-- per slot (record_id '' for the schedule's own slot).
CREATE TABLE automation_firings (
  rule_id TEXT NOT NULL,
  record_id TEXT NOT NULL,
  fire_key TEXT NOT NULL,
  fired_at TEXT NOT NULL,
  PRIMARY KEY (rule_id, record_id, fire_key)
);

-- What rules did and where loop protection stopped them, newest last.
CREATE TABLE automation_log (
  id TEXT PRIMARY KEY,
  rule_id TEXT NOT NULL,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  event TEXT NOT NULL,
  detail TEXT NOT NULL,
  depth INTEGER NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX automation_log_rule ON automation_log (rule_id, at);
