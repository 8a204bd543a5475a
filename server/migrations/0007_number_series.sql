-- Counters of the numbering series, one row per series and period ("account:ACC-2026-"):
-- a pattern holding the year gets a fresh row, so a fresh count, every year. Taken in
-- the transaction that creates the record, so numbers are gap-free and unique.
CREATE TABLE number_series (
  series TEXT PRIMARY KEY,
  last_value INTEGER NOT NULL
);
