-- strata plan for cockroachdb: 1 step

-- Step 1: change the primary key of table devices
-- hazard primary-key-change: changing the primary key rebuilds public.devices and its indexes on the new key
-- hazard table-rewrite: every row of public.devices is rewritten
-- (each statement outside a transaction)
ALTER TABLE devices DROP CONSTRAINT devices_pkey, ADD CONSTRAINT devices_pkey PRIMARY KEY (serial);
