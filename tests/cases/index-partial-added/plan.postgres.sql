-- strata plan for postgres: 1 step

-- Step 1: create index jobs_pending_idx on table jobs
-- hazard index-build: builds index jobs_pending_idx over the rows of public.jobs (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS jobs_pending_idx;
CREATE INDEX CONCURRENTLY jobs_pending_idx ON jobs (run_at) WHERE state IN ('queued', 'retry') AND deleted_at IS NULL;
