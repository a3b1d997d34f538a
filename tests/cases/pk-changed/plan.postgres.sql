-- strata plan for postgres: 2 steps

-- Step 1: change the primary key of table memberships
-- hazard index-build: builds the primary key index over the rows of public.memberships (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS memberships_pkey_strata_new;
CREATE UNIQUE INDEX CONCURRENTLY memberships_pkey_strata_new ON memberships (group_id, user_id);
ALTER TABLE memberships DROP CONSTRAINT memberships_pkey, ADD CONSTRAINT memberships_pkey PRIMARY KEY USING INDEX memberships_pkey_strata_new;

-- Step 2: drop column id from table memberships
-- hazard data-loss: drops column id of public.memberships and its values
ALTER TABLE memberships DROP COLUMN id;
