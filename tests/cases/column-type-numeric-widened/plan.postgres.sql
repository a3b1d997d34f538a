-- strata plan for postgres: 1 step

-- Step 1: change type of column value of table items
ALTER TABLE items ALTER COLUMN value TYPE numeric(12,2) USING value::numeric(12,2);
