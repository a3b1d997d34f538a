-- strata plan for postgres: 2 steps

-- Step 1: create index users_email_idx on table users
-- hazard index-build: builds index users_email_idx over the rows of public.users (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;
CREATE UNIQUE INDEX CONCURRENTLY users_email_idx ON users (email);

-- Step 2: add unique constraint users_id_email_key to table users
-- hazard index-build: builds the index of users_id_email_key over the rows of public.users (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS users_id_email_key;
CREATE UNIQUE INDEX CONCURRENTLY users_id_email_key ON users (id, email);
ALTER TABLE users ADD CONSTRAINT users_id_email_key UNIQUE USING INDEX users_id_email_key;
