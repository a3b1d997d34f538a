-- strata plan for postgres: 1 step

-- Step 1: change type of column value of table items
ALTER TABLE items ALTER COLUMN value TYPE varchar(50) USING value::varchar(50);
