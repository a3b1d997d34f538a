-- strata plan for cockroachdb: 2 steps

-- Step 1: create enum plan_tier
-- (each statement outside a transaction)
CREATE TYPE plan_tier AS ENUM ('free', 'pro', 'enterprise');

-- Step 2: add column tier to table users
-- hazard table-rewrite: a backfill writes tier into every row of public.users
-- (each statement outside a transaction)
ALTER TABLE users ADD COLUMN tier plan_tier DEFAULT 'free' NOT NULL;
