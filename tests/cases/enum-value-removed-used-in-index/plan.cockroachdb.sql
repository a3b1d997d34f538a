-- strata plan for cockroachdb: 4 steps

-- Step 1: drop index jobs_active_idx of table jobs
-- (each statement outside a transaction)
DROP INDEX jobs@jobs_active_idx;

-- Step 2: drop check not_stalled_forever of table jobs
-- (each statement outside a transaction)
ALTER TABLE jobs DROP CONSTRAINT not_stalled_forever;

-- Step 3: rebuild enum job_state (values removed or reordered)
-- hazard enum-value-removal: values of enum public.job_state are dropped: fails while a row holds one
-- (each statement outside a transaction)
ALTER TYPE job_state DROP VALUE 'stalled';

-- Step 4: create index jobs_active_idx on table jobs
-- hazard index-build: builds index jobs_active_idx over the rows of public.jobs (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX jobs_active_idx ON jobs (id) WHERE state IN ('queued', 'running');
