-- strata plan for postgres: 1 step

-- Step 1: change type of column value of table items
-- hazard data-loss: value changes from bigint to int: values may not fit or may fail to convert
-- hazard table-rewrite: converting value rewrites public.items and its indexes
-- hazard blocking-lock: the rewrite holds an ACCESS EXCLUSIVE lock on public.items
ALTER TABLE items ALTER COLUMN value TYPE int USING value::int;
