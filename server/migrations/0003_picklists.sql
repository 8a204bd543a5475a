-- Values of the run-time picklists (areas, industries, …) that enum fields draw from.
-- Keys are stable; labels and order may change; inactive values stay valid on old
-- records but are not offered for new ones.
CREATE TABLE picklist_values (
  picklist TEXT NOT NULL,
  key TEXT NOT NULL,
  label TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (picklist, key)
);
