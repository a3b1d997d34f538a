-- strata plan for cockroachdb: 1 step

-- Step 1: change type of column value of table items
-- (each statement outside a transaction)
ALTER TABLE items ALTER COLUMN value SET DATA TYPE text;
