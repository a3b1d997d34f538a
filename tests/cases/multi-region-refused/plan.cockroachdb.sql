-- strata plan for cockroachdb: 4 steps

-- Step 1: set the primary region to "us-east1"
-- (each statement outside a transaction)
ALTER DATABASE shop PRIMARY REGION "us-east1";

-- Step 2: add region "eu-west1"
-- (each statement outside a transaction)
ALTER DATABASE shop ADD REGION "eu-west1";

-- Step 3: survive zone failure
-- (each statement outside a transaction)
ALTER DATABASE shop SURVIVE ZONE FAILURE;

-- Step 4: set the locality of table t to global
-- (each statement outside a transaction)
ALTER TABLE t SET LOCALITY GLOBAL;
