-- strata plan for cockroachdb: 3 steps

-- Step 1: add column nickname to table users
-- (each statement outside a transaction)
ALTER TABLE users ADD COLUMN nickname text NULL;

-- Step 2: add column score to table users
-- hazard table-rewrite: a backfill writes score into every row of public.users
-- (each statement outside a transaction)
ALTER TABLE users ADD COLUMN score int DEFAULT 0 NOT NULL;

-- Step 3: add column email to table users
-- hazard not-null-without-default: column email is NOT NULL without a default: fails if public.users has rows
-- (each statement outside a transaction)
ALTER TABLE users ADD COLUMN email text NOT NULL;
