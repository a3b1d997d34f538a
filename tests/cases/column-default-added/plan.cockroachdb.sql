-- strata plan for cockroachdb: 2 steps

-- Step 1: change default of column status of table posts
-- (each statement outside a transaction)
ALTER TABLE posts ALTER COLUMN status SET DEFAULT 'draft';

-- Step 2: change default of column views of table posts
-- (each statement outside a transaction)
ALTER TABLE posts ALTER COLUMN views SET DEFAULT 0;
