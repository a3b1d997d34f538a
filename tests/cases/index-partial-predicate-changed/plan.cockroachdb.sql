-- strata plan for cockroachdb: 2 steps

-- Step 1: drop index jobs_pending_idx of table jobs
-- (each statement outside a transaction)
DROP INDEX jobs@jobs_pending_idx;

-- Step 2: create index jobs_pending_idx on table jobs
-- hazard index-build: builds index jobs_pending_idx over the rows of public.jobs (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX jobs_pending_idx ON jobs (run_at) WHERE state = 'queued' AND deleted_at IS NULL;
