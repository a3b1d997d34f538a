-- strata plan for cockroachdb: 2 steps

-- Step 1: change the primary key of table memberships
-- hazard primary-key-change: changing the primary key rebuilds public.memberships and its indexes on the new key
-- hazard table-rewrite: every row of public.memberships is rewritten
-- (each statement outside a transaction)
ALTER TABLE memberships DROP CONSTRAINT memberships_pkey, ADD CONSTRAINT memberships_pkey PRIMARY KEY (group_id, user_id);

-- Step 2: drop column id from table memberships
-- hazard data-loss: drops column id of public.memberships and its values
-- (each statement outside a transaction)
ALTER TABLE memberships DROP COLUMN id;
