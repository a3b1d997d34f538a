-- strata plan for postgres: 5 steps

-- Step 1: rename table ticket to tickets
ALTER TABLE ticket RENAME TO tickets;

-- Step 2: drop index ticket_open_idx of table tickets
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY ticket_open_idx;

-- Step 3: rename column state of table tickets to status
ALTER TABLE tickets RENAME COLUMN state TO status;

-- Step 4: rebuild enum ticket_state (values removed or reordered)
-- hazard enum-value-removal: enum public.ticket_state loses or reorders values: columns holding a removed value fail the conversion
-- hazard table-rewrite: 1 column(s) are converted to the rebuilt type
-- hazard blocking-lock: each conversion holds an ACCESS EXCLUSIVE lock on its table
BEGIN;
ALTER TYPE ticket_state RENAME TO ticket_state_strata_old;
CREATE TYPE ticket_state AS ENUM ('open', 'closed');
ALTER TABLE tickets ALTER COLUMN status DROP DEFAULT,
  ALTER COLUMN status TYPE ticket_state USING status::text::ticket_state,
  ALTER COLUMN status SET DEFAULT 'open';
DROP TYPE ticket_state_strata_old;
COMMIT;

-- Step 5: create index ticket_open_idx on table tickets
-- hazard index-build: builds index ticket_open_idx over the rows of public.tickets (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS ticket_open_idx;
CREATE INDEX CONCURRENTLY ticket_open_idx ON tickets (id) WHERE status = 'open';
