-- strata plan for cockroachdb: 4 steps

-- Step 1: change default of column body of table documents
-- (each statement outside a transaction)
ALTER TABLE documents ALTER COLUMN body SET DEFAULT '{}'::jsonb;

-- Step 2: change default of column price of table documents
-- (each statement outside a transaction)
ALTER TABLE documents ALTER COLUMN price SET DEFAULT '0'::numeric;

-- Step 3: change default of column tags of table documents
-- (each statement outside a transaction)
ALTER TABLE documents ALTER COLUMN tags SET DEFAULT ARRAY[]::text[];

-- Step 4: change default of column valid_for of table documents
-- (each statement outside a transaction)
ALTER TABLE documents ALTER COLUMN valid_for SET DEFAULT '1 day'::interval;
