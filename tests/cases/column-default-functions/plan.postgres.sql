-- strata plan for postgres: 6 steps

-- Step 1: add column received_at to table events
ALTER TABLE events ADD COLUMN received_at timestamptz DEFAULT now() NOT NULL;

-- Step 2: add column trace_id to table events
-- hazard table-rewrite: every row of public.events gets a value of its own for trace_id: the table is rewritten
-- hazard blocking-lock: the rewrite holds an ACCESS EXCLUSIVE lock on public.events
ALTER TABLE events ADD COLUMN trace_id uuid DEFAULT gen_random_uuid() NOT NULL;

-- Step 3: change default of column id of table events
ALTER TABLE events ALTER COLUMN id SET DEFAULT gen_random_uuid();

-- Step 4: change default of column created_at of table events
ALTER TABLE events ALTER COLUMN created_at SET DEFAULT now();

-- Step 5: change default of column code of table events
ALTER TABLE events ALTER COLUMN code SET DEFAULT lower('X');

-- Step 6: change default of column day of table events
ALTER TABLE events ALTER COLUMN day SET DEFAULT CURRENT_DATE;
