-- strata plan for postgres: 2 steps

-- Step 1: change default of column status of table posts
ALTER TABLE posts ALTER COLUMN status SET DEFAULT 'draft';

-- Step 2: change default of column views of table posts
ALTER TABLE posts ALTER COLUMN views SET DEFAULT 0;
