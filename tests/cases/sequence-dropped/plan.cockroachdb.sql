-- strata plan for cockroachdb: 2 steps

-- Step 1: drop column legacy from table t
-- hazard data-loss: drops column legacy of public.t and its values
-- (each statement outside a transaction)
ALTER TABLE t DROP COLUMN legacy;

-- Step 2: drop sequence legacy_ids
-- (each statement outside a transaction)
DROP SEQUENCE legacy_ids;
