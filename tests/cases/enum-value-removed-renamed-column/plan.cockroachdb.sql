-- strata plan for cockroachdb: 5 steps

-- Step 1: rename table ticket to tickets
-- (each statement outside a transaction)
ALTER TABLE ticket RENAME TO tickets;

-- Step 2: drop index ticket_open_idx of table tickets
-- (each statement outside a transaction)
DROP INDEX tickets@ticket_open_idx;

-- Step 3: rename column state of table tickets to status
-- (each statement outside a transaction)
ALTER TABLE tickets RENAME COLUMN state TO status;

-- Step 4: rebuild enum ticket_state (values removed or reordered)
-- hazard enum-value-removal: values of enum public.ticket_state are dropped: fails while a row holds one
-- (each statement outside a transaction)
ALTER TYPE ticket_state DROP VALUE 'blocked';

-- Step 5: create index ticket_open_idx on table tickets
-- hazard index-build: builds index ticket_open_idx over the rows of public.tickets (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX ticket_open_idx ON tickets (id) WHERE status = 'open';
