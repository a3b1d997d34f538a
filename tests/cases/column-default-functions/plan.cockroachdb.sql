-- strata plan for cockroachdb: 6 steps

-- Step 1: add column received_at to table events
-- hazard table-rewrite: a backfill writes received_at into every row of public.events
-- (each statement outside a transaction)
ALTER TABLE events ADD COLUMN received_at timestamptz DEFAULT now() NOT NULL;

-- Step 2: add column trace_id to table events
-- hazard table-rewrite: a backfill writes trace_id into every row of public.events
-- (each statement outside a transaction)
ALTER TABLE events ADD COLUMN trace_id uuid DEFAULT gen_random_uuid() NOT NULL;

-- Step 3: change default of column id of table events
-- (each statement outside a transaction)
ALTER TABLE events ALTER COLUMN id SET DEFAULT gen_random_uuid();

-- Step 4: change default of column created_at of table events
-- (each statement outside a transaction)
ALTER TABLE events ALTER COLUMN created_at SET DEFAULT now();

-- Step 5: change default of column code of table events
-- (each statement outside a transaction)
ALTER TABLE events ALTER COLUMN code SET DEFAULT lower('X');

-- Step 6: change default of column day of table events
-- (each statement outside a transaction)
ALTER TABLE events ALTER COLUMN day SET DEFAULT CURRENT_DATE;
