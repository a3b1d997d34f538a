-- strata plan for cockroachdb: 1 step

-- Step 1: change nullability of column phone of table people
-- (each statement outside a transaction)
ALTER TABLE people ALTER COLUMN phone DROP NOT NULL;
