-- strata plan for cockroachdb: 1 step

-- Step 1: change type of column value of table items
-- hazard data-loss: value changes from varchar(50) to varchar(10): values may not fit or may fail to convert
-- hazard table-rewrite: converting value rewrites public.items
-- (each statement outside a transaction)
SET enable_experimental_alter_column_type_general = true;
ALTER TABLE items ALTER COLUMN value SET DATA TYPE varchar(10);
