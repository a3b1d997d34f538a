-- strata plan for postgres: 1 step

-- Step 1: change nullability of column phone of table people
ALTER TABLE people ALTER COLUMN phone DROP NOT NULL;
