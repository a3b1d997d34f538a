-- strata plan for cockroachdb: 1 step

-- Step 1: create index jobs_pending_idx on table jobs
-- hazard index-build: builds index jobs_pending_idx over the rows of public.jobs (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX jobs_pending_idx ON jobs (run_at) WHERE state IN ('queued', 'retry') AND deleted_at IS NULL;
