-- Global search. search_documents holds each searchable record's title, text and folded
-- text (lower case, no accents, folded by Atrium so no extension is needed); a GIN index
-- over its 'simple' text vector answers prefix queries.
CREATE TABLE search_documents (
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  folded TEXT NOT NULL,
  PRIMARY KEY (entity, record_id)
);
CREATE INDEX search_documents_vector ON search_documents USING GIN (to_tsvector('simple', folded));
