-- Access control (DESIGN §6): who belongs where, and what each role may do. References
-- are DEFERRABLE so a restore may copy the tables in any order in one transaction.

-- People: the reporting line (managers see their subordinates' records), preferences,
-- and portal users, who act for one customer account or contact.
ALTER TABLE users ADD COLUMN manager_id TEXT REFERENCES users (id) DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE users ADD COLUMN kind TEXT NOT NULL DEFAULT 'staff';
ALTER TABLE users ADD COLUMN portal_account_id TEXT;
ALTER TABLE users ADD COLUMN portal_contact_id TEXT;
CREATE INDEX users_manager ON users (manager_id);

CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX teams_name ON teams (name);

CREATE TABLE team_members (
  team_id TEXT NOT NULL REFERENCES teams (id) DEFERRABLE INITIALLY IMMEDIATE,
  user_id TEXT NOT NULL REFERENCES users (id) DEFERRABLE INITIALLY IMMEDIATE,
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members (user_id);

CREATE TABLE roles (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX roles_name ON roles (name);

CREATE TABLE user_roles (
  user_id TEXT NOT NULL REFERENCES users (id) DEFERRABLE INITIALLY IMMEDIATE,
  role_id TEXT NOT NULL REFERENCES roles (id) DEFERRABLE INITIALLY IMMEDIATE,
  PRIMARY KEY (user_id, role_id)
);
CREATE INDEX user_roles_role ON user_roles (role_id);

-- One row per role × entity × action that the role may do; no row: denied. `rule` is a
-- filter over the entity's fields with user.<attribute> values, for scope 'rule'.
CREATE TABLE role_rights (
  role_id TEXT NOT NULL REFERENCES roles (id) DEFERRABLE INITIALLY IMMEDIATE,
  entity TEXT NOT NULL,
  action TEXT NOT NULL,
  scope TEXT NOT NULL,
  rule TEXT,
  PRIMARY KEY (role_id, entity, action)
);

-- Fields a role may not see ('hidden') or not change ('read_only').
CREATE TABLE field_rights (
  role_id TEXT NOT NULL REFERENCES roles (id) DEFERRABLE INITIALLY IMMEDIATE,
  entity TEXT NOT NULL,
  field TEXT NOT NULL,
  mode TEXT NOT NULL,
  PRIMARY KEY (role_id, entity, field)
);

-- The values a user's rules compare against: `user.areas` in a rule is the set of this
-- user's rows with attribute 'areas'. Attributes are the picklists entities draw from.
CREATE TABLE user_attributes (
  user_id TEXT NOT NULL REFERENCES users (id) DEFERRABLE INITIALLY IMMEDIATE,
  attribute TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (user_id, attribute, value)
);

-- Bumped in the same transaction as any change above: every server process compares
-- it with the generation of the rights it holds in memory, and reloads when it moved.
-- Its one row appears with the first change (a fresh database holds no rows, so a
-- backup restores into it).
CREATE TABLE access_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL
);
