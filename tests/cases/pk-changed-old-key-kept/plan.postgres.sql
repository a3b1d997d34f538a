-- strata plan for postgres: 1 step

-- Step 1: change the primary key of table devices
-- hazard index-build: builds the primary key index over the rows of public.devices (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS devices_pkey_strata_new;
CREATE UNIQUE INDEX CONCURRENTLY devices_pkey_strata_new ON devices (serial);
ALTER TABLE devices DROP CONSTRAINT devices_pkey, ADD CONSTRAINT devices_pkey PRIMARY KEY USING INDEX devices_pkey_strata_new;
