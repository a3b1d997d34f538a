-- strata plan for postgres: 2 steps

-- Step 1: drop column legacy from table t
-- hazard data-loss: drops column legacy of public.t and its values
ALTER TABLE t DROP COLUMN legacy;

-- Step 2: drop sequence legacy_ids
DROP SEQUENCE legacy_ids;
