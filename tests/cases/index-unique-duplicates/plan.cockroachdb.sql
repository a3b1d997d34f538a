-- strata plan for cockroachdb: 2 steps

-- Step 1: create index users_email_idx on table users
-- hazard index-build: builds index users_email_idx over the rows of public.users (a backfill job)
-- (each statement outside a transaction)
CREATE UNIQUE INDEX users_email_idx ON users (email);

-- Step 2: add unique constraint users_id_email_key to table users
-- hazard index-build: builds the index of users_id_email_key over the rows of public.users
-- (each statement outside a transaction)
ALTER TABLE users ADD CONSTRAINT users_id_email_key UNIQUE (id, email);
