-- strata plan for cockroachdb: 2 steps

-- Step 1: create index accounts_email_lower_key on table accounts
-- hazard index-build: builds index accounts_email_lower_key over the rows of public.accounts (a backfill job)
-- (each statement outside a transaction)
CREATE UNIQUE INDEX accounts_email_lower_key ON accounts ((lower(email)));

-- Step 2: create index accounts_full_name_idx on table accounts
-- hazard index-build: builds index accounts_full_name_idx over the rows of public.accounts (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX accounts_full_name_idx ON accounts (((first_name || ' ' || last_name)), id DESC);
