-- strata plan for cockroachdb: 3 steps

-- Step 1: drop column state from table devices
-- hazard data-loss: drops column state of public.devices and its values
-- (each statement outside a transaction)
ALTER TABLE devices DROP COLUMN state;

-- Step 2: drop column states_seen from table devices
-- hazard data-loss: drops column states_seen of public.devices and its values
-- (each statement outside a transaction)
ALTER TABLE devices DROP COLUMN states_seen;

-- Step 3: drop enum legacy_state
-- (each statement outside a transaction)
DROP TYPE legacy_state;
