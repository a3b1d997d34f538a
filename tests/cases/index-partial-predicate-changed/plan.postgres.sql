-- strata plan for postgres: 2 steps

-- Step 1: drop index jobs_pending_idx of table jobs
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY jobs_pending_idx;

-- Step 2: create index jobs_pending_idx on table jobs
-- hazard index-build: builds index jobs_pending_idx over the rows of public.jobs (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS jobs_pending_idx;
CREATE INDEX CONCURRENTLY jobs_pending_idx ON jobs (run_at) WHERE state = 'queued' AND deleted_at IS NULL;
