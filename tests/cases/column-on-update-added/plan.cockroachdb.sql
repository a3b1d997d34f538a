-- strata plan for cockroachdb: 2 steps

-- Step 1: add column revision to table posts
-- hazard table-rewrite: a backfill writes revision into every row of public.posts
-- (each statement outside a transaction)
ALTER TABLE posts ADD COLUMN revision text DEFAULT 'draft' ON UPDATE 'edited' NOT NULL;

-- Step 2: change on update of column updated_at of table posts
-- (each statement outside a transaction)
ALTER TABLE posts ALTER COLUMN updated_at SET ON UPDATE now();
