-- strata plan for cockroachdb: 5 steps

-- Step 1: add column checksum to table readings
-- (each statement outside a transaction)
ALTER TABLE readings ADD COLUMN checksum bytea NULL CREATE IF NOT EXISTS FAMILY blobs;

-- Step 2: add column unit to table readings
-- (each statement outside a transaction)
ALTER TABLE readings ADD COLUMN unit text NULL CREATE IF NOT EXISTS FAMILY "primary";

-- Step 3: drop column total from table readings
-- hazard data-loss: drops column total of public.readings and its values
-- (each statement outside a transaction)
ALTER TABLE readings DROP COLUMN total;

-- Step 4: add column total to table readings
-- hazard table-rewrite: a backfill writes total into every row of public.readings
-- (each statement outside a transaction)
ALTER TABLE readings ADD COLUMN total double precision AS (value * 3) STORED NOT NULL CREATE IF NOT EXISTS FAMILY derived;

-- Step 5: drop column notes from table readings
-- hazard data-loss: drops column notes of public.readings and its values
-- (each statement outside a transaction)
ALTER TABLE readings DROP COLUMN notes;
