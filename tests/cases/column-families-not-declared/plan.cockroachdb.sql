-- strata plan for cockroachdb: 1 step

-- Step 1: add column unit to table readings
-- (each statement outside a transaction)
ALTER TABLE readings ADD COLUMN unit text NULL;
