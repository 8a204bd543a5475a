-- Global search. search_documents holds each searchable record's title, text and folded
-- text (lower case, no accents); an FTS5 index over the folded text is kept in step by
-- triggers, so restoring search_documents rebuilds the index by itself.
CREATE TABLE search_documents (
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  folded TEXT NOT NULL,
  PRIMARY KEY (entity, record_id)
);
CREATE VIRTUAL TABLE search_fts USING fts5(
  folded, content = 'search_documents', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TRIGGER search_documents_inserted AFTER INSERT ON search_documents BEGIN
  INSERT INTO search_fts (rowid, folded) VALUES (new.rowid, new.folded);
END;
CREATE TRIGGER search_documents_deleted AFTER DELETE ON search_documents BEGIN
  INSERT INTO search_fts (search_fts, rowid, folded) VALUES ('delete', old.rowid, old.folded);
END;
CREATE TRIGGER search_documents_updated AFTER UPDATE ON search_documents BEGIN
  INSERT INTO search_fts (search_fts, rowid, folded) VALUES ('delete', old.rowid, old.folded);
  INSERT INTO search_fts (rowid, folded) VALUES (new.rowid, new.folded);
END;
