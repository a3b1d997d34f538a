-- strata plan for cockroachdb: 2 steps

-- Step 1: create table documents
-- (each statement outside a transaction)
CREATE TABLE documents (
  id uuid NOT NULL,
  title text NOT NULL,
  title_lower text AS (lower(title)) VIRTUAL NOT NULL,
  body text NOT NULL,
  CONSTRAINT documents_pkey PRIMARY KEY (id),
  FAMILY "primary" (id, title),
  FAMILY body (body)
);

-- Step 2: add column payload to table events
-- (each statement outside a transaction)
ALTER TABLE events ADD COLUMN payload jsonb NULL CREATE IF NOT EXISTS FAMILY payload;
