-- strata plan for cockroachdb: 1 step

-- Step 1: change type of column qty of table items
-- hazard data-loss: qty changes from bigint to integer: values may not fit or may fail to convert
-- hazard table-rewrite: converting qty rewrites public.items
-- (each statement outside a transaction)
ALTER TABLE items ALTER COLUMN qty DROP DEFAULT;
SET enable_experimental_alter_column_type_general = true;
ALTER TABLE items ALTER COLUMN qty SET DATA TYPE int4;
ALTER TABLE items ALTER COLUMN qty SET DEFAULT (0);
