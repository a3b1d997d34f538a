-- strata plan for postgres: 7 steps

-- Step 1: drop view amounts
-- hazard view-readers: drops view public.amounts: queries that read it fail until it is created again (if the plan does), and what strata does not manage on it goes with it (grants)
DROP VIEW amounts;

-- Step 2: drop view everything
-- hazard view-readers: drops view public.everything: queries that read it fail until it is created again (if the plan does), and what strata does not manage on it goes with it (grants)
DROP VIEW everything;

-- Step 3: rename column amount of table t to total
ALTER TABLE t RENAME COLUMN amount TO total;

-- Step 4: add column note to table t
ALTER TABLE t ADD COLUMN note text;

-- Step 5: change type of column total of table t
-- hazard table-rewrite: converting total rewrites public.t and its indexes
-- hazard blocking-lock: the rewrite holds an ACCESS EXCLUSIVE lock on public.t
ALTER TABLE t ALTER COLUMN total TYPE bigint USING total::bigint;

-- Step 6: create view amounts
CREATE VIEW amounts AS SELECT id, total FROM t;

-- Step 7: create view everything
CREATE VIEW everything AS SELECT * FROM t;
