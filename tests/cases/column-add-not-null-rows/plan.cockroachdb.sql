-- strata plan for cockroachdb: 1 step

-- Step 1: add column email to table users
-- hazard not-null-without-default: column email is NOT NULL without a default: fails if public.users has rows
-- (each statement outside a transaction)
ALTER TABLE users ADD COLUMN email text NOT NULL;
