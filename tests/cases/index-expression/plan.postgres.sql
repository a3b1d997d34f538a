-- strata plan for postgres: 2 steps

-- Step 1: create index accounts_email_lower_key on table accounts
-- hazard index-build: builds index accounts_email_lower_key over the rows of public.accounts (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS accounts_email_lower_key;
CREATE UNIQUE INDEX CONCURRENTLY accounts_email_lower_key ON accounts ((lower(email)));

-- Step 2: create index accounts_full_name_idx on table accounts
-- hazard index-build: builds index accounts_full_name_idx over the rows of public.accounts (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS accounts_full_name_idx;
CREATE INDEX CONCURRENTLY accounts_full_name_idx ON accounts (((first_name || ' ' || last_name)), id DESC);
