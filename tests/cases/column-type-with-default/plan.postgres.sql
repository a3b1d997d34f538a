-- strata plan for postgres: 3 steps

-- Step 1: change type of column hits of table counters
-- hazard table-rewrite: converting hits rewrites public.counters and its indexes
-- hazard blocking-lock: the rewrite holds an ACCESS EXCLUSIVE lock on public.counters
BEGIN;
ALTER TABLE counters ALTER COLUMN hits DROP DEFAULT;
ALTER TABLE counters ALTER COLUMN hits TYPE bigint USING hits::bigint;
ALTER TABLE counters ALTER COLUMN hits SET DEFAULT 0;
COMMIT;

-- Step 2: change type of column label of table counters
BEGIN;
ALTER TABLE counters ALTER COLUMN label DROP DEFAULT;
ALTER TABLE counters ALTER COLUMN label TYPE text USING label::text;
ALTER TABLE counters ALTER COLUMN label SET DEFAULT 'none';
COMMIT;

-- Step 3: change type, default of column ratio of table counters
-- hazard data-loss: ratio changes from numeric(6,3) to double precision: values may not fit or may fail to convert
-- hazard table-rewrite: converting ratio rewrites public.counters and its indexes
-- hazard blocking-lock: the rewrite holds an ACCESS EXCLUSIVE lock on public.counters
BEGIN;
ALTER TABLE counters ALTER COLUMN ratio DROP DEFAULT;
ALTER TABLE counters ALTER COLUMN ratio TYPE double precision USING ratio::double precision;
ALTER TABLE counters ALTER COLUMN ratio SET DEFAULT 0.25;
COMMIT;
