-- The files an e-mail carries (a quotation's PDF): attachment records, in the order they
-- go out. The bytes stay with the attachment; whoever sends the e-mail reads them then.
CREATE TABLE email_outbox_attachments (
  email_id TEXT NOT NULL REFERENCES email_outbox (id),
  position INTEGER NOT NULL,
  attachment_id TEXT NOT NULL,
  PRIMARY KEY (email_id, position)
);
