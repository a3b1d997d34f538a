-- strata plan for postgres: 2 steps

-- Step 1: change identity of column id of table tickets
ALTER TABLE tickets ALTER COLUMN id DROP IDENTITY;

-- Step 2: change identity of column number of table tickets
ALTER TABLE tickets ALTER COLUMN number DROP IDENTITY;
