-- strata plan for postgres: 4 steps

-- Step 1: drop index jobs_active_idx of table jobs
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY jobs_active_idx;

-- Step 2: drop check not_stalled_forever of table jobs
ALTER TABLE jobs DROP CONSTRAINT not_stalled_forever;

-- Step 3: rebuild enum job_state (values removed or reordered)
-- hazard enum-value-removal: enum public.job_state loses or reorders values: columns holding a removed value fail the conversion
-- hazard table-rewrite: 1 column(s) are converted to the rebuilt type
-- hazard blocking-lock: each conversion holds an ACCESS EXCLUSIVE lock on its table
BEGIN;
ALTER TYPE job_state RENAME TO job_state_strata_old;
CREATE TYPE job_state AS ENUM ('queued', 'running', 'done');
ALTER TABLE jobs ALTER COLUMN state DROP DEFAULT,
  ALTER COLUMN state TYPE job_state USING state::text::job_state,
  ALTER COLUMN state SET DEFAULT 'queued';
DROP TYPE job_state_strata_old;
COMMIT;

-- Step 4: create index jobs_active_idx on table jobs
-- hazard index-build: builds index jobs_active_idx over the rows of public.jobs (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS jobs_active_idx;
CREATE INDEX CONCURRENTLY jobs_active_idx ON jobs (id) WHERE state IN ('queued', 'running');
