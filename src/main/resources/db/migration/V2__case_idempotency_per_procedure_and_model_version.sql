-- An idempotency key identifies one request to one procedure: the same key sent to another
-- procedure is another application, not a repetition.
ALTER TABLE case_file DROP CONSTRAINT uq_case_idempotency;
ALTER TABLE case_file ADD CONSTRAINT uq_case_idempotency UNIQUE (owner, process_key, idempotency_key);

-- The exact model version a case was filed under: its start form shows the application as it was
-- filled in, even after the procedure changed or was suspended.
ALTER TABLE case_file ADD COLUMN process_definition_id VARCHAR(64);
