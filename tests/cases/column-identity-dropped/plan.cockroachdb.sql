-- strata plan for cockroachdb: 2 steps

-- Step 1: change identity of column id of table tickets
-- (each statement outside a transaction)
ALTER TABLE tickets ALTER COLUMN id DROP IDENTITY;

-- Step 2: change identity of column number of table tickets
-- (each statement outside a transaction)
ALTER TABLE tickets ALTER COLUMN number DROP IDENTITY;
